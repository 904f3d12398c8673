// Mixed full-width and half-width punctuation (来源: beside 来源：, (HIS) beside （HIS）) is
// common in pasted text. The engine typesets what it is given, so this is only a warning;
// nothing is rewritten.
import { isPlainObject, joinPointer } from '../json/pointer.js';
import { warning } from './problem.js';
import type { Problem } from './problem.js';

interface Family {
  half: string;
  full: string;
  /** Printed in the message: the characters of each form. */
  halfShown: string;
  fullShown: string;
}

const FAMILIES: Family[] = [
  { half: ':', full: '：', halfShown: ':', fullShown: '：' },
  { half: '()', full: '（）', halfShown: '( )', fullShown: '（ ）' },
  { half: ',', full: '，', halfShown: ',', fullShown: '，' },
  { half: ';', full: '；', halfShown: ';', fullShown: '；' },
  { half: '?', full: '？', halfShown: '?', fullShown: '？' },
  { half: '!', full: '！', halfShown: '!', fullShown: '！' },
];

// Half-width punctuation counts only beside Chinese text: "10:30", "1,000" and English
// phrases are not a mixture.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;

// Strings that are addresses or machine values, not prose.
const NOT_PROSE = new Set(['url', 'href', 'src', 'date', 'type']);

// One regular expression per family and form, built once: this runs over every string of
// every issue, and spreading each string into characters per family was ~0.5 ms of a render.
const CJK_CLASS = CJK.source.slice(1, -1);
const escapeClass = (chars: string): string => chars.replace(/[\\\]^-]/g, '\\$&');
const halfBesideCjk = new Map(
  FAMILIES.map((f) => {
    const half = `[${escapeClass(f.half)}]`;
    return [f, new RegExp(`(?<=[${CJK_CLASS}])${half}|${half}(?=[${CJK_CLASS}])`, 'u')];
  }),
);
const fullForm = new Map(FAMILIES.map((f) => [f, new RegExp(`[${escapeClass(f.full)}]`, 'u')]));

function usesHalf(text: string, family: Family): boolean {
  return halfBesideCjk.get(family)!.test(text);
}

function usesFull(text: string, family: Family): boolean {
  return fullForm.get(family)!.test(text);
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
  for (const family of FAMILIES) {
    const half = strings.find(([, s]) => usesHalf(s, family));
    const full = strings.find(([, s]) => usesFull(s, family));
    if (!half || !full) continue;
    const elsewhere = half[0] === full[0] ? 'in the same text' : `full-width at ${full[0]}`;
    out.push(
      warning(
        half[0],
        `${what} mixes half-width "${family.halfShown}" and full-width "${family.fullShown}" punctuation (${elsewhere}); typeset as written`,
      ),
    );
  }
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
