// How one line [i, j) fits its measure: natural width, what may shrink, how the slack is
// shared over its gaps and how bad that looks. The break search (choose-breaks.ts) and the
// line setter (set-line.ts) both go through these functions, so the line the search scored
// is the line that gets set.
//
// A line's sums are prefix[end] − prefix[start]. The end part is computed once per end
// (lineEnd) and combined with each candidate start (lineFit): the search tries every start
// for every end, and this keeps its inner loop to a few subtractions.
import { BreakClass } from './opportunities.js';
import { EPS, GapClass, type Measures } from './measures.js';

/** The parts of a line's sums that depend only on where it ends. */
export interface LineEnd {
  /** The line ends before cluster `brk` (a cluster boundary, 1 … count). */
  brk: number;
  /** Index of the last visible cluster: spaces and newlines at a break hang and count for nothing. */
  last: number;
  /**
   * prefix.width up to the right edge of the last visible cluster: its end kerning and its
   * cut right blank applied, the break's own width (a hyphen) added. Subtract the start's
   * prefix to get the natural width.
   */
  width: number;
  /** prefix.shrink up to the last visible cluster, its left blank included (push-in may compress it). */
  shrink: number;
  /** prefix.glueShrink up to the last visible cluster. */
  glueShrink: number;
  quarterEms: number;
  hanGaps: number;
  latinLetterGaps: number;
  nearMarkGaps: number;
  stretchCap: number;
  /** Size of the last visible cluster: the em that stretch limits are measured in. */
  em: number;
}

/** A line's measures: what it needs, what it may give, which gaps may open. */
export interface LineFit {
  /** Index of the last visible cluster; below the start for a line of nothing but spaces. */
  last: number;
  /** Natural width in pt: the opening mark's left blank cut at the start, the closing mark's right blank at the end. */
  natural: number;
  /** What push-in may take, in pt: punctuation blanks, spaces and quarter ems. */
  shrink: number;
  /** What an ordinary line may take, in pt: spaces and quarter ems only (as in TeX). */
  glueShrink: number;
  /** Gap counts by class (see GapClass) and the stretch caps of the quarter ems, in pt. */
  quarterEms: number;
  hanGaps: number;
  latinLetterGaps: number;
  nearMarkGaps: number;
  stretchCap: number;
  em: number;
}

export function emptyLineEnd(): LineEnd {
  return { brk: 0, last: -1, width: 0, shrink: 0, glueShrink: 0, quarterEms: 0, hanGaps: 0, latinLetterGaps: 0, nearMarkGaps: 0, stretchCap: 0, em: 0 };
}

export function emptyLineFit(): LineFit {
  return { last: -1, natural: 0, shrink: 0, glueShrink: 0, quarterEms: 0, hanGaps: 0, latinLetterGaps: 0, nearMarkGaps: 0, stretchCap: 0, em: 0 };
}

/** The end part of every line that breaks before cluster `brk`. Fills `out` (the search reuses one). */
export function lineEnd(m: Measures, brk: number, out: LineEnd = emptyLineEnd()): LineEnd {
  const L = m.lastVisible[brk]!;
  const p = m.prefix;
  out.brk = brk;
  out.last = L;
  if (L < 0) {
    out.width = out.shrink = out.glueShrink = out.stretchCap = out.em = 0;
    out.quarterEms = out.hanGaps = out.latinLetterGaps = out.nearMarkGaps = 0;
    return out;
  }
  // The last cluster's right blank is cut (a closing mark's ink meets the edge) and its
  // kerning with the next glyph, now on the next line, undone.
  out.width = p.width[L]! + m.advance[L]! + m.endKern[L]! - m.rightBlank[L]! + m.breakWidth[brk]!;
  out.shrink = p.shrink[L]! + m.leftBlank[L]! + m.spaceShrink[L]!;
  out.glueShrink = p.glueShrink[L]! + m.spaceShrink[L]!;
  out.quarterEms = p.quarterEms[L]!;
  out.hanGaps = p.hanGaps[L]!;
  out.latinLetterGaps = p.latinLetterGaps[L]!;
  out.nearMarkGaps = p.nearMarkGaps[L]!;
  out.stretchCap = p.stretchCap[L]!;
  out.em = m.clusters[L]!.size;
  return out;
}

/** The line from cluster `start` to `end`. Fills `out` (the search reuses one). */
export function lineFit(m: Measures, end: LineEnd, start: number, out: LineFit = emptyLineFit()): LineFit {
  out.last = end.last;
  out.em = end.em;
  if (end.last < start) {
    out.natural = out.shrink = out.glueShrink = out.stretchCap = 0;
    out.quarterEms = out.hanGaps = out.latinLetterGaps = out.nearMarkGaps = 0;
    return out;
  }
  const p = m.prefix;
  // An opening mark at the line start loses its left blank (typography.md).
  const lead = m.leftBlank[start]!;
  out.natural = end.width - p.width[start]! - lead;
  out.shrink = Math.max(0, end.shrink - p.shrink[start]! - lead);
  out.glueShrink = Math.max(0, end.glueShrink - p.glueShrink[start]!);
  out.quarterEms = end.quarterEms - p.quarterEms[start]!;
  out.hanGaps = end.hanGaps - p.hanGaps[start]!;
  out.latinLetterGaps = end.latinLetterGaps - p.latinLetterGaps[start]!;
  out.nearMarkGaps = end.nearMarkGaps - p.nearMarkGaps[start]!;
  out.stretchCap = end.stretchCap - p.stretchCap[start]!;
  return out;
}

