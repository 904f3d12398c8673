// The renderer a service runs: renders on warm worker threads, the main thread's event loop
// free, with AbortSignal, timeouts, a bounded queue and workers that die replaced.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIssue, createRenderer, IssueValidationError, QueueFullError, RendererClosedError, renderIssue, WorkerExitError } from '../../src/index.js';
import type { Renderer } from '../../src/index.js';
import { poolOf } from '../../src/service/renderer.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(root, 'fixtures', name), 'utf8'));
const issue663 = fixture('bulletin-663.json');
const issue666 = fixture('bulletin-666.json');

/** Resolves when the renderer has a job running on a worker (not only queued). */
async function untilRunning(r: Renderer, count = 1): Promise<void> {
  while (poolOf(r).running() < count) await new Promise((resolve) => setTimeout(resolve, 2));
}

/** The promise's rejection, or a failure when it resolves. */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('createRenderer: results', () => {
  let renderer: Renderer;
  beforeAll(() => {
    renderer = createRenderer({ workers: 2 });
  });
  afterAll(() => renderer.close());

  it.each([['bulletin-663.json', issue663], ['bulletin-666.json', issue666]])('%s: the bytes of renderIssue', async (_name, input) => {
    const [fromWorker, inline] = await Promise.all([renderer.render(input), renderIssue(input)]);
    expect(fromWorker).toBeInstanceOf(Uint8Array);
    expect(fromWorker.byteLength).toBeGreaterThan(10_000);
    expect(Buffer.from(fromWorker).equals(Buffer.from(inline))).toBe(true);
  });

  it('passes render options through (tagged)', async () => {
    const [fromWorker, inline] = await Promise.all([renderer.render(issue663, { tagged: true }), renderIssue(issue663, { tagged: true })]);
    expect(Buffer.from(fromWorker).equals(Buffer.from(inline))).toBe(true);
  });

  it('check() is checkIssue, off the main thread', async () => {
    expect(await renderer.check(issue666)).toEqual(await checkIssue(issue666));
  });

  it('an invalid issue rejects with a real IssueValidationError: the same errors and files', async () => {
    const bad = structuredClone(issue663) as { issue: { date: string }; articles: { url: string }[] };
    bad.issue.date = '2026-02-30';
    bad.articles[0]!.url = 'javascript:alert(1)';
    const inline = await rejection(renderIssue(bad));
    for (const run of [() => renderer.render(bad), () => renderer.check(bad)]) {
      const err = await rejection(run());
      expect(err).toBeInstanceOf(IssueValidationError);
      const e = err as IssueValidationError;
      expect(e.name).toBe('IssueValidationError');
      expect(e.errors.map((x) => x.pointer).sort()).toEqual(['/articles/0/url', '/issue/date']);
      expect(e.errors).toEqual((inline as IssueValidationError).errors);
      expect(e.files).toEqual((inline as IssueValidationError).files);
      expect(e.message).toBe(inline.message);
    }
  });

  it('other errors keep their name and message', async () => {
    const themeFile = path.join(mkdtempSync(path.join(tmpdir(), 'renderer-')), 'theme.json');
    writeFileSync(themeFile, '{}');
    const err = await rejection(renderer.render(issue663, { theme: {}, themeFile }));
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toMatch(/either the theme option or themeFile/);
  });

  it('an input that cannot cross to a worker rejects with the DataCloneError, and the worker serves on', async () => {
    const err = await rejection(renderer.render({ ...(issue663 as object), f: () => 1 }));
    expect(err.name).toBe('DataCloneError');
    expect((await renderer.render(issue663)).byteLength).toBeGreaterThan(10_000);
  });

  it('keeps the main event loop free: 16 concurrent renders, max lag of a 5 ms interval stays small', async () => {
    await renderer.render(issue666); // both workers warm (fonts loaded) before measuring
    let last = performance.now();
    let maxLag = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - last - 5);
      last = now;
    }, 5);
    try {
      const inputs = Array.from({ length: 16 }, (_, i) => (i % 2 ? issue663 : issue666));
      const pdfs = await Promise.all(inputs.map((input) => renderer.render(input)));
      expect(pdfs.every((p) => p.byteLength > 10_000)).toBe(true);
    } finally {
      clearInterval(timer);
    }
    console.log(`event-loop max lag under 16 concurrent renders: ${maxLag.toFixed(1)} ms`);
    expect(maxLag).toBeLessThan(100);
  });
});

