// Which glyphs of a face shaping leaves alone: those that no lookup of the features fontkit
// applies can start on. A run made only of such glyphs shapes to its cmap glyphs at their
// hmtx advances, with no offsets, so it needs no shaping engine at all (fontkit's layout costs
// ~0.1 ms a call, and a cold process spent ~120 ms in it, mostly on runs of ideographs).
//
// Every OpenType lookup subtable tests the glyph at the current position against one coverage
// table before it does anything (OpenType 1.9, "Common Table Formats": the Coverage table of
// single, multiple, alternate, ligature, pair, cursive and reverse-chaining subtables; the first
// input coverage of context and chained-context format 3; the mark coverage of the mark
// attachment types, whose current glyph is the mark). The glyphs of those coverages, over the
// lookups of the applied features, are the triggers; with the GDEF mark class (fontkit zeroes
// a mark's advance) every other glyph is plain.
//
// Two kinds of trigger are worked out here too, as fontkit's GSUBProcessor and GPOSProcessor
// apply them (each lookup in turn over every position, the first subtable that applies): single
// and ligature substitution (GSUB types 1 and 4: the ZHS form of —, the —— and fi ligatures) and
// pair kerning (GPOS type 2, PairPos). Those are all the lookups the Latin text and the marks
// of the bundled faces meet, so a run of them needs no shaping engine either.
import type { TableRecord } from './face-data.js';

// Per glyph, the kinds of lookup that start on it (bits):
/** A lookup read nowhere here (or the glyph is a mark): its runs go to fontkit. */
export const OTHER = 1;
/** Pair kerning (GPOS type 2). */
export const PAIR = 2;
/** Single or ligature substitution (GSUB types 1 and 4) in the features of fontkit's second stage. */
export const SUBST = 4;

/** A GSUB lookup applied here: single (1) or ligature (4) substitution, its subtables' offsets. */
export interface SubstLookup {
  readonly type: 1 | 4;
  readonly subtables: readonly number[];
}

export interface Triggers {
  /** Per glyph: 0 (plain) or the OR of OTHER, PAIR and SUBST. */
  readonly glyphs: Uint8Array;
  /** The substitutions fontkit applies, in its order (see pairLookups). */
  readonly substLookups: readonly SubstLookup[];
  /**
   * The pair-kerning lookups fontkit applies, in its order (by lookup index, once per feature
   * that lists them), each as the absolute offsets of its PairPos subtables.
   */
  readonly pairLookups: readonly (readonly number[])[];
}

