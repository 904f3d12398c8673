// Where every value (and key) of a JSON text starts, found in one walk over the text into a
// tree of offsets only: JSON text is asked for a place only when the document has a problem
// (a schema error, or a warning in an issue that is otherwise valid), and the parse with
// positions it paid for that (momoa) took 283 µs warm for a 9 KB issue, where
// this walk and the line index take 32 (validating 663 in a cold process: 16–26 ms, now 12–14).
//
// Only for text JSON.parse has accepted and whose objects repeat no key (parseText checks
// both): every value is well formed and a key names one member (RFC 8259 §4). Nesting is
// kept on a stack of its own, not the call stack, and no value is named by a pointer string
// (whose length grows with depth): hostile depth costs linear time, not quadratic, and
// cannot overflow the stack.
import { splitPointer } from './pointer.js';

/** A value of the text: the UTF-16 offsets of it and of its key, and its members. */
export interface OffsetNode {
  value: number;
  key?: number;
  members?: Map<string, OffsetNode>;
  elements?: OffsetNode[];
}

/** The offsets of every value of a valid JSON text. */
export function offsetTree(json: string): OffsetNode {
  const root: OffsetNode = { value: skipSpace(json, 0) };
  const stack: OffsetNode[] = [];
  let node = root;
  let i = root.value;
  for (;;) {
    const c = json.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (c === 0x7b) node.members = new Map();
      else node.elements = [];
      i = skipSpace(json, i + 1);
      const next = json.charCodeAt(i);
      if (next !== 0x7d /* } */ && next !== 0x5d /* ] */) {
        stack.push(node);
        ({ node, i } = member(json, node, i));
        continue;
      }
      i++;
    } else {
      i = valueEnd(json, i);
    }
    // Past a value: close the containers it ends, up to one with another member.
    for (;;) {
      const open = stack[stack.length - 1];
      if (!open) return root;
      i = skipSpace(json, i);
      if (json.charCodeAt(i) === 0x2c /* , */) {
        ({ node, i } = member(json, open, skipSpace(json, i + 1)));
        break;
      }
      stack.pop();
      i++;
    }
  }
}

/** The node a pointer names, or undefined when the text has no such value. */
export function nodeAt(root: OffsetNode, pointer: string): OffsetNode | undefined {
  let node: OffsetNode | undefined = root;
  for (const token of splitPointer(pointer)) {
    if (node.members) node = node.members.get(token);
    // An array index as RFC 6901 §4 writes it: no sign, no leading zero.
    else if (node.elements && /^(0|[1-9]\d*)$/.test(token)) node = node.elements[Number(token)];
    else return undefined;
    if (!node) return undefined;
  }
  return node;
}

/** The member of `open` starting at `at`, added to it, and where its value starts. */
function member(json: string, open: OffsetNode, at: number): { node: OffsetNode; i: number } {
  if (open.elements) {
    const node: OffsetNode = { value: at };
    open.elements.push(node);
    return { node, i: at };
  }
  const end = stringEnd(json, at);
  const name = stringText(json, at, end);
  // Past the key, the colon and the space around it.
  const i = skipSpace(json, skipSpace(json, end + 1) + 1);
  const node: OffsetNode = { value: i, key: at };
  open.members!.set(name, node);
  return { node, i };
}

/** Just past the string or literal (number, true, false, null) starting at `start`. */
function valueEnd(json: string, start: number): number {
  if (json.charCodeAt(start) === 0x22 /* " */) return stringEnd(json, start) + 1;
  let i = start;
  while (i < json.length && !endsLiteral(json.charCodeAt(i))) i++;
  return i;
}

/**
 * The quote closing the string that opens at `open`: the first one after an even run of
 * backslashes (the text's length when there is none). Found with indexOf, so a long paragraph
 * costs a search, not a loop in script.
 */
export function stringEnd(json: string, open: number): number {
  let end = json.indexOf('"', open + 1);
  for (;;) {
    if (end < 0) return json.length;
    let k = end - 1;
    while (json.charCodeAt(k) === 0x5c /* \ */) k--;
    if ((end - 1 - k) % 2 === 0) return end;
    end = json.indexOf('"', end + 1);
  }
}

/** The text of the string between the quotes at `open` and `end`, its escapes decoded. */
export function stringText(json: string, open: number, end: number): string {
  const raw = json.slice(open + 1, end);
  return raw.includes('\\') ? (JSON.parse(json.slice(open, end + 1)) as string) : raw;
}

function endsLiteral(c: number): boolean {
  return c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Past JSON's insignificant whitespace (RFC 8259 §2: space, tab, LF, CR). */
export function skipSpace(json: string, from: number): number {
  let i = from;
  for (;;) {
    const c = json.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}

/**
 * Offsets where the text's lines start, as editors count them: after a LF, and after a CR
 * that no LF follows (a CRLF is one break). Found with indexOf, line by line.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    const at = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    // A CR directly before a LF: the LF ends the line.
    if (at === cr && text.charCodeAt(at + 1) === 0x0a) {
      cr = text.indexOf('\r', at + 1);
      continue;
    }
    starts.push(at + 1);
    if (at === lf) lf = text.indexOf('\n', at + 1);
    else cr = text.indexOf('\r', at + 1);
  }
  return starts;
}

/** Line and column (1-based, UTF-16 units) of `offset`, given the text's lineStarts. */
export function positionIn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
