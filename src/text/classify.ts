// Character classes for Chinese line layout (typography.md "Line breaking" and
// "Punctuation width"). Everything here is about code points, not glyphs.

/** Never at the start of a line (typography.md), plus ％ and the fullwidth ．. */
const LINE_START_PROHIBITED = new Set(
  Array.from('、，。．：；？！‼⁇⁈⁉）］｝〕〉》」』】〙〗〟”’·・‰%％℃～″\')]},.:;?!々〻'),
);
/** Never at the end of a line: opening marks and currency signs that precede a number. */
const LINE_END_PROHIBITED = new Set(Array.from('（［｛〔〈《「『【〘〖〝“‘([{￥＄$£€'));

/** Full-width marks whose ink sits in the left half: the right half is blank. */
const RIGHT_BLANK = new Set(Array.from('、，。．：；！？）］｝〕〉》」』】〙〗〟”’'));
/** Full-width marks whose ink sits in the right half: the left half is blank. */
const LEFT_BLANK = new Set(Array.from('（［｛〔〈《「『【〘〖〝“‘'));

const CLOSING_BRACKET = new Set(Array.from('）］｝〕〉》」』】〙〗〟”’'));

/** Brackets and quotes, opening or closing: the marks whose blanks collapse against a neighbour. */
export function isBracket(ch: string): boolean {
  return LEFT_BLANK.has(ch) || CLOSING_BRACKET.has(ch);
}

export function isLineStartProhibited(ch: string): boolean {
  return LINE_START_PROHIBITED.has(ch);
}
export function isLineEndProhibited(ch: string): boolean {
  return LINE_END_PROHIBITED.has(ch);
}
export function hasRightBlank(ch: string): boolean {
  return RIGHT_BLANK.has(ch);
}
export function hasLeftBlank(ch: string): boolean {
  return LEFT_BLANK.has(ch);
}

const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}〇]/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const SPACE_SEPARATOR = /^[\p{Zs}]$/u;
const DEFAULT_IGNORABLE = /^[\p{Default_Ignorable_Code_Point}]$/u;
const COMBINING_MARK = /^\p{M}/u;
const HAN_OR_ZERO = /^[\p{Script=Han}〇]$/u;

/**
 * What the predicates below answer for one code point, as bits. The breaker asks them of
 * every character several times over (shaping, opportunities, measures); answered from
 * regular expressions each time. So each BMP code point's answers are worked out once, by the
 * same definitions, and kept in a table of 65,536 two-byte entries, filled as characters are
 * met (a process-wide cache, bounded by the BMP).
 * Astral code points (Han extension B and up) are rare and worked out each time.
 */
export const enum CharFlag {
  Known = 1,
  Space = 2,
  Newline = 4,
  Ignorable = 8,
  Cjk = 16,
  Ideographic = 32,
  LatinAlnum = 64,
  AmbiguousMark = 128,
  /** \p{M}: a combining mark. */
  Mark = 256,
  /** \p{Script=Han} or 〇: the ideographs shaped alone (shape.ts). */
  Han = 512,
}

const bmpFlags = new Uint16Array(0x10000);

// The definitions. Each public predicate below answers from the table for one code point and
// from these for anything else (several characters, the empty string).

function ideographicDef(ch: string): boolean {
  const cp = ch.charCodeAt(0);
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp < 0x2e80) return false;
  return IDEOGRAPHIC.test(ch);
}

function cjkDef(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x2000) return cp === 0x00b7;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (IDEOGRAPHIC.test(ch)) return true;
  if (cp >= 0x2e80 && cp <= 0x33ff) return true; // radicals, CJK symbols & punctuation, kana, enclosed
  if (cp >= 0xfe10 && cp <= 0xfe1f) return true; // vertical forms
  if (cp >= 0xfe30 && cp <= 0xfe4f) return true; // CJK compatibility forms
  if (cp >= 0xff00 && cp <= 0xffef) return true; // fullwidth / halfwidth forms
  return cp === 0x2014 || cp === 0x2015 || cp === 0x2026 || cp === 0x2018 || cp === 0x2019 ||
    cp === 0x201c || cp === 0x201d || cp === 0x00b7 || cp === 0x2027 || cp === 0x2030 || cp === 0x2103;
}

function latinAlnumDef(ch: string): boolean {
  const cp = ch.charCodeAt(0);
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
  return LETTER_OR_NUMBER.test(ch) && !cjkDef(ch);
}

function spaceDef(ch: string): boolean {
  if (ch === ' ') return true;
  const cp = ch.charCodeAt(0);
  if (cp > 0x20 && cp < 0xa0) return false;
  return ch === '\t' || ch === '\u00a0' || (ch !== '\u3000' && SPACE_SEPARATOR.test(ch));
}

function newlineDef(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029' || ch === '\u000b' || ch === '\u000c';
}

function ignorableDef(ch: string): boolean {
  if (ch.charCodeAt(0) < 0xad) return false;
  return DEFAULT_IGNORABLE.test(ch);
}

function computeFlags(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let f = CharFlag.Known;
  if (ideographicDef(ch)) f |= CharFlag.Ideographic;
  if (cjkDef(ch)) f |= CharFlag.Cjk;
  if (latinAlnumDef(ch)) f |= CharFlag.LatinAlnum;
  if (spaceDef(ch)) f |= CharFlag.Space;
  if (newlineDef(ch)) f |= CharFlag.Newline;
  if (ignorableDef(ch)) f |= CharFlag.Ignorable;
  if (AMBIGUOUS_MARK.has(ch)) f |= CharFlag.AmbiguousMark;
  if (COMBINING_MARK.test(ch)) f |= CharFlag.Mark;
  if (HAN_OR_ZERO.test(ch)) f |= CharFlag.Han;
  return f;
}

