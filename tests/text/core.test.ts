// The breaker's core on hand-made clusters, no font: every Han character and full-width
// mark is 1 em = 12 pt, a Latin letter 6 pt, a word space 3 pt, so each width below can be
// worked out on paper (as tex-linebreak reproduces Knuth's paragraphs).
import { describe, expect, it } from 'vitest';
import type { Cluster, ClusterKind } from '../../src/text/shape.js';
import type { FontSet } from '../../src/text/fonts.js';
import type { Align, Line, ParagraphInput } from '../../src/text/types.js';
import { GapClass, buildMeasures, type Measures } from '../../src/text/measures.js';
import {
  MAX_BADNESS,
  badness,
  distributeStretch,
  gapStretch,
  lineEnd,
  lineFit,
  shrinkRatio,
} from '../../src/text/line-fit.js';
import { chooseBreaks, pushInAllowed } from '../../src/text/choose-breaks.js';
import { typesetLine } from '../../src/text/set-line.js';
import { classifyBoundaries } from '../../src/text/opportunities.js';
import { alignOffset } from '../../src/text/align.js';

const EM = 12;
const PUNCT = new Set(Array.from('，。、：；！？（）“”《》—'));
/** No faces: line metrics fall back to the CJK em box, which these tests do not look at. */
const NO_FONTS: FontSet = { dir: '', faces: new Map<string, never>() };

function kindOf(ch: string): ClusterKind {
  if (ch === ' ') return 'space';
  if (ch === '\n') return 'newline';
  if (/[A-Za-z0-9·]/.test(ch)) return 'latin';
  if (PUNCT.has(ch)) return 'punct';
  return 'ideo';
}

function widthOf(ch: string, kind: ClusterKind): number {
  if (kind === 'space') return EM / 4;
  if (kind === 'newline') return 0;
  if (ch === '·') return 3;
  if (kind === 'latin') return EM / 2;
  return EM;
}

/** One cluster per character, one glyph per cluster. */
function clustersOf(text: string): Cluster[] {
  return Array.from(text).map((ch, k) => {
    const kind = kindOf(ch);
    const advance = widthOf(ch, kind);
    return {
      start: k,
      end: k + 1,
      run: 0,
      face: 'Hand',
      size: EM,
      glyphs: [{ id: k + 1, advance, nominal: advance, dx: 0, dy: 0, text: ch }],
      kind,
      first: ch,
      last: ch,
    };
  });
}

function measure(text: string): Measures {
  return buildMeasures(clustersOf(text));
}

function boundaries(text: string, m: Measures): { cls: Uint8Array; mandatory: Uint8Array } {
  const w = m.prefix.width;
  return classifyBoundaries(text, m.clusters, (a, b) => w[b]! - w[a]! - m.glue[b - 1]!, 1e6);
}

function fitOf(m: Measures, start: number, brk: number) {
  return lineFit(m, lineEnd(m, brk), start);
}

function inputOf(text: string, width: number, align: Align = 'justify'): ParagraphInput {
  return { runs: [{ text, faces: ['Hand'], size: EM, pointer: '/p' }], width, indent: 0, align, pointer: '/p' };
}

function setOne(m: Measures, text: string, start: number, brk: number, target: number, o: { justify?: boolean; pushIn?: boolean; align?: Align } = {}): Line {
  return typesetLine(
    m,
    { input: inputOf(text, target, o.align), start, brk, target, indent: 0, justify: o.justify ?? true, last: false, pushIn: o.pushIn ?? false },
    NO_FONTS,
  );
}

function advancesOf(line: Line): number[] {
  return line.fragments.flatMap((f) => f.glyphs.map((g) => Math.round(g.advance * 1000) / 1000));
}

function textsOf(text: string, breaks: number[]): string[] {
  const chars = Array.from(text);
  let i = 0;
  return breaks.map((j) => {
    const t = chars.slice(i, j).join('');
    i = j;
    return t;
  });
}

function breakText(text: string, width: number, edit?: (m: Measures) => void): string[] {
  const m = measure(text);
  edit?.(m);
  const { cls, mandatory } = boundaries(text, m);
  return textsOf(text, chooseBreaks(m, { firstTarget: width, restTarget: width, reserve: 0, justify: true, cls, mandatory }));
}

