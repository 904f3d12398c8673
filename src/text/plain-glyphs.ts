// Which glyphs of a face shaping leaves alone: those that no lookup of the features fontkit
// applies can start on. A run made only of such glyphs shapes to its cmap glyphs at their
// hmtx advances, with no offsets, so it needs no shaping engine at all (fontkit's layout costs
// ~0.1 ms a call, and a cold process spent ~120 ms in it, mostly on runs of ideographs).
//
// Every OpenType lookup subtable tests the glyph at the current position against one coverage
// table before it does anything (OpenType 1.9, "Common Table Formats": the Coverage table of
// single, multiple, alternate, ligature, pair, cursive and reverse-chaining subtables; the first
// input coverage of context and chained-context format 3; the mark coverage of the mark
// attachment types, whose current glyph is the mark). The glyphs of those coverages, over the
// lookups of the applied features, are the triggers; with the GDEF mark class (fontkit zeroes
// a mark's advance) every other glyph is plain.
import type { TableRecord } from './face-data.js';

/**
 * fontkit 2.0.4's DefaultShaper (src/opentype/shapers/DefaultShaper.js), horizontal text: the
 * variation, direction, fraction, common and horizontal features. The shaper chosen for hani
 * and latn, the two scripts the breaker shapes with default features.
 */
const APPLIED_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

/** fontkit's OTProcessor falls back to these scripts when the face has none of the asked one. */
const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn'];

/** Extension lookups (GSUB 7, GPOS 9) wrap a subtable of another type behind a 32-bit offset. */
const EXTENSION = { GSUB: 7, GPOS: 9 } as const;
/** Context (GSUB 5, GPOS 7) and chained context (GSUB 6, GPOS 8) lookups. */
const CONTEXT = { GSUB: 5, GPOS: 7 } as const;
const CHAINED = { GSUB: 6, GPOS: 8 } as const;

/**
 * A bitmap over the face's glyphs, 1 where shaping under (script, language) may act; undefined
 * when the face shapes by other means this does not read (no GSUB/GPOS but a kern or morx
 * table, or feature variations), so that every run goes to fontkit.
 */
export function triggerGlyphs(view: DataView, tables: ReadonlyMap<string, TableRecord>, numGlyphs: number, script: string, language: string): Uint8Array | undefined {
  if (tables.has('morx') || (tables.has('kern') && !tables.has('GPOS'))) return undefined;
  const out = new Uint8Array(numGlyphs);
  try {
    for (const tag of ['GSUB', 'GPOS'] as const) {
      const table = tables.get(tag);
      if (table && !lookupTriggers(view, table.offset, tag, script, language, out)) return undefined;
    }
    const gdef = tables.get('GDEF');
    if (gdef) {
      const classDef = view.getUint16(gdef.offset + 4);
      // Class 3: mark glyph (OpenType GDEF, GlyphClassDef).
      if (classDef) classGlyphs(view, gdef.offset + classDef, 3, out);
    }
  } catch (e) {
    // A table that points past the end of the file: leave the face to fontkit, which reports it.
    if (e instanceof RangeError) return undefined;
    throw e;
  }
  return out;
}

function tagAt(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** false: the table has feature variations (GSUB/GPOS 1.1), which fontkit may apply. */
function lookupTriggers(view: DataView, base: number, tag: 'GSUB' | 'GPOS', script: string, language: string, out: Uint8Array): boolean {
  const minor = view.getUint16(base + 2);
  if (minor >= 1 && view.getUint32(base + 10) !== 0) return false;
  const scriptList = base + view.getUint16(base + 4);
  const featureList = base + view.getUint16(base + 6);
  const lookupList = base + view.getUint16(base + 8);

  const scripts = new Map<string, number>();
  for (let i = 0, n = view.getUint16(scriptList); i < n; i++) {
    const at = scriptList + 2 + i * 6;
    scripts.set(tagAt(view, at), scriptList + view.getUint16(at + 4));
  }
  const chosen = [script, ...DEFAULT_SCRIPTS].map((s) => scripts.get(s)).find((at) => at !== undefined);
  if (chosen === undefined) return true;
  // The language's system, else the default one (as fontkit's selectScript).
  let langSys = view.getUint16(chosen) ? chosen + view.getUint16(chosen) : 0;
  for (let i = 0, n = view.getUint16(chosen + 2); i < n; i++) {
    const at = chosen + 4 + i * 6;
    if (tagAt(view, at) === language) {
      langSys = chosen + view.getUint16(at + 4);
      break;
    }
  }
  if (!langSys) return true;

  // fontkit applies the features of featureIndexes (not the required feature) by tag; taking
  // every index of an applied tag is a superset of that.
  for (let i = 0, n = view.getUint16(langSys + 4); i < n; i++) {
    const feature = featureList + 2 + view.getUint16(langSys + 6 + i * 2) * 6;
    if (!APPLIED_FEATURES.has(tagAt(view, feature))) continue;
    const table = featureList + view.getUint16(feature + 4);
    for (let j = 0, m = view.getUint16(table + 2); j < m; j++) {
      const lookup = lookupList + view.getUint16(lookupList + 2 + view.getUint16(table + 4 + j * 2) * 2);
      const type = view.getUint16(lookup);
      for (let k = 0, s = view.getUint16(lookup + 4); k < s; k++) subtableTriggers(view, lookup + view.getUint16(lookup + 6 + k * 2), type, tag, out);
    }
  }
  return true;
}

function subtableTriggers(view: DataView, at: number, type: number, tag: 'GSUB' | 'GPOS', out: Uint8Array): void {
  if (type === EXTENSION[tag]) {
    subtableTriggers(view, at + view.getUint32(at + 4), view.getUint16(at + 2), tag, out);
    return;
  }
  const format = view.getUint16(at);
  let coverage = at + view.getUint16(at + 2);
  if (format === 3 && type === CONTEXT[tag]) {
    // glyphCount, seqLookupCount, then the input coverages: the first is the current glyph's.
    coverage = at + view.getUint16(at + 6);
  } else if (format === 3 && type === CHAINED[tag]) {
    const backtrack = view.getUint16(at + 2);
    coverage = at + view.getUint16(at + 6 + backtrack * 2);
  }
  coverageGlyphs(view, coverage, out);
}

function coverageGlyphs(view: DataView, at: number, out: Uint8Array): void {
  const format = view.getUint16(at);
  const count = view.getUint16(at + 2);
  if (format === 1) {
    for (let i = 0; i < count; i++) mark(out, view.getUint16(at + 4 + i * 2));
  } else if (format === 2) {
    for (let i = 0; i < count; i++) {
      const r = at + 4 + i * 6;
      for (let g = view.getUint16(r), end = view.getUint16(r + 2); g <= end; g++) mark(out, g);
    }
  }
}

function classGlyphs(view: DataView, at: number, wanted: number, out: Uint8Array): void {
  const format = view.getUint16(at);
  if (format === 1) {
    const start = view.getUint16(at + 2);
    for (let i = 0, n = view.getUint16(at + 4); i < n; i++) if (view.getUint16(at + 6 + i * 2) === wanted) mark(out, start + i);
  } else if (format === 2) {
    for (let i = 0, n = view.getUint16(at + 2); i < n; i++) {
      const r = at + 4 + i * 6;
      if (view.getUint16(r + 4) !== wanted) continue;
      for (let g = view.getUint16(r), end = view.getUint16(r + 2); g <= end; g++) mark(out, g);
    }
  }
}

function mark(out: Uint8Array, gid: number): void {
  if (gid < out.length) out[gid] = 1;
}
