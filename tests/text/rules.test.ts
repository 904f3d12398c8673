// One test per rule of shared/design/typography.md, on short strings whose breaks and
// widths can be checked by hand: every Han character and full-width mark is 1 em = 12 pt.
import { describe, expect, it } from 'vitest';
import { IssueValidationError } from '../../src/errors.js';
import { GlyphMissingError, lineMetrics } from '../../src/text/index.js';
import { advances, fonts, glyphText, lineTexts, penEnd, run, set, sumAdvances, BOLD } from './helpers.js';

const START_PROHIBITED = Array.from('、，。．：；？！）］｝〕〉》」』】〙〗〟”’·・‰%℃～″\')]},.:;?!々〻');
const END_PROHIBITED = Array.from('（［｛〔〈《「『【〘〖〝“‘([{￥＄$£€');

describe('line breaking (clreq)', () => {
  it.each(START_PROHIBITED)('never starts a line with %s', (c) => {
    const p = set(`一二三四五${c}六七八九十`, 60);
    for (const [i, t] of lineTexts(p).entries()) {
      if (i > 0) expect(t.startsWith(c), JSON.stringify(lineTexts(p))).toBe(false);
    }
    for (const l of p.lines) expect(l.width).toBeLessThanOrEqual(60 + 0.01);
  });

  it.each(END_PROHIBITED)('never ends a line with %s', (c) => {
    const p = set(`一二三四${c}五六七八九`, 60);
    const texts = lineTexts(p);
    for (const t of texts.slice(0, -1)) expect(t.endsWith(c), JSON.stringify(texts)).toBe(false);
    for (const l of p.lines) expect(l.width).toBeLessThanOrEqual(60 + 0.01);
  });

  it('keeps —— whole: one 2-em glyph that is never split', () => {
    const p = set('一二三四——五六七八', 60);
    expect(lineTexts(p).join('')).toBe('一二三四——五六七八');
    const dash = p.lines.flatMap((l) => l.fragments.flatMap((f) => f.glyphs)).find((g) => g.text === '——');
    expect(dash).toBeDefined();
    for (const t of lineTexts(p)) expect(t.startsWith('—')).toBe(t.startsWith('——'));
    for (const t of lineTexts(p)) expect(t.endsWith('—') && !t.endsWith('——')).toBe(false);
  });

  it('keeps …… whole', () => {
    // At 60 pt the natural break falls between the two ellipses.
    const p = set('一二三四……五六七八', 60);
    const texts = lineTexts(p);
    expect(texts.join('')).toBe('一二三四……五六七八');
    expect(texts.some((t) => t.includes('……'))).toBe(true);
    for (const l of p.lines) expect(l.width).toBeLessThanOrEqual(60.01);
  });

  it('never splits a number with its separators and unit signs, at any width', () => {
    for (let w = 48; w <= 200; w += 3) {
      const texts = lineTexts(set('死亡率为1.64/10万，较2020年降低95%和1,234.5元', w));
      const joined = texts.join('|');
      for (const piece of ['1.64/10', '2020', '95%', '1,234.5']) {
        expect(joined.replace(/\|/g, '').includes(piece)).toBe(true);
        expect(texts.some((t) => t.includes(piece)), `${w}: ${joined}`).toBe(true);
      }
    }
  });

  it('never splits a number or word in full-width digits and letters', () => {
    for (let w = 60; w <= 160; w += 6) {
      const texts = lineTexts(set('截至２０２６年共有１２３４５人做了ＣＴ检查', w));
      for (const piece of ['２０２６', '１２３４５', 'ＣＴ']) expect(texts.some((t) => t.includes(piece)), `${w}: ${texts.join('|')}`).toBe(true);
    }
  });

  it('never splits a Latin word that fits on a line (without hyphenation)', () => {
    for (let w = 84; w <= 200; w += 7) {
      const texts = lineTexts(set('利用ChatGPT和Transformer模型进行Evaluation评估', w, { hyphenation: false }));
      for (const word of ['ChatGPT', 'Transformer', 'Evaluation']) {
        expect(texts.some((t) => t.includes(word)), `${w}: ${texts.join('|')}`).toBe(true);
      }
    }
  });

  it('breaks a URL after / . - _ ? & = # and never starts a line with . , ; :', () => {
    const url = 'https://www.example-site.gov.cn/news/2026/0303/' + 'section_alpha/'.repeat(20) + 'page.html?id=101844&lang=zh#top';
    const p = set([run('链接：'), run(url, { href: url })], 444, { align: 'left' });
    const texts = lineTexts(p);
    expect(texts.join('')).toBe('链接：' + url);
    expect(texts.length).toBeGreaterThan(1);
    for (const l of p.lines) expect(penEnd(l)).toBeLessThanOrEqual(444 + 0.01);
    for (const t of texts.slice(1)) expect('.,;:'.includes(t[0]!)).toBe(false);
    for (const t of texts.slice(0, -1)) expect('/.-_?&=#'.includes(t[t.length - 1]!), JSON.stringify(texts)).toBe(true);
    // Every fragment of the URL carries its link.
    for (const l of p.lines) for (const f of l.fragments) if (f.run === 1) expect(f.href).toBe(url);
  });

  it('breaks an over-long string without separators anywhere rather than overflow', () => {
    const s = 'x'.repeat(300);
    const p = set(s, 100, { align: 'left' });
    expect(lineTexts(p).join('')).toBe(s);
    expect(p.lines.length).toBeGreaterThan(3);
    for (const l of p.lines) expect(penEnd(l)).toBeLessThanOrEqual(100 + 0.01);
  });

  it('force-breaks a run of prohibited characters wider than the measure', () => {
    const s = '，'.repeat(30);
    const p = set(s, 60);
    expect(lineTexts(p).join('')).toBe(s);
    for (const l of p.lines) expect(penEnd(l)).toBeLessThanOrEqual(60 + 0.01);
  });

  it('push-in: compresses the line\'s punctuation so a closing mark fits', () => {
    // 甲乙“丙”丁 fills 72 pt; the comma may not start line 2, and the quotes give up half their blanks.
    const p = set('甲乙“丙”丁，戊己庚辛', 72);
    expect(lineTexts(p)).toEqual(['甲乙“丙”丁，', '戊己庚辛']);
    expect(advances(p.lines[0]!)).toEqual([12, 12, 9, 12, 9, 12, 6]);
    expect(p.lines[0]!.width).toBeCloseTo(72, 2);
    const open = p.lines[0]!.fragments[0]!.glyphs[2]!;
    expect(open.dx).toBeCloseTo(-3, 5);
  });

  it('push-out: with nothing to compress, the last character goes down with the mark', () => {
    const p = set('一二三四五，六七八九十', 60);
    expect(lineTexts(p)).toEqual(['一二三四', '五，六七八', '九十']);
    // Justifying 一二三四 would open its Han gaps by a third of an em: they stop at 0.25 em
    // and the line is left short (typography.md "Justification").
    expect(advances(p.lines[0]!)).toEqual([15, 15, 15, 12]);
    expect(p.lines[0]!.width).toBeCloseTo(57, 2);
  });

  it('never splits a ligature across lines', () => {
    const s = 'office'.repeat(40);
    const p = set(s, 100, { align: 'left' });
    expect(p.lines.length).toBeGreaterThan(2);
    expect(lineTexts(p).join('')).toBe(s);
    const glyphs = p.lines.flatMap((l) => l.fragments.flatMap((f) => f.glyphs));
    expect(glyphs.filter((g) => g.text === 'ffi').length).toBe(40);
  });

  it('avoids a last line of a single character when a slightly looser line above avoids it', () => {
    const text = '中'.repeat(37 * 2 + 1);
    const texts = lineTexts(set(text, 444));
    expect(texts.map((t) => t.length)).toEqual([37, 36, 2]);
    const withStop = lineTexts(set('中'.repeat(37 * 2 + 1) + '。', 444));
    expect(withStop.map((t) => t.length)).toEqual([37, 36, 3]);
  });

  it('honours a required break (newline) and keeps the line before it natural', () => {
    const p = set('一二三\n四五六七八九十', 60);
    expect(lineTexts(p)[0]).toBe('一二三\n');
    expect(p.lines[0]!.width).toBeCloseTo(36, 2);
    expect(lineTexts(set('一二\r\n三四', 60))).toEqual(['一二\r\n', '三四']);
  });
});

