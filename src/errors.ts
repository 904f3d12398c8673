// The one error model of the engine. Every stage that finds a problem with what it was given
// (the issue document or the theme) reports it as an IssueError located by a JSON Pointer
// (RFC 6901) into that input; the pipeline adds line:column when it has the input's text, and
// the CLI prints each error against the file it came from.
import { escapeForMessage } from './escape.js';
import { displayPointer } from './json/pointer.js';

/** 'warning' problems (mixed punctuation) never stop a build. */
export type Severity = 'error' | 'warning';

/** Which input a problem is in: the issue document, or the theme override. */
export type ErrorSource = 'issue' | 'theme';

/** One problem with the input, located by JSON Pointer (and by file position when known). */
export interface IssueError {
  /** RFC 6901 JSON Pointer into the input named by `source`; "" is the whole document. */
  pointer: string;
  message: string;
  severity: Severity;
  /** 1-based, present when the input came from text (a file). */
  line?: number;
  column?: number;
  source: ErrorSource;
}

/** What a stage writes when it finds a problem: severity defaults to 'error', source to 'issue'. */
export interface ErrorInit {
  pointer: string;
  message: string;
  severity?: Severity;
  line?: number;
  column?: number;
  source?: ErrorSource;
}

export function issueError(init: ErrorInit): IssueError {
  const e: IssueError = { pointer: init.pointer, message: init.message, severity: init.severity ?? 'error', source: init.source ?? 'issue' };
  if (init.line !== undefined) e.line = init.line;
  if (init.column !== undefined) e.column = init.column;
  return e;
}

/** A theme problem: its pointer is into the theme override, not the issue. */
export function themeError(pointer: string, message: string): IssueError {
  return issueError({ pointer, message, source: 'theme' });
}

/** The files the inputs came from, for messages; either may be absent (in-memory input). */
export interface ErrorFiles {
  issue?: string;
  theme?: string;
}

/**
 * One problem as a line for people and editors, as gcc, clang and tsc write them:
 * `FILE:LINE:COL: error: POINTER: MESSAGE` (or `warning:`), which editors' `$gcc` problem
 * matchers read. A problem without a position is placed at 1:1; the pointer is printed with
 * displayPointer, so nothing in a key can break the line apart.
 */
export function formatError(file: string, e: Pick<IssueError, 'pointer' | 'message' | 'line' | 'column'> & { severity?: Severity }): string {
  // Document text quoted in a message is shown with its control characters escaped, never raw.
  return `${file}:${e.line ?? 1}:${e.column ?? 1}: ${e.severity ?? 'error'}: ${displayPointer(e.pointer)}: ${escapeForMessage(e.message)}`;
}

/** The file an error belongs to, or undefined when that input was not a file. */
export function fileOf(e: IssueError, files: ErrorFiles): string | undefined {
  return e.source === 'theme' ? files.theme : files.issue;
}

/** Every error as a line; errors of an input that was not a file are printed without a position. */
export function formatErrors(errors: readonly IssueError[], files: ErrorFiles): string[] {
  return errors.map((e) => {
    const file = fileOf(e, files);
    if (file !== undefined) return formatError(file, e);
    const where = e.source === 'theme' ? `theme ${displayPointer(e.pointer)}` : displayPointer(e.pointer);
    return `${where}: ${e.severity}: ${escapeForMessage(e.message)}`;
  });
}

/** Thrown by the API when input is invalid; carries every error, never a stack trace for the user. */
export class IssueValidationError extends Error {
  readonly errors: IssueError[];
  readonly files: ErrorFiles;
  constructor(errors: readonly ErrorInit[], files: ErrorFiles | string = {}) {
    const all = errors.map(issueError);
    const named = typeof files === 'string' ? { issue: files } : files;
    super(formatErrors(all, named).join('\n'));
    this.name = 'IssueValidationError';
    this.errors = all;
    this.files = named;
  }

  /** The issue file, when the issue came from one. */
  get file(): string | undefined {
    return this.files.issue;
  }
}

/** The errors with repeats (same input, pointer and message) removed, first kept. */
export function dedupeErrors<T extends { pointer: string; message: string; source?: ErrorSource }>(errors: readonly T[]): T[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.source ?? ''}\u0000${e.pointer}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Errors in the order an editor shows them: by line, then column; errors without a position first, in their given order. */
export function inFileOrder<T extends Pick<IssueError, 'line' | 'column'>>(errors: readonly T[]): T[] {
  // Array.prototype.sort is stable: errors at one position keep the order they were found in.
  return [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
