// Runs → clusters of shaped glyphs. A cluster is the smallest unit a line may start or end
// at: one glyph (or a ligature such as "——", or a base with its marks) and its characters.
// Shaping goes per same-face, same-script segment with the Chinese localized forms
// (fonts.md §2, §7), so what is measured here is exactly what the PDF writer draws.
import type * as fontkit from 'fontkit';
import type { FontSet } from './fonts.js';
import { faceData } from './face-data.js';
import { OTHER, PAIR, SUBST } from './plain-glyphs.js';
import type { StyledRun } from './types.js';
import type { ErrorInit } from '../errors.js';
import { GlyphMissingError, missingGlyphMessage } from './errors.js';
import { CharFlag, charFlags, isIgnorable, isNewline, isSpace, takesLatinForm } from './classify.js';

export type ClusterKind = 'ideo' | 'punct' | 'latin' | 'space' | 'newline';

export interface ClusterGlyph {
  id: number;
  /** pt, as shaped (kerning included). */
  advance: number;
  /** pt, the glyph's own advance without contextual positioning (used at a line end). */
  nominal: number;
  dx: number;
  dy: number;
  text: string;
}

export interface Cluster {
  start: number;
  end: number;
  run: number;
  face: string;
  size: number;
  glyphs: ClusterGlyph[];
  kind: ClusterKind;
  /** First and last character (code point strings) of the cluster. */
  first: string;
  last: string;
  /** An invisible character at the very start, waiting to join the first real glyph. */
  pendingLead?: true;
}

interface ShapedGlyphUnits {
  id: number;
  advance: number;
  nominal: number;
  dx: number;
  dy: number;
  /** UTF-16 length of the characters this glyph stands for. */
  length: number;
}

/**
 * Shaped glyphs as parallel arrays: what shaping hands the cluster builder, which reads each
 * value once. (An object per glyph here was ~1 MiB of the ~9 MiB a warm 663 render allocates;
 * the arrays, with the copying of a segment's parts into one, are ~0.9 MiB.)
 */
interface UnitRun {
  ids: number[];
  /** UTF-16 length of the characters each glyph stands for. */
  lengths: number[];
  /** As shaped (kerning included), font units. */
  advances: number[];
  /** The glyphs' own advances; undefined when they are the advances. */
  nominals: number[] | undefined;
  /** Offsets; undefined when all are 0. */
  dx: number[] | undefined;
  dy: number[] | undefined;
}

/**
 * Every UnitRun is made here, all its fields present and in one order: runs of one shape keep
 * the code reading them monomorphic (runs of three shapes, the optional fields added later,
 * deoptimized plainUnits, appendRun and shapeRuns in each fresh process's first renders).
 */
function makeRun(ids: number[], lengths: number[], advances: number[], nominals?: number[], dx?: number[], dy?: number[]): UnitRun {
  return { ids, lengths, advances, nominals, dx, dy };
}

function unitRun(units: readonly ShapedGlyphUnits[]): UnitRun {
  const run = makeRun([], [], [], [], [], []);
  for (const u of units) {
    run.ids.push(u.id);
    run.lengths.push(u.length);
    run.advances.push(u.advance);
    run.nominals!.push(u.nominal);
    run.dx!.push(u.dx);
    run.dy!.push(u.dy);
  }
  return run;
}

function appendRun(to: UnitRun, run: UnitRun): void {
  // When either run has nominals or offsets, the joined one has them for every glyph
  // (defaults: the advance for nominals, 0 for offsets).
  if (run.nominals || to.nominals) extend((to.nominals ??= to.advances.slice()), run.nominals ?? run.advances);
  if (run.dx || to.dx) extend((to.dx ??= zeros(to.ids.length)), run.dx ?? zeros(run.ids.length));
  if (run.dy || to.dy) extend((to.dy ??= zeros(to.ids.length)), run.dy ?? zeros(run.ids.length));
  extend(to.ids, run.ids);
  extend(to.lengths, run.lengths);
  extend(to.advances, run.advances);
}

