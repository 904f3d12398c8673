// Every private internal of pdfkit 0.20.2 and fontkit 2.0.4 this renderer relies on, in one
// place. Both are pinned to those exact versions in package.json; an upgrade must re-read each
// function below against node_modules (pdfkit/js/pdfkit.js, fontkit/dist/main.cjs) and keep
// checkInternals() — which tests/render/internals.test.ts runs, and renderPages() runs once
// per face — in step with what is used here.
//
// The rest of src/render sees pdfkit through PdfkitDocument (members that are pdfkit's
// public, documented API, or in @types/pdfkit), and an embedded font only as the opaque
// EmbeddedFont, read and changed through the functions here. No other render file touches an
// underscore member, patches a method, or casts through unknown.
//
// Why internals at all: @types/pdfkit lags behind 0.20 (no fontkit Font sources, no struct
// options), and pdfkit has no public way to draw already-shaped glyph ids, to replace how a
// font or the XMP is written, to sort the name tree by bytes, or to choose the file /ID.
import { compareSequences } from './order.js';
import PDFDocument from 'pdfkit';
import type * as fontkit from 'fontkit';
import { faceData } from '../text/face-data.js';

// ---------------------------------------------------------------------------------------------
// The public surface the other render files use.

export interface PdfkitRef {
  readonly data: Record<string, unknown>;
  end(chunk?: unknown): void;
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

/** pdfkit's PDFDocument, public API only (as documented, or declared in @types/pdfkit). */
export interface PdfkitDocument {
  outline: PdfkitOutline;
  /** A new indirect object; it is written when ended (with a stream if anything was written to it). */
  ref(data?: Record<string, unknown>): PdfkitRef;
  appendXML(xml: string, newline?: boolean): void;
  /** Readable.read: what the document wrote that no one has read yet, or null. */
  read(): Buffer | null;
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

declare const embeddedFontBrand: unique symbol;

/** pdfkit's EmbeddedFont of one face in one document; read and changed only through this module. */
export interface EmbeddedFont {
  readonly [embeddedFontBrand]: true;
}

/** The glyf record and metrics of one glyph, as a TrueType subset writes them. */
export interface SubsetGlyph {
  data: Uint8Array;
  /** hmtx advance, font units (whole). */
  advance: number;
  /** hmtx left side bearing, font units. */
  bearing: number;
}

// ---------------------------------------------------------------------------------------------
// What the functions below reach. Every member was read in node_modules.

/** pdfkit's EmbeddedFont (pdfkit.js `class EmbeddedFont`). */
interface EmbeddedFontInternals {
  /** Resource name on the page: 'F1', 'F2', … (assigned in order of first doc.font()). */
  readonly id: string;
  readonly font: fontkit.Font;
  /** 1000 / unitsPerEm. */
  readonly scale: number;
  /** fontkit's subset: glyphs[cid] is the face's glyph id (duplicates allowed: encode() copies each). */
  readonly subset: TtfSubsetInternals;
  /** Width (1000-unit text space) per subset glyph id; written as the CIDFont's /W. */
  readonly widths: Array<number | undefined>;
  /** Code points per subset glyph id; written as the ToUnicode CMap. */
  readonly unicode: Array<number[] | undefined>;
  /** The font dictionary reference (created on first use). */
  ref(): PdfkitRef;
  /** Writes the font's objects; called once by pdfkit at doc.end() if the font was used. */
  embed: () => void;
}

/** fontkit's TTFSubset; glyf, offset, loca and hmtx exist only while encode() runs. */
interface TtfSubsetInternals {
  readonly glyphs: number[];
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[]; version?: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  _addGlyph(gid: number): number;
}

/** fontkit's TTFFont: the tables and the raw table stream its subset writer reads. */
interface TtfFontInternals {
  loca?: { offsets: number[]; version: number };
  createSubset(): TtfSubsetInternals;
  hmtx: { metrics: { length: number; get(i: number): { advance: number; bearing: number } | undefined }; bearings: { get(i: number): number | undefined } };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
  _variationProcessor?: unknown;
}

/** Tables fontkit parses (lazy getters on TTFFont) but does not declare in its types. */
export interface FaceTables {
  'OS/2'?: { sFamilyClass?: number };
  post: { isFixedPitch: boolean };
  head: { macStyle: { italic: boolean } };
}

interface PdfkitNameTree {
  _compareKeys(a: string, b: string): number;
}

interface PdfkitPageInternals {
  /** The page's /Resources /Font dictionary (a getter on PDFPage). */
  readonly fonts: Record<string, PdfkitRef>;
}

/** pdfkit's PDFDocument with the members below its public API. */
interface DocumentInternals extends PdfkitDocument {
  page: PdfkitPageInternals;
  _id: Uint8Array;
  _root: PdfkitRef & { data: { Names: PdfkitRef & { data: { Dests: PdfkitNameTree } }; Metadata?: PdfkitRef } };
  /** The XMP being built (MetadataMixin); ended and written as /Metadata by endMetadata() at doc.end(). */
  metadata: { end(): void; getXML(): string };
  endMetadata(): void;
  /** The font of the last doc.font() call. */
  _font: EmbeddedFontInternals;
  /** PDF/A part (1, 2, 3) or 1 for PDF/UA; undefined otherwise (set by initSubset). */
  subset?: number;
  /** Readable.push, which pdfkit calls with every chunk of output; null ends the stream. */
  push(chunk: Uint8Array | null): boolean;
  /** Writes output: a string (as char code & 0xff, then a newline) or bytes, counting _offset. */
  _write(data: string | Uint8Array): void;
  /** Bytes written so far: the offsets the xref table gives. */
  _offset: number;
  _finalize(): void;
  _addInfo(): void;
}

function inside(doc: PdfkitDocument): DocumentInternals {
  return doc as DocumentInternals;
}

function fontInside(font: EmbeddedFont): EmbeddedFontInternals {
  return font as unknown as EmbeddedFontInternals;
}

// ---------------------------------------------------------------------------------------------
// The document.

/**
 * A new pdfkit document. Reaches: the constructor with options @types/pdfkit does not know
 * (a fontkit Font as `font`, `tagged`, `subset`), typed as this module's PdfkitDocument.
 */
export function createDocument(options: PdfkitDocumentOptions): PdfkitDocument {
  return new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions) as unknown as PdfkitDocument;
}

/**
 * Writes `xml` where pdfkit's XMP document-info blocks go. Reaches: `doc._addInfo`, which
 * endMetadata() calls at doc.end(); pdfkit interpolates Title/Author/… into XMP unescaped and
 * writes no ModifyDate, and has no option to supply the blocks.
 */
export function replaceXmpInfo(doc: PdfkitDocument, xml: string): void {
  const d = inside(doc);
  d._addInfo = () => d.appendXML(xml);
}

/**
 * Writes the XMP metadata stream deflated (with `deflate`) instead of unfiltered. Reaches:
 * `doc.endMetadata` (replaced), `doc._addInfo`, `doc.metadata`, `doc._root` (the catalog's
 * /Metadata). pdfkit always writes the XMP uncompressed (PDF/A-1 asks it; PDF/A output keeps
 * it so), with no option to change that.
 */
export function deflateXmpMetadata(doc: PdfkitDocument, deflate: (data: Uint8Array) => Uint8Array): void {
  const d = inside(doc);
  d.endMetadata = () => {
    d._addInfo();
    d.metadata.end();
    const ref = d.ref({ Type: 'Metadata', Subtype: 'XML', Filter: 'FlateDecode' });
    ref.end(deflate(new TextEncoder().encode(d.metadata.getXML())));
    d._root.data.Metadata = ref;
  };
}

/**
 * The bytes pdfkit writes for a name-tree key (PDFObject.convert of a String): the code units
 * as single bytes if all are ASCII, else a UTF-16BE byte-order mark and UTF-16BE.
 */
export function nameTreeKeyBytes(key: string): Uint8Array {
  let ascii = true;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0x7f) ascii = false;
  if (ascii) return Uint8Array.from(key, (c) => c.charCodeAt(0));
  const out = new Uint8Array(2 + key.length * 2);
  out[0] = 0xfe;
  out[1] = 0xff;
  for (let i = 0; i < key.length; i++) {
    out[2 + i * 2] = key.charCodeAt(i) >> 8;
    out[3 + i * 2] = key.charCodeAt(i) & 0xff;
  }
  return out;
}

