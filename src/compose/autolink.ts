// Bare http(s) URLs in running text become links (typography.md, "Mixed Chinese and Latin").
// The run is split so the URL is a run of its own with href and the link colour; the text
// itself is not touched, so copying it out of the PDF gives back exactly what was written.
import { isHttpUrl } from '../document/checks.js';
import type { StyledRun } from '../text/types.js';
import { styledRun } from '../text/styled-run.js';

/**
 * A candidate: http:// or https:// not glued to a preceding letter or digit, then printable
 * ASCII up to whitespace, a non-ASCII character (CJK punctuation and text end a URL) or a
 * character never bare in a URL (" < > \ ^ ` { | }).
 */
const CANDIDATE = /(?<![A-Za-z0-9])https?:\/\/[!#-;=?-[\]_a-z~]+/gi;

/** Characters a sentence or a bracket puts after a URL rather than in it. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", ')', ']']);
const OPENER: Record<string, string> = { ')': '(', ']': '[' };

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n += 1;
  return n;
}

/** The URL a candidate stands for: trailing punctuation dropped, a closing bracket kept when it closes one in the URL. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.slice(-1);
    if (!TRAILING.has(last)) return url;
    const opener = OPENER[last];
    if (opener !== undefined && count(url, opener) >= count(url, last)) return url;
    url = url.slice(0, -1);
  }
}

/** Where the links of a text are: [start, end) of each URL that passes the href rules. */
export function bareUrls(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const url = trimUrl(m[0]);
    if (isHttpUrl(url)) out.push({ start: m.index, end: m.index + url.length });
  }
  return out;
}

/** Runs without an href split around their bare URLs; each URL run links to itself in `linkColor`. */
export function linkBareUrls(runs: readonly StyledRun[], linkColor: string): StyledRun[] {
  const out: StyledRun[] = [];
  for (const run of runs) {
    const urls = run.href === undefined ? bareUrls(run.text) : [];
    if (urls.length === 0) {
      out.push(run);
      continue;
    }
    let at = 0;
    for (const { start, end } of urls) {
      if (start > at) out.push(styledRun(run.text.slice(at, start), run));
      const url = run.text.slice(start, end);
      out.push(styledRun(url, { ...run, href: url, color: linkColor }));
      at = end;
    }
    if (at < run.text.length) out.push(styledRun(run.text.slice(at), run));
  }
  return out;
}
