// Choosing the breaks: total fit (Knuth–Plass) over every cluster boundary. A line's
// badness grows with the stretch per gap (0.25 em per Han gap is badness 100, see
// line-fit.ts); rule-breaking boundaries carry penalties so large that they are taken only
// when nothing else avoids an overflow. A first pass admits only good lines and no broken
// rule (TeX's pretolerance); the second, run only if the first finds nothing, admits everything.
import type { Measures } from './measures.js';
import { EPS } from './measures.js';
import { BreakClass } from './opportunities.js';
import { slots } from './slots.js';
import {
  MAX_BADNESS,
  badness,
  distributeStretch,
  emptyLineEnd,
  emptyLineFit,
  fitsWithoutRun,
  lineEnd,
  lineFit,
  noStretch,
  pushInStart,
  shortBadness,
  shrinkRatio,
} from './line-fit.js';

/**
 * Additive penalties by break class (squared into demerits, as TeX does): Normal, Url,
 * Hyphen (TeX's \hyphenpenalty = 50), Anywhere, Violation.
 */
const PENALTY = [0, 50, 50, 1000, 100000] as const;
/** Knuth–Plass: two consecutive lines ending in a hyphen (TeX's \doublehyphendemerits). */
const DOUBLE_HYPHEN = 10000;
/** Knuth–Plass: the last full line of a paragraph ending in a hyphen (TeX's \finalhyphendemerits). */
const FINAL_HYPHEN = 5000;
const LINE_PENALTY = 10;
/** Demerits for a last line holding a single character and its punctuation (a "widow" character). */
const SHORT_LAST_LINE = 3000;
/** First pass: only lines at most this bad, and no rule broken. */
const TOLERANCE = 2000;

export interface BreakOptions {
  /** Measure of the first line and of every other line, in pt (indents taken off). */
  firstTarget: number;
  restTarget: number;
  /** Kept free at the end of the last line. */
  reserve: number;
  /** Lines are justified: badness follows the stretch of their gaps, not their raggedness. */
  justify: boolean;
  /** BreakClass of a break before each cluster (opportunities.ts). */
  cls: Uint8Array;
  /** 1 where a line must end before the cluster. */
  mandatory: Uint8Array;
  /** 1 where a break before the cluster ends the line with a hyphen (opportunities.ts). */
  hyphen?: Uint8Array;
}

/** Indices k where lines end (before cluster k), the last being the cluster count. */
export function chooseBreaks(m: Measures, p: BreakOptions): number[] {
  const { count: n, clusters } = m;
  const hyphen = p.hyphen ?? new Uint8Array(n + 1);
  let maxSize = 0;
  for (const c of clusters) maxSize = Math.max(maxSize, c.size);
  const scratch: SearchScratch = { end: emptyLineEnd(), fit: emptyLineFit(), stretch: noStretch() };
  const prev = search(m, p, hyphen, maxSize, scratch, true) ?? search(m, p, hyphen, maxSize, scratch, false)!;
  const breaks: number[] = [];
  for (let j = n; j > 0; j = prev[j]!) breaks.push(j);
  return breaks.reverse();
}

/** The line-end, line-fit and stretch records one search reuses for every candidate line. */
interface SearchScratch {
  end: ReturnType<typeof emptyLineEnd>;
  fit: ReturnType<typeof emptyLineFit>;
  stretch: ReturnType<typeof noStretch>;
}

/**
 * One pass of the total-fit search: the best way to reach every boundary, as the boundary
 * each line starts at; undefined when the paragraph's end cannot be reached. `strict` is the
 * first pass: no violations, no lines past TOLERANCE. (A function of its own, not a closure
 * made per paragraph: a closure's optimized code was dropped at every major GC.)
 */
