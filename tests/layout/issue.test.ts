// Whole issues through compose + layout with the monospace breaker: the rules that need the
// bulletin's real structure (contents page numbers, article headers, outline, links).
import { describe, expect, it } from 'vitest';
import { composeIssue, documentInfo } from '../../src/compose/compose.js';
import type { Block } from '../../src/compose/types.js';
import type { BodyBlock, Issue } from '../../src/document/types.js';
import { paginateUntilStable } from '../../src/pipeline.js';
import type { LineItem, Page } from '../../src/layout/types.js';
import { defaultTheme } from '../../src/theme/default.js';
import { article, sampleIssue } from '../compose/sample.js';
import { fakeBreak } from './fake-breaker.js';
import { lineItems, textOf } from './helpers.js';

function lay(issue: Issue) {
  const blocks = composeIssue(issue, defaultTheme).blocks;
  return { blocks, ...paginateUntilStable(blocks, defaultTheme, fakeBreak) };
}

/** Every text line in reading order with its page index (footers left out). */
function flow(pages: Page[]): { page: number; item: LineItem }[] {
  return pages.flatMap((p, page) => lineItems(p).filter((i) => i.struct.type !== 'Artifact').map((item) => ({ page, item })));
}

function destinationPage(pages: Page[], name: string): number {
  const i = pages.findIndex((p) => p.destinations.some((d) => d.name === name));
  expect(i).toBeGreaterThanOrEqual(0);
  return i + 1;
}

function paragraphs(counts: number[]): BodyBlock[] {
  return counts.map((n, k) => ({ type: 'paragraph', text: `${k}`.padEnd(37 * n - 10, '文') }));
}

describe('contents', () => {
  // Titles of 29–31 characters: whether they wrap depends on the width of the page number,
  // so the contents only settle after the numbers are known.
  const issue = sampleIssue({}, 0);
  issue.articles = Array.from({ length: 60 }, (_, i) =>
    article(i, { title: `关于第${i + 1}项工作的情况通报`.padEnd(29 + (i % 3), '测'), body: paragraphs([3 + (i % 5), 2, 4]) }),
  );
  const { pages, outline, blocks, passes } = lay(issue);

  it('spans more than one page and prints the page on which each article opens', () => {
    const tocIds = blocks.filter((b) => b.struct.role === 'TOCI').map((b) => b.struct.id);
    expect(tocIds).toHaveLength(60);
    const tocPages = new Set(flow(pages).filter((l) => l.item.struct.type === 'TOCI').map((l) => l.page));
    expect(tocPages.size).toBeGreaterThanOrEqual(2);
    expect(passes).toBeGreaterThanOrEqual(2);
    tocIds.forEach((id, i) => {
      const items = flow(pages).filter((l) => l.item.struct.id === id);
      const number = items.reduce((a, b) => (b.item.x > a.item.x ? b : a));
      expect(textOf(number.item)).toBe(String(destinationPage(pages, `article-${i + 1}`)));
      // Right-aligned at the measure's right edge.
      const right = number.item.x + number.item.line.fragments.reduce((m, f) => Math.max(m, f.x + f.width), 0);
      expect(right).toBeCloseTo((defaultTheme.page.width + 444) / 2, 1);
      const leaders = items.find((l) => /^\.+$/.test(textOf(l.item)));
      expect(textOf(leaders!.item).length).toBeGreaterThanOrEqual(3);
      expect(leaders!.item.baseline).toBe(number.item.baseline);
    });
  });

  it('links every entry line to its article', () => {
    const links = pages.flatMap((p) => p.links).filter((l) => l.target.type === 'dest');
    for (let i = 1; i <= 60; i++) {
      expect(links.some((l) => l.target.type === 'dest' && l.target.name === `article-${i}`)).toBe(true);
    }
    const entryLines = flow(pages).filter((l) => l.item.struct.type === 'TOCI' && l.item.x < 100);
    expect(links.length).toBe(entryLines.length);
  });

  it('hangs a wrapped title under its first character', () => {
    const wrapped = blocks.find((b) => b.struct.role === 'TOCI' && flow(pages).filter((l) => l.item.struct.id === b.struct.id && l.item.x < 100).length > 1);
    expect(wrapped).toBeDefined();
    const [first, second] = flow(pages).filter((l) => l.item.struct.id === wrapped!.struct.id && l.item.x < 100);
    const titleStart = first!.item.line.fragments.find((f) => f.run === 1)!.x;
    expect(second!.item.line.fragments[0]!.x).toBeCloseTo(titleStart);
  });

  it('builds the outline: two sections, one child per article at its heading', () => {
    expect(outline.map((o) => o.title)).toEqual(['一、信息目录', '二、具体内容']);
    expect(outline[0]!.children).toEqual([]);
    const children = outline[1]!.children;
    expect(children).toHaveLength(60);
    children.forEach((c, i) => {
      expect(c.title).toBe(issue.articles[i]!.title);
      expect(c.page + 1).toBe(destinationPage(pages, `article-${i + 1}`));
      const dest = pages[c.page]!.destinations.find((d) => d.name === `article-${i + 1}`)!;
      expect(c.y).toBeCloseTo(dest.y);
    });
    expect(outline[0]!.page).toBe(0);
  });

  it('keeps every article header with two lines of its body, and no heading ends a page', () => {
    const lines = flow(pages);
    issue.articles.forEach((_, i) => {
      const head = blocks.find((b) => b.destination === `article-${i + 1}`)!;
      const headPage = lines.find((l) => l.item.struct.id === head.struct.id)!.page;
      const bodyIds = new Set(blocks.filter((b) => b.pointer.startsWith(`/articles/${i}/body/`)).map((b) => b.struct.id));
      const body = lines.filter((l) => bodyIds.has(l.item.struct.id)).slice(0, 2);
      // The header runs from the heading to the date line: it may break once, after the
      // 链接 block's second line or after the 链接 block, and only to fill a page that would
      // otherwise end more than a quarter short (issue 11); the date line keeps two body lines.
      const headerIds = new Set(blocks.filter((b) => b.struct.role !== 'TOCI' && (b.pointer === `/articles/${i}` || b.pointer.startsWith(`/articles/${i}/`)) && !b.pointer.includes('/body/')).map((b) => b.struct.id));
      const header = lines.filter((x) => headerIds.has(x.item.struct.id));
      const lastPage = header.at(-1)!.page;
      expect(body.map((l) => l.page)).toEqual([lastPage, lastPage]);
      expect(lastPage - headPage).toBeLessThanOrEqual(1);
      if (lastPage > headPage) {
        const link = blocks.find((b) => b.pointer === `/articles/${i}/url`)!;
        const before = header.filter((l) => l.page === headPage);
        const linkLines = before.filter((l) => l.item.struct.id === link.struct.id).length;
        expect(before.at(-1)!.item.struct.id).toBe(link.struct.id);
        const whole = header.filter((l) => l.item.struct.id === link.struct.id).length;
        expect(linkLines === whole || linkLines >= 2).toBe(true);
      }
    });
    pages.forEach((_page, k) => {
      const last = lines.filter((l) => l.page === k).at(-1);
      if (k < pages.length - 1) expect(['H2', 'H3', 'H4']).not.toContain(last!.item.struct.type);
    });
  });
});

