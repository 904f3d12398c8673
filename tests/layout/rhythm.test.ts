// Vertical rhythm and page fill (typography.md, "Pages"; issue 11): the grid's remainder
// goes above a header, never inside it or between it and its text; a long header may break
// inside (after its 链接 block's second line, or before 主要内容) only when the page would
// otherwise end more than a quarter short; the space above a header shrinks before it moves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../src/compose/types.js';
import { baselineInSlot } from '../../src/layout/measure.js';
import { paginateUntilStable } from '../../src/pipeline.js';
import { fakeBreak } from './fake-breaker.js';
import { heading, lineItems, linesPerPage, para, smallTheme, type Block } from './helpers.js';

const lay = (blocks: Block[]) => paginateUntilStable(blocks, smallTheme, fakeBreak);
const TOP = smallTheme.page.marginTop;
const onGrid = (b: TextBlock): TextBlock => ({ ...b, grid: 21 });
/** A header line of another pitch that leads into grid text. */
const header = (id: string, more: Partial<TextBlock> = {}): TextBlock => ({ ...heading(id), pitch: 25, spaceBefore: 7, gridLead: true, ...more });
const baselines = (blocks: ReturnType<typeof lay>, page: number, id: string) =>
  lineItems(blocks.pages[page]).filter((i) => i.struct.id === id).map((i) => i.baseline - TOP);

describe('grid remainder above the header', () => {
  it('sets the text right after a header and puts the snap above the header', () => {
    const out = lay([onGrid(para(3, 'a')), header('h'), onGrid(para(3, 'b'))]);
    const [h] = baselines(out, 0, 'h');
    const [b] = baselines(out, 0, 'b');
    // The header's slot ends where the paragraph's first slot starts, on the grid.
    expect(b! - h!).toBeCloseTo(25 - baselineInSlot(25, 12) + baselineInSlot(21, 12));
    expect((b! - baselineInSlot(21, 12)) % 21).toBeCloseTo(0);
    // Above it: at least its own space, the rest of the grid line.
    const [, , a3] = baselines(out, 0, 'a');
    expect(h! - baselineInSlot(25, 12) - (a3! - baselineInSlot(21, 12) + 21)).toBeGreaterThanOrEqual(7 - 0.01);
  });

  it('keeps the same distance from a header to its text when the header opens a page', () => {
    const out = lay([onGrid(para(9, 'a')), header('h'), onGrid(para(4, 'b'))]);
    expect(linesPerPage(out.pages, 'h')).toEqual([0, 1]);
    const [h] = baselines(out, 1, 'h');
    const b = baselines(out, 1, 'b');
    expect(b[0]! - h!).toBeCloseTo(25 - baselineInSlot(25, 12) + baselineInSlot(21, 12));
    expect(b[1]! - b[0]!).toBeCloseTo(21);
  });

  it('gives a sub-heading on the grid less space below than above', () => {
    const sub = { ...heading('s'), spaceBefore: 7, gridLead: true };
    const out = lay([onGrid(para(3, 'a')), sub, onGrid(para(3, 'b'))]);
    const a = baselines(out, 0, 'a');
    const [s] = baselines(out, 0, 's');
    const [b] = baselines(out, 0, 'b');
    expect(b! - s!).toBeCloseTo(21);
    expect(s! - a[2]!).toBeGreaterThan(b! - s!);
  });
});