describe('spaces and invisible characters', () => {
  it('keeps a space at a break as a zero-advance glyph at the end of its line', () => {
    const p = set('alpha beta gamma delta', 60, { align: 'left', hyphenation: false });
    const texts = lineTexts(p);
    expect(texts.join('')).toBe('alpha beta gamma delta');
    for (const l of p.lines.slice(0, -1)) {
      const gl = l.fragments.flatMap((f) => f.glyphs);
      expect(gl[gl.length - 1]!.text).toBe(' ');
      expect(gl[gl.length - 1]!.advance).toBe(0);
    }
  });

  it('sets a tab or no-break space with the space glyph, and never breaks at a no-break space', () => {
    for (let w = 40; w < 120; w += 5) {
      const texts = lineTexts(set('第一\t第二 第三\u00a0第四第五第六', w, { align: 'left' }));
      for (const t of texts.slice(1)) expect(t.startsWith('第四')).toBe(false);
    }
    const line = set('甲\t乙', 1000, { align: 'left' }).lines[0]!;
    const space = fonts.faces.get('NotoSerifSC-Regular')!.glyphForCodePoint(0x20).id;
    expect(line.fragments[0]!.glyphs[1]).toMatchObject({ id: space, text: '\t' });
  });

  it('may break at a zero-width space and keeps it in the glyph text', () => {
    const p = set('abcdefgh\u200bijklmnop', 70, { align: 'left' });
    expect(lineTexts(p)).toEqual(['abcdefgh\u200b', 'ijklmnop']);
    expect(glyphText(p.lines[0]!)).toBe('abcdefgh\u200b');
  });
});

