// The paragraph as boxes, glue and penalties the line breaker can sum (Knuth–Plass): each
// cluster's natural advance after punctuation compression and Han/Latin spacing, the blanks
// that may be cut or compressed, the glue after it and how that glue may stretch, and prefix
// sums so that any line [i, j) is measured in O(1) (see line-fit.ts).
//
// buildMeasures runs one pass per typographic rule, in this order (each pass may rely on
// the ones before it): punctuationBlanks → lineEndKerning → centreInterpuncts →
// collapseAdjacentPunctuation → setSpaces → clusterAdvances → glueAfterClusters → prefixSums.
import type { Cluster } from './shape.js';
import { slots } from './slots.js';
import { hasLeftBlank, hasRightBlank, isBracket, isLatinAlnum } from './classify.js';

/** Tolerance of width comparisons in pt: below it, two widths are the same. */
export const EPS = 1e-6;

/**
 * How far each kind of gap opens at stretch ratio 1, in em (typography.md "Justification";
 * clreq §3.8 line adjustment: the slack is shared over every gap of the line): a Han gap to
 * 0.25 em, the quarter em between Han and Latin by 0.15 em (to 0.4 em), a word space to
 * 0.6 em in all. Gaps next to a mark open only on a line with no other gap, to 0.125 em.
 */
export const HAN_GAP_STRETCH = 0.25;
export const QUARTER_EM_STRETCH = 0.15;
export const WORD_SPACE_MAX = 0.6;
export const NEAR_MARK_STRETCH = 0.125;

/**
 * What the gap after a cluster is, which decides how justification may stretch it
 * (line-fit.ts, distributeStretch): quarter ems, spaces and Han gaps share the slack; gaps
 * next to marks open only on a line without those; gaps inside Latin words never.
 */
export const enum GapClass {
  /**
   * Never stretched: inside —— or ……, before or after a space or newline (the space itself
   * is the glue), after the paragraph's last cluster.
   */
  None = 0,
  /** The quarter em between a Han character and a Latin letter or digit (clreq, mixed text). */
  QuarterEm = 1,
  /**
   * Between two Han characters, and every pair not classed otherwise (after a comma or a
   * closing mark, punctuation next to Latin): the ordinary inter-character gap.
   */
  HanGap = 2,
  /** Between the letters or digits of a Latin word, URL or number: never stretched. */
  LatinLetter = 3,
  /** After an opening mark or before a closing mark or stop: stretched only when the line has no Han or quarter-em gap. */
  NearMark = 4,
}

/** Per-cluster measures (index k = cluster k) and prefix sums (index k = clusters [0, k)). */
export interface Measures {
  /** Number of clusters. */
  count: number;
  clusters: Cluster[];
  /** Natural advance of each cluster in pt, compression and quarter-em spaces applied, glue after it excluded. */
  advance: Float64Array;
  /**
   * Remaining blank halves of full-width punctuation in pt: compressed by push-in, and cut
   * where the mark meets a line edge (an opening mark at the start, a closing mark at the end).
   */
  leftBlank: Float64Array;
  rightBlank: Float64Array;
  /** How much a space cluster may shrink, in pt (a quarter em by half, a word space by a third). */
  spaceShrink: Float64Array;
  /**
   * Correction to the shaped advance when the cluster ends a line: kerning with the next
   * glyph no longer applies, so the Latin glyph's own (nominal) advance is used.
   */
  endKern: Float64Array;
  /** Width in pt of the glue after each cluster (the quarter em between Han and Latin; 0 otherwise). */
  glue: Float64Array;
  /** How the gap after each cluster may stretch. */
  gapClass: Uint8Array;
  /** How much the glue after each cluster may shrink, in pt (half a quarter em). */
  glueShrink: Float64Array;
  /**
   * How far a quarter em or a space opens at stretch ratio 1 (pt): QUARTER_EM_STRETCH for a
   * quarter em, up to WORD_SPACE_MAX for a word space. A Han gap opens HAN_GAP_STRETCH.
   */
  stretchCap: Float64Array;
  /**
   * Width in pt that a break before cluster k adds at the end of the line it ends (k = 1 …
   * count): a hyphen's width once words are hyphenated. 0 everywhere today; the break search
   * and the line setter both count it.
   */
  breakWidth: Float64Array;
  /** Index of the last cluster before k that is neither space nor newline, or -1. */
  lastVisible: Int32Array;
  prefix: PrefixSums;
}

