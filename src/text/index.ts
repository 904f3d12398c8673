// text/: the CJK line breaker, the only stage that knows glyph metrics.
//
//   breakParagraph(input, fonts) → { text, lines }   styled runs → lines of positioned glyphs
//   lineMetrics(faces, size, fonts) → { ascent, descent }
//   GlyphMissingError (an IssueValidationError)      a character no face of the run has
//
//   alignOffset(align, measure, extent)              the x shift of a centred or flush-right line
//
// Pipeline (paragraph.ts runs it):
//   shape.ts          NFC, per-character fallback, fontkit shaping with the ZHS forms → clusters
//   measures.ts       boxes and glue: punctuation blanks and compression, quarter ems, gap
//                     classes (GapClass), prefix sums
//   opportunities.ts  UAX #14 + clreq break classes (BreakClass) of every cluster boundary
//   line-fit.ts       one line's natural width, shrink, stretch shares and badness
//   choose-breaks.ts  total fit (Knuth–Plass) over the boundaries
//   set-line.ts       line edges, push-in, justification, alignment (align.ts), fragments
export type * from './types.js';
export { loadFonts, faceName, bundledFontDir, bundledFaceFiles, type FontSet } from './fonts.js';
export { breakParagraph, lineMetrics } from './paragraph.js';
export { GlyphMissingError, missingGlyphMessage } from './errors.js';
export { uncoveredCharacters } from './shape.js';
export { alignOffset, type Extent } from './align.js';
