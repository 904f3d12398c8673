// compareCodePoints orders strings as compareSequences orders their code points (the order
// the subset's CIDs are handed out in): the same sign for every pair, astral characters,
// lone surrogates, prefixes and the empty string included.
import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareSequences } from '../../src/render/order.js';

const codePoints = (s: string): number[] => Array.from(s, (ch) => ch.codePointAt(0)!);

describe('compareCodePoints', () => {
  it('has the sign of compareSequences on the code points, for every pair of a mixed set', () => {
    const texts = ['', 'a', 'ab', 'b', '中', '中文', '—', '——', '\u{20000}', '\u{20000}a', '\uffff', '\ud800', '\ud800a', '\udc00', 'a\u{1f600}', 'a\uffff', '\u00ad', 'fi', 'ﬁ'];
    let pairs = 0;
    for (const x of texts) {
      for (const y of texts) {
        expect(Math.sign(compareCodePoints(x, y)), `${JSON.stringify(x)} ${JSON.stringify(y)}`).toBe(Math.sign(compareSequences(codePoints(x), codePoints(y))));
        pairs++;
      }
    }
    expect(pairs).toBe(texts.length ** 2);
  });

  it('sorts as the code-point arrays sort (UTF-16 order differs past U+FFFF)', () => {
    const texts = ['\uffff', '\u{10000}', '\ue000', 'z', '\u{1f600}', '\ud83d'];
    const bySequences = [...texts].sort((a, b) => compareSequences(codePoints(a), codePoints(b)));
    expect([...texts].sort(compareCodePoints)).toEqual(bySequences);
    // UTF-16 code units would put U+10000 (a surrogate pair) before U+E000 and U+FFFF.
    expect(bySequences.indexOf('\u{10000}')).toBeGreaterThan(bySequences.indexOf('\uffff'));
  });
});