describe('measures: gap classes', () => {
  it('classes Han, quarter-em, Latin, near-mark and dash gaps', () => {
    const m = measure('中文A中“字”ab——');
    const cls = Array.from(m.gapClass);
    expect(cls).toEqual([
      GapClass.HanGap, // 中|文
      GapClass.QuarterEm, // 文|A
      GapClass.QuarterEm, // A|中
      GapClass.HanGap, // 中|“ (the quote's blank is on its far side)
      GapClass.NearMark, // “|字
      GapClass.NearMark, // 字|”
      GapClass.HanGap, // ”|a: neither Han–Latin spacing nor a Latin word
      GapClass.LatinLetter, // a|b
      GapClass.HanGap, // b|—
      GapClass.None, // —|— never opens
      GapClass.None, // the last cluster has no gap
    ]);
    expect(m.glue[1]).toBe(3);
    expect(m.glueShrink[1]).toBe(1.5);
    expect(m.stretchCap[1]).toBeCloseTo(1.8, 12); // opens 0.15 em at ratio 1: to 0.4 em
    expect(m.prefix.quarterEms[m.count]).toBe(2);
    expect(m.prefix.hanGaps[m.count]).toBe(4);
    expect(m.prefix.nearMarkGaps[m.count]).toBe(2);
    expect(m.prefix.latinLetterGaps[m.count]).toBe(1);
  });

  it('gives no gap class around spaces: the space is the glue, counted with the quarter ems', () => {
    const m = measure('ab cd');
    expect(m.gapClass[1]).toBe(GapClass.None);
    expect(m.gapClass[2]).toBe(GapClass.None);
    expect(m.prefix.quarterEms[m.count]).toBe(1);
    expect(m.spaceShrink[2]).toBe(1);
    expect(m.stretchCap[2]).toBeCloseTo(0.6 * 12 - 3, 12); // a word space opens to 0.6 em at ratio 1
  });
});

describe('measures: punctuation and spacing passes', () => {
  it('collapses the blanks between a stop and a closing quote (1.5 em, not 2)', () => {
    const m = measure('中。”文');
    expect(m.advance[1]).toBe(6);
    expect(m.rightBlank[1]).toBe(0);
    expect(m.rightBlank[2]).toBe(6);
    expect(m.prefix.width[m.count]).toBe(12 + 6 + 12 + 12);
  });

  it('keeps two stops in a row at full width', () => {
    const m = measure('中？！');
    expect(Array.from(m.advance)).toEqual([12, 12, 12]);
  });

  it('turns an author space between Han and Latin into the quarter em the engine would add', () => {
    const spaced = measure('收集 2 篇');
    const bare = measure('收集2篇');
    expect(spaced.prefix.width[spaced.count]).toBe(bare.prefix.width[bare.count]);
    expect(spaced.advance[2]).toBe(3);
    expect(spaced.spaceShrink[2]).toBe(1.5);
    expect(bare.glue[1]).toBe(3);
  });

  it('centres an interpunct between Chinese characters in half an em', () => {
    const m = measure('中·文');
    expect(m.advance[1]).toBe(6);
    expect(m.clusters[1]!.glyphs[0]!.dx).toBe(1.5);
  });
});

