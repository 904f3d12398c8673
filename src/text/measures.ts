// The paragraph as numbers the line breaker can sum: each cluster's natural advance after
// punctuation compression and Han/Latin spacing, the blanks that may be cut or compressed,
// the glue after it, and prefix sums so that any line [i, j) is measured in O(1).
import type { Cluster } from './shape.js';
import { BreakClass } from './opportunities.js';
import { hasLeftBlank, hasRightBlank, isBracket, isLatinAlnum } from './classify.js';

export const EPS = 1e-6;

export interface Model {
  n: number;
  clusters: Cluster[];
  /** Natural advance of each cluster (compression and quarter em applied). */
  adv: Float64Array;
  /** Remaining blank halves of full-width punctuation (pt), compressible and cut at line edges. */
  lb: Float64Array;
  rb: Float64Array;
  /** Shrink of spaces. */
  spaceShrink: Float64Array;
  /** Correction to the shaped advance when the cluster ends a line (kerning with the next glyph). */
  kern: Float64Array;
  /** Glue after each cluster (the quarter em between Han and Latin), its class and shrink. */
  gap: Float64Array;
  gapCls: Uint8Array;
  gapShrink: Float64Array;
  /** Stretch limit before level-2 gaps get anything (level 1 items only). */
  cap: Float64Array;
  W: Float64Array;
  S: Float64Array;
  /** Prefix sums of the shrink of spaces and quarter ems only (no punctuation). */
  SG: Float64Array;
  N1: Int32Array;
  N2: Int32Array;
  N3: Int32Array;
  /** Gaps next to a bracket or stop: stretched only when a line has no other gap. */
  N4: Int32Array;
  CAP: Float64Array;
  /** Index of the last cluster before k that is neither space nor newline, or -1. */
  lastVisible: Int32Array;
}

function isFullWidth(c: Cluster): boolean {
  return c.glyphs.length === 1 && Math.abs(c.glyphs[0]!.advance - c.size) < 0.05 * c.size;
}

