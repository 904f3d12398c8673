// The validator's internal record of one problem, before it gets a file position.
import { escapeForMessage } from '../escape.js';

export interface Problem {
  pointer: string;
  message: string;
  /**
   * Which source position stands for the problem: the value at `pointer` (a wrong value, or
   * the object that lacks a required property) or the key that names it (an unknown or
   * repeated property).
   */
  at: 'value' | 'key';
  severity: 'error' | 'warning';
}

// Every message is escaped here, once, whatever document text it quotes (keys, values,
// pointers): ESC, C1, bidi and invisible characters are shown as \u001b-style escapes.
export function error(pointer: string, message: string, at: 'value' | 'key' = 'value'): Problem {
  return { pointer, message: escapeForMessage(message), at, severity: 'error' };
}

export function warning(pointer: string, message: string): Problem {
  return { pointer, message: escapeForMessage(message), at: 'value', severity: 'warning' };
}

/** A value as the author wrote it, short enough for a one-line message. */
export function shown(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'function' || typeof value === 'symbol') text = `a ${typeof value}`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  const chars = [...text];
  return escapeForMessage(chars.length > 60 ? `${chars.slice(0, 57).join('')}...` : text);
}

/** The JSON kind of a value, for "must be a string (got number)". */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

export function quotedList(items: readonly string[], last = 'or'): string {
  const q = items.map((i) => `"${i}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${last} ${q[q.length - 1]}`;
}
