// The compact /W and ToUnicode forms must say exactly what pdfkit's long forms said: every
// CID's width, every CID's text (ligatures, astral characters, runs over a high-byte change).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { cidWidths, deflate, toUnicodeCMap } from '../../src/render/embed-font.js';
import { parseToUnicode } from './content.js';

/** /W and /DW read back as a viewer reads them. */
function expand(dw: number, w: ReadonlyArray<number | number[]>, count: number): number[] {
  const out: number[] = Array.from({ length: count }, () => dw);
  for (let i = 0; i < w.length; ) {
    const first = w[i] as number;
    const next = w[i + 1];
    if (Array.isArray(next)) {
      next.forEach((v, k) => (out[first + k] = v));
      i += 2;
    } else {
      for (let c = first; c <= (next as number); c++) out[c] = w[i + 2] as number;
      i += 3;
    }
  }
  return out;
}

describe('cidWidths', () => {
  it('takes the commonest width as /DW and lists only the others', () => {
    const { dw, w } = cidWidths([500, 1000, 1000, 1000, 250, 250, 250, 250, 1000, 327, 1000]);
    expect(dw).toBe(1000);
    expect(w).toEqual([0, [500], 4, 7, 250, 9, [327]]);
  });

  it('gives every CID its width back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(1000, 500, 327, 250, 923), { minLength: 1, maxLength: 300 }), (widths) => {
        const { dw, w } = cidWidths(widths);
        expect(expand(dw, w, widths.length)).toEqual(widths);
      }),
    );
  });
});

describe('toUnicodeCMap', () => {
  it('uses a range for consecutive code points and arrays for the rest', () => {
    const cmap = toUnicodeCMap([[0], [0x4e00], [0x4e01], [0x4e02], [0x4e8c], [0x2014, 0x2014], [0x20000]]);
    expect(cmap).toContain('<0001> <0003> <4e00>');
    expect(cmap).toContain('<2014 2014>');
    expect(cmap).toContain('<d840 dc00>');
    const back = parseToUnicode(cmap);
    expect(back.get(2)).toBe('\u4e01');
    expect(back.get(5)).toBe('——');
    expect(back.get(6)).toBe('\u{20000}');
  });

  it('gives every CID its text back, ranges never crossing a high byte', () => {
    const text = fc.oneof(
      fc.integer({ min: 0x4dfe, max: 0x4e05 }).map((c) => [c]),
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => [c]),
      fc.constant([0x2014, 0x2014]),
      fc.integer({ min: 0x20000, max: 0x20003 }).map((c) => [c]),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 600 }), fc.boolean(), (texts, sort) => {
        const unicode = sort ? [...texts].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)) : texts;
        const cmap = toUnicodeCMap(unicode);
        const back = parseToUnicode(cmap);
        unicode.forEach((cps, cid) => expect(back.get(cid)).toBe(String.fromCodePoint(...cps)));
        for (const m of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})> <([0-9a-f]{4})>/g)) {
          expect(parseInt(m[1] ?? '', 16) >> 8).toBe(parseInt(m[2] ?? '', 16) >> 8);
          const span = parseInt(m[2] ?? '', 16) - parseInt(m[1] ?? '', 16);
          expect((parseInt(m[3] ?? '', 16) + span) >> 8).toBe(parseInt(m[3] ?? '', 16) >> 8);
        }
        for (const block of cmap.matchAll(/(\d+) beginbfrange/g)) expect(Number(block[1])).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('deflate', () => {
  it('is zlib data that inflates back', () => {
    const data = new TextEncoder().encode('BT /F1 12 Tf ET\n'.repeat(50));
    expect(Buffer.from(inflateSync(deflate(data)))).toEqual(Buffer.from(data));
  });
});
