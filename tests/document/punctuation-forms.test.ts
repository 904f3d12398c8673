// punctuationForms scans a string once for every family; the warnings it feeds were defined
// by regular expressions (a half-width mark with CJK text before or after it, in code
// points; any full-width form). Held equal to those expressions over strings built from the
// marks, Chinese and Latin text, astral ideographs and lone surrogates.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CJK, FAMILIES, punctuationForms } from '../../src/document/punctuation.js';

const cjkClass = CJK.source.slice(1, -1);
const escapeClass = (chars: string): string => chars.replace(/[\\\]^-]/g, '\\$&');
const halfBeside = FAMILIES.map((f) => new RegExp(`(?<=[${cjkClass}])[${escapeClass(f.half)}]|[${escapeClass(f.half)}](?=[${cjkClass}])`, 'u'));
const fullForm = FAMILIES.map((f) => new RegExp(`[${escapeClass(f.full)}]`, 'u'));

function byRegex(text: string): { half: number; full: number } {
  let half = 0;
  let full = 0;
  FAMILIES.forEach((_, k) => {
    if (halfBeside[k]!.test(text)) half |= 1 << k;
    if (fullForm[k]!.test(text)) full |= 1 << k;
  });
  return { half, full };
}

const pieces = [
  ...FAMILIES.flatMap((f) => [...f.half, ...f.full]),
  '中', '文', 'あ', 'カ', '　', '、', '“', '”', '—', '…', '·', 'Ａ',
  'a', 'Z', '1', ' ', '\n', '𠀀', '𪚥', '😀', '\ud840', '\udc00', '\ud83d',
];

describe('punctuationForms', () => {
  it('agrees with the regular expressions it replaces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(punctuationForms(text)).toEqual(byRegex(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('counts a half-width mark beside an astral ideograph and not beside a lone surrogate', () => {
    const colon = 1 << FAMILIES.findIndex((f) => f.half === ':');
    expect(punctuationForms('𠀀:').half).toBe(colon);
    expect(punctuationForms(':𠀀').half).toBe(colon);
    expect(punctuationForms('\udc00:').half).toBe(0);
    expect(punctuationForms('10:30').half).toBe(0);
    expect(punctuationForms('来源：').full).toBe(colon);
  });
});
