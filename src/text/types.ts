// Values the text stage takes and gives. Plain data: no PDF types, no font objects, so
// layout/ and render/ can be tested with hand-made lines.

export type Align = 'justify' | 'left' | 'center' | 'right';

/** Languages whose TeX hyphenation patterns (bundled by the `hyphen` package) the breaker can use. */
export type HyphenLanguage = 'en-us' | 'en-gb' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt';

/** Hyphenation of Latin words (Liang's patterns): the language and TeX's \lefthyphenmin / \righthyphenmin. */
export interface Hyphenation {
  language: HyphenLanguage;
  /** Letters at least before a hyphen (TeX's \lefthyphenmin; 2 in English). */
  minBefore: number;
  /** Letters at least after a hyphen (TeX's \righthyphenmin; 3 in English). */
  minAfter: number;
}

/** A run of text in one style. Its faces are a fallback chain of face ids (see fonts.ts). */
export interface StyledRun {
  text: string;
  /** Face ids in fallback order, e.g. ['NotoSerifSC-Bold', 'NotoSerifSC-Regular']. */
  faces: string[];
  /** Font size in pt. */
  size: number;
  /** #RRGGBB; default black. */
  color?: string;
  /** External link target carried onto every fragment of this run. */
  href?: string;
  /** JSON Pointer of the input this run came from, for error messages. */
  pointer: string;
  /**
   * Break inside this run only when nothing else avoids an overflow: a contents entry's
   * （source） reads as one unit and should not leave 报） alone on the last line.
   */
  keepTogether?: boolean;
}

export interface ParagraphInput {
  runs: StyledRun[];
  /** The measure in pt. */
  width: number;
  /** Indent of the first line in pt (body paragraphs: 2 em). */
  indent: number;
  /** Indent of every following line in pt (hanging indent of contents entries). Default 0. */
  restIndent?: number;
  /** Width in pt kept free at the end of the last line (contents leaders + page number). Default 0. */
  lastLineReserve?: number;
  align: Align;
  /** JSON Pointer of the block, for error messages. */
  pointer: string;
  /** Hyphenation of Latin words, or false for none. Default: en-us, 2 letters before, 3 after. */
  hyphenation?: Hyphenation | false;
}

/** One glyph as the PDF writer must place it. */
export interface PositionedGlyph {
  /** Glyph id in the face. */
  id: number;
  /** Advance in pt, justification included: the next glyph starts this far to the right. */
  advance: number;
  /** Offset of this glyph from its pen position in pt (GPOS marks, kerning offsets). */
  dx: number;
  dy: number;
  /** The characters this glyph stands for (a ligature stands for several), for ToUnicode. */
  text: string;
}

/** Consecutive glyphs of one face, size, colour and link. */
export interface GlyphFragment {
  face: string;
  size: number;
  color: string;
  href?: string;
  /** x of the first glyph's pen position, pt from the line's left edge (indent included). */
  x: number;
  /** Sum of the glyphs' advances. */
  width: number;
  glyphs: PositionedGlyph[];
  /** UTF-16 offsets into the paragraph's text (all runs' texts concatenated, NFC). */
  start: number;
  end: number;
  /** Index of the run in ParagraphInput.runs. */
  run: number;
}

export interface Line {
  fragments: GlyphFragment[];
  /** UTF-16 range of the paragraph text set on this line (spaces at the break included). */
  start: number;
  end: number;
  /** Width before justification / after it (from the line's left edge, indent included). */
  naturalWidth: number;
  width: number;
  /** Largest ascent and descent (positive, pt) of the fragments, for line spacing. */
  ascent: number;
  descent: number;
  /** The last line of its paragraph. */
  last: boolean;
}

export interface BrokenParagraph {
  /** The paragraph text (runs concatenated, NFC) that Line ranges index into. */
  text: string;
  lines: Line[];
}
