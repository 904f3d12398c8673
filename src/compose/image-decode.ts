// A PNG or JPEG checked all the way through before it goes near pdfkit. pdfkit copies a JPEG
// and (for most PNGs) the IDAT stream into the PDF unchanged, so a corrupt file does not fail
// here: it becomes a PDF that viewers draw as garbage or refuse to open. And a small file can
// declare an enormous image (a "decompression bomb") that would eat all memory when decoded.
// So: the pixel count from the header is checked before anything is decoded, a PNG's zlib
// stream is inflated with an output cap equal to exactly what its header promises, and a
// JPEG's markers are walked to the end-of-image marker.
import { inflateSync } from 'node:zlib';
import { describeSize, formatSize } from '../bounded-file.js';
import type { ImageHeader } from './image-size.js';

export const DEFAULT_MAX_IMAGE_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_IMAGE_PIXELS = 40_000_000;

export interface ImageLimits {
  /** Largest file accepted, in bytes (default DEFAULT_MAX_IMAGE_BYTES, 20 MB). */
  maxImageBytes?: number;
  /** Largest width × height accepted (default DEFAULT_MAX_IMAGE_PIXELS, 40 megapixels). */
  maxImagePixels?: number;
}

export interface ResolvedImageLimits {
  maxImageBytes: number;
  maxImagePixels: number;
}

export function resolveImageLimits(limits: ImageLimits = {}): ResolvedImageLimits {
  return {
    maxImageBytes: limits.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES,
    maxImagePixels: limits.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS,
  };
}

function megapixels(n: number): string {
  return `${+(n / 1e6).toFixed(1)} megapixels`;
}

function pixelProblem(width: number, height: number, limits: ResolvedImageLimits): string | undefined {
  if (width === 0 || height === 0) return 'image has no pixels';
  const pixels = width * height;
  if (pixels > limits.maxImagePixels) {
    return `image is ${width}×${height} pixels (${megapixels(pixels)}), over the limit of ${megapixels(limits.maxImagePixels)}`;
  }
  return undefined;
}

// ---- PNG ----------------------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u16(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

function u32(b: Uint8Array, i: number): number {
  return u16(b, i) * 65536 + u16(b, i + 2);
}

/** Allowed bit depths per PNG colour type, and samples per pixel. */
const PNG_COLOUR_TYPES: Record<number, { depths: readonly number[]; channels: number; name: string }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1, name: 'greyscale' },
  2: { depths: [8, 16], channels: 3, name: 'RGB' },
  3: { depths: [1, 2, 4, 8], channels: 1, name: 'palette' },
  4: { depths: [8, 16], channels: 2, name: 'greyscale with alpha' },
  6: { depths: [8, 16], channels: 4, name: 'RGBA' },
};

/** Adam7: [x start, y start, x step, y step] of the seven passes. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** [rows, bytes per row without the filter byte] of each pass (one pass when not interlaced). */
function scanlinePasses(width: number, height: number, bitsPerPixel: number, interlaced: boolean): Array<[number, number]> {
  const rowBytes = (w: number): number => Math.ceil((w * bitsPerPixel) / 8);
  if (!interlaced) return [[height, rowBytes(width)]];
  const out: Array<[number, number]> = [];
  for (const [x0, y0, dx, dy] of ADAM7) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w > 0 && h > 0) out.push([h, rowBytes(w)]);
  }
  return out;
}

