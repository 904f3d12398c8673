// A long-running service: one process renders issue 663 (a different variant each time)
// N times; peak RSS after 50 renders against peak after N. Then 8 renders at once
// (Promise.all) against the same 8 one after another: the bytes must be identical.
import { varyIssue } from './content.mjs';
import { benchDoc } from './docs.mjs';
import { maxRssMiB } from './stats.mjs';
import { loadTool } from './tools.mjs';

const total = Number(process.argv[2] ?? 1000);
const checkpoint = Math.min(50, total);
const marks = new Set([checkpoint, 100, 250, 500, total].filter((n) => n <= total));
const result = { renders: total, checkpoint, marks: [] };
try {
  const render = await loadTool('ours');
  const base = benchDoc('663');
  const t0 = performance.now();
  for (let k = 1; k <= total; k++) {
    await render(varyIssue(base, k));
    if (marks.has(k)) {
      const peak = maxRssMiB();
      const rss = process.memoryUsage().rss / 2 ** 20;
      // The live heap after a full collection tells a leak (it grows) from a heap that V8
      // merely let grow (it does not). Measured after the peak is read, so it cannot lower it.
      globalThis.gc?.();
      const mu = process.memoryUsage();
      const heapAfterGcMiB = globalThis.gc ? mu.heapUsed / 2 ** 20 : undefined;
      result.marks.push({ renders: k, peakRssMiB: peak, rssMiB: rss, heapAfterGcMiB, heapTotalMiB: mu.heapTotal / 2 ** 20, externalMiB: mu.external / 2 ** 20 });
      if (k === checkpoint) {
        result.peakAtCheckpointMiB = peak;
        result.rssAtCheckpointMiB = rss;
      }
    }
  }
  result.seconds = (performance.now() - t0) / 1000;
  result.peakAtEndMiB = maxRssMiB();
  result.rssAtEndMiB = process.memoryUsage().rss / 2 ** 20;
  result.growth = result.peakAtEndMiB / result.peakAtCheckpointMiB - 1;

  const inputs = Array.from({ length: 8 }, (_, i) => varyIssue(base, 5000 + i));
  const sequential = [];
  for (const input of inputs) sequential.push(Buffer.from(await render(input)));
  const concurrent = (await Promise.all(inputs.map((input) => render(input)))).map((b) => Buffer.from(b));
  const same = sequential.map((s, i) => s.equals(concurrent[i]));
  result.concurrent = { renders: 8, identical: same.filter(Boolean).length, allIdentical: same.every(Boolean) };
  // Also the same input eight times at once: any shared state between documents would show.
  const one = await Promise.all(Array.from({ length: 8 }, () => render(inputs[0])));
  result.concurrent.sameInputIdentical = one.every((b) => Buffer.from(b).equals(sequential[0]));
} catch (err) {
  result.error = String(err?.message ?? err).split('\n')[0];
}
process.stdout.write(JSON.stringify(result) + '\n');
