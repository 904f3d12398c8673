// Spacing rules of typography.md ("Punctuation width and compression", "Mixed Chinese and
// Latin", "Justification"), checked on strings through breakParagraph: every Han character
// is 1 em = 12 pt, so a gap is a glyph's advance minus its advance in the same text set on
// one long unjustified line.
import { describe, expect, it } from 'vitest';
import type { BrokenParagraph, PositionedGlyph } from '../../src/text/types.js';
import { lineTexts, penEnd, set } from './helpers.js';

const EM = 12;
const HAN = /^\p{Script=Han}$/u;
const LATIN = /^[A-Za-z0-9]$/;
const TOKEN = /^[\x21-\x7e]$/;

interface Gap {
  line: number;
  a: string;
  b: string;
  /** pt beyond the characters' own advances, the quarter em included; spaces between count too. */
  gap: number;
  kind: 'han' | 'hanLatin' | 'letter' | 'word' | 'other';
}

/** Every gap of every line but the last, measured against the same text on one natural line. */
function gaps(text: string, width: number): { p: BrokenParagraph; gaps: Gap[] } {
  const p = set(text, width);
  const natural = set(text, 1e5, { align: 'left' }).lines[0]!.fragments.flatMap((f) => f.glyphs);
  // Natural advances without the quarter em after a Han/Latin boundary.
  const own = natural.map((g, k) => {
    const next = natural[k + 1];
    const q = next && isHanLatin(g.text, next.text) ? EM / 4 : 0;
    return g.advance - q;
  });
  const out: Gap[] = [];
  let k = 0;
  p.lines.forEach((line, li) => {
    const gl: PositionedGlyph[] = line.fragments.flatMap((f) => f.glyphs);
    const base = k;
    k += gl.length;
    if (line.last) return;
    for (let a = 0; a < gl.length - 1; a++) {
      if (gl[a]!.text.trim() === '') continue;
      let b = a + 1;
      let gap = gl[a]!.advance - own[base + a]!;
      while (b < gl.length && gl[b]!.text.trim() === '') gap += gl[b++]!.advance;
      if (b >= gl.length) break;
      const c1 = Array.from(gl[a]!.text).at(-1)!;
      const c2 = Array.from(gl[b]!.text)[0]!;
      const spaced = b > a + 1;
      const kind: Gap['kind'] = !spaced && HAN.test(c1) && HAN.test(c2) ? 'han'
        : isHanLatin(c1, c2) ? 'hanLatin'
        : !spaced && TOKEN.test(c1) && TOKEN.test(c2) ? 'letter'
        : spaced && TOKEN.test(c1) && TOKEN.test(c2) ? 'word' : 'other';
      out.push({ line: li, a: c1, b: c2, gap, kind });
    }
  });
  return { p, gaps: out };
}

function isHanLatin(a: string, b: string): boolean {
  const x = Array.from(a).at(-1) ?? '';
  const y = Array.from(b)[0] ?? '';
  return (HAN.test(x) && LATIN.test(y)) || (LATIN.test(x) && HAN.test(y)) || (/[%‰℃]/.test(x) && HAN.test(y));
}

const max = (gs: Gap[], kind: Gap['kind']): number => Math.max(0, ...gs.filter((g) => g.kind === kind).map((g) => g.gap));

describe('no letter-spacing (typography.md "Justification")', () => {
  it('sets a line whose only gaps are inside a word at natural width, flush left', () => {
    const text = 'German Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft and more words';
    const word = set('Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft', 1e4, { align: 'left' }).lines[0]!.width;
    const { p, gaps: gs } = gaps(text, word + 20);
    expect(lineTexts(p)[0]).toBe('German ');
    expect(max(gs, 'letter')).toBeLessThan(0.01);
    const first = p.lines[0]!;
    expect(penEnd(first)).toBeLessThan(100);
  });

  it('never spaces out the characters of a URL in a justified paragraph', () => {
    const text = '日前，国家卫生健康委办公厅印发技术指南，原文地址为https://www.nhc.gov.cn/guihuaxxs/c100133/202603/7b1e9d2f4a6c4e8f9a0b1c2d3e4f5a6b/files/report.pdf，明确到2027年，二级以上公立医院电子病历系统应用水平平均达到4级以上。';
    for (const w of [300, 333, 444]) {
      const { p, gaps: gs } = gaps(text, w);
      expect(max(gs, 'letter'), `${w}: ${lineTexts(p).join('|')}`).toBeLessThan(0.01);
      expect(max(gs, 'han'), `${w}: ${lineTexts(p).join('|')}`).toBeLessThanOrEqual(EM / 4 + 1e-6);
      for (const l of p.lines) expect(penEnd(l)).toBeLessThanOrEqual(w + 0.01);
    }
  });
});

