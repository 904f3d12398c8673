// Extra CIDs for a glyph the layout set at another width or offset than the font draws it:
// a closing mark without its blank half at a line end (narrower), an opening mark at a line
// start without its left blank (shifted left and narrower), a break space set to nothing, or
// one glyph standing for two texts (— and ― under the ZHS locl). Each extra CID is written
// into the subset as an 18-byte TrueType composite glyph that points at the real outline
// with an x offset, with its own advance in hmtx and /W. So text extractors (pdf.js,
// poppler) box every glyph where the layout put it — a line never seems to run past the
// measure — and the font program grows by 18 bytes per alternate, not by a copy of the outline.
import type * as fontkit from 'fontkit';
import type { PdfkitEmbeddedFont } from './pdfkit-internals.js';

interface Alternate {
  /** CID of the glyph with the real outline. */
  base: number;
  /** x offset of the outline, font units. */
  shift: number;
  /** Advance, font units (hmtx takes it rounded; /W exact). */
  advance: number;
}

/** What fontkit's TTFSubset keeps while encode() runs (read in node_modules/fontkit). */
interface TtfSubsetInternals {
  glyphs: number[];
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  _addGlyph(gid: number): number;
}

/** What fontkit's TrueType Font keeps that the subset writer reads (node_modules/fontkit). */
interface TtfFontInternals {
  loca: { offsets: number[] };
  hmtx: { metrics: { length: number; get(i: number): { advance: number; bearing: number } | undefined }; bearings: { get(i: number): number | undefined } };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
  _variationProcessor?: unknown;
}

interface RawGlyph {
  data: Uint8Array;
  advance: number;
  bearing: number;
}

// The glyf record and metrics of each simple glyph, read once per process and face: fontkit's
// own _addGlyph decodes every outline point just to see whether the glyph is composite,
// which was a fifth of a warm render. Composite glyphs (none in the bundled CJK faces) and
// variable fonts still take fontkit's path.
const rawGlyphs = new WeakMap<fontkit.Font, Map<number, RawGlyph | null>>();

function simpleGlyph(face: fontkit.Font, gid: number): RawGlyph | null {
  let cache = rawGlyphs.get(face);
  if (!cache) rawGlyphs.set(face, (cache = new Map()));
  const known = cache.get(gid);
  if (known !== undefined) return known;
  const font = face as unknown as TtfFontInternals;
  let raw: RawGlyph | null = null;
  const stream = font._variationProcessor ? null : font._getTableStream('glyf');
  const start = font.loca?.offsets[gid];
  const end = font.loca?.offsets[gid + 1];
  if (stream && start !== undefined && end !== undefined) {
    stream.pos += start;
    const data = new Uint8Array(stream.readBuffer(end - start));
    const composite = data.length >= 2 && new DataView(data.buffer, data.byteOffset).getInt16(0) < 0;
    if (!composite) {
      const { metrics, bearings } = font.hmtx;
      const m = gid < metrics.length ? metrics.get(gid) : undefined;
      const last = metrics.get(metrics.length - 1);
      raw = {
        data,
        advance: m ? m.advance : (last?.advance ?? 0),
        bearing: m ? m.bearing : (bearings.get(gid - metrics.length) ?? 0),
      };
    }
  }
  cache.set(gid, raw);
  return raw;
}

const byFont = new WeakMap<PdfkitEmbeddedFont, { alternates: Map<number, Alternate>; keys: Map<string, number> }>();

/** Our glyph writer for this font's subset (idempotent): call before the subset is encoded. */
export function useSubsetWriter(font: PdfkitEmbeddedFont): void {
  stateOf(font);
}

function stateOf(font: PdfkitEmbeddedFont): { alternates: Map<number, Alternate>; keys: Map<string, number> } {
  let state = byFont.get(font);
  if (state) return state;
  state = { alternates: new Map(), keys: new Map() };
  byFont.set(font, state);
  const alternates = state.alternates;
  const subset = font.subset as unknown as TtfSubsetInternals;
  const addGlyph = subset._addGlyph.bind(subset);
  subset._addGlyph = (gid: number): number => {
    const alt = alternates.get(subset.glyf.length);
    if (!alt) {
      const raw = simpleGlyph(font.font, gid);
      if (!raw) return addGlyph(gid);
      subset.glyf.push(raw.data);
      subset.loca.offsets.push(subset.offset);
      subset.hmtx.metrics.push({ advance: raw.advance, bearing: raw.bearing });
      subset.offset += raw.data.length;
      return subset.glyf.length - 1;
    }
    const buffer = compositeGlyph(font, gid, alt);
    subset.glyf.push(buffer);
    subset.loca.offsets.push(subset.offset);
    subset.hmtx.metrics.push({ advance: Math.round(alt.advance), bearing: buffer.length ? new DataView(buffer.buffer).getInt16(2) : 0 });
    subset.offset += buffer.length;
    return subset.glyf.length - 1;
  };
  return state;
}

/** numberOfContours −1, the shifted bounding box, one component (XY offset in words). */
function compositeGlyph(font: PdfkitEmbeddedFont, gid: number, alt: Alternate): Uint8Array {
  const glyph = font.font.getGlyph(gid);
  const box = glyph.bbox;
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
  font: PdfkitEmbeddedFont,
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
  font.subset.glyphs.push(glyphId);
  const cid = font.subset.glyphs.length - 1;
  state.alternates.set(cid, { base: baseCid, shift, advance });
  font.widths[cid] = advance * font.scale;
  font.unicode[cid] = codePoints;
  state.keys.set(key, cid);
  return cid;
}