function search(m: Measures, p: BreakOptions, hyphen: Uint8Array, maxSize: number, scratch: SearchScratch, strict: boolean): Int32Array | undefined {
  const { count: n, clusters } = m;
  const { width: W, shrink: S } = m.prefix;
  const { firstTarget, restTarget, reserve, justify, cls, mandatory } = p;
  const maxTarget = Math.max(firstTarget, restTarget);
  const { end, fit, stretch } = scratch;
  const store = slots(n + 1, 1, 2, 0);
  const best = store.float(0, n + 1).fill(Infinity);
  const prev = store.int(0, n + 1).fill(-1);
  best[0] = 0;
  // The boundaries reached so far (best < Infinity), in order: Knuth–Plass's active list.
  // In Chinese text every boundary may end a line, but only a few are reached by good lines
  // (in the first pass about one per line), and scanning every boundary of a line's width
  // back from each candidate end spent most of the search on starts that cost nothing.
  const active = store.int(1, n + 1);
  active[0] = 0;
  let actives = 1;
  /** Where the scan back from each candidate end starts in `active`: it only moves on. */
  let top = 0;
  let floor = 0;
  // Lines narrower than this share of the measure are too loose to try in the first pass.
  const looseLimit = 0.6 * Math.min(firstTarget, restTarget);
  // A line and some: the farthest back a start may be and still fit with every give.
  const reach = maxTarget + 4 * maxSize;
  let start = 0;
  for (let j = 1; j <= n; j++) {
    const endsPara = j === n || mandatory[j] === 1;
    const klass = j < n ? cls[j]! : 0;
    const floorNow = floor;
    if (j < n && mandatory[j] === 1) floor = j;
    if (strict && klass === BreakClass.Violation && !endsPara) continue;
    const pen = j < n ? PENALTY[klass as 0 | 1 | 2 | 3 | 4] ** 2 : 0;
    const hyphenated = j < n && hyphen[j] === 1;
    lineEnd(m, j, end);
    const L = end.last;
    // Punctuation is compressed only to pull in a mark that may not start the next line
    // (push-in); otherwise only spaces and quarter ems give, as in TeX.
    const pushEnd = L > 0 && cls[L] === BreakClass.Violation;
    const q = pushEnd ? pushInStart(cls, L, floorNow, W, reach) : L;
    while (start + 1 < j && W[j]! - W[start + 1]! >= looseLimit) start++;
    const iFrom = strict && !endsPara ? Math.min(j - 1, Math.max(start, floorNow)) : j - 1;
    while (top + 1 < actives && active[top + 1]! <= iFrom) top++;
    // (iFrom falls back after a paragraph end: entries past it are passed over.)
    let above = iFrom;
    for (let a = top; a >= 0; a--) {
      const i = active[a]!;
      if (i > iFrom) continue;
      if (i < floorNow) break;
      // The unreachable starts in (i, above] cost nothing, but still bound the scan to one
      // line: W − S only grows leftwards, so their leftmost (i + 1) is the one to ask.
      if (i + 1 <= above && W[j]! - W[i + 1]! - (S[j]! - S[i + 1]!) > reach) break;
      above = i - 1;
      const bi = best[i]!;
      const target = (i === 0 ? firstTarget : restTarget) - (j === n ? reserve : 0);
      let b: number;
      if (L < i) {
        b = endsPara ? 0 : MAX_BADNESS;
      } else {
        lineFit(m, end, i, fit);
        const diff = target - fit.natural;
        if (diff < -EPS) {
          const pushIn = pushEnd && fitsWithoutRun(m, i, q, target);
          // clreq §3.8 (line adjustment): to keep a mark that may not start a line, first
          // compress the line's punctuation (push-in), and only then push a character out
          // and stretch. Other lines shrink only spaces and quarter ems: compressing marks on
          // every line gave 663 a few more lines at a character more each, but each such
          // mark width is a glyph of its own in the PDF subset, past the 180 KB budget.
          const shrink = pushIn ? fit.shrink : fit.glueShrink;
          if (shrink + EPS < -diff) {
            if (i === j - 1 && best[j] === Infinity) {
              // One cluster wider than the measure: nothing avoids the overflow.
              best[j] = bi + (LINE_PENALTY + MAX_BADNESS) ** 2 + PENALTY[BreakClass.Violation] ** 2;
              prev[j] = i;
            }
            // Starting further left only makes the line wider.
            if (fit.natural - Math.max(fit.shrink, shrink) > maxTarget + EPS) break;
            continue;
          }
          const rho = shrinkRatio(-diff, shrink);
          // Push-in comes before push-out (typography.md): compressing is nearly free.
          b = (pushIn ? 0.05 : 100) * rho * rho * rho;
        } else if (endsPara) {
          b = 0;
        } else if (justify) {
          distributeStretch(fit, diff, stretch);
          // A line that its gaps cannot fill within their limits (Han gaps past 0.25 em,
          // letters of a word) is left short: very costly, never taken in the first pass.
          if (strict && stretch.short) continue;
          b = stretch.short ? shortBadness(stretch.left, fit.em) : badness(stretch.ratio);
        } else {
          b = badness(diff / (3 * maxSize));
        }
      }
      if (strict && b > TOLERANCE) continue;
      let d = (LINE_PENALTY + b) * (LINE_PENALTY + b) + pen;
      if (j === n && i > 0 && L >= i && L - i < 4 && loneCharacter(clusters, i, L)) d += SHORT_LAST_LINE;
      if (hyphen[i] === 1 && i > 0) d += hyphenated ? DOUBLE_HYPHEN : endsPara ? FINAL_HYPHEN : 0;
      const total = bi + d;
      if (total < best[j]!) {
        best[j] = total;
        prev[j] = i;
      }
    }
    if (best[j] !== Infinity) active[actives++] = j;
  }
  return best[n] === Infinity ? undefined : prev;
}

/** A last line of one Han character and at most its punctuation (字。”) reads as a widow. */
function loneCharacter(clusters: Measures['clusters'], i: number, L: number): boolean {
  let chars = 0;
  for (let k = i; k <= L; k++) {
    const kind = clusters[k]!.kind;
    if (kind === 'ideo') chars++;
    else if (kind !== 'punct') return false;
  }
  return chars === 1;
}

export interface PushInQuery {
  /** BreakClass of each boundary. */
  cls: Uint8Array;
  /** The line [start, brk). */
  start: number;
  brk: number;
  target: number;
  /** Longest run of unbreakable marks worth scanning, in pt (a line and some). */
  reach: number;
}

/**
 * Whether the line may compress its punctuation to pull in marks that may not start a line:
 * the same test the search applied when it chose the line (with the line's start as floor).
 */
export function pushInAllowed(m: Measures, { cls, start, brk, target, reach }: PushInQuery): boolean {
  const L = m.lastVisible[brk]!;
  if (!(L > 0 && cls[L] === BreakClass.Violation)) return false;
  const q = pushInStart(cls, L, start, m.prefix.width, reach);
  return fitsWithoutRun(m, start, q, target);
}