describe('slack shared over all gaps (clreq line adjustment; typography.md "Justification")', () => {
  const paragraphs = [
    '2025年5月，中国电信北京公司与北京安贞医院签署战略合作协议，成立联合实验室，组建由十余位管理专家和大模型算法专家领衔的研发团队。历时7个月集中攻关，大模型于近日正式发布。如今，一份运行管理报告的生成速度，从过去的几天提升至5分钟，管理响应速度提升95%。值得一提的是，精准决策效率提升60%，驱动AI深度思考的“引擎”。',
    '数据显示,北京市孕产妇死亡率明显下降,2025年孕产妇死亡率为1.64/10万,较2020年降低62%。婴儿死亡率1.30‰,较2020年降低34%。出生缺陷综合防治效果明显,神经管缺陷、唐氏综合征等严重出生缺陷围产期发生率降幅分别为78%和58%。',
  ];
  it.each([300, 360, 444])('keeps Han gaps ≤ 0.25 em and Han–Latin gaps ≤ 0.4 em at %i pt', (w) => {
    for (const text of paragraphs) {
      const { p, gaps: gs } = gaps(text, w);
      const msg = lineTexts(p).join('|');
      expect(max(gs, 'han'), msg).toBeLessThanOrEqual(0.25 * EM + 1e-6);
      expect(max(gs, 'hanLatin'), msg).toBeLessThanOrEqual(0.4 * EM + 1e-6);
      expect(max(gs, 'letter'), msg).toBeLessThan(0.01);
    }
  });

  it('shares the slack over Han gaps, quarter ems and word spaces alike', () => {
    const p = set('这是English words混排的一段文字，包括', 115);
    const gl = p.lines[0]!.fragments.flatMap((f) => f.glyphs);
    expect(lineTexts(p)[0]).toBe('这是English words');
    expect(p.lines[0]!.width).toBeCloseTo(115, 2);
    const han = gl[0]!.advance - EM;
    const quarter = gl[1]!.advance - EM - EM / 4;
    const space = gl.find((g) => g.text === ' ')!.advance - (256 / 1000) * EM;
    // One stretch ratio: 0.25 em per Han gap, 0.15 em per quarter em, up to 0.6 em per space.
    expect(quarter / han).toBeCloseTo(0.15 / 0.25, 3);
    expect(space / han).toBeCloseTo((0.6 - 0.256) / 0.25, 3);
    expect(han).toBeLessThan(0.25 * EM);
  });

  it('leaves a line short rather than open its Han gaps past 0.25 em', () => {
    // At 120 pt the one Han gap, the quarter em and the space at their limits do not fill the line.
    const p = set('这是English words混排的一段文字，包括', 120);
    const gl = p.lines[0]!.fragments.flatMap((f) => f.glyphs);
    expect(lineTexts(p)[0]).toBe('这是English words');
    expect(gl[0]!.advance).toBeCloseTo(EM * 1.25, 5);
    expect(gl[1]!.advance).toBeCloseTo(EM * 1.4, 5);
    expect(p.lines[0]!.width).toBeLessThan(120);
  });

  it('turns an author\'s space between Han and Latin into the quarter em, not a quarter em more', () => {
    const a = set('本期周报共收集4篇卫生健康大数据与政策研究相关信息，时间从2026年3月1日到3月6日。', 200);
    const b = set('本期周报共收集 4 篇卫生健康大数据与政策研究相关信息，时间从 2026年3月1日到3月6日。', 200);
    expect(lineTexts(b).map((t) => t.replace(/ /g, ''))).toEqual(lineTexts(a));
    const xs = (q: BrokenParagraph) => q.lines.map((l) => l.fragments.flatMap((f) => f.glyphs).filter((g) => g.text !== ' ').map((g) => Math.round(g.advance * 1000)));
    const withSpace = b.lines.map((l) => l.fragments.flatMap((f) => f.glyphs)).map((gl) => gl.map((g, k) => (gl[k + 1]?.text === ' ' ? g.advance + gl[k + 1]!.advance : g.advance)).filter((_, k) => gl[k]!.text !== ' ').map((x) => Math.round(x * 1000)));
    expect(withSpace).toEqual(xs(a));
  });
});

