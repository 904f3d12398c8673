// Real, crafted and broken PNG/JPEG bytes, made in code (zlib + CRC for PNG, the canvas
// encoder for JPEG) so the image checks are tested against files whose every byte we know.
import { deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One PNG chunk: length, type, data and (a correct, unless given) CRC. */
export function chunk(type: string, data: Uint8Array = new Uint8Array(0), crcValue?: number): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crcValue ?? crc(out.subarray(4, 8 + data.length)));
  return out;
}

export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function ihdr(width: number, height: number, bitDepth = 8, colourType = 2, interlace = 0): Uint8Array {
  const d = new Uint8Array(13);
  const dv = new DataView(d.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  d[8] = bitDepth;
  d[9] = colourType;
  d[12] = interlace;
  return chunk('IHDR', d);
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Raw scanlines (filter byte + row) of a non-interlaced image: a gradient, filters cycling 0–4. */
export function scanlines(width: number, height: number, bitDepth = 8, colourType = 2): Uint8Array {
  const rowBytes = Math.ceil((width * (CHANNELS[colourType] ?? 1) * bitDepth) / 8);
  const raw = new Uint8Array(height * (rowBytes + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (rowBytes + 1)] = y % 5;
    for (let x = 0; x < rowBytes; x++) raw[y * (rowBytes + 1) + 1 + x] = colourType === 3 ? 0 : (x * 7 + y * 13) & 0xff;
  }
  return raw;
}

export interface PngOptions {
  bitDepth?: number;
  colourType?: number;
  /** Replaces the (deflated) image data. */
  idat?: Uint8Array;
  /** Replaces the raw scanlines before deflating. */
  raw?: Uint8Array;
  /** Extra chunks placed before IDAT. */
  before?: Uint8Array[];
}

export function makePng(width: number, height: number, o: PngOptions = {}): Uint8Array {
  const bitDepth = o.bitDepth ?? 8;
  const colourType = o.colourType ?? 2;
  const raw = o.raw ?? scanlines(width, height, bitDepth, colourType);
  const palette = colourType === 3 ? [chunk('PLTE', new Uint8Array([0, 0, 0, 255, 255, 255]))] : [];
  return concat(
    PNG_SIGNATURE,
    ihdr(width, height, bitDepth, colourType),
    ...palette,
    ...(o.before ?? []),
    chunk('IDAT', o.idat ?? deflateSync(raw)),
    chunk('IEND'),
  );
}

/** A real JPEG from the canvas encoder (baseline, 4:2:0). */
export function makeJpeg(width: number, height: number, quality = 80): Uint8Array {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const g = ctx.createLinearGradient(0, 0, width, height);
  g.addColorStop(0, '#204080');
  g.addColorStop(1, '#e0c040');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, width, height);
  return new Uint8Array(canvas.encodeSync('jpeg', quality));
}

/** Offset of the first marker 0xFF `marker` that begins a segment (walks the segments). */
export function segmentOffset(jpeg: Uint8Array, marker: number): number {
  let i = 2;
  while (i + 4 <= jpeg.length) {
    if (jpeg[i + 1] === marker) return i;
    if (jpeg[i + 1] === 0xda || jpeg[i + 1] === 0xd9) return -1;
    i += 2 + ((jpeg[i + 2]! << 8) | jpeg[i + 3]!);
  }
  return -1;
}

/** Embeds the image in a throwaway PDF; resolves when pdfkit has written it. */
export function embedsInPdf(bytes: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    try {
      const doc = new PDFDocument({ autoFirstPage: true, compress: false });
      let size = 0;
      doc.on('data', (d: Buffer) => (size += d.length));
      doc.on('end', () => resolve(size));
      doc.on('error', reject);
      doc.image(Buffer.from(bytes), 10, 10, { width: 50 });
      doc.end();
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
