// DocumentFonts.release(): once a document's PDF is written, its per-glyph tables are empty, so
// that no array of a finished render keeps the page model's glyphs or the faces' CID texts alive
// (see the comment on release() for what that cost in V8's young-generation collections).
import { describe, expect, it } from 'vitest';
import { DocumentFonts } from '../../src/render/glyphs.js';
import { cidTextList, createDocument } from '../../src/render/pdfkit-internals.js';
import type { PdfkitDocument } from '../../src/render/pdfkit-internals.js';
import type { PositionedGlyph } from '../../src/text/types.js';
import { a4, fonts, lineItem } from './helpers.js';

const struct = { id: 'p1', type: 'P' as const };

function fixture() {
  const doc = createDocument({ autoFirstPage: false, margin: 0, pdfVersion: '1.7', compress: true, font: fonts.faces.get('NotoSerifSC-Regular')!, info: {}, lang: 'zh-CN', displayTitle: true, tagged: false }) as PdfkitDocument;
  const faces = new DocumentFonts(doc, fonts);
  const pages = [
    a4([
      lineItem([{ text: '全国卫生信息化舆情监测周报' }, { text: '（第六六六期）', face: 'NotoSansSC-Bold.gb2312' }], 72, 100, struct),
      lineItem([{ text: '本期导语：Typst 与 CJK 排版。' }], 72, 130, struct, 0.5),
    ]),
  ];
  const glyphs: PositionedGlyph[] = pages.flatMap((p) => p.items.flatMap((item) => (item.kind === 'line' ? item.line.fragments.flatMap((f) => f.glyphs) : [])));
  return { faces, pages, glyphs };
}

describe('DocumentFonts.release', () => {
  it('empties the glyphs drawn and every face’s CID texts', () => {
    const { faces, pages, glyphs } = fixture();
    faces.reserve(pages);
    const out = { cid: 0, fit: undefined };
    // Before: reserve() handed out a CID for every glyph, in drawing order.
    expect(faces.placement(glyphs[0]!, out)).toBe(true);
    const embedded = [...new Set(pages[0]!.items.flatMap((i) => (i.kind === 'line' ? i.line.fragments.map((f) => f.face) : [])))].map((id) => faces.face(id));
    for (const font of embedded) expect(cidTextList(font).filter(Boolean).length).toBeGreaterThan(1);

    faces.release();
    // After: nothing of the page model is held (a glyph is no longer known, even the next one
    // in drawing order), and neither the faces' ToUnicode code points.
    expect(faces.placement(glyphs[1]!, out)).toBe(false);
    for (const font of embedded) expect(cidTextList(font)).toHaveLength(0);
  });
});
