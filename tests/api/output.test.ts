// Outputs never destroy anything: not the input, not a device, FIFO or folder, and a failed
// write leaves neither a half file nor a temporary one behind.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFile, checkIssue, OutputError } from '../../src/index.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/bulletin-663.json');

function workDir(): { dir: string; input: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-out-'));
  const input = path.join(dir, 'in.json');
  copyFileSync(fixture, input);
  return { dir, input };
}

async function outputError(run: Promise<unknown>): Promise<OutputError> {
  const e = await run.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(OutputError);
  return e as OutputError;
}

describe('buildFile outputs', () => {
  it('refuses to write the PDF over its own input, directly or through a link', async () => {
    const { dir, input } = workDir();
    const before = readFileSync(input);
    const e = await outputError(buildFile(input, input));
    expect(e.file).toBe(input);
    expect(e.message).toMatch(/is the input/);
    symlinkSync('in.json', path.join(dir, 'link.pdf'));
    await outputError(buildFile(input, path.join(dir, 'link.pdf')));
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('refuses an existing output that is a FIFO, a folder or a device, naming the output', async () => {
    const { dir, input } = workDir();
    const fifo = path.join(dir, 'f.pdf');
    execFileSync('mkfifo', [fifo]);
    expect((await outputError(buildFile(input, fifo))).message).toMatch(/a FIFO/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect((await outputError(buildFile(input, dir))).message).toMatch(/a folder/);
    expect((await outputError(buildFile(input, '/dev/null'))).message).toMatch(/a device/);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('blames the output, not the input, when its folder is missing', async () => {
    const { dir, input } = workDir();
    const out = path.join(dir, 'missing', 'x.pdf');
    const e = await outputError(buildFile(input, out));
    expect(e.file).toBe(out);
    expect(e.message).toMatch(/folder .*missing does not exist/);
  });

  it('replaces an existing regular output and leaves no temporary file', async () => {
    const { dir, input } = workDir();
    const out = path.join(dir, 'out.pdf');
    writeFileSync(out, 'old');
    const r = await buildFile(input, out);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.bytes).toBe(readFileSync(out).byteLength);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('checkIssue', () => {
  it('runs the whole build in memory and writes nothing', async () => {
    const { dir } = workDir();
    const issue = JSON.parse(readFileSync(fixture, 'utf8')) as unknown;
    const r = await checkIssue(issue, { baseDir: dir });
    expect(r.pages).toBe(4);
    expect(existsSync(path.join(dir, 'in.pdf'))).toBe(false);
  });
});
