import { loadFonts } from '../../src/text/fonts.js';
import { breakParagraph } from '../../src/text/index.js';
import type { Align, BrokenParagraph, Hyphenation, Line, ParagraphInput, StyledRun } from '../../src/text/types.js';

export const fonts = loadFonts();
export const REGULAR = ['NotoSerifSC-Regular', 'NotoSerifSC-Bold'];
export const BOLD = ['NotoSerifSC-Bold', 'NotoSerifSC-Regular'];

export interface SetOptions {
  align?: Align;
  indent?: number;
  restIndent?: number;
  lastLineReserve?: number;
  size?: number;
  faces?: string[];
  /** Default: the breaker's (en-us). */
  hyphenation?: Hyphenation | false;
}

export function run(text: string, extra: Partial<StyledRun> = {}): StyledRun {
  return { text, faces: REGULAR, size: 12, pointer: '/p', ...extra };
}

export function set(content: string | StyledRun[], width: number, o: SetOptions = {}): BrokenParagraph {
  const runs = typeof content === 'string' ? [run(content, { size: o.size ?? 12, faces: o.faces ?? REGULAR })] : content;
  const input: ParagraphInput = { runs, width, indent: o.indent ?? 0, align: o.align ?? 'justify', pointer: '/p' };
  if (o.restIndent !== undefined) input.restIndent = o.restIndent;
  if (o.lastLineReserve !== undefined) input.lastLineReserve = o.lastLineReserve;
  if (o.hyphenation !== undefined) input.hyphenation = o.hyphenation;
  return breakParagraph(input, fonts);
}

export function lineTexts(p: BrokenParagraph): string[] {
  return p.lines.map((l) => p.text.slice(l.start, l.end));
}

/** Advances of the line's glyphs, rounded to 0.01 pt. */
export function advances(line: Line): number[] {
  return line.fragments.flatMap((f) => f.glyphs.map((g) => Math.round(g.advance * 100) / 100));
}

/** The characters the glyphs of a line stand for, in order (a hyphen added at a break stands for a soft hyphen). */
export function glyphText(line: Line): string {
  return line.fragments.flatMap((f) => f.glyphs.map((g) => g.text)).join('');
}

/** The glyphs' text without the soft hyphen of a hyphenated break: the paragraph's own characters. */
export function glyphTextWithoutHyphen(line: Line): string {
  return glyphText(line).replace(/\u00ad$/, '');
}

/** Right edge of the line's pen: last fragment x + width. */
export function penEnd(line: Line): number {
  const f = line.fragments[line.fragments.length - 1];
  return f ? f.x + f.width : 0;
}

export function sumAdvances(line: Line): number {
  return line.fragments.reduce((s, f) => s + f.glyphs.reduce((t, g) => t + g.advance, 0), 0);
}
