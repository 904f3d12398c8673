import { describe, expect, it } from 'vitest';
import { paginateUntilStable } from '../../src/pipeline.js';
import { fakeBreak } from './fake-breaker.js';
import { heading, image, lineItems, linesPerPage, pageOfStruct, para, smallTheme, textOf, type Block } from './helpers.js';

const lay = (blocks: Block[]) => paginateUntilStable(blocks, smallTheme, fakeBreak);

describe('paragraphs across a page break', () => {
  it('fills a page with 10 lines and splits a long paragraph where both sides keep 2+ lines', () => {
    const { pages } = lay([para(8, 'a'), para(5, 'b')]);
    expect(linesPerPage(pages, 'a')).toEqual([8, 0]);
    expect(linesPerPage(pages, 'b')).toEqual([2, 3]);
  });

  it('never leaves a single first line at the foot of a page (orphan)', () => {
    const { pages } = lay([para(9, 'a'), para(5, 'b')]);
    expect(linesPerPage(pages, 'a')).toEqual([9, 0]);
    expect(linesPerPage(pages, 'b')).toEqual([0, 5]);
  });

  it('never carries a single last line to the next page (widow)', () => {
    const { pages } = lay([para(7, 'a'), para(4, 'b')]);
    // 3 lines fit, but 3 + 1 would strand the last line: 2 + 2.
    expect(linesPerPage(pages, 'b')).toEqual([2, 2]);
  });

  it('does not split a 2-line paragraph', () => {
    const { pages } = lay([para(9, 'a'), para(2, 'b')]);
    expect(linesPerPage(pages, 'b')).toEqual([0, 2]);
  });

  it('does not split a 3-line paragraph either (1+2 and 2+1 both break a rule)', () => {
    const { pages } = lay([para(8, 'a'), para(3, 'b')]);
    expect(linesPerPage(pages, 'b')).toEqual([0, 3]);
  });

  it('places lines on the pitch, first baseline in the first slot', () => {
    const { pages } = lay([para(3, 'a')]);
    const bs = lineItems(pages[0]).filter((i) => i.struct.id === 'a').map((i) => i.baseline);
    expect(bs[1]! - bs[0]!).toBeCloseTo(21);
    expect(bs[2]! - bs[1]!).toBeCloseTo(21);
    expect(bs[0]!).toBeGreaterThan(50);
    expect(bs[0]!).toBeLessThan(50 + 21);
  });
});

describe('headings keep with what follows', () => {
  it('moves a heading that would end a page', () => {
    const { pages } = lay([para(9, 'a'), heading('h'), para(5, 'b')]);
    expect(linesPerPage(pages, 'h')).toEqual([0, 1]);
  });

  it('moves a heading that would have only one line of the next paragraph', () => {
    const { pages } = lay([para(8, 'a'), heading('h'), para(5, 'b')]);
    expect(linesPerPage(pages, 'h')).toEqual([0, 1]);
    expect(linesPerPage(pages, 'a')).toEqual([8, 0]);
  });

  it('keeps a heading with two lines when they fit', () => {
    const { pages } = lay([para(7, 'a'), heading('h'), para(5, 'b')]);
    expect(linesPerPage(pages, 'h')).toEqual([1, 0]);
    expect(linesPerPage(pages, 'b')).toEqual([2, 3]);
  });

  it('counts the two lines across short paragraphs', () => {
    const { pages } = lay([para(8, 'a'), heading('h'), para(1, 'b'), para(1, 'c'), para(3, 'd')]);
    expect(linesPerPage(pages, 'h')).toEqual([0, 1]);
    const ok = lay([para(7, 'a'), heading('h'), para(1, 'b'), para(1, 'c'), para(3, 'd')]);
    expect(linesPerPage(ok.pages, 'h')).toEqual([1, 0]);
    expect(linesPerPage(ok.pages, 'c')).toEqual([1, 0]);
  });

  it('a heading followed by another heading drags both', () => {
    const { pages } = lay([para(7, 'a'), heading('h1'), heading('h2'), para(4, 'b')]);
    expect(linesPerPage(pages, 'h1')).toEqual([0, 1]);
    expect(linesPerPage(pages, 'h2')).toEqual([0, 1]);
  });
});

describe('images', () => {
  it('moves an image that does not fit to the next page, keeping the text before and the caption', () => {
    const { pages } = lay([para(8, 'a'), image(60, 'fig', '图一'), para(2, 'b')]);
    expect(linesPerPage(pages, 'a')).toEqual([8, 0]);
    expect(pageOfStruct({ pages }, 'fig')).toEqual([1]);
    expect(pageOfStruct({ pages }, 'fig-cap')).toEqual([1]);
    const img = pages[1]!.items.find((i) => i.kind === 'image')!;
    const cap = lineItems(pages[1]).find((i) => i.struct.id === 'fig-cap')!;
    expect(img.kind === 'image' && cap.baseline > img.y + img.height).toBe(true);
    expect(textOf(cap)).toBe('图一');
  });

  it('never splits an image: it is whole on one page, scaled down when taller than a page', () => {
    const { pages } = lay([para(2, 'a'), image(1000, 'big')]);
    const img = pages.flatMap((p) => p.items).filter((i) => i.kind === 'image');
    expect(img).toHaveLength(1);
    const i = img[0]!;
    expect(i.kind === 'image' && i.y >= 50 && i.y + i.height <= 260 + 0.01).toBe(true);
  });

  it('an image fits where there is room', () => {
    const { pages } = lay([para(5, 'a'), image(60, 'fig')]);
    expect(pageOfStruct({ pages }, 'fig')).toEqual([0]);
  });
});

describe('footer', () => {
  it('prints — N — centred in the bottom margin of every page, as an artifact', () => {
    const { pages } = lay([para(9), para(9), para(9)]);
    expect(pages.length).toBe(3);
    pages.forEach((p, i) => {
      const f = lineItems(p).filter((it) => it.struct.type === 'Artifact');
      expect(f).toHaveLength(1);
      expect(textOf(f[0]!)).toBe(`— ${i + 1} —`);
      expect(f[0]!.baseline).toBeGreaterThan(260);
      expect(p.number).toBe(i + 1);
    });
  });
});

describe('baseline grid', () => {
  it('starts a grid block on the next grid line after odd-sized material', () => {
    const odd = { ...heading('h'), pitch: 25, spaceBefore: 0, keepWithNext: 0 };
    const body = { ...para(3, 'b'), grid: 21 };
    const { pages } = lay([odd, body]);
    const first = lineItems(pages[0]).find((i) => i.struct.id === 'b')!;
    // The heading takes 25 pt; the paragraph's slot starts at 42, not 25.
    expect(first.baseline - 50).toBeCloseTo(42 + (21 - 12) / 2 + 0.88 * 12);
  });

  it('counts the snapped space when deciding what fits', () => {
    const odd = (id: string) => ({ ...heading(id), pitch: 25, spaceBefore: 0, keepWithNext: 0 });
    // Unsnapped: 25 + 7 × 21 + 25 = 197 fits the 210 pt page; on the grid the paragraph ends at 42 + 147 = 189.
    const { pages } = lay([odd('h1'), { ...para(7, 'a'), grid: 21 }, odd('h2')]);
    expect(linesPerPage(pages, 'a')).toEqual([7, 0]);
    expect(linesPerPage(pages, 'h2')).toEqual([0, 1]);
    const unsnapped = lay([odd('h1'), para(7, 'a'), odd('h2')]);
    expect(linesPerPage(unsnapped.pages, 'h2')).toEqual([1]);
  });
});
