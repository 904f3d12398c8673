// Bare http(s) URLs in paragraph text become links (typography.md, "Mixed Chinese and Latin"):
// the text is split into runs, the URL run carries href and the link colour, and nothing
// else changes: the characters and their order are exactly the author's.
import { describe, expect, it } from 'vitest';
import { linkBareUrls } from '../../src/compose/autolink.js';
import { composeIssue } from '../../src/compose/compose.js';
import type { TextBlock } from '../../src/compose/types.js';
import type { StyledRun } from '../../src/text/types.js';
import { defaultTheme } from '../../src/theme/default.js';
import { article, sampleIssue } from './sample.js';

const LINK = defaultTheme.colors.link;
const run = (text: string, more: Partial<StyledRun> = {}): StyledRun => ({ text, faces: ['F'], size: 12, color: '#000000', pointer: '/p', ...more });
/** [text, href] of each run. */
const split = (text: string) => linkBareUrls([run(text)], LINK).map((r) => [r.text, r.href]);

describe('linkBareUrls', () => {
  it('links a URL inside Chinese text and ends it before the full stop', () => {
    expect(split('详细内容可访问https://www.nhc.gov.cn/a/b.html。')).toEqual([
      ['详细内容可访问', undefined],
      ['https://www.nhc.gov.cn/a/b.html', 'https://www.nhc.gov.cn/a/b.html'],
      ['。', undefined],
    ]);
  });

  it('ends before trailing CJK punctuation, closing brackets and quotes', () => {
    expect(split('（http://x.cn/r-3.pdf），')[1]).toEqual(['http://x.cn/r-3.pdf', 'http://x.cn/r-3.pdf']);
    expect(split('见“https://x.cn/a?b=1&c=2”。')[1]).toEqual(['https://x.cn/a?b=1&c=2', 'https://x.cn/a?b=1&c=2']);
    expect(split('see (https://x.org/a) now')[1]).toEqual(['https://x.org/a', 'https://x.org/a']);
    expect(split('入口：https://x.cn/apply，截止')[1]).toEqual(['https://x.cn/apply', 'https://x.cn/apply']);
  });

  it('ends before a sentence-final . or , but keeps dots and commas inside the URL', () => {
    expect(split('The report is at https://who.int/a.b/c,d.html.')).toEqual([
      ['The report is at ', undefined],
      ['https://who.int/a.b/c,d.html', 'https://who.int/a.b/c,d.html'],
      ['.', undefined],
    ]);
    expect(split('at https://who.int/x, and')[1]).toEqual(['https://who.int/x', 'https://who.int/x']);
  });

  it('keeps a balanced closing parenthesis that belongs to the URL', () => {
    expect(split('见https://en.wikipedia.org/wiki/A_(b)。')[1]).toEqual(['https://en.wikipedia.org/wiki/A_(b)', 'https://en.wikipedia.org/wiki/A_(b)']);
  });

  it('links several URLs and gives them the link colour, the rest keeps its style', () => {
    const out = linkBareUrls([run('a https://a.cn/1 和 http://b.cn/2 b', { faces: ['B'] })], LINK);
    expect(out.map((r) => r.text)).toEqual(['a ', 'https://a.cn/1', ' 和 ', 'http://b.cn/2', ' b']);
    expect(out.map((r) => r.color)).toEqual(['#000000', LINK, '#000000', LINK, '#000000']);
    expect(out.every((r) => r.faces[0] === 'B' && r.pointer === '/p')).toBe(true);
  });

  it('applies the href rules: absolute http/https with a host only', () => {
    for (const t of ['见http://。', 'ftp://x.cn/a 文件', 'https://?q=1 查询', 'mailto:a@b.cn', 'xhttps://x.cn/a']) {
      expect(linkBareUrls([run(t)], LINK).every((r) => r.href === undefined)).toBe(true);
    }
  });

  it('leaves runs with an href alone and changes nothing when there is no URL', () => {
    const linked = run('https://a.cn/x', { href: 'https://b.cn/' });
    expect(linkBareUrls([linked], LINK)).toEqual([linked]);
    const plain = run('没有网址的文字。');
    expect(linkBareUrls([plain], LINK)).toEqual([plain]);
  });

  it('keeps every character in order (copy-paste identical)', () => {
    const texts = ['原文地址为https://a.cn/%E6%8A%80.pdf，明确', '(https://x.org/a)).', 'https://x.cn/”）。', '访问http://x.cn.'];
    for (const t of texts) expect(linkBareUrls([run(t)], LINK).map((r) => r.text).join('')).toBe(t);
  });
});

describe('compose links bare URLs in paragraphs', () => {
  const issue = sampleIssue({
    articles: [
      article(0, {
        body: [
          { type: 'paragraph', text: '全文见https://www.nhc.gov.cn/a.html。' },
          { type: 'paragraph', runs: [{ text: '数据：', bold: true }, { text: 'http://data.cn/q?x=1，' }, { text: '链接', href: 'https://c.cn/' }] },
        ],
      }),
    ],
  });
  const blocks = composeIssue(issue, defaultTheme).blocks.filter((b): b is TextBlock => b.kind === 'text' && b.pointer.startsWith('/articles/0/body/'));

  it('in text paragraphs and in runs without href', () => {
    const [a, b] = blocks;
    expect(a!.runs.map((r) => [r.text, r.href])).toEqual([
      ['全文见', undefined],
      ['https://www.nhc.gov.cn/a.html', 'https://www.nhc.gov.cn/a.html'],
      ['。', undefined],
    ]);
    expect(a!.runs[1]!.color).toBe(LINK);
    expect(a!.runs.every((r) => r.pointer === '/articles/0/body/0/text')).toBe(true);
    expect(b!.runs.map((r) => [r.text, r.href])).toEqual([
      ['数据：', undefined],
      ['http://data.cn/q?x=1', 'http://data.cn/q?x=1'],
      ['，', undefined],
      ['链接', 'https://c.cn/'],
    ]);
    expect(b!.runs[1]!.pointer).toBe('/articles/0/body/1/runs/1');
  });
});
