// A renderer for services: renderIssue and checkIssue on a pool of warm worker threads, so a
// render never blocks the caller's event loop (only the structured clone of the input crosses
// it, and the PDF's buffer is transferred back, not copied). Jobs wait in a bounded queue;
// each may carry an AbortSignal and a timeout. A render is synchronous work that cannot be
// interrupted, so stopping a running one terminates its worker and starts a fresh one.
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { CheckResult, RenderOptions } from '../pipeline.js';
import { abortError, QueueFullError, RendererClosedError, timeoutError, WorkerExitError } from './errors.js';
import { fromWire, type JobMessage, type WorkerMessage } from './protocol.js';

export interface RendererOptions {
  /**
   * Worker threads, each rendering one issue at a time. Default: one fewer than the cores
   * (availableParallelism() − 1, at least 1), leaving a core to the event loop that parses
   * requests and writes responses.
   */
  workers?: number;
  /** Jobs that may wait for a worker; one more is refused with QueueFullError. Default 64. */
  maxQueue?: number;
  /** Limits of each worker's heap (node:worker_threads); a worker that exceeds them dies and is replaced. */
  resourceLimits?: ResourceLimits;
}

/** What one job may carry besides the options of renderIssue / checkIssue. */
export interface JobOptions {
  /** Aborting rejects at once with an AbortError (a DOMException) and stops the work. */
  signal?: AbortSignal;
  /** Milliseconds from the call (time in the queue included); then a TimeoutError (a DOMException) and the work stops. */
  timeoutMs?: number;
}

export type ServiceRenderOptions = RenderOptions & JobOptions;

export interface Renderer {
  /** renderIssue on a worker: the same bytes. Rejects with IssueValidationError for an invalid issue. */
  render(input: unknown, options?: ServiceRenderOptions): Promise<Uint8Array>;
  /** checkIssue on a worker: the whole build short of the bytes leaving the worker. */
  check(input: unknown, options?: ServiceRenderOptions): Promise<CheckResult>;
  /** Rejects every job still held (RendererClosedError), terminates the workers; later calls reject. */
  close(): Promise<void>;
}

/** A view of the pool for tests (not part of the public API). */
export interface PoolView {
  workers(): readonly Worker[];
  threadIds(): number[];
  running(): number;
  queued(): number;
}

export const DEFAULT_MAX_QUEUE = 64;
/** Workers that die before they are ready this many times in a row mean they cannot start: give up. */
const START_FAILURES = 3;

/**
 * The worker's entry: compiled, render-worker.js beside this file; from the TypeScript sources
 * (vitest, tsx), a small .mjs that registers tsx in the thread and imports render-worker.ts.
 */
function workerEntry(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./ts-entry.mjs', import.meta.url) : new URL('./render-worker.js', import.meta.url);
}

interface Job {
  id: number;
  type: JobMessage['type'];
  input: unknown;
  options: RenderOptions;
  resolve(value: Uint8Array | CheckResult): void;
  reject(err: unknown): void;
  slot?: Slot;
  done: boolean;
  cleanup(): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  ready: boolean;
  /** Terminated by the pool (abort, timeout, close): its exit is expected. */
  retired: boolean;
  lastError?: Error;
}

const views = new WeakMap<Renderer, PoolView>();

/** The pool behind a renderer, for tests. */
export function poolOf(renderer: Renderer): PoolView {
  const view = views.get(renderer);
  if (!view) throw new TypeError('not a renderer made by createRenderer');
  return view;
}

