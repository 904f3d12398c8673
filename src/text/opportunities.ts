// Break opportunities between clusters: UAX #14 tailored by clreq (typography.md "Line
// breaking"). Each boundary gets a class; the line breaker turns classes into penalties, so
// that "never" in the rules means "only when nothing else avoids an overflow".
import type { Cluster } from './shape.js';
import type { Hyphenation } from './types.js';
import {
  URL_BREAK_AFTER,
  URL_BREAK_BEFORE,
  URL_NO_LINE_START,
  isLineEndProhibited,
  isLineStartProhibited,
} from './classify.js';
import { hyphenationPoints } from './hyphenate.js';
import { slots } from './slots.js';
import { BreakCode, breakCodes } from './uax14.js';

export const enum BreakClass {
  /** An ordinary opportunity. */
  Normal = 0,
  /** Inside a URL where the Chicago Manual allows it, or an over-long Latin string after / . - _ ? & = #. */
  Url = 1,
  /** A hyphenation point of a Latin word (Liang's patterns, hyphenate.ts): the line ends with a hyphen. */
  Hyphen = 2,
  /** Inside such a string anywhere else: a last resort. */
  Anywhere = 3,
  /** Breaks a rule (prohibited line start/end, a split word, number, —— or ……). */
  Violation = 4,
}

export interface Boundaries {
  /** cls[k]: class of a break before cluster k (k = 1 … n-1). */
  cls: Uint8Array;
  /** mandatory[k]: a line must end before cluster k. */
  mandatory: Uint8Array;
  /**
   * hyphen[k]: a break before cluster k splits a Latin word, and the line it ends shows a
   * hyphen (at a hyphenation point, and at an emergency break between two letters).
   */
  hyphen: Uint8Array;
}

/** Spaces that join rather than separate (UAX #14 class GL). */
const NO_BREAK_SPACE = new Set(['\u00a0', '\u202f', '\u2007']);

/** A URL, a www. address or an e-mail address (linear-time tests: tokens can be long). */
function urlLike(token: string): boolean {
  return token.includes('://') || /www\./i.test(token) || /@[\w-]+\./.test(token);
}

/**
 * Where the URL starts inside a URL-like token (its scheme, or www.), so that what the author
 * ran into it (`0.0https://…`, `见https://…` in Latin letters) keeps the rules of a number or a
 * word: the Chicago breaks apply from the URL's first character on. An e-mail address is a URL
 * from its start.
 */
