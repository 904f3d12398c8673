// What the CLI reports, as data: one Diagnostic per problem, printed either as the lines
// editors read (`FILE:LINE:COL: error: POINTER: MESSAGE`) or, with --format json, as one JSON
// array. Every way a build can fail becomes one, so nothing reaches the user as a stack trace.
import { fileOf, formatError, IssueValidationError, type ErrorFiles, type IssueError, type Severity } from '../errors.js';

import { OutputError } from '../output.js';

export interface Diagnostic {
  file: string;
  /** 1-based; absent for a problem with the file as a whole (cannot read, cannot write). */
  line?: number;
  column?: number;
  /** RFC 6901 JSON Pointer into the file; absent where the problem is not in its content. */
  pointer?: string;
  severity: Severity;
  message: string;
}

export function fromIssueErrors(errors: readonly IssueError[], files: ErrorFiles, fallbackFile: string): Diagnostic[] {
  return errors.map((e) => {
    const file = fileOf(e, files) ?? fallbackFile;
    // A problem with the file as a whole (unreadable, too large) has no place inside it.
    if (e.pointer === '' && e.line === undefined) return { file, severity: e.severity, message: e.message };
    return { file, line: e.line ?? 1, column: e.column ?? 1, pointer: e.pointer, severity: e.severity, message: e.message };
  });
}

function readProblem(code: string | undefined): string | undefined {
  if (code === 'ENOENT') return 'cannot read: no such file';
  if (code === 'EISDIR') return 'cannot read: is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read: permission denied';
  return undefined;
}

/** The diagnostics for a failure of `file` (the input, or the theme when it came from one). */
export function describeFailure(file: string, err: unknown): Diagnostic[] {
  if (err instanceof IssueValidationError) return fromIssueErrors(err.errors, { issue: file, ...err.files }, file);
  if (err instanceof OutputError) return [{ file: err.file, severity: 'error', message: err.message }];
  const known = readProblem((err as NodeJS.ErrnoException | undefined)?.code);
  if (known) return [{ file, severity: 'error', message: known }];
  // An engine bug, not bad input: say so plainly, still without a stack trace.
  return [{ file, severity: 'error', message: `internal error: ${err instanceof Error ? err.message : String(err)}` }];
}

/** The line for people and editors. */
export function formatDiagnostic(d: Diagnostic): string {
  if (d.pointer === undefined) return `${d.file}: ${d.severity}: ${d.message}`;
  return formatError(d.file, { pointer: d.pointer, message: d.message, severity: d.severity, line: d.line, column: d.column });
}

/** The --format json form: the pointer as data (unescaped), every field named. */
export function jsonDiagnostic(d: Diagnostic): Required<Pick<Diagnostic, 'file' | 'severity' | 'message'>> & { line: number | null; column: number | null; pointer: string | null } {
  return { file: d.file, line: d.line ?? null, column: d.column ?? null, pointer: d.pointer ?? null, severity: d.severity, message: d.message };
}

