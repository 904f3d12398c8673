// Rewrites pdfkit's finished file with its dictionaries (pages, fonts, annotations, outline,
// info strings…) packed into one deflated object stream and a cross-reference stream in place
// of the xref table (PDF 1.5 features; PDF/A-2 allows both). pdfkit writes every non-stream
// object as plain text and a 20-byte xref line per object: together about a tenth of a
// four-page issue, which deflate shrinks to a fifth. Stream objects (font programs, content,
// CMaps, XMP, images) are copied byte for byte. Only pdfkit's own output layout is read:
// objects one after another, each "N 0 obj\n…\nendobj\n", then "xref", "trailer", "startxref".
import { deflate } from './embed-font.js';

interface ObjectSpan {
  id: number;
  start: number;
  end: number;
}

const encoder = new TextEncoder();

/** The same document with its non-stream objects in an object stream and an xref stream. */
export function packObjects(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const sx = text.lastIndexOf('startxref\n');
  const xrefAt = Number.parseInt(text.slice(sx + 10), 10);
  if (sx < 0 || !Number.isInteger(xrefAt) || !text.startsWith('xref\n', xrefAt)) throw new Error('render: pdfkit output has no xref table where expected');
  const trailerAt = text.indexOf('trailer\n', xrefAt);
  const table = text.slice(xrefAt, trailerAt).split('\n');
  const spans: ObjectSpan[] = [];
  // Lines: 'xref', '0 N', the free entry 0, then one 'oooooooooo 00000 n ' per object 1…N−1.
  for (let i = 3; i < table.length; i++) {
    const m = /^(\d{10}) 00000 n $/.exec(table[i] ?? '');
    if (m) spans.push({ id: i - 2, start: Number(m[1]), end: 0 });
  }
  spans.sort(byStart);
  for (let i = 0; i < spans.length; i++) spans[i]!.end = spans[i + 1]?.start ?? xrefAt;
  const first = spans[0];
  if (!first) throw new Error('render: pdfkit output has no objects');
  const trailer = text.slice(trailerAt + 8, sx);
  const keep = (key: string): string => {
    const m = new RegExp(`/${key} ([^\\n]+)`).exec(trailer);
    if (!m) throw new Error(`render: pdfkit trailer has no /${key}`);
    return `/${key} ${m[1]}`;
  };

  const out: Uint8Array[] = [pdf.subarray(0, first.start)];
  let offset = first.start;
  const write = (chunk: Uint8Array): void => {
    out.push(chunk);
    offset += chunk.length;
  };
  const size = spans.reduce((n, s) => Math.max(n, s.id), 0) + 3;
  const objStmId = size - 2;
  const xrefId = size - 1;
  // Per object number: [type, field2, field3] of its xref stream entry.
  const entries: Array<[number, number, number]> = Array.from({ length: size }, () => [0, 0, 0]);
  entries[0] = [0, 0, 0xffff];
  const packed: Array<{ id: number; body: string }> = [];
  for (const s of spans) {
    const head = `${s.id} 0 obj\n`;
    const span = text.slice(s.start, s.end);
    if (!span.startsWith(head) || !span.endsWith('\nendobj\n')) throw new Error(`render: pdfkit object ${s.id} is not laid out as expected`);
    if (span.endsWith('\nendstream\nendobj\n')) {
      entries[s.id] = [1, offset, 0];
      write(pdf.subarray(s.start, s.end));
    } else {
      entries[s.id] = [2, objStmId, packed.length];
      packed.push({ id: s.id, body: span.slice(head.length, -'\nendobj\n'.length) });
    }
  }

  // The object stream: 'id offset' pairs, then the objects, each on its own line.
  let bodies = '';
  const index: string[] = [];
  for (const p of packed) {
    index.push(`${p.id} ${bodies.length}`);
    bodies += `${p.body}\n`;
  }
  const indexText = `${index.join(' ')}\n`;
  const objStm = deflate(Buffer.from(indexText + bodies, 'latin1'));
  entries[objStmId] = [1, offset, 0];
  write(encoder.encode(`${objStmId} 0 obj\n<< /Type /ObjStm /N ${packed.length} /First ${indexText.length} /Filter /FlateDecode /Length ${objStm.length} >>\nstream\n`));
  write(objStm);
  write(encoder.encode('\nendstream\nendobj\n'));

  const xrefOffset = offset;
  entries[xrefId] = [1, xrefOffset, 0];
  const w2 = Math.max(1, Math.ceil(Math.log2(xrefOffset + 1) / 8));
  const rows = new Uint8Array(size * (1 + w2 + 2));
  entries.forEach(([type, f2, f3], i) => {
    let at = i * (1 + w2 + 2);
    rows[at++] = type;
    for (let b = w2 - 1; b >= 0; b--) rows[at++] = Math.floor(f2 / 256 ** b) % 256;
    rows[at++] = (f3 >> 8) & 0xff;
    rows[at] = f3 & 0xff;
  });
  const xref = deflate(rows);
  write(
    encoder.encode(
      `${xrefId} 0 obj\n<< /Type /XRef /Size ${size} /W [1 ${w2} 2] ${keep('Root')} ${keep('Info')} ${keep('ID')} /Filter /FlateDecode /Length ${xref.length} >>\nstream\n`,
    ),
  );
  write(xref);
  write(encoder.encode(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`));
  return Buffer.concat(out);
}

function byStart(a: ObjectSpan, b: ObjectSpan): number {
  return a.start - b.start;
}
