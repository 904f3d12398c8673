// Small purpose-made blocks on a small page: 10 characters of 12 pt per line, 10 lines a page.
import type { Block, ImageBlock, TextBlock } from '../../src/compose/types.js';
import { defaultTheme } from '../../src/theme/default.js';
import type { Theme } from '../../src/theme/types.js';
import type { LineItem, Page, PageModel } from '../../src/layout/types.js';

export const smallTheme: Theme = {
  ...defaultTheme,
  page: { width: 200, height: 50 + 210 + 50, textWidth: 120, marginTop: 50, marginBottom: 50, grid: false },
};

let ids = 0;

/** A body paragraph of exactly `lines` lines on the small page (no indent). */
export function para(lines: number, id = `p${++ids}`): TextBlock {
  const text = '字'.repeat(10 * (lines - 1) + 5);
  return {
    kind: 'text',
    pointer: `/${id}`,
    runs: [{ text, faces: ['F'], size: 12, pointer: `/${id}` }],
    align: 'justify',
    indent: 0,
    size: 12,
    pitch: 21,
    spaceBefore: 0,
    spaceAfter: 0,
    keepWithNext: 0,
    keepTogether: false,
    struct: { role: 'P', id },
  };
}

export function heading(id = `h${++ids}`): TextBlock {
  return { ...para(1, id), align: 'left', keepWithNext: 2, keepTogether: true, struct: { role: 'H4', id } };
}

export function image(height: number, id = `fig${++ids}`, caption?: string): ImageBlock {
  const block: ImageBlock = {
    kind: 'image',
    pointer: `/${id}`,
    data: new Uint8Array([1, 2, 3]),
    format: 'png',
    pixelWidth: 100,
    pixelHeight: 100,
    width: 100,
    height,
    captionGap: 4,
    spaceBefore: 0,
    spaceAfter: 0,
    keepWithNext: 0,
    keepTogether: true,
    struct: { role: 'Figure', id, alt: caption ?? '' },
  };
  if (caption !== undefined) block.caption = { ...para(1, `${id}-cap`), runs: [{ text: caption, faces: ['F'], size: 10, pointer: `/${id}/caption` }], struct: { role: 'Caption', id: `${id}-cap` } };
  return block;
}

export function lineItems(page: Page | undefined): LineItem[] {
  return (page?.items ?? []).filter((i): i is LineItem => i.kind === 'line');
}

/** How many lines of element `id` each page holds. */
export function linesPerPage(pages: Page[], id: string): number[] {
  return pages.map((p) => lineItems(p).filter((i) => i.struct.id === id).length);
}

export function textOf(item: LineItem): string {
  return item.line.fragments.map((f) => f.glyphs.map((g) => g.text).join('')).join('');
}

export function pageOfStruct(model: Pick<PageModel, 'pages'>, id: string): number[] {
  const out: number[] = [];
  model.pages.forEach((p, i) => {
    if (p.items.some((it) => it.struct.id === id)) out.push(i);
  });
  return out;
}

export type { Block };
