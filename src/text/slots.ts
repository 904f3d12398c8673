// The typed arrays of one paragraph in one backing store. A typed array over 64 bytes keeps
// its memory outside V8's heap, and the GC tracks and frees each such store on its own (the
// "external memory pressure" collections of a render); views of one store are one.

export interface Slots {
  /** Slot k of the Float64 slots, its first `length` elements. */
  float(k: number, length: number): Float64Array;
  int(k: number, length: number): Int32Array;
  byte(k: number, length: number): Uint8Array;
}

/** `floats` + `ints` + `bytes` zeroed slots of `stride` elements each, in one ArrayBuffer. */
export function slots(stride: number, floats: number, ints: number, bytes: number): Slots {
  const intsAt = 8 * stride * floats;
  const bytesAt = intsAt + 4 * stride * ints;
  const buffer = new ArrayBuffer(bytesAt + stride * bytes);
  const check = (k: number, count: number, length: number): void => {
    if (k < 0 || k >= count || length > stride) throw new RangeError(`slot ${k} of ${count} (${length} of ${stride})`);
  };
  return {
    float: (k, length) => (check(k, floats, length), new Float64Array(buffer, 8 * stride * k, length)),
    int: (k, length) => (check(k, ints, length), new Int32Array(buffer, intsAt + 4 * stride * k, length)),
    byte: (k, length) => (check(k, bytes, length), new Uint8Array(buffer, bytesAt + stride * k, length)),
  };
}
