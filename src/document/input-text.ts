// An issue file's bytes → its text, before any JSON parsing: a size limit checked first (so a
// service never parses a gigabyte), UTF-16/UTF-32 recognised and named (an editor's "Unicode"
// save looks like NUL-riddled garbage to a UTF-8 decoder), a UTF-8 byte-order mark dropped,
// and invalid UTF-8 (a GBK file, say) reported at the line and column of its first bad byte
// rather than silently turned into U+FFFD.
import { describeSize, formatSize, readBoundedFile, unreadReason } from '../bounded-file.js';
import type { IssueError } from '../errors.js';
import { locationOfOffset } from '../json/source.js';

export const DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024;

export interface InputTextOptions {
  /** Largest input accepted, in bytes (default DEFAULT_MAX_INPUT_BYTES, 16 MB). */
  maxBytes?: number;
}

export type DecodedText = { ok: true; text: string } | { ok: false; error: IssueError };

function failure(message: string, line?: number, column?: number): DecodedText {
  const error: IssueError = { pointer: '', message, severity: 'error', source: 'issue' };
  if (line !== undefined && column !== undefined) Object.assign(error, { line, column });
  return { ok: false, error };
}

type Encoding = 'UTF-16 LE' | 'UTF-16 BE' | 'UTF-32 LE' | 'UTF-32 BE';

function byBom(b: Uint8Array): Encoding | undefined {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32 LE';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32 BE';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 BE';
  return undefined;
}

/** JSON text starts with ASCII, so the zeros around its first characters give the encoding. */
function byZeros(b: Uint8Array): Encoding | undefined {
  const z = (i: number): boolean => b[i] === 0;
  if (b.length >= 4) {
    if (z(0) && z(1) && z(2) && !z(3)) return 'UTF-32 BE';
    if (!z(0) && z(1) && z(2) && z(3)) return 'UTF-32 LE';
    if (z(0) && !z(1) && z(2) && !z(3)) return 'UTF-16 BE';
    if (!z(0) && z(1) && !z(2) && z(3)) return 'UTF-16 LE';
  } else if (b.length >= 2) {
    if (z(0) && !z(1)) return 'UTF-16 BE';
    if (!z(0) && z(1)) return 'UTF-16 LE';
  }
  return undefined;
}

/** Byte offset of the first byte that does not begin a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const v = b[k];
    return v !== undefined && v >= lo && v <= hi;
  };
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) i += 1;
    else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) i += 2;
    else if (c === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) i += 3;
    else if (((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) && cont(i + 1) && cont(i + 2)) i += 3;
    else if (c === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) i += 3;
    else if (c === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c >= 0xf1 && c <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return -1;
}

/** Line and column (1-based; UTF-16 units, CRLF one break) just after `text`, as the validator counts. */
function endOf(text: string): { line: number; column: number } {
  return locationOfOffset(text, text.length);
}

const hex = (v: number): string => `0x${v.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * The text of an issue file given as bytes, or one error (pointer "", with line and column)
 * saying why it cannot be read as UTF-8 JSON text. Never throws.
 */
export function decodeIssueText(bytes: Uint8Array, options: InputTextOptions = {}): DecodedText {
  const limit = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (bytes.length > limit) return failure(`the file is ${describeSize(bytes.length)}, over the limit of ${formatSize(limit)}`);
  const bom = byBom(bytes);
  if (bom) return failure(`the file is ${bom} (it starts with a byte-order mark); save it as UTF-8`);
  const zeros = byZeros(bytes);
  if (zeros) {
    const why = zeros.startsWith('UTF-32') ? 'three of every four bytes are zero' : 'every other byte is zero';
    return failure(`the file looks like ${zeros} (${why}); save it as UTF-8`);
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const at = firstInvalidUtf8(body);
    const offset = at < 0 ? 0 : at;
    const { line, column } = endOf(new TextDecoder('utf-8').decode(body.subarray(0, offset)));
    const byte = body[offset] ?? 0;
    return failure(
      `not valid UTF-8: byte ${hex(byte)} at ${line}:${column} does not begin a valid character (is the file in GBK or another encoding? save it as UTF-8)`,
      line,
      column,
    );
  }
}

/**
 * Reads and decodes an issue file, refusing it by its size before reading and never reading
 * more than the limit + 1 bytes; a FIFO, device, socket or folder is refused unread.
 */
export function readIssueText(file: string, options: InputTextOptions = {}): DecodedText {
  const limit = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const r = readBoundedFile(file, limit);
  if (r.ok) return decodeIssueText(r.bytes, options);
  if (r.reason === 'not-a-file') return failure(unreadReason(r));
  if (r.reason === 'too-large') return failure(`the file is ${describeSize(r.size)}, over the limit of ${formatSize(r.limit)}`);
  return failure(r.code === 'ENOENT' ? 'cannot read: no such file' : r.code === 'EACCES' || r.code === 'EPERM' ? 'cannot read: permission denied' : `cannot read${r.code ? ` (${r.code})` : ''}`);
}