/** Order of name-tree keys as a PDF reader's binary search expects it: their written bytes. */
export function compareNameTreeKeys(a: string, b: string): number {
  return compareSequences(nameTreeKeyBytes(a), nameTreeKeyBytes(b));
}

/**
 * Sorts the /Dests name tree by the keys' bytes (compareNameTreeKeys). Reaches:
 * `doc._root.data.Names.data.Dests._compareKeys`: pdfkit's PDFNameTree sorts with
 * localeCompare, which depends on the ICU locale and is not the byte order PDF readers
 * binary-search in; there is no option for it.
 */
export function sortNamedDestinationsByBytes(doc: PdfkitDocument): void {
  inside(doc)._root.data.Names.data.Dests._compareKeys = compareNameTreeKeys;
}

/**
 * Takes pdfkit's output as it writes it, and makes the file /ID an MD5 of every byte written
 * before the trailer. Reaches: `doc.push` (replaced), `doc._finalize` (wrapped) and
 * `doc._id`: pdfkit's /ID is a hash of the info dictionary (the same for every issue of one
 * date) and cannot be supplied. pdfkit hands its Readable every piece of every object (a few
 * thousand pushes a bulletin, each through the stream machinery and a 'data' event, and each
 * hashed on its own): here they are kept in an array, hashed at once before the trailer, and
 * the promise resolves with the whole file when pdfkit pushes the end (null).
 */
