// The page rules of typography.md ("Pages", and bare URLs from "Mixed Chinese and Latin"),
// measured on every fixture: positions and links from the rendered PDF (pdf.js), roles and
// images from the page model where the PDF cannot say what a line is.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bareUrls } from '../../src/compose/autolink.js';
import type { Issue } from '../../src/document/types.js';
import { layoutIssue, renderIssue } from '../../src/index.js';
import type { PageModel } from '../../src/layout/types.js';
import { loadFonts } from '../../src/text/fonts.js';
import { defaultTheme } from '../../src/theme/default.js';
import { loadWithPdfjs, type LoadedPdf } from '../render/pdf.js';
import { datelineGaps, lastRow, modelLines, pdfLines } from './page-lines.js';

const dir = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const theme = defaultTheme;
const areaTop = theme.page.marginTop;
const areaBottom = theme.page.height - theme.page.marginBottom;
const area = areaBottom - areaTop;
const HEADINGS = ['H1', 'H2', 'H3', 'H4'];

function paragraphTexts(issue: Issue): string[] {
  return issue.articles.flatMap((a) => a.body.flatMap((b) => (b.type !== 'paragraph' ? [] : 'text' in b ? [b.text] : b.runs.filter((r) => r.href === undefined).map((r) => r.text))));
}

describe.each(fixtures)('%s', (file) => {
  const issue = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as Issue;
  let model: PageModel;
  let pdf: LoadedPdf;
  beforeAll(async () => {
    model = await layoutIssue(issue, { baseDir: dir });
    pdf = await loadWithPdfjs(await renderIssue(issue, { baseDir: dir }));
  });

  it('has the same gap from the date/source line to the next line in every article (±1 pt)', () => {
    const gaps = datelineGaps(pdf, theme);
    // Every article's date line is followed on its page by its text (the date line keeps two lines).
    expect(gaps).toHaveLength(issue.articles.length);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it('ends no page but the last more than a quarter of the text area short, unless an image comes next', () => {
    const short: string[] = [];
    pdf.pages.slice(0, -1).forEach((page, i) => {
      const lines = pdfLines(page, areaBottom);
      const images = (model.pages[i]?.items ?? []).filter((it) => it.kind === 'image');
      const bottom = Math.max(areaTop, ...lines.map((l) => l.y + 0.12 * l.fontSize), ...images.map((it) => (it.kind === 'image' ? it.y + it.height : 0)));
      const fill = (bottom - areaTop) / area;
      const next = model.pages[i + 1]?.items.find((it) => it.struct.type !== 'Artifact');
      if (fill < 0.75 && next?.kind !== 'image') short.push(`page ${i + 1}: ${Math.round(fill * 100)} %`);
    });
    expect(short).toEqual([]);
  });

  it('never ends a page with a heading, and a heading has two lines after it on its page', () => {
    model.pages.slice(0, -1).forEach((_, i) => {
      for (const l of lastRow(model, i)) expect(HEADINGS, `page ${i + 1}`).not.toContain(l.struct.type);
    });
    model.pages.forEach((_, i) => {
      const lines = modelLines(model, i);
      const ys = [...new Set(lines.map((l) => Math.round(l.baseline * 100)))].sort((a, b) => a - b);
      for (const h of lines.filter((l) => HEADINGS.includes(l.struct.type) && l.struct.type !== 'H1')) {
        const lastOfHeading = Math.max(...lines.filter((l) => l.struct.id === h.struct.id).map((l) => Math.round(l.baseline * 100)));
        const after = ys.filter((y) => y > lastOfHeading).length;
        if (i < model.pages.length - 1 || after > 0) expect(after, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
      }
    });
  });

  it('gives every sub-heading less space below than above', () => {
    let seen = 0;
    model.pages.forEach((p, i) => {
      const lines = pdfLines(pdf.pages[i]!, areaBottom);
      const subs = new Set(modelLines(model, i).filter((l) => l.struct.type === 'H4').map((l) => l.baseline));
      for (const y of subs) {
        const k = lines.findIndex((l) => Math.abs(l.y - y) < 0.5);
        const prev = lines[k - 1];
        const next = lines[k + 1];
        if (k < 0 || !prev || !next) continue;
        seen++;
        expect(next.y - y, `page ${p.number}`).toBeLessThan(y - prev.y - 1);
      }
    });
    const headings = issue.articles.reduce((n, a) => n + a.body.filter((b) => b.type === 'heading').length, 0);
    if (headings > 0) expect(seen).toBeGreaterThan(0);
  });

  it('links every bare URL of the text: a link annotation on each line it occupies, the text unchanged', () => {
    const urls = paragraphTexts(issue).flatMap((t) => bareUrls(t).map(({ start, end }) => t.slice(start, end)));
    // Every http(s) in running text is one of them (the fixtures hold no invalid ones).
    expect(urls.length).toBe(paragraphTexts(issue).reduce((n, t) => n + (t.match(/https?:\/\//g)?.length ?? 0), 0));
    const annotations = pdf.pages.flatMap((p) => p.annotations).filter((a) => a.subtype === 'Link');
    for (const url of urls) {
      const lines = model.pages.flatMap((p) => p.items).filter((it) => it.kind === 'line' && it.line.fragments.some((f) => f.href === url));
      const linked = lines.flatMap((it) => (it.kind === 'line' ? it.line.fragments.filter((f) => f.href === url) : []));
      expect(linked.map((f) => f.glyphs.map((g) => g.text).join('')).join('')).toContain(url);
      expect(annotations.filter((a) => a.url === url).length, url).toBeGreaterThanOrEqual(lines.length);
    }
    // The text as copied out of the PDF, page after page (footers left out).
    const printed = pdf.pages.map((p) => pdfLines(p, areaBottom).map((l) => l.text).join('')).join('').replace(/\s+/g, '');
    for (const t of paragraphTexts(issue).filter((x) => /https?:\/\//.test(x))) expect(printed).toContain(t.normalize('NFC').replace(/\s+/g, ''));
  });

  it('uses only characters the bundled body face has', () => {
    const face = loadFonts().faces.get('NotoSerifSC-Regular')!;
    const strings: string[] = [];
    JSON.stringify(issue, (_k, v: unknown) => (typeof v === 'string' && strings.push(v), v));
    const missing = [...new Set(strings.join(''))].filter((c) => !face.hasGlyphForCodePoint(c.codePointAt(0)!));
    expect(missing).toEqual([]);
  });
});
