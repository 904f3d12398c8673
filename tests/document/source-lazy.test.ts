// parseText reads a valid document with JSON.parse alone and finds positions only when a
// problem asks for one, then by walking the text (src/json/scan.ts), not by the parse with
// positions (momoa): that took 283 µs warm for a 9 KB issue, and 4–12 ms more of validating
// 663 in a cold process, paid by every document with a warning.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as momoa from '@humanwhocodes/momoa';
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ parse: 0 }));
vi.mock('@humanwhocodes/momoa', async (original) => {
  const real = await original<typeof momoa>();
  return {
    ...real,
    parse: (...args: Parameters<typeof real.parse>) => {
      calls.parse++;
      return real.parse(...args);
    },
  };
});

// A module instance of its own (the query), evaluated after the mock: test files share their
// process (vitest.config.ts, isolate: false), so the plain path may be loaded already, with
// the real momoa.
const ownInstance: string = '../../src/json/source.js?lazy-test';
const { parseText, repeatsAKey, SourceMap } = (await import(ownInstance)) as typeof import('../../src/json/source.js');
const { validateIssueText } = await import('../../src/document/index.js');

const root = path.resolve(import.meta.dirname, '../..');
const fixture = readFileSync(path.join(root, 'fixtures/bulletin-663.json'), 'utf8');

/** Every pointer of a JSON value, depth first. */
function pointers(v: unknown, at = ''): string[] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pointers(x, `${at}/${i}`)));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pointers(x, `${at}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`));
  return out;
}

