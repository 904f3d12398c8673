// Builds many issues in parallel: one worker per core, each taking the next issue from a
// shared queue, so 200 issues cost about 200 × the warm time / cores, not 200 cold starts.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOne } from './build-one.js';
import type { BuildJob, BuildOutcome } from './build-one.js';

export async function buildMany(
  jobs: BuildJob[],
  threads: number = availableParallelism(),
  onDone: (outcome: BuildOutcome, done: number) => void = () => undefined,
): Promise<BuildOutcome[]> {
  const results: BuildOutcome[] = new Array(jobs.length);
  let done = 0;
  const finish = (i: number, outcome: BuildOutcome): void => {
    results[i] = outcome;
    onDone(outcome, ++done);
  };
  const workerUrl = new URL('./build-worker.js', import.meta.url);
  // Run from the TypeScript sources (tests, tsx) there is no compiled worker to start: build in this thread.
  const count = existsSync(fileURLToPath(workerUrl)) ? Math.max(1, Math.min(threads, jobs.length)) : 1;
  if (count === 1) {
    for (const [i, job] of jobs.entries()) finish(i, await buildOne(job));
    return results;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, () => new Promise<void>((resolve) => {
      const worker = new Worker(workerUrl);
      let current = -1;
      const feed = (): void => {
        if (next >= jobs.length) {
          worker.postMessage(null);
          return;
        }
        current = next++;
        worker.postMessage(jobs[current]);
      };
      worker.on('message', (outcome: BuildOutcome) => {
        finish(current, outcome);
        feed();
      });
      worker.on('error', (err) => {
        // A crashed worker fails only the issue it held; the queue drains through the others.
        const job = jobs[current];
        if (job && results[current] === undefined) {
          finish(current, { ok: false, input: job.input, diagnostics: [{ file: job.input, severity: 'error', message: `internal error: ${err.message}` }] });
        }
      });
      worker.on('exit', () => resolve());
      feed();
    })),
  );
  // Only reached with work left if every worker died: finish it in this thread.
  while (next < jobs.length) {
    const i = next++;
    finish(i, await buildOne(jobs[i]!));
  }
  return results;
}
