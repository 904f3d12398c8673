// Input → plain data with every string in NFC, so later stages compare and measure one
// spelling of each character (a decomposed é and a precomposed é must shape the same).
// The input is never mutated; the copy is what the validator checks and what it returns.
import { isPlainObject, joinPointer } from '../json/pointer.js';

export interface Normalized {
  value: unknown;
  /** Pointers where an object or array contains itself; the copy holds null there. */
  cycles: string[];
}

// The schema nests seven levels deep (/articles/0/body/0/runs/0/text); anything deeper is
// invalid higher up, so there is no need to copy it, and a cap keeps the walk off the stack limit.
const MAX_DEPTH = 64;

export function normalizeInput(input: unknown): Normalized {
  const cycles: string[] = [];
  const ancestors = new Set<object>();

  const copy = (value: unknown, pointer: string, depth: number): unknown => {
    if (typeof value === 'string') return value.normalize('NFC');
    if (depth > MAX_DEPTH) return value;
    if (Array.isArray(value) || isPlainObject(value)) {
      if (ancestors.has(value)) {
        cycles.push(pointer);
        return null;
      }
      ancestors.add(value);
      try {
        if (Array.isArray(value)) {
          const out: unknown[] = [];
          for (let i = 0; i < value.length; i++) out.push(copy(value[i], joinPointer(pointer, i), depth + 1));
          return out;
        }
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(value)) {
          // defineProperty, not assignment: a "__proto__" key from JSON.parse must stay a plain
          // own property (so it is reported as unknown) rather than replace the prototype.
          Object.defineProperty(out, key, {
            value: copy(value[key], joinPointer(pointer, key), depth + 1),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return out;
      } finally {
        ancestors.delete(value);
      }
    }
    return value;
  };

  return { value: copy(input, '', 0), cycles };
}
