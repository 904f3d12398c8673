// Writes one face's subset as a Type0 / CIDFontType2 font. This replaces pdfkit's
// EmbeddedFont.embed() for the size of the file only: pdfkit writes every CID's width in
// one /W array (uncompressed, ~5 bytes a glyph), a ToUnicode CMap of one array entry per CID,
// and deflates the font program at zlib's default level. Here: /DW is the commonest width and
// /W lists only the others, the CMap uses ranges where CIDs and code points run together
// (CIDs are handed out in code-point order, see DocumentFonts.reserve), and the font program
// is deflated at level 9. The dictionaries are otherwise the ones pdfkit writes.
import { deflate as deflateInPool, deflateSync } from 'node:zlib';
import { cidTextList, cidWidthList, encodeSubset, subsetGlyphCount, faceTables, fontDictionary, fontFace, fontResourceName, fontScale, pdfaPart } from './pdfkit-internals.js';
import type { EmbeddedFont, PdfkitDocument } from './pdfkit-internals.js';

const DENSEST = { level: 9, memLevel: 9 } as const;

/** Deflate for streams we write ourselves: the densest zlib setting (deterministic, in-process). */
export function deflate(data: Uint8Array): Uint8Array {
  return deflateSync(data, DENSEST);
}

/**
 * The same deflate on libuv's thread pool: the same zlib with the same settings, so the same
 * bytes as deflate(), computed while the caller's thread goes on (drawing the pages).
 */
export function deflateOffThread(data: Uint8Array): Promise<Uint8Array> {
  // One output buffer for the whole stream: node's async zlib comes back to this thread after
  // every chunk (16 KiB by default) to queue the next one, so while this thread draws, the
  // deflate would wait for it (measured: done 16 ms after it started, for 7 ms of work).
  const chunkSize = Math.max(64 * 1024, data.length + 1024);
  return new Promise((resolve, reject) => deflateInPool(data, { ...DENSEST, chunkSize }, (err, out) => (err ? reject(err) : resolve(out))));
}

/** A subset's font program, deflated ahead of embedFont, for the glyph count it was made with. */
export interface CompressedProgram {
  glyphs: number;
  bytes: Uint8Array;
}

/**
 * Starts deflating the font program of a font whose subset is complete (every CID handed out):
 * the largest stream of a bulletin (issue 663: 206 KB of TrueType, ~7 ms at level 9).
 */
export function compressProgram(font: EmbeddedFont): Promise<CompressedProgram> {
  const glyphs = subsetGlyphCount(font);
  return deflateOffThread(encodeSubset(font)).then((bytes) => ({ glyphs, bytes }));
}

/** /DW and /W of a CIDFont: the commonest width as the default, the other CIDs in runs. */
export function cidWidths(widths: ReadonlyArray<number | undefined>): { dw: number; w: Array<number | number[]> } {
  const count = new Map<number, number>();
  for (const v of widths) if (v != null) count.set(v, (count.get(v) ?? 0) + 1);
  let dw = 1000;
  let best = -1;
  for (const [v, n] of count) if (n > best || (n === best && v < dw)) [dw, best] = [v, n];
  const w: Array<number | number[]> = [];
  let cid = 0;
  while (cid < widths.length) {
    const v = widths[cid];
    if (v == null || v === dw) {
      cid++;
      continue;
    }
    // A run of one width costs 'first last w'; a mixed run 'first [w w …]'.
    let end = cid;
    while (end + 1 < widths.length && widths[end + 1] === v) end++;
    if (end - cid >= 2) {
      w.push(cid, end, v);
      cid = end + 1;
      continue;
    }
    const run: number[] = [];
    const first = cid;
    while (cid < widths.length) {
      const x = widths[cid];
      if (x == null || x === dw) break;
      if (widths[cid + 1] === x && widths[cid + 2] === x) break;
      run.push(x);
      cid++;
    }
    w.push(first, run);
  }
  return { dw, w };
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** UTF-16BE code units of a glyph's text, as CMap hex. */
function utf16(codePoints: readonly number[]): number[] {
  const units: number[] = [];
  for (const cp of codePoints) {
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      units.push(0xd800 | (v >>> 10), 0xdc00 | (v & 0x3ff));
    } else units.push(cp);
  }
  return units;
}

/**
 * The ToUnicode CMap of a subset, all in bfrange entries (one range never crosses a change of
 * the CID's high byte, as the CMap format requires): '<first> <last> <code>' where
 * consecutive CIDs stand for consecutive code units, '<first> <last> [<text> …]' for the rest.
 * At most 100 entries per block (the CMap format's limit).
 */
