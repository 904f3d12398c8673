// Blocks → page model. The contents print the page on which each article opens, and the
// contents themselves may push articles to later pages, so layout runs again with the
// numbers of the previous pass until they stop changing.
import type { Block } from '../compose/types.js';
import type { ComposeOptions } from '../compose/compose.js';
import { chineseDate, issueNumberLabel } from '../compose/numerals.js';
import type { Issue } from '../document/types.js';
import type { Theme } from '../theme/types.js';
import { colorOf } from '../theme/resolve.js';
import { baselineInSlot, measureBlocks, setLine, type Breaker, type MeasureContext } from './measure.js';
import { paginateRows, type PlacedRow } from './paginate.js';
import { shiftItem, shiftLink } from './rows.js';
import type { DocumentInfo, LineItem, NamedDestination, OutlineItem, Page } from './types.js';

export const MAX_PASSES = 5;

export interface LaidOut {
  pages: Page[];
  outline: OutlineItem[];
  /** How many layout passes the contents' page numbers took to settle. */
  passes: number;
}

function footer(ctx: MeasureContext, n: number): LineItem {
  const { theme } = ctx;
  const style = theme.styles.footer;
  const text = theme.footer.format.replace('{n}', String(n));
  const line = setLine(ctx, [{ text, faces: theme.fonts[style.font], size: style.size, color: colorOf(theme, style.color), pointer: '' }], '');
  const width = line.fragments.reduce((m, f) => Math.max(m, f.x + f.width), 0);
  return {
    kind: 'line',
    x: (theme.page.width - width) / 2,
    baseline: theme.page.height - theme.footer.baselineFromBottom,
    line,
    struct: { type: 'Artifact', id: `footer-${n}` },
  };
}

function buildPages(placed: PlacedRow[][], ctx: MeasureContext): { pages: Page[]; outline: OutlineItem[]; pageOf: Map<string, number> } {
  const { theme } = ctx;
  const top = theme.page.marginTop;
  const pageOf = new Map<string, number>();
  const outline: OutlineItem[] = [];
  const pages = placed.map((rows, index): Page => {
    const number = index + 1;
    const page: Page = { number, width: theme.page.width, height: theme.page.height, items: [], links: [], destinations: [] };
    for (const { row, top: rowTop } of rows) {
      const y = top + rowTop;
      page.items.push(...row.items.map((it) => shiftItem(it, y)));
      page.links.push(...row.links.map((l) => shiftLink(l, y)));
      if (row.destination !== undefined) {
        const dest: NamedDestination = { name: row.destination, x: ctx.left, y };
        page.destinations.push(dest);
        pageOf.set(row.destination, number);
      }
      if (row.outline) {
        const item: OutlineItem = { title: row.outline.title, page: index, y, children: [] };
        const parent = outline[outline.length - 1];
        if (row.outline.level === 1 && parent) parent.children.push(item);
        else outline.push(item);
      }
    }
    page.items.push(footer(ctx, number));
    return page;
  });
  return { pages, outline, pageOf };
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Lays blocks out on pages; `breaker` sets every piece of text (the real one or a test's). */
export function layoutBlocks(blocks: readonly Block[], theme: Theme, breaker: Breaker): LaidOut {
  const areaHeight = theme.page.height - theme.page.marginTop - theme.page.marginBottom;
  let pageOf: ReadonlyMap<string, number> = new Map();
  let result: ReturnType<typeof buildPages> | undefined;
  let passes = 0;
  const needsNumbers = blocks.some((b) => b.kind === 'text' && b.tail?.kind === 'pageRef');
  // Passes after the first re-set only what the page numbers changed: remember every paragraph.
  const memo = new Map<string, ReturnType<Breaker>>();
  const remembered: Breaker = (input) => {
    const key = JSON.stringify(input);
    let out = memo.get(key);
    if (!out) {
      out = breaker(input);
      memo.set(key, out);
    }
    return out;
  };
  while (passes < MAX_PASSES) {
    passes += 1;
    const ctx: MeasureContext = { theme, breaker: remembered, pageOf, left: (theme.page.width - theme.page.textWidth) / 2 };
    result = buildPages(paginateRows(measureBlocks(blocks, ctx, areaHeight), areaHeight), ctx);
    if (!needsNumbers || samePages(pageOf, result.pageOf)) break;
    pageOf = result.pageOf;
  }
  if (!result) throw new Error('layout made no pass');
  return { pages: result.pages, outline: result.outline, passes };
}

export function documentInfo(issue: Issue): DocumentInfo {
  const sources: string[] = [];
  for (const a of issue.articles) if (!sources.includes(a.source)) sources.push(a.source);
  return {
    title: `${issue.bulletin.title}${issueNumberLabel(issue.issue.number)}`,
    author: issue.bulletin.publisher,
    subject: `${issue.coverage.topic}（${chineseDate(issue.coverage.from)}至${chineseDate(issue.coverage.to)}）`,
    keywords: sources,
    date: issue.issue.date,
    lang: 'zh-CN',
  };
}

export interface LayoutOptions extends ComposeOptions {
  /** Replaces the real line breaker (tests). */
  breaker?: Breaker;
}

export { baselineInSlot };
