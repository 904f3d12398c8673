// Page images: a rendered PDF drawn page by page with pdf.js (Mozilla's maintained renderer,
// pure JavaScript) onto the @napi-rs/canvas that pdfjs-dist brings for Node, encoded as PNG.
// For previews, CMS thumbnails and reviewing golden changes; loaded only when asked for, so a
// PDF build never pays for it.

export interface PngOptions {
  /** 1-based page numbers to draw (default: every page); numbers past the last page are an error. */
  pages?: readonly number[];
  /** Pixels per inch (72 = one pixel per point). Default 144. */
  ppi?: number;
}

export interface PagePng {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  png: Uint8Array;
}

interface CanvasLike {
  width: number;
  height: number;
  toBuffer(mime: 'image/png'): Uint8Array;
}
interface ContextLike {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
}
interface CanvasFactoryLike {
  create(width: number, height: number): { canvas: CanvasLike; context: ContextLike };
}

/** PNG images of the pages of `pdf`, on white, in page order. */
export async function pdfToPngs(pdf: Uint8Array, options: PngOptions = {}): Promise<PagePng[]> {
  const ppi = options.ppi ?? 144;
  if (!(ppi >= 18 && ppi <= 1200)) throw new RangeError(`ppi must be from 18 to 1200 (got ${ppi})`);
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: pdf.slice(), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
  try {
    const wanted = options.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    const missing = wanted.filter((p) => !Number.isInteger(p) || p < 1 || p > doc.numPages);
    if (missing.length > 0) throw new RangeError(`no page ${missing.join(', ')}: the document has ${doc.numPages} pages`);
    const out: PagePng[] = [];
    for (const number of wanted) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: ppi / 72 });
      // pdf.js's own canvas factory: its bundled @napi-rs/canvas is the one whose Path2D its
      // drawing code accepts.
      const factory = (doc as unknown as { canvasFactory: CanvasFactoryLike }).canvasFactory;
      // Rounded, not rounded up: A4 (595.28 × 841.89 pt) at 72 ppi is 595 × 842 px, not a
      // 596th column that is nine-tenths outside the page.
      const { canvas, context } = factory.create(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      type RenderParameters = Parameters<typeof page.render>[0];
      await page.render({ canvas, canvasContext: context, viewport } as unknown as RenderParameters).promise;
      out.push({ page: number, width: canvas.width, height: canvas.height, png: new Uint8Array(canvas.toBuffer('image/png')) });
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
