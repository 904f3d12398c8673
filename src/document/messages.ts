// ajv's errors rewritten for the people who edit issue files: one plain sentence per
// problem, at the pointer of the thing to fix, with ajv's cascades folded away.
import type { SchemaError } from './ajv.js';
import { describeCodePoint, firstHiddenCharacter } from '../escape.js';
import { isPlainObject, joinPointer, valueAt } from '../json/pointer.js';
import { error, kindOf, quotedList, shown } from './problem.js';
import type { Problem } from './problem.js';
import { bulletinSchema } from './schema.js';

/** The block types, in schema order, read from the discriminator's branches. */
export const BLOCK_TYPES: readonly string[] = [
  bulletinSchema.$defs.paragraph.properties.type.const,
  bulletinSchema.$defs.heading.properties.type.const,
  bulletinSchema.$defs.image.properties.type.const,
];

const BLOCK_POINTER = /^\/articles\/\d+\/body\/\d+$/;
const PARAGRAPH_EXCLUSIVE = 'paragraph must have exactly one of "text" or "runs"';
const URL_FIELDS = new Set(['url', 'href']);

/** The block type of the object at `pointer`, when it is a body block with a known type. */
export function blockTypeAt(data: unknown, pointer: string): string | undefined {
  if (!BLOCK_POINTER.test(pointer)) return undefined;
  const block = valueAt(data, pointer);
  if (!isPlainObject(block)) return undefined;
  const type = block['type'];
  return typeof type === 'string' && BLOCK_TYPES.includes(type) ? type : undefined;
}

export function httpUrlMessage(value: unknown): string {
  const hidden = typeof value === 'string' ? firstHiddenCharacter(value) : undefined;
  if (hidden) {
    const what = describeCodePoint(hidden.code);
    return `must be an absolute http or https URL without spaces, control or invisible characters: it contains ${what} at character ${hidden.position} (got ${shown(value)})`;
  }
  return `must be an absolute http or https URL (got ${shown(value)})`;
}

const ARTICLE = /^\/articles\/\d+$/;
const KIND_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function lastToken(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1);
}

/** What the object at `pointer` is, for messages: "image block", "article", or undefined. */
function ownerName(data: unknown, pointer: string): string | undefined {
  const block = blockTypeAt(data, pointer);
  if (block) return `${block} block`;
  return ARTICLE.test(pointer) ? 'article' : undefined;
}

/** Optimal string alignment distance, case-blind: a swapped pair ("titel") costs one edit. */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const row = d[i]!;
      const up = d[i - 1]!;
      row[j] = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[x.length]![y.length]!;
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(name.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

function allowedProperties(e: SchemaError): string[] {
  const parent: unknown = e.parentSchema;
  if (!isPlainObject(parent) || !isPlainObject(parent['properties'])) return [];
  return Object.keys(parent['properties']);
}

function rangeOf(e: SchemaError): { min?: number; max?: number } {
  const parent: unknown = e.parentSchema;
  if (!isPlainObject(parent)) return {};
  const min = parent['minimum'];
  const max = parent['maximum'];
  return { ...(typeof min === 'number' ? { min } : {}), ...(typeof max === 'number' ? { max } : {}) };
}

function dateMessage(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return `${shown(value)} is not a real calendar date`;
  }
  return `must be a date written YYYY-MM-DD (got ${shown(value)})`;
}

function itemsNoun(pointer: string): string {
  const field = lastToken(pointer);
  if (field === 'articles') return 'article';
  if (field === 'body') return 'block';
  if (field === 'runs') return 'run';
  return 'item';
}

/** One ajv error → a problem, or null when another error already says it better. */
function translate(e: SchemaError, data: unknown): Problem | null {
  const at = e.instancePath;
  const value = valueAt(data, at);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const missing = String(params['missingProperty']);
      // A paragraph's "text or runs" branches are reported once, by the oneOf case.
      if (e.schemaPath.includes('/oneOf/') && blockTypeAt(data, at) === 'paragraph') return null;
      if (missing === 'type' && BLOCK_POINTER.test(at)) {
        return error(at, `missing required property "type" (one of ${quotedList(BLOCK_TYPES)})`);
      }
      const owner = ownerName(data, at);
      return error(at, `missing required property "${missing}"${owner ? ` of ${owner}` : ''}`);
    }
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const suggestion = closest(name, allowedProperties(e));
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      const owner = ownerName(data, at);
      return error(joinPointer(at, name), `unknown property "${name}"${owner ? ` in ${owner}` : ''}${hint}`, 'key');
    }
    case 'discriminator': {
      if (params['error'] === 'mapping') {
        const tag = params['tagValue'];
        const suggestion = typeof tag === 'string' ? closest(tag, BLOCK_TYPES) : undefined;
        const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
        return error(joinPointer(at, 'type'), `unknown block type ${shown(tag)} (a block is ${quotedList(BLOCK_TYPES)}${hint})`);
      }
      if (!isPlainObject(value) || !('type' in value)) return null; // "missing required property" says it
      return error(joinPointer(at, 'type'), `block type must be ${quotedList(BLOCK_TYPES)} (got ${shown(value['type'])})`);
    }
    case 'oneOf':
      if (blockTypeAt(data, at) === 'paragraph') return error(at, PARAGRAPH_EXCLUSIVE);
      return error(at, `must match exactly one of the allowed shapes`);
    case 'type': {
      const expected = String(params['type']);
      return error(at, `must be ${KIND_NAMES[expected] ?? expected} (got ${kindOf(value)})`);
    }
    case 'minLength':
      return error(at, params['limit'] === 1 ? 'must not be empty' : `must be at least ${String(params['limit'])} characters long`);
    case 'minItems': {
      const n = Number(params['limit']);
      const noun = itemsNoun(at);
      return error(at, `must have at least ${n === 1 ? 'one' : n} ${noun}${n === 1 ? '' : 's'}`);
    }
    case 'minimum':
    case 'maximum': {
      const { min, max } = rangeOf(e);
      if (min !== undefined && max !== undefined) return error(at, `must be between ${min} and ${max} (got ${shown(value)})`);
      return error(at, `must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params['limit'])} (got ${shown(value)})`);
    }
    case 'format':
      if (params['format'] === 'date') return error(at, dateMessage(value));
      return error(at, `must be a valid ${String(params['format'])} (got ${shown(value)})`);
    case 'pattern':
      if (URL_FIELDS.has(lastToken(at))) return error(at, httpUrlMessage(value));
      return error(at, `must match ${String(params['pattern'])} (got ${shown(value)})`);
    case 'const':
      return error(at, `must be ${shown(params['allowedValue'])} (got ${shown(value)})`);
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'].map(String) : [];
      return error(at, `must be ${quotedList(allowed)} (got ${shown(value)})`);
    }
    default:
      return error(at, e.message ?? `is not allowed here (${e.keyword})`);
  }
}

export function translateSchemaErrors(errors: readonly SchemaError[], data: unknown): Problem[] {
  const out: Problem[] = [];
  for (const e of errors) {
    const p = translate(e, data);
    if (p) out.push(p);
  }
  return out;
}
