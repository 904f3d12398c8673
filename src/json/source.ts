// JSON files as text (issue documents and theme overrides): parse with JSON.parse and find
// where each value starts when a problem asks (scan.ts for valid text; momoa's parse with
// positions for text with a repeated key), so every problem can be shown as FILE:LINE:COL,
// and turn JSON syntax errors into one plain sentence at the right place (momoa's tokens).
//
// Lines and columns are 1-based; columns count UTF-16 code units, as editors and eslint do
// (every CJK character in the BMP is one column). A leading byte order mark is skipped, as
// editors do not show it.
import { parse, tokenize } from '@humanwhocodes/momoa';
import type { AnyNode, Token, ValueNode } from '@humanwhocodes/momoa';
import { escapeForMessage } from '../escape.js';
import { joinPointer, parentPointer } from './pointer.js';
import { lineStarts, nodeAt, offsetTree, positionIn, skipSpace, stringEnd, stringText, type OffsetNode } from './scan.js';

/** A problem the parser finds, located by pointer; `at` says whether its key or value stands for it. */
export interface ParseProblem {
  pointer: string;
  message: string;
  at: 'value' | 'key';
}

function error(pointer: string, message: string, at: 'value' | 'key' = 'value'): ParseProblem {
  // Keys quoted in messages are document text: never echo a control character raw.
  return { pointer, message: escapeForMessage(message), at };
}

export interface SourceLocation {
  line: number;
  column: number;
}

interface Located {
  value: SourceLocation;
  key?: SourceLocation;
}

/**
 * Pointer → where its value (and, for a property, its key) starts in the text. A valid
 * document's map is found from its text on the first question, in one walk that keeps only
 * offsets (scan.ts): a valid document is usually never asked, and when it is, it is for a
 * warning or two. A text with a problem of its own (a repeated key) comes with the map of the
 * parse with positions that found it.
 */
export class SourceMap {
  readonly #entries: Map<string, Located> | undefined;
  #offsets: OffsetNode | undefined;
  #lines: number[] | undefined;
  readonly #source: string | undefined;
  constructor(entries: Map<string, Located> | string) {
    if (typeof entries === 'string') this.#source = entries;
    else this.#entries = entries;
  }

  /** The position for a problem; an unknown pointer falls back to its nearest existing ancestor. */
  locate(pointer: string, at: 'value' | 'key' = 'value'): SourceLocation {
    const p = pointer === '/' ? '' : pointer;
    const own = this.#find(p);
    if (own) return at === 'key' && own.key ? own.key : own.value;
    if (p === '') return { line: 1, column: 1 };
    return this.locate(parentPointer(p), 'value');
  }

  #find(pointer: string): Located | undefined {
    if (this.#entries) return this.#entries.get(pointer);
    const source = this.#source ?? '';
    const found = nodeAt((this.#offsets ??= offsetTree(source)), pointer);
    if (!found) return undefined;
    const lines = (this.#lines ??= lineStarts(source));
    const value = positionIn(lines, found.value);
    return found.key === undefined ? { value } : { value, key: positionIn(lines, found.key) };
  }
}

export type ParsedText =
  | { ok: true; value: unknown; map: SourceMap; problems: ParseProblem[] }
  | { ok: false; problem: ParseProblem; location: SourceLocation };

const BOM = '\ufeff';

export function parseText(text: string): ParsedText {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  // The common case first: JSON.parse is the reference for what a value is, and a document it
  // reads whose objects repeat no key has nothing for the parser below to report. Positions
  // are found later, from the text, if anything asks (SourceMap).
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return locatedParse(source);
  }
  if (repeatsAKey(source)) return locatedParse(source);
  return { ok: true, value, map: new SourceMap(source), problems: [] };
}

/** The parse with positions: syntax errors where they are, and repeated keys as problems. */
function locatedParse(source: string): ParsedText {
  let body: ValueNode;
  try {
    body = parse(source, { mode: 'json' }).body;
  } catch (e) {
    return syntaxFailure(source, e);
  }
  let value: unknown;
  try {
    // momoa is lenient about a few things JSON is not (raw control characters in strings),
    // and JSON.parse is the reference for what a value is.
    value = JSON.parse(source);
  } catch (e) {
    return strictFailure(source, e);
  }
  const { entries, problems } = collect(body);
  return { ok: true, value, map: new SourceMap(entries), problems };
}

/**
 * Whether an object of valid JSON text has a key twice (which JSON.parse silently resolves to
 * the last, RFC 8259 §4 leaving it to the reader). One pass over the text with a stack of the
 * keys of each open object (no recursion: hostile nesting); a key with an escape is decoded,
 * so "a" and "\u0061" are the same key.
 */
export function repeatsAKey(json: string): boolean {
  const open: Array<Set<string> | undefined> = [];
  // Strings are crossed with indexOf, not a character at a time (a paragraph is one string),
  // and only a key's own text is read for escapes, so the pass is linear.
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x7b /* { */) open.push(new Set());
    else if (c === 0x5b /* [ */) open.push(undefined);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) open.pop();
    else if (c === 0x22 /* " */) {
      const start = i;
      const end = stringEnd(json, start);
      if (end === json.length) return false; // not JSON.parse's text: nothing to say
      i = end;
      // A string is a key when a colon follows it (only whitespace between, in valid JSON).
      const j = skipSpace(json, i + 1);
      const keys = open[open.length - 1];
      if (json.charCodeAt(j) !== 0x3a /* : */ || !keys) continue;
      const key = stringText(json, start, end);
      if (keys.has(key)) return true;
      keys.add(key);
    }
  }
  return false;
}

