import { describe, expect, it } from 'vitest';
import { breakParagraph, loadFonts } from '../../src/text/index.js';
import type { StyledRun } from '../../src/text/types.js';

const fonts = loadFonts();
const run = (text: string, extra: Partial<StyledRun> = {}): StyledRun => ({
  text,
  faces: ['NotoSerifSC-Regular'],
  size: 12,
  pointer: '/t',
  ...extra,
});

function lineTexts(runs: StyledRun[], width: number): string[] {
  const p = breakParagraph({ runs, width, indent: 0, restIndent: 0, align: 'left', pointer: '/t' }, fonts);
  return p.lines.map((l) => p.text.slice(l.start, l.end));
}

describe('keepTogether runs', () => {
  // 8 characters of title then a 6-character source, at 12 characters per line: a plain run
  // is split inside the source, which reads badly in a contents entry.
  const title = '医保改革红利精准';
  it('splits an ordinary run where the line is full', () => {
    const lines = lineTexts([run(title), run('（经济日报）')], 144);
    expect(lines.some((l) => l.includes('（经济日报）'))).toBe(false);
    expect(lines.join('')).toBe(`${title}（经济日报）`);
  });

  it('moves a keepTogether run whole to the next line', () => {
    const lines = lineTexts([run(title), run('（经济日报）', { keepTogether: true })], 144);
    expect(lines).toEqual([title, '（经济日报）']);
  });

  it('still breaks inside a keepTogether run wider than the line rather than overflow', () => {
    const lines = lineTexts([run('中华人民共和国国家卫生健康委员会', { keepTogether: true })], 72);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('中华人民共和国国家卫生健康委员会');
  });
});