export function collectOutput(doc: PdfkitDocument, hash: { update(chunk: Uint8Array): unknown; digest(): Uint8Array }): Promise<Buffer> {
  const d = inside(doc);
  // What pdfkit wrote before (the header) waits in the Readable's buffer. It is not hashed:
  // the /ID has always been the hash of what follows it.
  const header = doc.read() ?? Buffer.alloc(0);
  let chunks: Uint8Array[] = [];
  // pdfkit's _write turns every string (an object's dictionary, a keyword) into bytes of its
  // own, char code & 0xff, with a newline; here the strings wait and become bytes together,
  // in latin1 (which is char code & 0xff), when bytes come or the output ends.
  let strings: string[] = [];
  const flush = (): void => {
    if (strings.length === 0) return;
    chunks.push(Buffer.from(strings.join(''), 'latin1'));
    strings = [];
  };
  d._write = (data) => {
    if (data instanceof Uint8Array) {
      flush();
      chunks.push(data);
      d._offset += data.length;
    } else {
      const text = `${data}`;
      strings.push(text, '\n');
      d._offset += text.length + 1;
    }
  };
  let done: (pdf: Buffer) => void = () => undefined;
  const output = new Promise<Buffer>((resolve) => (done = resolve));
  d.push = (chunk) => {
    flush();
    if (chunk === null) done(Buffer.concat([header, ...chunks]));
    else chunks.push(chunk);
    return true;
  };
  const finalize = d._finalize.bind(d);
  d._finalize = () => {
    flush();
    const body = Buffer.concat(chunks);
    chunks = [body];
    hash.update(body);
    d._id = hash.digest();
    finalize();
  };
  return output;
}

/** PDF/A part (1 for PDF/A-1 and PDF/UA), or undefined. Reaches: `doc.subset`, set from the `subset` option. */
export function pdfaPart(doc: PdfkitDocument): number | undefined {
  return inside(doc).subset;
}

/**
 * Lists the font in the current page's /Resources /Font (once). Reaches: `doc.page.fonts`:
 * pdfkit adds a font there only when its own text path (doc.text) uses it.
 */
export function useFontOnPage(doc: PdfkitDocument, font: EmbeddedFont): void {
  const fonts = inside(doc).page.fonts;
  const f = fontInside(font);
  if (fonts[f.id] == null) fonts[f.id] = f.ref();
}

// ---------------------------------------------------------------------------------------------
// Embedded fonts (pdfkit's EmbeddedFont and the fontkit subset inside it).

/**
 * The embedded font of the last doc.font(name) call. Reaches: `doc._font`: pdfkit has no
 * public accessor for the font object, and drawing shaped glyph ids needs its subset.
 */
export function currentEmbeddedFont(doc: PdfkitDocument): EmbeddedFont {
  return inside(doc)._font as unknown as EmbeddedFont;
}

/**
 * Writes the font with `embed` instead of pdfkit's EmbeddedFont.embed() at doc.end().
 * Reaches: `font.embed` (replaced): pdfkit writes every width, a long ToUnicode CMap and a
 * default-level deflate, with no hook to change them.
 */
export function replaceFontEmbedding(font: EmbeddedFont, embed: () => void): void {
  fontInside(font).embed = embed;
}

const primed = new WeakSet<fontkit.Font>();

/**
 * Hands fontkit the face's loca, read from its bytes, before pdfkit embeds the face (called by
 * assertInternals, which every render runs first): pdfkit's
 * EmbeddedFont asks for the .notdef glyph's advance, for which fontkit decodes the whole loca
 * through restructure (30,000 entries in a full CJK face, ~7 ms each in a cold process). The
 * same offsets fontkit's loca table gives (bytes into glyf; tests/render/internals.test.ts).
 * Reaches: TTFFont `_tables` (its cache of decoded tables).
 */
