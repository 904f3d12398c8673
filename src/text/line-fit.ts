// How one line [i, j) fits its measure: natural width, what may shrink, how the slack is
// shared over its gaps and how bad that looks. The break search (choose-breaks.ts) and the
// line setter (set-line.ts) both go through these functions, so the line the search scored
// is the line that gets set.
//
// A line's sums are prefix[end] − prefix[start]. The end part is computed once per end
// (lineEnd) and combined with each candidate start (lineFit): the search tries every start
// for every end, and this keeps its inner loop to a few subtractions.
import { BreakClass } from './opportunities.js';
import { EPS, GapClass, HAN_GAP_STRETCH, NEAR_MARK_STRETCH, type Measures } from './measures.js';

/** The parts of a line's sums that depend only on where it ends. */
export interface LineEnd extends GapCounts {
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
}

/**
 * What decides how a line stretches: its gap counts by class (see GapClass), the stretch caps
 * of its quarter ems and spaces (pt), and the em its limits are measured in (the size of its
 * last visible cluster). Prefix sums at a line end, differences over a line.
 */
export interface GapCounts {
  quarterEms: number;
  hanGaps: number;
  latinLetterGaps: number;
  nearMarkGaps: number;
  stretchCap: number;
  em: number;
}

/** A line's measures: what it needs, what it may give, which gaps may open. */
export interface LineFit extends GapCounts {
  /** Index of the last visible cluster; below the start for a line of nothing but spaces. */
  last: number;
  /** Natural width in pt: the opening mark's left blank cut at the start, the closing mark's right blank at the end. */
  natural: number;
  /** What push-in may take, in pt: punctuation blanks, spaces and quarter ems. */
  shrink: number;
  /** What an ordinary line may take, in pt: spaces and quarter ems only (as in TeX). */
  glueShrink: number;
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
  /** Share of its stretch cap each quarter em and space gets (1 = at ratio 1: a quarter em at 0.4 em, a word space at 0.6 em). */
  capShare: number;
  /** pt per Han gap. */
  perHanGap: number;
  /** pt per gap next to a bracket or stop. */
  perNearMarkGap: number;
  /** pt per gap between Latin letters: always 0 (kept so that gapStretch reads every class). */
  perLatinLetterGap: number;
  /**
   * Stretch relative to what the gaps tolerate (1 = Han gaps at 0.25 em, quarter ems at
   * 0.4 em, word spaces at 0.6 em, gaps next to marks at 0.125 em). Infinity when the line
   * cannot be justified within those limits: no gap may open, or a line with Han gaps would
   * need them wider than 0.25 em. Such a line is set short (see `short`). Badness is 100 · ratio³.
   */
  ratio: number;
  /** The shares leave the line short of the measure: it is set flush left with capped gaps. */
  short: boolean;
  /** pt the line is left short by (0 unless short). */
  left: number;
}

export function noStretch(): Stretch {
  return { capShare: 0, perHanGap: 0, perNearMarkGap: 0, perLatinLetterGap: 0, ratio: 0, short: false, left: 0 };
}

/**
 * Share `extra` pt over the line's gaps (clreq §3.8, line adjustment; typography.md
 * "Justification"): one stretch ratio for every Han gap, quarter em and word space, each
 * opening by its own amount at ratio 1 (HAN_GAP_STRETCH, QUARTER_EM_STRETCH, WORD_SPACE_MAX),
 * so that no quarter em gapes while the Han gaps beside it stay tight. A line with Han gaps
 * stops at ratio 1 and is left short; a line of Latin words only opens its spaces further,
 * as TeX sets an underfull line. Without such gaps, the gaps next to marks (to 0.25 em).
 * Never the gaps inside a Latin word, URL or number: a line with nothing else stays natural.
 */
export function distributeStretch(f: LineFit, extra: number, out: Stretch = noStretch()): Stretch {
  out.capShare = out.perHanGap = out.perNearMarkGap = out.perLatinLetterGap = out.ratio = 0;
  out.short = false;
  out.left = 0;
  if (extra <= EPS) return out;
  const em = f.em;
  const hanStretch = HAN_GAP_STRETCH * em;
  const total = f.stretchCap + f.hanGaps * hanStretch;
  if (total > EPS) {
    const r = extra / total;
    const set = f.hanGaps > 0 ? Math.min(r, 1) : r;
    out.capShare = set;
    out.perHanGap = set * hanStretch;
    out.short = set < r;
    out.ratio = out.short ? Infinity : r;
    out.left = (r - set) * total;
  } else if (f.nearMarkGaps > 0) {
    const r = extra / f.nearMarkGaps / (NEAR_MARK_STRETCH * em);
    // Next to a mark a gap never opens past a Han gap's 0.25 em.
    const set = Math.min(r, HAN_GAP_STRETCH / NEAR_MARK_STRETCH);
    out.perNearMarkGap = set * NEAR_MARK_STRETCH * em;
    out.short = set < r;
    out.ratio = out.short ? Infinity : r;
    out.left = (r - set) * NEAR_MARK_STRETCH * em * f.nearMarkGaps;
  } else {
    out.short = true;
    out.ratio = Infinity;
    out.left = extra;
  }
  return out;
}

/** The stretch in pt the gap after cluster k gets under `s`. */
export function gapStretch(m: Measures, k: number, s: Stretch): number {
  const cap = m.stretchCap[k]!;
  // Only quarter ems and spaces have a cap; a space's own gap class is None.
  if (cap > 0) return cap * s.capShare;
  switch (m.gapClass[k] as GapClass) {
    case GapClass.HanGap:
      return s.perHanGap;
    case GapClass.NearMark:
      return s.perNearMarkGap;
    default:
      // Never inside a Latin word, URL or number (GapClass.LatinLetter), —— or …….
      return 0;
  }
}

/** TeX's "infinitely bad": a line this bad is taken only when no break avoids it. */
export const MAX_BADNESS = 10000;

/**
 * Badness of a justified line left short (Stretch.short), `left` pt before the measure:
 * about as bad as an emergency break inside a URL when it is an em short, and worse the
 * more it lacks, so the search prefers any break that fills the line within the limits, and
 * among short lines the least short. Bounded below the penalty of a broken rule.
 */
export function shortBadness(left: number, em: number): number {
  const ems = left / Math.max(em, EPS);
  return Math.min(30000, 1000 + 100 * ems * ems);
}

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
