// A long-running service: one process renders issue 663 (a different variant each time)
// N times; peak RSS after 50 renders against peak after N. Then 8 renders at once
// (Promise.all) against the same 8 one after another: the bytes must be identical.
import { varyIssue } from './content.mjs';
import { benchDoc } from './docs.mjs';
import { maxRssMiB } from './stats.mjs';
import { loadTool } from './tools.mjs';

const total = Number(process.argv[2] ?? 1000);
const checkpoint = Math.min(50, total);
const result = { renders: total, checkpoint };
try {
  const render = await loadTool('ours');
  const base = benchDoc('663');
  const t0 = performance.now();
  for (let k = 1; k <= total; k++) {
    await render(varyIssue(base, k));
    if (k === checkpoint) {
      result.peakAtCheckpointMiB = maxRssMiB();
      result.rssAtCheckpointMiB = process.memoryUsage().rss / 2 ** 20;
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