export function primeGlyphLocations(face: fontkit.Font): void {
  if (primed.has(face)) return;
  primed.add(face);
  const cache = (face as unknown as { _tables?: Record<string, unknown> })._tables;
  const data = faceData(face);
  if (!cache || !data || 'loca' in cache) return;
  const offsets = data.glyphOffsets();
  if (offsets) cache.loca = { version: data.indexToLocFormat, offsets };
}

/** Resource name ('F1', 'F2', …). Reaches: `font.id`, not public. */
export function fontResourceName(font: EmbeddedFont): string {
  return fontInside(font).id;
}

/** The fontkit face. Reaches: `font.font`, not public. */
export function fontFace(font: EmbeddedFont): fontkit.Font {
  return fontInside(font).font;
}

/** 1000 / unitsPerEm, as pdfkit computed it. Reaches: `font.scale`, not public. */
export function fontScale(font: EmbeddedFont): number {
  return fontInside(font).scale;
}

/** The font dictionary's reference (made on first call). Reaches: EmbeddedFont.ref(), not public. */
export function fontDictionary(font: EmbeddedFont): PdfkitRef {
  return fontInside(font).ref();
}

/** How many glyphs (CIDs) the font's subset has so far. Reaches: `font.subset.glyphs`. */
export function subsetGlyphCount(font: EmbeddedFont): number {
  return fontInside(font).subset.glyphs.length;
}

/** The glyph's CID in the subset, adding it on first use. Reaches: `font.subset` (fontkit's createSubset() is public, pdfkit's is not). */
export function includeSubsetGlyph(font: EmbeddedFont, glyphId: number): number {
  return fontInside(font).subset.includeGlyph(glyphId);
}

/**
 * A new CID for glyphId even if the subset has it already (encode() writes one glyph per
 * entry). Reaches: `font.subset.glyphs`: includeGlyph() would give back the existing CID.
 */
export function appendSubsetGlyph(font: EmbeddedFont, glyphId: number): number {
  const glyphs = fontInside(font).subset.glyphs;
  glyphs.push(glyphId);
  return glyphs.length - 1;
}

/**
 * The subset's TrueType font program: the bytes of fontkit's TTFSubset.encode(), written
 * directly. fontkit collects the glyphs (our _addGlyph, see overrideSubsetGlyphs) the same
 * way, then encodes every table through restructure, value by value: ~4 ms of a 30 ms render
 * of issue 663, for tables that are either the face's own (head, cvt, prep, fpgm) or a few
 * numbers per glyph (loca, hmtx). Here the face's tables are taken once per face from a
 * subset that fontkit itself encoded (so they are byte for byte what it writes), hhea and
 * maxp get their one count, and loca, hmtx and glyf are written as fontkit's table
 * definitions lay them out. tests/render/subset-writer.test.ts holds it equal to encode().
 * Reaches: `font.subset` (glyphs, _addGlyph and the encode() state), `face.loca.version`.
 */
export function encodeSubset(font: EmbeddedFont): Uint8Array {
  const inner = fontInside(font);
  const face = inner.font as unknown as TtfFontInternals;
  const template = subsetTemplate(face);
  if (!template) return inner.subset.encode();
  const subset = inner.subset;
  const version = faceData(inner.font)?.indexToLocFormat ?? face.loca?.version ?? 0;
  // fontkit's encode(), up to the tables: every glyph, components appended as they come.
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version };
  subset.hmtx = { metrics: [], bearings: [] };
  for (let i = 0; i < subset.glyphs.length; ) subset._addGlyph(subset.glyphs[i++]!);
  subset.loca.offsets.push(subset.offset);
  // A function of its own and loops, not map/forEach callbacks: a callback made per call lost
  // its optimized code at every major GC and was compiled again.
  const tables: Uint8Array[] = [];
  for (const tag of template.order) tables.push(subsetTable(tag, template, subset, version));
  // restructure's Directory: tag 'true', the binary-search fields, entries with checkSum 0,
  // then the tables in entry order, unpadded.
  const numTables = tables.length;
  const maxPowerOf2 = 2 ** Math.floor(Math.log(numTables) / Math.LN2);
  const headerSize = 12 + 16 * numTables;
  const out = new Uint8Array(headerSize + tables.reduce((n, t) => n + t.length, 0));
  const view = new DataView(out.buffer);
  out.set([0x74, 0x72, 0x75, 0x65], 0);
  view.setUint16(4, numTables);
  view.setUint16(6, maxPowerOf2 * 16);
  view.setUint16(8, Math.log(maxPowerOf2) / Math.LN2);
  view.setUint16(10, numTables * 16 - maxPowerOf2 * 16);
  let offset = headerSize;
  for (let i = 0; i < template.order.length; i++) {
    const tag = template.order[i]!;
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, tables[i]!.length);
    out.set(tables[i]!, offset);
    offset += tables[i]!.length;
  }
  return out;
}