/** A glyph's position change, font units, as GPOS ValueRecords give it. */
export interface Adjustment {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/**
 * fontkit 2.0.4's DefaultShaper (src/opentype/shapers/DefaultShaper.js), horizontal text: the
 * variation, direction, fraction, common and horizontal features. The shaper chosen for hani
 * and latn, the two scripts the breaker shapes with default features.
 */
const APPLIED_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

/** fontkit's OTProcessor falls back to these scripts when the face has none of the asked one. */
const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn'];

/** Extension lookups (GSUB 7, GPOS 9) wrap a subtable of another type behind a 32-bit offset. */
const EXTENSION = { GSUB: 7, GPOS: 9 } as const;
/** Context (GSUB 5, GPOS 7) and chained context (GSUB 6, GPOS 8) lookups. */
const CONTEXT = { GSUB: 5, GPOS: 7 } as const;
const CHAINED = { GSUB: 6, GPOS: 8 } as const;

/**
 * What shaping under (script, language) may do to each glyph of the face; undefined when the
 * face shapes by other means this does not read (no GSUB/GPOS but a kern or morx table, or
 * feature variations), so that every run goes to fontkit.
 */
export function triggerGlyphs(view: DataView, tables: ReadonlyMap<string, TableRecord>, numGlyphs: number, script: string, language: string): Triggers | undefined {
  if (tables.has('morx') || (tables.has('kern') && !tables.has('GPOS'))) return undefined;
  const out = new Uint8Array(numGlyphs);
  const pairLookups: number[][] = [];
  const substLookups: SubstLookup[] = [];
  try {
    for (const tag of ['GSUB', 'GPOS'] as const) {
      const table = tables.get(tag);
      if (table && !lookupTriggers(view, table.offset, tag, script, language, out, tag === 'GSUB' ? substLookups : pairLookups)) return undefined;
    }
    const gdef = tables.get('GDEF');
    if (gdef) {
      const classDef = view.getUint16(gdef.offset + 4);
      // Class 3: mark glyph (OpenType GDEF, GlyphClassDef).
      if (classDef) classGlyphs(view, gdef.offset + classDef, 3, out);
    }
  } catch (e) {
    // A table that points past the end of the file: leave the face to fontkit, which reports it.
    if (e instanceof RangeError) return undefined;
    throw e;
  }
  return { glyphs: out, substLookups, pairLookups };
}

/**
 * The glyphs and their UTF-16 lengths after the substitutions, for a run whose glyphs are plain,
 * PAIR or SUBST; undefined when a substitution gives a glyph that some other lookup acts on.
 */
export function substitute(view: DataView, triggers: Triggers, ids: readonly number[], lengths: readonly number[]): { ids: number[]; lengths: number[] } | undefined {
  const glyphs = [...ids];
  const lens = [...lengths];
  for (const lookup of triggers.substLookups) {
    for (let i = 0; i < glyphs.length; i++) {
      for (const at of lookup.subtables) {
        const index = coverageIndex(view, at + view.getUint16(at + 2), glyphs[i]!);
        if (index === -1) continue;
        if (lookup.type === 1) {
          glyphs[i] = view.getUint16(at) === 1 ? (glyphs[i]! + view.getInt16(at + 4)) & 0xffff : view.getUint16(at + 6 + index * 2);
        } else {
          const length = ligature(view, at + view.getUint16(at + 6 + index * 2), glyphs, i);
          if (length === 0) continue;
          // The ligature glyph stands for its components' characters.
          lens[i] = lens.slice(i, i + length).reduce((a, b) => a + b, 0);
          glyphs.splice(i + 1, length - 1);
          lens.splice(i + 1, length - 1);
        }
        if ((triggers.glyphs[glyphs[i]!] ?? 0) & OTHER) return undefined;
        break;
      }
    }
  }
  return { ids: glyphs, lengths: lens };
}

/** The first ligature of the set whose components follow position i (its glyph put there); 0 for none. */
function ligature(view: DataView, set: number, glyphs: number[], i: number): number {
  for (let k = 0, n = view.getUint16(set); k < n; k++) {
    const lig = set + view.getUint16(set + 2 + k * 2);
    const count = view.getUint16(lig + 2);
    if (i + count > glyphs.length) continue;
    let matches = true;
    for (let c = 1; c < count && matches; c++) matches = glyphs[i + c] === view.getUint16(lig + 4 + (c - 1) * 2);
    if (!matches) continue;
    glyphs[i] = view.getUint16(lig);
    return count;
  }
  return 0;
}

/**
 * The adjustments pair kerning makes to a run of glyph ids (one per glyph, all zero where no
 * pair applies). Only for runs without OTHER glyphs (after substitute()): then these lookups
 * are all the positioning that acts on them.
 */
export function pairAdjustments(view: DataView, triggers: Triggers, ids: readonly number[]): Adjustment[] {
  // A loop, not ids.map(): map's result array is of another elements kind (holey) than one
  // built by push, and plainUnits reads both; the second kind deoptimized it and this.
  const out: Adjustment[] = [];
  for (let i = 0; i < ids.length; i++) out.push({ xAdvance: 0, xOffset: 0, yOffset: 0 });
  for (const subtables of triggers.pairLookups) {
    for (let i = 0; i + 1 < ids.length; i++) {
      for (const at of subtables) if (applyPair(view, at, ids[i]!, ids[i + 1]!, out[i]!, out[i + 1]!)) break;
    }
  }
  return out;
}

/** fontkit's GPOSProcessor, lookup type 2: whether the subtable applies to the pair (first, second). */
function applyPair(view: DataView, at: number, first: number, second: number, one: Adjustment, two: Adjustment): boolean {
  const index = coverageIndex(view, at + view.getUint16(at + 2), first);
  if (index === -1) return false;
  const format1 = view.getUint16(at + 4);
  const format2 = view.getUint16(at + 6);
  const size1 = valueRecordSize(format1);
  const size2 = valueRecordSize(format2);
  if (view.getUint16(at) === 1) {
    // PairSets per first glyph, each a list of (secondGlyph, value1, value2).
    const set = at + view.getUint16(at + 10 + index * 2);
    const record = 2 + size1 + size2;
    for (let k = 0, n = view.getUint16(set); k < n; k++) {
      const r = set + 2 + k * record;
      if (view.getUint16(r) !== second) continue;
      addValue(view, r + 2, format1, one);
      addValue(view, r + 2 + size1, format2, two);
      return true;
    }
    return false;
  }
  // Format 2: a class for each glyph, a value pair for each (class1, class2); class 0 unlisted.
  const class1 = classOf(view, at + view.getUint16(at + 8), first);
  const class2 = classOf(view, at + view.getUint16(at + 10), second);
  const class2Count = view.getUint16(at + 14);
  const r = at + 16 + (class1 * class2Count + class2) * (size1 + size2);
  addValue(view, r, format1, one);
  addValue(view, r + size1, format2, two);
  return true;
}

/** ValueRecord: xPlacement, yPlacement, xAdvance, yAdvance, then four device offsets, each present by its format bit. */
function valueRecordSize(format: number): number {
  let size = 0;
  for (let bit = 0; bit < 8; bit++) if (format & (1 << bit)) size += 2;
  return size;
}

function addValue(view: DataView, at: number, format: number, to: Adjustment): void {
  let p = at;
  if (format & 0x1) (to.xOffset += view.getInt16(p), (p += 2));
  if (format & 0x2) (to.yOffset += view.getInt16(p), (p += 2));
  if (format & 0x4) (to.xAdvance += view.getInt16(p), (p += 2));
  // yAdvance and the device tables: nothing horizontal text is set with (fontkit ignores the latter).
}

/** The glyph's index in a Coverage table, -1 when it is not in it. */
function coverageIndex(view: DataView, at: number, gid: number): number {
  const format = view.getUint16(at);
  const count = view.getUint16(at + 2);
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (format === 1) {
      const g = view.getUint16(at + 4 + mid * 2);
      if (g === gid) return mid;
      if (g < gid) lo = mid + 1;
      else hi = mid - 1;
    } else {
      const r = at + 4 + mid * 6;
      if (gid < view.getUint16(r)) hi = mid - 1;
      else if (gid > view.getUint16(r + 2)) lo = mid + 1;
      else return view.getUint16(r + 4) + gid - view.getUint16(r);
    }
  }
  return -1;
}