function urlStart(token: string): number {
  const scheme = /[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(token);
  if (scheme) {
    // A scheme is letters: a number run into it ("0.0https") is not part of it.
    const letters = /[A-Za-z][A-Za-z+-]*:\/\/$/.exec(token.slice(0, scheme.index + scheme[0].length));
    return letters ? letters.index : scheme.index;
  }
  const www = /www\./i.exec(token);
  return www ? www.index : 0;
}

/**
 * @param widthOf natural width of clusters [a, b) in pt
 * @param narrowest the narrowest line of the paragraph in pt: a Latin string wider than it may be broken inside
 * @param hyphenation how Latin words are hyphenated, or false for not at all
 */
export function classifyBoundaries(
  text: string,
  clusters: readonly Cluster[],
  widthOf: (a: number, b: number) => number,
  narrowest: number,
  hyphenation: Hyphenation | false = false,
): Boundaries {
  const n = clusters.length;
  // One backing store for the four (slots.ts).
  const store = slots(n + 1, 0, 1, 3);
  const cls = store.byte(0, n + 1);
  const mandatory = store.byte(1, n + 1);
  const hyphen = store.byte(2, n + 1);
  const uax = breakCodes(text);

  // Latin tokens: maximal runs of 'latin' clusters.
  const tokenOf = store.int(0, n).fill(-1);
  const breakable: boolean[] = [];
  const url: boolean[] = [];
  /** Text offset at which each token's URL starts (tokens that are not URLs: unused). */
  const urlFrom: number[] = [];
  const urlTokens: Array<[number, number]> = [];
  for (let k = 0; k < n; ) {
    if (clusters[k]!.kind !== 'latin') {
      k++;
      continue;
    }
    let e = k;
    while (e < n && clusters[e]!.kind === 'latin') e++;
    const id = breakable.length;
    const tokenText = text.slice(clusters[k]!.start, clusters[e - 1]!.end);
    const isUrl = urlLike(tokenText);
    url.push(isUrl);
    urlFrom.push(isUrl ? clusters[k]!.start + urlStart(tokenText) : 0);
    breakable.push(isUrl || widthOf(k, e) > narrowest);
    if (isUrl) urlTokens.push([k, e]);
    else markWordBreaks(text, clusters, k, e, hyphenation, hyphen);
    for (let m = k; m < e; m++) tokenOf[m] = id;
    k = e;
  }

  for (let k = 1; k < n; k++) {
    const a = clusters[k - 1]!;
    const b = clusters[k]!;
    if (a.kind === 'newline') {
      if (a.last === '\r' && b.first === '\n') {
        cls[k] = BreakClass.Violation; // CR LF is one line end
        continue;
      }
      mandatory[k] = 1;
      cls[k] = BreakClass.Normal;
      continue;
    }
    if (uax[b.start] === BreakCode.Mandatory && a.end === b.start) mandatory[k] = 1;
    const c1 = a.last;
    const c2 = b.first;
    const ta = tokenOf[k - 1]!;
    if (ta >= 0 && ta === tokenOf[k] && url[ta] && b.start > urlFrom[ta]!) {
      cls[k] = text[b.start - 1] === '\u200b' ? BreakClass.Normal : urlBoundary(text, b.start, c1, c2);
      continue;
    }
    if (b.kind === 'space' || b.kind === 'newline') {
      cls[k] = BreakClass.Violation;
      continue;
    }
    if (isLineStartProhibited(c2) || isLineEndProhibited(c1) || (c1 === c2 && (c1 === '—' || c1 === '…'))) {
      cls[k] = BreakClass.Violation;
      continue;
    }
    if (a.kind === 'space' && NO_BREAK_SPACE.has(a.last)) {
      cls[k] = BreakClass.Violation;
      continue;
    }
    if (a.kind === 'space') {
      // The line would end at the last mark before the spaces.
      let v = k - 1;
      while (v > 0 && clusters[v]!.kind === 'space') v--;
      const before = clusters[v]!;
      cls[k] = before.kind !== 'space' && isLineEndProhibited(before.last) ? BreakClass.Violation : BreakClass.Normal;
      continue;
    }
    if (text[b.start - 1] === '\u200b') {
      hyphen[k] = 0; // the author's zero-width space: a break without a hyphen
      cls[k] = BreakClass.Normal;
      continue;
    }
    if (ta >= 0 && ta === tokenOf[k]) {
      cls[k] = tokenBoundary(text, a, b, { breakable: breakable[ta]!, uaxBreak: uax[b.start] !== BreakCode.None, hyphenPoint: hyphen[k] === 2 });
      continue;
    }
    // Full-width digits and letters make words and numbers too (２０２６, ＣＴ).
    if (isFullwidthAlnum(c1) && isFullwidthAlnum(c2)) {
      cls[k] = BreakClass.Violation;
      continue;
    }
    // Between Latin and Chinese, UAX #14 has the last word (PR × ID keeps "AI+心理" whole).
    if ((a.kind === 'latin') !== (b.kind === 'latin') && uax[b.start] === BreakCode.None) {
      cls[k] = BreakClass.Anywhere;
      continue;
    }
    // A number and the Han unit after it (02 | 月, 5 | 分钟) read as one: break there only
    // when it costs less than a visibly looser line.
    cls[k] = a.kind === 'latin' && /\d/.test(c1) && b.kind !== 'latin' && !isLineStartProhibited(c2) ? BreakClass.Url : BreakClass.Normal;
  }
  for (const [k, e] of urlTokens) avoidShortFragments(cls, k, e);
  // A hyphen only where the break is inside a word (not after a prohibited mark, etc.).
  for (let k = 1; k < n; k++) if (hyphen[k] === 2) hyphen[k] = 1;
  return { cls, mandatory, hyphen };
}

function isFullwidthAlnum(ch: string): boolean {
  const cp = ch.charCodeAt(0);
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

interface TokenContext {
  /** The token is a URL or wider than the narrowest line: it may break inside. */
  breakable: boolean;
  /** UAX #14 allows a break here (after a hyphen in a compound). */
  uaxBreak: boolean;
  /** A hyphenation point of the word (Liang's patterns). */
  hyphenPoint: boolean;
}

function tokenBoundary(text: string, a: Cluster, b: Cluster, { breakable, uaxBreak, hyphenPoint }: TokenContext): BreakClass {
  const c1 = a.last;
  const c2 = b.first;
  // A hyphenated compound: state-of-the-art may break after a hyphen between letters.
  if (uaxBreak && (c1 === '-' || c1 === '\u2010') && /\p{L}/u.test(c2)) {
    const before = text.slice(Math.max(0, a.start - 1), a.start);
    if (/\p{L}/u.test(before)) return BreakClass.Normal;
  }
  // Knuth–Plass: a discretionary break at a hyphenation point, penalised (choose-breaks.ts).
  if (hyphenPoint) return BreakClass.Hyphen;
  if (!breakable) return BreakClass.Violation;
  if (URL_NO_LINE_START.has(c2)) return BreakClass.Violation;
  if (URL_BREAK_AFTER.has(c1) && c2 !== c1 && !URL_BREAK_AFTER.has(c2)) {
    if (c1 === '.' && /\d/.test(c2) && /\d/.test(text.slice(a.start - 1, a.start))) return BreakClass.Anywhere;
    return BreakClass.Url;
  }
  return BreakClass.Anywhere;
}

const LETTER = /\p{L}/u;
const LETTERS = /\p{L}+/gu;
const DIGIT = /\d/;

/**
 * The boundaries inside the words of a (non-URL) Latin token [k, e): hyphen[b] = 1 between
 * any two letters (an emergency break there shows a hyphen too), 2 at a hyphenation point
 * (Liang's patterns; never in a word of capitals only or next to a digit, so 'COVID-19' and
 * 'H5N1' stay whole). Words longer than MAX_HYPHENATED_WORD get no points (TeX's limit),
 * which keeps the cost linear in the token's length.
 */
function markWordBreaks(text: string, clusters: readonly Cluster[], k: number, e: number, h: Hyphenation | false, hyphen: Uint8Array): void {
  for (let b = k + 1; b < e; b++) {
    const a = clusters[b - 1]!;
    const c = clusters[b]!;
    if (a.end === c.start && LETTER.test(a.last) && LETTER.test(c.first)) hyphen[b] = 1;
  }
  if (!h) return;
  const base = clusters[k]!.start;
  const token = text.slice(base, clusters[e - 1]!.end);
  let clusterAt: Map<number, number> | undefined;
  for (const match of token.matchAll(LETTERS)) {
    const word = match[0];
    const at = match.index;
    if (DIGIT.test(token[at - 1] ?? '') || DIGIT.test(token[at + word.length] ?? '')) continue;
    const points = hyphenationPoints(word, h);
    if (points.length === 0) continue;
    if (!clusterAt) {
      clusterAt = new Map();
      for (let b = k + 1; b < e; b++) clusterAt.set(clusters[b]!.start - base, b);
    }
    for (const p of points) {
      const b = clusterAt.get(at + p);
      if (b !== undefined && hyphen[b] === 1) hyphen[b] = 2;
    }
  }
}

/** The escape %XX of a URL: no break after the % nor between its two hex digits. */
function insidePercentEscape(text: string, p: number): boolean {
  const hex = (i: number): boolean => /[0-9a-f]/i.test(text[i] ?? '');
  return (text[p - 1] === '%' && hex(p) && hex(p + 1)) || (text[p - 2] === '%' && hex(p - 1) && hex(p));
}

/**
 * A boundary inside a URL, as the Chicago Manual of Style advises (17th ed., 7.42 and
 * 14.18): break after the double slash // and after a slash; before a period, hyphen,
 * underline, question mark, number sign, percent sign or tilde; before or after an equals
 * sign or an ampersand. Never inside a %XX escape, never after . - _ ? # % ~ (the line
 * would end in what reads as a full stop or a hyphenation) and never with a hyphen added.
 * Any other character boundary is a last resort (a segment longer than the measure).
 */
function urlBoundary(text: string, p: number, c1: string, c2: string): BreakClass {
  if (insidePercentEscape(text, p)) return BreakClass.Violation;
  if (c1 === '/') return c2 === '/' ? BreakClass.Violation : BreakClass.Url;
  if (c1 === '=' || c1 === '&' || c2 === '=' || c2 === '&') return BreakClass.Url;
  if (URL_BREAK_BEFORE.has(c2) && !URL_BREAK_BEFORE.has(c1)) return BreakClass.Url;
  if (URL_NO_LINE_START.has(c2) || isLineStartProhibited(c2) || isLineEndProhibited(c1)) return BreakClass.Violation;
  if (URL_BREAK_BEFORE.has(c1) || c2 === '/') return BreakClass.Violation;
  return BreakClass.Anywhere;
}

/** A fragment of fewer characters than this is not left alone by a last-resort break in a URL. */
const MIN_URL_FRAGMENT = 3;

/**
 * Last-resort character breaks of a URL token [k, e) that would leave a fragment shorter
 * than MIN_URL_FRAGMENT next to a Chicago break or the token's edge (`/c` | `ontent`) become
 * violations: taken only when no other break avoids an overflow.
 */
function avoidShortFragments(cls: Uint8Array, k: number, e: number): void {
  const good = (b: number): boolean => cls[b]! <= BreakClass.Url;
  let prev = k;
  for (let b = k + 1; b < e; b++) {
    if (good(b)) {
      prev = b;
      continue;
    }
    if (cls[b] === BreakClass.Anywhere && b - prev < MIN_URL_FRAGMENT) cls[b] = BreakClass.Violation;
  }
  let next = e;
  for (let b = e - 1; b > k; b--) {
    if (good(b)) {
      next = b;
      continue;
    }
    if (cls[b] === BreakClass.Anywhere && next - b < MIN_URL_FRAGMENT) cls[b] = BreakClass.Violation;
  }
}
