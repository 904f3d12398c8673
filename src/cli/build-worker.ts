// A worker thread of `bulletin build` with several inputs. Fonts are loaded once per worker
// (the process-wide cache in text/fonts.ts) and shared by every issue it builds.
import { parentPort } from 'node:worker_threads';
import { buildOne } from './build-one.js';
import type { BuildJob } from './build-one.js';

if (!parentPort) throw new Error('build-worker must run in a worker thread');
const port = parentPort;
port.on('message', (job: BuildJob | null) => {
  if (job === null) {
    port.close();
    return;
  }
  void buildOne(job).then((outcome) => port.postMessage(outcome));
});
