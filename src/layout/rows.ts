// The unit of pagination: a row is one line slot (or one unbreakable image/rule) with what it
// draws, positioned relative to its own top so the paginator only has to shift it.
import type { LinkBox, PageItem } from './types.js';

export interface Row {
  /** Height of the slot, pt. */
  height: number;
  /** Space above the row, dropped when the row opens a page. */
  spaceBefore: number;
  /** Snap the row's top to a multiple of this many pt from the text area's top. */
  grid?: number;
  /** A page may end after this row (widows, orphans, keeps already applied). */
  breakAfter: boolean;
  /** A page may end after this row only when it would otherwise end shorter than the theme's flow.minFill. */
  softBreak?: boolean;
  /** With `grid`: pt from this row's top to the top of the grid row it leads into (that row lands on the grid). */
  gridLead?: number;
  /** The space above may shrink to this to keep the row's group on the page. */
  minSpaceBefore?: number;
  /** Counts toward "two lines of what follows" of a keep-with-next block (an image counts fully). */
  lines: number;
  /** Index of the block the row belongs to. */
  block: number;
  /** Items and links with y measured from the row's top. */
  items: PageItem[];
  links: LinkBox[];
  destination?: string;
  outline?: { level: 0 | 1; title: string };
}

/** What a row must be given; the optional fields are set, if at all, by measureBlocks later. */
export type RowBase = Pick<Row, 'height' | 'spaceBefore' | 'breakAfter' | 'lines' | 'block' | 'items' | 'links'>;

/**
 * Every Row is made here, all its fields present (absent ones undefined) and in one order.
 * measureBlocks sets grid, gridLead, destination, outline, minSpaceBefore and softBreak on
 * some rows after they are made; added to rows that lacked them, each combination was a
 * shape of its own, and pagination and buildPages, which read every row, deoptimized on
 * each new one (layout.ts's buildPages, "wrong map", in every fresh process).
 */
export function row(base: RowBase): Row {
  return {
    height: base.height,
    spaceBefore: base.spaceBefore,
    grid: undefined,
    breakAfter: base.breakAfter,
    softBreak: undefined,
    gridLead: undefined,
    minSpaceBefore: undefined,
    lines: base.lines,
    block: base.block,
    items: base.items,
    links: base.links,
    destination: undefined,
    outline: undefined,
  };
}

/** A copy of an item moved down by dy. */
export function shiftItem(item: PageItem, dy: number): PageItem {
  switch (item.kind) {
    case 'line':
      return { ...item, baseline: item.baseline + dy };
    case 'rule':
      return { ...item, y1: item.y1 + dy, y2: item.y2 + dy };
    case 'image':
      return { ...item, y: item.y + dy };
  }
}

export function shiftLink(link: LinkBox, dy: number): LinkBox {
  return { ...link, y: link.y + dy };
}
