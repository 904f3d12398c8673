// The bundled faces, opened once per process and shared by every document: re-opening a
// 14 MiB TrueType file per document is most of pdfkit's fixed cost (fonts.md §3).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as fontkit from 'fontkit';

/** A face id is its file name without extension: 'NotoSerifSC-Regular'. */
export interface FontSet {
  readonly dir: string;
  readonly faces: ReadonlyMap<string, fontkit.Font>;
}

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

export function loadFonts(dir: string = bundledFontDir, files: readonly string[] = bundledFaceFiles): FontSet {
  const key = `${path.resolve(dir)}\0${files.join('\0')}`;
  const cached = opened.get(key);
  if (cached) return cached;
  const faces = new Map<string, fontkit.Font>();
  for (const file of files) {
    const font = fontkit.create(readFileSync(path.join(dir, file)));
    if (!('layout' in font)) throw new Error(`${file} is a font collection; bundle single faces only`);
    faces.set(path.basename(file).replace(/\.(ttf|otf)$/i, ''), font as fontkit.Font);
  }
  const set: FontSet = { dir: path.resolve(dir), faces };
  opened.set(key, set);
  return set;
}

/** Face id with its subset suffix dropped, for display: 'NotoSerifSC-Black.gb2312' → 'NotoSerifSC-Black'. */
export function faceName(id: string): string {
  return id.replace(/\.[a-z0-9]+$/i, '');
}
