// Alternate CIDs (alternate-glyphs.ts): a glyph the layout set narrower or shifted, or standing
// for other text, becomes an 18-byte TrueType composite of the real outline, with the layout's
// advance in hmtx and /W and its own ToUnicode text.
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { GlyphFragment, Line } from '../../src/text/types.js';
import type { PageModel } from '../../src/layout/types.js';
import { renderPages } from '../../src/render/index.js';
import { compositeGlyph } from '../../src/render/alternate-glyphs.js';
import { createDocument, currentEmbeddedFont } from '../../src/render/pdfkit-internals.js';
import { placeGlyphs, parseToUnicode } from './content.js';
import { a4, fonts, model, shape } from './helpers.js';
import { loadWithPdfjs, pageContents } from './pdf.js';

const FACE = 'NotoSerifSC-Regular';
const face = fonts.faces.get(FACE)!;
const SIZE = 12;
const unitsToPt = SIZE / face.unitsPerEm;

/** The faces' sfnt tables the test reads, parsed by hand (no fontkit involved). */
interface Sfnt {
  glyph(gid: number): Uint8Array;
  advance(gid: number): number;
}

function sfnt(bytes: Uint8Array): Sfnt {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, { offset: number; length: number }>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    tables.set(Buffer.from(bytes.subarray(at, at + 4)).toString('latin1'), { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`no ${tag} table`);
    return t;
  };
  const longLoca = view.getInt16(table('head').offset + 50) === 1;
  const loca = table('loca').offset;
  const offset = (gid: number) => (longLoca ? view.getUint32(loca + gid * 4) : view.getUint16(loca + gid * 2) * 2);
  const glyf = table('glyf').offset;
  const metrics = view.getUint16(table('hhea').offset + 34);
  const hmtx = table('hmtx').offset;
  return {
    glyph: (gid) => bytes.subarray(glyf + offset(gid), glyf + offset(gid + 1)),
    advance: (gid) => view.getUint16(hmtx + Math.min(gid, metrics - 1) * 4),
  };
}

/** The embedded font program (FontFile2) of the file's only font. */
async function fontProgram(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type'))?.toString() !== '/FontDescriptor') continue;
    const ref = obj.get(PDFName.of('FontFile2'));
    const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : undefined;
    if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  }
  throw new Error('no FontFile2');
}

interface SetGlyph {
  text: string;
  /** Advance the layout gives, pt. */
  advance: number;
  dx: number;
  /** Text the glyph stands for, if not its own. */
  as?: string;
}

/** One line of single-glyph fragments, each glyph at the advance and offset given. */
function lineOf(glyphs: SetGlyph[]): Line {
  let x = 0;
  const fragments: GlyphFragment[] = glyphs.map((g, i) => {
    const f = shape({ text: g.text, face: FACE, size: SIZE }, x, i, i);
    const glyph = f.glyphs[0]!;
    glyph.advance = g.advance;
    glyph.dx = g.dx;
    if (g.as) glyph.text = g.as;
    f.width = g.advance;
    x += g.advance;
    return f;
  });
  return { fragments, start: 0, end: glyphs.length, naturalWidth: x, width: x, ascent: SIZE * 0.88, descent: SIZE * 0.12, last: true };
}

const natural = (text: string) => face.glyphForCodePoint(text.codePointAt(0)!).advanceWidth * unitsToPt;

const glyphs: SetGlyph[] = [
  { text: '好', advance: natural('好'), dx: 0 },
  // A closing mark without its blank half: narrower, outline at the pen.
  { text: '，', advance: natural('，') / 2, dx: 0 },
  // An opening mark without its left blank: narrower, outline moved left.
  { text: '“', advance: natural('“') / 2, dx: -natural('“') / 2 },
  { text: '好', advance: natural('好'), dx: 0 },
  // The glyph of 好 standing for other text: same width, a CID of its own.
  { text: '好', advance: natural('好'), dx: 0, as: '她' },
];

function pageModel(): PageModel {
  return model([a4([{ kind: 'line', x: 60, baseline: 100, line: lineOf(glyphs), struct: { type: 'P', id: 'p' } }])]);
}

