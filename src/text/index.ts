// text/: the CJK line breaker, the only stage that knows glyph metrics.
//
//   breakParagraph(input, fonts) → { text, lines }   styled runs → lines of positioned glyphs
//   lineMetrics(faces, size, fonts) → { ascent, descent }
//   GlyphMissingError (an IssueValidationError)      a character no face of the run has
//
// Pipeline: shape.ts (NFC, per-character fallback, fontkit shaping with the ZHS forms) →
// model.ts (compression, quarter ems, glue) → opportunities.ts (UAX #14 + clreq classes) →
// total-fit.ts (Knuth–Plass breaks) → lines.ts (line edges, push-in, justification, fragments).
export type * from './types.js';
export { loadFonts, faceName, bundledFontDir, bundledFaceFiles, type FontSet } from './fonts.js';
export { breakParagraph, lineMetrics } from './paragraph.js';
export { GlyphMissingError } from './errors.js';