/** One table of the subset's font program, as fontkit's TTFSubset.encode() writes it. */
function subsetTable(tag: string, template: SubsetTemplate, subset: TtfSubsetInternals, version: number): Uint8Array {
  const { glyf, loca, hmtx } = subset;
  switch (tag) {
    case 'hhea': {
      const t = new Uint8Array(template.tables.get(tag)!); // a copy (a Buffer's slice() is a view)
      new DataView(t.buffer, t.byteOffset).setUint16(34, hmtx.metrics.length); // numberOfMetrics
      return t;
    }
    case 'maxp': {
      const t = new Uint8Array(template.tables.get(tag)!);
      new DataView(t.buffer, t.byteOffset).setUint16(4, glyf.length); // numGlyphs
      return t;
    }
    case 'loca': {
      const n = loca.offsets.length;
      const t = new Uint8Array(n * (version === 0 ? 2 : 4));
      const v = new DataView(t.buffer);
      // fontkit's loca.preEncode halves the offsets of the short format (>>> 1).
      for (let i = 0; i < n; i++) version === 0 ? v.setUint16(2 * i, loca.offsets[i]! >>> 1) : v.setUint32(4 * i, loca.offsets[i]!);
      return t;
    }
    case 'hmtx': {
      const t = new Uint8Array(hmtx.metrics.length * 4);
      const v = new DataView(t.buffer);
      for (let i = 0; i < hmtx.metrics.length; i++) {
        const m = hmtx.metrics[i]!;
        v.setUint16(4 * i, m.advance);
        v.setInt16(4 * i + 2, m.bearing);
      }
      return t;
    }
    case 'glyf': {
      const t = new Uint8Array(subset.offset);
      let at = 0;
      for (const g of glyf) {
        t.set(g, at);
        at += g.length;
      }
      return t;
    }
    default:
      return template.tables.get(tag)!;
  }
}

/** Whether encodeSubset writes this face's subsets itself (else it hands them to fontkit). */
export function writesSubsetsDirectly(face: fontkit.Font): boolean {
  return subsetTemplate(face as unknown as TtfFontInternals) !== null;
}

interface SubsetTemplate {
  /** Table tags in fontkit's order (those the face has). */
  order: string[];
  tables: Map<string, Uint8Array>;
}

const templates = new WeakMap<object, SubsetTemplate | null>();

/** The tables fontkit's TTFSubset writes, in its order (fontkit src/subset/TTFSubset.js). */
const SUBSET_TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'];
const REQUIRED_TABLES = ['head', 'hhea', 'loca', 'maxp', 'glyf', 'hmtx'];

/**
 * The tables a subset takes from its face unchanged (head, cvt, prep, fpgm) or with one count
 * (hhea, maxp), as fontkit writes them: straight from the face's bytes where they are read
 * (fontkit re-encodes the decoded tables field by field, which gives those same bytes:
 * tests/render/subset-writer.test.ts), else from a one-glyph subset that fontkit encoded
 * itself. null for a face this writer does not know.
 */
function subsetTemplate(face: TtfFontInternals): SubsetTemplate | null {
  let t = templates.get(face);
  if (t !== undefined) return t;
  t = null;
  try {
    const data = faceData(face as unknown as fontkit.Font);
    if (face._variationProcessor) {
      t = null;
    } else if (data) {
      const order = SUBSET_TABLES.filter((tag) => data.tables.has(tag));
      const known = ['cff ', 'CFF ', 'CFF2'].every((tag) => !data.tables.has(tag));
      if (known && REQUIRED_TABLES.every((tag) => order.includes(tag))) {
        t = { order, tables: new Map(order.map((tag) => [tag, data.tableBytes(tag)!])) };
      }
    } else if (typeof face.createSubset === 'function') {
      const bytes = face.createSubset().encode();
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const order: string[] = [];
      const tables = new Map<string, Uint8Array>();
      const numTables = view.getUint16(4);
      for (let i = 0; i < numTables; i++) {
        const entry = 12 + 16 * i;
        const tag = String.fromCharCode(...bytes.subarray(entry, entry + 4));
        const start = view.getUint32(entry + 8);
        order.push(tag);
        tables.set(tag, bytes.slice(start, start + view.getUint32(entry + 12)));
      }
      if (order.every((tag) => SUBSET_TABLES.includes(tag)) && REQUIRED_TABLES.every((tag) => tables.has(tag))) t = { order, tables };
    }
  } catch {
    t = null;
  }
  templates.set(face, t);
  return t;
}