describe('parseText of a valid document', () => {
  it('answers where a value is without the parse with positions', () => {
    calls.parse = 0;
    const parsed = parseText(fixture);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toEqual(JSON.parse(fixture));
    const title = parsed.map.locate('/articles/0/title');
    const second = parsed.map.locate('/articles/1', 'key');
    // A warning of a valid document is placed the same way.
    const r = validateIssueText(fixture);
    expect(r.ok && r.warnings.length).toBe(1);
    expect(calls.parse).toBe(0);
    const ref = momoaPositions(fixture);
    expect(title).toEqual(ref.get('/articles/0/title')?.value);
    expect(second).toEqual(ref.get('/articles/1')?.value);
  });

  it('still places the warnings of a valid document', () => {
    const r = validateIssueText(fixture);
    // issue 663 mixes half- and full-width brackets in one article: a warning at its place.
    expect(r.ok && r.warnings.map((w) => `${w.line}:${w.column}`)).toEqual(['56:23']);
  });

  it('locates every pointer, value and key, where the parse with positions does', () => {
    const parsed = parseText(fixture);
    if (!parsed.ok) throw new Error('fixture');
    const body = momoa.parse(fixture, { mode: 'json' }).body;
    // The reference: a map built at once from the same parse, as parseText did before.
    const eager = parseText(`${fixture}`.replace(/^\{/, '{"a":1,"a":1,'));
    if (!eager.ok) throw new Error('eager');
    expect(body.type).toBe('Object');
    const ps = pointers(parsed.value).slice(1);
    expect(ps.length).toBeGreaterThan(50);
    for (const p of ps) {
      for (const at of ['value', 'key'] as const) {
        const lazy = parsed.map.locate(p, at);
        const ref = eager.map.locate(p, at);
        // The reference text has 14 more characters on line 1 only.
        expect({ line: lazy.line, column: lazy.line === 1 ? lazy.column + 14 : lazy.column }, `${p} ${at}`).toEqual(ref);
      }
    }
  });

  it('places a value nested deeper than the parse with positions can go', () => {
    // momoa gives up on this (its recursion overflows the stack), where JSON.parse reads it.
    const deep = `{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(() => momoa.parse(deep, { mode: 'json' })).toThrow();
    const parsed = parseText(deep);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.map.locate('/a/0/0')).toEqual({ line: 1, column: 8 });
      expect(parsed.map.locate('/a/0/0/x/y')).toEqual({ line: 1, column: 8 });
    }
    expect(new SourceMap('').locate('/x')).toEqual({ line: 1, column: 1 });
  });

  it('agrees with the parse with positions on every pointer of random documents', () => {
    const rand = mulberry32(11);
    // Key texts as written in JSON, spaces as JSON allows them (a CR alone and a CRLF are one
    // break each), and strings with what a column must count: a character outside the BMP is
    // two UTF-16 units, U+2028 is no line break, an escaped quote does not end the string.
    const keys = ['a', 'b', '\\u0061x', 'a\\"', '/', '~', '中', '\\\\', '😀'];
    const strings = ['x', 'a\\"]}', '\\\\', '😀中', '\u2028', ',:[{', ''];
    const spaces = ['', ' ', '\n', '\r\n', '\r', '\t', ' \n  '];
    const ws = (): string => spaces[rand(spaces.length)]!;
    const value = (depth: number): string => {
      const k = rand(depth > 3 ? 4 : 6);
      if (k === 0) return ['0', '-1.5e3', '42', 'true', 'false', 'null'][rand(6)]!;
      if (k === 1 || k === 2) return `"${strings[rand(strings.length)]!}"`;
      if (k === 3) return `[${ws()}${Array.from({ length: rand(4) }, () => value(depth + 1)).join(`${ws()},${ws()}`)}${ws()}]`;
      const names = [...new Set(Array.from({ length: rand(4) }, () => keys[rand(keys.length)]!))];
      // One spelling per decoded key: parseText sends a repeated key to the parse with positions.
      const distinct = names.filter((n, i) => names.findIndex((m) => JSON.parse(`"${m}"`) === JSON.parse(`"${n}"`)) === i);
      return `{${ws()}${distinct.map((n) => `"${n}"${ws()}:${ws()}${value(depth + 1)}`).join(`${ws()},${ws()}`)}${ws()}}`;
    };
    let compared = 0;
    for (let n = 0; n < 2000; n++) {
      const text = `${ws()}${value(0)}${ws()}`;
      const parsed = parseText(text);
      if (!parsed.ok) throw new Error(text);
      const ref = momoaPositions(text);
      for (const [p, loc] of ref) {
        expect(parsed.map.locate(p), `${JSON.stringify(text)} ${p}`).toEqual(loc.value);
        if (loc.key) expect(parsed.map.locate(p, 'key'), `${JSON.stringify(text)} ${p} key`).toEqual(loc.key);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });
});

/** mulberry32: a fixed sequence, so a failure names the same document every run. */
function mulberry32(start: number): (n: number) => number {
  let seed = start;
  return (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
  };
}

type Loc = { line: number; column: number };

/** The reference: every pointer's value (and key) where momoa's tree starts them. */
function momoaPositions(text: string): Map<string, { value: Loc; key?: Loc }> {
  const out = new Map<string, { value: Loc; key?: Loc }>();
  const at = (n: momoa.AnyNode): Loc => ({ line: n.loc.start.line, column: n.loc.start.column });
  const stack: Array<{ node: momoa.ValueNode; pointer: string; key?: Loc }> = [{ node: momoa.parse(text, { mode: 'json' }).body, pointer: '' }];
  while (stack.length > 0) {
    const { node, pointer, key } = stack.pop()!;
    out.set(pointer, key ? { value: at(node), key } : { value: at(node) });
    if (node.type === 'Object') {
      for (const m of node.members) {
        const name = m.name.type === 'String' ? m.name.value : m.name.name;
        stack.push({ node: m.value, pointer: `${pointer}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`, key: at(m.name) });
      }
    } else if (node.type === 'Array') node.elements.forEach((e, i) => stack.push({ node: e.value, pointer: `${pointer}/${i}` }));
  }
  return out;
}

/** The reference: an object of momoa's tree with two members of one (decoded) name. */
function momoaRepeats(text: string): boolean {
  const stack: momoa.ValueNode[] = [momoa.parse(text, { mode: 'json' }).body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'Object') {
      const names = node.members.map((m) => (m.name.type === 'String' ? m.name.value : m.name.name));
      if (new Set(names).size !== names.length) return true;
      for (const m of node.members) stack.push(m.value);
    } else if (node.type === 'Array') for (const e of node.elements) stack.push(e.value);
  }
  return false;
}

describe('repeatsAKey', () => {
  it.each([
    ['{"a":1,"a":2}', true],
    ['{"a":1,"b":{"a":2}}', false],
    ['{"a":{"b":1,"b":1}}', true],
    ['[{"a":1},{"a":1}]', false],
    ['{"a":1, "\\u0061" : 2}', true],
    ['{"a\\"":1,"a\\u0022":2}', true],
    ['{"x":"a","a":1}', false],
    ['{"x":["a","a"],"y":{"a":"a"}}', false],
    ['{"k":"\\\\","k2":"\\\\"}', false],
    ['{"k":"\\\\","k":1}', true],
    ['{\n  "a" :\t1,\r\n  "a"\n:2}', true],
    ['{"a\\\\":1,"a\\\\":2}', true],
    ['{"q":"\\\\\\"","q2":"\\\\\\\\"}', false],
    ['{"\\"":1,"\\u0022":2}', true],
    ['"a"', false],
    ['{}', false],
  ])('%s → %s', (text, expected) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(repeatsAKey(text)).toBe(expected);
  });

  it('agrees with the parse with positions on random documents', () => {
    const rand = mulberry32(7);
    // Key texts as written in JSON: \u0061 is "a", \" a quote, \\ a backslash.
    const keys = ['a', 'b', '\\u0061', 'a\\"', 'a\\u0022', '/', '~', '中', '\\\\'];
    const value = (depth: number): string => {
      const k = rand(depth > 3 ? 3 : 6);
      if (k === 0) return String(rand(100));
      if (k === 1) return `"${keys[rand(keys.length)]!}"`;
      if (k === 2) return 'null';
      if (k === 3) return `[${Array.from({ length: rand(4) }, () => value(depth + 1)).join(',')}]`;
      return `{${Array.from({ length: rand(4) }, () => `"${keys[rand(keys.length)]!}" : ${value(depth + 1)}`).join(', ')}}`;
    };
    let repeated = 0;
    for (let n = 0; n < 2000; n++) {
      const text = value(0);
      let parsedOk = true;
      try {
        JSON.parse(text);
      } catch {
        parsedOk = false;
      }
      if (!parsedOk) continue;
      const expected = momoaRepeats(text);
      expect(repeatsAKey(text), text).toBe(expected);
      if (expected) {
        repeated++;
        // And parseText then reports it, as before.
        const located = parseText(text);
        expect(located.ok && located.problems.length > 0, text).toBe(true);
      }
    }
    expect(repeated).toBeGreaterThan(50);
  });
});