describe('line fit', () => {
  it('cuts an opening mark\'s left blank at the start and a closing mark\'s right blank at the end', () => {
    const f = fitOf(measure('“中文”'), 0, 4);
    expect(f.natural).toBe(48 - 6 - 6);
  });

  it('lets push-in take punctuation blanks but ordinary lines only spaces and quarter ems', () => {
    const f = fitOf(measure('一“A”二'), 0, 5);
    // 一 “ A ” 二 = 12 + 12 + 6 + 12 + 12; no quarter em next to the quotes.
    expect(f.natural).toBe(54);
    expect(f.shrink).toBe(12);
    expect(f.glueShrink).toBe(0);
  });

  it('hangs spaces at the break', () => {
    const m = measure('一二  三');
    const f = fitOf(m, 0, 4);
    expect(f.last).toBe(1);
    expect(f.natural).toBe(24);
  });

  it('opens Han gaps by 0.25 em at ratio 1', () => {
    const f = fitOf(measure('一二三四'), 0, 4);
    const s = distributeStretch(f, 3);
    expect(s.perHanGap).toBe(1);
    expect(s.ratio).toBeCloseTo(1 / 3, 12);
    expect(s.short).toBe(false);
  });

  it('shares one ratio over quarter ems and Han gaps, and stops at ratio 1 on a line with Han gaps', () => {
    const m = measure('一A二三');
    const f = fitOf(m, 0, 4);
    expect(f.natural).toBe(12 + 3 + 6 + 3 + 12 + 12);
    expect(f.stretchCap).toBeCloseTo(3.6, 12);
    const half = distributeStretch(f, 3.3);
    expect(half.ratio).toBeCloseTo(0.5, 12);
    expect([0, 1, 2].map((k) => gapStretch(m, k, half))).toEqual([0.9, 0.9, 1.5].map((x) => expect.closeTo(x, 12)));
    const past = distributeStretch(f, 9);
    expect(past.short).toBe(true);
    expect(past.ratio).toBe(Infinity);
    expect([0, 1, 2].map((k) => gapStretch(m, k, past))).toEqual([1.8, 1.8, 3].map((x) => expect.closeTo(x, 12)));
  });

  it('stretches quarter ems past ratio 1 when there is no Han gap', () => {
    const s = distributeStretch(fitOf(measure('一A'), 0, 2), 6);
    expect(s.capShare).toBeCloseTo(6 / 1.8, 12);
    expect(s.ratio).toBeCloseTo(6 / 1.8, 12);
    expect(s.short).toBe(false);
  });

  it('opens gaps next to marks only on a line without other gaps, and never the letters of a word', () => {
    const near = distributeStretch(fitOf(measure('“一”'), 0, 3), 3);
    expect(near.perNearMarkGap).toBe(1.5);
    expect(near.ratio).toBeCloseTo(1.5 / 12 / 0.125, 12);
    const latin = distributeStretch(fitOf(measure('abc'), 0, 3), 1.2);
    expect(latin.perLatinLetterGap).toBe(0);
    expect(latin.ratio).toBe(Infinity);
    expect(latin.short).toBe(true);
    const none = distributeStretch(fitOf(measure('一'), 0, 1), 5);
    expect(none.ratio).toBe(Infinity);
    expect(badness(none.ratio)).toBe(MAX_BADNESS);
  });

  it('scores badness as 100 · ratio³ and shrink as a share of what may give', () => {
    expect(badness(1)).toBe(100);
    expect(badness(0.5)).toBe(12.5);
    expect(shrinkRatio(2, 4)).toBe(0.5);
  });
});

describe('setting a line', () => {
  it('justifies a Han line by opening every gap the same', () => {
    const m = measure('一二三四');
    const line = setOne(m, '一二三四', 0, 4, 51);
    expect(advancesOf(line)).toEqual([13, 13, 13, 12]);
    expect(line.width).toBeCloseTo(51, 9);
    expect(line.naturalWidth).toBe(48);
  });

  it('shares the stretch per gap class as the search scored it', () => {
    const m = measure('一A二三');
    const line = setOne(m, '一A二三', 0, 4, 51.3);
    // At ratio 0.5: 一 + quarter em (3 + 0.9), A + quarter em (3 + 0.9), 二 + 1.5, 三.
    expect(advancesOf(line)).toEqual([15.9, 9.9, 13.5, 12]);
    // Past ratio 1 the line is left short: no gap opens past its limit.
    expect(advancesOf(setOne(m, '一A二三', 0, 4, 57))).toEqual([16.8, 10.8, 15, 12]);
  });

  it('shrinks only the quarter ems on an ordinary line', () => {
    const m = measure('一A二');
    const line = setOne(m, '一A二', 0, 3, 34);
    expect(advancesOf(line)).toEqual([14, 8, 12]);
    expect(line.width).toBeCloseTo(34, 9);
  });

  it('compresses punctuation when push-in is allowed', () => {
    const m = measure('一“A”二');
    const line = setOne(m, '一“A”二', 0, 5, 48, { pushIn: true });
    // 6 pt over the two quotes' blanks (12 pt): half of each goes.
    expect(advancesOf(line)).toEqual([12, 9, 6, 9, 12]);
    const ordinary = setOne(m, '一“A”二', 0, 5, 48, { pushIn: false });
    expect(ordinary.width).toBe(54);
  });

  it('aligns by the same alignOffset that layout uses', () => {
    const m = measure('一二');
    expect(setOne(m, '一二', 0, 2, 60, { justify: false, align: 'center' }).fragments[0]!.x).toBe(18);
    expect(setOne(m, '一二', 0, 2, 60, { justify: false, align: 'right' }).fragments[0]!.x).toBe(36);
    expect(alignOffset('center', 60, { min: 4, max: 28 })).toBe(14);
    expect(alignOffset('right', 60, { min: 4, max: 28 })).toBe(32);
    expect(alignOffset('left', 60, { min: 4, max: 28 })).toBe(0);
    expect(alignOffset('justify', 60, { min: 4, max: 28 })).toBe(0);
  });
});

