// Images come from the issue's own folder only: a document handed to a service must not be
// able to read /etc/passwd into a PDF by naming it, through `..`, or through a symlink. And
// what is read is not trusted either: a FIFO or device is never read, a file over the size
// limit is refused before reading, and the bytes are checked all the way through
// (image-decode.ts) so a corrupt or oversized image is an error here, never a broken PDF.
import { realpathSync } from 'node:fs';
import { confinedPath } from '../confine.js';
import { readBoundedFile, unreadReason } from '../bounded-file.js';
import { IssueValidationError } from '../errors.js';
import { checkImageData, resolveImageLimits, type ImageLimits } from './image-decode.js';
import type { ImageHeader } from './image-size.js';

export { DEFAULT_MAX_IMAGE_BYTES, DEFAULT_MAX_IMAGE_PIXELS, checkImageData, type ImageLimits } from './image-decode.js';

export interface ImageLoader {
  /**
   * Reads a file the composer has already confined to the issue's folder. `maxBytes` is the
   * size limit; a loader may throw ImageReadError to say in words why it cannot read.
   */
  read(absolutePath: string, maxBytes: number): Uint8Array;
  /** Resolves symlinks (fs.realpathSync by default). */
  realpath(absolutePath: string): string;
}

/** A reason an image file cannot be read, already in words (without the file's name). */
export class ImageReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageReadError';
  }
}

/** Reads a regular file of at most `maxBytes`, never blocking on a FIFO or reading a device. */
export function readImageFile(absolutePath: string, maxBytes: number): Uint8Array {
  const r = readBoundedFile(absolutePath, maxBytes);
  if (r.ok) return r.bytes;
  throw new ImageReadError(unreadReason(r, 'an image file'));
}

export const fileImageLoader: ImageLoader = {
  read: readImageFile,
  realpath: (p) => realpathSync.native(p),
};

export interface LoadedImage extends ImageHeader {
  data: Uint8Array;
}

function fail(pointer: string, message: string): never {
  throw new IssueValidationError([{ pointer, message }]);
}

/**
 * Checks in-memory image bytes exactly as a file's are checked (a service handing images over
 * as bytes); throws IssueValidationError at `pointer`, naming the image as `label`.
 */
export function loadImageBytes(data: Uint8Array, pointer: string, limits: ImageLimits = {}, label = 'image'): LoadedImage {
  const header = checkImageData(data, limits);
  if (typeof header === 'string') fail(pointer, `${label}: ${header}`);
  return { ...header, data };
}

/** Loads the image of the block at `pointer`; every failure is an error naming that block. */
export function loadImage(
  src: string,
  baseDir: string | undefined,
  pointer: string,
  loader: ImageLoader,
  limits: ImageLimits = {},
): LoadedImage {
  const { maxImageBytes } = resolveImageLimits(limits);
  if (baseDir === undefined) fail(pointer, `image "${src}" cannot be read: the issue has no folder (give baseDir)`);
  const where = confinedPath(baseDir, src, { what: 'image', folder: "the issue's folder", relativeTo: 'the issue file', kind: 'an image file', realpath: (p) => loader.realpath(p) });
  if (!where.ok) fail(pointer, where.message);
  let data: Uint8Array;
  try {
    data = loader.read(where.path, maxImageBytes);
  } catch (e) {
    if (e instanceof ImageReadError) fail(pointer, `image "${src}" ${e.message}`);
    const code = (e as NodeJS.ErrnoException).code;
    fail(pointer, `cannot read image "${src}"${code ? ` (${code})` : ''}`);
  }
  return loadImageBytes(data, pointer, limits, `image "${src}"`);
}

/** The image of the block at `pointer` from bytes given in memory; one not given is an error naming that block. */
export function loadGivenImage(src: string, images: ReadonlyMap<string, Uint8Array>, pointer: string, limits: ImageLimits = {}): LoadedImage {
  const data = images.get(src);
  if (data === undefined) fail(pointer, `image "${src}" was not given (the images option has nothing for it)`);
  return loadImageBytes(data, pointer, limits, `image "${src}"`);
}
