// Reading rendered PDFs in tests: pdf.js (legacy build; in Node it runs its worker on the
// main thread, so its console warnings can be captured) and pdf-lib for the object graph.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString, PDFHexString, decodePDFRawStream } from 'pdf-lib';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { inflateSync } from 'node:zlib';
import { parseToUnicode } from './content.js';

export interface TextRun {
  str: string;
  x: number;
  /** Baseline, pt from the top of the page. */
  y: number;
  fontSize: number;
}

export interface LoadedPage {
  text: TextRun[];
  annotations: { subtype: string; url?: string; dest?: unknown; rect: number[] }[];
}

export interface LoadedPdf {
  pages: LoadedPage[];
  outline: { title: string; dest: unknown; items: unknown[] }[] | null;
  destinations: Record<string, unknown>;
  info: Record<string, unknown>;
  /** Every console message pdf.js printed while loading, extracting text and interpreting every page. */
  messages: string[];
}

/** Load with pdf.js at warning verbosity; parse every page's text, annotations and operator list. */
export async function loadWithPdfjs(bytes: Uint8Array): Promise<LoadedPdf> {
  const messages: string[] = [];
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  const capture = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  console.log = console.warn = console.error = console.info = capture;
  try {
    const doc = await getDocument({ data: bytes.slice(), verbosity: VerbosityLevel.WARNINGS, isEvalSupported: false, stopAtErrors: true }).promise;
    const pages: LoadedPage[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const height = page.view[3] ?? 0;
      const content = await page.getTextContent();
      const text: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const t = item.transform as number[];
        text.push({ str: item.str, x: t[4] ?? NaN, y: height - (t[5] ?? NaN), fontSize: Math.hypot(t[2] ?? 0, t[3] ?? 0) });
      }
      const annotations = (await page.getAnnotations()).map((a: Record<string, unknown>) => ({
        subtype: String(a.subtype),
        url: typeof a.url === 'string' ? a.url : undefined,
        dest: a.dest,
        rect: a.rect as number[],
      }));
      await page.getOperatorList();
      pages.push({ text, annotations });
    }
    const outline = (await doc.getOutline()) as LoadedPdf['outline'];
    const destinations = (await doc.getDestinations()) as Record<string, unknown>;
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    await doc.destroy();
    return { pages, outline, destinations, info, messages };
  } finally {
    Object.assign(console, saved);
  }
}

/** All text of a page with pdf.js's inserted whitespace removed. */
export function pageChars(page: LoadedPage): string {
  return page.text.map((t) => t.str).join('').replace(/\s+/g, '');
}

export interface EmbeddedFontInfo {
  baseFont: string;
  subtype: string;
  encoding: string;
  hasToUnicode: boolean;
  fontFile2Bytes: number;
  /** The ToUnicode CMap text. */
  toUnicode: string;
  /** Widths array /W of the descendant font. */
  widths: number[];
}

/**
 * Width by CID of a CIDFont, read as a viewer does: /W in both forms ('c [w …]' and
 * 'c_first c_last w'), /DW (default 1000) for every other CID the ToUnicode CMap names.
 */
function cidWidths(cid: PDFDict | undefined, toUnicode: string): number[] {
  const dwObj = cid?.get(PDFName.of('DW'));
  const dw = dwObj ? Number(dwObj.toString()) : 1000;
  const widths: number[] = [];
  for (const c of parseToUnicode(toUnicode).keys()) widths[c] = dw;
  const items = cid?.lookup(PDFName.of('W'), PDFArray)?.asArray() ?? [];
  for (let i = 0; i < items.length; ) {
    const first = Number(items[i]?.toString());
    const next = items[i + 1];
    if (next instanceof PDFArray) {
      next.asArray().forEach((n, k) => (widths[first + k] = Number(n.toString())));
      i += 2;
    } else {
      const last = Number(next?.toString());
      const w = Number(items[i + 2]?.toString());
      for (let c = first; c <= last; c++) widths[c] = w;
      i += 3;
    }
  }
  return widths;
}

function lookupDict(doc: PDFDocument, v: unknown): PDFDict | undefined {
  const o = v instanceof PDFRef ? doc.context.lookup(v) : v;
  return o instanceof PDFDict ? o : undefined;
}

