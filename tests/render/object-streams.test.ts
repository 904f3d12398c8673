// packObjects rewrites pdfkit's finished file: its dictionaries into one object stream, its
// xref table into an xref stream. The packed file must hold every object of the original
// with the same content, and the xref stream must point at each of them.
import { inflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { packObjects as packBuffer } from '../../src/render/object-streams.js';
import { createDocument } from '../../src/render/pdfkit-internals.js';
import { fonts } from './helpers.js';
import { loadWithPdfjs } from './pdf.js';

/** packObjects as a plain Uint8Array (it returns a Buffer; pdf.js refuses those). */
function packObjects(pdf: Uint8Array): Uint8Array {
  const out = packBuffer(pdf);
  return new Uint8Array(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength));
}

const face = fonts.faces.get('NotoSerifSC-Regular')!;

/** A small pdfkit document, unpacked: two pages, a rule, a link, a named destination, an outline, text in a face. */
function rawPdf(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = createDocument({
      autoFirstPage: false,
      margin: 0,
      pdfVersion: '1.7',
      compress: true,
      font: face,
      info: { Title: '对象流', Author: 'tests', CreationDate: new Date(0), ModDate: new Date(0) },
      lang: 'zh-CN',
      displayTitle: true,
      tagged: false,
    });
    const chunks: Uint8Array[] = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.addPage({ size: [200, 200], margin: 0 });
    doc.moveTo(10, 10).lineTo(190, 10).stroke();
    doc.link(10, 20, 50, 10, 'https://example.org/?a=1&b=2');
    doc.addNamedDestination('first', 'XYZ', 10, 20, null);
    doc.addPage({ size: [200, 200], margin: 0 });
    doc.goTo(10, 20, 50, 10, 'first');
    doc.outline.addItem('第一页', { pageNumber: 0, top: 0, left: 200 });
    doc.end();
  });
}

interface XrefEntry {
  type: number;
  f2: number;
  f3: number;
}

/** The xref stream the file's startxref points at, decoded by hand. */
function xrefStream(pdf: Uint8Array): { dict: string; entries: XrefEntry[]; at: number } {
  const text = Buffer.from(pdf).toString('latin1');
  const sx = text.lastIndexOf('startxref\n');
  const at = Number.parseInt(text.slice(sx + 10), 10);
  const head = /^(\d+) 0 obj\n<<(.*?)>>\nstream\n/s.exec(text.slice(at));
  if (!head) throw new Error('no xref stream object at startxref');
  const dict = head[2] ?? '';
  const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
  const start = at + head[0].length;
  const rows = inflateSync(pdf.subarray(start, start + length));
  const w = (/\/W \[(\d+) (\d+) (\d+)\]/.exec(dict) ?? []).slice(1).map(Number);
  const [w1 = 0, w2 = 0, w3 = 0] = w;
  const size = Number(/\/Size (\d+)/.exec(dict)?.[1]);
  const entries: XrefEntry[] = [];
  const read = (off: number, n: number): number => {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + (rows[off + i] ?? 0);
    return v;
  };
  for (let i = 0; i < size; i++) {
    const off = i * (w1 + w2 + w3);
    entries.push({ type: read(off, w1), f2: read(off + w1, w2), f3: read(off + w1 + w2, w3) });
  }
  expect(rows.length).toBe(size * (w1 + w2 + w3));
  return { dict, entries, at };
}

/** An object's content as text, streams by their decoded bytes. */
function describeObject(obj: unknown): string {
  if (obj instanceof PDFRawStream) return `${obj.dict.toString()} stream ${Buffer.from(obj.getContents()).toString('base64')}`;
  return String(obj);
}

