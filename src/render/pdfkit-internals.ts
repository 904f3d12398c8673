// The parts of pdfkit 0.20.2 this renderer touches, typed narrowly. @types/pdfkit lags behind
// 0.20 (no fontkit Font sources, no struct options) and does not describe the internals that
// let us draw the line breaker's glyphs ourselves (EmbeddedFont.subset/widths/unicode), so
// the document is seen through this interface instead. Every member here was read in
// node_modules/pdfkit/js/pdfkit.js; a pdfkit upgrade must re-check them.
import type * as fontkit from 'fontkit';

/** pdfkit's EmbeddedFont: one per face per document, subset-embedded at doc.end(). */
export interface PdfkitEmbeddedFont {
  /** Resource name on the page: 'F1', 'F2', … (assigned in order of first doc.font()). */
  readonly id: string;
  readonly font: fontkit.Font;
  /** 1000 / unitsPerEm. */
  readonly scale: number;
  /** fontkit's subset: glyphs[cid] is the face's glyph id (duplicates allowed: encode() copies each). */
  readonly subset: { includeGlyph(glyphId: number): number; readonly glyphs: number[]; encode(): Uint8Array };
  /** Width (1000-unit text space) per subset glyph id; written as the CIDFont's /W. */
  readonly widths: Array<number | undefined>;
  /** Code points per subset glyph id; written as the ToUnicode CMap. */
  readonly unicode: Array<number[] | undefined>;
  /** The font dictionary reference (created on first use). */
  ref(): PdfkitRef;
  /** Writes the font's objects; called once by pdfkit at doc.end() if the font was used. */
  embed: () => void;
}

export interface PdfkitRef {
  readonly data: Record<string, unknown>;
  end(chunk?: unknown): void;
}

export interface PdfkitPage {
  readonly width: number;
  readonly height: number;
  readonly fonts: Record<string, PdfkitRef>;
  readonly dictionary: PdfkitRef;
}

export interface PdfkitStructureContent {
  readonly refs: unknown[];
}

export interface PdfkitStructureElement {
  readonly dictionary: PdfkitRef;
  add(child: PdfkitStructureElement | PdfkitStructureContent): PdfkitStructureElement;
  end(): void;
}

export interface PdfkitOutline {
  addItem(
    title: string,
    options: { pageNumber: number; top: number; left: number; zoom?: number; expanded?: boolean },
  ): PdfkitOutline;
}

export interface PdfkitNameTree {
  _compareKeys(a: string, b: string): number;
}

export interface PdfkitDocument {
  page: PdfkitPage;
  _id: Uint8Array;
  _root: PdfkitRef & { data: { Names: PdfkitRef & { data: { Dests: PdfkitNameTree } }; Metadata?: PdfkitRef } };
  /** The XMP being built; ended and written as the catalog's /Metadata by endMetadata() at doc.end(). */
  metadata: { end(): void; getXML(): string };
  endMetadata(): void;
  info: Record<string, unknown>;
  outline: PdfkitOutline;
  _font: PdfkitEmbeddedFont;
  /** PDF/A part (1, 2, 3) or 1 for PDF/UA; undefined otherwise. */
  subset?: number;
  /** A new indirect object; it is written when ended (with a stream if anything was written to it). */
  ref(data?: Record<string, unknown>): PdfkitRef;
  /** Pushes output bytes (Readable.push); null ends the stream. */
  push(chunk: Uint8Array | null): boolean;
  _finalize(): void;
  _addInfo(): void;
  appendXML(xml: string, newline?: boolean): void;
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (err: Error) => void): this;
  addPage(options: { size: [number, number]; margin: number }): this;
  registerFont(name: string, src: fontkit.Font): this;
  font(name: string): this;
  addContent(data: string): this;
  save(): this;
  restore(): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  lineWidth(w: number): this;
  lineCap(c: 'butt' | 'round' | 'square'): this;
  strokeColor(color: string): this;
  stroke(): this;
  image(src: Buffer, x: number, y: number, options: { width: number; height: number; ignoreOrientation?: boolean }): this;
  link(x: number, y: number, w: number, h: number, url: string, options?: { structParent?: PdfkitStructureElement; Contents?: String }): this;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: { structParent?: PdfkitStructureElement; Contents?: String }): this;
  addNamedDestination(name: string, type: 'XYZ', x: number, y: number, zoom: null): void;
  struct(type: string, options?: { lang?: string; alt?: string; bbox?: [number, number, number, number]; placement?: string }): PdfkitStructureElement;
  addStructure(el: PdfkitStructureElement): this;
  markContent(tag: string, options?: { type?: string }): this;
  markStructureContent(tag: string): PdfkitStructureContent;
  endMarkedContent(): this;
  end(): void;
}

export interface PdfkitDocumentOptions {
  autoFirstPage: false;
  margin: number;
  pdfVersion: '1.7';
  compress: true;
  /** A fontkit Font: pdfkit then never loads (or writes) its default Helvetica. */
  font: fontkit.Font;
  info: Record<string, string | Date>;
  lang: string;
  displayTitle: boolean;
  tagged: boolean;
  subset?: 'PDF/A-2b';
}
