// The few numbers shaping and subsetting need from a face, read straight from its bytes: the
// character map, the advance widths and the glyph locations. fontkit answers the same
// questions by decoding whole tables on first use (hmtx and loca of a 30,000-glyph face are
// 30,000 objects each; a cold process spent ~40 ms there), where a lookup here is a binary
// search or an array index into the file as it is (OpenType 1.9: cmap, hhea, hmtx, head,
// loca, maxp). A face whose tables this does not know (no Unicode cmap of format 4 or 12)
// gets no FaceData, and everything falls back to fontkit.
import type * as fontkit from 'fontkit';
import { pairAdjustments, substitute, triggerGlyphs } from './plain-glyphs.js';
import type { Adjustment, Triggers } from './plain-glyphs.js';

export interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

export interface FaceData {
  readonly tables: ReadonlyMap<string, TableRecord>;
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  /** The glyph the face's Unicode cmap gives a code point; 0 (.notdef) when it has none. */
  glyphId(codePoint: number): number;
  /** hmtx advance, font units. */
  advance(gid: number): number;
  /** hmtx left side bearing, font units. */
  bearing(gid: number): number;
  /** head.indexToLocFormat: 0 for 16-bit loca offsets (halved), 1 for 32-bit ones. */
  readonly indexToLocFormat: number;
  /** A table's bytes as they are in the file. */
  tableBytes(tag: string): Uint8Array | undefined;
  /** loca as byte offsets into glyf (numGlyphs + 1 of them); undefined without loca. */
  glyphOffsets(): Uint32Array | undefined;
  /** The glyph's bytes in glyf (empty for a glyph without outline); null without glyf/loca. */
  glyphBytes(gid: number): Uint8Array | null;
  /**
   * For each glyph, whether a lookup of the default features under (script, language) may act
   * on it, and the pair-kerning lookups (plain-glyphs.ts); undefined when the face shapes in
   * ways that are not read here.
   */
  triggers(script: string, language: string): Triggers | undefined;
  /** What the substitutions read there do to a run (undefined: it needs fontkit after all). */
  substitute(triggers: Triggers, ids: readonly number[], lengths: readonly number[]): { ids: number[]; lengths: number[] } | undefined;
  /** What the pair-kerning lookups do to a run of glyphs that no other lookup acts on. */
  kerning(triggers: Triggers, ids: readonly number[]): Adjustment[];
}

// Registered by the loader, which holds the bytes: fontkit does not expose them. Weak, so a
// fallback face dropped by a service takes its data with it.
const registry = new WeakMap<fontkit.Font, FaceData>();

export function registerFaceData(font: fontkit.Font, bytes: Uint8Array): void {
  const data = readFaceData(bytes);
  if (data) registry.set(font, data);
}

export function faceData(font: fontkit.Font): FaceData | undefined {
  return registry.get(font);
}

export function readFaceData(file: Uint8Array): FaceData | undefined {
  // A plain Uint8Array over the same memory: the views handed out must not be Buffers, whose
  // slice() shares memory (a caller that patches a "copy" would patch the face).
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.byteLength < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at);
  const u32 = (at: number): number => view.getUint32(at);
  const tables = new Map<string, TableRecord>();
  const numTables = u16(4);
  if (12 + numTables * 16 > bytes.byteLength) return undefined;
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const record = { offset: u32(at + 8), length: u32(at + 12) };
    if (record.offset + record.length > bytes.byteLength) return undefined;
    tables.set(tag, record);
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const maxp = tables.get('maxp');
  const cmap = tables.get('cmap');
  if (!head || !hhea || !hmtx || !maxp || !cmap || head.length < 54 || hhea.length < 36 || maxp.length < 6) return undefined;
  const numGlyphs = u16(maxp.offset + 4);
  const unitsPerEm = u16(head.offset + 18);
  const metrics = u16(hhea.offset + 34);
  if (metrics === 0 || hmtx.length < metrics * 4 + (numGlyphs - metrics) * 2) return undefined;
  const lookup = cmapLookup(view, cmap);
  if (!lookup) return undefined;
  const glyphId = rememberedBmp(lookup);

  const advance = (gid: number): number => u16(hmtx.offset + 4 * (gid < metrics ? gid : metrics - 1));
  const bearing = (gid: number): number =>
    gid < metrics ? view.getInt16(hmtx.offset + 4 * gid + 2) : view.getInt16(hmtx.offset + 4 * metrics + 2 * (gid - metrics));

  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  const longOffsets = view.getInt16(head.offset + 50) === 1;
  const locaSize = (numGlyphs + 1) * (longOffsets ? 4 : 2);
  const glyphBytes = (gid: number): Uint8Array | null => {
    if (!loca || !glyf || loca.length < locaSize || gid < 0 || gid >= numGlyphs) return null;
    const start = longOffsets ? u32(loca.offset + 4 * gid) : u16(loca.offset + 2 * gid) * 2;
    const end = longOffsets ? u32(loca.offset + 4 * gid + 4) : u16(loca.offset + 2 * gid + 2) * 2;
    if (end < start || end > glyf.length) return null;
    return bytes.subarray(glyf.offset + start, glyf.offset + end);
  };

  // One bitmap per script and language asked for: two (hani and latn under ZHS) in practice.
  const triggerMaps = new Map<string, Triggers | undefined>();
  const triggers = (script: string, language: string): Triggers | undefined => {
    const key = script + language;
    if (!triggerMaps.has(key)) triggerMaps.set(key, triggerGlyphs(view, tables, numGlyphs, script, language));
    return triggerMaps.get(key);
  };
  const glyphOffsets = (): Uint32Array | undefined => {
    if (!loca || loca.length < locaSize) return undefined;
    const out = new Uint32Array(numGlyphs + 1);
    for (let i = 0; i <= numGlyphs; i++) out[i] = longOffsets ? u32(loca.offset + 4 * i) : u16(loca.offset + 2 * i) * 2;
    return out;
  };
  const tableBytes = (tag: string): Uint8Array | undefined => {
    const t = tables.get(tag);
    return t && bytes.subarray(t.offset, t.offset + t.length);
  };
  const indexToLocFormat = longOffsets ? 1 : 0;
  return {
    tables, numGlyphs, unitsPerEm, glyphId, advance, bearing, indexToLocFormat, tableBytes, glyphOffsets, glyphBytes, triggers,
    substitute: (t, ids, lengths) => substitute(view, t, ids, lengths),
    kerning: (t, ids) => pairAdjustments(view, t, ids),
  };
}