describe('a number with its unit sign is one unit (typography.md "Mixed Chinese and Latin")', () => {
  const gapAfter = (text: string, sign: string): number => {
    const gl = set(text, 1e4, { align: 'left' }).lines[0]!.fragments.flatMap((f) => f.glyphs);
    return gl.find((g) => g.text === sign)!.advance;
  };
  it.each(['%', '‰', '℃'])('puts the quarter em after %s before Han, as before the number', (sign) => {
    expect(gapAfter(`为78${sign}和`, sign) - gapAfter(`为78${sign}`, sign)).toBeCloseTo(EM / 4, 5);
    expect(gapAfter(`为78${sign}和`, sign) - gapAfter(`为78${sign}，`, sign)).toBeCloseTo(EM / 4, 5);
  });
  it('never opens the number and its sign', () => {
    const gl = set('婴儿死亡率1.30‰和', 1e4, { align: 'left' }).lines[0]!.fragments.flatMap((f) => f.glyphs);
    const zero = gl.find((g, k) => g.text === '0' && gl[k + 1]?.text === '‰')!;
    const natural = set('1.30', 1e4, { align: 'left' }).lines[0]!.fragments.flatMap((f) => f.glyphs).at(-1)!;
    expect(zero.advance).toBeCloseTo(natural.advance, 5);
  });
});

describe('glyph forms follow their neighbours (typography.md "Punctuation width")', () => {
  const glyphOf = (text: string, ch: string, nth = 0): PositionedGlyph => {
    const gl = set(text, 1e4, { align: 'left' }).lines[0]!.fragments.flatMap((f) => f.glyphs);
    return gl.filter((g) => g.text.includes(ch))[nth]!;
  };
  it.each([
    ['Women’s health', '’'],
    ['the organization’s chief', '’'],
    ['“Digital tools help,” said Dr Li.', '“'],
    ['“Digital tools help,” said Dr Li.', '”'],
    ['GENEVA, March 31 — The World', '—'],
    ['were the early adopters…', '…'],
  ])('%s: %s in its Latin form', (text, ch) => {
    const latin = glyphOf(text, ch);
    const cjk = glyphOf(`中文${ch}中文`, ch);
    expect(latin.id).not.toBe(cjk.id);
    expect(latin.advance).toBeLessThan(0.95 * EM);
  });
  it('keeps the CJK forms around Chinese text', () => {
    expect(glyphOf('纪念“三八”国际', '“').advance).toBeCloseTo(EM, 5);
    expect(glyphOf('召开“AI+医疗”路演', '“').advance).toBeCloseTo(EM, 5);
    expect(glyphOf('召开“AI+医疗”路演', '”').advance).toBeCloseTo(EM, 5);
    expect(glyphOf('他说——好', '——').advance).toBeCloseTo(2 * EM, 5);
    expect(glyphOf('— 1 —', '—').advance).toBeCloseTo(EM, 5);
  });
  it('keeps 2020–2025 with its Latin en dash and unspaced', () => {
    const gl = set('时间为2020–2025年', 1e4, { align: 'left' }).lines[0]!.fragments.flatMap((f) => f.glyphs);
    expect(gl.find((g) => g.text === '–')!.advance).toBeLessThan(0.6 * EM);
  });
});
