// Writes the line breaker's glyphs into the content stream as they were positioned: no
// re-shaping, no pdfkit text layout. pdfkit's own text path (EmbeddedFont.encode) would run
// fontkit's layout() again, which could pick different glyphs than the ones measured; so the
// glyph ids are registered with the embedded font by hand (subset, /W width, ToUnicode) and
// shown with TJ, the justification going into TJ adjustments.
import type * as fontkit from 'fontkit';
import type { FontSet } from '../text/fonts.js';
import type { Page } from '../layout/types.js';
import type { GlyphFragment } from '../text/types.js';
import { embedFont } from './embed-font.js';
import type { PdfkitDocument, PdfkitEmbeddedFont } from './pdfkit-internals.js';

/** Faces of one document: each registered once with pdfkit, keyed by face id. */
export class DocumentFonts {
  private readonly embedded = new Map<string, PdfkitEmbeddedFont>();

  constructor(
    private readonly doc: PdfkitDocument,
    private readonly fonts: FontSet,
  ) {}

  /** The embedded font of a face id, registering the face on first use (fixed F1, F2… order). */
  face(id: string): PdfkitEmbeddedFont {
    const known = this.embedded.get(id);
    if (known) return known;
    const font = this.fonts.faces.get(id);
    if (!font) throw new Error(`render: face '${id}' is not in the font set (${[...this.fonts.faces.keys()].join(', ')})`);
    // A fontkit Font object, not a path: pdfkit must not re-read or re-parse the 14 MiB file.
    this.doc.registerFont(id, font);
    this.doc.font(id);
    const embedded = this.doc._font;
    embedded.embed = () => embedFont(this.doc, embedded);
    this.embedded.set(id, embedded);
    return embedded;
  }

  /**
   * Hands out every CID of the document before anything is drawn: faces in order of first
   * use (F1, F2… as drawing would), each face's glyphs in the order of the text they stand
   * for. Code-point order puts characters of one radical next to each other in the font
   * program, where deflate finds their shared outlines (about 2 % smaller), and lets the
   * ToUnicode CMap use ranges.
   */
  reserve(pages: readonly Page[]): void {
    const byFace = new Map<string, Map<string, { id: number; text: string }>>();
    for (const page of pages) {
      for (const item of page.items) {
        if (item.kind !== 'line') continue;
        for (const fragment of item.line.fragments) {
          if (fragment.glyphs.length === 0) continue;
          let glyphs = byFace.get(fragment.face);
          if (!glyphs) byFace.set(fragment.face, (glyphs = new Map()));
          for (const g of fragment.glyphs) glyphs.set(`${g.id}\u0000${g.text}`, { id: g.id, text: g.text });
        }
      }
    }
    for (const [face, glyphs] of byFace) {
      const font = this.face(face);
      const sorted = [...glyphs.values()].sort((a, b) => compareText(a.text, b.text) || a.id - b.id);
      for (const g of sorted) includeGlyph(font, g.id, g.text);
    }
  }
}

/**
 * The glyph's code (CID) in the embedded subset. Registers width and ToUnicode text on
 * first use. One CID has one ToUnicode entry, so when a glyph stands for different text in
 * two places (— and ― share a glyph under the ZHS locl) the glyph is added to the subset a
 * second time under a new CID carrying the other text: copying gives back each character.
 */
export function includeGlyph(font: PdfkitEmbeddedFont, glyphId: number, text: string): number {
  const cid = font.subset.includeGlyph(glyphId);
  if (font.widths[cid] == null) font.widths[cid] = naturalWidth(font.font, glyphId) * font.scale;
  const cps = codePointsOf(text);
  const mapped = font.unicode[cid];
  if (mapped == null) {
    font.unicode[cid] = cps;
    return cid;
  }
  if (sameCodePoints(mapped, cps)) return cid;
  let byText = alternates.get(font);
  if (!byText) alternates.set(font, (byText = new Map()));
  const key = `${glyphId}\u0000${text}`;
  const known = byText.get(key);
  if (known !== undefined) return known;
  font.subset.glyphs.push(glyphId);
  const alt = font.subset.glyphs.length - 1;
  font.widths[alt] = font.widths[cid];
  font.unicode[alt] = cps;
  byText.set(key, alt);
  return alt;
}