describe('links', () => {
  it('puts a URI link over every line a wrapped URL occupies', () => {
    const url = `https://example.org/${'a'.repeat(60)}/${'b'.repeat(60)}/c.html`;
    const issue = sampleIssue({}, 1);
    issue.articles[0]!.url = url;
    issue.articles[0]!.body = [
      { type: 'paragraph', runs: [{ text: '前文'.repeat(16) }, { text: '原文链接在此处的文字较长需要折行显示出来', href: 'https://example.org/x' }] },
    ];
    const { pages, blocks } = lay(issue);
    const linkBlock = blocks.find((b) => b.pointer === '/articles/0/url')!;
    const lines = flow(pages).filter((l) => l.item.struct.id === linkBlock.struct.id);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    // Continuation lines hang under the URL, clear of the 链接： label.
    const urlStart = lines[0]!.item.x + lines[0]!.item.line.fragments.find((f) => f.href === url)!.x;
    for (const { item } of lines.slice(1)) expect(item.x + item.line.fragments[0]!.x).toBeCloseTo(urlStart);
    const boxes = pages.flatMap((p) => p.links).filter((l) => l.target.type === 'uri' && l.target.uri === url);
    expect(boxes).toHaveLength(lines.length);
    for (const { item } of lines) {
      const frag = item.line.fragments.find((f) => f.href === url)!;
      const box = boxes.find((b) => Math.abs(b.x - (item.x + frag.x)) < 0.01 && b.y < item.baseline && b.y + b.height > item.baseline);
      expect(box).toBeDefined();
      expect(box!.width).toBeCloseTo(frag.width);
      expect(box!.structId).toBe(linkBlock.struct.id);
    }
    const inBody = pages.flatMap((p) => p.links).filter((l) => l.target.type === 'uri' && l.target.uri === 'https://example.org/x');
    expect(inBody).toHaveLength(2);
  });
});