function isChunkType(b: Uint8Array, i: number): boolean {
  for (let k = 0; k < 4; k++) {
    const c = b[i + k] ?? 0;
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return true;
}

function checkPng(b: Uint8Array, limits: ResolvedImageLimits): ImageHeader | string {
  let width = 0;
  let height = 0;
  let colourType = -1;
  let bitDepth = 0;
  let interlaced = false;
  let sawPalette = false;
  let sawIend = false;
  let idatState: 'before' | 'in' | 'after' = 'before';
  const idat: Uint8Array[] = [];
  let idatLength = 0;
  let i = 8;
  let first = true;
  while (i < b.length) {
    if (i + 12 > b.length) return 'PNG file is truncated (a chunk header is cut off)';
    const length = u32(b, i);
    if (length > 0x7fffffff) return 'PNG file is corrupt (a chunk length is out of range)';
    if (!isChunkType(b, i + 4)) return 'PNG file is corrupt (a chunk has an invalid type)';
    const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    const dataStart = i + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > b.length) return `PNG file is truncated (the ${type} chunk is cut off)`;
    if (crc32(b, i + 4, dataEnd) !== u32(b, dataEnd)) return `PNG file is corrupt (the ${type} chunk fails its CRC check)`;
    if (first && type !== 'IHDR') return 'PNG file is corrupt (it does not start with an IHDR chunk)';
    if (type === 'IHDR') {
      if (!first) return 'PNG file is corrupt (a second IHDR chunk)';
      if (length !== 13) return 'PNG file is corrupt (the IHDR chunk has the wrong length)';
      width = u32(b, dataStart);
      height = u32(b, dataStart + 4);
      if (width > 0x7fffffff || height > 0x7fffffff) return 'PNG file is corrupt (width or height is out of range)';
      const tooBig = pixelProblem(width, height, limits);
      if (tooBig) return tooBig;
      bitDepth = b[dataStart + 8]!;
      colourType = b[dataStart + 9]!;
      const colour = PNG_COLOUR_TYPES[colourType];
      if (!colour) return `PNG file is corrupt (colour type ${colourType} does not exist)`;
      if (!colour.depths.includes(bitDepth)) {
        return `PNG file is corrupt (bit depth ${bitDepth} is not allowed for ${colour.name} images)`;
      }
      if (b[dataStart + 10] !== 0) return 'PNG file uses an unknown compression method';
      if (b[dataStart + 11] !== 0) return 'PNG file uses an unknown filter method';
      const interlace = b[dataStart + 12]!;
      if (interlace > 1) return 'PNG file uses an unknown interlace method';
      interlaced = interlace === 1;
    } else if (type === 'PLTE') {
      if (idatState !== 'before') return 'PNG file is corrupt (the palette comes after the image data)';
      if (length === 0 || length % 3 !== 0 || length > 768) return 'PNG file is corrupt (the palette has a wrong length)';
      if (colourType === 0 || colourType === 4) return 'PNG file is corrupt (a greyscale image has a palette)';
      sawPalette = true;
    } else if (type === 'IDAT') {
      if (idatState === 'after') return 'PNG file is corrupt (its image data chunks are not consecutive)';
      if (colourType === 3 && !sawPalette) return 'PNG file is corrupt (a palette image without a palette)';
      idatState = 'in';
      idat.push(b.subarray(dataStart, dataEnd));
      idatLength += length;
    } else if (type === 'IEND') {
      sawIend = true;
      break;
    } else {
      if (idatState === 'in') idatState = 'after';
      // An unknown chunk that is critical (upper-case first letter) cannot be skipped safely.
      if ((b[i + 4]! & 0x20) === 0) return `PNG file has an unknown critical chunk "${type}"`;
    }
    first = false;
    i = dataEnd + 4;
  }
  if (first) return 'PNG file is truncated (no IHDR chunk)';
  if (idat.length === 0) return 'PNG file has no image data (no IDAT chunk)';
  if (!sawIend) return 'PNG file is truncated (no IEND chunk)';

  const bitsPerPixel = PNG_COLOUR_TYPES[colourType]!.channels * bitDepth;
  const passes = scanlinePasses(width, height, bitsPerPixel, interlaced);
  const expected = passes.reduce((sum, [rows, bytes]) => sum + rows * (bytes + 1), 0);
  let pixels: Uint8Array;
  try {
    const stream = new Uint8Array(idatLength);
    let at = 0;
    for (const part of idat) {
      stream.set(part, at);
      at += part.length;
    }
    // The cap is what the header promises: a bomb stops at that size, not at memory's end.
    pixels = inflateSync(stream, { maxOutputLength: Math.max(1, expected) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return 'PNG image data is corrupt (it holds more pixels than its header says)';
    if (code === 'Z_BUF_ERROR') return 'PNG image data is truncated (the compressed stream ends early)';
    return 'PNG image data is corrupt (the compressed stream cannot be decompressed)';
  }
  if (pixels.length !== expected) {
    return `PNG image data is truncated (${pixels.length} of ${expected} bytes after decompression)`;
  }
  let row = 0;
  for (const [rows, bytes] of passes) {
    for (let r = 0; r < rows; r++, row += bytes + 1) {
      if (pixels[row]! > 4) return `PNG image data is corrupt (a scanline has filter type ${pixels[row]!}; only 0–4 exist)`;
    }
  }
  return { format: 'png', width, height };
}

// ---- JPEG ---------------------------------------------------------------------------------

/** Frame kinds a PDF's DCTDecode filter (and so pdfkit) can carry: baseline and progressive. */
const SUPPORTED_SOF = new Set([0xc0, 0xc1, 0xc2]);
const SOF_NAMES: Record<number, string> = {
  0xc3: 'lossless',
  0xc5: 'hierarchical',
  0xc6: 'hierarchical progressive',
  0xc7: 'hierarchical lossless',
  0xc9: 'arithmetic-coded',
  0xca: 'arithmetic-coded progressive',
  0xcb: 'arithmetic-coded lossless',
  0xcd: 'hierarchical arithmetic-coded',
  0xce: 'hierarchical arithmetic-coded progressive',
  0xcf: 'hierarchical arithmetic-coded lossless',
};
/** pdfkit's list of frame markers: it stops at the first of these it meets. */
const PDFKIT_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf]);

/** Where pdfkit's own marker walk (lib/image/jpeg.js) finds the frame header, or -1. */
function pdfkitFrameOffset(b: Uint8Array): number {
  let pos = 2;
  while (pos < b.length) {
    while (pos < b.length && b[pos] !== 0xff) pos++;
    if (pos >= b.length) return -1;
    const marker = u16(b, pos);
    pos += 2;
    if (PDFKIT_SOF.has(marker & 0xff) && marker >> 8 === 0xff) return pos - 2;
    pos += u16(b, pos);
  }
  return -1;
}