function extend(values: number[], more: readonly number[]): void {
  for (let i = 0; i < more.length; i++) values.push(more[i]!);
}

function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

/** 'mark': a quote, dash or ellipsis between Latin text, shaped in its Latin form (no `ZHS ` locl). */
type Script = 'hani' | 'latn' | 'mark';

// Shaping results depend only on (face, script, text); the same words recur across an issue
// and across the layout passes over it, so this cache makes re-breaking nearly free. It is
// bounded by the glyphs it holds, not by entries: a segment can be a whole paragraph, and a
// service rendering ever-new issues must not grow (20,000 paragraph-long entries were 250 MiB).
interface ShapeCache {
  entries: Map<string, ShapedGlyphUnits[]>;
  glyphs: number;
}
const shapeCache = new WeakMap<fontkit.Font, ShapeCache>();
/**
 * About 2.5 MiB of glyph records per face: five issues the size of 663. Larger caches only
 * raised the peak RSS of a long-running service (V8 promotes, then drops, the whole cache).
 */
const CACHE_GLYPHS = 25_000;

// A run of glyphs that no lookup can act on (plain-glyphs.ts) is its cmap glyphs at their
// advances: read from the face's bytes, without fontkit. In the bundled faces that is every
// ideograph, mark and digit, and with their substitutions (the ZHS form of —, the —— and fi
// ligatures) and pair kerning, the Latin text; only runs with a lookup of another kind, or in
// the marks' Latin forms (pwid), still go through fontkit.
function plainUnits(font: fontkit.Font, text: string, script: 'hani' | 'latn'): UnitRun | undefined {
  const data = faceData(font);
  const triggers = data?.triggers(script, 'ZHS ');
  if (!data || !triggers) return undefined;
  let ids: number[] = [];
  let lengths: number[] = [];
  let kinds = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const length = cp > 0xffff ? 2 : 1;
    i += length;
    const id = data.glyphId(cp);
    const kind = triggers.glyphs[id] ?? OTHER;
    // fontkit zeroes marks' advances and hides default-ignorable characters (and a variation
    // selector changes the cmap glyph of the one before it): those runs are left to it.
    if (id === 0 || kind & OTHER || charFlags(cp) & (CharFlag.Mark | CharFlag.Ignorable)) return undefined;
    kinds |= kind;
    ids.push(id);
    lengths.push(length);
  }
  if (kinds & SUBST) {
    // The ZHS form of —, the —— and fi ligatures (plain-glyphs.ts), as fontkit's GSUB makes them.
    const substituted = data.substitute(triggers, ids, lengths);
    if (!substituted) return undefined;
    ({ ids, lengths } = substituted);
    kinds = ids.reduce((k, id) => k | (triggers.glyphs[id] ?? 0), 0);
  }
  const advances: number[] = [];
  for (const id of ids) advances.push(data.advance(id));
  if ((kinds & PAIR) === 0) return makeRun(ids, lengths, advances);
  // Kerned Latin (plain-glyphs.ts): the pairs' adjustments, as fontkit's GPOS adds them.
  const adjustments = data.kerning(triggers, ids);
  const nominals = advances.slice();
  const dx: number[] = [];
  const dy: number[] = [];
  for (let i = 0; i < adjustments.length; i++) {
    const a = adjustments[i]!;
    dx.push(a.xOffset);
    dy.push(a.yOffset);
    advances[i]! += a.xAdvance;
  }
  return makeRun(ids, lengths, advances, nominals, dx, dy);
}

// Ideographs shape alone: in the bundled faces no feature under hani/ZHS joins, moves or
// substitutes an ideograph by context (tests/text/ideographs.test.ts checks whole strings
// against per-character shaping), so a run of them is set from a per-character table and
// fontkit's GSUB/GPOS machinery runs once per character per process instead of once per
// new sentence. Bounded by the face's ideographs. Only for a face whose bytes are not read
// here (plainUnits covers the others).
const ideographCache = new WeakMap<fontkit.Font, Map<string, ShapedGlyphUnits>>();

