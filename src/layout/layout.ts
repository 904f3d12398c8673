// Rows → pages: place the measured rows on pages, then turn each page's rows into page items
// with the footer, the named destinations and the outline entries.
import { colorOf } from '../theme/resolve.js';
import { setLine, type MeasureContext } from './measure.js';
import { paginateRows, type PlacedRow } from './paginate.js';
import { shiftItem, shiftLink, type Row } from './rows.js';
import type { LineItem, NamedDestination, OutlineItem, Page } from './types.js';
import { styledRun } from '../text/styled-run.js';

export interface Paginated {
  pages: Page[];
  outline: OutlineItem[];
  /** The page (1-based) each named destination opens on: what the contents print. */
  pageOf: Map<string, number>;
}

function footer(ctx: MeasureContext, n: number): LineItem {
  const { theme } = ctx;
  const style = theme.styles.footer;
  const text = theme.footer.format.replace('{n}', String(n));
  const line = setLine(ctx, [styledRun(text, { faces: theme.fonts[style.font], size: style.size, color: colorOf(theme, style.color), pointer: '' })], '');
  const width = line.fragments.reduce((m, f) => Math.max(m, f.x + f.width), 0);
  return {
    kind: 'line',
    x: (theme.page.width - width) / 2,
    baseline: theme.page.height - theme.footer.baselineFromBottom,
    line,
    struct: { type: 'Artifact', id: `footer-${n}` },
  };
}

function buildPages(placed: PlacedRow[][], ctx: MeasureContext): Paginated {
  const { theme } = ctx;
  const top = theme.page.marginTop;
  const pageOf = new Map<string, number>();
  const outline: OutlineItem[] = [];
  // Loops, not map callbacks: a callback made per call lost its optimized code at every
  // major GC and was compiled again.
  const pages: Page[] = [];
  for (let index = 0; index < placed.length; index++) {
    const rows = placed[index]!;
    const number = index + 1;
    const page: Page = { number, width: theme.page.width, height: theme.page.height, items: [], links: [], destinations: [] };
    for (const { row, top: rowTop } of rows) {
      const y = top + rowTop;
      for (const it of row.items) page.items.push(shiftItem(it, y));
      for (const l of row.links) page.links.push(shiftLink(l, y));
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
    pages.push(page);
  }
  return { pages, outline, pageOf };
}

/** The rows of measureBlocks on pages of the theme's text area. */
export function paginate(rows: Row[], ctx: MeasureContext): Paginated {
  const { page } = ctx.theme;
  return buildPages(paginateRows(rows, page.height - page.marginTop - page.marginBottom, ctx.theme.flow.minFill), ctx);
}
