// The typed arrays of one paragraph in one backing store. A typed array over 64 bytes keeps
// its memory outside V8's heap, and the GC tracks and frees each such store on its own (the
// "external memory pressure" collections of a render); views of one store are one.
//
// Inside breakParagraph (withSlotScope) the stores are regions of one scratch buffer that
// every paragraph reuses: the breaker's arrays never leave that call (a paragraph's lines are
// plain objects), so a ~30-page render does not allocate, zero and later free ~2,500 stores
// (~5 ms of it in a profile, and the external memory that lets V8's old space grow between
// collections).

export interface Slots {
  /** Slot k of the Float64 slots, its first `length` elements. */
  float(k: number, length: number): Float64Array;
  int(k: number, length: number): Int32Array;
  byte(k: number, length: number): Uint8Array;
}

/**
 * The scratch buffer is kept between paragraphs up to this size: a paragraph of ~8,000
 * clusters. A larger paragraph's stores are allocated for it alone, as outside a scope.
 */
const SCRATCH_MAX = 1 << 20;

/** The one process-wide scratch buffer (bounded by SCRATCH_MAX) and how much of it the open scope has handed out. */
let scratch = new ArrayBuffer(0);
let used = 0;
let open = false;

/**
 * Runs `fn` with slot stores taken from the scratch buffer; they are valid until it returns
 * and must not be kept past that. `fn` is synchronous, so no other paragraph runs inside it.
 * A scope opened inside another shares it.
 */
export function withSlotScope<T>(fn: () => T): T {
  if (open) return fn();
  open = true;
  used = 0;
  try {
    return fn();
  } finally {
    open = false;
    used = 0;
  }
}

/** `byteLength` zeroed bytes, 8-byte aligned: from the open scope's scratch buffer, else its own. */
function store(byteLength: number): { buffer: ArrayBuffer; at: number } {
  if (!open || byteLength > SCRATCH_MAX) return { buffer: new ArrayBuffer(byteLength), at: 0 };
  let at = (used + 7) & ~7;
  if (at + byteLength > scratch.byteLength) {
    // Stores already handed out in this scope keep the old buffer alive; new ones start the new one.
    scratch = new ArrayBuffer(Math.min(SCRATCH_MAX, Math.max(2 * scratch.byteLength, byteLength, 64 * 1024)));
    at = 0;
  }
  used = at + byteLength;
  new Uint8Array(scratch, at, byteLength).fill(0);
  return { buffer: scratch, at };
}

/** `floats` + `ints` + `bytes` zeroed slots of `stride` elements each, in one store. */
export function slots(stride: number, floats: number, ints: number, bytes: number): Slots {
  const intsAt = 8 * stride * floats;
  const bytesAt = intsAt + 4 * stride * ints;
  const { buffer, at } = store(bytesAt + stride * bytes);
  return new SlotStore(buffer, at, stride, floats, ints, bytes);
}

// A class, not an object of arrow functions: closures made per paragraph lose their
// optimized code at every major GC, methods keep it.
class SlotStore implements Slots {
  constructor(
    private readonly buffer: ArrayBuffer,
    private readonly at: number,
    private readonly stride: number,
    private readonly floats: number,
    private readonly ints: number,
    private readonly bytes: number,
  ) {}

  float(k: number, length: number): Float64Array {
    this.check(k, this.floats, length);
    return new Float64Array(this.buffer, this.at + 8 * this.stride * k, length);
  }

  int(k: number, length: number): Int32Array {
    this.check(k, this.ints, length);
    return new Int32Array(this.buffer, this.at + 8 * this.stride * this.floats + 4 * this.stride * k, length);
  }

  byte(k: number, length: number): Uint8Array {
    this.check(k, this.bytes, length);
    return new Uint8Array(this.buffer, this.at + (8 * this.floats + 4 * this.ints) * this.stride + this.stride * k, length);
  }

  private check(k: number, count: number, length: number): void {
    if (k < 0 || k >= count || length > this.stride) throw new RangeError(`slot ${k} of ${count} (${length} of ${this.stride})`);
  }
}
