// RFC 6901 JSON Pointers: the one way every stage says where in the input a problem is.

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

/**
 * How a pointer is printed on a diagnostic line: the whole document is "/", and any character
 * that a URI fragment may not hold (spaces, controls, "%", non-ASCII) is percent-encoded as in
 * RFC 6901 §6, so a key such as "a: b" cannot split `FILE:LINE:COL: error: POINTER: MESSAGE`
 * apart and the pointer reads back with decodeURIComponent.
 */
export function displayPointer(pointer: string): string {
  if (pointer === '') return '/';
  // RFC 3986 fragment characters, less the ":" and "@" of pchar so that ": " never appears.
  return pointer.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=/]/gu, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    // A lone surrogate has no UTF-8 form to percent-encode: show it as an escape.
    return code >= 0xd800 && code <= 0xdfff ? `\\u${code.toString(16).toUpperCase()}` : encodeURIComponent(ch);
  });
}