describe('createRenderer: stopping work', () => {
  let renderer: Renderer;
  beforeAll(() => {
    renderer = createRenderer({ workers: 1, maxQueue: 1 });
  });
  afterAll(() => renderer.close());

  it('a signal aborted before the call rejects at once with an AbortError', async () => {
    const err = await rejection(renderer.render(issue663, { signal: AbortSignal.abort() }));
    expect(err.name).toBe('AbortError');
    expect(err).toBeInstanceOf(DOMException);
    expect(poolOf(renderer).running()).toBe(0);
  });

  it('aborting a queued job drops it; the running one finishes on the same worker', async () => {
    const before = poolOf(renderer).threadIds();
    const first = renderer.render(issue663);
    const controller = new AbortController();
    const second = renderer.render(issue666, { signal: controller.signal });
    expect(poolOf(renderer).queued()).toBe(1);
    controller.abort();
    expect((await rejection(second)).name).toBe('AbortError');
    expect(poolOf(renderer).queued()).toBe(0);
    expect((await first).byteLength).toBeGreaterThan(10_000);
    expect(poolOf(renderer).threadIds()).toEqual(before);
  });

  it('aborting a running render rejects at once, replaces its worker, and the next render succeeds', async () => {
    const before = poolOf(renderer).threadIds();
    const controller = new AbortController();
    const job = renderer.render(issue663, { signal: controller.signal });
    await untilRunning(renderer);
    const t = performance.now();
    controller.abort();
    const err = await rejection(job);
    expect(performance.now() - t).toBeLessThan(50);
    expect(err.name).toBe('AbortError');
    expect(poolOf(renderer).threadIds()).not.toEqual(before);
    expect((await renderer.render(issue666)).byteLength).toBeGreaterThan(10_000);
  });

  it('timeoutMs rejects with a TimeoutError and stops the work', async () => {
    const before = poolOf(renderer).threadIds();
    const err = await rejection(renderer.render(issue663, { timeoutMs: 20 }));
    expect(err.name).toBe('TimeoutError');
    expect(err.message).toMatch(/20 ms/);
    expect(poolOf(renderer).threadIds()).not.toEqual(before);
    expect((await renderer.render(issue666, { timeoutMs: 60_000 })).byteLength).toBeGreaterThan(10_000);
  });

  it('a full queue rejects at once with QueueFullError naming the limit', async () => {
    const running = renderer.render(issue663);
    const queued = renderer.render(issue666);
    const err = await rejection(renderer.render(issue663));
    expect(err).toBeInstanceOf(QueueFullError);
    expect(err.name).toBe('QueueFullError');
    expect(err.message).toMatch(/1 waiting/);
    await Promise.all([running, queued]);
  });

  it('a worker that dies mid-job fails only that job; it is replaced and the next render succeeds', async () => {
    const before = poolOf(renderer).threadIds();
    const job = renderer.render(issue663);
    const next = renderer.render(issue666);
    await untilRunning(renderer);
    await poolOf(renderer).workers()[0]!.terminate(); // as if it had crashed: not the pool's doing
    const err = await rejection(job);
    expect(err).toBeInstanceOf(WorkerExitError);
    expect(err.message).toMatch(/render worker stopped/);
    expect(poolOf(renderer).threadIds()).not.toEqual(before);
    expect((await next).byteLength).toBeGreaterThan(10_000);
  });
});

describe('createRenderer: close()', () => {
  it('rejects the jobs it still held, terminates the workers, then rejects every later call', async () => {
    const renderer = createRenderer({ workers: 1 });
    const held = rejection(renderer.render(issue663));
    const waiting = rejection(renderer.render(issue666));
    await renderer.close();
    expect(poolOf(renderer).workers()).toEqual([]);
    for (const p of [held, waiting, rejection(renderer.render(issue663)), rejection(renderer.check(issue663))]) {
      const err = await p;
      expect(err).toBeInstanceOf(RendererClosedError);
      expect(err.message).toMatch(/closed/);
    }
    await renderer.close(); // twice is fine
  });

  it('rejects bad settings', () => {
    expect(() => createRenderer({ workers: 0 })).toThrow(RangeError);
    expect(() => createRenderer({ maxQueue: -1 })).toThrow(RangeError);
  });
});
