// Orders the PDF writer needs to be deterministic and readable by binary search: sequences of
// numbers (code points, written bytes) compared element by element, never by locale.

/** Lexicographic order of two number sequences; a prefix comes first. */
export function compareSequences(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = x[i]! - y[i]!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * Code-point order of two strings (UTF-16 surrogate pairs read as one code point, a lone
 * surrogate as itself; a prefix first): the sign compareSequences gives their code-point
 * arrays, without making the arrays (the subset's CIDs are sorted this way, ~1,000 texts a
 * document).
 */
export function compareCodePoints(x: string, y: string): number {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = x.codePointAt(i)!;
    const b = y.codePointAt(j)!;
    if (a !== b) return a - b;
    i += a > 0xffff ? 2 : 1;
    j += b > 0xffff ? 2 : 1;
  }
  return (i < x.length ? 1 : 0) - (j < y.length ? 1 : 0);
}
