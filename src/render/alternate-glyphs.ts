// Extra CIDs for a glyph the layout set at another width or offset than the font draws it:
// a closing mark without its blank half at a line end (narrower), an opening mark at a line
// start without its left blank (shifted left and narrower), a break space set to nothing, or
// one glyph standing for two texts (— and ― under the ZHS locl). Each extra CID is written
// into the subset as an 18-byte TrueType composite glyph that points at the real outline
// with an x offset, with its own advance in hmtx and /W. So text extractors (pdf.js,
// poppler) box every glyph where the layout put it — a line never seems to run past the
// measure — and the font program grows by 18 bytes per alternate, not by a copy of the outline.
import type * as fontkit from 'fontkit';
import { appendSubsetGlyph, fontFace, fontScale, overrideSubsetGlyphs, readSimpleGlyph, setCidText, setCidWidth } from './pdfkit-internals.js';
import type { EmbeddedFont, SubsetGlyph } from './pdfkit-internals.js';
import { faceData } from '../text/face-data.js';

export interface Alternate {
  /** CID of the glyph with the real outline. */
  base: number;
  /** x offset of the outline, font units. */
  shift: number;
  /** Advance, font units (hmtx takes it rounded; /W exact). */
  advance: number;
}

// The glyf record and metrics of each simple glyph, read once per process and face: fontkit's
// own subset writer decodes every outline point just to see whether the glyph is composite,
// which was a fifth of a warm render. Composite glyphs (none in the bundled CJK faces) and
// variable fonts still take fontkit's path.
const rawGlyphs = new WeakMap<fontkit.Font, Map<number, SubsetGlyph | null>>();

function simpleGlyph(face: fontkit.Font, gid: number): SubsetGlyph | null {
  let cache = rawGlyphs.get(face);
  if (!cache) rawGlyphs.set(face, (cache = new Map()));
  const known = cache.get(gid);
  if (known !== undefined) return known;
  const raw = readSimpleGlyph(face, gid);
  cache.set(gid, raw);
  return raw;
}

const byFont = new WeakMap<EmbeddedFont, { alternates: Map<number, Alternate>; keys: Map<string, number> }>();

/** Our glyph writer for this font's subset (idempotent): call before the subset is encoded. */
export function useSubsetWriter(font: EmbeddedFont): void {
  stateOf(font);
}

function stateOf(font: EmbeddedFont): { alternates: Map<number, Alternate>; keys: Map<string, number> } {
  let state = byFont.get(font);
  if (state) return state;
  state = { alternates: new Map(), keys: new Map() };
  byFont.set(font, state);
  const alternates = state.alternates;
  overrideSubsetGlyphs(font, (gid, cid) => {
    const alt = alternates.get(cid);
    if (!alt) return simpleGlyph(fontFace(font), gid);
    return alternateRecord(font, gid, alt);
  });
  return state;
}

/** The subset record of an alternate: its composite glyph, its rounded advance, the composite's xMin as bearing. */
export function alternateRecord(font: EmbeddedFont, gid: number, alt: Alternate): SubsetGlyph {
  const data = compositeGlyph(font, gid, alt);
  return { data, advance: Math.round(alt.advance), bearing: data.length ? new DataView(data.buffer).getInt16(2) : 0 };
}

/**
 * The glyph's bounding box, font units: from its glyf header (xMin, yMin, xMax, yMax after
 * numberOfContours) where the face's bytes are read, else from fontkit.
 */
function glyphBox(face: fontkit.Font, gid: number): { minX: number; minY: number; maxX: number; maxY: number } {
  const bytes = faceData(face)?.glyphBytes(gid);
  if (bytes === undefined || bytes === null) return face.getGlyph(gid).bbox;
  if (bytes.length < 10) return { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { minX: view.getInt16(2), minY: view.getInt16(4), maxX: view.getInt16(6), maxY: view.getInt16(8) };
}

/** numberOfContours −1, the shifted bounding box, one component (XY offset in words). */
export function compositeGlyph(font: EmbeddedFont, gid: number, alt: Alternate): Uint8Array {
  const box = glyphBox(fontFace(font), gid);
  if (!Number.isFinite(box.minX) || box.maxX <= box.minX) return new Uint8Array(0); // no outline (a space)
  const out = new Uint8Array(18);
  const view = new DataView(out.buffer);
  view.setInt16(0, -1);
  view.setInt16(2, Math.round(box.minX + alt.shift));
  view.setInt16(4, Math.round(box.minY));
  view.setInt16(6, Math.round(box.maxX + alt.shift));
  view.setInt16(8, Math.round(box.maxY));
  view.setUint16(10, 0x0001 | 0x0002); // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES
  view.setUint16(12, alt.base);
  view.setInt16(14, alt.shift);
  view.setInt16(16, 0);
  return out;
}

/**
 * The CID of glyphId drawn `shift` font units to the right of the pen, advancing `advance`
 * font units, copied out as `codePoints`: a composite alternate of `baseCid`, made once.
 */
export function alternateGlyph(
  font: EmbeddedFont,
  glyphId: number,
  baseCid: number,
  codePoints: number[],
  shift: number,
  advance: number,
): number {
  const state = stateOf(font);
  const key = `${glyphId}\u0000${codePoints.join(',')}\u0000${shift}\u0000${advance}`;
  const known = state.keys.get(key);
  if (known !== undefined) return known;
  const cid = appendSubsetGlyph(font, glyphId);
  state.alternates.set(cid, { base: baseCid, shift, advance });
  setCidWidth(font, cid, advance * fontScale(font));
  setCidText(font, cid, codePoints);
  state.keys.set(key, cid);
  return cid;
}
