// Hand-made page models for the renderer's tests: lines shaped straight with fontkit (the
// way text/ shapes: ZHS language system, script 'hani' when there is no Latin letter), so
// render/ is tested without the line breaker.
import type { GlyphFragment, Line, PositionedGlyph } from '../../src/text/types.js';
import type { LineItem, Page, PageModel, StructRef } from '../../src/layout/types.js';
import { loadFonts } from '../../src/text/fonts.js';

export const fonts = loadFonts();

export interface Piece {
  text: string;
  face?: string;
  size?: number;
  color?: string;
  href?: string;
}

export function shape(piece: Piece, x: number, start: number, run: number): GlyphFragment {
  const face = piece.face ?? 'NotoSerifSC-Regular';
  const size = piece.size ?? 12;
  const font = fonts.faces.get(face);
  if (!font) throw new Error(`no face ${face}`);
  const script = /[A-Za-z]/.test(piece.text) ? undefined : 'hani';
  const run_ = font.layout(piece.text, [], script, 'ZHS ');
  const scale = size / font.unitsPerEm;
  const glyphs: PositionedGlyph[] = run_.glyphs.map((g, i) => {
    const p = run_.positions[i]!;
    return { id: g.id, advance: p.xAdvance * scale, dx: p.xOffset * scale, dy: p.yOffset * scale, text: String.fromCodePoint(...g.codePoints) };
  });
  const width = glyphs.reduce((s, g) => s + g.advance, 0);
  return { face, size, color: piece.color ?? '#000000', href: piece.href, x, width, glyphs, start, end: start + piece.text.length, run };
}

/** A line of pieces set one after another from x = indent, with `extra` pt added after every glyph (justification). */
export function makeLine(pieces: Piece[], indent = 0, extra = 0): Line {
  let x = indent;
  let start = 0;
  const fragments = pieces.map((p, i) => {
    const f = shape(p, x, start, i);
    if (extra) {
      for (const g of f.glyphs) g.advance += extra;
      f.width += extra * f.glyphs.length;
    }
    x += f.width;
    start = f.end;
    return f;
  });
  const size = Math.max(...fragments.map((f) => f.size));
  return { fragments, start: 0, end: start, naturalWidth: x, width: x, ascent: size * 0.88, descent: size * 0.12, last: true };
}

export function lineItem(pieces: Piece[], x: number, baseline: number, struct: StructRef, extra = 0): LineItem {
  return { kind: 'line', x, baseline, line: makeLine(pieces, 0, extra), struct };
}

export function a4(items: Page['items'], number = 1): Page {
  return { number, width: 595.28, height: 841.89, items, links: [], destinations: [] };
}

export function model(pages: Page[], extra: Partial<PageModel> = {}): PageModel {
  return {
    pages,
    outline: [],
    info: { title: '全国卫生信息化舆情监测周报', author: '国家卫生健康委统计信息中心', subject: '2025年第1期', keywords: ['卫生信息化', '舆情'], date: '2025-01-06', lang: 'zh-CN' },
    ...extra,
  };
}

/** The characters a line stands for, in order. */
export function lineText(item: LineItem): string {
  return item.line.fragments.map((f) => f.glyphs.map((g) => g.text).join('')).join('');
}
