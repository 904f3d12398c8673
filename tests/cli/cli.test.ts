// The `bulletin` command as a user runs it: the compiled dist/cli.js in a child process.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/build-dist.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const run = promisify(execFile);

beforeAll(() => ensureBuilt());

async function bulletin(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const fixtures = ['fixtures/bulletin-663.json', 'fixtures/bulletin-666.json'];
const invalidDir = path.join(root, 'fixtures/invalid');
type Expected = Record<string, { pointer: string; line: number; column: number }[]>;
const expected = JSON.parse(readFileSync(path.join(import.meta.dirname, '../document/invalid-expected.json'), 'utf8')) as Expected;

describe('bulletin --version / --help', () => {
  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const r = await bulletin(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`bulletin-press ${pkg.version}`);
  });

  it.each([['--help'], ['check', '--help'], ['build', '--help']])('%s %s prints usage and exits 0', async (...args) => {
    const r = await bulletin(args.filter(Boolean));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: bulletin/);
  });

  it.each([[[]], [['frobnicate']], [['check']], [['check', '--bogus', 'x.json']], [['build', 'a.json', 'b.json', '-o', 'x.pdf']], [['build', 'a.json', '--jobs', 'zero']]])(
    'usage error %j exits 2',
    async (args) => {
      const r = await bulletin(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^bulletin: /);
    },
  );
});

describe('bulletin check', () => {
  it('accepts both fixtures', async () => {
    const r = await bulletin(['check', ...fixtures]);
    expect(r.stderr.split('\n').filter((l) => l && !l.includes('warning:'))).toEqual([]);
    expect(r.code).toBe(0);
  });

  const invalid = readdirSync(invalidDir).filter((f) => f.endsWith('.json'));
  it('has an expectation for every invalid fixture', () => {
    expect(invalid.length).toBeGreaterThan(10);
    expect(Object.keys(expected).sort()).toEqual([...invalid].sort());
  });

  it.each(invalid)('rejects %s at the right pointer and line:col', async (name) => {
    const file = `fixtures/invalid/${name}`;
    const r = await bulletin(['check', file]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l && !l.includes(': warning: '));
    for (const line of lines) expect(line).toMatch(/^fixtures\/invalid\/[^:]+\.json:\d+:\d+: \/[^ ]*: \S/);
    for (const want of expected[name] ?? []) {
      expect(lines.some((l) => l.startsWith(`${file}:${want.line}:${want.column}: ${want.pointer || '/'}: `))).toBe(true);
    }
  });

  it('reports a missing file without a stack trace', async () => {
    const r = await bulletin(['check', 'no/such/file.json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('no/such/file.json: cannot read: no such file');
  });
});

describe('bulletin build', () => {
  it('builds a fixture into a PDF atomically, at -o', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-'));
    const out = path.join(dir, 'out.pdf');
    const r = await bulletin(['build', fixtures[0]!, '-o', out]);
    // The fixture's mixed punctuation is a warning, printed but never an error.
    expect(r.stderr.split('\n').filter((l) => l && !l.includes(': warning: '))).toEqual([]);
    expect(r.stderr).toMatch(/^fixtures\/bulletin-663\.json:\d+:\d+: \/articles\/0\/[^ ]+: warning: /);
    expect(r.stdout).toMatch(/out\.pdf: \d+ pages, \d+ bytes/);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(dir)).toEqual(['out.pdf']);
  });

  it('writes nothing for an invalid issue and leaves an existing output untouched', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-'));
    const bad = path.join(dir, 'bad.json');
    copyFileSync(path.join(invalidDir, Object.keys(expected)[0]!), bad);
    writeFileSync(path.join(dir, 'bad.pdf'), 'old');
    const r = await bulletin(['build', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json:\d+:\d+: \//);
    expect(readFileSync(path.join(dir, 'bad.pdf'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['bad.json', 'bad.pdf']);
  });

  it('builds many issues from a glob in parallel; one bad issue does not stop the others', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-'));
    copyFileSync(path.join(root, fixtures[0]!), path.join(dir, 'a.json'));
    copyFileSync(path.join(root, fixtures[1]!), path.join(dir, 'b.json'));
    copyFileSync(path.join(invalidDir, Object.keys(expected)[0]!), path.join(dir, 'c.json'));
    const r = await bulletin(['build', path.join(dir, '*.json'), '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^built 2, failed 1, in \d+\.\d s$/m);
    expect(r.stderr).toMatch(/c\.json:\d+:\d+: \//);
    expect(existsSync(path.join(dir, 'a.pdf'))).toBe(true);
    expect(existsSync(path.join(dir, 'b.pdf'))).toBe(true);
    expect(existsSync(path.join(dir, 'c.pdf'))).toBe(false);
    // Built in worker threads or not, the bytes are those of a single build.
    const single = path.join(dir, 'single.pdf');
    await bulletin(['build', path.join(dir, 'a.json'), '-o', single]);
    expect(readFileSync(single).equals(readFileSync(path.join(dir, 'a.pdf')))).toBe(true);
  });
});
