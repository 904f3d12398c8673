// pdfmake: the same printed strings in its document format, laid out by pdfmake itself.
// Fonts go in once per process through its virtual file system; the contents page numbers
// are pdfmake's own cross-references (pageReference, resolved by re-layout like its `toc`),
// written out so that an entry carries the source as ours do; headings carry outline entries.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fontsDir, printedIssue } from '../content.mjs';

const require = createRequire(import.meta.url);

const RED = '#C8161D';
const LINK = '#0563C1';
const MM = 72 / 25.4;
const MARGIN_X = (595.28 - 444) / 2;

// pdfkit sets lines by the font's own height, (ascent − descent) / em, so the factor that
// gives our pitch is pitch / (size × that height).
const SERIF_HEIGHT = (1151 + 286) / 1000;
const SANS_HEIGHT = (1160 + 288) / 1000;
const lh = (pitch, size, height = SERIF_HEIGHT) => pitch / (size * height);

const FACES = ['NotoSerifSC-Regular.ttf', 'NotoSerifSC-Bold.ttf', 'NotoSerifSC-Black.gb2312.ttf', 'NotoSansSC-Bold.gb2312.ttf'];

let pdfmake;

export function pdfmakeInstance() {
  if (!pdfmake) {
    pdfmake = require('pdfmake');
    for (const f of FACES) pdfmake.virtualfs.writeFileSync(f, readFileSync(path.join(fontsDir, f)));
    // Each face registered under one name only (fonts.md §3: a face under two names is re-read per use).
    pdfmake.setFonts({
      Serif: { normal: FACES[0], bold: FACES[1] },
      Black: { normal: FACES[2] },
      Sans: { bold: FACES[3] },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
  }
  return pdfmake;
}

function inlines(runs) {
  return runs.map((r) => {
    const t = { text: r.text };
    if (r.bold) t.bold = true;
    if (r.href) Object.assign(t, { link: r.href, color: LINK });
    return t;
  });
}

/** pdfmake document definition of an issue. */
export function pdfmakeDocument(issue) {
  const p = printedIssue(issue);
  const body = { fontSize: 12, lineHeight: lh(21, 12), alignment: 'justify', leadingIndent: 24 };
  const plain = { fontSize: 12, lineHeight: lh(21, 12), alignment: 'left' };
  const content = [
    { text: p.title, font: 'Black', fontSize: 26, color: RED, alignment: 'center', lineHeight: lh(42, 26), margin: [0, 0, 0, 4] },
    { text: p.number, fontSize: 14, alignment: 'center', lineHeight: lh(28, 14), margin: [0, 0, 0, 8] },
    { columns: [{ text: p.publisher, ...plain }, { text: p.date, ...plain, alignment: 'right' }] },
    {
      canvas: [
        { type: 'line', x1: 0, y1: 1.25, x2: 444, y2: 1.25, lineWidth: 2.5, lineColor: RED },
        { type: 'line', x1: 0, y1: 4.375, x2: 444, y2: 4.375, lineWidth: 0.75, lineColor: RED },
      ],
      margin: [0, 5, 0, 12],
    },
    { text: p.leadLabel, font: 'Sans', bold: true, fontSize: 14, lineHeight: lh(28, 14, SANS_HEIGHT), margin: [0, 14, 0, 0] },
    { text: p.lead, ...body },
    {
      text: p.contents, font: 'Sans', bold: true, fontSize: 15, lineHeight: lh(28, 15, SANS_HEIGHT), margin: [0, 14, 0, 0],
      outline: true, headlineLevel: 1,
    },
    ...p.articles.map((a) => ({
      columns: [
        { width: '*', text: [`${a.n}. `, a.title, `（${a.source}）`], linkToDestination: `a${a.n}`, ...plain },
        { width: 'auto', text: '00', pageReference: `a${a.n}`, ...plain, alignment: 'right' },
      ],
      columnGap: 6,
    })),
    {
      text: p.articlesLabel, font: 'Sans', bold: true, fontSize: 15, lineHeight: lh(28, 15, SANS_HEIGHT), margin: [0, 14, 0, 0],
      outline: true,
    },
  ];
  for (const a of p.articles) {
    // The article's header lines are kept together (unbreakable) and off a page's foot, as
    // our paginator keeps them.
    const head = [
      { text: `${a.n}. ${a.title}`, id: `a${a.n}`, bold: true, fontSize: 14, lineHeight: lh(28, 14), margin: [0, 14, 0, 0], outline: true },
      { text: [{ text: a.sourceLabel, bold: true }, a.source], ...plain },
      { text: [{ text: a.linkLabel, bold: true }, { text: a.url, link: a.url, color: LINK }], ...plain },
      { text: a.summaryLabel, bold: true, ...plain },
      { text: a.title, bold: true, fontSize: 14, alignment: 'center', lineHeight: lh(28, 14), margin: [0, 7, 0, 0] },
      { text: a.dateline, fontSize: 10.5, alignment: 'center', lineHeight: lh(21, 10.5), margin: [0, 0, 0, 7] },
    ];
    if (a.originalTitle !== undefined) head.push({ text: a.originalTitle, ...plain, alignment: 'center' });
    content.push({ stack: head, unbreakable: true, headlineLevel: 2 });
    for (const b of a.body) {
      if (b.type === 'heading') {
        content.push({ text: b.text, bold: true, fontSize: 12, lineHeight: lh(21, 12), leadingIndent: 24, margin: [0, 10.5, 0, 0], headlineLevel: 3 });
      } else {
        content.push({ text: inlines(b.runs), ...body });
      }
    }
  }
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 30 * MM, MARGIN_X, 28 * MM],
    info: { title: p.title + p.number, creationDate: new Date(0) },
    defaultStyle: { font: 'Serif', fontSize: 12 },
    footer: (n) => ({ text: `— ${n} —`, alignment: 'center', fontSize: 12, margin: [0, 14 * MM - 12, 0, 0] }),
    // Keep headings with the next block: pdfmake's hook, the way its docs show.
    pageBreakBefore: (node, nodes) => node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0,
    content,
  };
}

export async function renderPdfmake(issue) {
  const pm = pdfmakeInstance();
  const buf = await pm.createPdf(pdfmakeDocument(issue)).getBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
