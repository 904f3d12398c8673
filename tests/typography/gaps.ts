// Spacing as a reader sees it: every glyph of a rendered PDF placed by its content stream
// (tests/render/content.ts), its text from the font's ToUnicode map and its width from /W,
// grouped into lines by baseline. The gaps between neighbouring glyphs are measured in em of
// the glyphs' size and classed the way typography.md "Justification" names them.
import { pageContents } from '../render/pdf.js';
import { parseToUnicode, placeGlyphs } from '../render/content.js';

export interface MeasuredGlyph {
  text: string;
  x: number;
  /** Advance of the glyph in the font, pt (its /W width at its size). */
  width: number;
  size: number;
  /** The glyph is drawn a full em wide (the CJK form of a quote, dash or ellipsis). */
  fullWidth: boolean;
}

export interface MeasuredLine {
  page: number;
  y: number;
  glyphs: MeasuredGlyph[];
  text: string;
}

export interface Gap {
  line: MeasuredLine;
  /** Index in line.glyphs of the glyph before the gap. */
  at: number;
  /** Distance from the end of the glyph before to the start of the glyph after, in em; spaces between count as gap. */
  em: number;
  kind: 'han' | 'hanLatin' | 'letter' | 'word';
}

const HAN = /^\p{Script=Han}$/u;
const LATIN_ALNUM = /^[\p{L}\p{N}]$/u;
/** Characters of a Latin word, number or URL: anything but spaces and CJK text. */
const TOKEN = /^[\x21-\x7e\u00c0-\u024f\u2010\u2013]$/u;

const isHan = (c: string): boolean => HAN.test(c);
const isLatinAlnum = (c: string): boolean => LATIN_ALNUM.test(c) && !isHan(c) && c.charCodeAt(0) < 0x2e80;
const isToken = (c: string): boolean => TOKEN.test(c);
const isSpaceText = (t: string): boolean => t.length > 0 && /^\s+$/u.test(t);
const firstOf = (t: string): string => Array.from(t)[0] ?? '';
const lastOf = (t: string): string => Array.from(t).at(-1) ?? '';

/** Every line of every page of the PDF, glyphs in drawing order. */
export async function measureLines(pdf: Uint8Array): Promise<MeasuredLine[]> {
  const pages = await pageContents(pdf);
  const lines: MeasuredLine[] = [];
  pages.forEach((page, p) => {
    const widths = new Map<string, number[]>();
    const texts = new Map<string, Map<number, string>>();
    for (const [name, f] of page.fonts) {
      widths.set(name, f.widths);
      texts.set(name, parseToUnicode(f.toUnicode));
    }
    let line: MeasuredLine | undefined;
    for (const g of placeGlyphs(page.content, widths)) {
      const units = widths.get(g.font)?.[g.cid] ?? 0;
      const prev = line?.glyphs.at(-1);
      // Two texts on one baseline (the masthead's unit and date) are two lines.
      // (Not letters set apart: a lone word letter-spaced across the measure stays one line.)
      const text = texts.get(g.font)?.get(g.cid) ?? '';
      const glyph: MeasuredGlyph = { text, x: g.x, width: (units * g.size) / 1000, size: g.size, fullWidth: units >= 990 };
      const apart = prev !== undefined && g.x - (prev.x + prev.width) > 3 * g.size && !(isToken(lastOf(prev.text)) && isToken(firstOf(text)));
      if (!line || !prev || Math.abs(line.y - g.y) > 0.01 || g.x < prev.x - 0.01 || apart) {
        line = { page: p + 1, y: g.y, glyphs: [], text: '' };
        lines.push(line);
      }
      line.glyphs.push(glyph);
      line.text += glyph.text;
    }
  });
  return lines;
}

