// Images come from the issue's own folder only: a document handed to a service must not be
// able to read /etc/passwd into a PDF by naming it, through `..`, or through a symlink.
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { IssueValidationError } from '../errors.js';
import { readImageHeader, type ImageHeader } from './image-size.js';

export interface ImageLoader {
  /** Reads a file the composer has already confined to the issue's folder. */
  read(absolutePath: string): Uint8Array;
  /** Resolves symlinks (fs.realpathSync by default). */
  realpath(absolutePath: string): string;
}

export const fileImageLoader: ImageLoader = {
  read: (p) => readFileSync(p),
  realpath: (p) => realpathSync.native(p),
};

export interface LoadedImage extends ImageHeader {
  data: Uint8Array;
}

function fail(pointer: string, message: string): never {
  throw new IssueValidationError([{ pointer, message }]);
}

function inside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' ? false : !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Loads the image of the block at `pointer`; every failure is an error naming that block. */
export function loadImage(src: string, baseDir: string | undefined, pointer: string, loader: ImageLoader): LoadedImage {
  if (baseDir === undefined) fail(pointer, `image "${src}" cannot be read: the issue has no folder (give baseDir)`);
  if (path.isAbsolute(src) || path.win32.isAbsolute(src)) fail(pointer, `image path must be relative to the issue file (got "${src}")`);
  const base = path.resolve(baseDir);
  const target = path.resolve(base, src);
  if (!inside(base, target)) fail(pointer, `image path leads outside the issue's folder (got "${src}")`);
  let data: Uint8Array;
  try {
    const real = loader.realpath(target);
    const realBase = loader.realpath(base);
    if (!inside(realBase, real)) fail(pointer, `image path leads outside the issue's folder through a link (got "${src}")`);
    data = loader.read(real);
  } catch (e) {
    if (e instanceof IssueValidationError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    fail(pointer, `cannot read image "${src}"${code ? ` (${code})` : ''}`);
  }
  const header = readImageHeader(data);
  if (typeof header === 'string') fail(pointer, `image "${src}": ${header}`);
  return { ...header, data };
}