describe('packObjects', () => {
  it('keeps every object of pdfkit output, with the same content', async () => {
    const raw = await rawPdf();
    const packed = packObjects(raw);
    const before = await PDFDocument.load(raw, { updateMetadata: false });
    const after = await PDFDocument.load(packed, { updateMetadata: false });
    const objects = before.context.enumerateIndirectObjects();
    expect(objects.length).toBeGreaterThan(10);
    for (const [ref, obj] of objects) {
      expect(describeObject(after.context.lookup(ref)), `object ${ref.toString()}`).toBe(describeObject(obj));
    }
    // And nothing else (pdf-lib does not list the object stream and the xref stream it read them from).
    expect(after.context.enumerateIndirectObjects().length).toBe(objects.length);
    expect(after.getPageCount()).toBe(2);
    expect(packed.length).toBeLessThan(raw.length);
  });

  it('writes an xref stream that points at every object', () => {
    return rawPdf().then((raw) => {
      const packed = packObjects(raw);
      const text = Buffer.from(packed).toString('latin1');
      const { dict, entries, at } = xrefStream(packed);
      expect(dict).toMatch(/\/Type \/XRef/);
      // Root, Info and ID carried over from pdfkit's trailer.
      const trailer = Buffer.from(raw).toString('latin1').split('trailer\n')[1] ?? '';
      for (const key of ['Root', 'Info', 'ID']) expect(dict).toContain(/\/(?:Root|Info|ID) [^\n]+/.exec(trailer.slice(trailer.indexOf(`/${key} `)))?.[0]);
      expect(entries[0]).toEqual({ type: 0, f2: 0, f3: 0xffff });
      const xrefId = entries.length - 1;
      const objStmId = entries.length - 2;
      expect(entries[xrefId]).toEqual({ type: 1, f2: at, f3: 0 });
      // The object stream: its header lists each packed object at the index its xref entry gives.
      const stm = entries[objStmId]!;
      expect(stm.type).toBe(1);
      const stmHead = /^(\d+) 0 obj\n<< \/Type \/ObjStm \/N (\d+) \/First (\d+) \/Filter \/FlateDecode \/Length (\d+) >>\nstream\n/.exec(text.slice(stm.f2));
      expect(stmHead?.[1]).toBe(String(objStmId));
      const [n, first, length] = [Number(stmHead?.[2]), Number(stmHead?.[3]), Number(stmHead?.[4])];
      const body = inflateSync(packed.subarray(stm.f2 + (stmHead?.[0].length ?? 0), stm.f2 + (stmHead?.[0].length ?? 0) + length)).toString('latin1');
      const pairs = body.slice(0, first).trim().split(' ').map(Number);
      expect(pairs.length).toBe(2 * n);
      let inStream = 0;
      let direct = 0;
      entries.forEach((e, id) => {
        if (id === 0) return;
        if (e.type === 1) {
          // A direct object: its header sits at the offset.
          expect(text.startsWith(`${id} 0 obj\n`, e.f2), `object ${id} at ${e.f2}`).toBe(true);
          direct++;
        } else {
          expect(e.type, `object ${id}`).toBe(2);
          expect(e.f2).toBe(objStmId);
          expect(pairs[2 * e.f3]).toBe(id);
          const offset = first + (pairs[2 * e.f3 + 1] ?? NaN);
          expect(body.slice(offset, offset + 2), `object ${id} body`).toMatch(/^(<<|\[|\(|\d|\/)/);
          inStream++;
        }
      });
      expect(inStream).toBe(n);
      // Streams stay outside the object stream (PDF forbids them inside), with the two new objects.
      const streamsInRaw = (Buffer.from(raw).toString('latin1').match(/\nendstream\nendobj\n/g) ?? []).length;
      expect(direct).toBe(streamsInRaw + 2);
      expect(text.endsWith(`startxref\n${at}\n%%EOF\n`)).toBe(true);
    });
  });

  it('is read by pdf.js without a warning, destination and outline intact', async () => {
    const packed = packObjects(await rawPdf());
    const pdf = await loadWithPdfjs(packed);
    expect(pdf.messages).toEqual([]);
    expect(pdf.pages).toHaveLength(2);
    expect(Object.keys(pdf.destinations)).toEqual(['first']);
    expect(pdf.outline?.map((o) => o.title)).toEqual(['第一页']);
    expect(pdf.pages[0]?.annotations[0]?.url).toBe('https://example.org/?a=1&b=2');
    expect(pdf.info.Title).toBe('对象流');
  });

  it('reaches the catalog, pages and info through the xref stream alone', async () => {
    const after = await PDFDocument.load(packObjects(await rawPdf()), { updateMetadata: false });
    const root = after.catalog;
    expect(root.get(PDFName.of('Type'))?.toString()).toBe('/Catalog');
    const pages = root.lookup(PDFName.of('Pages'), PDFDict);
    expect(pages.get(PDFName.of('Count'))?.toString()).toBe('2');
    expect(after.context.trailerInfo.Info).toBeInstanceOf(PDFRef);
  });

  it('is deterministic and rejects input that is not pdfkit output', async () => {
    const raw = await rawPdf();
    expect(Buffer.compare(Buffer.from(packObjects(raw)), Buffer.from(packObjects(raw)))).toBe(0);
    expect(() => packObjects(new TextEncoder().encode('%PDF-1.7\nnot a pdf\n'))).toThrow(/xref table/);
  });
});