/** Code-point order (not UTF-16 order, not locale order). */
function compareText(a: string, b: string): number {
  const x = codePointsOf(a);
  const y = codePointsOf(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Extra CIDs of a glyph per text, per embedded font (so per document). */
const alternates = new WeakMap<PdfkitEmbeddedFont, Map<string, number>>();

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function naturalWidth(font: fontkit.Font, glyphId: number): number {
  return font.getGlyph(glyphId).advanceWidth;
}

function codePointsOf(text: string): number[] {
  const cps: number[] = [];
  for (const ch of text) cps.push(ch.codePointAt(0) ?? 0xfffd);
  return cps;
}

/** A PDF number: at most 3 decimals, no exponent, no '-0'. */
export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

/** #RRGGBB → 'r g b' in 0..1 for rg/RG. */
export function rgb(color: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) throw new Error(`render: colour '${color}' is not #RRGGBB`);
  return [m[1], m[2], m[3]].map((h) => num(parseInt(h ?? '0', 16) / 255)).join(' ');
}

/**
 * Content-stream operators (one BT…ET text object) that show the fragments with their
 * glyphs' pen positions at lineX + fragment.x + preceding advances, on the given baseline.
 * Coordinates are the page's y-down space (pdfkit flips the CTM at addPage), so the text
 * matrix has d = −1 to keep glyphs upright. A glyph's dy is font-style (positive = up).
 */
export function textObject(doc: PdfkitDocument, fonts: DocumentFonts, lineX: number, baseline: number, fragments: readonly GlyphFragment[]): string {
  const ops: string[] = ['BT'];
  let fontId = '';
  let size = NaN;
  let color = '';
  // Where the PDF's pen is after what has been written (user space), and the TJ array being built.
  let penX = 0;
  let penY = NaN;
  let tj: string[] = [];
  let hex = '';
  const flushHex = (): void => {
    if (hex) tj.push(`<${hex}>`);
    hex = '';
  };
  const flushTJ = (): void => {
    flushHex();
    if (tj.length) ops.push(`[${tj.join(' ')}] TJ`);
    tj = [];
  };
  for (const fragment of fragments) {
    if (fragment.glyphs.length === 0) continue;
    const font = fonts.face(fragment.face);
    if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
    if (font.id !== fontId || fragment.size !== size) {
      flushTJ();
      fontId = font.id;
      size = fragment.size;
      ops.push(`/${fontId} ${num(size)} Tf`);
    }
    const fill = rgb(fragment.color || '#000000');
    if (fill !== color) {
      flushTJ();
      color = fill;
      ops.push(`${fill} rg`);
    }
    let pen = lineX + fragment.x;
    for (const glyph of fragment.glyphs) {
      const cid = includeGlyph(font, glyph.id, glyph.text);
      const tx = pen + glyph.dx;
      const ty = baseline - glyph.dy;
      if (ty !== penY) {
        flushTJ();
        ops.push(`1 0 0 -1 ${num(tx)} ${num(ty)} Tm`);
        penX = tx;
        penY = ty;
      } else {
        // Error diffusion: the adjustment is computed from where the PDF pen really is, so
        // rounding never accumulates along a line.
        const adjust = Math.round(((penX - tx) * 1000) / size * 1000) / 1000;
        if (adjust !== 0) {
          flushHex();
          tj.push(num(adjust));
          penX -= (adjust * size) / 1000;
        }
      }
      hex += cid.toString(16).padStart(4, '0');
      penX += ((font.widths[cid] ?? 0) * size) / 1000;
      pen += glyph.advance;
    }
  }
  flushTJ();
  ops.push('ET');
  return ops.join('\n');
}
