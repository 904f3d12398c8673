// Mixed full-width and half-width punctuation (来源: beside 来源：, (HIS) beside （HIS）) is
// common in pasted text. The engine typesets what it is given, so this is only a warning;
// nothing is rewritten.
import { isPlainObject, joinPointer } from '../json/pointer.js';
import { warning } from './problem.js';
import type { Problem } from './problem.js';

export interface Family {
  half: string;
  full: string;
  /** Printed in the message: the characters of each form. */
  halfShown: string;
  fullShown: string;
}

export const FAMILIES: readonly Family[] = [
  { half: ':', full: '：', halfShown: ':', fullShown: '：' },
  { half: '()', full: '（）', halfShown: '( )', fullShown: '（ ）' },
  { half: ',', full: '，', halfShown: ',', fullShown: '，' },
  { half: ';', full: '；', halfShown: ';', fullShown: '；' },
  { half: '?', full: '？', halfShown: '?', fullShown: '？' },
  { half: '!', full: '！', halfShown: '!', fullShown: '！' },
];

// Half-width punctuation counts only beside Chinese text: "10:30", "1,000" and English
// phrases are not a mixture.
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;

// Strings that are addresses or machine values, not prose.
const NOT_PROSE = new Set(['url', 'href', 'src', 'date', 'type']);

/**
 * Which families a string uses in each form, as bit masks over FAMILIES: one pass over the
 * string for all of them. (A regular expression per family and form, with a lookbehind for
 * "beside Chinese", scanned each string twelve times: ~3 ms of a warm ~30-page render.)
 * `half` has a family's bit where one of its half-width marks stands beside CJK text, the
 * code point before or after it (a surrogate pair is one); `full` where any full-width form
 * occurs.
 */
export function punctuationForms(text: string): { half: number; full: number } {
  let half = 0;
  let full = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Every mark of FAMILIES is in the BMP and neither is a surrogate.
    const h = HALF_BITS.get(c);
    if (h !== undefined) {
      if ((half & h) === 0 && (isCjkCodePoint(codePointBefore(text, i)) || isCjkCodePoint(text.codePointAt(i + 1)))) half |= h;
      continue;
    }
    const f = FULL_BITS.get(c);
    if (f !== undefined) full |= f;
  }
  return { half, full };
}

function bitsOf(form: 'half' | 'full'): Map<number, number> {
  const bits = new Map<number, number>();
  FAMILIES.forEach((family, k) => {
    for (const ch of family[form]) bits.set(ch.charCodeAt(0), (bits.get(ch.charCodeAt(0)) ?? 0) | (1 << k));
  });
  return bits;
}
const HALF_BITS = bitsOf('half');
const FULL_BITS = bitsOf('full');

/** The code point that ends just before offset i (a lone surrogate is one), if any. */
function codePointBefore(text: string, i: number): number | undefined {
  if (i === 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}

function isCjkCodePoint(cp: number | undefined): boolean {
  return cp !== undefined && CJK.test(String.fromCodePoint(cp));
}

/** Every prose string under `value`, with its pointer, in document order. */
function proseStrings(value: unknown, pointer: string, out: Array<[string, string]>, depth = 0): void {
  if (depth > 8) return;
  if (typeof value === 'string') out.push([pointer, value]);
  else if (Array.isArray(value)) value.forEach((v: unknown, i) => proseStrings(v, joinPointer(pointer, i), out, depth + 1));
  else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) if (!NOT_PROSE.has(k)) proseStrings(v, joinPointer(pointer, k), out, depth + 1);
  }
}

function checkUnit(strings: Array<[string, string]>, what: string, out: Problem[]): void {
  const forms = strings.map(([, s]) => punctuationForms(s));
  FAMILIES.forEach((family, k) => {
    const bit = 1 << k;
    const half = strings[firstWith(forms, 'half', bit)];
    const full = strings[firstWith(forms, 'full', bit)];
    if (!half || !full) return;
    const elsewhere = half[0] === full[0] ? 'in the same text' : `full-width at ${full[0]}`;
    out.push(
      warning(
        half[0],
        `${what} mixes half-width "${family.halfShown}" and full-width "${family.fullShown}" punctuation (${elsewhere}); typeset as written`,
      ),
    );
  });
}

/** The index of the first string with the family's bit in that form, or -1. */
function firstWith(forms: ReadonlyArray<{ half: number; full: number }>, form: 'half' | 'full', bit: number): number {
  for (let i = 0; i < forms.length; i++) if ((forms[i]![form] & bit) !== 0) return i;
  return -1;
}

export function punctuationWarnings(data: unknown): Problem[] {
  if (!isPlainObject(data)) return [];
  const out: Problem[] = [];
  if (typeof data['lead'] === 'string') checkUnit([['/lead', data['lead']]], 'lead', out);
  const articles = data['articles'];
  if (Array.isArray(articles)) {
    articles.forEach((article: unknown, i) => {
      const strings: Array<[string, string]> = [];
      const at = joinPointer('/articles', i);
      proseStrings(article, at, strings);
      checkUnit(strings, 'article', out);
    });
  }
  return out;
}
