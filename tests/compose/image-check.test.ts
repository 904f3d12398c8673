// The image checks: every defence against hostile or broken image files, with bytes built here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_IMAGE_BYTES,
  DEFAULT_MAX_IMAGE_PIXELS,
  checkImageData,
  crc32,
  type ImageLimits,
} from '../../src/compose/image-decode.js';
import { fileImageLoader, loadImage, loadImageBytes } from '../../src/compose/images.js';
import { IssueValidationError } from '../../src/errors.js';
import { PNG_SIGNATURE, chunk, concat, crc, embedsInPdf, ihdr, makeJpeg, makePng, segmentOffset } from './image-bytes.js';

const POINTER = '/articles/0/body/3';

function refusal(bytes: Uint8Array, limits?: ImageLimits): string {
  const r = checkImageData(bytes, limits);
  if (typeof r !== 'string') throw new Error(`expected a refusal, got ${JSON.stringify(r)}`);
  return r;
}

/** Raw scanlines of an Adam7-interlaced 8-bit RGB image: every pass, filter 0. */
function interlacedRaw(width: number, height: number): Uint8Array {
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ];
  const parts: number[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((width - x0!) / dx!);
    const h = Math.ceil((height - y0!) / dy!);
    if (w <= 0 || h <= 0) continue;
    for (let r = 0; r < h; r++) parts.push(0, ...new Array<number>(w * 3).fill(r * 20));
  }
  return new Uint8Array(parts);
}

describe('limits', () => {
  it('exports the defaults: 20 MB and 40 megapixels', () => {
    expect(DEFAULT_MAX_IMAGE_BYTES).toBe(20 * 1024 * 1024);
    expect(DEFAULT_MAX_IMAGE_PIXELS).toBe(40_000_000);
  });

  it('refuses more bytes or pixels than the limits given', () => {
    const png = makePng(20, 20);
    expect(checkImageData(png)).toEqual({ format: 'png', width: 20, height: 20 });
    expect(refusal(png, { maxImagePixels: 399 })).toMatch(/20×20 pixels .* over the limit/);
    expect(refusal(png, { maxImageBytes: png.length - 1 })).toBe(`the file is ${png.length} bytes, over the limit of ${png.length - 1} bytes`);
    expect(checkImageData(png, { maxImagePixels: 400, maxImageBytes: png.length })).toMatchObject({ format: 'png' });
  });

  it('uses its own CRC-32 (the PNG one)', () => {
    const b = new TextEncoder().encode('IEND');
    expect(crc32(b)).toBe(0xae426082);
    expect(crc32(b)).toBe(crc(b));
  });
});