// Han only (CharFlag.Han): kana and hangul (also 'ideographic' to the breaker) are not
// covered by that check.
function onlyIdeographs(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    if ((charFlags(cp) & CharFlag.Han) === 0) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return true;
}

function shapeIdeographs(font: fontkit.Font, text: string): UnitRun {
  const plain = plainUnits(font, text, 'hani');
  if (plain) return plain;
  let table = ideographCache.get(font);
  if (!table) ideographCache.set(font, (table = new Map()));
  const out: ShapedGlyphUnits[] = [];
  for (const ch of text) {
    let g = table.get(ch);
    if (!g) {
      [g] = shapeWithFontkit(font, ch, 'hani');
      if (!g) throw new Error(`fontkit gave no glyph for ${ch}`);
      table.set(ch, g);
    }
    out.push(g);
  }
  return unitRun(out);
}

// A Chinese segment alternates runs of Han and of marks; only the marks need fontkit (their
// ZHS forms and the —— ligature), and the same few mark runs recur all through an issue.
const HAN_RUNS = /[\p{Script=Han}〇]+|[^\p{Script=Han}〇]+/gu;

function shapeUnits(font: fontkit.Font, text: string, script: Script): UnitRun {
  if (script === 'mark') return unitRun(shapeCached(font, text, script));
  if (script === 'latn') return plainUnits(font, text, script) ?? unitRun(shapeCached(font, text, script));
  if (onlyIdeographs(text)) return shapeIdeographs(font, text);
  const out = makeRun([], [], []);
  for (const [part] of text.matchAll(HAN_RUNS)) {
    appendRun(out, onlyIdeographs(part) ? shapeIdeographs(font, part) : plainUnits(font, part, script) ?? unitRun(shapeCached(font, part, script)));
  }
  return out;
}

function shapeCached(font: fontkit.Font, text: string, script: Script): ShapedGlyphUnits[] {
  let perFont = shapeCache.get(font);
  if (!perFont) {
    perFont = { entries: new Map(), glyphs: 0 };
    shapeCache.set(font, perFont);
  }
  const key = script + text;
  const hit = perFont.entries.get(key);
  if (hit) return hit;
  const result = shapeWithFontkit(font, text, script);
  if (perFont.glyphs + result.length > CACHE_GLYPHS) {
    perFont.entries.clear();
    perFont.glyphs = 0;
  }
  perFont.entries.set(key, result);
  perFont.glyphs += result.length;
  return result;
}

/**
 * fontkit's layout with the features of the script: Chinese and Latin with the `ZHS ` forms
 * (fonts.md §7); a mark in Latin text without them and with `pwid`, the font's proportional
 * quotes (its default quotes are the full-width CJK ones).
 */
function layout(font: fontkit.Font, text: string, script: Script): fontkit.GlyphRun {
  return script === 'mark' ? font.layout(text, ['pwid'], 'latn') : font.layout(text, [], script, 'ZHS ');
}

