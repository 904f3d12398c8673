import { escapeForMessage } from './escape.js';
import { displayPointer } from './pointer.js';
import type { IssueError } from './types.js';

/**
 * One problem as a line for people and editors: `FILE:LINE:COL: POINTER: MESSAGE`. The whole
 * document is pointer "/"; a problem without a position is placed at 1:1; a warning's
 * message starts with "warning: ".
 */
export function formatError(file: string, e: IssueError): string {
  // Callers that already marked the message (src/cli.ts does) must not get "warning: warning:".
  const marked = e.severity === 'warning' && !e.message.startsWith('warning: ');
  const message = escapeForMessage(marked ? `warning: ${e.message}` : e.message);
  return `${file}:${e.line ?? 1}:${e.column ?? 1}: ${displayPointer(e.pointer)}: ${message}`;
}
