// The breaker sets runs of Han ideographs from per-character shaping (src/text/shape.ts). That is
// exact only if no feature of the bundled faces, under script hani and language ZHS, acts on
// an ideograph by context: checked here on random strings of every kind of ideograph.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/text/fonts.js';

const fonts = loadFonts();

const ideographs: string[] = [];
for (const [from, to] of [[0x2e80, 0x2fdf], [0x3005, 0x3007], [0x3021, 0x3029], [0x3038, 0x303b], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2a6df]] as const) {
  for (let cp = from; cp <= to; cp++) {
    const ch = String.fromCodePoint(cp);
    if (/^[\p{Script=Han}〇]$/u.test(ch)) ideographs.push(ch);
  }
}

describe.each([...fonts.faces.entries()])('%s', (_id, font) => {
  const covered = ideographs.filter((ch) => font.hasGlyphForCodePoint(ch.codePointAt(0)!));
  it('shapes a string of ideographs exactly as its characters one by one', () => {
    expect(covered.length).toBeGreaterThan(6000);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...covered), { minLength: 2, maxLength: 30 }), (chars) => {
        const whole = font.layout(chars.join(''), [], 'hani', 'ZHS ' as never);
        expect(whole.glyphs.length).toBe(chars.length);
        chars.forEach((ch, i) => {
          const one = font.layout(ch, [], 'hani', 'ZHS ' as never);
          expect([whole.glyphs[i]!.id, whole.positions[i]!.xAdvance, whole.positions[i]!.xOffset, whole.positions[i]!.yOffset]).toEqual([
            one.glyphs[0]!.id,
            one.positions[0]!.xAdvance,
            one.positions[0]!.xOffset,
            one.positions[0]!.yOffset,
          ]);
        });
      }),
      { numRuns: 150 },
    );
  });
});

// Marks are shaped apart from the Han around them: no feature may join or move across that seam.
const marks = [...'、，。．：；？！（）［］｛｝〔〕〈〉《》「」『』【】“”‘’·—…～％', '——', '……'];

describe.each([...fonts.faces.entries()])('%s, Han with marks', (_id, font) => {
  const han = ideographs.filter((ch) => font.hasGlyphForCodePoint(ch.codePointAt(0)!));
  const covered = marks.filter((m) => [...m].every((c) => font.hasGlyphForCodePoint(c.codePointAt(0)!)));
  it('shapes Han and marks together exactly as apart', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...han), fc.constantFrom(...covered)), { minLength: 2, maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const whole = font.layout(text, [], 'hani', 'ZHS ' as never);
        const apart = [...text.matchAll(/[\p{Script=Han}〇]+|[^\p{Script=Han}〇]+/gu)].flatMap(([part]) =>
          /[\p{Script=Han}〇]/u.test(part) ? [...part].map((ch) => font.layout(ch, [], 'hani', 'ZHS ' as never)) : [font.layout(part, [], 'hani', 'ZHS ' as never)],
        );
        const flat = apart.flatMap((r) => r.glyphs.map((g, i) => [g.id, r.positions[i]!.xAdvance, r.positions[i]!.xOffset, r.positions[i]!.yOffset]));
        expect(whole.glyphs.map((g, i) => [g.id, whole.positions[i]!.xAdvance, whole.positions[i]!.xOffset, whole.positions[i]!.yOffset])).toEqual(flat);
      }),
      { numRuns: 200 },
    );
  });
});