function shapeWithFontkit(font: fontkit.Font, text: string, script: Script): ShapedGlyphUnits[] {
  const run = layout(font, text, script);
  const out: ShapedGlyphUnits[] = [];
  let consumed = 0;
  // One glyph per character: glyph i is character i. Only otherwise (a ligature, a
  // decomposition) do the glyphs' codePoints say what each stands for. fontkit keeps one glyph
  // object per id with the characters it was first made for, none when it was made by id
  // (getGlyph), so those can be another text's: the output must not depend on what the
  // process shaped or drew before.
  const chars = Array.from(text);
  const oneToOne = chars.length === run.glyphs.length;
  for (let i = 0; i < run.glyphs.length; i++) {
    const g = run.glyphs[i]!;
    const p = run.positions[i]!;
    const length = oneToOne ? chars[i]!.length : g.codePoints.reduce((n, cp) => n + (cp > 0xffff ? 2 : 1), 0);
    consumed += length;
    out.push({ id: g.id, advance: p.xAdvance, nominal: g.advanceWidth, dx: p.xOffset, dy: p.yOffset, length });
  }
  let result = out;
  if (consumed !== text.length) {
    // The glyphs do not account for the text one to one (an unexpected substitution):
    // shape character by character so every character keeps its own glyph.
    result = [];
    for (const ch of text) {
      const r = layout(font, ch, script);
      r.glyphs.forEach((g, i) => {
        const p = r.positions[i]!;
        result.push({ id: g.id, advance: p.xAdvance, nominal: g.advanceWidth, dx: p.xOffset, dy: p.yOffset, length: i === 0 ? ch.length : 0 });
      });
    }
  }
  return result;
}

function faceFor(ch: string, faces: readonly string[], fonts: FontSet): string | undefined {
  return chainFaceFor(ch.codePointAt(0) ?? 0, chainOf(faces, fonts));
}

/**
 * The characters of `text` that no face of the chain can draw (each once, in order), as
 * shapeRuns would report them: for checking text that is not the document's (theme labels)
 * before anything is set.
 */
export function uncoveredCharacters(text: string, faces: readonly string[], fonts: FontSet): string[] {
  const out: string[] = [];
  for (const ch of new Set(text.normalize('NFC'))) {
    if (isNewline(ch) || isIgnorable(ch) || (isSpace(ch) && faceFor(' ', faces, fonts) !== undefined)) continue;
    if (faceFor(ch, faces, fonts) === undefined) out.push(ch);
  }
  return out;
}

function kindOfFlags(f: number): ClusterKind {
  if (f & CharFlag.Newline) return 'newline';
  if (f & CharFlag.Space) return 'space';
  if (f & CharFlag.Ideographic) return 'ideo';
  if (f & CharFlag.Cjk) return 'punct';
  return 'latin';
}

interface Segment {
  run: number;
  face: string;
  script: Script;
  start: number;
  end: number;
  text: string;
  /** What is shaped: the text with spaces the face lacks (tab, no-break spaces) as U+0020. */
  shaped: string;
  /** Offsets in the segment of those spaces. */
  spaces: number[];
}

export interface Shaped {
  text: string;
  clusters: Cluster[];
  /** Paragraph offset where each run starts. */
  runStarts: number[];
}

/** A face of a run's chain, looked up once per run. */
interface ChainFace {
  id: string;
  font: fontkit.Font;
  glyphId: ((cp: number) => number) | undefined;
}

function chainOf(faces: readonly string[], fonts: FontSet): ChainFace[] {
  const out: ChainFace[] = [];
  for (const id of faces) {
    const font = fonts.faces.get(id);
    if (font) out.push({ id, font, glyphId: faceData(font)?.glyphId });
  }
  return out;
}

/** The first face of the chain with a glyph for cp. */
function chainFaceFor(cp: number, chain: readonly ChainFace[]): string | undefined {
  for (const f of chain) if (f.glyphId ? f.glyphId(cp) !== 0 : f.font.hasGlyphForCodePoint(cp)) return f.id;
  return undefined;
}

