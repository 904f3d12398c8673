// One line from its clusters: line-edge rules (opening mark at the start, closing mark and
// spaces at the end), push-in compression or justification, alignment, and the fragments
// the PDF writer draws. The widths come from line-fit.ts, the same numbers the break
// search scored the line with.
import { slots } from './slots.js';
import type * as fontkit from 'fontkit';
import type { FontSet } from './fonts.js';
import type { GlyphFragment, Line, ParagraphInput, PositionedGlyph } from './types.js';
import { EPS, type Measures } from './measures.js';
import { distributeStretch, gapStretch, lineEnd, lineFit, shrinkRatio } from './line-fit.js';
import { alignOffset } from './align.js';

export interface LineToSet {
  /** The paragraph: its runs give colour and link, its align the line's placement. */
  input: ParagraphInput;
  /** The line holds clusters [start, brk). */
  start: number;
  brk: number;
  /** The measure of this line in pt (indent and the last line's reserve taken off). */
  target: number;
  /** x of the line's first pen position (the indent). */
  indent: number;
  /** Stretch the gaps to the measure (not on a paragraph's last line). */
  justify: boolean;
  /** The last line of the paragraph. */
  last: boolean;
  /** Punctuation may be compressed, not only spaces (see pushInAllowed). */
  pushIn: boolean;
  /** The hyphen the line's break shows (a break inside a word), its width in m.breakWidth[brk]. */
  hyphen?: { id: number; advance: number } | undefined;
}

