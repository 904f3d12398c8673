// The `bulletin` command: most cases run in process through runCli() (src/cli/main.ts), with
// the same arguments, output lines and exit codes a user sees; a few run the compiled
// dist/cli.js in a child process so the real bin (shebang, exit code, streams, worker threads)
// stays covered.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ensureBuilt } from '../support/build-dist.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const run = promisify(execFile);

type Result = { code: number; stdout: string; stderr: string };

/** dist/cli.js in a child process, as a user runs it. */
async function spawned(args: string[], cwd = root): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The same command in this process: runCli() with collecting streams, file names relative to root. */
async function inProcess(args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

// runCli takes file names relative to process.cwd(), as the bin does; the suite runs from root.
beforeAll(() => {
  if (process.cwd() !== root) process.chdir(root);
});

const fixtures = ['fixtures/bulletin-663.json', 'fixtures/bulletin-666.json'];
const invalidDir = path.join(root, 'fixtures/invalid');
type Expected = Record<string, { pointer: string; line: number; column: number }[]>;
const expected = JSON.parse(readFileSync(path.join(import.meta.dirname, '../document/invalid-expected.json'), 'utf8')) as Expected;
const invalid = readdirSync(invalidDir).filter((f) => f.endsWith('.json'));

describe('bulletin --version / --help (in process)', () => {
  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const r = await inProcess(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`bulletin-press ${pkg.version}`);
  });

  it.each([['--help'], ['check', '--help'], ['build', '--help']])('%s %s prints usage and exits 0', async (...args) => {
    const r = await inProcess(args.filter(Boolean));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: bulletin/);
  });

  it.each([[[]], [['frobnicate']], [['check']], [['check', '--bogus', 'x.json']], [['build', 'a.json', 'b.json', '-o', 'x.pdf']], [['build', 'a.json', '--jobs', 'zero']]])(
    'usage error %j exits 2',
    async (args) => {
      const r = await inProcess(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^bulletin: /);
    },
  );
});

describe('bulletin check (in process)', () => {
  it('accepts both fixtures', async () => {
    const r = await inProcess(['check', ...fixtures]);
    expect(r.stderr.split('\n').filter((l) => l && !l.includes('warning:'))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('has an expectation for every invalid fixture', () => {
    expect(invalid.length).toBeGreaterThan(10);
    expect(Object.keys(expected).sort()).toEqual([...invalid].sort());
  });

  it.each(invalid)('rejects %s at the right pointer and line:col', async (name) => {
    const file = `fixtures/invalid/${name}`;
    const r = await inProcess(['check', file]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l && !l.includes(': warning: '));
    for (const line of lines) expect(line).toMatch(/^fixtures\/invalid\/[^:]+\.json:\d+:\d+: error: \/[^ ]*: \S/);
    for (const want of expected[name] ?? []) {
      expect(lines.some((l) => l.startsWith(`${file}:${want.line}:${want.column}: error: ${want.pointer || '/'}: `))).toBe(true);
    }
  });

  it('reports a missing file without a stack trace', async () => {
    const r = await inProcess(['check', 'no/such/file.json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('no/such/file.json: error: cannot read: no such file');
  });
});

describe('the real bin: dist/cli.js in a child process', () => {
  beforeAll(() => ensureBuilt());

  it('is an executable node script that prints the package version', async () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(cli).mode & 0o111).not.toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    // Run through its shebang, as npm's bin link runs it.
    const { stdout } = await run(cli, ['--version'], { cwd: root });
    expect(stdout.trim()).toBe(`bulletin-press ${pkg.version}`);
  });

  it('prints usage on stdout for --help and exits 0', async () => {
    const r = await spawned(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: bulletin/);
    expect(r.stderr).toBe('');
  });

  it('exits 2 on a usage error, with the message on stderr', async () => {
    const r = await spawned(['check', '--bogus', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bulletin: /);
    expect(r.stdout).toBe('');
  });

  it('exits 0 for valid issues and 1 for an invalid one, with its line:col on stderr', async () => {
    const ok = await spawned(['check', ...fixtures]);
    expect(ok.stderr.split('\n').filter((l) => l && !l.includes('warning:'))).toEqual([]);
    expect(ok.code).toBe(0);
    const name = invalid[0]!;
    const want = expected[name]![0]!;
    const bad = await spawned(['check', `fixtures/invalid/${name}`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`fixtures/invalid/${name}:${want.line}:${want.column}: error: ${want.pointer || '/'}: `);
  });

  it('reports a missing file without a stack trace', async () => {
    const r = await spawned(['check', 'no/such/file.json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('no/such/file.json: error: cannot read: no such file');
  });
});

describe('bulletin build (dist/cli.js in a child process)', () => {
  beforeAll(() => ensureBuilt());
  it('builds a fixture into a PDF atomically, at -o', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-'));
    const out = path.join(dir, 'out.pdf');
    const r = await spawned(['build', fixtures[0]!, '-o', out]);
    // The fixture's mixed punctuation is a warning, printed but never an error.
    expect(r.stderr.split('\n').filter((l) => l && !l.includes(': warning: '))).toEqual([]);
    expect(r.stderr).toMatch(/^fixtures\/bulletin-663\.json:\d+:\d+: warning: \/articles\/0\/[^ ]+: /);
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
    const r = await spawned(['build', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json:\d+:\d+: error: \//);
    expect(readFileSync(path.join(dir, 'bad.pdf'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['bad.json', 'bad.pdf']);
  });

  it('builds many issues from a glob in parallel; one bad issue does not stop the others', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-'));
    copyFileSync(path.join(root, fixtures[0]!), path.join(dir, 'a.json'));
    copyFileSync(path.join(root, fixtures[1]!), path.join(dir, 'b.json'));
    copyFileSync(path.join(invalidDir, Object.keys(expected)[0]!), path.join(dir, 'c.json'));
    const r = await spawned(['build', path.join(dir, '*.json'), '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^built 2, failed 1, in \d+\.\d s \(\d+\.\d issues\/s\)$/m);
    expect(r.stderr).toMatch(/c\.json:\d+:\d+: error: \//);
    expect(existsSync(path.join(dir, 'a.pdf'))).toBe(true);
    expect(existsSync(path.join(dir, 'b.pdf'))).toBe(true);
    expect(existsSync(path.join(dir, 'c.pdf'))).toBe(false);
    // Built in worker threads or not, the bytes are those of a single build.
    const single = path.join(dir, 'single.pdf');
    await spawned(['build', path.join(dir, 'a.json'), '-o', single]);
    expect(readFileSync(single).equals(readFileSync(path.join(dir, 'a.pdf')))).toBe(true);
  });
});
