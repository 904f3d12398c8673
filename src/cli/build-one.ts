// Builds one issue and turns every way it can fail into printable lines, so that both the
// in-process path and the worker threads report errors the same way and never as a stack trace.
import { buildFile, checkFile, IssueValidationError, OutputError } from '../index.js';
import type { RenderOptions } from '../index.js';
import { formatError, formatErrors } from '../errors.js';

export interface BuildJob {
  input: string;
  output?: string;
  options: RenderOptions;
  /** Run everything but the write (`bulletin check`). */
  dryRun?: boolean;
}

export type BuildOutcome =
  | { ok: true; input: string; output: string; pages: number; bytes: number; ms: number; warnings: string[] }
  | { ok: false; input: string; errors: string[]; warnings: string[] };

export async function buildOne(job: BuildJob): Promise<BuildOutcome> {
  const started = performance.now();
  try {
    const r = job.dryRun
      ? { ...(await checkFile(job.input, job.options)), output: '', bytes: 0 }
      : await buildFile(job.input, job.output, job.options);
    return {
      ok: true,
      input: job.input,
      output: r.output,
      pages: r.pages,
      bytes: r.bytes,
      ms: performance.now() - started,
      warnings: r.warnings.map((w) => formatError(job.input, { ...w, message: `warning: ${w.message}` })),
    };
  } catch (err) {
    return { ok: false, input: job.input, errors: describeFailure(job.input, err), warnings: [] };
  }
}

export function describeFailure(file: string, err: unknown): string[] {
  if (err instanceof IssueValidationError) return formatErrors(err.errors, { issue: file, ...err.files });
  if (err instanceof OutputError) return [`${err.file}: ${err.message}`];
  const e = err as NodeJS.ErrnoException;
  if (e && e.code === 'ENOENT') return [`${file}: cannot read: no such file`];
  if (e && (e.code === 'EISDIR' || e.code === 'EACCES')) return [`${file}: cannot read: ${e.code === 'EISDIR' ? 'is a directory' : 'permission denied'}`];
  // An engine bug, not bad input: say so plainly, still without a stack trace.
  return [`${file}: internal error: ${e instanceof Error ? e.message : String(err)}`];
}