export function buildModel(clusters: Cluster[]): Model {
  const n = clusters.length;
  const adv = new Float64Array(n);
  const lb = new Float64Array(n);
  const rb = new Float64Array(n);
  const spaceShrink = new Float64Array(n);
  const kern = new Float64Array(n);
  const gap = new Float64Array(n);
  const gapCls = new Uint8Array(n);
  const gapShrink = new Float64Array(n);
  const cap = new Float64Array(n);

  for (let k = 0; k < n; k++) {
    const c = clusters[k]!;
    if (c.kind === 'punct' && isFullWidth(c)) {
      if (hasLeftBlank(c.first)) lb[k] = c.size / 2;
      if (hasRightBlank(c.last)) rb[k] = c.size / 2;
    }
    const g = c.glyphs[c.glyphs.length - 1];
    if (g && c.kind === 'latin') kern[k] = g.nominal - g.advance;
  }

  // The interpunct · between Chinese characters is set centred in half an em (GB/T 15834),
  // not at the font's narrow Latin width.
  for (let k = 0; k < n; k++) {
    const c = clusters[k]!;
    if (c.first !== '\u00b7' || c.glyphs.length !== 1) continue;
    const g = c.glyphs[0]!;
    const cell = c.size / 2;
    const cjkNeighbour = [clusters[k - 1], clusters[k + 1]].some((d) => d !== undefined && (d.kind === 'ideo' || d.kind === 'punct') && d.first !== '\u00b7');
    if (!cjkNeighbour || g.advance >= cell) continue;
    g.dx += (cell - g.advance) / 2;
    g.advance = cell;
    kern[k] = 0;
  }

  // Adjacent punctuation: the blank halves between two marks collapse by half an em.
  for (let k = 0; k + 1 < n; k++) {
    const a = clusters[k]!;
    const b = clusters[k + 1]!;
    if (a.end !== b.start) continue;
    const aMark = lb[k]! > 0 || rb[k]! > 0;
    const bMark = lb[k + 1]! > 0 || rb[k + 1]! > 0;
    // Two stops in a row (？！, 。。) keep their widths: only a bracket or quote collapses.
    if (!aMark || !bMark || !(isBracket(a.last) || isBracket(b.first))) continue;
    if (rb[k]! > 0) {
      a.glyphs[a.glyphs.length - 1]!.advance -= rb[k]!;
      rb[k] = 0;
    } else if (lb[k + 1]! > 0) {
      const g = b.glyphs[0]!;
      g.dx -= lb[k + 1]!;
      g.advance -= lb[k + 1]!;
      lb[k + 1] = 0;
    }
  }

  // Spaces: between Han and Latin an author's space becomes the quarter em; elsewhere a word space.
  for (let k = 0; k < n; ) {
    if (clusters[k]!.kind !== 'space') {
      k++;
      continue;
    }
    let e = k;
    while (e < n && clusters[e]!.kind === 'space') e++;
    const before = clusters[k - 1];
    const after = clusters[e];
    const quarter = quarterEmBetween(before, after);
    for (let m = k; m < e; m++) {
      const c = clusters[m]!;
      const g = c.glyphs[0]!;
      if (quarter > 0) {
        g.advance = m === k ? quarter : 0;
        g.dx = 0;
      }
      const w = g.advance;
      spaceShrink[m] = quarter > 0 ? w / 2 : w / 3;
      cap[m] = w > 0 ? c.size / 4 : 0;
    }
    k = e;
  }

  for (let k = 0; k < n; k++) {
    const c = clusters[k]!;
    let a = 0;
    for (const g of c.glyphs) a += g.advance;
    adv[k] = a;
    if (k + 1 >= n) continue;
    const d = clusters[k + 1]!;
    if (c.kind === 'space' || d.kind === 'space' || c.kind === 'newline' || d.kind === 'newline') continue;
    const q = quarterEmBetween(c, d);
    if (q > 0) {
      gap[k] = q;
      gapCls[k] = 1;
      gapShrink[k] = q / 2;
      cap[k] = q;
    } else if (c.kind === 'latin' && d.kind === 'latin') {
      gapCls[k] = 3;
    } else if (c.last === d.first && (c.last === '…' || c.last === '—')) {
      gapCls[k] = 0;
    } else if (lb[k]! > 0 || hasLeftBlank(c.last) || rb[k + 1]! > 0 || hasRightBlank(d.first)) {
      // No justification space inside a bracket's or a mark's embrace: after an opening mark,
      // before a closing mark or a comma/stop (unless the line has no other gap).
      gapCls[k] = 4;
    } else {
      gapCls[k] = 2;
    }
  }

  const W = new Float64Array(n + 1);
  const S = new Float64Array(n + 1);
  const SG = new Float64Array(n + 1);
  const N1 = new Int32Array(n + 1);
  const N2 = new Int32Array(n + 1);
  const N3 = new Int32Array(n + 1);
  const N4 = new Int32Array(n + 1);
  const CAP = new Float64Array(n + 1);
  const lastVisible = new Int32Array(n + 1);
  lastVisible[0] = -1;
  for (let k = 0; k < n; k++) {
    const c = clusters[k]!;
    const isSpace = c.kind === 'space';
    W[k + 1] = W[k]! + adv[k]! + gap[k]!;
    S[k + 1] = S[k]! + lb[k]! + rb[k]! + spaceShrink[k]! + gapShrink[k]!;
    SG[k + 1] = SG[k]! + spaceShrink[k]! + gapShrink[k]!;
    N1[k + 1] = N1[k]! + (gapCls[k] === 1 ? 1 : 0) + (isSpace && adv[k]! > 0 ? 1 : 0);
    N2[k + 1] = N2[k]! + (gapCls[k] === 2 ? 1 : 0);
    N3[k + 1] = N3[k]! + (gapCls[k] === 3 ? 1 : 0);
    N4[k + 1] = N4[k]! + (gapCls[k] === 4 ? 1 : 0);
    CAP[k + 1] = CAP[k]! + cap[k]!;
    lastVisible[k + 1] = isSpace || c.kind === 'newline' ? lastVisible[k]! : k;
  }
  return { n, clusters, adv, lb, rb, spaceShrink, kern, gap, gapCls, gapShrink, cap, W, S, SG, N1, N2, N3, N4, CAP, lastVisible };
}