function checkJpeg(b: Uint8Array, limits: ResolvedImageLimits): ImageHeader | string {
  let i = 2;
  let frame: { width: number; height: number; at: number } | undefined;
  let scans = 0;
  for (;;) {
    if (i + 2 > b.length) return 'JPEG file is truncated (it ends before the end-of-image marker)';
    if (b[i] !== 0xff) return 'JPEG file is corrupt (a marker was expected)';
    let marker = b[i + 1]!;
    while (marker === 0xff) {
      // Fill bytes before a marker.
      i++;
      if (i + 2 > b.length) return 'JPEG file is truncated (it ends before the end-of-image marker)';
      marker = b[i + 1]!;
    }
    if (marker === 0xd9) break;
    if (marker === 0xd8) return 'JPEG file is corrupt (a second start-of-image marker)';
    if (marker === 0x00 || (marker >= 0x02 && marker <= 0xbf)) return 'JPEG file is corrupt (an invalid marker)';
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (i + 4 > b.length) return 'JPEG file is truncated (a segment header is cut off)';
    const length = u16(b, i + 2);
    if (length < 2) return 'JPEG file is corrupt (a segment has an impossible length)';
    const end = i + 2 + length;
    if (end > b.length) return 'JPEG file is truncated (a segment is cut off)';
    const s = i + 4;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (!SUPPORTED_SOF.has(marker)) {
        return `JPEG file is ${SOF_NAMES[marker] ?? 'of an unknown kind'}, which PDF cannot embed (only baseline and progressive JPEG)`;
      }
      if (frame) return 'JPEG file is corrupt (a second frame header)';
      if (length < 8) return 'JPEG file is corrupt (the frame header is too short)';
      const precision = b[s]!;
      const height = u16(b, s + 1);
      const width = u16(b, s + 3);
      const components = b[s + 5]!;
      if (precision !== 8) return `JPEG file uses ${precision}-bit samples; only 8-bit JPEG can be embedded`;
      if (height === 0) return 'JPEG file does not give its height in the frame header, which PDF cannot embed';
      const tooBig = pixelProblem(width, height, limits);
      if (tooBig) return tooBig;
      if (components !== 1 && components !== 3 && components !== 4) {
        return `JPEG file has ${components} colour components; only 1 (grey), 3 (RGB/YCbCr) or 4 (CMYK) can be embedded`;
      }
      if (length !== 8 + 3 * components) return 'JPEG file is corrupt (the frame header has the wrong length)';
      for (let c = 0; c < components; c++) {
        const sampling = b[s + 7 + 3 * c]!;
        const h = sampling >> 4;
        const v = sampling & 15;
        if (h < 1 || h > 4 || v < 1 || v > 4 || b[s + 8 + 3 * c]! > 3) return 'JPEG file is corrupt (a component is described wrongly)';
      }
      frame = { width, height, at: i };
      i = end;
      continue;
    }
    if (marker === 0xda) {
      if (!frame) return 'JPEG file is corrupt (image data before the frame header)';
      const n = b[s]!;
      if (n < 1 || n > 4 || length !== 6 + 2 * n) return 'JPEG file is corrupt (a scan header is wrong)';
      scans++;
      // Entropy-coded data runs to the next marker that is not a stuffed 00 or a restart.
      let j = end;
      for (;;) {
        while (j < b.length && b[j] !== 0xff) j++;
        if (j + 1 >= b.length) return 'JPEG file is truncated (it ends inside the image data)';
        const next = b[j + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
          j += 2;
          continue;
        }
        if (next === 0xff) {
          j += 1;
          continue;
        }
        break;
      }
      i = j;
      continue;
    }
    i = end;
  }
  if (!frame) return 'JPEG file has no frame header';
  if (scans === 0) return 'JPEG file has no image data (no scan)';
  if (pdfkitFrameOffset(b) !== frame.at) return 'JPEG file lays out its markers in a way the PDF writer cannot read';
  return { format: 'jpeg', width: frame.width, height: frame.height };
}

/**
 * Checks that `bytes` are a complete, well-formed PNG or JPEG within `limits`; its format and
 * size, or a sentence saying what is wrong. Never throws.
 */
export function checkImageData(bytes: Uint8Array, limits: ImageLimits = {}): ImageHeader | string {
  const resolved = resolveImageLimits(limits);
  if (bytes.length === 0) return 'the file is empty';
  if (bytes.length > resolved.maxImageBytes) return `the file is ${describeSize(bytes.length)}, over the limit of ${formatSize(resolved.maxImageBytes)}`;
  try {
    if (PNG_SIGNATURE.every((v, k) => bytes[k] === v)) return checkPng(bytes, resolved);
    if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return checkJpeg(bytes, resolved);
  } catch (e) {
    // A bug here must still be a message about the image, never a crash of the build.
    return `image could not be checked (${e instanceof Error ? e.message : String(e)})`;
  }
  if (bytes.length >= 4 && PNG_SIGNATURE.slice(1, 4).every((v, k) => bytes[k + 1] === v)) {
    return 'PNG file is corrupt (its signature is damaged, as by a text-mode transfer)';
  }
  return 'not a PNG or JPEG file';
}
