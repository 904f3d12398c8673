// Rules JSON Schema cannot state, checked on the (schema-shaped parts of the) data and
// reported exactly like schema errors.
import { firstHiddenCharacter } from '../escape.js';
import { httpUrlMessage } from './messages.js';
import { isPlainObject, joinPointer } from '../json/pointer.js';
import { error } from './problem.js';
import type { Problem } from './problem.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD naming a day that exists (2024-02-29 yes, 2026-02-29 no). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}

/**
 * An absolute http(s) URL with a host. Whitespace, control, format (U+200B, the bidi
 * controls) and other invisible characters are refused outright: the WHATWG parser would
 * quietly strip or escape them, hiding a typo, or a link that reads differently than it goes.
 */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]/i.test(value)) return false;
  // Controls, spaces, bidi and zero-width characters, lone surrogates (see escape.ts).
  if (firstHiddenCharacter(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The longest URL accepted (url, href and URLs in the text). Browsers and servers handle
 * about 8,000 characters (RFC 9110 §4.1 recommends supporting at least that); a longer one
 * is almost surely pasted data, and setting it costs time for nothing.
 */
export const MAX_URL_LENGTH = 8000;

/**
 * The longest run of characters with no space and no Chinese character in any text. Such a
 * run (a word, a URL, pasted base64) has break opportunities only at the breaker's last
 * resort, and each costs shaping and search time; 8,000 characters set in well under a
 * second, a run of a million would take a minute and gigabytes.
 */
export const MAX_UNBROKEN_RUN = 8000;

// Breaks come at spaces and around CJK characters (UAX #14 classes ID, CJ, OP/CL of CJK
// punctuation): anything else continues a run.
const RUN_BREAKER = /[\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** The length of the longest run of `text` that contains no break-giving character (code points). */
export function longestUnbrokenRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const ch of text) {
    if (RUN_BREAKER.test(ch)) run = 0;
    else if (++run > longest) longest = run;
  }
  return longest;
}

/** Every string of the document (keys aside) with its pointer: the text the engine sets. */
function* strings(value: unknown, pointer: string, depth = 0): Generator<[string, string]> {
  if (depth > 16) return;
  if (typeof value === 'string') yield [value, pointer];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, joinPointer(pointer, i), depth + 1);
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) if (k !== '$schema') yield* strings(v, joinPointer(pointer, k), depth + 1);
}

function checkLengths(root: Record<string, unknown>, out: Problem[]): void {
  for (const [text, pointer] of strings(root, '')) {
    const isUrl = /\/(url|href)$/.test(pointer);
    if (isUrl && text.length > MAX_URL_LENGTH) {
      out.push(error(pointer, `URL is ${text.length} characters long; at most ${MAX_URL_LENGTH} are accepted`));
      continue;
    }
    if (isUrl || text.length <= MAX_UNBROKEN_RUN) continue;
    const run = longestUnbrokenRun(text);
    if (run > MAX_UNBROKEN_RUN) {
      out.push(error(pointer, `has a run of ${run} characters without a space or a Chinese character; at most ${MAX_UNBROKEN_RUN} can be set (break the word or URL up)`));
    }
  }
}

function checkCoverage(root: Record<string, unknown>, out: Problem[]): void {
  const coverage = root['coverage'];
  if (!isPlainObject(coverage)) return;
  const { from, to } = coverage;
  if (typeof from !== 'string' || typeof to !== 'string') return;
  if (!isCalendarDate(from) || !isCalendarDate(to)) return; // the date format error says it
  if (from > to) out.push(error('/coverage', `"from" (${from}) is after "to" (${to})`));
}

function checkUrls(root: Record<string, unknown>, out: Problem[]): void {
  const check = (value: unknown, pointer: string): void => {
    if (typeof value === 'string' && !isHttpUrl(value)) out.push(error(pointer, httpUrlMessage(value)));
  };
  const articles = root['articles'];
  if (!Array.isArray(articles)) return;
  articles.forEach((article: unknown, i) => {
    if (!isPlainObject(article)) return;
    const at = joinPointer('/articles', i);
    if ('url' in article) check(article['url'], joinPointer(at, 'url'));
    const body = article['body'];
    if (!Array.isArray(body)) return;
    body.forEach((block: unknown, j) => {
      if (!isPlainObject(block) || !Array.isArray(block['runs'])) return;
      const blockAt = joinPointer(joinPointer(at, 'body'), j);
      block['runs'].forEach((run: unknown, k) => {
        if (isPlainObject(run) && 'href' in run) check(run['href'], joinPointer(joinPointer(joinPointer(blockAt, 'runs'), k), 'href'));
      });
    });
  });
}

export function postSchemaChecks(data: unknown): Problem[] {
  if (!isPlainObject(data)) return [];
  const out: Problem[] = [];
  checkCoverage(data, out);
  checkUrls(data, out);
  checkLengths(data, out);
  return out;
}