describe('page fill', () => {
  const link = (id: string, lines: number): TextBlock => ({ ...para(lines, id), keepTogether: true, keepWithNext: 2, splitAfter: 2, softBreakAfter: true });

  it('breaks a long link block after its second line or later rather than leave the page half empty', () => {
    const out = lay([onGrid(para(5, 'a')), heading('h'), link('l', 6), onGrid(para(3, 'b'))]);
    expect(linesPerPage(out.pages, 'h')).toEqual([1, 0]);
    expect(linesPerPage(out.pages, 'l')).toEqual([4, 2]);
  });

  it('does not break inside a header when the page is full enough without it', () => {
    const out = lay([onGrid(para(8, 'a')), heading('h'), link('l', 6), onGrid(para(3, 'b'))]);
    expect(linesPerPage(out.pages, 'h')).toEqual([0, 1]);
    expect(linesPerPage(out.pages, 'l')).toEqual([0, 6]);
  });

  it('may end a page after a short link block (before 主要内容) when the rest would leave it short', () => {
    const summary = { ...heading('m'), keepWithNext: 2 };
    const out = lay([onGrid(para(5, 'a')), heading('h'), link('l', 1), summary, { ...heading('t') }, onGrid(para(3, 'b'))]);
    expect(linesPerPage(out.pages, 'l')).toEqual([1, 0]);
    expect(linesPerPage(out.pages, 'm')).toEqual([0, 1]);
  });

  it('never leaves a heading at a page foot for the sake of fill', () => {
    const out = lay([onGrid(para(7, 'a')), heading('h'), link('l', 6), onGrid(para(3, 'b'))]);
    const first = lineItems(out.pages[0]).filter((i) => i.struct.type !== 'Artifact');
    expect(first[first.length - 1]!.struct.id).not.toBe('h');
    expect(linesPerPage(out.pages, 'l')[0]).not.toBe(1);
  });

  it('shrinks the space above a header before moving it to the next page', () => {
    const h = { ...heading('h'), spaceBefore: 21, minSpaceBefore: 0, gridLead: true };
    const out = lay([onGrid(para(6, 'a')), h, onGrid(para(3, 'b'))]);
    expect(linesPerPage(out.pages, 'h')).toEqual([1]);
    expect(linesPerPage(out.pages, 'b')).toEqual([3]);
    // With room to spare, the space is kept.
    const roomy = lay([onGrid(para(4, 'a')), h, onGrid(para(3, 'b'))]);
    const [hb] = baselines(roomy, 0, 'h');
    const a = baselines(roomy, 0, 'a');
    expect(hb! - a[3]!).toBeCloseTo(42);
  });
});

describe('headers on the grid, whatever the mix', () => {
  type Spec = { kind: 'p'; lines: number } | { kind: 'header'; link: number } | { kind: 'sub' };
  const spec: fc.Arbitrary<Spec> = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 12 }).map((lines) => ({ kind: 'p' as const, lines })) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }).map((link) => ({ kind: 'header' as const, link })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'sub' as const }) },
  );
  /** An article-like header: heading (25 pt), 链接 lines, a date line; then grid text. */
  function build(specs: Spec[]): { blocks: Block[]; dates: string[] } {
    const blocks: Block[] = [];
    const dates: string[] = [];
    specs.forEach((s, i) => {
      if (s.kind === 'p') blocks.push(onGrid(para(s.lines, `b${i}`)));
      else if (s.kind === 'sub') blocks.push({ ...heading(`b${i}`), spaceBefore: 7, gridLead: true });
      else {
        blocks.push(
          header(`b${i}h`, { spaceBefore: 14, minSpaceBefore: 7 }),
          { ...para(s.link, `b${i}l`), keepTogether: true, keepWithNext: 2, gridLead: true, splitAfter: 2, softBreakAfter: true },
          { ...heading(`b${i}d`), pitch: 18, spaceAfter: 5, gridLead: true, struct: { role: 'P', id: `b${i}d` } },
        );
        dates.push(`b${i}d`);
      }
    });
    blocks.push(onGrid(para(2, 'end')));
    return { blocks, dates };
  }

  it('keeps the date-line gap fixed, headings off page feet, and link splits of two lines or more', () => {
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 25 }).filter((a) => !a.some((s, i) => s.kind !== 'p' && a[i + 1]?.kind !== 'p')), (specs) => {
        const { blocks, dates } = build(specs);
        const out = lay(blocks);
        const gaps = new Set<number>();
        out.pages.forEach((p, k) => {
          const lines = lineItems(p).filter((i) => i.struct.type !== 'Artifact');
          for (const l of lines) expect(l.baseline).toBeLessThanOrEqual(smallTheme.page.height - smallTheme.page.marginBottom + 0.01);
          const last = lines.at(-1);
          if (k < out.pages.length - 1 && last) expect(last.struct.type).not.toBe('H4');
          lines.forEach((l, j) => {
            if (dates.includes(l.struct.id) && lines[j + 1]) gaps.add(Math.round((lines[j + 1]!.baseline - l.baseline) * 100));
          });
        });
        // Every date line is followed on its page by its text, always at the same distance.
        expect(gaps.size).toBeLessThanOrEqual(1);
        for (const d of dates) {
          const id = d.slice(0, -1);
          const link = linesPerPage(out.pages, `${id}l`).filter((n) => n > 0);
          if (link.length > 1) for (const n of link) expect(n).toBeGreaterThanOrEqual(2);
        }
        return true;
      }),
      { numRuns: 200, seed: 20260410 },
    );
  });
});
