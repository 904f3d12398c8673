// Random block sequences on the small page: whatever the mix, the page rules hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginateUntilStable } from '../../src/pipeline.js';
import type { Page } from '../../src/layout/types.js';
import { fakeBreak } from './fake-breaker.js';
import { heading, image, para, smallTheme, type Block } from './helpers.js';

const AREA_TOP = smallTheme.page.marginTop;
const AREA_BOTTOM = smallTheme.page.height - smallTheme.page.marginBottom;

type Spec = { kind: 'p'; lines: number } | { kind: 'h' } | { kind: 'img'; height: number };

const spec: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 14 }).map((lines) => ({ kind: 'p' as const, lines })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'h' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 150 }).map((height) => ({ kind: 'img' as const, height })) },
);

function build(specs: Spec[]): Block[] {
  return specs.map((s, i) => {
    if (s.kind === 'p') return { ...para(s.lines, `b${i}`), spaceBefore: i % 3 === 0 ? 5 : 0 };
    if (s.kind === 'h') return { ...heading(`b${i}`), spaceBefore: 7 };
    return image(s.height, `b${i}`);
  });
}

/** Page index of every line / image of block i, in reading order. */
function placements(pages: Page[], id: string): number[] {
  const out: number[] = [];
  pages.forEach((p, k) => {
    for (const it of p.items) if (it.struct.id === id && (it.kind === 'image' || it.kind === 'line')) out.push(k);
  });
  return out;
}

describe('paginator properties', () => {
  it('keeps widows, orphans, keeps and images whatever the block mix', () => {
    fc.assert(
      fc.property(
        // No three headings in a row: a chain of keeps taller than a page may be cut anywhere.
        fc.array(spec, { minLength: 1, maxLength: 30 }).filter((a) => !a.some((s, i) => s.kind === 'h' && a[i + 1]?.kind === 'h')),
        (specs) => {
          const blocks = build(specs);
          const { pages } = paginateUntilStable(blocks, smallTheme, fakeBreak);
          // Every line inside the text area, every page used.
          for (const p of pages) {
            const content = p.items.filter((it) => it.struct.type !== 'Artifact');
            expect(content.length).toBeGreaterThan(0);
            for (const it of content) {
              if (it.kind === 'line') expect(it.baseline).toBeLessThanOrEqual(AREA_BOTTOM);
              if (it.kind === 'image') {
                expect(it.y).toBeGreaterThanOrEqual(AREA_TOP - 0.01);
                expect(it.y + it.height).toBeLessThanOrEqual(AREA_BOTTOM + 0.01);
              }
            }
          }
          // Reading order: block by block, page numbers never go back.
          const sequence = specs.flatMap((_, i) => placements(pages, `b${i}`));
          expect([...sequence].sort((a, b) => a - b)).toEqual(sequence);
          specs.forEach((s, i) => {
            const at = placements(pages, `b${i}`);
            if (s.kind === 'p') {
              expect(at).toHaveLength(s.lines);
              const parts = [...new Set(at)].map((pg) => at.filter((x) => x === pg).length);
              if (parts.length > 1) for (const n of parts) expect(n).toBeGreaterThanOrEqual(2);
              if (s.lines <= 3) expect(parts).toHaveLength(1);
            }
            if (s.kind === 'h' && i + 1 < specs.length) {
              // The heading shares its page with the next two lines (or the next image).
              const next = specs.slice(i + 1).flatMap((_, k) => placements(pages, `b${i + 1 + k}`)).slice(0, specs[i + 1]?.kind === 'img' ? 1 : 2);
              for (const pg of next) expect(pg).toBe(at[0]);
            }
          });
          return true;
        },
      ),
      { numRuns: 300, seed: 20260327 },
    );
  });
});