/** The classed gaps of a line: Han–Han, Han–Latin (a space between included), inside a Latin token, and word spaces. */
export function lineGaps(line: MeasuredLine): Gap[] {
  const out: Gap[] = [];
  const gs = line.glyphs;
  // Leader dots of the contents page are spaced on purpose.
  const leaders = /\.{3,}\d+$/.test(line.text) || line.text.includes('.....');
  for (let a = 0; a < gs.length; a++) {
    const ga = gs[a]!;
    if (isSpaceText(ga.text) || ga.text === '') continue;
    let b = a + 1;
    while (b < gs.length && (isSpaceText(gs[b]!.text) || gs[b]!.text === '')) b++;
    const gb = gs[b];
    if (!gb) break;
    const spaced = b > a + 1;
    const em = (gb.x - (ga.x + ga.width)) / Math.max(ga.size, gb.size);
    const c1 = lastOf(ga.text);
    const c2 = firstOf(gb.text);
    let kind: Gap['kind'] | undefined;
    if (!spaced && isHan(c1) && isHan(c2)) kind = 'han';
    else if ((isHan(c1) && isLatinAlnum(c2)) || (isLatinAlnum(c1) && isHan(c2))) kind = 'hanLatin';
    else if (!spaced && isToken(c1) && isToken(c2) && !leaders) kind = 'letter';
    else if (spaced && isToken(c1) && isToken(c2)) kind = 'word';
    if (kind) out.push({ line, at: a, em, kind });
  }
  return out;
}

/** Quotes, dashes and ellipses drawn in their full-width CJK form between Latin text (spaces and Latin punctuation aside). */
export function cjkFormsInLatin(line: MeasuredLine): string[] {
  const out: string[] = [];
  const gs = line.glyphs;
  const context = (from: number, step: 1 | -1): string | undefined => {
    for (let k = from; k >= 0 && k < gs.length; k += step) {
      const t = gs[k]!.text;
      // Skip spaces, the marks in question and Latin punctuation: `health,” said`.
      if (isSpaceText(t) || t === '' || /^[’‘“”—…–\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+$/u.test(t)) continue;
      return step === 1 ? firstOf(t) : lastOf(t);
    }
    return undefined;
  };
  gs.forEach((g, k) => {
    if (!g.fullWidth || !/^[’‘“”—…]+$/u.test(g.text)) return;
    const before = context(k - 1, -1);
    const after = context(k + 1, 1);
    const latin = (c: string | undefined): boolean => c !== undefined && isLatinAlnum(c);
    // At a line edge a quote or ellipsis goes by the line's script; a dash needs Latin on both sides (the footer's — 1 —).
    const latinLine = !Array.from(line.text).some(isHan);
    const edgeOk = (c: string | undefined): boolean => (c === undefined ? latinLine && !g.text.startsWith('—') : latin(c));
    const ok = edgeOk(before) && edgeOk(after) && (before !== undefined || after !== undefined);
    if (ok) out.push(`p${line.page} “${line.text.slice(0, 60)}”: ${g.text}`);
  });
  return out;
}

export interface SpacingReport {
  maxHan: number;
  maxHanLatin: number;
  maxWord: number;
  letterSpacedLines: number;
  cjkFormsInLatin: number;
  /** Han–Latin gaps past 0.4 em, word spaces past 0.6 em. */
  hanLatinOver: number;
  wordOver: number;
}

/** Letters closer than this count as unspaced: the font's positive kerning pairs (w|w, r|t) reach 0.014 em. */
export const LETTER_TOLERANCE = 0.02;

export function report(lines: readonly MeasuredLine[]): SpacingReport {
  const r: SpacingReport = { maxHan: 0, maxHanLatin: 0, maxWord: 0, letterSpacedLines: 0, cjkFormsInLatin: 0, hanLatinOver: 0, wordOver: 0 };
  for (const line of lines) {
    let spaced = false;
    for (const g of lineGaps(line)) {
      if (g.kind === 'han') r.maxHan = Math.max(r.maxHan, g.em);
      if (g.kind === 'hanLatin') r.maxHanLatin = Math.max(r.maxHanLatin, g.em);
      if (g.kind === 'word') r.maxWord = Math.max(r.maxWord, g.em);
      if (g.kind === 'letter' && g.em > LETTER_TOLERANCE) spaced = true;
      if (g.kind === 'hanLatin' && g.em > 0.402) r.hanLatinOver++;
      if (g.kind === 'word' && g.em > 0.602) r.wordOver++;
    }
    if (spaced) r.letterSpacedLines++;
    r.cjkFormsInLatin += cjkFormsInLatin(line).length;
  }
  return r;
}