/** The glyph's class in a ClassDef table; 0 when it is not listed (as fontkit's getClassID). */
function classOf(view: DataView, at: number, gid: number): number {
  const format = view.getUint16(at);
  if (format === 1) {
    const i = gid - view.getUint16(at + 2);
    return i >= 0 && i < view.getUint16(at + 4) ? view.getUint16(at + 6 + i * 2) : 0;
  }
  if (format === 2) {
    // Ranges sorted by start glyph (fontkit walks them in order; they do not overlap).
    let lo = 0;
    let hi = view.getUint16(at + 2) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = at + 4 + mid * 6;
      if (gid < view.getUint16(r)) hi = mid - 1;
      else if (gid > view.getUint16(r + 2)) lo = mid + 1;
      else return view.getUint16(r + 4);
    }
  }
  return 0;
}

function tagAt(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** false: the table has feature variations (GSUB/GPOS 1.1), which fontkit may apply. */
function lookupTriggers(view: DataView, base: number, tag: 'GSUB' | 'GPOS', script: string, language: string, out: Uint8Array, applied: (number[] | SubstLookup)[]): boolean {
  const minor = view.getUint16(base + 2);
  if (minor >= 1 && view.getUint32(base + 10) !== 0) return false;
  const scriptList = base + view.getUint16(base + 4);
  const featureList = base + view.getUint16(base + 6);
  const lookupList = base + view.getUint16(base + 8);

  const scripts = new Map<string, number>();
  for (let i = 0, n = view.getUint16(scriptList); i < n; i++) {
    const at = scriptList + 2 + i * 6;
    scripts.set(tagAt(view, at), scriptList + view.getUint16(at + 4));
  }
  const chosen = [script, ...DEFAULT_SCRIPTS].map((s) => scripts.get(s)).find((at) => at !== undefined);
  if (chosen === undefined) return true;
  // The language's system, else the default one (as fontkit's selectScript).
  let langSys = view.getUint16(chosen) ? chosen + view.getUint16(chosen) : 0;
  for (let i = 0, n = view.getUint16(chosen + 2); i < n; i++) {
    const at = chosen + 4 + i * 6;
    if (tagAt(view, at) === language) {
      langSys = chosen + view.getUint16(at + 4);
      break;
    }
  }
  if (!langSys) return true;

  // fontkit keeps one feature per tag (the last the language system lists) and applies the
  // required feature only if it is listed too.
  const features = new Map<string, number>();
  for (let i = 0, n = view.getUint16(langSys + 4); i < n; i++) {
    const feature = featureList + 2 + view.getUint16(langSys + 6 + i * 2) * 6;
    const featureTag = tagAt(view, feature);
    if (APPLIED_FEATURES.has(featureTag)) features.set(featureTag, featureList + view.getUint16(feature + 4));
  }
  const read: [index: number, lookup: number[] | SubstLookup][] = [];
  for (const [featureTag, table] of features) {
    for (let j = 0, m = view.getUint16(table + 2); j < m; j++) {
      const index = view.getUint16(table + 4 + j * 2);
      const lookup = lookupList + view.getUint16(lookupList + 2 + index * 2);
      // Substitutions of the first stage (rvrn, ltra, ltrm, fractions) run before the others
      // whatever their index: left to fontkit.
      const known = tag === 'GPOS' ? pairSubtables(view, lookup) : FIRST_STAGE.has(featureTag) ? undefined : substSubtables(view, lookup);
      for (let k = 0, s = view.getUint16(lookup + 4); k < s; k++) {
        subtableTriggers(view, lookup + view.getUint16(lookup + 6 + k * 2), view.getUint16(lookup), tag, out, known ? (tag === 'GPOS' ? PAIR : SUBST) : OTHER);
      }
      if (known) read.push([index, known]);
    }
  }
  // fontkit sorts a stage's lookups by index (a stable sort: a lookup two features list runs twice).
  read.sort((a, b) => a[0] - b[0]);
  for (const [, lookup] of read) applied.push(lookup);
  return true;
}

/** fontkit's first stage of features (DefaultShaper.planPreprocessing). */
const FIRST_STAGE = new Set(['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom']);

/** Lookup flags that cannot change what a lookup sees in a run without marks: RightToLeft, IgnoreMarks. */
const HARMLESS_FLAGS = 0x0009;

/** The subtables of a GSUB single (1) or ligature (4) substitution lookup, through extensions. */
function substSubtables(view: DataView, lookup: number): SubstLookup | undefined {
  const type = view.getUint16(lookup);
  if ((view.getUint16(lookup + 2) & ~HARMLESS_FLAGS) !== 0) return undefined;
  let kind: number | undefined = type === EXTENSION.GSUB ? undefined : type;
  const subtables: number[] = [];
  for (let k = 0, s = view.getUint16(lookup + 4); k < s; k++) {
    let at = lookup + view.getUint16(lookup + 6 + k * 2);
    if (type === EXTENSION.GSUB) {
      const inner = view.getUint16(at + 2);
      if (kind !== undefined && inner !== kind) return undefined;
      kind = inner;
      at += view.getUint32(at + 4);
    }
    const format = view.getUint16(at);
    if (!((kind === 1 && (format === 1 || format === 2)) || (kind === 4 && format === 1))) return undefined;
    subtables.push(at);
  }
  return kind === 1 || kind === 4 ? { type: kind, subtables } : undefined;
}

/**
 * The PairPos subtables of a GPOS lookup (through extensions), if it is a pair-kerning lookup
 * whose flags cannot change what it sees in a run without marks (none, or IgnoreMarks).
 */
function pairSubtables(view: DataView, lookup: number): number[] | undefined {
  const type = view.getUint16(lookup);
  const flags = view.getUint16(lookup + 2);
  if ((type !== 2 && type !== EXTENSION.GPOS) || (flags & ~HARMLESS_FLAGS) !== 0) return undefined;
  const out: number[] = [];
  for (let k = 0, s = view.getUint16(lookup + 4); k < s; k++) {
    let at = lookup + view.getUint16(lookup + 6 + k * 2);
    if (type === EXTENSION.GPOS) {
      if (view.getUint16(at + 2) !== 2) return undefined;
      at += view.getUint32(at + 4);
    }
    const format = view.getUint16(at);
    if (format !== 1 && format !== 2) return undefined;
    out.push(at);
  }
  return out;
}

function subtableTriggers(view: DataView, at: number, type: number, tag: 'GSUB' | 'GPOS', out: Uint8Array, kind: number): void {
  if (type === EXTENSION[tag]) {
    subtableTriggers(view, at + view.getUint32(at + 4), view.getUint16(at + 2), tag, out, kind);
    return;
  }
  const format = view.getUint16(at);
  let coverage = at + view.getUint16(at + 2);
  if (format === 3 && type === CONTEXT[tag]) {
    // glyphCount, seqLookupCount, then the input coverages: the first is the current glyph's.
    coverage = at + view.getUint16(at + 6);
  } else if (format === 3 && type === CHAINED[tag]) {
    const backtrack = view.getUint16(at + 2);
    coverage = at + view.getUint16(at + 6 + backtrack * 2);
  }
  coverageGlyphs(view, coverage, out, kind);
}

function coverageGlyphs(view: DataView, at: number, out: Uint8Array, kind: number): void {
  const format = view.getUint16(at);
  const count = view.getUint16(at + 2);
  if (format === 1) {
    for (let i = 0; i < count; i++) mark(out, view.getUint16(at + 4 + i * 2), kind);
  } else if (format === 2) {
    for (let i = 0; i < count; i++) {
      const r = at + 4 + i * 6;
      for (let g = view.getUint16(r), end = view.getUint16(r + 2); g <= end; g++) mark(out, g, kind);
    }
  }
}

function classGlyphs(view: DataView, at: number, wanted: number, out: Uint8Array): void {
  const format = view.getUint16(at);
  if (format === 1) {
    const start = view.getUint16(at + 2);
    for (let i = 0, n = view.getUint16(at + 4); i < n; i++) if (view.getUint16(at + 6 + i * 2) === wanted) mark(out, start + i, OTHER);
  } else if (format === 2) {
    for (let i = 0, n = view.getUint16(at + 2); i < n; i++) {
      const r = at + 4 + i * 6;
      if (view.getUint16(r + 4) !== wanted) continue;
      for (let g = view.getUint16(r), end = view.getUint16(r + 2); g <= end; g++) mark(out, g, OTHER);
    }
  }
}

function mark(out: Uint8Array, gid: number, kind: number): void {
  if (gid < out.length) out[gid]! |= kind;
}
