// The character predicates answer from a per-code-point table (classify.ts). These are the
// definitions as regular expressions, written out independently: the table must give the
// same answer for every BMP code point, for astral ones, and for strings that are not one
// code point (which bypass the table).
import { describe, expect, it } from 'vitest';
import { charFlags, CharFlag, isCjk, isIdeographic, isIgnorable, isLatinAlnum, isNewline, isSpace, isTokenChar } from '../../src/text/classify.js';

const oracle = {
  space: (ch: string) => ch === ' ' || ch === '\t' || ch === '\u00a0' || (ch !== '\u3000' && /^\p{Zs}$/u.test(ch)),
  newline: (ch: string) => ['\n', '\r', '\u2028', '\u2029', '\u000b', '\u000c'].includes(ch),
  ignorable: (ch: string) => /^\p{Default_Ignorable_Code_Point}$/u.test(ch),
  ideographic: (ch: string) => {
    const cp = ch.charCodeAt(0);
    return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x2e80 && /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}〇]/u.test(ch));
  },
  cjk: (ch: string) => {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x2000) return cp === 0xb7;
    return /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}〇]/u.test(ch) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0x2e80 && cp <= 0x33ff) || (cp >= 0xfe10 && cp <= 0xfe1f) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) ||
      [0x2014, 0x2015, 0x2026, 0x2018, 0x2019, 0x201c, 0x201d, 0x2027, 0x2030, 0x2103].includes(cp);
  },
};
const latinAlnum = (ch: string) => {
  const cp = ch.charCodeAt(0);
  if (cp < 0x80) return /^[0-9A-Za-z]/.test(ch);
  return /[\p{L}\p{N}]/u.test(ch) && !oracle.cjk(ch);
};

function check(ch: string): void {
  const got = { space: isSpace(ch), newline: isNewline(ch), ignorable: isIgnorable(ch), ideographic: isIdeographic(ch), cjk: isCjk(ch), latin: isLatinAlnum(ch), token: isTokenChar(ch) };
  const want = {
    space: oracle.space(ch), newline: oracle.newline(ch), ignorable: oracle.ignorable(ch), ideographic: oracle.ideographic(ch), cjk: oracle.cjk(ch),
    latin: latinAlnum(ch), token: !oracle.space(ch) && !oracle.newline(ch) && !oracle.cjk(ch),
  };
  if (JSON.stringify(got) !== JSON.stringify(want)) expect({ ch: [...ch].map((c) => c.codePointAt(0)!.toString(16)), ...got }).toEqual({ ch: [...ch].map((c) => c.codePointAt(0)!.toString(16)), ...want });
}

describe('the character table', () => {
  it('answers as the definitions for every BMP code point, asked twice (computed, then remembered)', () => {
    for (let pass = 0; pass < 2; pass++) for (let cp = 0; cp <= 0xffff; cp++) check(String.fromCharCode(cp));
  });

  it('answers as the definitions for astral code points', () => {
    for (const cp of [0x20000, 0x2a6d6, 0x30000, 0x1f600, 0x1d173, 0xe0001, 0xe0100, 0x10ffff, 0x1bca0]) check(String.fromCodePoint(cp));
  });

  it('answers strings that are not one code point by the definitions', () => {
    for (const s of ['', 'ab', '中a', 'a中', '  ', '\r\n', '\u00ad\u00ad', 'x\u0301']) check(s);
  });

  it('marks Han (and 〇) and combining marks for the shaper as their regular expressions do, for every BMP code point', () => {
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      const want = (/^[\p{sc=Han}〇]$/u.test(ch) ? CharFlag.Han : 0) | (/^\p{M}/u.test(ch) ? CharFlag.Mark : 0);
      const got = charFlags(cp) & (CharFlag.Han | CharFlag.Mark);
      if (got !== want) expect({ cp: cp.toString(16), got }).toEqual({ cp: cp.toString(16), got: want });
    }
  });

  it('marks combining marks and Han for the shaper', () => {
    expect(charFlags(0x0301) & CharFlag.Mark).not.toBe(0);
    expect(charFlags(0x4e2d) & CharFlag.Han).not.toBe(0);
    expect(charFlags(0x3007) & CharFlag.Han).not.toBe(0);
    expect(charFlags(0x3042) & CharFlag.Han).toBe(0);
    expect(charFlags(0x2014) & CharFlag.AmbiguousMark).not.toBe(0);
  });
});
