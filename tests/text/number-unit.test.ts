import { describe, expect, it } from 'vitest';
import { breakParagraph, loadFonts } from '../../src/text/index.js';

const fonts = loadFonts();

function lines(text: string): string[] {
  const p = breakParagraph(
    { runs: [{ text, faces: ['NotoSerifSC-Regular'], size: 12, pointer: '/lead' }], width: 444, indent: 24, align: 'justify', pointer: '/lead' },
    fonts,
  );
  return p.lines.map((l) => p.text.slice(l.start, l.end));
}

describe('a number and the Han unit after it', () => {
  it('stay together when a break elsewhere costs little (issue 666 lead: not 03 | 月)', () => {
    const lead = '本期周报共收集2篇卫生健康大数据与政策研究相关信息，时间从2026年03月21日到2026年03月27日，监测范围包括全国主流媒体及政府网站等。';
    const out = lines(lead);
    expect(out.join('')).toBe(lead);
    for (let i = 1; i < out.length; i++) {
      const split = /\d$/.test(out[i - 1]!) && /^\p{Script=Han}/u.test(out[i]!);
      expect(split, `${out[i - 1]} | ${out[i]}`).toBe(false);
    }
  });
});
