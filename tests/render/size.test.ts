// The size promise of the issue tracker: the 663 fixture at most 180 KB (Typst's PDF of the
// same issue with the same fonts is 206 KB). Counted strictly as 180,000 bytes. A byte count
// of a deterministic render, so this is not a timing test. The compact writing (object
// streams, /DW, Tc justification, literal strings) must still give every character back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutIssue, renderIssue } from '../../src/index.js';
import type { PageModel } from '../../src/layout/types.js';
import { embeddedFonts, loadWithPdfjs, pageChars } from './pdf.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const issue = (name: string): unknown => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8'));

/** The characters the page model sets on each page, whitespace removed (as pageChars does). */
function modelChars(model: PageModel): string[] {
  return model.pages.map((page) =>
    page.items
      .flatMap((item) => (item.kind === 'line' ? item.line.fragments.flatMap((f) => f.glyphs.map((g) => g.text)) : []))
      .join('')
      .replace(/\s+/g, ''),
  );
}

describe('PDF size', () => {
  it('writes the 663 fixture in at most 180,000 bytes', async () => {
    const bytes = await renderIssue(issue('bulletin-663.json'), { baseDir: fixtures });
    expect(bytes.byteLength).toBeLessThanOrEqual(180_000);
  });

  for (const name of ['bulletin-663.json', 'bulletin-666.json']) {
    it(`gives back every character of ${name}, page by page, from fonts that are subsets with ToUnicode`, async () => {
      const input = issue(name);
      const model = await layoutIssue(input, { baseDir: fixtures });
      const bytes = await renderIssue(input, { baseDir: fixtures });
      const pdf = await loadWithPdfjs(bytes);
      expect(pdf.messages).toEqual([]);
      expect(pdf.pages.map(pageChars)).toEqual(modelChars(model));
      for (const font of await embeddedFonts(bytes)) {
        expect(font.baseFont).toMatch(/^[A-Z]{6}\+/);
        expect(font.hasToUnicode).toBe(true);
        expect(font.fontFile2Bytes).toBeGreaterThan(0);
      }
    });
  }
});