describe('punctuation width and compression', () => {
  const single = (s: string) => set(s, 1000, { align: 'left' }).lines[0]!;
  it.each([
    ['甲。”乙', [12, 6, 12, 12]],
    ['甲”，乙', [12, 6, 12, 12]],
    ['甲）、乙', [12, 6, 12, 12]],
    ['甲》《乙', [12, 6, 12, 12]],
    ['甲：“乙', [12, 6, 12, 12]],
    ['甲（《乙', [12, 12, 6, 12]],
  ])('adjacent marks %s take 1.5 em', (s, adv) => {
    const line = single(s);
    expect(advances(line)).toEqual(adv);
    expect(sumAdvances(line)).toBeCloseTo(42, 5);
  });

  it('two stops in a row keep their full widths', () => {
    expect(advances(single('甲？！乙'))).toEqual([12, 12, 12, 12]);
    expect(advances(single('甲，，乙'))).toEqual([12, 12, 12, 12]);
  });

  it('an opening mark pulled left by half an em when it is pulled in after another mark', () => {
    const line = single('甲（《乙');
    const g = line.fragments[0]!.glyphs[2]!;
    expect(g.text).toBe('《');
    expect(g.dx).toBeCloseTo(-6, 5);
  });

  it('an opening bracket or quote at line start loses its left blank', () => {
    const p = set('“甲”乙丙丁戊己庚辛壬癸。', 60, { align: 'left' });
    const first = p.lines[0]!.fragments[0]!.glyphs[0]!;
    expect(first.text).toBe('“');
    expect(first.advance).toBeCloseTo(6, 5);
    expect(first.dx).toBeCloseTo(-6, 5);
    // a later line starting with an opening mark too
    const q = set('甲乙丙丁戊（己庚）', 60);
    expect(lineTexts(q)[1]!.startsWith('（')).toBe(true);
    const g = q.lines[1]!.fragments[0]!.glyphs[0]!;
    expect(g.advance).toBeCloseTo(6, 5);
    expect(g.dx).toBeCloseTo(-6, 5);
  });

  it('a closing mark at line end loses its right blank and the line still meets the measure', () => {
    const p = set('甲乙丙丁。戊己庚辛壬癸子丑', 60);
    expect(lineTexts(p)[0]).toBe('甲乙丙丁。');
    const adv = advances(p.lines[0]!);
    expect(adv[adv.length - 1]).toBeCloseTo(6, 5);
    expect(p.lines[0]!.width).toBeCloseTo(60, 2);
  });

  it('quotes, —— and …… use the full-width Chinese forms', () => {
    const line = single('“甲”‘乙’——……');
    const gl = line.fragments.flatMap((f) => f.glyphs);
    const byText = new Map(gl.map((g) => [g.text, g.advance]));
    expect(byText.get('——')).toBeCloseTo(24, 5);
    expect(byText.get('…')).toBeCloseTo(12, 5);
    expect(gl[0]!.advance).toBeCloseTo(6, 5); // “ at line start, half
    expect(gl[2]!.advance).toBeCloseTo(6, 5); // ” then ‘: collapse
  });

  it('sets the interpunct centred in half an em between Chinese characters', () => {
    const line = single('马克思·韦伯');
    const dot = line.fragments[0]!.glyphs[3]!;
    expect(dot.text).toBe('·');
    expect(dot.advance).toBeCloseTo(6, 5);
    expect(dot.dx).toBeGreaterThan(0);
  });
});

