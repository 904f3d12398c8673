// Slot stores: zeroed, never overlapping while a scope is open, reused by the next scope, and
// their own outside any scope (tests and other callers keep what they get).
import { describe, expect, it } from 'vitest';
import { slots, withSlotScope } from '../../src/text/slots.js';

describe('slots', () => {
  it('hands out zeroed, disjoint stores inside a scope, and the same memory to the next scope', () => {
    let first: Float64Array | undefined;
    withSlotScope(() => {
      const a = slots(10, 2, 1, 1);
      const b = slots(1000, 1, 1, 3);
      const fa = a.float(1, 10);
      const ib = b.int(0, 1000);
      fa.fill(7);
      ib.fill(-1);
      a.byte(0, 10).fill(255);
      expect(Array.from(fa)).toEqual(new Array(10).fill(7));
      expect(a.float(0, 10).every((v) => v === 0)).toBe(true);
      expect(b.float(0, 1000).every((v) => v === 0)).toBe(true);
      expect(b.byte(2, 1000).every((v) => v === 0)).toBe(true);
      expect(fa.buffer).toBe(ib.buffer);
      first = a.float(0, 10);
    });
    withSlotScope(() => {
      const again = slots(10, 2, 1, 1);
      const f = again.float(1, 10);
      expect(f.buffer).toBe(first!.buffer);
      // Written in the previous scope, zeroed for this one.
      expect(f.every((v) => v === 0)).toBe(true);
    });
  });

  it('keeps stores valid when the scratch buffer grows inside a scope', () => {
    withSlotScope(() => {
      const small = slots(100, 1, 0, 0).float(0, 100).fill(3);
      const big = slots(100_000, 1, 0, 0).float(0, 100_000);
      big.fill(5);
      expect(small.every((v) => v === 3)).toBe(true);
      expect(big.every((v) => v === 5)).toBe(true);
    });
  });

  it('gives a store of its own outside a scope and for a paragraph past the scratch size', () => {
    const a = slots(10, 1, 0, 0).float(0, 10);
    const b = slots(10, 1, 0, 0).float(0, 10);
    expect(a.buffer).not.toBe(b.buffer);
    withSlotScope(() => {
      const huge = slots(200_000, 1, 0, 0).float(0, 200_000);
      const next = slots(10, 1, 0, 0).float(0, 10);
      expect(huge.buffer).not.toBe(next.buffer);
      expect(huge.byteLength).toBe(1_600_000);
    });
  });

  it('rejects a slot past its count or stride', () => {
    const s = slots(4, 1, 1, 1);
    expect(() => s.float(1, 4)).toThrow(RangeError);
    expect(() => s.int(0, 5)).toThrow(RangeError);
  });
});
