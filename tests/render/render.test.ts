import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PDFArray, PDFDict, PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderPages } from '../../src/render/index.js';
import type { LineItem, PageModel } from '../../src/layout/types.js';
import { placeGlyphs, parseToUnicode } from './content.js';
import { a4, fonts, lineItem, lineText, model } from './helpers.js';
import { baseFontNames, catalog, embeddedFonts, loadWithPdfjs, pageChars, pageContents, pdfText, xmpOf } from './pdf.js';
import { sampleModel, URL_1 } from './sample.js';

const VERSION = '9.9.9';
const variants = [
  { name: 'plain', options: {} },
  { name: 'tagged', options: { tagged: true } },
  { name: 'PDF/A-2b tagged', options: { pdfa: true, tagged: true } },
] as const;

const render = (model: PageModel, options: { pdfa?: boolean; tagged?: boolean } = {}) => renderPages(model, fonts, { version: VERSION, ...options });

function lines(model: PageModel, page: number): LineItem[] {
  return (model.pages[page]?.items ?? []).filter((i): i is LineItem => i.kind === 'line');
}

describe.each(variants)('renderPages ($name)', ({ options }) => {
  it('loads in pdf.js without any warning, and every page gives back its characters in order', async () => {
    const model = sampleModel();
    const pdf = await loadWithPdfjs(await render(model, options));
    expect(pdf.messages).toEqual([]);
    expect(pdf.pages).toHaveLength(2);
    pdf.pages.forEach((page, i) => {
      const expected = lines(model, i).map(lineText).join('').replace(/\s+/g, '');
      expect(pageChars(page)).toBe(expected);
    });
    // The "——" ligature is one glyph that copies out as two U+2014.
    expect(pageChars(pdf.pages[0]!)).toContain('“健康中国”——卫生信息化：');
  });

  it('places every glyph at the pen position the page model gives (justification included)', async () => {
    const model = sampleModel();
    const pages = await pageContents(await render(model, options));
    pages.forEach((page, i) => {
      const widths = new Map([...page.fonts].map(([name, f]) => [name, f.widths]));
      const placed = placeGlyphs(page.content, widths);
      const expected = lines(model, i).flatMap((item) =>
        item.line.fragments.flatMap((f) => {
          let pen = item.x + f.x;
          return f.glyphs.map((g) => {
            const at = { x: pen + g.dx, y: item.baseline - g.dy, size: f.size, text: g.text };
            pen += g.advance;
            return at;
          });
        }),
      );
      expect(placed).toHaveLength(expected.length);
      placed.forEach((p, k) => {
        const e = expected[k]!;
        expect(Math.abs(p.x - e.x)).toBeLessThan(0.002);
        expect(p.y).toBeCloseTo(e.y, 3);
        expect(p.size).toBe(e.size);
        expect(parseToUnicode(page.fonts.get(p.font)?.toUnicode ?? '').get(p.cid)).toBe(e.text);
      });
    });
  });

  it('embeds every face once as a TrueType subset with ToUnicode, and no standard font', async () => {
    const bytes = await render(sampleModel(), options);
    const embedded = await embeddedFonts(bytes);
    expect(embedded.map((f) => f.baseFont.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(
      ['NotoSansSC-Bold', 'NotoSerifSC-Black', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular'],
    );
    for (const f of embedded) {
      expect(f.baseFont).toMatch(/^[A-Z]{6}\+/);
      expect(f.subtype).toBe('/CIDFontType2');
      expect(f.encoding).toBe('/Identity-H');
      expect(f.hasToUnicode).toBe(true);
      expect(f.fontFile2Bytes).toBeGreaterThan(500);
      expect(f.fontFile2Bytes).toBeLessThan(200_000); // a subset, not the 14 MiB face
    }
    expect(embedded.some((f) => f.toUnicode.includes('<2014 2014>'))).toBe(true);
    const names = await baseFontNames(bytes);
    expect(names.length).toBeGreaterThanOrEqual(8); // Type0 + CIDFont per face
    for (const name of names) expect(name).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
  });

  it('writes link annotations, named destinations and the outline', async () => {
    const model = sampleModel();
    const pdf = await loadWithPdfjs(await render(model, options));
    const H = 841.89;
    const p1 = pdf.pages[0]!;
    const uri = p1.annotations.find((a) => a.url);
    const link = model.pages[0]!.links[2]!;
    expect(uri?.url).toBe(URL_1);
    const [x1, y1, x2, y2] = uri!.rect;
    expect(x1).toBeCloseTo(link.x, 2);
    expect(x2).toBeCloseTo(link.x + link.width, 2);
    expect(y1).toBeCloseTo(H - link.y - link.height, 2);
    expect(y2).toBeCloseTo(H - link.y, 2);
    expect(p1.annotations.filter((a) => a.subtype === 'Link').map((a) => a.dest ?? a.url)).toEqual(['article-1', 'article-2', URL_1]);
    expect(Object.keys(pdf.destinations).sort()).toEqual(['article-1', 'article-2', 'toc']);
    const d = pdf.destinations['article-2'] as unknown[];
    expect(d.slice(1)).toEqual([{ name: 'XYZ' }, 60, expect.closeTo(H - 152, 2), null]);
    const outline = pdf.outline ?? [];
    expect(outline.map((o) => o.title)).toEqual(['一、信息目录', '三、文章']);
    expect((outline[1]!.items as { title: string }[]).map((o) => o.title)).toEqual(['1. 国家卫健委发布数字健康规划', '2. 第二篇文章的标题']);
    // Left edge 0 (pdfkit's default would be the page width), top from the item's y.
    expect((outline[0]!.dest as unknown[]).slice(1)).toEqual([{ name: 'XYZ' }, 0, expect.closeTo(H - 140, 2), 0]);
  });

  it('writes the document information from the page model and the issue date', async () => {
    const bytes = await render(sampleModel(), options);
    const pdf = await loadWithPdfjs(bytes);
    expect(pdf.info).toMatchObject({
      Title: '全国卫生信息化舆情监测周报',
      Author: '国家卫生健康委统计信息中心',
      Subject: '2025年第1期',
      Keywords: '卫生信息化, 舆情',
      Creator: 'bulletin-press 9.9.9',
      Producer: 'bulletin-press 9.9.9',
      // 2025-01-06 00:00 in China is 2025-01-05 16:00 UTC.
      CreationDate: 'D:20250105160000Z',
      ModDate: 'D:20250105160000Z',
      Language: 'zh-CN',
    });
    const { root } = await catalog(bytes);
    const prefs = root.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    const xmp = xmpOf(bytes);
    expect(xmp).toContain('<xmp:CreateDate>2025-01-05T16:00:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<xmp:ModifyDate>2025-01-05T16:00:00Z</xmp:ModifyDate>');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">全国卫生信息化舆情监测周报</rdf:li>');
  });

  it('is deterministic: the same model renders to the same bytes', async () => {
    const a = await render(sampleModel(), options);
    const b = await render(sampleModel(), options);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });
});

describe('renderPages determinism and identity', () => {
  it('gives the same bytes in another process, time zone and locale', async () => {
    const here = await Promise.all([render(sampleModel()), render(sampleModel(), { pdfa: true, tagged: true })]);
    const script = fileURLToPath(new URL('./render-sample.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
      encoding: 'utf8',
    });
    expect(out.trim().split('\n')).toEqual(here.map((b) => createHash('sha256').update(b).digest('hex')));
  });

  it('derives the file /ID from the content, so two issues of one date get different ids', async () => {
    const a = sampleModel();
    const b = sampleModel();
    b.pages.pop();
    b.outline = b.outline.slice(0, 1);
    const id = (bytes: Uint8Array) => /\/ID \[<([0-9a-f]+)> <\1>\]/.exec(Buffer.from(bytes).toString('latin1'))?.[1];
    const [ia, ib] = [id(await render(a)), id(await render(b))];
    expect(ia).toMatch(/^[0-9a-f]{32}$/);
    expect(ib).toMatch(/^[0-9a-f]{32}$/);
    expect(ia).not.toBe(ib);
  });

  it('copies out each text of a glyph that stands for two different characters', async () => {
    // Under the ZHS locl, — (U+2014) is drawn with the glyph of ― (U+2015): one glyph, two texts.
    const item = lineItem([{ text: '甲—乙' }], 60, 100, { type: 'P', id: 'p' });
    const dash = item.line.fragments[0]!.glyphs[1]!;
    const other = lineItem([{ text: '丙' }], 60, 130, { type: 'P', id: 'q' });
    other.line.fragments[0]!.glyphs.push({ ...dash, text: '―' }, { ...dash, text: '—' });
    const pdf = await loadWithPdfjs(await render(model([a4([item, other])])));
    expect(pdf.messages).toEqual([]);
    expect(pageChars(pdf.pages[0]!)).toBe('甲—乙丙―—');
  });

  it('rejects a page model naming a face that is not loaded, and a bad date', async () => {
    const m = sampleModel();
    const item = lines(m, 0)[0]!;
    item.line.fragments[0]!.face = 'NoSuchFace';
    await expect(render(m)).rejects.toThrow(/face 'NoSuchFace'/);
    const d = sampleModel();
    d.info.date = '2025-13-45';
    await expect(render(d)).rejects.toThrow(/issue date/);
    await expect(render(model([]))).rejects.toThrow(/no pages/);
  });
});

describe('PDF/A-2b', () => {
  it('has the pdfaid part 2 conformance B, an sRGB output intent and PDF 1.7', async () => {
    const bytes = await render(sampleModel(), { pdfa: true });
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
    const xmp = xmpOf(bytes);
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    const { doc, root } = await catalog(bytes);
    const intents = root.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = doc.context.lookup(intents.get(0) as PDFRef, PDFDict);
    expect(intent.get(PDFName.of('S'))?.toString()).toBe('/GTS_PDFA1');
    expect(pdfText(intent.get(PDFName.of('OutputConditionIdentifier')))).toBe('sRGB IEC61966-2.1');
    expect(intent.get(PDFName.of('DestOutputProfile'))).toBeInstanceOf(PDFRef);
    expect(root.get(PDFName.of('Metadata'))).toBeInstanceOf(PDFRef);
  });

  it('is not claimed without the option', async () => {
    const bytes = await render(sampleModel());
    expect(xmpOf(bytes)).not.toContain('pdfaid');
    const { root } = await catalog(bytes);
    expect(root.get(PDFName.of('OutputIntents'))).toBeUndefined();
  });
});