/** How slack is shared over a line's gaps (typography.md "Justification"). */
export interface Stretch {
  /** Share of its stretch cap each quarter em and space gets (a factor, 1 = at the cap; more when nothing else may open). */
  capShare: number;
  /** pt per Han gap, and per quarter em and space on top of its cap: past the caps the slack is shared evenly. */
  perHanGap: number;
  /** pt per gap next to a bracket or stop. */
  perNearMarkGap: number;
  /** pt per gap between Latin letters. */
  perLatinLetterGap: number;
  /**
   * Stretch relative to what the opened gaps tolerate (1 = a Han gap at 0.25 em, a quarter em
   * at twice its width, 0.125 em next to a mark, 0.05 em between letters); Infinity when the
   * line has no gap that may open. Badness is 100 · ratio³.
   */
  ratio: number;
}

export function noStretch(): Stretch {
  return { capShare: 0, perHanGap: 0, perNearMarkGap: 0, perLatinLetterGap: 0, ratio: 0 };
}

/**
 * Share `extra` pt over the line's gaps in the house order: quarter ems and spaces up to
 * their caps, then evenly over them and the Han gaps (so a line with one Han gap among many
 * spaces does not gape at that gap); without Han gaps, the quarter ems past their caps;
 * then gaps next to marks; then, last, gaps between Latin letters.
 */
export function distributeStretch(f: LineFit, extra: number, out: Stretch = noStretch()): Stretch {
  out.capShare = out.perHanGap = out.perNearMarkGap = out.perLatinLetterGap = out.ratio = 0;
  if (extra <= EPS) return out;
  const em = f.em;
  if (f.hanGaps > 0) {
    const capped = Math.min(extra, f.stretchCap);
    out.capShare = f.stretchCap > 0 ? capped / f.stretchCap : 0;
    out.perHanGap = (extra - capped) / (f.hanGaps + f.quarterEms);
    out.ratio = (out.perHanGap / em) * 4;
  } else if (f.quarterEms > 0 && f.stretchCap > 0) {
    out.capShare = extra / f.stretchCap;
    out.ratio = out.capShare * 0.5;
  } else if (f.nearMarkGaps > 0) {
    out.perNearMarkGap = extra / f.nearMarkGaps;
    out.ratio = out.perNearMarkGap / em / 0.125;
  } else if (f.latinLetterGaps > 0) {
    out.perLatinLetterGap = extra / f.latinLetterGaps;
    out.ratio = out.perLatinLetterGap / em / 0.05;
  } else {
    out.ratio = Infinity;
  }
  return out;
}

/** The stretch in pt the gap after cluster k gets under `s`. */
export function gapStretch(m: Measures, k: number, s: Stretch): number {
  const cap = m.stretchCap[k]!;
  // Only quarter ems and spaces have a cap; a space's own gap class is None.
  if (cap > 0) return cap * s.capShare + s.perHanGap;
  switch (m.gapClass[k] as GapClass) {
    case GapClass.HanGap:
      return s.perHanGap;
    case GapClass.LatinLetter:
      return s.perLatinLetterGap;
    case GapClass.NearMark:
      return s.perNearMarkGap;
    default:
      return 0;
  }
}

/** TeX's "infinitely bad": a line this bad is taken only when no break avoids it. */
export const MAX_BADNESS = 10000;

/** Knuth's badness of a line whose gaps are `ratio` of their tolerated stretch (Infinity: none may open). */
export function badness(ratio: number): number {
  return Math.min(MAX_BADNESS, 100 * ratio * ratio * ratio);
}

/** Share of the available shrink that `overflow` pt uses (1 = all of it). */
export function shrinkRatio(overflow: number, shrink: number): number {
  return overflow / Math.max(shrink, EPS);
}

/**
 * Start of the run of clusters at a line end that could not begin the next line (clreq
 * line-start prohibition): push-in must pull the whole run onto the line.
 */
export function pushInStart(cls: Uint8Array, L: number, floor: number, width: Float64Array, reach: number): number {
  let q = L;
  while (q > floor && cls[q] === BreakClass.Violation) {
    // A run of such marks longer than a line: every line inside it is all run.
    if (width[L]! - width[q]! > reach) return floor;
    q--;
  }
  return q + 1;
}

/**
 * Push-in may only pull marks onto a line that fits without them (typography.md: push-in
 * before push-out): whether the line [start, q) — the line before the run that may not
 * begin a line — fits `target`.
 */
export function fitsWithoutRun(m: Measures, start: number, q: number, target: number): boolean {
  if (q <= start) return true;
  return lineFit(m, lineEnd(m, q, scratchEnd), start, scratchFit).natural <= target + EPS;
}
// Plain numbers, overwritten on every call: fitsWithoutRun calls nothing that could reenter.
const scratchEnd = emptyLineEnd();
const scratchFit = emptyLineFit();