export function toUnicodeCMap(unicode: ReadonlyArray<readonly number[] | undefined>): string {
  // Each CID's text as one UTF-16 code unit, when it is one: asked again and again below.
  const singles: (number | undefined)[] = [];
  for (const cps of unicode) {
    const u = utf16(cps ?? []);
    singles.push(u.length === 1 ? u[0] : undefined);
  }
  const entries: string[] = [];
  let pending: number[] = [];
  const flush = (): void => {
    const first = pending[0];
    if (first === undefined) return;
    const last = first + pending.length - 1;
    entries.push(`<${hex4(first)}> <${hex4(last)}> [${hexTexts(unicode, pending)}]`);
    pending = [];
  };
  let cid = 0;
  while (cid < unicode.length) {
    const n = runLength(singles, cid);
    // A run of 3 or more is cheaper as a range; a CID without text ends an array.
    if (n >= 3 || unicode[cid] == null) {
      flush();
      if (unicode[cid] != null) entries.push(`<${hex4(cid)}> <${hex4(cid + n - 1)}> <${hex4(singles[cid] ?? 0)}>`);
      cid += n;
      continue;
    }
    if (pending.length && cid >> 8 !== (pending[0] ?? 0) >> 8) flush();
    pending.push(cid);
    cid++;
  }
  flush();
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    blocks.push(`${part.length} beginbfrange\n${part.join('\n')}\nendbfrange`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
${blocks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}

// Top-level helpers, not closures made per call: a closure's optimized code was dropped at
// every major GC and compiled again.

/** A CID's text as a CMap hex string. */
function hexText(cps: readonly number[] | undefined): string {
  return `<${utf16(cps ?? []).map(hex4).join(' ')}>`;
}

/** The texts of these CIDs, as one CMap array's contents. */
function hexTexts(unicode: ReadonlyArray<readonly number[] | undefined>, cids: readonly number[]): string {
  let out = '';
  for (const c of cids) out += hexText(unicode[c]);
  return out;
}

/** How many CIDs from cid on run with consecutive code units (within one high byte on both sides). */
function runLength(singles: ReadonlyArray<number | undefined>, cid: number): number {
  const u = singles[cid];
  if (u === undefined) return 1;
  let n = 1;
  while (cid + n < singles.length && (cid + n) >> 8 === cid >> 8 && singles[cid + n] === u + n && (u + n) >> 8 === u >> 8) n++;
  return n;
}

/** A stream object of `bytes`, deflated here (pdfkit then leaves them as they are). */
function flateStream(doc: PdfkitDocument, bytes: Uint8Array, data: Record<string, unknown> = {}): ReturnType<PdfkitDocument['ref']> {
  return deflatedStream(doc, deflate(bytes), data);
}

/** A stream object holding bytes deflated already. */
function deflatedStream(doc: PdfkitDocument, deflated: Uint8Array, data: Record<string, unknown> = {}): ReturnType<PdfkitDocument['ref']> {
  const ref = doc.ref({ ...data, Filter: 'FlateDecode' });
  ref.end(deflated);
  return ref;
}

/** The parts of a font's embedding that need only its CIDs: made while the program deflates. */
export interface PreparedEmbedding {
  /** Glyphs of the subset they were made for. */
  glyphs: number;
  /** The ToUnicode CMap, deflated. */
  toUnicode: Uint8Array;
  widths: { dw: number; w: Array<number | number[]> };
}

/**
 * The ToUnicode CMap and the widths of a font whose subset is complete. The renderer makes
 * them after drawing, while it waits for the font program's deflate on the thread pool,
 * instead of after that wait (in embedFont).
 */
export function prepareEmbedding(font: EmbeddedFont): PreparedEmbedding {
  return {
    glyphs: subsetGlyphCount(font),
    toUnicode: deflate(new TextEncoder().encode(toUnicodeCMap(cidTextList(font)))),
    widths: cidWidths(cidWidthList(font)),
  };
}

/** pdfkit's EmbeddedFont.embed(), with the compact /W, ToUnicode and font program described above. */
export function embedFont(doc: PdfkitDocument, font: EmbeddedFont, program?: CompressedProgram, prepared?: PreparedEmbedding): void {
  const face = fontFace(font);
  // A program deflated before a glyph was added would lack it: then it is made again here.
  const glyphCount = subsetGlyphCount(font);
  const ready = program && program.glyphs === glyphCount ? program.bytes : undefined;
  const parts = prepared && prepared.glyphs === glyphCount ? prepared : prepareEmbedding(font);
  const fontFile = ready ? deflatedStream(doc, ready) : flateStream(doc, encodeSubset(font));
  // Tables fontkit parses but does not declare in its types.
  const tables = faceTables(face);
  const familyClass = (tables['OS/2']?.sFamilyClass ?? 0) >> 8;
  let flags = 1 << 2; // symbolic: the glyphs are outside the standard Latin set
  if (tables.post.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (tables.head.macStyle.italic) flags |= 1 << 6;
  // pdfkit's subset tag (derived from the resource name, so stable per document).
  const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((fontResourceName(font).charCodeAt(i) || 73) + 17)).join('');
  const name = `${tag}+${face.postscriptName.replaceAll(' ', '_')}`;
  const { bbox } = face;
  const scale = fontScale(font);
  const descriptor = doc.ref({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: flags,
    FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale],
    ItalicAngle: face.italicAngle,
    Ascent: face.ascent * scale,
    Descent: face.descent * scale,
    CapHeight: (face.capHeight || face.ascent) * scale,
    XHeight: (face.xHeight || 0) * scale,
    StemV: 0,
    FontFile2: fontFile,
  });
  if (pdfaPart(doc) === 1) {
    // PDF/A-1 and PDF/UA: the set of CIDs present.
    const widths = cidWidthList(font);
    const bits = new Uint8Array(Math.ceil(widths.length / 8));
    widths.forEach((w, cid) => {
      if (w != null) bits[cid >> 3] = (bits[cid >> 3] ?? 0) | (0x80 >> (cid % 8));
    });
    descriptor.data.CIDSet = flateStream(doc, bits);
  }
  descriptor.end();
  const { dw, w } = parts.widths;
  const descendant = doc.ref({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    DW: dw,
    W: w,
    CIDToGIDMap: 'Identity',
  });
  descendant.end();
  const cmap = deflatedStream(doc, parts.toUnicode);
  const dictionary = fontDictionary(font);
  Object.assign(dictionary.data, {
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: name,
    Encoding: 'Identity-H',
    DescendantFonts: [descendant],
    ToUnicode: cmap,
  });
  dictionary.end();
}
