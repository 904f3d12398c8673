// The CLI as the Node ecosystem expects it: gcc-style diagnostics with escaped pointers, JSON
// diagnostics, stdin and stdout, PNG pages, watch, the build usage for a bare `build`, and the
// hostile outputs and batches of issue 12 refused before anything is written.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ensureBuilt } from '../support/build-dist.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const fixture = path.join(root, 'fixtures/bulletin-663.json');

interface Result {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** runCli in this process; `onErr` sees everything printed, as it is printed. */
async function inProcess(args: string[], stdin?: Uint8Array, signal?: AbortSignal, onErr?: (t: string) => void): Promise<Result> {
  const out: Buffer[] = [];
  let stderr = '';
  const code = await runCli(args, {
    stdout: {
      write: (t: string | Uint8Array) => {
        out.push(Buffer.from(t));
        onErr?.(String(t));
      },
    },
    stderr: {
      write: (t: string | Uint8Array) => {
        stderr += String(t);
        onErr?.(String(t));
      },
    },
    ...(stdin ? { stdin: (async function* () { yield stdin; })() } : {}),
    ...(signal ? { signal } : {}),
  });
  return { code, stdout: Buffer.concat(out), stderr };
}

function work(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-cli-'));
  copyFileSync(fixture, path.join(dir, 'a.json'));
  return dir;
}

beforeAll(() => {
  if (process.cwd() !== root) process.chdir(root);
});

describe('diagnostics', () => {
  it('put the severity word after the position, as gcc does, and escape pointers', async () => {
    const dir = work();
    const issue = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>;
    issue['a: b'] = 1;
    writeFileSync(path.join(dir, 'k.json'), JSON.stringify(issue, null, 2));
    const r = await inProcess(['check', path.join(dir, 'k.json')]);
    expect(r.code).toBe(1);
    const line = r.stderr.split('\n').find((l) => l.includes(': error: '))!;
    expect(line).toMatch(/^\/.+\/k\.json:\d+:\d+: error: \/a%3A%20b: /);
    // file, line, column, severity, pointer, message: ": " never appears inside the pointer.
    expect(line.slice(line.indexOf('k.json')).split(': ')[2]).toBe('/a%3A%20b');
  });

  it('--format json prints one array of { file, line, column, pointer, severity, message }', async () => {
    const file = 'fixtures/invalid/bad-date-feb-30.json';
    const r = await inProcess(['check', file, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout.toString())).toEqual([
      { file, line: 9, column: 13, pointer: '/issue/date', severity: 'error', message: '"2026-02-30" is not a real calendar date' },
    ]);
  });

  it('--quiet drops warnings and success lines', async () => {
    const dir = work();
    const r = await inProcess(['build', path.join(dir, 'a.json'), '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout.toString()).toBe('');
  });
});

describe('usage', () => {
  it('a bare `bulletin build` prints the build usage', async () => {
    const r = await inProcess(['build']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bulletin: build needs at least one FILE\n\nUsage: bulletin build FILE/);
  });

  it('check with a glob that matches nothing exits 2, like build', async () => {
    for (const cmd of ['check', 'build']) {
      const r = await inProcess([cmd, 'no/such/*.json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no file matches/);
    }
  });
});

describe('outputs and batches', () => {
  it('refuses inputs that would write one PDF, before building any', async () => {
    const dir = work();
    copyFileSync(fixture, path.join(dir, 'a.JSON'));
    const r = await inProcess(['build', path.join(dir, 'a.json'), path.join(dir, 'a.JSON')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a\.pdf: error: cannot write: .*a\.json and .*a\.JSON would all be written here/);
    expect(existsSync(path.join(dir, 'a.pdf'))).toBe(false);
  });

  it('never writes the PDF over its input, and blames a missing output folder on the output', async () => {
    const dir = work();
    const input = path.join(dir, 'a.json');
    const before = readFileSync(input);
    const same = await inProcess(['build', input, '-o', input]);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/a\.json: error: cannot write: it is the input/);
    expect(readFileSync(input).equals(before)).toBe(true);
    const missing = await inProcess(['build', input, '-o', path.join(dir, 'nope', 'x.pdf')]);
    expect(missing.stderr).toMatch(/nope\/x\.pdf: error: cannot write: the folder .* does not exist/);
    expect(missing.stderr).not.toMatch(/a\.json: /);
  });

  it('a theme file or a lead template that is a FIFO is refused at once, never read', async () => {
    const dir = work();
    execFileSync('mkfifo', [path.join(dir, 'theme.json')]);
    const theme = await inProcess(['build', path.join(dir, 'a.json'), '--theme', path.join(dir, 'theme.json')]);
    expect(theme.code).toBe(1);
    expect(theme.stderr).toMatch(/theme\.json: error: cannot read theme: is a named pipe \(FIFO\), not a file/);
    execFileSync('mkfifo', [path.join(dir, 'lead.hbs')]);
    writeFileSync(path.join(dir, 'T.json'), JSON.stringify({ templates: { lead: 'lead.hbs' } }));
    const issue = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>;
    delete issue['lead'];
    writeFileSync(path.join(dir, 'nolead.json'), JSON.stringify(issue));
    const lead = await inProcess(['build', path.join(dir, 'nolead.json'), '--theme', path.join(dir, 'T.json')]);
    expect(lead.code).toBe(1);
    expect(lead.stderr).toMatch(/T\.json:1:\d+: error: \/templates\/lead: cannot read the lead template .*is a named pipe \(FIFO\)/);
  });

  it('an image that is a FIFO is refused at once, never read', async () => {
    const dir = work();
    const issue = JSON.parse(readFileSync(fixture, 'utf8')) as { articles: { body: object[] }[] };
    issue.articles[0]!.body.push({ type: 'image', src: 'pipe.png' });
    writeFileSync(path.join(dir, 'p.json'), JSON.stringify(issue, null, 2));
    execFileSync('mkfifo', [path.join(dir, 'pipe.png')]);
    const r = await inProcess(['build', path.join(dir, 'p.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/p\.json:\d+:\d+: error: \/articles\/0\/body\/\d+: .*FIFO/);
  });
});

describe('stdin, stdout and page images', () => {
  it('`build - -o -` gives the same bytes as a file build', async () => {
    const dir = work();
    const file = await inProcess(['build', path.join(dir, 'a.json'), '-o', path.join(dir, 'a.pdf')]);
    expect(file.code).toBe(0);
    const piped = await inProcess(['build', '-', '-o', '-'], readFileSync(fixture));
    expect(piped.code).toBe(0);
    expect(piped.stdout.equals(readFileSync(path.join(dir, 'a.pdf')))).toBe(true);
    expect(piped.stderr).toMatch(/<stdin>:\d+:\d+: warning: /);
  });

  it('--format png --pages 2 writes one A4 PNG', async () => {
    const dir = work();
    const r = await inProcess(['build', path.join(dir, 'a.json'), '--format', 'png', '--pages', '2', '--ppi', '72', '-o', path.join(dir, 'p-{n}.png')]);
    expect(r.code).toBe(0);
    const png = readFileSync(path.join(dir, 'p-2.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20: A4 at 72 ppi.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([595, 842]);
    expect(existsSync(path.join(dir, 'p-1.png'))).toBe(false);
  });
});

describe('watch', () => {
  it('rebuilds when the issue changes and keeps the last good PDF when a build fails', async () => {
    const dir = work();
    const input = path.join(dir, 'a.json');
    const out = path.join(dir, 'a.pdf');
    const stop = new AbortController();
    let seen = '';
    const waitFor = (re: RegExp, count: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = setInterval(() => {
          if ((seen.match(new RegExp(re.source, 'g')) ?? []).length >= count) {
            clearInterval(tick);
            resolve();
          } else if (Date.now() - started > 60_000) {
            clearInterval(tick);
            reject(new Error(`no ${re} after 60 s:\n${seen}`));
          }
        }, 50);
      });
    const done = inProcess(['watch', input, '-o', out], undefined, stop.signal, (t) => (seen += t));
    await waitFor(/watching \d+ file/, 1);
    const first = statSync(out).mtimeMs;
    const issue = JSON.parse(readFileSync(input, 'utf8')) as { articles: { title: string }[] };
    issue.articles[0]!.title = '改过的标题';
    writeFileSync(input, JSON.stringify(issue, null, 2));
    await waitFor(/watching \d+ file/, 2);
    expect(statSync(out).mtimeMs).toBeGreaterThan(first);
    const good = readFileSync(out);
    writeFileSync(input, '{ "broken": ');
    await waitFor(/build failed; the last good PDF is left in place/, 1);
    expect(readFileSync(out).equals(good)).toBe(true);
    stop.abort();
    const r = await done;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a\.json:1:\d+: error: \/: not valid JSON/);
  }, 120_000);
});

describe('the real bin with pipes', () => {
  beforeAll(() => ensureBuilt());

  it('`cat issue.json | bulletin build - -o - > x.pdf` writes the PDF to stdout', async () => {
    const child = spawn(process.execPath, [cli, 'build', '-', '-o', '-'], { cwd: root });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdin.end(readFileSync(fixture));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    expect(code).toBe(0);
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'build', fixture, '-o', '-'], { encoding: 'buffer', maxBuffer: 1 << 24 });
    expect(Buffer.concat(chunks).equals(stdout)).toBe(true);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