/** Position of the value at `pointer` in `text` (or its nearest ancestor; 1:1 when unreadable). */
export function pointerPosition(text: string, pointer: string): SourceLocation {
  const parsed = parseText(text);
  return parsed.ok ? parsed.map.locate(pointer) : { line: 1, column: 1 };
}

function collect(root: ValueNode): { entries: Map<string, Located>; problems: ParseProblem[] } {
  const entries = new Map<string, Located>();
  const problems: ParseProblem[] = [];
  // Depth first in document order, with an explicit stack (hostile input may nest deeper
  // than the call stack allows). Children are pushed in reverse so they pop in order.
  const stack: Array<{ node: ValueNode; pointer: string; key?: SourceLocation }> = [{ node: root, pointer: '' }];
  while (stack.length > 0) {
    const { node, pointer, key } = stack.pop()!;
    if (entries.has(pointer)) {
      // A repeated key: JSON.parse keeps the last value, so forget the earlier one's subtree.
      for (const p of [...entries.keys()]) if (p.startsWith(`${pointer}/`)) entries.delete(p);
    }
    entries.set(pointer, { value: start(node), ...(key ? { key } : {}) });
    const children: Array<{ node: ValueNode; pointer: string; key?: SourceLocation }> = [];
    if (node.type === 'Object') {
      const seen = new Set<string>();
      for (const member of node.members) {
        const name = member.name.type === 'String' ? member.name.value : member.name.name;
        const at = joinPointer(pointer, name);
        if (seen.has(name)) {
          problems.push(error(at, `property "${name}" appears more than once in this object (only the last would count)`, 'key'));
        }
        seen.add(name);
        children.push({ node: member.value, pointer: at, key: start(member.name) });
      }
    } else if (node.type === 'Array') {
      node.elements.forEach((element, i) => children.push({ node: element.value, pointer: joinPointer(pointer, i) }));
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { entries, problems };
}

function start(node: AnyNode): SourceLocation {
  return { line: node.loc.start.line, column: node.loc.start.column };
}

function hasLocation(e: unknown): e is Error & { line: number; column: number; offset: number } {
  return e instanceof Error && typeof (e as { line?: unknown }).line === 'number' && typeof (e as { column?: unknown }).column === 'number';
}

/** Line and column (1-based; UTF-16 units, a CRLF one break) of `offset` in `text`, as editors count. */
export function locationOfOffset(text: string, offset: number): SourceLocation {
  return positionIn(lineStarts(text), Math.min(offset, text.length));
}

function strictFailure(source: string, e: unknown): ParsedText {
  const raw = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(raw);
  const location = m ? locationOfOffset(source, Number(m[1])) : { line: 1, column: 1 };
  const message = /control character/i.test(raw)
    ? 'not valid JSON: a string contains a raw control character such as a line break or tab; write it as an escape (\\n, \\t)'
    : `not valid JSON: ${raw.replace(/^[^:]*JSON[^:]*:\s*/, '')}`;
  return { ok: false, problem: error('', message), location };
}

function syntaxFailure(source: string, e: unknown): ParsedText {
  if (!hasLocation(e)) {
    // Not a syntax error but the parser giving up (a stack overflow on absurd nesting).
    return { ok: false, problem: error('', 'not valid JSON: the document is nested too deeply to read'), location: { line: 1, column: 1 } };
  }
  const { message, location } = plainSyntaxError(source, e);
  return { ok: false, problem: error('', `not valid JSON: ${message}`), location };
}

const TOKEN_TEXT: Partial<Record<Token['type'], string>> = {
  LBrace: '"{"',
  RBrace: '"}"',
  LBracket: '"["',
  RBracket: '"]"',
  Colon: '":"',
  Comma: '","',
  String: 'a string',
  Number: 'a number',
  Boolean: 'true/false',
  Null: 'null',
};

const ENDS_VALUE = new Set<Token['type']>(['String', 'Number', 'Boolean', 'Null', 'RBrace', 'RBracket']);

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) ? `"${ch}"` : hex;
}