describe('mixed Chinese and Latin', () => {
  const single = (s: string) => set(s, 1000, { align: 'left' }).lines[0]!;
  it('puts a quarter em between Han and Latin letters or digits', () => {
    const line = single('收集2篇');
    const two = (fonts.faces.get('NotoSerifSC-Regular')!.glyphForCodePoint(0x32).advanceWidth / 1000) * 12;
    expect(advances(line)).toEqual([12, 15, Math.round((two + 3) * 100) / 100, 12]);
  });

  it('turns an author\'s space there into the same quarter em', () => {
    const a = single('收集2篇');
    const b = single('收集 2 篇');
    expect(sumAdvances(b)).toBeCloseTo(sumAdvances(a), 5);
    expect(glyphText(b)).toBe('收集 2 篇');
    const c = single('使用 AI 技术');
    const d = single('使用AI技术');
    expect(sumAdvances(c)).toBeCloseTo(sumAdvances(d), 5);
  });

  it('puts no quarter em next to punctuation', () => {
    const line = single('，2026。');
    const adv = advances(line);
    expect(adv[0]).toBe(12);
    expect(adv[adv.length - 1]).toBe(6);
    const digits = adv.slice(1, 5).reduce((s, x) => s + x, 0);
    const natural = set('2026', 1000, { align: 'left' }).lines[0]!.width;
    expect(digits).toBeCloseTo(natural, 1);
  });

  it('treats symbols drawn a full em wide (①, ×) as Chinese: no quarter em beside them', () => {
    expect(advances(single('第①条'))).toEqual([12, 12, 12]);
    expect(advances(single('中×文'))).toEqual([12, 12, 12]);
  });

  it('kerns Latin text with the font\'s pairs', () => {
    const line = single('AVATAR');
    const nominal = fonts.faces.get('NotoSerifSC-Regular')!.layout('AVATAR', ['kern'], 'latn').glyphs.reduce((s, g) => s + g.advanceWidth, 0) * 12 / 1000;
    expect(sumAdvances(line)).toBeLessThan(nominal - 1);
  });
});

