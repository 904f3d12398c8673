// Reading a file someone else named, without trusting it: the path may name a FIFO (a plain
// read would block forever), a device (/dev/zero never ends), a socket or a folder, and a
// regular file may be far larger than anything we mean to hold in memory. So: stat before
// opening (a FIFO is never opened at all), open non-blocking, fstat the descriptor we read
// (the path may have been swapped in between), refuse by size before reading, and never read
// more than limit + 1 bytes even if the file grows while we read.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** What a path names, when it is not a regular file. */
export type NotAFile = 'folder' | 'FIFO' | 'socket' | 'device';

export type BoundedRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'not-a-file'; kind: NotAFile }
  | { ok: false; reason: 'too-large'; size: number; limit: number }
  | { ok: false; reason: 'unreadable'; code: string | undefined };

function kindOf(st: Stats): NotAFile | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  return 'device';
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads at most `limit` bytes of the regular file at `file`; never throws, never blocks. */
export function readBoundedFile(file: string, limit: number): BoundedRead {
  let fd: number | undefined;
  try {
    const before = kindOf(statSync(file));
    if (before) return { ok: false, reason: 'not-a-file', kind: before };
    fd = openSync(file, OPEN_FLAGS);
    const st = fstatSync(fd);
    const kind = kindOf(st);
    if (kind) return { ok: false, reason: 'not-a-file', kind };
    if (st.size > limit) return { ok: false, reason: 'too-large', size: st.size, limit };
    // One byte more than allowed tells a file that grew past the limit from one that fits.
    // The stated size may be wrong (a file still being written, /proc): grow up to the limit.
    let buffer = new Uint8Array(Math.min(st.size, limit) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > limit) return { ok: false, reason: 'too-large', size: length, limit };
      if (length === buffer.length) {
        const grown = new Uint8Array(Math.min(buffer.length * 2 + 4096, limit + 1));
        grown.set(buffer);
        buffer = grown;
      }
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return { ok: false, reason: 'not-a-file', kind: 'folder' };
    return { ok: false, reason: 'unreadable', code: typeof code === 'string' ? code : undefined };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** "20 MB" / "1.5 KB" / "12 bytes", for limits and sizes in messages. */
export function formatSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return `${+(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

/** A size for messages: "17.0 MB (17825792 bytes)", or "300 bytes". */
export function describeSize(bytes: number): string {
  return bytes >= 1024 ? `${formatSize(bytes)} (${bytes} bytes)` : formatSize(bytes);
}

const NOT_A_FILE_NAMES: Record<NotAFile, string> = {
  folder: 'a folder',
  FIFO: 'a named pipe (FIFO)',
  socket: 'a socket',
  device: 'a device',
};

/** Why a bounded read failed, for a message about the file: "is a folder, not an image file". */
export function unreadReason(r: Exclude<BoundedRead, { ok: true }>, kind = 'a file'): string {
  if (r.reason === 'not-a-file') return `is ${NOT_A_FILE_NAMES[r.kind]}, not ${kind}`;
  if (r.reason === 'too-large') return `is ${describeSize(r.size)}, over the limit of ${formatSize(r.limit)}`;
  return `cannot be read${r.code ? ` (${r.code})` : ''}`;
}

/** The text of a small file someone else named (a theme, a template), read as readBoundedFile reads; throws with the reason. */
export function readBoundedText(file: string, limit: number, kind = 'a file'): string {
  const r = readBoundedFile(file, limit);
  if (!r.ok) throw new Error(unreadReason(r, kind));
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(r.bytes);
}
