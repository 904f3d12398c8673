// Measuring rendered bulletins the way a reader's ruler would: from the PDF (pdf.js text
// positions and link annotations), with the page model only where the PDF cannot say
// which element a line belongs to (roles for "a heading at a page foot").
import type { LoadedPdf, LoadedPage, TextRun } from '../render/pdf.js';
import type { LineItem, PageModel } from '../../src/layout/types.js';
import type { Theme } from '../../src/theme/types.js';

export interface PdfLine {
  /** Baseline, pt from the top of the page. */
  y: number;
  x: number;
  text: string;
  fontSize: number;
}

/** Text runs grouped into lines by baseline (footer left out when `areaBottom` is given). */
export function pdfLines(page: LoadedPage, areaBottom = Infinity): PdfLine[] {
  const byY = new Map<number, TextRun[]>();
  for (const t of page.text) {
    if (t.str === '' || t.y > areaBottom) continue;
    const key = Math.round(t.y * 10) / 10;
    const k = [...byY.keys()].find((y) => Math.abs(y - key) < 0.6) ?? key;
    byY.set(k, [...(byY.get(k) ?? []), t]);
  }
  return [...byY.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([y, runs]) => {
      runs.sort((a, b) => a.x - b.x);
      return { y, x: runs[0]?.x ?? 0, text: runs.map((r) => r.str).join(''), fontSize: Math.max(...runs.map((r) => r.fontSize)) };
    });
}

const DATELINE = /^(\d{4}-\d{2}-\d{2})?\s*来源：/;

/** Baseline distance from each article's date/source line to the line after it, in reading order. */
export function datelineGaps(pdf: LoadedPdf, theme: Theme): number[] {
  const bottom = theme.page.height - theme.page.marginBottom;
  const all = pdf.pages.flatMap((p, page) => pdfLines(p, bottom).map((l) => ({ ...l, page })));
  const gaps: number[] = [];
  all.forEach((l, i) => {
    // The dateline is the smaller centred 来源 line (the header's own 来源： is at the left, body size).
    if (!DATELINE.test(l.text.trim()) || l.fontSize >= theme.styles.body.size - 0.1) return;
    const next = all[i + 1];
    if (next && next.page === l.page) gaps.push(Math.round((next.y - l.y) * 100) / 100);
  });
  return gaps;
}

/** How full each page's text area is: from its top to the bottom of its last line or image, as a share. */
export function pageFill(model: PageModel, theme: Theme): number[] {
  const top = theme.page.marginTop;
  const area = theme.page.height - theme.page.marginTop - theme.page.marginBottom;
  return model.pages.map((p) => {
    let bottom = top;
    for (const it of p.items) {
      if (it.struct.type === 'Artifact' && it.kind === 'line') continue;
      if (it.kind === 'line') {
        const size = Math.max(...it.line.fragments.map((f) => f.size), 0);
        bottom = Math.max(bottom, it.baseline + 0.12 * size);
      } else if (it.kind === 'image') bottom = Math.max(bottom, it.y + it.height);
      else bottom = Math.max(bottom, it.y2 + it.thickness / 2);
    }
    return (bottom - top) / area;
  });
}

/** The content lines of a page in reading order (footer left out). */
export function modelLines(model: PageModel, page: number): LineItem[] {
  return (model.pages[page]?.items ?? []).filter((i): i is LineItem => i.kind === 'line' && i.struct.type !== 'Artifact');
}

/** Distinct rows of lines (a contents entry's leaders and number share its baseline). */
export function lastRow(model: PageModel, page: number): LineItem[] {
  const lines = modelLines(model, page);
  const y = Math.max(...lines.map((l) => l.baseline));
  return lines.filter((l) => Math.abs(l.baseline - y) < 0.01);
}
