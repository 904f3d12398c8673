// What a checker sees: text items as pdf.js extracts them must stay inside the text area, even
// where a line ends with a mark set without its blank half (its font width is a full em).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderIssue } from '../../src/index.js';
import { defaultTheme } from '../../src/theme/index.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Item {
  str: string;
  width: number;
  transform: number[];
}

describe.each(['bulletin-663', 'bulletin-666'])('%s through pdf.js', (name) => {
  it('has no text item outside the text area', async () => {
    const issue: unknown = JSON.parse(readFileSync(path.join(root, 'fixtures', `${name}.json`), 'utf8'));
    const pdf = await renderIssue(issue, { baseDir: path.join(root, 'fixtures') });
    const doc = await getDocument({ data: pdf, verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
    const { page: pg } = defaultTheme;
    const left = (pg.width - pg.textWidth) / 2;
    const right = left + pg.textWidth;
    const over: string[] = [];
    let items = 0;
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      for (const item of content.items as Item[]) {
        if (!item.str.trim()) continue;
        items++;
        const end = item.transform[4]! + item.width;
        if (end > right + 0.05) over.push(`page ${i}: "${item.str}" ends at ${end.toFixed(2)} > ${right.toFixed(2)}`);
        if (item.transform[4]! < left - 0.05) over.push(`page ${i}: "${item.str}" starts at ${item.transform[4]!.toFixed(2)} < ${left.toFixed(2)}`);
      }
    }
    await doc.destroy();
    expect(items).toBeGreaterThan(50);
    expect(over).toEqual([]);
  });
});
