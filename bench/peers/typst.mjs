// Typst (through @myriaddreamin/typst-ts-node-compiler): the issue as Typst markup with the
// house style of the default theme, the bundled fonts passed by path (no system fonts).
// Every author string goes in as a Typst string literal, so no character is read as markup.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fontsDir, printedIssue } from '../content.mjs';

const require = createRequire(import.meta.url);

const RED = 'rgb("#C8161D")';
const LINK = 'rgb("#0563C1")';
const MARGIN_X = (595.28 - 444) / 2;

export const fontFiles = ['NotoSerifSC-Regular.ttf', 'NotoSerifSC-Bold.ttf', 'NotoSerifSC-Black.gb2312.ttf', 'NotoSansSC-Bold.gb2312.ttf'].map((f) =>
  path.join(fontsDir, f),
);

function str(s) {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function runs(rs) {
  return rs
    .map((r) => {
      let c = str(r.text);
      if (r.bold) c = `text(weight: "bold", ${c})`;
      if (r.href) c = `link(${str(r.href)}, text(fill: ${LINK}, ${c}))`;
      return `#${c}`;
    })
    .join('');
}

/** Typst source of an issue. */
export function typstSource(issue) {
  const p = printedIssue(issue);
  const out = [];
  out.push(`#set document(title: ${str(p.title + p.number)})
#set page(paper: "a4", margin: (left: ${MARGIN_X}pt, right: ${MARGIN_X}pt, top: 30mm, bottom: 28mm),
  footer: context align(center, text(size: 12pt)[— #counter(page).display() —]))
#set text(font: "Noto Serif SC", size: 12pt, lang: "zh", region: "cn", top-edge: 0.88em, bottom-edge: -0.12em)
#set par(justify: true, leading: 9pt, spacing: 9pt, first-line-indent: (amount: 2em, all: true))
#let sans(size, body) = text(font: "Noto Sans SC", weight: "bold", size: size, body)
#let plain(body) = par(first-line-indent: 0pt, justify: false, body)
#let centred(body) = align(center, par(first-line-indent: 0pt, justify: false, body))
#show heading: set text(weight: "regular")
#show heading.where(level: 1): it => block(above: 14pt + 9pt, below: 9pt, sticky: true, sans(15pt, it.body))
#show heading.where(level: 2): it => block(above: 14pt + 9pt, below: 9pt, sticky: true, text(weight: "bold", size: 14pt, it.body))
#show heading.where(level: 3): it => block(above: 10.5pt + 9pt, below: 9pt, sticky: true, par(first-line-indent: (amount: 2em, all: true), justify: false, text(weight: "bold", size: 12pt, it.body)))
`);
  // Masthead
  out.push(`#align(center, text(font: "Noto Serif SC", weight: 900, size: 26pt, fill: ${RED}, ${str(p.title)}))`);
  out.push(`#align(center, text(size: 14pt, ${str(p.number)}))`);
  out.push(`#block(width: 100%, spacing: 9pt)[#${str(p.publisher)} #h(1fr) #${str(p.date)}]`);
  out.push(`#v(5pt)#line(length: 100%, stroke: 2.5pt + ${RED})#v(-9pt + 1.5pt)#line(length: 100%, stroke: 0.75pt + ${RED})#v(12pt)`);
  // Lead
  out.push(`#block(sticky: true, above: 14pt, below: 9pt, sans(14pt, ${str(p.leadLabel)}))`);
  out.push(`#par(${str(p.lead)})`);
  // Contents: entries are links to the articles with their page numbers (Typst's outline,
  // written out so that an entry can carry the source as our contents do).
  out.push(`#heading(level: 1, outlined: true, bookmarked: true, ${str(p.contents)})`);
  for (const a of p.articles) {
    out.push(
      `#plain[#link(<a${a.n}>)[#${str(`${a.n}. `)}#${str(a.title)}#${str(`（${a.source}）`)}] #box(width: 1fr, repeat[.]) #context counter(page).at(<a${a.n}>).first()]`,
    );
  }
  out.push(`#heading(level: 1, outlined: true, bookmarked: true, ${str(p.articlesLabel)})`);
  for (const a of p.articles) {
    // The article's header lines are kept together and with the text that follows, as our
    // paginator keeps them (every header block keeps with the next).
    const head = [
      `#heading(level: 2, bookmarked: true, ${str(`${a.n}. ${a.title}`)}) <a${a.n}>`,
      `#plain[#text(weight: "bold", ${str(a.sourceLabel)})#${str(a.source)}]`,
      `#plain[#text(weight: "bold", ${str(a.linkLabel)})#link(${str(a.url)}, text(fill: ${LINK}, ${str(a.url)}))]`,
      `#plain[#text(weight: "bold", ${str(a.summaryLabel)})]`,
      `#v(7pt)#centred(text(weight: "bold", size: 14pt, ${str(a.title)}))`,
      `#centred(text(size: 10.5pt, ${str(a.dateline)}))#v(7pt)`,
    ];
    if (a.originalTitle !== undefined) head.push(`#centred(${str(a.originalTitle)})`);
    out.push(`#block(breakable: false, sticky: true, width: 100%)[\n${head.join('\n\n')}\n]`);
    for (const b of a.body) {
      if (b.type === 'heading') out.push(`#heading(level: 3, outlined: false, bookmarked: false, ${str(b.text)})`);
      else out.push(`#par[${runs(b.runs)}]`);
    }
  }
  return out.join('\n\n') + '\n';
}

let compiler;

/** The compiler, created once per process with the bundled fonts only. */
export function typstCompiler() {
  if (!compiler) {
    const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
    compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: fontFiles }] });
  }
  return compiler;
}

/**
 * One real layout: the memo cache is cleared after each render (peers.md). With
 * `{ keepCache: true }` it is kept, as `typst watch` does: a reference figure only.
 */
export function renderTypst(issue, { keepCache = false } = {}) {
  const c = typstCompiler();
  try {
    const pdf = c.pdf({ mainFileContent: typstSource(issue) }, { creationTimestamp: 0 });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    if (!keepCache) c.evictCache(0);
  }
}