export function typesetLine(m: Measures, line: LineToSet, fonts: FontSet): Line {
  const { input, start: i, brk: j, target, indent: x0, justify, last, pushIn, hyphen } = line;
  const f = lineFit(m, lineEnd(m, j), i);
  const L = f.last;
  const { clusters } = m;
  // Copies of the glyphs with the line-edge rules applied, all clusters' in one array:
  // cluster k's are glyphs[from[k - i]] up to glyphs[from[k - i + 1]] (an array per cluster
  // was ~160 KiB of the ~9 MiB a warm 663 render allocated).
  // `from` is a region of the paragraph's scratch (slots.ts; a line is set inside
  // breakParagraph): a typed array made per line was a quarter of this function's time.
  const glyphs: PositionedGlyph[] = [];
  const from = slots(j - i + 1, 0, 1, 0).int(0, j - i + 1);
  for (let k = i; k < j; k++) {
    const c = clusters[k]!;
    const first = glyphs.length;
    from[k - i] = first;
    for (const g of c.glyphs) glyphs.push({ id: g.id, advance: g.advance, dx: g.dx, dy: g.dy, text: g.text });
    if (glyphs.length === first) continue;
    const lastG = glyphs[glyphs.length - 1]!;
    if (k > L) {
      // Spaces at the break hang past the measure: they take no room.
      for (let q = first; q < glyphs.length; q++) {
        glyphs[q]!.advance = 0;
        glyphs[q]!.dx = 0;
      }
    } else {
      if (k < L) lastG.advance += m.glue[k]!;
      else lastG.advance += m.endKern[k]! - m.rightBlank[k]!;
      if (k === i && m.leftBlank[k]! > 0) {
        glyphs[first]!.dx -= m.leftBlank[k]!;
        glyphs[first]!.advance -= m.leftBlank[k]!;
      }
    }
  }
  from[j - i] = glyphs.length;
  /** The first and last glyph of cluster k, if it has any. */
  const firstOf = (k: number): PositionedGlyph | undefined => (from[k - i]! < from[k - i + 1]! ? glyphs[from[k - i]!] : undefined);
  const lastOf = (k: number): PositionedGlyph | undefined => (from[k - i]! < from[k - i + 1]! ? glyphs[from[k - i + 1]! - 1] : undefined);
  const diff = target - f.natural;
  const shrink = pushIn ? f.shrink : f.glueShrink;
  if (L >= i && diff < -EPS && shrink > EPS) {
    const rho = Math.min(1, shrinkRatio(-diff, shrink));
    for (let k = i; k <= L; k++) {
      const lastG = lastOf(k);
      if (!lastG) continue;
      if (pushIn && k < L && m.rightBlank[k]! > 0) lastG.advance -= m.rightBlank[k]! * rho;
      if (pushIn && k > i && m.leftBlank[k]! > 0) {
        const firstG = firstOf(k)!;
        firstG.dx -= m.leftBlank[k]! * rho;
        firstG.advance -= m.leftBlank[k]! * rho;
      }
      if (k < L) lastG.advance -= (m.spaceShrink[k]! + m.glueShrink[k]!) * rho;
    }
  } else if (justify && L >= i && diff > EPS) {
    const s = distributeStretch(f, diff);
    for (let k = i; k < L; k++) {
      const lastG = lastOf(k);
      if (!lastG) continue;
      lastG.advance += gapStretch(m, k, s);
    }
  }

  // What the break adds (a hyphen) stands after the last glyph and was counted in f.natural.
  // The hyphen is not part of the text (Knuth–Plass's discretionary: pre-break material): it
  // stands for a soft hyphen U+00AD, which text extraction drops (pdf.js) or keeps as an
  // invisible hyphenation point (pdftotext), so copying gives the word whole. An empty text
  // would not do: a CID mapped to nothing comes out of pdf.js as its raw code (U+0001).
  // It is drawn as the last glyph of cluster L.
  const inserted = L >= i && hyphen && m.breakWidth[j]! > 0 ? { id: hyphen.id, advance: m.breakWidth[j]!, dx: 0, dy: 0, text: '\u00ad' } : undefined;
  // Summed in drawing order, the hyphen after cluster L's glyphs.
  let sum = 0;
  for (let k = i; k < j; k++) {
    for (let q = from[k - i]!; q < from[k - i + 1]!; q++) sum += glyphs[q]!.advance;
    if (k === L && inserted) sum += inserted.advance;
  }
  const width = sum + (L >= i && !hyphen ? m.breakWidth[j]! : 0);
  const offset = alignOffset(input.align, target, { min: 0, max: width });

  const fragments: GlyphFragment[] = [];
  let x = x0 + offset;
  let frag: GlyphFragment | undefined;
  for (let k = i; k < j; k++) {
    const c = clusters[k]!;
    const start = from[k - i]!;
    const end = from[k - i + 1]!;
    const extra = k === L ? inserted : undefined;
    if (start === end && !extra) {
      frag = undefined;
      continue;
    }
    if (!frag || frag.run !== c.run || frag.face !== c.face || frag.end !== c.start) {
      const run = input.runs[c.run]!;
      frag = { face: c.face, size: c.size, color: run.color ?? '#000000', x, width: 0, glyphs: [], start: c.start, end: c.start, run: c.run };
      if (run.href !== undefined) frag.href = run.href;
      fragments.push(frag);
    }
    for (let q = start; q < end; q++) {
      const g = glyphs[q]!;
      frag.glyphs.push(g);
      frag.width += g.advance;
      x += g.advance;
    }
    if (extra) {
      frag.glyphs.push(extra);
      frag.width += extra.advance;
      x += extra.advance;
    }
    frag.end = c.end;
  }

  let ascent = 0;
  let descent = 0;
  for (const fr of fragments) {
    const mt = faceMetrics(fr.face, fr.size, fonts);
    ascent = Math.max(ascent, mt.ascent);
    descent = Math.max(descent, mt.descent);
  }
  if (fragments.length === 0) {
    const run = input.runs[clusters[i]!.run]!;
    const mt = lineMetrics(run.faces, run.size, fonts);
    ascent = mt.ascent;
    descent = mt.descent;
  }
  return {
    fragments,
    start: clusters[i]!.start,
    end: clusters[j - 1]!.end,
    naturalWidth: x0 + Math.max(0, f.natural),
    width: x0 + width,
    ascent,
    descent,
    last,
  };
}

function faceMetrics(face: string, size: number, fonts: FontSet): { ascent: number; descent: number } {
  const font = fonts.faces.get(face);
  if (!font) return { ascent: 0.88 * size, descent: 0.12 * size };
  const em = perEm(font);
  return { ascent: em.ascent * size, descent: em.descent * size };
}

/**
 * A face's ascent and descent per em, read once: fontkit's getters go through a bound table
 * getter and a lookup on every access, and this is asked for every fragment of every line
 * (~1-2 ms of a warm ~30-page render). Keyed weakly by the font: bounded by the faces loaded.
 */
const perEmCache = new WeakMap<fontkit.Font, { ascent: number; descent: number }>();

function perEm(font: fontkit.Font): { ascent: number; descent: number } {
  let em = perEmCache.get(font);
  if (!em) perEmCache.set(font, (em = { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm }));
  return em;
}

/** Ascent and descent (positive, pt) of the first face at `size`, for placing lines. */
export function lineMetrics(faces: readonly string[], size: number, fonts: FontSet): { ascent: number; descent: number } {
  return faceMetrics(faces[0] ?? '', size, fonts);
}

