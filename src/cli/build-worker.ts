// A worker thread of `bulletin build` with several inputs. Fonts are loaded once per worker
// (the process-wide cache in text/fonts.ts) and shared by every issue it builds.
import { parentPort } from 'node:worker_threads';
import { buildOne } from './build-one.js';
import type { WorkerJob, WorkerOutcome } from './batch.js';

if (!parentPort) throw new Error('build-worker must run in a worker thread');
const port = parentPort;
port.on('message', (message: WorkerJob | null) => {
  if (message === null) {
    port.close();
    return;
  }
  void buildOne(message.job).then((outcome) => port.postMessage({ index: message.index, outcome } satisfies WorkerOutcome));
});