/** NFC text of the runs and its clusters; throws GlyphMissingError naming U+XXXX and the run's pointer. */
export function shapeRuns(runs: readonly StyledRun[], fonts: FontSet): Shaped {
  const errors: ErrorInit[] = [];
  const segments: Segment[] = [];
  // Offsets of characters that get no glyph of their own (newlines, invisible formats).
  const loose: { at: number; ch: string; run: number; newline: boolean }[] = [];
  const runStarts: number[] = [];
  const texts: string[] = [];
  for (const r of runs) texts.push(r.text.normalize('NFC'));
  // The whole paragraph: a mark's form depends on its neighbours, across runs.
  const text = texts.join('');
  const hasHan = /[\p{Script=Han}]/u.test(text);
  let base = 0;
  // A loop, not runs.forEach: a callback's optimized code lives only as long as the closure,
  // and the one made per call was compiled again after every major GC.
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const t = texts[r]!;
    runStarts.push(base);
    const chain = chainOf(run.faces, fonts);
    let seg: Segment | undefined;
    let prevScript: Script = 'hani';
    const seen = new Set<string>();
    // Characters are classified by code point (classify.ts's table) and faces found through
    // the faces' remembered cmaps: this loop meets every character of the issue.
    for (let i = 0; i < t.length; ) {
      const cp = t.codePointAt(i)!;
      const length = cp > 0xffff ? 2 : 1;
      const at = base + i;
      i += length;
      const flags = charFlags(cp);
      if (flags & CharFlag.Newline) {
        seg = undefined;
        loose.push({ at, ch: String.fromCodePoint(cp), run: r, newline: true });
        continue;
      }
      let face = chainFaceFor(cp, chain);
      let asSpace = false;
      if (face === undefined && flags & CharFlag.Space && length === 1) {
        face = chainFaceFor(0x20, chain);
        asSpace = true;
      }
      if (face === undefined) {
        const ch = String.fromCodePoint(cp);
        if (flags & CharFlag.Ignorable) {
          seg = undefined;
          loose.push({ at, ch, run: r, newline: false });
          continue;
        }
        if (!seen.has(ch)) {
          seen.add(ch);
          errors.push({ pointer: run.pointer, message: missingGlyphMessage(ch) });
        }
        seg = undefined;
        continue;
      }
      const script: Script = flags & CharFlag.Space
        ? prevScript === 'mark' ? 'latn' : prevScript
        : (flags & (CharFlag.Newline | CharFlag.Cjk)) === 0 ? 'latn'
          : flags & CharFlag.AmbiguousMark && takesLatinForm(text, at, hasHan) ? 'mark' : 'hani';
      prevScript = script;
      if (!seg || seg.face !== face || seg.script !== script) {
        seg = { run: r, face, script, start: at, end: at, text: '', shaped: '', spaces: [] };
        segments.push(seg);
      }
      seg.end = at + length;
      if (asSpace) seg.spaces.push(at - seg.start);
    }
    base += t.length;
  }
  if (errors.length > 0) throw new GlyphMissingError(errors);

  const clusters: Cluster[] = [];
  let li = 0;
  const flushLoose = (upTo: number): void => {
    while (li < loose.length && loose[li]!.at < upTo) {
      const l = loose[li++]!;
      const run = runs[l.run]!;
      if (l.newline) {
        clusters.push({ start: l.at, end: l.at + l.ch.length, run: l.run, face: run.faces[0] ?? '', size: run.size, glyphs: [], kind: 'newline', first: l.ch, last: l.ch });
      } else {
        attachLoose(clusters, l.at, l.ch);
      }
    }
  };
  for (const seg of segments) {
    seg.text = text.slice(seg.start, seg.end);
    seg.shaped = withSpaces(seg.text, seg.spaces);
    flushLoose(seg.start);
    const font = fonts.faces.get(seg.face)!;
    // From the face's bytes where they are read (face-data.ts): fontkit's unitsPerEm goes
    // through a bound table getter on every access.
    const scale = runs[seg.run]!.size / (faceData(font)?.unitsPerEm ?? font.unitsPerEm);
    const size = runs[seg.run]!.size;
    let at = seg.start;
    const units = shapeUnits(font, seg.shaped, seg.script);
    for (let u = 0; u < units.ids.length; u++) {
      const length = units.lengths[u]!;
      const advance = units.advances[u]!;
      const chars = text.slice(at, at + length);
      const glyph: ClusterGlyph = {
        id: units.ids[u]!,
        advance: advance * scale,
        nominal: (units.nominals ? units.nominals[u]! : advance) * scale,
        dx: (units.dx ? units.dx[u]! : 0) * scale,
        dy: (units.dy ? units.dy[u]! : 0) * scale,
        text: chars,
      };
      const prev = clusters[clusters.length - 1];
      const firstCp = chars.codePointAt(0) ?? 0;
      const single = chars.length === (firstCp > 0xffff ? 2 : 1);
      const firstCh = single ? chars : String.fromCodePoint(firstCp);
      const firstFlags = charFlags(firstCp);
      const joins = prev !== undefined && prev.run === seg.run && prev.face === seg.face && prev.end === at &&
        prev.kind !== 'newline' && (length === 0 || (firstFlags & CharFlag.Mark) !== 0);
      if (joins) {
        prev.glyphs.push(glyph);
        prev.end = at + length;
        if (length > 0) prev.last = single ? chars : lastChar(chars);
      } else {
        // A mark in its Latin form belongs to the Latin text: no quarter em, no blanks, and it
        // joins the word's token, so Women’s stays unbroken as UAX #14 LB19 (× QU ×) has it.
        let kind = seg.script === 'mark' ? 'latin' : kindOfFlags(firstFlags);
        // Symbols the Chinese font draws a full em wide (① → ★ × §) behave like Chinese
        // punctuation: no quarter em beside them, breakable as Chinese text is.
        if (kind === 'latin' && seg.script !== 'mark' && firstCp >= 0x80 && glyph.nominal >= 0.9 * size) kind = 'punct';
        clusters.push({ start: at, end: at + length, run: seg.run, face: seg.face, size, glyphs: [glyph], kind, first: firstCh, last: (single ? chars : lastChar(chars)) || firstCh });
      }
      at += length;
    }
  }
  flushLoose(Infinity);
  return { text, clusters, runStarts };
}

