// Just enough of PNG and JPEG to know an image's format and pixel size before layout, and to
// refuse a file that is neither (the PDF writer would fail much later, far from the input).

export interface ImageHeader {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function u16(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

function u32(b: Uint8Array, i: number): number {
  return u16(b, i) * 65536 + u16(b, i + 2);
}

function readPng(b: Uint8Array): ImageHeader | string {
  if (b.length < 33) return 'PNG file is truncated';
  const type = String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0);
  if (type !== 'IHDR') return 'PNG file has no IHDR chunk';
  const width = u32(b, 16);
  const height = u32(b, 20);
  if (width === 0 || height === 0) return 'PNG image has no pixels';
  return { format: 'png', width, height };
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range.
function isStartOfFrame(m: number): boolean {
  return m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
}

function readJpeg(b: Uint8Array): ImageHeader | string {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return 'JPEG file is corrupt';
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const len = u16(b, i + 2);
    if (len < 2) return 'JPEG file is corrupt';
    if (isStartOfFrame(marker)) {
      if (i + 9 > b.length) return 'JPEG file is truncated';
      const height = u16(b, i + 5);
      const width = u16(b, i + 7);
      if (width === 0 || height === 0) return 'JPEG image has no pixels';
      return { format: 'jpeg', width, height };
    }
    i += 2 + len;
  }
  return 'JPEG file has no frame header';
}

/** The image's format and size, or a message saying why the bytes are not a usable image. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | string {
  if (PNG_SIGNATURE.every((v, i) => bytes[i] === v)) return readPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return readJpeg(bytes);
  return 'not a PNG or JPEG file';
}
