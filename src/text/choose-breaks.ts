// Choosing the breaks: total fit (Knuth–Plass) over every cluster boundary. A line's
// badness grows with the stretch per gap (0.25 em per Han gap is badness 100); rule-breaking
// boundaries carry penalties so large that they are taken only when nothing else avoids an
// overflow. A first pass admits only good lines and no broken rule (TeX's pretolerance); the
// second, run only if the first finds nothing, admits everything.
import type { Model } from './model.js';
import { EPS, pushInPrefix, pushInStart } from './model.js';
import { BreakClass } from './opportunities.js';

/** Additive penalties by break class (squared into demerits, as TeX does). */
const PENALTY = [0, 50, 1000, 100000] as const;
const LINE_PENALTY = 10;
const MAX_BADNESS = 10000;
/** Demerits for a last line holding a single character and its punctuation (a "widow" character). */
const SHORT_LAST_LINE = 3000;
/** First pass: only lines at most this bad, and no rule broken. */
const TOLERANCE = 2000;

export interface FitParams {
  firstTarget: number;
  restTarget: number;
  /** Kept free at the end of the last line. */
  reserve: number;
  justify: boolean;
  cls: Uint8Array;
  mandatory: Uint8Array;
}

/** Indices k where lines end (before cluster k), the last being the cluster count. */
export function chooseBreaks(m: Model, p: FitParams): number[] {
  const { n, clusters } = m;
  const { firstTarget, restTarget, reserve, justify, cls, mandatory } = p;
  let maxSize = 0;
  for (const c of clusters) maxSize = Math.max(maxSize, c.size);
  const maxTarget = Math.max(firstTarget, restTarget);

  const search = (strict: boolean): Int32Array | undefined => {
    const best = new Float64Array(n + 1).fill(Infinity);
    const prev = new Int32Array(n + 1).fill(-1);
    best[0] = 0;
    let floor = 0;
    // Lines narrower than this share of the measure are too loose to try in the first pass.
    const looseLimit = 0.6 * Math.min(firstTarget, restTarget);
    let start = 0;
    for (let j = 1; j <= n; j++) {
      const endsPara = j === n || mandatory[j] === 1;
      const klass = j < n ? cls[j]! : 0;
      const floorNow = floor;
      if (j < n && mandatory[j] === 1) floor = j;
      if (strict && klass === BreakClass.Violation && !endsPara) continue;
      const pen = j < n ? PENALTY[klass as 0 | 1 | 2 | 3] ** 2 : 0;
      const L = m.lastVisible[j]!;
      const em = L >= 0 ? clusters[L]!.size : maxSize;
      // Parts of the line's sums that depend only on where it ends.
      const WL = L >= 0 ? m.W[L]! + m.adv[L]! + m.kern[L]! - m.rb[L]! : 0;
      // Punctuation is compressed only to pull in a mark that may not start the next line
      // (push-in); otherwise only spaces and quarter ems give, as in TeX.
      const pushEnd = L > 0 && cls[L] === BreakClass.Violation;
      const q = pushEnd ? pushInStart(cls, L, floorNow, m.W, maxTarget + 4 * maxSize) : L;
      const SL = L >= 0 ? m.S[L]! + m.lb[L]! + m.spaceShrink[L]! : 0;
      const SGL = L >= 0 ? m.SG[L]! + m.spaceShrink[L]! : 0;
      const N1L = L >= 0 ? m.N1[L]! : 0;
      const N2L = L >= 0 ? m.N2[L]! : 0;
      const N3L = L >= 0 ? m.N3[L]! : 0;
      const N4L = L >= 0 ? m.N4[L]! : 0;
      const CAPL = L >= 0 ? m.CAP[L]! : 0;
      while (start + 1 < j && m.W[j]! - m.W[start + 1]! >= looseLimit) start++;
      const iFrom = strict && !endsPara ? Math.min(j - 1, Math.max(start, floorNow)) : j - 1;
      const reach = maxTarget + 4 * maxSize;
      for (let i = iFrom; i >= floorNow; i--) {
        const bi = best[i]!;
        if (bi === Infinity) {
          // Unreachable starts cost nothing to skip, but still bound the scan to one line.
          if (m.W[j]! - m.W[i]! - (m.S[j]! - m.S[i]!) > reach) break;
          continue;
        }
        const target = (i === 0 ? firstTarget : restTarget) - (j === n ? reserve : 0);
        let b: number;
        if (L < i) {
          b = endsPara ? 0 : MAX_BADNESS;
        } else {
          const lead = m.lb[i]!;
          const natural = WL - m.W[i]! - lead;
          const diff = target - natural;
          if (diff < -EPS) {
            const full = SL - m.S[i]! - lead;
            const pushIn = pushEnd && (q <= i || pushInPrefix(m, i, q) <= target + EPS);
            const shrink = pushIn ? full : SGL - m.SG[i]!;
            if (shrink + EPS < -diff) {
              if (i === j - 1 && best[j] === Infinity) {
                // One cluster wider than the measure: nothing avoids the overflow.
                best[j] = bi + (LINE_PENALTY + MAX_BADNESS) ** 2 + PENALTY[3] ** 2;
                prev[j] = i;
              }
              if (natural - Math.max(full, shrink) > maxTarget + EPS) break;
              continue;
            }
            const rho = -diff / Math.max(shrink, EPS);
            // Push-in comes before push-out (typography.md): compressing is nearly free.
            b = (pushIn ? 0.05 : 100) * rho * rho * rho;
          } else if (endsPara) {
            b = 0;
          } else if (justify) {
            const n1 = N1L - m.N1[i]!;
            const n2 = N2L - m.N2[i]!;
            const n3 = N3L - m.N3[i]!;
            const cap1 = CAPL - m.CAP[i]!;
            let r: number;
            if (diff <= EPS) r = 0;
            else if (n2 > 0) r = (Math.max(0, diff - cap1) / (n2 + n1) / em) * 4;
            else if (n1 > 0 && cap1 > 0) r = (diff / cap1) * 0.5;
            else if (N4L - m.N4[i]! > 0) r = diff / (N4L - m.N4[i]!) / em / 0.125;
            else if (n3 > 0) r = diff / n3 / em / 0.05;
            else r = Infinity;
            b = r === Infinity ? MAX_BADNESS : Math.min(MAX_BADNESS, 100 * r * r * r);
          } else {
            const r = diff / (3 * maxSize);
            b = Math.min(MAX_BADNESS, 100 * r * r * r);
          }
        }
        if (strict && b > TOLERANCE) continue;
        let d = (LINE_PENALTY + b) * (LINE_PENALTY + b) + pen;
        if (j === n && i > 0 && L >= i && L - i < 4 && loneCharacter(clusters, i, L)) d += SHORT_LAST_LINE;
        const total = bi + d;
        if (total < best[j]!) {
          best[j] = total;
          prev[j] = i;
        }
      }
    }
    return best[n] === Infinity ? undefined : prev;
  };
  const prev = search(true) ?? search(false)!;
  const breaks: number[] = [];
  for (let j = n; j > 0; j = prev[j]!) breaks.push(j);
  return breaks.reverse();
}

/** A last line of one Han character and at most its punctuation (字。”) reads as a widow. */
function loneCharacter(clusters: Model['clusters'], i: number, L: number): boolean {
  let chars = 0;
  for (let k = i; k <= L; k++) {
    const kind = clusters[k]!.kind;
    if (kind === 'ideo') chars++;
    else if (kind !== 'punct') return false;
  }
  return chars === 1;
}

/** Whether the line [i, j) may compress its punctuation to pull in marks that may not start a line. */
export function pushInAllowed(m: Model, cls: Uint8Array, i: number, j: number, target: number, reach: number): boolean {
  const L = m.lastVisible[j]!;
  if (!(L > 0 && cls[L] === BreakClass.Violation)) return false;
  const q = pushInStart(cls, L, i, m.W, reach);
  return q <= i || pushInPrefix(m, i, q) <= target + EPS;
}
