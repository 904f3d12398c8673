// Rasterise PDFs with pdf.js + @napi-rs/canvas (npm only: CI has no poppler) and compare
// them page by page, writing old/new/diff PNGs for the pages that changed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

type NapiCanvas = Canvas;
interface PdfjsCanvasFactory {
  create(width: number, height: number): { canvas: NapiCanvas; context: SKRSContext2D };
}

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row-major. */
  data: Uint8ClampedArray;
  png: Buffer;
}

/** Every page of a PDF at `dpi` (72 = 1 px per pt), on white. */
export async function rasterize(bytes: Uint8Array, dpi = 60): Promise<Raster[]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
  try {
    const out: Raster[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const viewport = page.getViewport({ scale: dpi / 72 });
      // pdf.js's own canvas factory: pdfjs-dist brings its own @napi-rs/canvas, whose Path2D
      // the top-level package's context does not accept.
      const factory = (doc as unknown as { canvasFactory: PdfjsCanvasFactory }).canvasFactory;
      const { canvas, context: ctx } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      // pdf.js types its parameters with DOM types; the napi-rs canvas implements the same API.
      type RenderParameters = Parameters<typeof page.render>[0];
      const params = { canvas, canvasContext: ctx, viewport } as unknown as RenderParameters;
      await page.render(params).promise;
      const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
      out.push({ width: canvas.width, height: canvas.height, data: image.data, png: canvas.toBuffer('image/png') });
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

export interface PageDiff {
  /** 1-based page number. */
  page: number;
  /** Pixels whose colour differs by more than the tolerance (or the whole page if it exists in one file only). */
  pixels: number;
}

export interface Comparison {
  oldPages: number;
  newPages: number;
  changed: PageDiff[];
}

/** Per-channel difference below which two pixels count as equal (anti-aliasing noise). */
const TOLERANCE = 24;

function diffImage(a: Raster, b: Raster): { pixels: number; png: Buffer } {
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const out = ctx.createImageData(width, height);
  let pixels = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const ia = x < a.width && y < a.height ? (y * a.width + x) * 4 : -1;
      const ib = x < b.width && y < b.height ? (y * b.width + x) * 4 : -1;
      let differs = ia < 0 || ib < 0;
      if (!differs) for (let c = 0; c < 3; c++) if (Math.abs((a.data[ia + c] ?? 0) - (b.data[ib + c] ?? 0)) > TOLERANCE) differs = true;
      if (differs) {
        pixels++;
        out.data.set([255, 0, 0, 255], o);
      } else {
        // Unchanged pixels as a faint grey of the old page, so the red stands out.
        const v = 255 - Math.round((255 - (a.data[ia] ?? 255)) * 0.25);
        out.data.set([v, v, v, 255], o);
      }
    }
  }
  ctx.putImageData(out, 0, 0);
  return { pixels, png: canvas.toBuffer('image/png') };
}

/**
 * Rasterise both PDFs and compare every page. For each page that differs (or exists in one
 * file only) writes page-NN-old.png, page-NN-new.png and page-NN-diff.png into outDir.
 */
export async function comparePdfs(oldBytes: Uint8Array, newBytes: Uint8Array, outDir: string, dpi = 60): Promise<Comparison> {
  const [before, after] = [await rasterize(oldBytes, dpi), await rasterize(newBytes, dpi)];
  const changed: PageDiff[] = [];
  const pages = Math.max(before.length, after.length);
  for (let i = 0; i < pages; i++) {
    const a = before[i];
    const b = after[i];
    const name = `page-${String(i + 1).padStart(2, '0')}`;
    if (a && b) {
      const diff = diffImage(a, b);
      if (diff.pixels === 0) continue;
      changed.push({ page: i + 1, pixels: diff.pixels });
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path.join(outDir, `${name}-old.png`), a.png);
      writeFileSync(path.join(outDir, `${name}-new.png`), b.png);
      writeFileSync(path.join(outDir, `${name}-diff.png`), diff.png);
    } else {
      const only = (a ?? b)!;
      changed.push({ page: i + 1, pixels: only.width * only.height });
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path.join(outDir, `${name}-${a ? 'old' : 'new'}.png`), only.png);
    }
  }
  return { oldPages: before.length, newPages: after.length, changed };
}

/** One line for a failure message: which pages changed and where the PNGs are. */
export function describeComparison(name: string, c: Comparison, outDir: string): string {
  const pages = c.changed.map((d) => `${d.page} (${d.pixels} px)`).join(', ');
  const count = c.oldPages === c.newPages ? `${c.newPages} pages` : `${c.oldPages} → ${c.newPages} pages`;
  if (!c.changed.length) return `${name}: bytes differ but no page looks different (${count}; metadata, structure or invisible change?)`;
  return `${name}: pages changed: ${pages} (${count}); see ${outDir}`;
}
