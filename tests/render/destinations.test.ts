// Named destinations whose names sort one way by locale (pdfkit's localeCompare), another by
// UTF-16 code unit and another by the bytes written: a PDF name tree must be in byte order,
// since readers binary-search it (pdf.js compares the raw bytes).
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { PageModel } from '../../src/layout/types.js';
import { renderPages } from '../../src/render/index.js';
import { nameTreeKeyBytes } from '../../src/render/pdfkit-internals.js';
import { a4, fonts, lineItem, model } from './helpers.js';
import { catalog } from './pdf.js';

// 'B' < 'a-Z' < 'a-a' by bytes, 'a-Z' < 'a-a' < 'B' by locale; 'd' < 'café' by bytes (UTF-16BE
// with a BOM), 'café' < 'd' by code unit and locale; 文章-10 < 文章-9 by bytes.
const NAMES = ['文章-9', 'a-a', 'café', 'B', 'Émile', 'd', '文章-10', 'b', 'a-Z', 'cafe', 'é', 'z'];

function destModel(): PageModel {
  const pages = [1, 2].map((n) => a4([lineItem([{ text: `第${n}页` }], 60, 100, { type: 'P', id: `p${n}` })], n));
  NAMES.forEach((name, i) => pages[i % 2]!.destinations.push({ name, x: 60, y: 100 + i * 10 }));
  // A link to each, so the names are used as a document's links use them.
  pages[0]!.links.push(...NAMES.map((name, i) => ({ x: 60, y: 200 + i * 12, width: 100, height: 10, target: { type: 'dest' as const, name } })));
  return model(pages);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

function keyBytes(v: unknown): Uint8Array {
  if (v instanceof PDFString || v instanceof PDFHexString) return v.asBytes();
  throw new Error(`name-tree key is not a string: ${String(v)}`);
}

describe('named destinations', () => {
  it('sorts the /Dests name tree by bytes, and every name resolves by binary search', async () => {
    const pdf = await renderPages(destModel(), fonts, { version: '0.0.0' });
    const { doc, root } = await catalog(pdf);
    const dests = root.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('Dests'), PDFDict);
    expect(dests.get(PDFName.of('Kids'))).toBeUndefined();
    const entries = dests.lookup(PDFName.of('Names'), PDFArray).asArray();
    expect(entries.length).toBe(NAMES.length * 2);
    const keys = entries.filter((_, i) => i % 2 === 0).map(keyBytes);
    for (let i = 1; i < keys.length; i++) {
      expect(compareBytes(keys[i - 1]!, keys[i]!), `key ${i - 1} before key ${i}`).toBeLessThan(0);
    }
    // The decoded order, for the reader of a failure.
    const decoded = entries.filter((_, i) => i % 2 === 0).map((k) => (k as PDFString | PDFHexString).decodeText());
    expect(decoded).toEqual(['B', 'a-Z', 'a-a', 'b', 'cafe', 'd', 'z', 'café', 'Émile', 'é', '文章-10', '文章-9']);
    const limits = dests.lookup(PDFName.of('Limits'), PDFArray).asArray().map(keyBytes);
    expect(limits).toEqual([keys[0], keys[keys.length - 1]]);

    const pageRefs = doc.getPages().map((p) => p.ref);
    for (const [i, name] of NAMES.entries()) {
      // A reader's lookup: binary search over the keys' bytes.
      const want = nameTreeKeyBytes(name);
      let lo = 0;
      let hi = keys.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const c = compareBytes(want, keys[mid]!);
        if (c === 0) {
          found = mid;
          break;
        }
        if (c < 0) hi = mid - 1;
        else lo = mid + 1;
      }
      expect(found, `'${name}' found by binary search`).toBeGreaterThanOrEqual(0);
      const dest = doc.context.lookup(entries[found * 2 + 1]!, PDFArray).asArray();
      expect(dest[0], `'${name}' on its page`).toBeInstanceOf(PDFRef);
      expect((dest[0] as PDFRef).toString()).toBe(pageRefs[i % 2]!.toString());
      expect(dest[1]?.toString()).toBe('/XYZ');
      expect((dest[3] as PDFNumber).asNumber()).toBeCloseTo(841.89 - (100 + i * 10), 3);
    }
  });

  it('resolves each name in pdf.js, by lookup and in the full list', async () => {
    const pdf = await renderPages(destModel(), fonts, { version: '0.0.0' });
    const doc = await getDocument({ data: pdf, verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
    try {
      // getDestination binary-searches the tree with the raw key (ASCII names are their own bytes).
      for (const name of NAMES.filter((n) => /^[\x20-\x7e]*$/.test(n))) {
        expect(await doc.getDestination(name), `pdf.js finds '${name}'`).not.toBeNull();
      }
      const all = (await doc.getDestinations()) as Record<string, unknown>;
      expect(Object.keys(all).sort()).toEqual([...NAMES].sort());
      const pages = [(await doc.getPage(1)).ref, (await doc.getPage(2)).ref];
      for (const [i, name] of NAMES.entries()) expect((all[name] as unknown[])[0], `'${name}' on page ${(i % 2) + 1}`).toEqual(pages[i % 2]);
    } finally {
      await doc.destroy();
    }
  });
});