/** The CharFlag bits of a code point. */
export function charFlags(cp: number): number {
  if (cp > 0xffff) return computeFlags(cp);
  const f = bmpFlags[cp]!;
  if (f !== 0) return f;
  return (bmpFlags[cp] = computeFlags(cp));
}

/** The flags of a one-code-point string; 0 (not even Known) for anything else. */
function flagsOf(ch: string): number {
  const cp = ch.codePointAt(0);
  if (cp === undefined || ch.length !== (cp > 0xffff ? 2 : 1)) return 0;
  return charFlags(cp);
}

function answer(ch: string, flag: CharFlag, def: (ch: string) => boolean): boolean {
  const f = flagsOf(ch);
  return f === 0 ? def(ch) : (f & flag) !== 0;
}

/** Han (and kana, hangul) characters proper: not punctuation. */
export function isIdeographic(ch: string): boolean {
  return answer(ch, CharFlag.Ideographic, ideographicDef);
}

/**
 * Characters set as part of Chinese text: ideographs, CJK symbols and punctuation, fullwidth
 * forms, and the marks that this font draws full width in Chinese (quotes, —, …, ·).
 */
export function isCjk(ch: string): boolean {
  return answer(ch, CharFlag.Cjk, cjkDef);
}

/** Latin letters and digits: the side of a Han/Latin boundary that gets the quarter em. */
export function isLatinAlnum(ch: string): boolean {
  return answer(ch, CharFlag.LatinAlnum, latinAlnumDef);
}

export function isSpace(ch: string): boolean {
  return answer(ch, CharFlag.Space, spaceDef);
}

export function isNewline(ch: string): boolean {
  return answer(ch, CharFlag.Newline, newlineDef);
}

/** Invisible format characters: they ride along with a neighbouring glyph's text. */
export function isIgnorable(ch: string): boolean {
  return answer(ch, CharFlag.Ignorable, ignorableDef);
}

/** Characters of a Latin "token" (word, number, URL): not space, not Chinese. */
export function isTokenChar(ch: string): boolean {
  const f = flagsOf(ch);
  if (f === 0) return !spaceDef(ch) && !newlineDef(ch) && !cjkDef(ch);
  return (f & (CharFlag.Space | CharFlag.Newline | CharFlag.Cjk)) === 0;
}

/** After one of these a URL or over-long Latin string may break (typography.md). */
export const URL_BREAK_AFTER = new Set(Array.from('/.-_?&=#'));
/** Before one of these a URL may break (Chicago Manual of Style 7.42, 14.18). */
export const URL_BREAK_BEFORE = new Set(Array.from('.-_?#%~'));
/** A line never starts with one of these when a Latin string is broken. */
export const URL_NO_LINE_START = new Set(Array.from('.,;:'));

/**
 * Marks that the CJK font draws full width in Chinese (its `ZHS ` locl forms) but that Latin
 * text sets in the proportional forms: curly quotes and apostrophes, the em dash, the ellipsis.
 */
const AMBIGUOUS_MARK = new Set(Array.from('‘’“”—…'));
/** Skipped when looking for a mark's neighbours: spaces, the marks themselves, Latin punctuation. */
const SKIPPED_NEIGHBOUR = /[\s‘’“”—…–\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/u;

export function isAmbiguousMark(ch: string): boolean {
  return AMBIGUOUS_MARK.has(ch);
}

/**
 * Whether the ambiguous mark at text[i] takes its Latin (proportional) glyph (typography.md
 * "Punctuation width and compression"; GB/T 15834-2011 §4 uses the full-width forms for
 * Chinese text only): its nearest neighbours on both sides, spaces and Latin punctuation
 * aside, are Latin letters or digits — `Women’s`, `health,” said`, `March 31 — The`. At the
 * paragraph's edge a quote or an ellipsis goes by the paragraph (Latin when it has no Han
 * text: `“Digital …`, `adopters…`); a dash needs Latin on both sides, so `— 1 —` stays CJK.
 */
export function takesLatinForm(text: string, i: number, paragraphHasHan: boolean): boolean {
  const ch = text[i]!;
  const side = (from: number, step: 1 | -1): 'latin' | 'cjk' | 'edge' => {
    for (let k = from; k >= 0 && k < text.length; k += step) {
      const c = text[k]!;
      if (SKIPPED_NEIGHBOUR.test(c)) continue;
      // A surrogate pair's low half when stepping back: take the whole code point.
      const cp = String.fromCodePoint(text.codePointAt(step === -1 && k > 0 && /[\udc00-\udfff]/.test(c) ? k - 1 : k) ?? 0);
      return isLatinAlnum(cp) ? 'latin' : 'cjk';
    }
    return 'edge';
  };
  const before = side(i - 1, -1);
  const after = side(i + 1, 1);
  if (before === 'cjk' || after === 'cjk') return false;
  if (before === 'edge' && after === 'edge') return false;
  if (ch === '—') return before === 'latin' && after === 'latin';
  return (before === 'latin' || !paragraphHasHan) && (after === 'latin' || !paragraphHasHan);
}