/** Width per CID (1000-unit text space), as written in /W. Reaches: `font.widths`. */
export function cidWidthList(font: EmbeddedFont): ReadonlyArray<number | undefined> {
  return fontInside(font).widths;
}

/** Width of one CID (1000-unit text space). Reaches: `font.widths`. */
export function cidWidth(font: EmbeddedFont, cid: number): number | undefined {
  const widths = fontInside(font).widths;
  // Asked for CIDs not given a width yet: a read past the end deoptimizes the callers' code.
  return cid < widths.length ? widths[cid] : undefined;
}

/** Sets a CID's /W width. Reaches: `font.widths`, which pdfkit fills only from its own text path. */
export function setCidWidth(font: EmbeddedFont, cid: number, width: number): void {
  fontInside(font).widths[cid] = width;
}

/** Code points per CID, as written in ToUnicode. Reaches: `font.unicode`. */
export function cidTextList(font: EmbeddedFont): ReadonlyArray<readonly number[] | undefined> {
  return fontInside(font).unicode;
}

/** The code points of one CID. Reaches: `font.unicode`. */
export function cidText(font: EmbeddedFont, cid: number): readonly number[] | undefined {
  return fontInside(font).unicode[cid];
}

/** Sets a CID's ToUnicode text. Reaches: `font.unicode`, which pdfkit fills only from its own text path. */
export function setCidText(font: EmbeddedFont, cid: number, codePoints: number[]): void {
  fontInside(font).unicode[cid] = codePoints;
}

/**
 * The code points per CID themselves, for DocumentFonts.release to empty once the document is
 * written. Reaches: `font.unicode`.
 */
export function cidTextTable(font: EmbeddedFont): Array<number[] | undefined> {
  return fontInside(font).unicode;
}

/**
 * Takes over writing each glyph of the font's subset: `write(glyphId, cid)` gives the record
 * for the CID about to be written, or null to leave it to fontkit. Reaches: fontkit's
 * TTFSubset `_addGlyph` (replaced) and the `glyf`, `loca`, `hmtx`, `offset` it fills during
 * encode(): fontkit has no way to add a glyph of one's own, and its own path decodes every
 * outline just to see whether a glyph is composite.
 */
export function overrideSubsetGlyphs(font: EmbeddedFont, write: (glyphId: number, cid: number) => SubsetGlyph | null): void {
  const subset = fontInside(font).subset;
  const addGlyph = subset._addGlyph.bind(subset);
  subset._addGlyph = (gid: number): number => {
    const glyph = write(gid, subset.glyf.length);
    if (!glyph) return addGlyph(gid);
    subset.glyf.push(glyph.data);
    subset.loca.offsets.push(subset.offset);
    subset.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
    subset.offset += glyph.data.length;
    return subset.glyf.length - 1;
  };
}

// ---------------------------------------------------------------------------------------------
// fontkit faces.

/** The OS/2, post and head tables. Reaches: TTFFont's table getters, absent from fontkit's types. */
export function faceTables(face: fontkit.Font): FaceTables {
  return face as unknown as FaceTables;
}

/**
 * The glyf record and hmtx metrics of a simple (non-composite) glyph, read straight from the
 * file; null for a composite glyph, a variable font or a font without glyf. Reaches: TTFFont
 * `_getTableStream('glyf')`, `loca`, `hmtx`, `_variationProcessor`: fontkit's public glyph
 * objects decode the outline, which is what this avoids.
 */
