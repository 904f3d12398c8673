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
