// RFC 6901 JSON Pointers: the one way every stage says where in the input a problem is.
import { escapeForMessage } from './escape.js';

export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, token: string | number): string {
  return `${base}/${escapeToken(String(token))}`;
}

/** The reference tokens of a pointer; "" and "/" both name the whole document. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.slice(1).split('/').map(unescapeToken);
}

export function parentPointer(pointer: string): string {
  const cut = pointer.lastIndexOf('/');
  return cut <= 0 ? '' : pointer.slice(0, cut);
}

/** The value a pointer names inside `root`, or undefined when the path does not exist. */
export function valueAt(root: unknown, pointer: string): unknown {
  let here: unknown = root;
  for (const token of splitPointer(pointer)) {
    if (Array.isArray(here)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      here = here[Number(token)];
    } else if (isPlainObject(here) && Object.prototype.hasOwnProperty.call(here, token)) {
      here = here[token];
    } else {
      return undefined;
    }
  }
  return here;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** How a pointer is printed for people: the whole document is "/". */
/** A pointer for people: "/" for the whole document, with control characters in keys escaped. */
export function displayPointer(pointer: string): string {
  return pointer === '' ? '/' : escapeForMessage(pointer);
}
