// What the main thread and a render worker say to each other. Only plain data crosses: the
// structured clone keeps no classes, so errors travel as data and are rebuilt on arrival.
import { IssueValidationError, type ErrorFiles, type IssueError } from '../errors.js';
import type { CheckResult, RenderOptions } from '../pipeline.js';

/** A job for a worker: one render or one deep check. */
export interface JobMessage {
  type: 'render' | 'check';
  id: number;
  input: unknown;
  options: RenderOptions;
}

/** An error as it crosses threads. */
export type WireError =
  | { kind: 'validation'; errors: IssueError[]; files: ErrorFiles }
  | { kind: 'error'; name: string; message: string; stack?: string; code?: string };

/** What a worker says: it is warm (fonts loaded), or a job's outcome (the PDF is transferred, not copied). */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'rendered'; id: number; pdf: ArrayBuffer }
  | { type: 'checked'; id: number; result: CheckResult }
  | { type: 'failed'; id: number; error: WireError };

export function toWire(err: unknown): WireError {
  if (err instanceof IssueValidationError) return { kind: 'validation', errors: err.errors, files: err.files };
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { kind: 'error', name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}), ...(typeof code === 'string' ? { code } : {}) };
  }
  return { kind: 'error', name: 'Error', message: String(err) };
}

const builtins: Record<string, new (message: string) => Error> = { TypeError, RangeError, SyntaxError, ReferenceError, URIError, EvalError };

/** The error again on this side: a real IssueValidationError, or an Error of the same name, message, code and stack. */
export function fromWire(wire: WireError): Error {
  if (wire.kind === 'validation') return new IssueValidationError(wire.errors, wire.files);
  const Make = builtins[wire.name] ?? Error;
  const err: Error & { code?: string } = new Make(wire.message);
  if (err.name !== wire.name) err.name = wire.name;
  if (wire.code !== undefined) err.code = wire.code;
  if (wire.stack !== undefined) err.stack = wire.stack;
  return err;
}
