// Builds (or, for `check`, prepares without writing) one issue and turns every way it can
// fail into diagnostics, so that the in-process path and the worker threads report the same
// way and never as a stack trace.
import { buildFile, checkFile } from '../pipeline.js';
import type { RenderOptions } from '../pipeline.js';
import { describeFailure, fromIssueErrors, type Diagnostic } from './diagnostics.js';

export interface BuildJob {
  input: string;
  output?: string;
  options: RenderOptions;
  /** Run everything but the write (`bulletin check`). */
  dryRun?: boolean;
}

export type BuildOutcome =
  | { ok: true; input: string; output: string; pages: number; bytes: number; ms: number; diagnostics: Diagnostic[] }
  | { ok: false; input: string; diagnostics: Diagnostic[] };

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
      diagnostics: fromIssueErrors(r.warnings, { issue: job.input, theme: job.options.themeFile }, job.input),
    };
  } catch (err) {
    return { ok: false, input: job.input, diagnostics: describeFailure(job.input, err) };
  }
}