describe('PNG', () => {
  const combos: Array<[number, number]> = [
    [0, 1], [0, 2], [0, 4], [0, 8], [0, 16],
    [2, 8], [2, 16],
    [3, 1], [3, 2], [3, 4], [3, 8],
    [4, 8], [4, 16],
    [6, 8], [6, 16],
  ];
  it.each(combos)('accepts colour type %i at bit depth %i, and pdfkit embeds it', async (colourType, bitDepth) => {
    const png = makePng(13, 7, { colourType, bitDepth });
    expect(checkImageData(png)).toEqual({ format: 'png', width: 13, height: 7 });
    await expect(embedsInPdf(png)).resolves.toBeGreaterThan(0);
  });

  it('accepts an interlaced image', async () => {
    const png = concat(PNG_SIGNATURE, ihdr(11, 9, 8, 2, 1), chunk('IDAT', deflateSync(interlacedRaw(11, 9))), chunk('IEND'));
    expect(checkImageData(png)).toEqual({ format: 'png', width: 11, height: 9 });
    await expect(embedsInPdf(png)).resolves.toBeGreaterThan(0);
  });

  it('accepts image data split over several IDAT chunks, and ancillary chunks', () => {
    const z = deflateSync(makePngRaw(8, 8));
    const png = concat(
      PNG_SIGNATURE, ihdr(8, 8), chunk('tEXt', new TextEncoder().encode('a\0b')),
      chunk('IDAT', z.subarray(0, 10)), chunk('IDAT', z.subarray(10)), chunk('IEND'),
    );
    expect(checkImageData(png)).toMatchObject({ width: 8, height: 8 });
  });

  it('refuses a sound header with garbage image data', () => {
    const png = makePng(16, 16, { idat: new Uint8Array(200).map((_, i) => (i * 37 + 11) & 0xff) });
    expect(refusal(png)).toMatch(/PNG image data is corrupt/);
  });

  it('refuses colour type 7 and impossible bit depths', () => {
    expect(refusal(makePng(4, 4, { colourType: 7, raw: new Uint8Array(20) }))).toMatch(/colour type 7 does not exist/);
    expect(refusal(makePng(4, 4, { colourType: 3, bitDepth: 16, raw: new Uint8Array(36) }))).toMatch(/bit depth 16 is not allowed for palette/);
    expect(refusal(makePng(4, 4, { colourType: 2, bitDepth: 4, raw: new Uint8Array(12) }))).toMatch(/bit depth 4 is not allowed for RGB/);
  });

  it('refuses a 60-byte file declaring 100000×100000 RGBA before inflating anything', () => {
    const png = concat(PNG_SIGNATURE, ihdr(100000, 100000, 8, 6), chunk('IDAT', new Uint8Array([0x78, 0x9c, 0x03])), chunk('IEND'));
    expect(png.length).toBe(60);
    expect(refusal(png)).toBe('image is 100000×100000 pixels (10000 megapixels), over the limit of 40 megapixels');
  });

  it('stops a decompression bomb at the size its header promises', () => {
    const bomb = makePng(100, 100, { idat: deflateSync(new Uint8Array(20 * 1024 * 1024)) });
    const started = performance.now();
    expect(refusal(bomb)).toMatch(/more pixels than its header says/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses too little image data', () => {
    expect(refusal(makePng(10, 10, { raw: new Uint8Array(300) }))).toMatch(/truncated \(300 of 310 bytes/);
  });

  it('refuses a scanline filter type other than 0–4', () => {
    const raw = makePngRaw(6, 6);
    raw[3 * 19] = 5;
    expect(refusal(makePng(6, 6, { raw }))).toMatch(/filter type 5/);
  });

  it('refuses a chunk whose CRC is wrong', () => {
    expect(refusal(concat(PNG_SIGNATURE, chunk('IHDR', ihdr(4, 4).subarray(8, 21), 1234), chunk('IEND')))).toMatch(/IHDR chunk fails its CRC/);
    const png = makePng(4, 4);
    png[png.length - 20] = png[png.length - 20]! ^ 1; // inside IDAT
    expect(refusal(png)).toMatch(/IDAT chunk fails its CRC/);
  });

  it('refuses every truncation of a valid file', () => {
    const png = makePng(9, 9);
    for (let n = 1; n < png.length; n++) expect(typeof checkImageData(png.subarray(0, n)), `length ${n}`).toBe('string');
  });

  it('refuses chunks out of order or missing', () => {
    const z = chunk('IDAT', deflateSync(makePngRaw(4, 4)));
    expect(refusal(concat(PNG_SIGNATURE, z, chunk('IEND')))).toMatch(/does not start with an IHDR/);
    expect(refusal(concat(PNG_SIGNATURE, ihdr(4, 4), chunk('IEND')))).toMatch(/no IDAT/);
    expect(refusal(concat(PNG_SIGNATURE, ihdr(4, 4), z))).toMatch(/no IEND/);
    expect(refusal(concat(PNG_SIGNATURE, ihdr(4, 4), ihdr(4, 4), z, chunk('IEND')))).toMatch(/second IHDR/);
    expect(refusal(concat(PNG_SIGNATURE, ihdr(4, 4), z, chunk('tEXt', new Uint8Array([97, 0])), z, chunk('IEND')))).toMatch(/not consecutive/);
    expect(refusal(concat(PNG_SIGNATURE, ihdr(4, 4, 8, 3), z, chunk('IEND')))).toMatch(/without a palette/);
    expect(refusal(concat(PNG_SIGNATURE, ihdr(4, 4), chunk('ABCD', new Uint8Array(1)), z, chunk('IEND')))).toMatch(/unknown critical chunk "ABCD"/);
    expect(refusal(concat(PNG_SIGNATURE, ihdr(0, 4), z, chunk('IEND')))).toMatch(/no pixels/);
  });

  it('names a signature damaged by a text-mode transfer', () => {
    const png = makePng(4, 4);
    const damaged = concat(png.subarray(0, 4), png.subarray(5)); // CR LF → LF
    expect(refusal(damaged)).toMatch(/signature is damaged/);
  });
});

function makePngRaw(width: number, height: number): Uint8Array {
  const raw = new Uint8Array(height * (width * 3 + 1));
  for (let i = 0; i < raw.length; i++) raw[i] = i % (width * 3 + 1) === 0 ? 1 : (i * 5) & 0xff;
  return raw;
}

describe('JPEG', () => {
  const jpeg = makeJpeg(40, 30);
  const sof = segmentOffset(jpeg, 0xc0);
  const patched = (f: (b: Uint8Array) => void): Uint8Array => {
    const b = jpeg.slice();
    f(b);
    return b;
  };

  it('accepts a real baseline JPEG, and pdfkit embeds it', async () => {
    expect(sof).toBeGreaterThan(0);
    expect(checkImageData(jpeg)).toEqual({ format: 'jpeg', width: 40, height: 30 });
    await expect(embedsInPdf(jpeg)).resolves.toBeGreaterThan(0);
  });

  it('accepts extended (SOF1) and progressive (SOF2) frame headers', () => {
    expect(checkImageData(patched((b) => (b[sof + 1] = 0xc1)))).toMatchObject({ format: 'jpeg' });
    expect(checkImageData(patched((b) => (b[sof + 1] = 0xc2)))).toMatchObject({ format: 'jpeg' });
  });

  it.each([
    [0xc3, /lossless/],
    [0xc5, /hierarchical/],
    [0xc9, /arithmetic-coded/],
  ])('refuses frame kind %i, which PDF cannot embed', (marker, message) => {
    expect(refusal(patched((b) => (b[sof + 1] = marker)))).toMatch(message);
  });

  it('refuses a JPEG declaring 65535×65535', () => {
    const big = patched((b) => b.set([0xff, 0xff, 0xff, 0xff], sof + 5));
    expect(refusal(big)).toBe('image is 65535×65535 pixels (4294.8 megapixels), over the limit of 40 megapixels');
  });

  it('refuses a frame header without height, of 12-bit samples, or with 2 components', () => {
    expect(refusal(patched((b) => b.set([0, 0], sof + 5)))).toMatch(/does not give its height/);
    expect(refusal(patched((b) => (b[sof + 4] = 12)))).toMatch(/12-bit samples/);
    expect(refusal(patched((b) => (b[sof + 9] = 2)))).toMatch(/2 colour components/);
  });

  it('refuses every truncation of a real file', () => {
    for (let n = 0; n < jpeg.length; n++) expect(typeof checkImageData(jpeg.subarray(0, n)), `length ${n}`).toBe('string');
    expect(refusal(jpeg.subarray(0, jpeg.length - 2))).toMatch(/truncated/);
    expect(refusal(jpeg.subarray(0, sof + 6))).toMatch(/truncated/);
  });

  it('refuses a corrupt marker sequence', () => {
    expect(refusal(patched((b) => (b[sof] = 0x12)))).toMatch(/marker was expected/);
    expect(refusal(patched((b) => (b[sof + 1] = 0x05)))).toMatch(/invalid marker/);
    expect(refusal(patched((b) => b.set([0, 1], sof + 2)))).toMatch(/impossible length/);
    const sos = segmentOffset(jpeg, 0xc4) >= 0 ? jpeg.indexOf(0xda, sof) - 1 : -1;
    expect(sos).toBeGreaterThan(sof);
    expect(refusal(concat(jpeg.subarray(0, sof), jpeg.subarray(sos)))).toMatch(/before the frame header/);
  });

  it('refuses markers laid out so that pdfkit would misread the frame', () => {
    // A restart marker before the frame header: legal-looking, but pdfkit's walk trips on it.
    const odd = concat(jpeg.subarray(0, sof), new Uint8Array([0xff, 0xd0]), jpeg.subarray(sof));
    expect(refusal(odd)).toMatch(/PDF writer cannot read/);
  });
});

describe('other input', () => {
  it('refuses empty input and bytes that are neither format', () => {
    expect(refusal(new Uint8Array(0))).toBe('the file is empty');
    expect(refusal(new TextEncoder().encode('GIF89a'))).toBe('not a PNG or JPEG file');
  });

  it('in-memory bytes get the same checks and errors at the pointer given', () => {
    expect(loadImageBytes(makePng(3, 2), POINTER)).toMatchObject({ format: 'png', width: 3, height: 2 });
    try {
      loadImageBytes(makePng(4, 4, { colourType: 7, raw: new Uint8Array(20) }), POINTER, {}, 'upload "x.png"');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IssueValidationError);
      expect((e as IssueValidationError).errors).toMatchObject([{ pointer: POINTER, message: 'upload "x.png": PNG file is corrupt (colour type 7 does not exist)' }]);
    }
  });
});

describe('files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-image-check-'));
  mkdirSync(path.join(dir, 'images'));
  writeFileSync(path.join(dir, 'images', 'ok.png'), makePng(5, 5));
  writeFileSync(path.join(dir, 'images', 'big.png'), makePng(50, 50, { raw: new Uint8Array(50 * 151).map((_, i) => (i * 7919) & 0xff).map((v, i) => (i % 151 === 0 ? 0 : v)) }));
  writeFileSync(path.join(dir, 'images', 'bad.png'), makePng(16, 16, { idat: new Uint8Array(64).fill(7) }));
  writeFileSync(path.join(dir, 'images', 'empty.png'), new Uint8Array(0));
  let fifo: string | undefined = path.join(dir, 'images', 'pipe.png');
  try {
    execFileSync('mkfifo', [fifo]);
  } catch {
    fifo = undefined;
  }

  const messageOf = (src: string, limits?: ImageLimits): string => {
    try {
      loadImage(src, dir, POINTER, fileImageLoader, limits);
    } catch (e) {
      if (!(e instanceof IssueValidationError)) throw e;
      expect(e.errors).toHaveLength(1);
      expect(e.errors[0]!.pointer).toBe(POINTER);
      return e.errors[0]!.message;
    }
    throw new Error(`${src} was accepted`);
  };

  it('loads a good image', () => {
    expect(loadImage('images/ok.png', dir, POINTER, fileImageLoader)).toMatchObject({ format: 'png', width: 5, height: 5 });
  });

  it('says an empty src is empty and a folder is a folder, not that they lead outside', () => {
    expect(messageOf('')).toMatch(/^image path is empty/);
    expect(messageOf('.')).toBe(`image "." is the issue's folder, not an image file`);
    expect(messageOf('images')).toBe('image "images" is a folder, not an image file');
    expect(messageOf('images/')).toBe('image "images/" is a folder, not an image file');
  });

  it.skipIf(fifo === undefined)('refuses a FIFO without blocking on it', () => {
    const started = performance.now();
    expect(messageOf('images/pipe.png')).toBe('image "images/pipe.png" is a named pipe (FIFO), not an image file');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a file over the size limit before decoding it', () => {
    expect(messageOf('images/big.png', { maxImageBytes: 100 })).toMatch(/^image "images\/big.png" is \d+ bytes, over the limit of 100 bytes$/);
  });

  it('refuses corrupt and empty files, naming the file', () => {
    expect(messageOf('images/bad.png')).toMatch(/^image "images\/bad.png": PNG image data is corrupt/);
    expect(messageOf('images/empty.png')).toBe('image "images/empty.png": the file is empty');
  });

  it('passes the size limit to a custom loader', () => {
    const seen: number[] = [];
    loadImage('images/ok.png', dir, POINTER, { read: (p, max) => (seen.push(max), fileImageLoader.read(p, max)), realpath: fileImageLoader.realpath }, { maxImageBytes: 12345 });
    expect(seen).toEqual([12345]);
  });
});
