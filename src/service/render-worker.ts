// A render worker thread of createRenderer. It opens the fonts once, at start (the per-thread
// cache in text/fonts.ts), says it is ready, and then runs one job at a time as the pool sends
// them, for as long as it lives: every later job finds the fonts warm.
import { parentPort } from 'node:worker_threads';
import { checkIssue, renderIssue } from '../pipeline.js';
import { loadFonts } from '../text/index.js';
import { toWire, type JobMessage, type WorkerMessage } from './protocol.js';

if (!parentPort) throw new Error('render-worker must run in a worker thread (see createRenderer)');
const port = parentPort;

/** The PDF's own ArrayBuffer when the bytes fill it (then it is transferred), else a copy that does. */
function ownBuffer(pdf: Uint8Array): ArrayBuffer {
  const { buffer } = pdf;
  if (buffer instanceof ArrayBuffer && pdf.byteOffset === 0 && pdf.byteLength === buffer.byteLength) return buffer;
  return pdf.slice().buffer;
}

async function run(job: JobMessage): Promise<void> {
  try {
    if (job.type === 'render') {
      const pdf = ownBuffer(await renderIssue(job.input, job.options));
      const reply: WorkerMessage = { type: 'rendered', id: job.id, pdf };
      port.postMessage(reply, [pdf]);
    } else {
      const reply: WorkerMessage = { type: 'checked', id: job.id, result: await checkIssue(job.input, job.options) };
      port.postMessage(reply);
    }
  } catch (err) {
    const reply: WorkerMessage = { type: 'failed', id: job.id, error: toWire(err) };
    port.postMessage(reply);
  }
}

loadFonts();
const ready: WorkerMessage = { type: 'ready' };
port.postMessage(ready);
port.on('message', (job: JobMessage) => void run(job));