/** Running sums over clusters [0, k), length count + 1: a line [i, j) sums to prefix[j] − prefix[i]. */
export interface PrefixSums {
  /** Advances plus the glue after each cluster, in pt. */
  width: Float64Array;
  /** Everything that can give, in pt: punctuation blanks, spaces, glue (used with push-in). */
  shrink: Float64Array;
  /** Only what ordinary lines may shrink, in pt: spaces and quarter ems, no punctuation. */
  glueShrink: Float64Array;
  /** Quarter-em gaps and spaces of nonzero width: each opens by its stretch cap at ratio 1. */
  quarterEms: Int32Array;
  /** Gaps of class HanGap. */
  hanGaps: Int32Array;
  /** Gaps of class LatinLetter. */
  latinLetterGaps: Int32Array;
  /** Gaps of class NearMark. */
  nearMarkGaps: Int32Array;
  /** Stretch caps of the quarter ems and spaces, in pt. */
  stretchCap: Float64Array;
}

/** The clusters as the breaker measures them. Mutates the clusters' glyphs (compression, centring). */
export function buildMeasures(clusters: Cluster[]): Measures {
  const n = clusters.length;
  // One backing store per paragraph instead of nineteen (slots.ts).
  const store = slots(n + 1, 13, 5, 1);
  const m: Measures = {
    count: n,
    clusters,
    advance: store.float(0, n),
    leftBlank: store.float(1, n),
    rightBlank: store.float(2, n),
    spaceShrink: store.float(3, n),
    endKern: store.float(4, n),
    glue: store.float(5, n),
    gapClass: store.byte(0, n),
    glueShrink: store.float(6, n),
    stretchCap: store.float(7, n),
    breakWidth: store.float(8, n + 1),
    lastVisible: store.int(0, n + 1),
    prefix: {
      width: store.float(9, n + 1),
      shrink: store.float(10, n + 1),
      glueShrink: store.float(11, n + 1),
      quarterEms: store.int(1, n + 1),
      hanGaps: store.int(2, n + 1),
      latinLetterGaps: store.int(3, n + 1),
      nearMarkGaps: store.int(4, n + 1),
      stretchCap: store.float(12, n + 1),
    },
  };
  punctuationBlanks(m);
  lineEndKerning(m);
  centreInterpuncts(m);
  collapseAdjacentPunctuation(m);
  setSpaces(m);
  clusterAdvances(m);
  glueAfterClusters(m);
  prefixSums(m);
  return m;
}

function isFullWidth(c: Cluster): boolean {
  return c.glyphs.length === 1 && Math.abs(c.glyphs[0]!.advance - c.size) < 0.05 * c.size;
}

/**
 * clreq, punctuation widths (typography.md "Punctuation width and compression"; GB/T 15834):
 * a full-width mark's ink sits in one half of its em, the other half is blank — right of
 * 、，。 and closing brackets, left of opening brackets. Only a glyph that really is one em
 * wide has a blank to give: a proportional Latin quote has none.
 */
function punctuationBlanks(m: Measures): void {
  const { clusters, leftBlank, rightBlank } = m;
  for (let k = 0; k < m.count; k++) {
    const c = clusters[k]!;
    if (c.kind !== 'punct' || !isFullWidth(c)) continue;
    if (hasLeftBlank(c.first)) leftBlank[k] = c.size / 2;
    if (hasRightBlank(c.last)) rightBlank[k] = c.size / 2;
  }
}

/** Kerning pairs with the next glyph (typography.md "Mixed Chinese and Latin") end with the line. */
function lineEndKerning(m: Measures): void {
  const { clusters, endKern } = m;
  for (let k = 0; k < m.count; k++) {
    const c = clusters[k]!;
    const g = c.glyphs[c.glyphs.length - 1];
    if (g && c.kind === 'latin') endKern[k] = g.nominal - g.advance;
  }
}