export function readSimpleGlyph(face: fontkit.Font, gid: number): SubsetGlyph | null {
  // The face's bytes as the loader read them: no fontkit table decoded (its loca and hmtx are
  // 30,000 objects each in a full CJK face) and no fontkit glyph object made.
  const data = faceData(face);
  const font = face as unknown as TtfFontInternals;
  if (font._variationProcessor) return null;
  if (data) {
    const bytes = data.glyphBytes(gid);
    if (!bytes || (bytes.length >= 2 && ((bytes[0]! << 8) | bytes[1]!) & 0x8000)) return null;
    return { data: bytes, advance: data.advance(gid), bearing: data.bearing(gid) };
  }
  const stream = font._getTableStream('glyf');
  const start = font.loca?.offsets[gid];
  const end = font.loca?.offsets[gid + 1];
  if (!stream || start === undefined || end === undefined) return null;
  stream.pos += start;
  const raw = new Uint8Array(stream.readBuffer(end - start));
  const composite = raw.length >= 2 && new DataView(raw.buffer, raw.byteOffset).getInt16(0) < 0;
  if (composite) return null;
  const { metrics, bearings } = font.hmtx;
  const m = gid < metrics.length ? metrics.get(gid) : undefined;
  const last = metrics.get(metrics.length - 1);
  return {
    data: raw,
    advance: m ? m.advance : (last?.advance ?? 0),
    bearing: m ? m.bearing : (bearings.get(gid - metrics.length) ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// The probe.

type Probe = [name: string, ok: (target: unknown) => boolean];

function at(target: unknown, path: readonly string[]): unknown {
  let v: unknown = target;
  for (const key of path) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const isFunction = (path: string): Probe => [path, (t) => typeof at(t, path.split('.')) === 'function'];
const isObject = (path: string): Probe => [path, (t) => { const v = at(t, path.split('.')); return v !== null && typeof v === 'object'; }];
const isArray = (path: string): Probe => [path, (t) => Array.isArray(at(t, path.split('.')))];
/** An array or a typed array (a loca primeGlyphLocations gave fontkit is a Uint32Array). */
const isIndexed = (path: string): Probe => [path, (t) => { const v = at(t, path.split('.')); return Array.isArray(v) || ArrayBuffer.isView(v); }];
const isNumber = (path: string): Probe => [path, (t) => typeof at(t, path.split('.')) === 'number'];
const isString = (path: string): Probe => [path, (t) => typeof at(t, path.split('.')) === 'string'];
const isPresent = (path: string): Probe => [path, (t) => { const parts = path.split('.'); const key = parts.pop() ?? ''; const o = at(t, parts); return o !== null && (typeof o === 'object' || typeof o === 'function') && key in o; }];

/** What a fresh PDFDocument must have (with one page added). */
export const DOCUMENT_PROBES: readonly Probe[] = [
  isFunction('_addInfo'),
  isFunction('_finalize'),
  isFunction('push'),
  isFunction('read'),
  isFunction('_write'),
  isPresent('_offset'),
  isFunction('endMetadata'),
  isFunction('appendXML'),
  isPresent('_id'),
  isFunction('metadata.end'),
  isFunction('metadata.getXML'),
  isObject('_root.data.Names.data.Dests'),
  isFunction('_root.data.Names.data.Dests._compareKeys'),
  isObject('page.fonts'),
  isPresent('_font'),
];

/** What pdfkit's EmbeddedFont of a TrueType face must have (after doc.font()). */
export const EMBEDDED_FONT_PROBES: readonly Probe[] = [
  isString('id'),
  isObject('font'),
  isNumber('scale'),
  isArray('widths'),
  isArray('unicode'),
  isFunction('ref'),
  isFunction('embed'),
  isFunction('subset.includeGlyph'),
  isFunction('subset.encode'),
  isArray('subset.glyphs'),
  isFunction('subset._addGlyph'),
];

/** What fontkit's TTFSubset must hold while encode() calls _addGlyph. */
export const SUBSET_ENCODE_PROBES: readonly Probe[] = [isArray('glyf'), isNumber('offset'), isArray('loca.offsets'), isArray('hmtx.metrics')];

/** What a fontkit TrueType face must have. */
export const FACE_PROBES: readonly Probe[] = [
  isFunction('_getTableStream'),
  isPresent('_variationProcessor'),
  isIndexed('loca.offsets'),
  isFunction('hmtx.metrics.get'),
  isNumber('hmtx.metrics.length'),
  isFunction('hmtx.bearings.get'),
  isObject('post'),
  isPresent('post.isFixedPitch'),
  isObject('head.macStyle'),
  isPresent('head.macStyle.italic'),
  isObject('OS/2'),
];

/** The names (prefixed with `prefix`) of the probes `target` fails. */
export function missingInternals(target: unknown, probes: readonly Probe[], prefix: string): string[] {
  return probes.filter(([, ok]) => !ok(target)).map(([name]) => `${prefix}.${name}`);
}

const checkedFaces = new WeakSet<fontkit.Font>();
let documentChecked = false;

/**
 * What this module reaches on a face: with its bytes read by text/face-data.ts, glyph records
 * and metrics come from there and fontkit's loca/hmtx are never touched (probing them would
 * decode them: 30,000 entries each in a full CJK face).
 */
function faceProbes(face: fontkit.Font): readonly Probe[] {
  return faceData(face) ? FACE_PROBES.filter(([name]) => !/^(_getTableStream|loca|hmtx)/.test(name)) : FACE_PROBES;
}

/**
 * Probes a fresh PDFDocument, the EmbeddedFont pdfkit makes of `face`, that font's subset
 * during encode(), and the face itself, for every internal this module reaches. Gives the
 * missing ones, e.g. 'PDFDocument._addInfo', 'TTFSubset(encode)._addGlyph'; empty if all are
 * there. Writes nothing anywhere (the probe document is never ended).
 */
export function checkInternals(face: fontkit.Font): string[] {
  return [...checkDocumentInternals(face), ...missingInternals(face, faceProbes(face), 'TTFFont')];
}

/** The document, embedded-font and subset-encode probes of checkInternals, with `face` embedded. */
function checkDocumentInternals(face: fontkit.Font): string[] {
  const missing: string[] = [];
  let doc: unknown;
  try {
    doc = new PDFDocument({ autoFirstPage: false, margin: 0, font: face, subset: 'PDF/A-2b' } as unknown as PDFKit.PDFDocumentOptions);
    (doc as PdfkitDocument).addPage({ size: [100, 100], margin: 0 });
    (doc as PdfkitDocument).registerFont('probe', face).font('probe');
  } catch (err) {
    return [`PDFDocument (could not open a probe document: ${err instanceof Error ? err.message : String(err)})`];
  }
  missing.push(...missingInternals(doc, DOCUMENT_PROBES, 'PDFDocument'));
  if (at(doc, ['subset']) !== 2) missing.push("PDFDocument.subset (2 for the 'PDF/A-2b' option)");
  const font = at(doc, ['_font']);
  missing.push(...missingInternals(font, EMBEDDED_FONT_PROBES, 'EmbeddedFont'));
  const subset = at(font, ['subset']) as Partial<TtfSubsetInternals> | undefined;
  if (subset && typeof subset._addGlyph === 'function' && typeof subset.encode === 'function' && typeof subset.includeGlyph === 'function') {
    const addGlyph = subset._addGlyph.bind(subset);
    let seen = false;
    subset._addGlyph = (gid: number): number => {
      if (!seen) {
        seen = true;
        missing.push(...missingInternals(subset, SUBSET_ENCODE_PROBES, 'TTFSubset(encode)'));
      }
      return addGlyph(gid);
    };
    try {
      subset.encode();
    } catch (err) {
      missing.push(`TTFSubset.encode (failed: ${err instanceof Error ? err.message : String(err)})`);
    }
    if (!seen) missing.push('TTFSubset(encode)._addGlyph (encode() never called it)');
  }
  return missing;
}

/**
 * checkInternals() for the faces of a render: the document and subset probes once per process
 * (they are pdfkit's and fontkit's classes, the same for every TrueType face; the face with the
 * fewest glyphs is embedded for it, as the subset encoder decodes the whole loca), the face
 * probes once per face. Throws naming every missing internal.
 */
export function assertInternals(faces: Iterable<fontkit.Font>): void {
  const unchecked = [...faces].filter((face) => !checkedFaces.has(face));
  if (unchecked.length === 0) return;
  for (const face of unchecked) primeGlyphLocations(face);
  const missing: string[] = [];
  if (!documentChecked) {
    const probe = unchecked.reduce((a, b) => (b.numGlyphs < a.numGlyphs ? b : a));
    missing.push(...checkDocumentInternals(probe));
  }
  for (const face of unchecked) missing.push(...missingInternals(face, faceProbes(face), 'TTFFont'));
  if (missing.length) {
    throw new Error(
      `render: pdfkit/fontkit internals this renderer relies on are missing (was pdfkit or fontkit upgraded? src/render/pdfkit-internals.ts): ${[...new Set(missing)].join(', ')}`,
    );
  }
  documentChecked = true;
  for (const face of unchecked) checkedFaces.add(face);
}
