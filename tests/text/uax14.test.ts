import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBreakOpportunities, lineBreakClass } from '../../src/text/uax14.js';
import { buildCodes, renderModule } from '../data/generate-uax14-data.js';

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));

interface Case {
  line: number;
  text: string;
  /** Expected break positions in UTF-16 units (the end of text included). */
  breaks: number[];
  source: string;
}

function parseTests(): Case[] {
  const cases: Case[] = [];
  const lines = readFileSync(`${dataDir}LineBreakTest.txt`, 'utf8').split('\n');
  lines.forEach((raw, idx) => {
    const body = raw.split('#')[0]!.trim();
    if (!body) return;
    const tokens = body.split(/\s+/);
    let text = '';
    const breaks: number[] = [];
    for (const tok of tokens) {
      if (tok === '÷') {
        if (text.length > 0) breaks.push(text.length);
      } else if (tok === '×') {
        // no break
      } else {
        text += String.fromCodePoint(parseInt(tok, 16));
      }
    }
    cases.push({ line: idx + 1, text, breaks, source: raw });
  });
  return cases;
}

const cases = parseTests();

describe('UAX #14 conformance (LineBreakTest-15.0.0.txt)', () => {
  it(`reads all ${cases.length} cases of the test file`, () => {
    expect(cases.length).toBe(7654);
  });

  it(`passes all ${cases.length} cases`, () => {
    const failures: string[] = [];
    for (const c of cases) {
      const got = findBreakOpportunities(c.text).map((b) => b.position);
      if (got.join(',') !== c.breaks.join(',')) {
        failures.push(`line ${c.line}: expected [${c.breaks}] got [${got}]  ${c.source}`);
      }
    }
    console.log(`LineBreakTest: ${cases.length - failures.length}/${cases.length} cases pass`);
    expect(failures.slice(0, 20)).toEqual([]);
  });
});

describe('findBreakOpportunities', () => {
  const positions = (s: string) => findBreakOpportunities(s).map((b) => b.position);

  it('breaks between Han characters but never before a closing comma or full stop', () => {
    // 中 文 ， 测 试 。
    expect(positions('中文，测试。')).toEqual([1, 3, 4, 6]);
  });

  it('keeps an opening bracket with what follows and a closing one with what precedes', () => {
    // 据（新华社）报道 : no break after （ nor before ）
    expect(positions('据（新华社）报道')).toEqual([1, 3, 4, 6, 7, 8]);
  });

  it('does not break inside numbers with units and separators', () => {
    // ID ÷ NU is a UAX #14 opportunity (clreq tailoring decides about Han next to digits).
    expect(positions('增长12.5%')).toEqual([1, 2, 7]);
    expect(positions('$1,000.00 元')).toEqual([10, 11]);
  });

  it('marks hard line breaks as required and counts UTF-16 units for astral characters', () => {
    expect(findBreakOpportunities('甲\r\n乙\n')).toEqual([
      { position: 3, required: true },
      { position: 5, required: true },
    ]);
    // U+20BB7 𠮷 is a surrogate pair (ID).
    expect(findBreakOpportunities('𠮷野家')).toEqual([
      { position: 2, required: false },
      { position: 3, required: false },
      { position: 4, required: false },
    ]);
  });

  it('returns no opportunity for empty text', () => {
    expect(findBreakOpportunities('')).toEqual([]);
  });

  it('gives increasing positions that end at text.length and never split a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const got = findBreakOpportunities(s);
        if (s.length === 0) return got.length === 0;
        let last = 0;
        for (const b of got) {
          if (b.position <= last || b.position > s.length) return false;
          const hi = s.charCodeAt(b.position - 1);
          const lo = s.charCodeAt(b.position);
          if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) return false;
          last = b.position;
        }
        return last === s.length;
      }),
      { numRuns: 2000 },
    );
  });

  it('breaks English only after spaces and hyphens', () => {
    expect(positions('well-known fact')).toEqual([5, 11, 15]);
  });
});

describe('lineBreakClass', () => {
  it('returns the LineBreak.txt value before LB1 resolution', () => {
    expect(lineBreakClass(0x4e2d)).toBe('ID'); // 中
    expect(lineBreakClass(0xff0c)).toBe('CL'); // ，
    expect(lineBreakClass(0x3002)).toBe('CL'); // 。
    expect(lineBreakClass(0x3001)).toBe('CL'); // 、
    expect(lineBreakClass(0xff08)).toBe('OP'); // （ (wide)
    expect(lineBreakClass(0x0028)).toBe('OP');
    expect(lineBreakClass(0x201c)).toBe('QU'); // “
    expect(lineBreakClass(0x2014)).toBe('B2'); // —
    expect(lineBreakClass(0x2026)).toBe('IN'); // …
    expect(lineBreakClass(0x30c3)).toBe('CJ'); // ッ
    expect(lineBreakClass(0x0e01)).toBe('SA'); // Thai
    expect(lineBreakClass(0x0e31)).toBe('SA'); // Thai vowel sign (Mn)
    expect(lineBreakClass(0x1f02c)).toBe('ID'); // reserved, Extended_Pictographic
    expect(lineBreakClass(0x20bb7)).toBe('ID');
    expect(lineBreakClass(0xd800)).toBe('SG');
    expect(lineBreakClass(0xe0080)).toBe('XX'); // not listed
    expect(lineBreakClass(0x10ffff)).toBe('XX');
  });

  it('agrees with LineBreak.txt at every code point', () => {
    const txt = readFileSync(`${dataDir}LineBreak.txt`, 'utf8');
    const expected = new Array<string>(0x110000).fill('XX');
    for (const raw of txt.split('\n')) {
      const m = /^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?;(\w+)/.exec(raw);
      if (!m) continue;
      const first = parseInt(m[1]!, 16);
      const last = m[2] ? parseInt(m[2], 16) : first;
      for (let cp = first; cp <= last; cp++) expected[cp] = m[3]!;
    }
    const wrong: string[] = [];
    for (let cp = 0; cp < 0x110000 && wrong.length < 10; cp++) {
      if (lineBreakClass(cp) !== expected[cp]) wrong.push(`${cp.toString(16)}: ${lineBreakClass(cp)} ≠ ${expected[cp]}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the committed data module is what the generator makes of LineBreak.txt', () => {
    const generated = renderModule(buildCodes(readFileSync(`${dataDir}LineBreak.txt`, 'utf8')));
    const committed = readFileSync(fileURLToPath(new URL('../../src/text/uax14-data.ts', import.meta.url)), 'utf8');
    expect(committed).toBe(generated);
  });
});
