// The bundled faces, opened once per process and shared by every document: re-opening a
// 14 MiB TrueType file per document is most of pdfkit's fixed cost (fonts.md §3).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { readBoundedFile, unreadReason } from '../bounded-file.js';

/** Larger than any CJK face (the bundled full faces are 15 MB). */
const MAX_FALLBACK_FONT_BYTES = 64 * 1024 * 1024;
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { registerFaceData } from './face-data.js';

/** A face id is its file name without extension: 'NotoSerifSC-Regular'. */
export interface FontSet {
  readonly dir: string;
  readonly faces: ReadonlyMap<string, fontkit.Font>;
  /** Ids of the caller's fallback faces (also in `faces`), in order: appended to every font chain. */
  readonly fallback?: readonly string[];
}

/** A fallback face as the caller gives it: a TrueType/OpenType file's path, or its bytes. */
export type FallbackFont = string | Uint8Array;

/** fonts/ of this package: two levels above both src/text/ and dist/text/. */
export const bundledFontDir = fileURLToPath(new URL('../../fonts/', import.meta.url));

export const bundledFaceFiles = [
  'NotoSerifSC-Regular.ttf',
  'NotoSerifSC-Bold.ttf',
  'NotoSerifSC-Black.gb2312.ttf',
  'NotoSansSC-Bold.gb2312.ttf',
] as const;

// The one process-wide cache in the engine, on purpose: font objects are immutable once
// parsed and cost ~20 ms each to open.
const opened = new Map<string, FontSet>();

// The bundled files being read ahead (readBundledFontsAhead) and, once read, their bytes for
// loadFonts to take. Emptied as the faces are opened: at most the four files, once per process.
const readingAhead = new Map<string, Promise<Buffer | undefined>>();
const readAhead = new Map<string, Buffer>();

/**
 * Starts reading the bundled faces on the thread pool, so that a first job's validation runs
 * while 36 MB come off the disk (a cold build spent ~40 ms on this thread reading them); a
 * no-op once they are open. The job awaits bundledFontsRead() before it opens them.
 */
export function readBundledFontsAhead(): void {
  if (opened.has(setKey(bundledFontDir, bundledFaceFiles))) return;
  for (const file of bundledFaceFiles) {
    const p = path.join(bundledFontDir, file);
    if (readingAhead.has(p) || readAhead.has(p)) continue;
    // A failed read is left to loadFonts, which reads again and reports it.
    readingAhead.set(p, readWhole(p).catch(() => undefined));
  }
}

/**
 * A file in as few trips to the thread pool as it takes: fs.readFile reads 512 KiB a trip and
 * comes back to this thread between them, so while this thread validates, a 15 MB face would
 * wait for it ~30 times.
 */
async function readWhole(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) throw new Error(`${file} ended at byte ${at} of ${size}`);
      at += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/** Resolves when the reads readBundledFontsAhead started are done. */
export async function bundledFontsRead(): Promise<void> {
  for (const [p, reading] of readingAhead) {
    const bytes = await reading;
    if (readingAhead.get(p) !== reading) continue;
    readingAhead.delete(p);
    if (bytes && !opened.has(setKey(bundledFontDir, bundledFaceFiles))) readAhead.set(p, bytes);
  }
}

function setKey(dir: string, files: readonly string[]): string {
  return `${path.resolve(dir)}\0${files.join('\0')}`;
}

export function loadFonts(dir: string = bundledFontDir, files: readonly string[] = bundledFaceFiles): FontSet {
  const key = setKey(dir, files);
  const cached = opened.get(key);
  if (cached) return cached;
  const faces = new Map<string, fontkit.Font>();
  for (const file of files) {
    const p = path.join(dir, file);
    const ahead = readAhead.get(p);
    readAhead.delete(p);
    const bytes = ahead ?? readFileSync(p);
    const font = fontkit.create(bytes);
    if (!('layout' in font)) throw new Error(`${file} is a font collection; bundle single faces only`);
    registerFaceData(font as fontkit.Font, bytes);
    faces.set(path.basename(file).replace(/\.(ttf|otf)$/i, ''), font as fontkit.Font);
  }
  const set: FontSet = { dir: path.resolve(dir), faces };
  opened.set(key, set);
  // Reads ahead that this open did not wait for are not needed any more.
  for (const file of files) {
    readingAhead.delete(path.join(dir, file));
    readAhead.delete(path.join(dir, file));
  }
  return set;
}

// Fallback faces by content (SHA-256 of the bytes): the same face given by two paths, or as
// bytes to every job of a service, is parsed once per process (per worker thread).
const byContent = new Map<string, fontkit.Font>();
const withFallback = new Map<string, FontSet>();

function openFallback(face: FallbackFont, index: number): { id: string; font: fontkit.Font } {
  let bytes: Uint8Array;
  if (typeof face === 'string') {
    // A caller's (or a theme's) path: read bounded and without blocking, as every named file.
    const r = readBoundedFile(face, MAX_FALLBACK_FONT_BYTES);
    if (!r.ok) throw new Error(`fallback font ${index + 1} "${face}" ${unreadReason(r, 'a font file')}`);
    bytes = r.bytes;
  } else if (face instanceof Uint8Array) {
    bytes = face;
  } else {
    throw new TypeError(`fallback font ${index + 1} must be a file path or a Uint8Array of the font's bytes`);
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const id = `fallback-${hash}`;
  let font = byContent.get(hash);
  if (!font) {
    let opened: ReturnType<typeof fontkit.create>;
    try {
      opened = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (e) {
      const name = typeof face === 'string' ? `"${face}"` : `(${bytes.byteLength} bytes)`;
      throw new Error(`fallback font ${index + 1} ${name} is not a TrueType or OpenType font: ${(e as Error).message}`, { cause: e });
    }
    if (!('layout' in opened)) throw new Error(`fallback font ${index + 1} is a font collection; give a single face`);
    font = opened as fontkit.Font;
    registerFaceData(font, bytes);
    byContent.set(hash, font);
  }
  return { id, font };
}

/**
 * The bundled faces and the caller's fallback faces after them (for the characters the
 * bundled faces lack). Each fallback face is opened once per process, found by its content.
 */
export function loadFontsWith(fallback: readonly FallbackFont[] = []): FontSet {
  const base = loadFonts();
  if (fallback.length === 0) return base;
  const opened = fallback.map(openFallback);
  const ids = [...new Set(opened.map((f) => f.id))];
  const key = ids.join('\0');
  const cached = withFallback.get(key);
  if (cached) return cached;
  const faces = new Map(base.faces);
  for (const { id, font } of opened) faces.set(id, font);
  const set: FontSet = { dir: base.dir, faces, fallback: ids };
  withFallback.set(key, set);
  return set;
}

/** Face id with its subset suffix dropped, for display: 'NotoSerifSC-Black.gb2312' → 'NotoSerifSC-Black'. */
export function faceName(id: string): string {
  return id.replace(/\.[a-z0-9]+$/i, '');
}