/**
 * A cmap lookup that remembers its BMP answers: shaping and face choice ask for every
 * character of every paragraph, and a binary search over the ~4,000 segments of a CJK face's
 * format 4 subtable was the largest single cost of shaping. 128 KiB per face, made on first
 * use; 0xffff marks a code point not yet looked up (no glyph id reaches it: numGlyphs ≤ 65,535).
 */
function rememberedBmp(lookup: (cp: number) => number): (cp: number) => number {
  let bmp: Uint16Array | undefined;
  return (cp) => {
    if (cp > 0xffff || cp >>> 0 !== cp) return lookup(cp);
    bmp ??= new Uint16Array(0x10000).fill(0xffff);
    const known = bmp[cp]!;
    if (known !== 0xffff) return known;
    return (bmp[cp] = lookup(cp));
  };
}

/**
 * The Unicode subtable fontkit would use (its CmapProcessor prefers 3/10, 0/6, 0/4, 3/1, 0/3),
 * as a lookup function; undefined when that subtable is not of format 4 or 12.
 */
function cmapLookup(view: DataView, cmap: TableRecord): ((cp: number) => number) | undefined {
  const base = cmap.offset;
  const count = view.getUint16(base + 2);
  const subtables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const at = base + 4 + i * 8;
    subtables.set(`${view.getUint16(at)}/${view.getUint16(at + 2)}`, base + view.getUint32(at + 4));
  }
  const chosen = ['3/10', '0/6', '0/4', '3/1', '0/3'].map((k) => subtables.get(k)).find((at) => at !== undefined);
  if (chosen === undefined) return undefined;
  if (chosen + 16 > cmap.offset + cmap.length) return undefined;
  const format = view.getUint16(chosen);
  const end = cmap.offset + cmap.length;
  if (format === 12 && chosen + 16 + view.getUint32(chosen + 12) * 12 <= end) return format12(view, chosen);
  if (format === 4 && chosen + view.getUint16(chosen + 2) <= end && chosen + 16 + view.getUint16(chosen + 6) * 4 <= end) return format4(view, chosen, chosen + view.getUint16(chosen + 2));
  return undefined;
}

/** Segmented coverage: groups of (startCharCode, endCharCode, startGlyphID), sorted. */
function format12(view: DataView, at: number): (cp: number) => number {
  const groups = view.getUint32(at + 12);
  const first = at + 16;
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const g = first + mid * 12;
      if (cp < view.getUint32(g)) hi = mid - 1;
      else if (cp > view.getUint32(g + 4)) lo = mid + 1;
      else return view.getUint32(g + 8) + cp - view.getUint32(g);
    }
    return 0;
  };
}

/** Segment mapping to delta values (BMP only), with idRangeOffset into the glyph array. */
function format4(view: DataView, at: number, end: number): (cp: number) => number {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (cp > view.getUint16(ends + mid * 2)) lo = mid + 1;
      else if (mid > 0 && cp <= view.getUint16(ends + (mid - 1) * 2)) hi = mid - 1;
      else {
        const start = view.getUint16(starts + mid * 2);
        if (cp < start) return 0;
        const delta = view.getUint16(deltas + mid * 2);
        const rangeOffset = view.getUint16(rangeOffsets + mid * 2);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        const index = rangeOffsets + mid * 2 + rangeOffset + (cp - start) * 2;
        if (index + 2 > end) return 0;
        const g = view.getUint16(index);
        return g === 0 ? 0 : (g + delta) & 0xffff;
      }
    }
    return 0;
  };
}