/** The segment's text as shaped: the spaces its face lacks (at these offsets) as U+0020. */
function withSpaces(text: string, spaces: readonly number[]): string {
  if (spaces.length === 0) return text;
  let out = '';
  let from = 0;
  for (const k of spaces) {
    out += text.slice(from, k) + ' ';
    from = k + 1;
  }
  return out + text.slice(from);
}

function lastChar(s: string): string {
  const arr = Array.from(s);
  return arr[arr.length - 1] ?? '';
}

/** An invisible character joins the glyph before it (or, at the very start, the one after). */
function attachLoose(clusters: Cluster[], at: number, ch: string): void {
  const prev = clusters[clusters.length - 1];
  if (prev && prev.end === at) {
    prev.end += ch.length;
    const g = prev.glyphs[prev.glyphs.length - 1];
    if (g) g.text += ch;
    return;
  }
  // Nothing before it: remember it in a zero-glyph cluster that the next cluster absorbs.
  clusters.push({ start: at, end: at + ch.length, run: 0, face: '', size: 0, glyphs: [], kind: 'newline', first: ch, last: ch, pendingLead: true });
}

/** Fold leading invisible characters into the first real glyph. */
export function absorbLeading(clusters: Cluster[]): Cluster[] {
  let pending = false;
  for (let k = 0; k < clusters.length && !pending; k++) pending = clusters[k]!.pendingLead === true;
  if (!pending) return clusters;
  const out: Cluster[] = [];
  let lead: Cluster[] = [];
  for (const c of clusters) {
    if (c.pendingLead) {
      lead.push(c);
      continue;
    }
    if (lead.length > 0 && c.glyphs.length > 0) {
      const g = c.glyphs[0]!;
      g.text = lead.map((l) => l.first).join('') + g.text;
      c.start = lead[0]!.start;
      lead = [];
    } else if (lead.length > 0) {
      out.push(...lead.map(({ pendingLead: _, ...l }) => l));
      lead = [];
    }
    out.push(c);
  }
  for (const { pendingLead: _, ...l } of lead) out.push(l);
  return out;
}
