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
  return out;
}