/** The quarter em owed between two clusters (Han next to a Latin letter or digit), or 0. */
function quarterEmBetween(a: Cluster | undefined, b: Cluster | undefined): number {
  if (!a || !b) return 0;
  if (a.kind === 'ideo' && b.kind === 'latin' && isLatinAlnum(b.first)) return a.size / 4;
  if (b.kind === 'ideo' && a.kind === 'latin' && isLatinAlnum(a.last)) return b.size / 4;
  return 0;
}

export interface LineFit {
  /** Index of the last visible cluster (or -1 / < i for an empty line). */
  L: number;
  natural: number;
  shrink: number;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  cap1: number;
}

export function fit(m: Model, i: number, j: number, pushIn: boolean): LineFit {
  const L = m.lastVisible[j]!;
  if (L < i) return { L, natural: 0, shrink: 0, n1: 0, n2: 0, n3: 0, n4: 0, cap1: 0 };
  const lead = m.lb[i]!;
  const natural = m.W[L]! - m.W[i]! + m.adv[L]! + m.kern[L]! - m.rb[L]! - lead;
  const shrink = pushIn
    ? m.S[L]! - m.S[i]! + m.lb[L]! + m.spaceShrink[L]! - lead
    : m.SG[L]! - m.SG[i]! + m.spaceShrink[L]!;
  return {
    L,
    natural,
    shrink: Math.max(0, shrink),
    n1: m.N1[L]! - m.N1[i]!,
    n2: m.N2[L]! - m.N2[i]!,
    n3: m.N3[L]! - m.N3[i]!,
    n4: m.N4[L]! - m.N4[i]!,
    cap1: m.CAP[L]! - m.CAP[i]!,
  };
}

export interface Stretch {
  a1: number; // share of level-1 cap given (0..∞ factor of each item's cap)
  a2: number; // pt per level-2 gap
  a3: number; // pt per level-3 gap
  a4: number; // pt per gap next to a bracket or stop
  /** pt per level-1 item beyond its cap (the rest is shared evenly with the Han gaps). */
  a12: number;
  /** The largest stretch of one gap, in em, weighted for badness. */
  severity: number;
}

export function distribute(f: LineFit, extra: number, em: number): Stretch {
  if (extra <= EPS) return { a1: 0, a2: 0, a3: 0, a4: 0, a12: 0, severity: 0 };
  if (f.n2 > 0) {
    // Spaces and quarter ems first, up to their cap; the rest evenly over every gap, so a
    // line with one Han gap among many spaces does not gape at that gap.
    const t1 = Math.min(extra, f.cap1);
    const a2 = (extra - t1) / (f.n2 + f.n1);
    return { a1: f.cap1 > 0 ? t1 / f.cap1 : 0, a2, a3: 0, a4: 0, a12: a2, severity: a2 / em / 0.25 };
  }
  if (f.n1 > 0 && f.cap1 > 0) {
    const factor = extra / f.cap1;
    return { a1: factor, a2: 0, a3: 0, a4: 0, a12: 0, severity: (factor * 0.25) / 0.5 };
  }
  if (f.n4 > 0) {
    const a4 = extra / f.n4;
    return { a1: 0, a2: 0, a3: 0, a4, a12: 0, severity: a4 / em / 0.125 };
  }
  if (f.n3 > 0) {
    const a3 = extra / f.n3;
    return { a1: 0, a2: 0, a3, a4: 0, a12: 0, severity: a3 / em / 0.05 };
  }
  return { a1: 0, a2: 0, a3: 0, a4: 0, a12: 0, severity: Infinity };
}


/** Start of the run of clusters at a line end that could not begin the next line. */
export function pushInStart(cls: Uint8Array, L: number, floor: number, W: Float64Array, reach: number): number {
  let q = L;
  while (q > floor && cls[q] === BreakClass.Violation) {
    // A run of such marks longer than a line: every line inside it is all run.
    if (W[L]! - W[q]! > reach) return floor;
    q--;
  }
  return q + 1;
}

/** Natural width of the line [i, q): push-in may only pull marks onto a line that fits without them. */
export function pushInPrefix(m: Model, i: number, q: number): number {
  return m.W[q]! - m.W[i]! - m.gap[q - 1]! + m.kern[q - 1]! - m.rb[q - 1]! - m.lb[i]!;
}

