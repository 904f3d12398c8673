// Where rules and images land, seen in a rasterised page (pdf.js + canvas, 72 dpi = 1 px per pt).
import { describe, expect, it } from 'vitest';
import { renderPages } from '../../src/render/index.js';
import { rasterize } from '../golden/raster.js';
import { fonts } from './helpers.js';
import { sampleModel } from './sample.js';

function pixel(r: { width: number; data: Uint8ClampedArray }, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * r.width + Math.round(x)) * 4;
  return [r.data[i] ?? -1, r.data[i + 1] ?? -1, r.data[i + 2] ?? -1];
}

const near = (a: number[], b: number[], tol = 12) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tol);

describe('rules and images', () => {
  it('are drawn at their page-model boxes (top-left origin, y down)', async () => {
    const [page] = await rasterize(await renderPages(sampleModel(), fonts, { version: '1', pdfa: true }), 72);
    if (!page) throw new Error('no page');
    // Image box x 200..395, y 310..400, colour (40, 90, 160).
    expect(near(pixel(page, 297, 355), [40, 90, 160])).toBe(true);
    expect(near(pixel(page, 202, 312), [40, 90, 160])).toBe(true);
    expect(near(pixel(page, 393, 398), [40, 90, 160])).toBe(true);
    expect(near(pixel(page, 197, 355), [255, 255, 255])).toBe(true);
    expect(near(pixel(page, 297, 404), [255, 255, 255])).toBe(true);
    // Rule from (60,122) to (535,122), 2 pt, #C00000.
    expect(near(pixel(page, 300, 122), [192, 0, 0], 40)).toBe(true);
    expect(near(pixel(page, 300, 126), [255, 255, 255])).toBe(true);
    expect(near(pixel(page, 56, 122), [255, 255, 255])).toBe(true);
  });
});
