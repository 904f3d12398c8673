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
  const walk: Walk = { cycles: [], ancestors: new Set(), path: [] };
  return { value: copy(walk, input, 0), cycles: walk.cycles };
}

/**
 * The state of one copy: the containers being copied (a cycle leads back to one of them) and
 * the keys down to the current value. The pointer is written out only for a cycle: built for
 * every value, with every property defined through defineProperty, the copy took 1.9–3.7 ms
 * of a 10–16 ms validation of ~100 pages (0.9–1.5 ms now).
 */
interface Walk {
  cycles: string[];
  ancestors: Set<object>;
  path: Array<string | number>;
}

// A function of its own, not a closure made per call (its optimized code would last only as
// long as each closure).
function copy(walk: Walk, value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (depth > MAX_DEPTH) return value;
  const array = Array.isArray(value);
  if (!array && !isPlainObject(value)) return value;
  const container = value as object;
  if (walk.ancestors.has(container)) {
    walk.cycles.push(walk.path.reduce<string>((p, k) => joinPointer(p, k), ''));
    return null;
  }
  walk.ancestors.add(container);
  try {
    if (array) {
      const items = value as unknown[];
      const out: unknown[] = [];
      for (let i = 0; i < items.length; i++) {
        walk.path.push(i);
        out.push(copy(walk, items[i], depth + 1));
        walk.path.pop();
      }
      return out;
    }
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record)) {
      walk.path.push(key);
      const v = copy(walk, record[key], depth + 1);
      walk.path.pop();
      // "__proto__" from JSON.parse must stay a plain own property (so it is reported as
      // unknown) rather than replace the prototype: assigned, it would call the accessor
      // Object.prototype has for it (its only one; every other key assigns as data).
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
    }
    return out;
  } finally {
    walk.ancestors.delete(container);
  }
}