/** Every Type0 font in the file, read with pdf-lib. */
export async function embeddedFonts(bytes: Uint8Array): Promise<EmbeddedFontInfo[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: EmbeddedFontInfo[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype'))?.toString() !== '/Type0') continue;
    const descendants = obj.lookup(PDFName.of('DescendantFonts'), PDFArray);
    const cid = lookupDict(doc, descendants.get(0));
    const descriptor = lookupDict(doc, cid?.get(PDFName.of('FontDescriptor')));
    const ff = descriptor?.get(PDFName.of('FontFile2'));
    const fontFile = ff instanceof PDFRef ? doc.context.lookup(ff) : undefined;
    const tu = obj.get(PDFName.of('ToUnicode'));
    const tuStream = tu instanceof PDFRef ? doc.context.lookup(tu) : undefined;
    const toUnicode = tuStream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(tuStream).decode()).toString('latin1') : '';
    out.push({
      baseFont: obj.get(PDFName.of('BaseFont'))?.toString().slice(1) ?? '',
      subtype: cid?.get(PDFName.of('Subtype'))?.toString() ?? '',
      encoding: obj.get(PDFName.of('Encoding'))?.toString() ?? '',
      hasToUnicode: tuStream instanceof PDFStream,
      fontFile2Bytes: fontFile instanceof PDFRawStream ? decodePDFRawStream(fontFile).decode().length : 0,
      toUnicode,
      widths: cidWidths(cid, toUnicode),
    });
  }
  return out;
}

/** /BaseFont of every font dictionary (object streams included, which a byte search would miss). */
export async function baseFontNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const names: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('Type'))?.toString() === '/Font') names.push(obj.get(PDFName.of('BaseFont'))?.toString() ?? '');
  }
  return names;
}

/** The catalog and a few objects reachable from it, for structure assertions. */
export async function catalog(bytes: Uint8Array): Promise<{ doc: PDFDocument; root: PDFDict }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { doc, root: doc.catalog };
}

export function pdfText(v: unknown): string | undefined {
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
}

/** The XMP packet: as written, or inside a deflated stream (render/ deflates it outside PDF/A). */
export function xmpOf(bytes: Uint8Array): string {
  const packet = (s: string): string => {
    const a = s.indexOf('<?xpacket begin');
    const b = s.indexOf('<?xpacket end', a);
    return a < 0 || b < 0 ? '' : s.slice(a, b);
  };
  const raw = Buffer.from(bytes);
  const plain = packet(raw.toString('utf8'));
  if (plain) return plain;
  const text = raw.toString('latin1');
  for (let at = text.indexOf('stream\n'); at >= 0; at = text.indexOf('stream\n', at + 1)) {
    const end = text.indexOf('\nendstream', at);
    if (end < 0) break;
    try {
      const found = packet(inflateSync(raw.subarray(at + 7, end)).toString('utf8'));
      if (found) return found;
    } catch {
      // not a deflated stream (or not a stream start): go on
    }
  }
  return '';
}

export interface PageContent {
  content: string;
  /** Font resource name → { widths by CID, ToUnicode CMap text }. */
  fonts: Map<string, { widths: number[]; toUnicode: string }>;
}

function streamText(doc: PDFDocument, v: unknown): string {
  const o = v instanceof PDFRef ? doc.context.lookup(v) : v;
  if (o instanceof PDFRawStream) return Buffer.from(decodePDFRawStream(o).decode()).toString('latin1');
  if (o instanceof PDFArray) return o.asArray().map((e) => streamText(doc, e)).join('\n');
  return '';
}

/** Each page's decoded content stream and its fonts' /W and ToUnicode. */
export async function pageContents(bytes: Uint8Array): Promise<PageContent[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const content = streamText(doc, page.node.get(PDFName.of('Contents')));
    const fonts = new Map<string, { widths: number[]; toUnicode: string }>();
    const resources = lookupDict(doc, page.node.get(PDFName.of('Resources')));
    const fontDict = lookupDict(doc, resources?.get(PDFName.of('Font')));
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const type0 = lookupDict(doc, ref);
      const cid = lookupDict(doc, type0?.lookup(PDFName.of('DescendantFonts'), PDFArray).get(0));
      const toUnicode = streamText(doc, type0?.get(PDFName.of('ToUnicode')));
      fonts.set(name.toString().slice(1), { widths: cidWidths(cid, toUnicode), toUnicode });
    }
    return { content, fonts };
  });
}