describe('alternate glyphs', () => {
  it('writes an 18-byte composite: numberOfContours −1, shifted box, one XY-offset component', () => {
    const doc = createDocument({ autoFirstPage: false, margin: 0, pdfVersion: '1.7', compress: true, font: face, info: {}, lang: 'zh-CN', displayTitle: true, tagged: false });
    doc.registerFont('f', face).font('f');
    const font = currentEmbeddedFont(doc);
    const gid = face.glyphForCodePoint('“'.codePointAt(0)!).id;
    const box = face.getGlyph(gid).bbox;
    const bytes = compositeGlyph(font, gid, { base: 7, shift: -500, advance: 500 });
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(bytes.length).toBe(18);
    expect([v.getInt16(0), v.getInt16(2), v.getInt16(4), v.getInt16(6), v.getInt16(8)]).toEqual([
      -1,
      Math.round(box.minX - 500),
      Math.round(box.minY),
      Math.round(box.maxX - 500),
      Math.round(box.maxY),
    ]);
    expect(v.getUint16(10)).toBe(0x0003); // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, no MORE_COMPONENTS
    expect(v.getUint16(12)).toBe(7);
    expect([v.getInt16(14), v.getInt16(16)]).toEqual([-500, 0]);
    // A glyph with no outline (a space) gets an empty record.
    expect(compositeGlyph(font, face.glyphForCodePoint(0x20).id, { base: 1, shift: 0, advance: 0 }).length).toBe(0);
  });

  it('in the PDF: composites of the real outline, the layout advance in hmtx and /W, the text kept', async () => {
    const pdf = await renderPages(pageModel(), fonts, { version: '0.0.0' });
    const [page] = await pageContents(pdf);
    const [name, resource] = [...page!.fonts][0]!;
    const placed = placeGlyphs(page!.content, new Map([[name, resource.widths]]));
    expect(placed).toHaveLength(glyphs.length);
    const program = sfnt(await fontProgram(pdf));
    const toUnicode = parseToUnicode(resource.toUnicode);
    const cids = placed.map((p) => p.cid);
    // Every glyph keeps its text, every alternate has a CID of its own.
    expect(cids.map((c) => toUnicode.get(c))).toEqual(glyphs.map((g) => g.as ?? g.text));
    expect(new Set(cids).size).toBe(4);
    expect(cids[3]).toBe(cids[0]);

    const shifts = [0, 0, -natural('“') / 2, 0, 0].map((pt) => Math.round(pt / unitsToPt));
    glyphs.forEach((g, i) => {
      const cid = cids[i]!;
      const data = program.glyph(cid);
      const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
      // The width a viewer advances by is the layout's.
      expect((resource.widths[cid] ?? NaN) * SIZE / 1000, `/W of ${g.text}`).toBeCloseTo(g.advance, 3);
      expect(program.advance(cid), `hmtx of ${g.text}`).toBe(Math.round(g.advance / unitsToPt));
      if (i === 0 || i === 3 || i === 4) return; // the 好/她 pair: below
      expect(data.length, `composite of ${g.text}`).toBe(18);
      expect(v.getInt16(0)).toBe(-1);
      const base = v.getUint16(12);
      expect(v.getInt16(14), `shift of ${g.text}`).toBe(shifts[i]);
      // The base CID holds the real outline of the same face glyph (its own text: the glyph's).
      const baseData = program.glyph(base);
      const bv = new DataView(baseData.buffer, baseData.byteOffset, baseData.byteLength);
      expect(bv.getInt16(0)).toBeGreaterThanOrEqual(0);
      expect(toUnicode.get(base)).toBe(g.text);
      expect([v.getInt16(2), v.getInt16(6)]).toEqual([bv.getInt16(2) + (shifts[i] ?? 0), bv.getInt16(6) + (shifts[i] ?? 0)]);
      expect([v.getInt16(4), v.getInt16(8)]).toEqual([bv.getInt16(4), bv.getInt16(8)]);
    });
    // One glyph, two texts: one CID has the outline, the other is a composite of it at the same place.
    const record = (cid: number) => {
      const d = program.glyph(cid);
      return new DataView(d.buffer, d.byteOffset, d.byteLength);
    };
    const [plain, alternate] = record(cids[0]!).getInt16(0) < 0 ? [cids[4]!, cids[0]!] : [cids[0]!, cids[4]!];
    expect(record(plain).getInt16(0)).toBeGreaterThanOrEqual(0);
    expect(program.glyph(alternate).length).toBe(18);
    expect(record(alternate).getInt16(0)).toBe(-1);
    expect(record(alternate).getUint16(12)).toBe(plain);
    expect(record(alternate).getInt16(14)).toBe(0);
    // The pen: the opening mark's outline moved, the pen where the layout put the glyph.
    const x0 = 60;
    let pen = x0;
    placed.forEach((p, i) => {
      expect(p.x, `pen of glyph ${i}`).toBeCloseTo(pen + (glyphs[i]?.dx ?? 0) - (shifts[i] ?? 0) * unitsToPt, 3);
      pen += glyphs[i]?.advance ?? 0;
    });
  });

  it('copies out as the layout’s text through pdf.js', async () => {
    const pdf = await loadWithPdfjs(await renderPages(pageModel(), fonts, { version: '0.0.0' }));
    expect(pdf.messages).toEqual([]);
    expect(pdf.pages[0]?.text.map((t) => t.str).join('').replace(/\s+/g, '')).toBe('好，“好她');
  });
});
