import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeIssue } from '../../src/compose/compose.js';
import { readImageHeader } from '../../src/compose/image-size.js';
import { chineseDate, chineseDigits, issueNumberLabel } from '../../src/compose/numerals.js';
import type { Block, TextBlock } from '../../src/compose/types.js';
import { IssueValidationError } from '../../src/errors.js';
import { defaultTheme } from '../../src/theme/default.js';
import { article, jpegBytes, pngBytes, sampleIssue } from './sample.js';

const textOf = (b: Block | undefined) => (b && b.kind === 'text' ? b.runs.map((r) => r.text).join('') : undefined);
const texts = (blocks: Block[]) => blocks.map(textOf);

function errorOf(f: () => unknown): IssueValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof IssueValidationError) return e;
    throw e;
  }
  throw new Error('expected an IssueValidationError');
}

describe('numbers and dates', () => {
  it('writes issue numbers digit by digit with 〇 for zero', () => {
    expect(chineseDigits(1070)).toBe('一〇七〇');
    expect(issueNumberLabel(666)).toBe('（第六六六）');
    expect(issueNumberLabel(1070)).toBe('（第一〇七〇）');
    expect(issueNumberLabel(9)).toBe('（第九）');
    expect(chineseDigits(12345)).toBe('一二三四五');
  });

  it('writes dates zero-padded with 年月日', () => {
    expect(chineseDate('2026-03-07')).toBe('2026年03月07日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
  });
});

describe('masthead', () => {
  const blocks = composeIssue(sampleIssue({ issue: { number: 1070, date: '2026-03-07' } }), defaultTheme).blocks;

  it('opens with the red title that shrinks to fit, the number and the publisher/date row', () => {
    const [title, number, row, rule] = blocks;
    expect(textOf(title)).toBe('全国卫生信息化舆情监测周报');
    const t = title as TextBlock;
    expect(t.shrinkToFit).toBeDefined();
    expect(t.align).toBe('center');
    expect(t.runs[0]!.color).toBe('#C8161D');
    expect(t.runs[0]!.faces).toEqual(defaultTheme.fonts.masthead);
    expect(t.struct.role).toBe('H1');
    expect(textOf(number)).toBe('（第一〇七〇）');
    expect((number as TextBlock).align).toBe('center');
    expect(textOf(row)).toBe('北京市卫生健康大数据与政策研究中心');
    const tail = (row as TextBlock).tail;
    expect(tail?.kind === 'text' && tail.runs.map((r) => r.text).join('')).toBe('2026年03月07日');
    expect(rule?.kind).toBe('rule');
    if (rule?.kind !== 'rule') return;
    expect(rule.lines).toHaveLength(2);
    expect(rule.lines[0]!.thickness).toBeGreaterThan(rule.lines[1]!.thickness);
    expect(rule.lines[0]!.offset).toBeLessThan(rule.lines[1]!.offset);
    expect(rule.color).toBe('#C8161D');
    expect(rule.struct.role).toBe('Artifact');
  });
});

describe('lead', () => {
  it('fills the template with N in Arabic digits and 年月日 dates', () => {
    const blocks = composeIssue(sampleIssue({}, 3), defaultTheme).blocks;
    const i = texts(blocks).indexOf('本期导语：');
    expect(i).toBeGreaterThan(0);
    expect(textOf(blocks[i + 1])).toBe(
      '本期周报共收集3篇卫生健康大数据与政策研究相关信息，时间从2026年02月27日到2026年03月06日，监测范围包括全国主流媒体及政府网站等。',
    );
  });

  it('prints & and < in the data as is (no HTML escaping)', () => {
    const issue = sampleIssue();
    issue.coverage.topic = 'R&D <试点> "数据"';
    issue.coverage.scope = "A&B's";
    const lead = texts(composeIssue(issue, defaultTheme).blocks).find((t) => t?.startsWith('本期周报'));
    expect(lead).toContain('R&D <试点> "数据"相关信息');
    expect(lead).toContain("包括A&B's。");
  });

  it('uses the issue lead when given, and a template from the loader', () => {
    const own = texts(composeIssue(sampleIssue({ lead: '自定义导语 & <b>' }), defaultTheme).blocks);
    expect(own).toContain('自定义导语 & <b>');
    const other = texts(composeIssue(sampleIssue(), defaultTheme, { loadTemplate: () => '共{{count}}篇：{{topic}}\n' }).blocks);
    expect(other).toContain('共2篇：卫生健康大数据与政策研究');
  });

  it('reports a template naming an unknown field, or missing, against the theme', () => {
    const bad = errorOf(() => composeIssue(sampleIssue(), defaultTheme, { loadTemplate: () => '{{count}} {{cuont}}' }));
    expect(bad.errors[0]!.pointer).toBe('/templates/lead');
    expect(bad.errors[0]!.message).toMatch(/cuont/);
    const missing = errorOf(() => composeIssue(sampleIssue(), { ...defaultTheme, templates: { lead: '/nonexistent/lead.hbs' } }));
    expect(missing.errors[0]!.pointer).toBe('/templates/lead');
  });
});

describe('contents and articles', () => {
  const issue = sampleIssue({}, 2);
  issue.articles[0] = article(0, {
    originalTitle: '原来的标题',
    body: [
      { type: 'paragraph', runs: [{ text: '加粗', bold: true }, { text: '普通' }, { text: '原文', href: 'https://example.org/a' }] },
      { type: 'heading', text: '小标题' },
      { type: 'paragraph', text: '段落。' },
    ],
  });
  delete issue.articles[1]!.date;
  const blocks = composeIssue(issue, defaultTheme).blocks;
  const t = texts(blocks);

  it('lists one linked entry per article with hanging indent and a page reference', () => {
    const start = t.indexOf('一、信息目录');
    const entries = blocks.slice(start + 1, start + 3) as TextBlock[];
    expect(entries.map(textOf)).toEqual(['1. 第1条测试信息标题（人民网）', '2. 第2条测试信息标题（央广网）']);
    for (const [i, e] of entries.entries()) {
      expect(e.hangRuns).toBe(1);
      expect(e.linkTo).toBe(`article-${i + 1}`);
      expect(e.tail?.kind === 'pageRef' && e.tail.destination).toBe(`article-${i + 1}`);
      expect(e.struct.role).toBe('TOCI');
      expect(e.struct.parent).toBeDefined();
    }
    expect(entries[0]!.struct.parent).toBe(entries[1]!.struct.parent);
    expect((blocks[start] as TextBlock).outline).toEqual({ level: 0, title: '一、信息目录' });
  });

  it('sets each article header in order, with the labels and the URL as a blue link', () => {
    const h = t.indexOf('1. 第1条测试信息标题');
    expect(t.slice(h, h + 7)).toEqual([
      '1. 第1条测试信息标题',
      '来源：人民网',
      '链接：https://example.org/news/1.html',
      '主要内容：',
      '第1条测试信息标题',
      '2026-03-21 来源：人民网',
      '原标题：原来的标题',
    ]);
    const head = blocks[h] as TextBlock;
    expect(head.destination).toBe('article-1');
    expect(head.outline).toEqual({ level: 1, title: '第1条测试信息标题' });
    expect(head.struct.role).toBe('H3');
    expect(head.keepWithNext).toBe(2);
    const link = blocks[h + 2] as TextBlock;
    expect(link.runs[1]!.href).toBe('https://example.org/news/1.html');
    expect(link.runs[1]!.color).toBe(defaultTheme.colors.link);
    expect(link.runs[0]!.href).toBeUndefined();
    expect(link.hangRuns).toBe(1);
    expect(link.runs[0]!.faces).toEqual(defaultTheme.fonts.bold);
    expect(link.runs[1]!.faces).toEqual(defaultTheme.fonts.body);
    expect((blocks[h + 4] as TextBlock).align).toBe('center');
    expect((blocks[h + 5] as TextBlock).size).toBeLessThan(defaultTheme.styles.body.size);
  });

  it('sets the body: bold runs in bold faces, links, sub-headings that keep with next', () => {
    const p = blocks.find((b) => b.pointer === '/articles/0/body/0') as TextBlock;
    expect(p.runs[0]!.faces).toEqual(defaultTheme.fonts.bold);
    expect(p.runs[1]!.faces).toEqual(defaultTheme.fonts.body);
    expect(p.runs[2]!.href).toBe('https://example.org/a');
    expect(p.indent).toBe(24);
    expect(p.align).toBe('justify');
    expect(p.runs[0]!.pointer).toBe('/articles/0/body/0/runs/0');
    const sub = blocks.find((b) => b.pointer === '/articles/0/body/1') as TextBlock;
    expect(sub.struct.role).toBe('H4');
    expect(sub.keepWithNext).toBe(2);
  });

  it('leaves the date out of the date line when the article has none, and 原标题 when absent', () => {
    const h = t.indexOf('2. 第2条测试信息标题');
    expect(t[h + 5]).toBe('来源：央广网');
    expect(t[h + 6]).toBe('正文内容。'.repeat(30));
  });
});

describe('images', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-compose-'));
  const issueDir = path.join(dir, 'issue');
  mkdirSync(path.join(issueDir, 'images'), { recursive: true });
  writeFileSync(path.join(issueDir, 'images', 'a.png'), pngBytes(400, 200));
  writeFileSync(path.join(issueDir, 'images', 'b.jpg'), jpegBytes(300, 300));
  writeFileSync(path.join(issueDir, 'images', 'text.png'), 'not an image');
  writeFileSync(path.join(dir, 'outside.png'), pngBytes(10, 10));
  symlinkSync(path.join(dir, 'outside.png'), path.join(issueDir, 'images', 'link.png'));

  const withImage = (src: string, more: object = {}) => {
    const issue = sampleIssue({}, 1);
    issue.articles[0]!.body = [{ type: 'paragraph', text: '段落。' }, { type: 'image', src, ...more }];
    return issue;
  };

  it('reads PNG and JPEG sizes from the headers and scales to a share of the text width', () => {
    const blocks = composeIssue(withImage('images/a.png', { width: 0.5, caption: '发布现场' }), defaultTheme, { baseDir: issueDir }).blocks;
    const img = blocks.find((b) => b.kind === 'image');
    expect(img?.kind).toBe('image');
    if (img?.kind !== 'image') return;
    expect([img.format, img.pixelWidth, img.pixelHeight]).toEqual(['png', 400, 200]);
    expect(img.width).toBeCloseTo(222);
    expect(img.height).toBeCloseTo(111);
    expect(img.struct).toMatchObject({ role: 'Figure', alt: '发布现场' });
    expect(img.caption && textOf(img.caption)).toBe('发布现场');
    expect(img.caption?.align).toBe('center');
    expect(img.caption?.struct.role).toBe('Caption');
    const jpg = composeIssue(withImage('images/b.jpg'), defaultTheme, { baseDir: issueDir }).blocks.find((b) => b.kind === 'image');
    expect(jpg?.kind === 'image' && [jpg.format, jpg.pixelWidth, jpg.width]).toEqual(['jpeg', 300, 444]);
  });

  it.each([
    ['../outside.png', /outside the issue's folder/],
    ['images/../../outside.png', /outside the issue's folder/],
    [path.join(dir, 'outside.png'), /relative/],
    ['images/link.png', /through a link/],
    ['images/text.png', /not a PNG or JPEG/],
    ['images/missing.png', /image "images\/missing\.png" does not exist/],
  ])('rejects %s naming the block', (src, message) => {
    const e = errorOf(() => composeIssue(withImage(src), defaultTheme, { baseDir: issueDir }));
    expect(e.errors).toHaveLength(1);
    expect(e.errors[0]!.pointer).toBe('/articles/0/body/1');
    expect(e.errors[0]!.message).toMatch(message);
  });

  it('requires a folder for images', () => {
    const e = errorOf(() => composeIssue(withImage('images/a.png'), defaultTheme));
    expect(e.errors[0]!.pointer).toBe('/articles/0/body/1');
  });

  it('reports truncated or corrupt headers as messages', () => {
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toMatch(/JPEG/);
    expect(readImageHeader(pngBytes(0, 5))).toMatch(/no pixels/);
    expect(readImageHeader(new Uint8Array([1, 2, 3]))).toBe('not a PNG or JPEG file');
  });
});