function plainSyntaxError(source: string, e: Error & SourceLocation & { offset: number }): { message: string; location: SourceLocation } {
  // Classified by message rather than class name, which a bundler may rename.
  const name = e.message.startsWith('Unexpected character')
    ? 'UnexpectedChar'
    : e.message.startsWith('Unexpected identifier')
      ? 'UnexpectedIdentifier'
      : e.message.startsWith('Unexpected end of input')
        ? 'UnexpectedEOF'
        : 'UnexpectedToken';
  const here = { line: e.line, column: e.column };
  if (name === 'UnexpectedChar') {
    if (source[e.offset] === '\\') {
      const escaped = /'(.*)'/su.exec(e.message)?.[1] ?? '';
      return { message: `invalid escape "\\${escaped}" in a string (write \\\\ for a backslash)`, location: here };
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(source.slice(e.offset))?.[0];
    if (word) return { message: unexpectedWord(word), location: here };
    const ch = String.fromCodePoint(source.codePointAt(e.offset) ?? 0);
    let hint = '';
    if (ch === "'") hint = ' (JSON strings use double quotes)';
    else if (ch === '/' || ch === '#') hint = ' (JSON does not allow comments)';
    return { message: `unexpected character ${describeChar(ch)}${hint}`, location: here };
  }
  if (name === 'UnexpectedIdentifier') {
    return { message: unexpectedWord(/'(.*)'/.exec(e.message)?.[1] ?? ''), location: here };
  }
  if (source.trim() === '') return { message: 'the file is empty (expected an object starting with "{")', location: { line: 1, column: 1 } };
  let tokens: Token[] | undefined;
  try {
    tokens = tokenize(source, { mode: 'json' });
  } catch {
    tokens = undefined;
  }
  if (!tokens) {
    // The tokenizer itself fails only inside a string that never ends.
    return { message: 'the file ends inside a string (a closing " is missing)', location: here };
  }
  const index = tokens.findIndex((t) => t.loc.start.offset === e.offset);
  const last = tokens[tokens.length - 1];
  const open = unclosed(tokens);
  // momoa reports running out of input either as end-of-input or as the last token it saw.
  if (open && last && (name === 'UnexpectedEOF' || index === tokens.length - 1)) {
    return {
      message: `the file ends before the ${TOKEN_TEXT[open.type]} opened at ${open.loc.start.line}:${open.loc.start.column} is closed`,
      location: { line: last.loc.end.line, column: last.loc.end.column },
    };
  }
  const token = tokens[index];
  if (!token) return { message: e.message.replace(/\s*\(\d+:\d+\)$/, '').toLowerCase(), location: here };
  const prev = tokens[index - 1];
  const prevPrev = tokens[index - 2];
  const what = TOKEN_TEXT[token.type] ?? token.type;
  if (depthBefore(tokens, index) === 0 && index > 0) {
    return { message: `${what} after the end of the document (only one value is allowed)`, location: here };
  }
  if ((token.type === 'RBrace' || token.type === 'RBracket') && prev?.type === 'Comma') {
    return { message: `a comma before ${what} is not allowed (trailing comma)`, location: here };
  }
  if (prev?.type === 'String' && insideObject(tokens, index) && (prevPrev?.type === 'LBrace' || prevPrev?.type === 'Comma')) {
    return { message: 'missing ":" after the property name', location: here };
  }
  if (prev && ENDS_VALUE.has(prev.type) && !['RBrace', 'RBracket', 'Comma', 'Colon'].includes(token.type)) {
    return { message: `missing "," before ${what}`, location: here };
  }
  return { message: `${what} is not expected here`, location: here };
}

function unexpectedWord(word: string): string {
  return `unexpected word "${word}" (a value is a "string", a number, true, false, null, an object or an array)`;
}

function depthBefore(tokens: Token[], index: number): number {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    const t = tokens[i]!;
    if (t.type === 'LBrace' || t.type === 'LBracket') depth++;
    else if (t.type === 'RBrace' || t.type === 'RBracket') depth--;
  }
  return depth;
}

/** Whether the token at `index` sits directly inside an object (not an array). */
function insideObject(tokens: Token[], index: number): boolean {
  const stack: Token['type'][] = [];
  for (let i = 0; i < index; i++) {
    const t = tokens[i]!;
    if (t.type === 'LBrace' || t.type === 'LBracket') stack.push(t.type);
    else if (t.type === 'RBrace' || t.type === 'RBracket') stack.pop();
  }
  return stack[stack.length - 1] === 'LBrace';
}

function unclosed(tokens: Token[]): Token | undefined {
  const stack: Token[] = [];
  for (const t of tokens) {
    if (t.type === 'LBrace' || t.type === 'LBracket') stack.push(t);
    else if (t.type === 'RBrace' || t.type === 'RBracket') stack.pop();
  }
  return stack[stack.length - 1];
}
