// Issue files as bytes: size limit before parsing, the encoding named when it is not UTF-8,
// invalid UTF-8 located at line:column, and a bounded read that never blocks on a FIFO.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBoundedFile } from '../../src/bounded-file.js';
import { DEFAULT_MAX_INPUT_BYTES, decodeIssueText, readIssueText } from '../../src/document/input-text.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

function failure(r: ReturnType<typeof decodeIssueText>) {
  if (r.ok) throw new Error(`expected an error, got text ${JSON.stringify(r.text)}`);
  return r.error;
}

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 255, c >> 8] : [c >> 8, c & 255]));
  }
  return new Uint8Array(out);
}

function utf32(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = [];
  for (const ch of (bom ? '\ufeff' : '') + s) {
    const c = ch.codePointAt(0)!;
    const be = [(c >>> 24) & 255, (c >> 16) & 255, (c >> 8) & 255, c & 255];
    out.push(...(le ? be.reverse() : be));
  }
  return new Uint8Array(out);
}

describe('decodeIssueText', () => {
  it('decodes UTF-8 and strips a UTF-8 byte-order mark', () => {
    expect(decodeIssueText(utf8('{"a":"周报"}'))).toEqual({ ok: true, text: '{"a":"周报"}' });
    expect(decodeIssueText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{}')]))).toEqual({ ok: true, text: '{}' });
  });

  it('refuses input over the limit before decoding, naming the size and the limit', () => {
    expect(DEFAULT_MAX_INPUT_BYTES).toBe(16 * 1024 * 1024);
    const e = failure(decodeIssueText(new Uint8Array(3000).fill(0x20), { maxBytes: 2048 }));
    expect(e).toMatchObject({ pointer: '' });
    // A problem with the file as a whole: no line and column inside it.
    expect(e.line).toBeUndefined();
    expect(e.message).toBe('the file is 2.9 KB (3000 bytes), over the limit of 2 KB');
    expect(decodeIssueText(new Uint8Array(2048).fill(0x20), { maxBytes: 2048 }).ok).toBe(true);
  });

  it.each([
    ['UTF-16 LE', utf16('{"a":1}', true, true), /UTF-16 LE \(it starts with a byte-order mark\)/],
    ['UTF-16 BE', utf16('{"a":1}', false, true), /UTF-16 BE \(it starts with a byte-order mark\)/],
    ['UTF-32 LE', utf32('{"a":1}', true, true), /UTF-32 LE \(it starts with a byte-order mark\)/],
    ['UTF-32 BE', utf32('{"a":1}', false, true), /UTF-32 BE \(it starts with a byte-order mark\)/],
    ['UTF-16 LE without BOM', utf16('{"a":1}', true, false), /UTF-16 LE \(every other byte is zero\)/],
    ['UTF-16 BE without BOM', utf16('\n{"a":1}', false, false), /UTF-16 BE \(every other byte is zero\)/],
    ['UTF-32 LE without BOM', utf32('{"a":1}', true, false), /UTF-32 LE \(three of every four bytes are zero\)/],
    ['UTF-32 BE without BOM', utf32('{"a":1}', false, false), /UTF-32 BE \(three of every four bytes are zero\)/],
  ])('names %s', (_, bytes, message) => {
    const e = failure(decodeIssueText(bytes));
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/save it as UTF-8/);
  });

  it('reports invalid UTF-8 at its line and column, naming the bytes', () => {
    const bytes = new Uint8Array([...utf8('{\n  "title": "周报'), 0xc3, 0x28, ...utf8('"\n}')]);
    const e = failure(decodeIssueText(bytes));
    expect(e).toMatchObject({ pointer: '', line: 2, column: 15 });
    expect(e.message).toBe('not valid UTF-8: byte 0xC3 at 2:15 does not begin a valid character (is the file in GBK or another encoding? save it as UTF-8)');
  });

  it.each([
    ['a lone continuation byte', [0x80], 'byte 0x80'],
    ['an overlong encoding', [0xc0, 0xaf], 'byte 0xC0'],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 'byte 0xED'],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 'byte 0xF4'],
    ['a sequence cut off at the end', [0xe5, 0x91], 'byte 0xE5'],
    ['GBK text', [0xd6, 0xdc, 0xb1, 0xa8], 'byte 0xD6'],
  ])('finds %s', (_, bad, named) => {
    const e = failure(decodeIssueText(new Uint8Array([...utf8('ab\r\ncd'), ...bad])));
    expect(e).toMatchObject({ line: 2, column: 3 });
    expect(e.message).toContain(named);
  });

  it('counts columns as the validator does (UTF-16 units: an astral character is two)', () => {
    const e = failure(decodeIssueText(new Uint8Array([...utf8('😀'), 0xff])));
    expect(e).toMatchObject({ line: 1, column: 3 });
  });
});

describe('reading files with a limit', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-input-'));
  const file = path.join(dir, 'issue.json');
  writeFileSync(file, '\ufeff{"a":1}');
  writeFileSync(path.join(dir, 'big.json'), ' '.repeat(5000));
  let fifo: string | undefined = path.join(dir, 'pipe.json');
  try {
    execFileSync('mkfifo', [fifo]);
  } catch {
    fifo = undefined;
  }

  it('reads and decodes a file', () => {
    expect(readIssueText(file)).toEqual({ ok: true, text: '{"a":1}' });
  });

  it('refuses a file over the limit from its size, without reading it', () => {
    const r = readIssueText(path.join(dir, 'big.json'), { maxBytes: 4096 });
    expect(!r.ok && r.error.message).toBe('the file is 4.9 KB (5000 bytes), over the limit of 4 KB');
    expect(readBoundedFile(path.join(dir, 'big.json'), 4096)).toEqual({ ok: false, reason: 'too-large', size: 5000, limit: 4096 });
  });

  it('reads no more than limit + 1 bytes of a file whose size is not known (a device)', () => {
    expect(readBoundedFile('/dev/zero', 10)).toEqual({ ok: false, reason: 'not-a-file', kind: 'device' });
  });

  it.skipIf(fifo === undefined)('refuses a FIFO without blocking', () => {
    const r = readIssueText(fifo!);
    expect(!r.ok && r.error.message).toBe('is a named pipe (FIFO), not a file');
  });

  it('says a folder is a folder and a missing file is missing', () => {
    expect(readIssueText(dir)).toMatchObject({ ok: false, error: { message: 'is a folder, not a file' } });
    expect(readIssueText(path.join(dir, 'nope.json'))).toMatchObject({ ok: false, error: { message: 'cannot read: no such file' } });
  });
});
