// encodeSubset writes the subset's TrueType program itself (pdfkit-internals.ts): it must give
// exactly the bytes of fontkit's TTFSubset.encode() for the same glyphs, for every bundled face:
// simple and composite glyphs, a glyph listed twice, glyphs in any order.
import { describe, expect, it } from 'vitest';
import type { EmbeddedFont } from '../../src/render/pdfkit-internals.js';
import { encodeSubset, writesSubsetsDirectly } from '../../src/render/pdfkit-internals.js';
import { loadFonts } from '../../src/text/index.js';

interface Subset {
  includeGlyph(id: number): number;
  glyphs: number[];
  encode(): Uint8Array;
}
interface Face {
  numGlyphs: number;
  createSubset(): Subset;
  getGlyph(id: number): { _decode(): { numberOfContours: number } | null };
}

describe('the direct TrueType subset writer', () => {
  const fonts = loadFonts();
  for (const [id, font] of fonts.faces) {
    it(`writes fontkit's bytes for ${id}`, () => {
      expect(writesSubsetsDirectly(font)).toBe(true);
      const face = font as unknown as Face;
      // A spread of glyphs, every composite found among the first few thousand, and a duplicate.
      const picks: number[] = [];
      for (let g = 1; g < face.numGlyphs; g += Math.max(1, Math.floor(face.numGlyphs / 400))) picks.push(g);
      for (let g = 1; g < Math.min(face.numGlyphs, 4000); g++) if ((face.getGlyph(g)._decode()?.numberOfContours ?? 0) < 0) picks.push(g);
      picks.reverse();
      const ours = face.createSubset();
      const theirs = face.createSubset();
      for (const s of [ours, theirs]) {
        for (const g of picks) s.includeGlyph(g);
        s.glyphs.push(picks[0]!);
      }
      const written = encodeSubset({ font, subset: ours } as unknown as EmbeddedFont);
      expect(Buffer.compare(Buffer.from(written), Buffer.from(theirs.encode()))).toBe(0);
    });
  }
});