function count(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

export function createRenderer(settings: RendererOptions = {}): Renderer {
  const size = count('workers', settings.workers, Math.max(1, availableParallelism() - 1), 1);
  const maxQueue = count('maxQueue', settings.maxQueue, DEFAULT_MAX_QUEUE, 0);
  const entry = workerEntry();
  let slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closing: Promise<void> | undefined;
  let startFailures = 0;
  let broken: Error | undefined;

  function spawn(): Slot {
    const worker = new Worker(entry, settings.resourceLimits ? { resourceLimits: settings.resourceLimits } : {});
    const slot: Slot = { worker, ready: false, retired: false };
    worker.unref(); // an idle pool does not keep the process alive; a busy worker does
    worker.on('message', (msg: WorkerMessage) => onMessage(slot, msg));
    worker.on('error', (err) => {
      slot.lastError = err;
    });
    worker.on('exit', (code) => onExit(slot, code));
    slots.push(slot);
    return slot;
  }

  function settle(job: Job, outcome: { value: Uint8Array | CheckResult } | { error: unknown }): void {
    if (job.done) return;
    job.done = true;
    job.cleanup();
    if (job.slot) {
      if (job.slot.job === job) {
        job.slot.job = undefined;
        job.slot.worker.unref();
      }
      job.slot = undefined;
    }
    if ('value' in outcome) job.resolve(outcome.value);
    else job.reject(outcome.error);
  }

  function start(slot: Slot, job: Job): void {
    slot.job = job;
    job.slot = slot;
    slot.worker.ref();
    const message: JobMessage = { type: job.type, id: job.id, input: job.input, options: job.options };
    try {
      slot.worker.postMessage(message);
    } catch (err) {
      settle(job, { error: err }); // not cloneable (a function in the input, say): the worker never saw it
    }
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.job && !slot.retired) start(slot, queue.shift()!);
    }
  }

  function onMessage(slot: Slot, msg: WorkerMessage): void {
    if (msg.type === 'ready') {
      slot.ready = true;
      startFailures = 0;
      return;
    }
    const job = slot.job;
    if (!job || job.id !== msg.id) return; // a job already given up (it cannot be: its worker is gone), kept safe
    if (msg.type === 'rendered') settle(job, { value: new Uint8Array(msg.pdf) });
    else if (msg.type === 'checked') settle(job, { value: msg.result });
    else settle(job, { error: fromWire(msg.error) });
    dispatch();
  }

  function onExit(slot: Slot, code: number): void {
    slots = slots.filter((s) => s !== slot);
    if (slot.retired) return;
    if (slot.job) settle(slot.job, { error: new WorkerExitError(code, slot.lastError) });
    if (closing) return;
    if (!slot.ready && ++startFailures >= START_FAILURES) {
      broken = new Error(`render workers cannot start${slot.lastError ? `: ${slot.lastError.message}` : ` (exit code ${code})`}`, { cause: slot.lastError });
      for (const job of queue.splice(0)) settle(job, { error: broken });
      return;
    }
    spawn();
    dispatch();
  }

  /** Stops a job the caller gave up on: dropped from the queue, or its worker terminated and replaced. */
  function stop(job: Job, error: Error): void {
    const slot = job.slot;
    if (!slot) {
      const at = queue.indexOf(job);
      if (at >= 0) queue.splice(at, 1);
      settle(job, { error });
      return;
    }
    settle(job, { error });
    slot.retired = true;
    void slot.worker.terminate();
    if (!closing) {
      spawn();
      dispatch();
    }
  }

  function submit<T extends Uint8Array | CheckResult>(type: Job['type'], input: unknown, options: ServiceRenderOptions = {}): Promise<T> {
    const { signal, timeoutMs, ...rest } = options;
    if (closing) return Promise.reject(new RendererClosedError());
    if (broken) return Promise.reject(broken);
    if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0 && Number.isFinite(timeoutMs))) {
      return Promise.reject(new RangeError(`timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}`));
    }
    if (typeof rest.images === 'function') {
      return Promise.reject(
        new TypeError(
          'createRenderer cannot take an images resolver function: a function cannot cross to a worker thread. Resolve the images first and pass a Map or an object of Uint8Array by src (they are copied to the worker).',
        ),
      );
    }
    if (signal?.aborted) return Promise.reject(abortError(signal.reason));
    const idle = slots.find((s) => !s.job && !s.retired);
    if (!idle && queue.length >= maxQueue) return Promise.reject(new QueueFullError(maxQueue));
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const onAbort = (): void => stop(job, abortError(signal?.reason));
      const job: Job = {
        id: nextId++,
        type,
        input,
        options: rest,
        resolve: resolve as (value: Uint8Array | CheckResult) => void,
        reject,
        done: false,
        cleanup: () => {
          signal?.removeEventListener('abort', onAbort);
          if (timer) clearTimeout(timer);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) timer = setTimeout(() => stop(job, timeoutError(timeoutMs)), timeoutMs);
      if (idle) start(idle, job);
      else queue.push(job);
    });
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      for (const job of queue.splice(0)) settle(job, { error: new RendererClosedError() });
      const all = slots;
      for (const slot of all) {
        slot.retired = true;
        if (slot.job) settle(slot.job, { error: new RendererClosedError() });
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
      slots = [];
    })();
    return closing;
  }

  for (let i = 0; i < size; i++) spawn();

  const renderer: Renderer = {
    render: (input, options) => submit<Uint8Array>('render', input, options),
    check: (input, options) => submit<CheckResult>('check', input, options),
    close,
  };
  views.set(renderer, {
    workers: () => slots.filter((s) => !s.retired).map((s) => s.worker),
    threadIds: () => slots.filter((s) => !s.retired).map((s) => s.worker.threadId),
    running: () => slots.filter((s) => s.job && !s.retired).length,
    queued: () => queue.length,
  });
  return renderer;
}