describe('justification', () => {
  it('every line but the last ends at the measure; the last is natural and flush left', () => {
    const text = '中新网北京新闻3月3日电 从“经验管理”到“数据驱动”，再到“智能决策”，公立医院高质量发展迎来关键一跃。在第四届北京人工智能产业创新发展大会上，中国电信北京公司联合北京安贞医院发布全国首个“公立医院运行管理大模型”。';
    const p = set(text, 200, { indent: 24 });
    expect(p.lines.length).toBeGreaterThan(3);
    for (const l of p.lines.slice(0, -1)) {
      expect(l.width).toBeCloseTo(200, 2);
      expect(penEnd(l)).toBeCloseTo(200, 2);
    }
    const last = p.lines[p.lines.length - 1]!;
    expect(last.last).toBe(true);
    expect(last.width).toBeCloseTo(last.naturalWidth, 5);
    expect(lineTexts(p).join('')).toBe(text.normalize('NFC'));
  });

  it('shares the slack over the Han gap, the quarter em and the word space at one ratio', () => {
    // 这是 English words: one Han gap (0.25 em at ratio 1), a quarter em (0.15 em more) and a
    // word space (to 0.6 em) — tests/text/spacing.test.ts has the rule in detail.
    const p = set('这是English words混排的一段文字，包括', 115);
    const line = p.lines[0]!;
    expect(lineTexts(p)[0]).toBe('这是English words');
    const extra = 115 - line.naturalWidth;
    const spaceNatural = (256 / 1000) * 12;
    const r = extra / (3 + 1.8 + (7.2 - spaceNatural));
    expect(r).toBeLessThan(1);
    const gl = line.fragments.flatMap((f) => f.glyphs);
    expect(gl[0]!.advance).toBeCloseTo(12 + 3 * r, 2); // 这: the Han gap
    expect(gl[1]!.advance).toBeCloseTo(12 + 3 + 1.8 * r, 2); // 是 + quarter em + its share
    const space = gl.find((g) => g.text === ' ')!;
    expect(space.advance).toBeCloseTo(spaceNatural + (7.2 - spaceNatural) * r, 2);
    expect(line.width).toBeCloseTo(115, 2);
    // the letters of a word keep their natural (kerned) advances
    const natural = set('English', 1000, { align: 'left' }).lines[0]!;
    const nat = natural.fragments[0]!.glyphs.map((g) => g.advance);
    const got = gl.slice(2, 9).map((g) => g.advance);
    got.slice(0, -1).forEach((a, i) => expect(a).toBeCloseTo(nat[i]!, 5));
  });

  it('spreads the rest evenly between Han characters, never inside …… or a number', () => {
    const p = set('一二三四五六七八九十……1.64万', 140);
    for (const l of p.lines.slice(0, -1)) {
      expect(l.width).toBeCloseTo(140, 2);
      const gl = l.fragments.flatMap((f) => f.glyphs);
      const hanGaps = gl.filter((g, i) => /\p{Script=Han}/u.test(g.text) && gl[i + 1] && /\p{Script=Han}/u.test(gl[i + 1]!.text)).map((g) => g.advance);
      for (const a of hanGaps) expect(a).toBeCloseTo(hanGaps[0]!, 5);
      const firstDot = gl.findIndex((g) => g.text === '…');
      if (firstDot >= 0 && gl[firstDot + 1]?.text === '…') expect(gl[firstDot]!.advance).toBeCloseTo(12, 5);
    }
    const all = p.lines.flatMap((l) => l.fragments.flatMap((f) => f.glyphs));
    const digits = all.filter((g) => /[0-9.]/.test(g.text));
    const natural = set('1.64', 1000, { align: 'left' }).lines[0]!.fragments[0]!.glyphs;
    digits.slice(0, -1).forEach((g, i) => expect(g.advance).toBeCloseTo(natural[i]!.advance, 5));
  });

  it('left, centre and right: natural spacing, positioned within the measure', () => {
    const left = set('标题文字', 100, { align: 'left' }).lines[0]!;
    expect(left.fragments[0]!.x).toBe(0);
    expect(left.width).toBeCloseTo(48, 5);
    const centre = set('标题文字', 100, { align: 'center' }).lines[0]!;
    expect(centre.fragments[0]!.x).toBeCloseTo(26, 5);
    expect(centre.width).toBeCloseTo(48, 5);
    const right = set('标题文字', 100, { align: 'right' }).lines[0]!;
    expect(penEnd(right)).toBeCloseTo(100, 5);
  });

  it('honours indent, restIndent and lastLineReserve', () => {
    const text = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    const p = set(text, 120, { indent: 24, restIndent: 12, lastLineReserve: 36 });
    const texts = lineTexts(p);
    expect(texts[0]).toBe('一二三四五六七八');
    expect(p.lines[0]!.fragments[0]!.x).toBe(24);
    for (const l of p.lines.slice(1)) expect(l.fragments[0]!.x).toBe(12);
    for (const l of p.lines.slice(0, -1)) expect(l.width).toBeCloseTo(120, 2);
    const last = p.lines[p.lines.length - 1]!;
    expect(penEnd(last)).toBeLessThanOrEqual(120 - 36 + 0.01);
    expect(texts.join('')).toBe(text);
  });
});