/**
 * GB/T 15834-2011 (间隔号): the interpunct · between Chinese characters is set centred in
 * half an em, not at the font's narrow Latin width.
 */
function centreInterpuncts(m: Measures): void {
  const { clusters, endKern } = m;
  for (let k = 0; k < m.count; k++) {
    const c = clusters[k]!;
    if (c.first !== '\u00b7' || c.glyphs.length !== 1) continue;
    const g = c.glyphs[0]!;
    const cell = c.size / 2;
    const cjkNeighbour = [clusters[k - 1], clusters[k + 1]].some((d) => d !== undefined && (d.kind === 'ideo' || d.kind === 'punct') && d.first !== '\u00b7');
    if (!cjkNeighbour || g.advance >= cell) continue;
    g.dx += (cell - g.advance) / 2;
    g.advance = cell;
    endKern[k] = 0;
  }
}

/**
 * clreq, punctuation compression of adjacent marks (typography.md "Adjacent punctuation"):
 * the blank halves between two consecutive marks collapse by half an em, so 。” and 》《
 * take 1.5 em, not 2.
 */
function collapseAdjacentPunctuation(m: Measures): void {
  const { clusters, leftBlank: lb, rightBlank: rb } = m;
  for (let k = 0; k + 1 < m.count; k++) {
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
}

/**
 * clreq, spacing between Chinese and Western text (typography.md "Mixed Chinese and
 * Latin"): an author's space between Han and Latin becomes the same quarter em the engine
 * would put there, so 收集 2 篇 and 收集2篇 look identical; elsewhere it stays a word space.
 * Spaces are glue too: a line may break after them (UAX #14 LB18), and there they hang.
 */
function setSpaces(m: Measures): void {
  const { clusters, spaceShrink, stretchCap } = m;
  const n = m.count;
  for (let k = 0; k < n; ) {
    if (clusters[k]!.kind !== 'space') {
      k++;
      continue;
    }
    let e = k;
    while (e < n && clusters[e]!.kind === 'space') e++;
    const quarter = quarterEmBetween(clusters[k - 1], clusters[e], clusters[k - 2]);
    for (let s = k; s < e; s++) {
      const c = clusters[s]!;
      const g = c.glyphs[0]!;
      if (quarter > 0) {
        g.advance = s === k ? quarter : 0;
        g.dx = 0;
      }
      const w = g.advance;
      spaceShrink[s] = quarter > 0 ? w / 2 : w / 3;
      // The author's space next to Han is the quarter em and stretches as one (not on top of it).
      stretchCap[s] = w <= 0 ? 0 : quarter > 0 ? QUARTER_EM_STRETCH * c.size : Math.max(0, WORD_SPACE_MAX * c.size - w);
    }
    k = e;
  }
}

/** A cluster's box is as wide as its glyphs after the passes above moved them. */
function clusterAdvances(m: Measures): void {
  const { clusters, advance } = m;
  for (let k = 0; k < m.count; k++) {
    let a = 0;
    for (const g of clusters[k]!.glyphs) a += g.advance;
    advance[k] = a;
  }
}

/**
 * The glue after each cluster and its class (typography.md "Mixed Chinese and Latin" and
 * "Justification"; clreq, line adjustment): the quarter em between Han and Latin, then where
 * justification may open the line and where it may not.
 */
function glueAfterClusters(m: Measures): void {
  const { clusters, glue, gapClass, glueShrink, stretchCap, leftBlank: lb, rightBlank: rb } = m;
  for (let k = 0; k + 1 < m.count; k++) {
    const c = clusters[k]!;
    const d = clusters[k + 1]!;
    if (c.kind === 'space' || d.kind === 'space' || c.kind === 'newline' || d.kind === 'newline') continue;
    const q = quarterEmBetween(c, d, clusters[k - 1]);
    if (q > 0) {
      glue[k] = q;
      gapClass[k] = GapClass.QuarterEm;
      glueShrink[k] = q / 2;
      stretchCap[k] = 4 * q * QUARTER_EM_STRETCH; // q is a quarter of the Han character's em
    } else if ((c.kind === 'latin' && d.kind === 'latin') || isUnitSignAfterNumber(d, c)) {
      // Inside a word, URL or number, and between a number and its ‰ or ℃ (one unit).
      gapClass[k] = GapClass.LatinLetter;
    } else if (c.last === d.first && (c.last === '…' || c.last === '—')) {
      // —— and …… are one mark drawn as two glyphs (GB/T 15834): never opened.
      gapClass[k] = GapClass.None;
    } else if (lb[k]! > 0 || hasLeftBlank(c.last) || rb[k + 1]! > 0 || hasRightBlank(d.first)) {
      // No justification space inside a bracket's or a mark's embrace: after an opening mark,
      // before a closing mark or a comma/stop (unless the line has no other gap).
      gapClass[k] = GapClass.NearMark;
    } else {
      gapClass[k] = GapClass.HanGap;
    }
  }
}

/** Knuth–Plass's running sums, so a line's width, shrink and gap counts cost two lookups. */
function prefixSums(m: Measures): void {
  const { clusters, advance, glue, leftBlank, rightBlank, spaceShrink, glueShrink, gapClass, stretchCap, lastVisible } = m;
  const p = m.prefix;
  lastVisible[0] = -1;
  for (let k = 0; k < m.count; k++) {
    const c = clusters[k]!;
    const isSpace = c.kind === 'space';
    const cl = gapClass[k];
    p.width[k + 1] = p.width[k]! + advance[k]! + glue[k]!;
    p.shrink[k + 1] = p.shrink[k]! + leftBlank[k]! + rightBlank[k]! + spaceShrink[k]! + glueShrink[k]!;
    p.glueShrink[k + 1] = p.glueShrink[k]! + spaceShrink[k]! + glueShrink[k]!;
    p.quarterEms[k + 1] = p.quarterEms[k]! + (cl === GapClass.QuarterEm ? 1 : 0) + (isSpace && advance[k]! > 0 ? 1 : 0);
    p.hanGaps[k + 1] = p.hanGaps[k]! + (cl === GapClass.HanGap ? 1 : 0);
    p.latinLetterGaps[k + 1] = p.latinLetterGaps[k]! + (cl === GapClass.LatinLetter ? 1 : 0);
    p.nearMarkGaps[k + 1] = p.nearMarkGaps[k]! + (cl === GapClass.NearMark ? 1 : 0);
    p.stretchCap[k + 1] = p.stretchCap[k]! + stretchCap[k]!;
    lastVisible[k + 1] = isSpace || c.kind === 'newline' ? lastVisible[k]! : k;
  }
}

/** Signs that make one unit with the number before them (typography.md "Mixed Chinese and Latin"). */
const UNIT_SIGNS = new Set(['%', '％', '‰', '℃']);

/** The cluster is a unit sign right after a digit: 95%, 1.30‰, 25℃. */
function isUnitSignAfterNumber(c: Cluster, before: Cluster | undefined): boolean {
  return UNIT_SIGNS.has(c.first) && before !== undefined && before.end === c.start && /\d/u.test(before.last);
}

/**
 * The quarter em owed between two clusters (Han next to a Latin letter or digit), or 0.
 * clreq §3.2.1 (spacing between Han and Western text) and typography.md: a number with its
 * `%`, `‰` or `℃` is one unit, so the quarter em also stands after the sign, before Han
 * (`78% 和`, not `78%和`); `before` is the cluster before `a`, the number's last digit.
 */
function quarterEmBetween(a: Cluster | undefined, b: Cluster | undefined, before?: Cluster): number {
  if (!a || !b) return 0;
  if (a.kind === 'ideo' && b.kind === 'latin' && isLatinAlnum(b.first)) return a.size / 4;
  if (b.kind === 'ideo' && a.kind === 'latin' && isLatinAlnum(a.last)) return b.size / 4;
  if (b.kind === 'ideo' && isUnitSignAfterNumber(a, before)) return b.size / 4;
  return 0;
}
