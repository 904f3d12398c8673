// validate: unknown JSON (or the text of a file) → a normalised Issue, or every problem at once.
import { schemaErrors } from './ajv.js';
import { postSchemaChecks } from './checks.js';
import { translateSchemaErrors } from './messages.js';
import { normalizeInput } from './normalize.js';
import { isPlainObject, joinPointer } from '../json/pointer.js';
import { error } from './problem.js';
import type { Problem } from './problem.js';
import { punctuationWarnings } from './punctuation.js';
import { parseText } from '../json/source.js';
import type { SourceMap } from '../json/source.js';
import { dedupeErrors, inFileOrder, type IssueError } from '../errors.js';
import type { Issue } from './types.js';

export type ValidationResult =
  | { ok: true; issue: Issue; warnings: IssueError[] }
  | { ok: false; errors: IssueError[]; warnings: IssueError[] };

interface Checked {
  value: unknown;
  errors: Problem[];
  warnings: Problem[];
}

function check(input: unknown): Checked {
  const { value, cycles } = normalizeInput(input);
  let errors = [...translateSchemaErrors(schemaErrors(value), value), ...postSchemaChecks(value)];
  if (cycles.length > 0) {
    // The copy holds null where a container contained itself; say what really happened there.
    const at = new Set(cycles);
    errors = errors.filter((e) => !at.has(e.pointer));
    errors.push(...cycles.map((p) => error(p, 'contains itself (a reference cycle is not JSON data)')));
  }
  return { value, errors: dedupeErrors(errors), warnings: dedupeErrors(punctuationWarnings(value)) };
}

/** Pointer → its rank in a depth-first, key-order walk of the data: the order an editor sees. */
function documentOrder(value: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const stack: Array<[unknown, string, number]> = [[value, '', 0]];
  while (stack.length > 0) {
    const [v, pointer, depth] = stack.pop()!;
    order.set(pointer, order.size);
    if (depth > 16) continue;
    const children: Array<[unknown, string, number]> = [];
    if (Array.isArray(v)) v.forEach((c: unknown, i) => children.push([c, joinPointer(pointer, i), depth + 1]));
    else if (isPlainObject(v)) for (const [k, c] of Object.entries(v)) children.push([c, joinPointer(pointer, k), depth + 1]);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return order;
}

function rank(order: Map<string, number>, pointer: string): number {
  for (let p = pointer; ; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
    const r = order.get(p);
    if (r !== undefined) return r;
    if (p === '') return 0;
  }
}

function toIssueError(p: Pick<Problem, 'pointer' | 'message' | 'at'> & { severity?: Problem['severity'] }, map?: SourceMap): IssueError {
  const out: IssueError = { pointer: p.pointer, message: p.message, severity: p.severity ?? 'error', source: 'issue' };
  if (map) {
    const { line, column } = map.locate(p.pointer, p.at);
    out.line = line;
    out.column = column;
  }
  return out;
}

function sortByDocument(problems: Problem[], value: unknown): Problem[] {
  const order = documentOrder(value);
  return problems
    .map((p, i) => ({ p, i, r: rank(order, p.pointer) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ p }) => p);
}

function result(checked: Checked, errors: IssueError[], warnings: IssueError[]): ValidationResult {
  // Only a document with no errors has the shape of Issue; the schema run just proved it.
  return errors.length === 0
    ? { ok: true, issue: checked.value as Issue, warnings }
    : { ok: false, errors, warnings };
}

function internalFailure(e: unknown): ValidationResult {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    errors: [{ pointer: '', message: `could not be validated (${detail})`, severity: 'error', source: 'issue', line: 1, column: 1 }],
    warnings: [],
  };
}

/**
 * Validate an already-parsed document. Never throws; the returned issue is a copy with every
 * string in NFC. Errors and warnings come in document order, without file positions.
 */
export function validateIssue(input: unknown): ValidationResult {
  try {
    const checked = check(input);
    const errors = sortByDocument(checked.errors, checked.value).map((p) => toIssueError(p));
    const warnings = sortByDocument(checked.warnings, checked.value).map((p) => toIssueError(p));
    return result(checked, errors, warnings);
  } catch (e) {
    return internalFailure(e);
  }
}

/**
 * Validate the text of an issue file. Every error and warning has a 1-based line and column:
 * the offending value, the object lacking a property, or the key of an unknown property.
 * Malformed JSON gives one error at the syntax error. Never throws.
 */
export function validateIssueText(text: string): ValidationResult {
  return validateIssueSource(text).result;
}

/** validateIssueText, with the source map later stages locate their errors with (absent when the text is not JSON). */
export function validateIssueSource(text: string): { result: ValidationResult; map?: SourceMap } {
  try {
    if (typeof text !== 'string') return { result: validateIssue(text) };
    const parsed = parseText(text);
    if (!parsed.ok) {
      const { problem, location } = parsed;
      return { result: { ok: false, errors: [{ ...toIssueError(problem), ...location }], warnings: [] } };
    }
    const checked = check(parsed.value);
    const errors = inFileOrder([...parsed.problems, ...checked.errors].map((p) => toIssueError(p, parsed.map)));
    const warnings = inFileOrder(checked.warnings.map((p) => toIssueError(p, parsed.map)));
    return { result: result(checked, errors, warnings), map: parsed.map };
  } catch (e) {
    return { result: internalFailure(e) };
  }
}