describe('masthead and info', () => {
  it('shrinks a long title to one line at the text width', () => {
    const issue = sampleIssue();
    issue.bulletin.title = '全国卫生信息化舆情监测周报全国卫生信息化舆情监测周报';
    const { pages, blocks } = lay(issue);
    const title = lineItems(pages[0]).filter((l) => l.struct.id === blocks[0]!.struct.id);
    expect(title).toHaveLength(1);
    const size = title[0]!.line.fragments[0]!.size;
    expect(size).toBeLessThan(26);
    expect(size * 26).toBeLessThanOrEqual(444);
    expect((size + 0.25) * 26).toBeGreaterThan(444);
    expect(title[0]!.line.fragments[0]!.color).toBe('#C8161D');
  });

  it('sets the publisher left and the date right on one line, then the red rules across the measure', () => {
    const { pages, blocks } = lay(sampleIssue());
    const row = lineItems(pages[0]).filter((l) => l.struct.id === blocks[2]!.struct.id);
    expect(row).toHaveLength(2);
    expect(row[0]!.baseline).toBe(row[1]!.baseline);
    const left = (defaultTheme.page.width - 444) / 2;
    expect(row[0]!.x).toBeCloseTo(left);
    expect(textOf(row[1]!)).toBe('2026年03月27日');
    const rules = pages[0]!.items.filter((i) => i.kind === 'rule');
    expect(rules).toHaveLength(2);
    for (const r of rules) expect(r.kind === 'rule' && [r.x1, r.x2, r.color]).toEqual([left, left + 444, '#C8161D']);
  });

  it('describes the document', () => {
    const issue = sampleIssue({}, 3);
    expect(documentInfo(issue)).toEqual({
      title: '全国卫生信息化舆情监测周报（第六六六）',
      author: '北京市卫生健康大数据与政策研究中心',
      subject: expect.stringContaining('卫生健康大数据与政策研究'),
      keywords: ['人民网', '央广网'],
      date: '2026-03-27',
      lang: 'zh-CN',
    });
  });

  it('tags elements: H1 title, H2 sections, H3 articles, P body, TOCI inside TOC', () => {
    const { pages, blocks } = lay(sampleIssue());
    const types = new Set(pages.flatMap((p) => p.items.map((i) => i.struct.type)));
    for (const t of ['H1', 'H2', 'H3', 'P', 'TOCI', 'Artifact']) expect(types).toContain(t);
    const toci = pages.flatMap((p) => lineItems(p)).filter((l) => l.struct.type === 'TOCI');
    expect(new Set(toci.map((l) => l.struct.parent)).size).toBe(1);
    expect(toci[0]!.struct.parent).toMatch(/^toc-/);
    void (blocks as Block[]);
  });
});

describe('baseline grid', () => {
  // A page that an article header or sub-heading opens keeps its first line at the top of
  // the text area; its grid starts where the header puts its text (issue 11: the distance
  // from a header to its text is fixed), so the grid is the page's, one phase per page.
  it('sets every body line of an issue on the 21 pt grid of its page', () => {
    const issue = sampleIssue({}, 6);
    issue.articles.forEach((a, i) => {
      a.body = [...paragraphs([2 + (i % 4), 1, 5]), { type: 'heading', text: '小标题' }, ...paragraphs([3])];
      if (i % 2) a.originalTitle = '原标题文字';
    });
    const { pages, blocks } = lay(issue);
    const bodyIds = new Set(blocks.filter((b) => b.pointer.includes('/body/')).map((b) => b.struct.id));
    const first = defaultTheme.page.marginTop + (21 - 12) / 2 + 0.88 * 12;
    let count = 0;
    const phases = new Map<number, number>();
    const opensWithHeader = (page: number) => {
      const top = flow(pages).find((l) => l.page === page)!.item;
      return top.struct.type !== 'P' || !bodyIds.has(top.struct.id);
    };
    for (const { page, item } of flow(pages).filter((l) => bodyIds.has(l.item.struct.id) && l.item.struct.type === 'P')) {
      const phase = (((item.baseline - first) % 21) + 21) % 21;
      if (!phases.has(page)) phases.set(page, opensWithHeader(page) ? phase : 0);
      const d = Math.abs(phase - phases.get(page)!);
      expect(Math.min(d, 21 - d)).toBeLessThan(1e-6);
      count++;
    }
    expect(count).toBeGreaterThan(50);
  });
});