describe('choosing breaks', () => {
  it('fills lines of pure Han text to the measure', () => {
    expect(breakText('一二三四五六七八九十', 60)).toEqual(['一二三四五', '六七八九十']);
  });

  it('honours a mandatory break', () => {
    expect(breakText('一二\n三四', 60)).toEqual(['一二\n', '三四']);
  });

  it('pushes a comma in by compressing the quotes on its line rather than pushing a character out', () => {
    const text = '一“二”三，四五六七';
    expect(breakText(text, 60)).toEqual(['一“二”三，', '四五六七']);
    const m = measure(text);
    const { cls } = boundaries(text, m);
    expect(pushInAllowed(m, { cls, start: 0, brk: 6, target: 60, reach: 120 })).toBe(true);
    const line = setOne(m, text, 0, 6, 60, { pushIn: true });
    expect(line.width).toBeCloseTo(60, 9);
    expect(advancesOf(line)).toEqual([12, 9, 12, 9, 12, 6]);
  });

  it('does not push in when the line does not fit without the mark', () => {
    const text = '一“二”三四，五';
    const m = measure(text);
    const { cls } = boundaries(text, m);
    expect(pushInAllowed(m, { cls, start: 0, brk: 7, target: 60, reach: 120 })).toBe(false);
  });

  it('sets one cluster wider than the measure on a line of its own instead of failing', () => {
    expect(breakText('一二三', 10)).toEqual(['一', '二', '三']);
  });
});

describe('width at a break', () => {
  it('is counted in the natural width of the line it ends, and only there', () => {
    const m = measure('一二三四五六');
    m.breakWidth[3] = 6;
    expect(fitOf(m, 0, 3).natural).toBe(42);
    expect(fitOf(m, 0, 4).natural).toBe(48);
    expect(fitOf(m, 3, 6).natural).toBe(36);
  });

  it('moves the break search off a boundary whose added width would overflow', () => {
    const text = '一二三四五六七八九十';
    expect(breakText(text, 60)[0]).toBe('一二三四五');
    const withHyphen = breakText(text, 60, (m) => {
      m.breakWidth[5] = 6;
    });
    expect(withHyphen[0]).not.toBe('一二三四五');
    expect(withHyphen.join('')).toBe(text);
  });

  it('is reserved by the setter: justification and alignment leave room for it', () => {
    const m = measure('一二三四');
    m.breakWidth[4] = 6;
    const line = setOne(m, '一二三四', 0, 4, 60);
    // 60 − 48 − 6 = 6 pt over three Han gaps.
    expect(advancesOf(line)).toEqual([14, 14, 14, 12]);
    expect(line.naturalWidth).toBe(54);
    expect(line.width).toBeCloseTo(60, 9);
    const right = setOne(m, '一二三四', 0, 4, 60, { justify: false, align: 'right' });
    expect(right.fragments[0]!.x).toBe(6);
    expect(right.width).toBe(54);
  });
});