describe('fonts', () => {
  it('falls back per character along the run\'s faces', () => {
    // 镕 is in GBK but not in the GB2312 subset of the Black face.
    const p = set([run('朱镕基', { faces: ['NotoSerifSC-Black.gb2312', 'NotoSerifSC-Bold'] })], 1000, { align: 'left' });
    const frags = p.lines[0]!.fragments;
    expect(frags.map((f) => [f.face, p.text.slice(f.start, f.end)])).toEqual([
      ['NotoSerifSC-Black.gb2312', '朱'],
      ['NotoSerifSC-Bold', '镕'],
      ['NotoSerifSC-Black.gb2312', '基'],
    ]);
  });

  it('a character no face has is an error naming U+XXXX and the run\'s pointer', () => {
    const attempt = () => set([run('正常文字'), run('表情😀符号', { pointer: '/articles/0/body/3/runs/1/text' })], 444);
    expect(attempt).toThrow(GlyphMissingError);
    try {
      attempt();
    } catch (e) {
      expect(e).toBeInstanceOf(IssueValidationError);
      const err = e as IssueValidationError;
      expect(err.errors).toEqual([{ pointer: '/articles/0/body/3/runs/1/text', message: 'no bundled font has a glyph for U+1F600 "😀"', severity: 'error', source: 'issue' }]);
    }
  });

  it('bold runs use the bold face and carry run index, colour and link', () => {
    const p = set([run('普通'), run('加粗', { faces: BOLD, color: '#C8161D', href: 'https://a.cn/' }), run('普通')], 1000, { align: 'left' });
    const f = p.lines[0]!.fragments;
    expect(f.map((x) => x.face)).toEqual(['NotoSerifSC-Regular', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
    expect(f[1]).toMatchObject({ run: 1, color: '#C8161D', href: 'https://a.cn/', start: 2, end: 4 });
    expect(f[0]!.color).toBe('#000000');
    expect(f[1]!.x).toBeCloseTo(24, 5);
  });

  it('lineMetrics gives the first face\'s ascent and descent in pt', () => {
    const m = lineMetrics(['NotoSerifSC-Regular'], 10, fonts);
    expect(m.ascent).toBeCloseTo(11.51, 2);
    expect(m.descent).toBeCloseTo(2.86, 2);
  });

  it('normalises to NFC and indexes lines into that text', () => {
    const p = set('Cafe\u0301与咖啡', 1000, { align: 'left' });
    expect(p.text).toBe('Café与咖啡');
    expect(glyphText(p.lines[0]!)).toBe('Café与咖啡');
  });
});
