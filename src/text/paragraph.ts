// Styled runs → lines. Clusters get their natural widths (punctuation compression,
// quarter-em Han/Latin spacing), then a total-fit pass (Knuth–Plass over every cluster
// boundary, the rule-breaking ones carrying large penalties) picks the breaks, and each
// line is justified or aligned. See typography.md for every rule applied here.
import type { FontSet } from './fonts.js';
import type { BrokenParagraph, GlyphFragment, Line, ParagraphInput, PositionedGlyph } from './types.js';
import { absorbLeading, shapeRuns, type Cluster } from './shape.js';
import { BreakClass, classifyBoundaries } from './opportunities.js';
import { hasLeftBlank, hasRightBlank, isBracket, isLatinAlnum } from './classify.js';

const EPS = 1e-6;
/** Additive penalties by break class (squared into demerits, as TeX does). */
const PENALTY = [0, 50, 1000, 100000] as const;
const LINE_PENALTY = 10;
const MAX_BADNESS = 10000;
/** Demerits for a last line holding a single character (a "widow" character). */
const SHORT_LAST_LINE = 3000;
/** First pass: only lines at most this bad, and no rule broken (TeX's pretolerance). */
const TOLERANCE = 2000;

interface Model {
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

function buildModel(clusters: Cluster[]): Model {
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

interface LineFit {
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

function fit(m: Model, i: number, j: number, pushIn: boolean): LineFit {
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

interface Stretch {
  a1: number; // share of level-1 cap given (0..∞ factor of each item's cap)
  a2: number; // pt per level-2 gap
  a3: number; // pt per level-3 gap
  a4: number; // pt per gap next to a bracket or stop
  /** pt per level-1 item beyond its cap (the rest is shared evenly with the Han gaps). */
  a12: number;
  /** The largest stretch of one gap, in em, weighted for badness. */
  severity: number;
}

function distribute(f: LineFit, extra: number, em: number): Stretch {
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

function badnessOf(r: number): number {
  if (!Number.isFinite(r)) return MAX_BADNESS;
  return Math.min(MAX_BADNESS, 100 * r * r * r);
}

export function breakParagraph(input: ParagraphInput, fonts: FontSet): BrokenParagraph {
  const shaped = shapeRuns(input.runs, fonts);
  const clusters = absorbLeading(shaped.clusters);
  const text = shaped.text;
  if (clusters.length === 0) return { text, lines: [] };
  const m = buildModel(clusters);
  const n = m.n;
  const restIndent = input.restIndent ?? 0;
  const reserve = input.lastLineReserve ?? 0;
  const firstTarget = input.width - input.indent;
  const restTarget = input.width - restIndent;
  const narrowest = Math.max(1, Math.min(firstTarget, restTarget) - reserve);
  const { cls, mandatory } = classifyBoundaries(text, clusters, (a, b) => m.W[b]! - m.W[a]! - m.gap[b - 1]!, narrowest);
  const justify = input.align === 'justify';
  let maxSize = 0;
  for (const c of clusters) maxSize = Math.max(maxSize, c.size);
  const maxTarget = Math.max(firstTarget, restTarget);

  const targetOf = (i: number, j: number): number => (i === 0 ? firstTarget : restTarget) - (j === n ? reserve : 0);

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
            b = (pushIn ? 0.5 : 100) * rho * rho * rho;
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
        if (j === n && L === i && i > 0 && clusters[i]!.kind === 'ideo') d += SHORT_LAST_LINE;
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
  breaks.reverse();

  const lines: Line[] = [];
  let i = 0;
  for (const j of breaks) {
    const L = m.lastVisible[j]!;
    const target = targetOf(i, j);
    const q = L > 0 && cls[L] === BreakClass.Violation ? pushInStart(cls, L, i, m.W, maxTarget + 4 * maxSize) : -1;
    const pushIn = q >= 0 && (q <= i || pushInPrefix(m, i, q) <= target + EPS);
    lines.push(buildLine(input, m, i, j, targetOf(i, j), i === 0 ? input.indent : restIndent, justify && !(j === n || mandatory[j] === 1), j === n, pushIn, fonts));
    i = j;
  }
  return { text, lines };
}

/** Start of the run of clusters at a line end that could not begin the next line. */
function pushInStart(cls: Uint8Array, L: number, floor: number, W: Float64Array, reach: number): number {
  let q = L;
  while (q > floor && cls[q] === BreakClass.Violation) {
    // A run of such marks longer than a line: every line inside it is all run.
    if (W[L]! - W[q]! > reach) return floor;
    q--;
  }
  return q + 1;
}

/** Natural width of the line [i, q): push-in may only pull marks onto a line that fits without them. */
function pushInPrefix(m: Model, i: number, q: number): number {
  return m.W[q]! - m.W[i]! - m.gap[q - 1]! + m.kern[q - 1]! - m.rb[q - 1]! - m.lb[i]!;
}

function buildLine(
  input: ParagraphInput,
  m: Model,
  i: number,
  j: number,
  target: number,
  x0: number,
  justify: boolean,
  last: boolean,
  pushIn: boolean,
  fonts: FontSet,
): Line {
  const f = fit(m, i, j, pushIn);
  const { clusters } = m;
  // Per-cluster copies of the glyphs with the line-edge rules applied.
  const glyphsOf: PositionedGlyph[][] = [];
  for (let k = i; k < j; k++) {
    const c = clusters[k]!;
    const gs = c.glyphs.map((g) => ({ id: g.id, advance: g.advance, dx: g.dx, dy: g.dy, text: g.text }));
    const lastG = gs[gs.length - 1];
    if (k > f.L) {
      for (const g of gs) {
        g.advance = 0;
        g.dx = 0;
      }
    } else if (lastG) {
      if (k < f.L) lastG.advance += m.gap[k]!;
      else lastG.advance += m.kern[k]! - m.rb[k]!;
      if (k === i && m.lb[k]! > 0) {
        gs[0]!.dx -= m.lb[k]!;
        gs[0]!.advance -= m.lb[k]!;
      }
    }
    glyphsOf.push(gs);
  }
  const diff = target - f.natural;
  if (f.L >= i && diff < -EPS && f.shrink > EPS) {
    const rho = Math.min(1, -diff / f.shrink);
    for (let k = i; k <= f.L; k++) {
      const gs = glyphsOf[k - i]!;
      const lastG = gs[gs.length - 1];
      if (!lastG) continue;
      if (pushIn && k < f.L && m.rb[k]! > 0) lastG.advance -= m.rb[k]! * rho;
      if (pushIn && k > i && m.lb[k]! > 0) {
        gs[0]!.dx -= m.lb[k]! * rho;
        gs[0]!.advance -= m.lb[k]! * rho;
      }
      if (k < f.L) lastG.advance -= (m.spaceShrink[k]! + m.gapShrink[k]!) * rho;
    }
  } else if (justify && f.L >= i && diff > EPS) {
    const em = clusters[f.L]!.size;
    const s = distribute(f, diff, em);
    for (let k = i; k < f.L; k++) {
      const lastG = glyphsOf[k - i]![glyphsOf[k - i]!.length - 1];
      if (!lastG) continue;
      if (m.cap[k]! > 0) lastG.advance += m.cap[k]! * s.a1 + s.a12;
      const cl = m.gapCls[k];
      if (cl === 2) lastG.advance += s.a2;
      else if (cl === 3) lastG.advance += s.a3;
      else if (cl === 4) lastG.advance += s.a4;
    }
  }

  let sum = 0;
  for (const gs of glyphsOf) for (const g of gs) sum += g.advance;
  let offset = 0;
  if (input.align === 'center') offset = (target - sum) / 2;
  else if (input.align === 'right') offset = target - sum;

  const fragments: GlyphFragment[] = [];
  let x = x0 + offset;
  let frag: GlyphFragment | undefined;
  for (let k = i; k < j; k++) {
    const c = clusters[k]!;
    const gs = glyphsOf[k - i]!;
    if (gs.length === 0) {
      frag = undefined;
      continue;
    }
    if (!frag || frag.run !== c.run || frag.face !== c.face || frag.end !== c.start) {
      const run = input.runs[c.run]!;
      frag = { face: c.face, size: c.size, color: run.color ?? '#000000', x, width: 0, glyphs: [], start: c.start, end: c.start, run: c.run };
      if (run.href !== undefined) frag.href = run.href;
      fragments.push(frag);
    }
    for (const g of gs) {
      frag.glyphs.push(g);
      frag.width += g.advance;
      x += g.advance;
    }
    frag.end = c.end;
  }

  let ascent = 0;
  let descent = 0;
  for (const fr of fragments) {
    const mt = faceMetrics(fr.face, fr.size, fonts);
    ascent = Math.max(ascent, mt.ascent);
    descent = Math.max(descent, mt.descent);
  }
  if (fragments.length === 0) {
    const run = input.runs[clusters[i]!.run]!;
    const mt = lineMetrics(run.faces, run.size, fonts);
    ascent = mt.ascent;
    descent = mt.descent;
  }
  return {
    fragments,
    start: clusters[i]!.start,
    end: clusters[j - 1]!.end,
    naturalWidth: x0 + Math.max(0, f.natural),
    width: x0 + sum,
    ascent,
    descent,
    last,
  };
}

function faceMetrics(face: string, size: number, fonts: FontSet): { ascent: number; descent: number } {
  const font = fonts.faces.get(face);
  if (!font) return { ascent: 0.88 * size, descent: 0.12 * size };
  return { ascent: (font.ascent / font.unitsPerEm) * size, descent: (-font.descent / font.unitsPerEm) * size };
}

/** Ascent and descent (positive, pt) of the first face at `size`, for placing lines. */
export function lineMetrics(faces: readonly string[], size: number, fonts: FontSet): { ascent: number; descent: number } {
  return faceMetrics(faces[0] ?? '', size, fonts);
}
