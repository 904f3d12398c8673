// Several typed arrays of one paragraph in one backing store. A typed array over 64 bytes
// keeps its memory outside V8's heap, and the GC tracks and frees each such store on its own
// (the "external memory pressure" collections of a render); views of one store are one.

/** Views of consecutive slots of `stride` elements of `all`: slot k, its first `length` elements. */
export function slots<T extends Float64Array | Int32Array | Uint8Array>(all: T, stride: number): (k: number, length: number) => T {
  return (k, length) => all.subarray(k * stride, k * stride + length) as T;
}
