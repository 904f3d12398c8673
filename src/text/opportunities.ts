// Break opportunities between clusters: UAX #14 tailored by clreq (typography.md "Line
// breaking"). Each boundary gets a class; the line breaker turns classes into penalties, so
// that "never" in the rules means "only when nothing else avoids an overflow".
import type { Cluster } from './shape.js';
import {
  URL_BREAK_AFTER,
  URL_NO_LINE_START,
  isLineEndProhibited,
  isLineStartProhibited,
} from './classify.js';
import { findBreakOpportunities } from './uax14.js';

export const enum BreakClass {
  /** An ordinary opportunity. */
  Normal = 0,
  /** Inside a URL or an over-long Latin string, after / . - _ ? & = #. */
  Url = 1,
  /** Inside such a string anywhere else: a last resort. */
  Anywhere = 2,
  /** Breaks a rule (prohibited line start/end, a split word, number, —— or ……). */
  Violation = 3,
}

export interface Boundaries {
  /** cls[k]: class of a break before cluster k (k = 1 … n-1). */
  cls: Uint8Array;
  /** mandatory[k]: a line must end before cluster k. */
  mandatory: Uint8Array;
}

/** Spaces that join rather than separate (UAX #14 class GL). */
const NO_BREAK_SPACE = new Set(['\u00a0', '\u202f', '\u2007']);

/** A URL, a www. address or an e-mail address (linear-time tests: tokens can be long). */
function urlLike(token: string): boolean {
  return token.includes('://') || /www\./i.test(token) || /@[\w-]+\./.test(token);
}

/**
 * @param widthOf natural width of clusters [a, b) in pt
 * @param narrowest the narrowest line of the paragraph in pt: a Latin string wider than it may be broken inside
 */
export function classifyBoundaries(
  text: string,
  clusters: readonly Cluster[],
  widthOf: (a: number, b: number) => number,
  narrowest: number,
): Boundaries {
  const n = clusters.length;
  const cls = new Uint8Array(n + 1);
  const mandatory = new Uint8Array(n + 1);
  const uax = new Map<number, boolean>();
  for (const o of findBreakOpportunities(text)) uax.set(o.position, o.required);

  // Latin tokens: maximal runs of 'latin' clusters.
  const tokenOf = new Int32Array(n).fill(-1);
  const breakable: boolean[] = [];
  for (let k = 0; k < n; ) {
    if (clusters[k]!.kind !== 'latin') {
      k++;
      continue;
    }
    let e = k;
    while (e < n && clusters[e]!.kind === 'latin') e++;
    const id = breakable.length;
    const tokenText = text.slice(clusters[k]!.start, clusters[e - 1]!.end);
    breakable.push(urlLike(tokenText) || widthOf(k, e) > narrowest);
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
    if (uax.get(b.start) === true && a.end === b.start) mandatory[k] = 1;
    const c1 = a.last;
    const c2 = b.first;
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
    const ta = tokenOf[k - 1]!;
    if (text[b.start - 1] === '\u200b') {
      cls[k] = BreakClass.Normal;
      continue;
    }
    if (ta >= 0 && ta === tokenOf[k]) {
      cls[k] = tokenBoundary(text, a, b, { breakable: breakable[ta]!, uaxBreak: uax.has(b.start) });
      continue;
    }
    // Full-width digits and letters make words and numbers too (２０２６, ＣＴ).
    if (isFullwidthAlnum(c1) && isFullwidthAlnum(c2)) {
      cls[k] = BreakClass.Violation;
      continue;
    }
    // Between Latin and Chinese, UAX #14 has the last word (PR × ID keeps "AI+心理" whole).
    if ((a.kind === 'latin') !== (b.kind === 'latin') && !uax.has(b.start)) {
      cls[k] = BreakClass.Anywhere;
      continue;
    }
    // A number and the Han unit after it (02 | 月, 5 | 分钟) read as one: break there only
    // when it costs less than a visibly looser line.
    cls[k] = a.kind === 'latin' && /\d/.test(c1) && b.kind !== 'latin' && !isLineStartProhibited(c2) ? BreakClass.Url : BreakClass.Normal;
  }
  return { cls, mandatory };
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
}

function tokenBoundary(text: string, a: Cluster, b: Cluster, { breakable, uaxBreak }: TokenContext): BreakClass {
  const c1 = a.last;
  const c2 = b.first;
  // A hyphenated compound: state-of-the-art may break after a hyphen between letters.
  if (uaxBreak && (c1 === '-' || c1 === '\u2010') && /\p{L}/u.test(c2)) {
    const before = text.slice(Math.max(0, a.start - 1), a.start);
    if (/\p{L}/u.test(before)) return BreakClass.Normal;
  }
  if (!breakable) return BreakClass.Violation;
  if (URL_NO_LINE_START.has(c2)) return BreakClass.Violation;
  if (URL_BREAK_AFTER.has(c1) && c2 !== c1 && !URL_BREAK_AFTER.has(c2)) {
    if (c1 === '.' && /\d/.test(c2) && /\d/.test(text.slice(a.start - 1, a.start))) return BreakClass.Anywhere;
    return BreakClass.Url;
  }
  return BreakClass.Anywhere;
}
