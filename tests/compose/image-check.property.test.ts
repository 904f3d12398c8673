// Mutated and truncated PNG/JPEG bytes: the checker answers (a header or a message) quickly
// and never throws; what it accepts, pdfkit embeds without throwing.
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkImageData } from '../../src/compose/image-decode.js';
import { PNG_SIGNATURE, chunk, concat, embedsInPdf, ihdr, makeJpeg, makePng, scanlines } from './image-bytes.js';

const PER_CASE_MS = 500;

function timedCheck(bytes: Uint8Array) {
  const started = performance.now();
  const r = checkImageData(bytes);
  expect(performance.now() - started).toBeLessThan(PER_CASE_MS);
  if (typeof r === 'string') expect(r.length).toBeGreaterThan(0);
  else expect(['png', 'jpeg']).toContain(r.format);
  return r;
}

/** Byte edits: overwrite, insert, delete, truncate. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), value: fc.constant(0) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), value: fc.constant(0) }),
);
type Edit = { kind: 'set' | 'insert' | 'delete' | 'truncate'; at: number; value: number };

function apply(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  let b = Array.from(bytes);
  for (const e of edits) {
    if (b.length === 0) break;
    const at = e.at % b.length;
    if (e.kind === 'set') b[at] = e.value;
    else if (e.kind === 'insert') b.splice(at, 0, e.value);
    else if (e.kind === 'delete') b.splice(at, 1);
    else b = b.slice(0, at);
  }
  return new Uint8Array(b);
}

const samples: Uint8Array[] = [
  makePng(12, 9),
  makePng(7, 5, { colourType: 6 }),
  makePng(9, 4, { colourType: 3, bitDepth: 2 }),
  makePng(5, 5, { colourType: 0, bitDepth: 16 }),
  makeJpeg(24, 16),
  makeJpeg(8, 8, 40),
];

describe('mutated images', () => {
  it('raw byte edits: an answer, never an exception, never slow; accepted ones embed', async () => {
    const accepted: Uint8Array[] = [];
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 4 }), (sample, edits) => {
        const bytes = apply(sample, edits);
        if (typeof timedCheck(bytes) !== 'string' && accepted.length < 40) accepted.push(bytes);
      }),
      { numRuns: 600 },
    );
    for (const bytes of accepted) await expect(embedsInPdf(bytes)).resolves.toBeGreaterThan(0);
  });

  it('PNG image data edited under valid CRCs: the decoder itself must catch it', async () => {
    const accepted: Uint8Array[] = [];
    fc.assert(
      fc.property(
        fc.constantFrom<[number, number, number, number]>([10, 6, 8, 2], [6, 6, 8, 6], [9, 3, 4, 0], [5, 4, 8, 3]),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        ([w, h, depth, colour], edits, onRaw) => {
          const raw = scanlines(w, h, depth, colour);
          const idat = onRaw ? deflateSync(apply(raw, edits)) : apply(deflateSync(raw), edits);
          const palette = colour === 3 ? [chunk('PLTE', new Uint8Array([0, 0, 0, 255, 255, 255]))] : [];
          const png = concat(PNG_SIGNATURE, ihdr(w, h, depth, colour), ...palette, chunk('IDAT', idat), chunk('IEND'));
          if (typeof timedCheck(png) !== 'string' && accepted.length < 40) accepted.push(png);
        },
      ),
      { numRuns: 400 },
    );
    for (const bytes of accepted) await expect(embedsInPdf(bytes)).resolves.toBeGreaterThan(0);
  });

  it('every single-byte change of a JPEG header region is answered', () => {
    const jpeg = makeJpeg(16, 16);
    const copy = jpeg.slice();
    for (let i = 2; i < Math.min(jpeg.length, 700); i++) {
      for (const v of [0x00, 0xff, copy[i]! ^ 0x80]) {
        const b = jpeg.slice();
        b[i] = v;
        timedCheck(b);
      }
    }
  });
});
