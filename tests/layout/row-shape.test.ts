// Every row measureBlocks hands the paginator has one shape: all of Row's fields, in the order
// row() (src/layout/rows.ts) writes them, whatever measureBlocks sets on it afterwards (grid,
// destination, outline, …), so pagination and buildPages, which read every row, stay
// monomorphic. A row made as a literal, or a field added to some rows only, fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeIssue } from '../../src/compose/compose.js';
import type { Issue } from '../../src/document/types.js';
import { measureBlocks, type MeasureContext } from '../../src/layout/index.js';
import { row } from '../../src/layout/rows.js';
import { loadFonts } from '../../src/text/fonts.js';
import { breakParagraph } from '../../src/text/index.js';
import { defaultTheme } from '../../src/theme/default.js';

const shape = Object.keys(row({ height: 0, spaceBefore: 0, breakAfter: true, lines: 0, block: 0, items: [], links: [] }));

describe('rows', () => {
  it('all have every field, in one order', () => {
    const fonts = loadFonts();
    const { page } = defaultTheme;
    const seen = new Set<string>();
    for (const name of ['bulletin-663', 'bulletin-mixed']) {
      const issue = JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')) as Issue;
      const { blocks } = composeIssue(issue, defaultTheme);
      const ctx: MeasureContext = { theme: defaultTheme, breaker: (p) => breakParagraph(p, fonts), pageOf: new Map(), left: (page.width - page.textWidth) / 2 };
      const rows = measureBlocks(blocks, ctx, page.height - page.marginTop - page.marginBottom);
      expect(rows.length).toBeGreaterThan(50);
      for (const r of rows) {
        expect(Object.keys(r)).toEqual(shape);
        for (const k of ['grid', 'gridLead', 'destination', 'outline', 'softBreak', 'minSpaceBefore'] as const) if (r[k] !== undefined) seen.add(k);
      }
    }
    // The fixtures set every optional field on some row: the check covers rows that have them.
    expect([...seen].sort()).toEqual(['destination', 'grid', 'gridLead', 'minSpaceBefore', 'outline', 'softBreak']);
    expect(shape).toEqual(['height', 'spaceBefore', 'grid', 'breakAfter', 'softBreak', 'gridLead', 'minSpaceBefore', 'lines', 'block', 'items', 'links', 'destination', 'outline']);
  });
});
