// examples/http-server.mjs as a user runs it: a child process importing 'bulletin-press' (the
// package's own dist/, through its exports), on 127.0.0.1 with a port the system picks.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderIssue } from '../../src/index.js';
import { ensureBuilt } from '../support/build-dist.js';

const root = path.resolve(import.meta.dirname, '../..');
const good = readFileSync(path.join(root, 'fixtures/bulletin-663.json'), 'utf8');
let server: ChildProcess;
let url = '';

beforeAll(async () => {
  ensureBuilt();
  server = spawn(process.execPath, [path.join(root, 'examples/http-server.mjs')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the example did not start: ${out}`)), 60_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    server.once('exit', (code) => reject(new Error(`the example exited (${code}): ${out}`)));
  });
});

afterAll(async () => {
  if (server.exitCode !== null) return;
  server.kill('SIGTERM');
  await once(server, 'exit');
});

const post = (body: string): Promise<Response> => fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(60_000) });

describe('examples/http-server.mjs', () => {
  it('answers a good issue with 200 and the PDF renderIssue makes', async () => {
    const res = await post(good);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.equals(Buffer.from(await renderIssue(JSON.parse(good))))).toBe(true);
  });

  it('answers a body that is not JSON with 400', async () => {
    const res = await post('{"bulletin": ');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/not JSON/);
  });

  it('answers an invalid issue with 422 and the error list, each with its pointer', async () => {
    const bad = JSON.parse(good) as { issue: { date: string } };
    bad.issue.date = '2026-02-30';
    const res = await post(JSON.stringify(bad));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { pointer: string; message: string; severity: string }[] };
    expect(body.errors.filter((e) => e.severity === 'error').map((e) => e.pointer)).toEqual(['/issue/date']);
  });

  it('answers anything but POST with 405', async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(405);
    await res.arrayBuffer();
  });

  it('stops on SIGTERM', async () => {
    server.kill('SIGTERM');
    const [code] = (await once(server, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});

describe('README', () => {
  it('shows examples/http-server.mjs as it is', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Rendering in a service'));
    const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toContain(readFileSync(path.join(root, 'examples/http-server.mjs'), 'utf8'));
  });
});
