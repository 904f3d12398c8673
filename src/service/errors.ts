// How the renderer of a service refuses or loses a job. Aborts and timeouts are DOMExceptions
// named 'AbortError' and 'TimeoutError', as fetch() and AbortSignal.timeout() reject; the
// pool's own refusals are Error subclasses, so `instanceof` tells them apart.

/** The queue already holds `maxQueue` waiting jobs: the job is refused, not queued. */
export class QueueFullError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`the render queue is full: ${limit} waiting job${limit === 1 ? '' : 's'} (maxQueue); try again later`);
    this.name = 'QueueFullError';
    this.limit = limit;
  }
}

/** The renderer was closed: before the call, or while the job waited or ran. */
export class RendererClosedError extends Error {
  constructor() {
    super('the renderer is closed');
    this.name = 'RendererClosedError';
  }
}

/** The worker running the job stopped (crash, out of memory, process.exit in it); the pool replaced it. */
export class WorkerExitError extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, cause?: Error) {
    super(`the render worker stopped (exit code ${exitCode})${cause ? `: ${cause.message}` : ''}; the job was lost, the pool replaced the worker`, cause ? { cause } : undefined);
    this.name = 'WorkerExitError';
    this.exitCode = exitCode;
  }
}

/** As fetch() rejects on abort: a DOMException named 'AbortError', the signal's reason as its cause. */
export function abortError(reason: unknown): DOMException {
  return new DOMException('the render was aborted', { name: 'AbortError', cause: reason });
}

/** As AbortSignal.timeout() aborts: a DOMException named 'TimeoutError'. */
export function timeoutError(ms: number): DOMException {
  return new DOMException(`the render took longer than ${ms} ms (timeoutMs) and was stopped`, 'TimeoutError');
}
