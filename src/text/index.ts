// text/: the CJK line breaker. The only stage that knows glyph metrics.
export type * from './types.js';
export { loadFonts, faceName, bundledFontDir, bundledFaceFiles, type FontSet } from './fonts.js';
export { breakParagraph, lineMetrics } from './paragraph.js';
export { GlyphMissingError } from './errors.js';
