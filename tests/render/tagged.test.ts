import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { PDFDocument, PDFObject } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderPages } from '../../src/render/index.js';
import { fonts } from './helpers.js';
import { catalog, pageContents, pdfText } from './pdf.js';
import { sampleModel } from './sample.js';

interface Node {
  type: string;
  alt?: string;
  /** Marked-content ids and the page index each lives on. */
  mcids: { page: number; mcid: number }[];
  /** Annotations referenced through OBJR. */
  annots: PDFRef[];
  /** Page index of each OBJR's /Pg. */
  annotPages: number[];
  children: Node[];
}

function deref(doc: PDFDocument, o: PDFObject | undefined): PDFObject | undefined {
  return o instanceof PDFRef ? doc.context.lookup(o) : o;
}

function readTree(doc: PDFDocument, el: PDFDict, pages: PDFRef[]): Node {
  const pageOf = (ref: PDFObject | undefined) => (ref instanceof PDFRef ? pages.findIndex((p) => p.toString() === ref.toString()) : -1);
  const node: Node = { type: el.get(PDFName.of('S'))?.toString().slice(1) ?? '', mcids: [], annots: [], annotPages: [], children: [] };
  const alt = pdfText(el.get(PDFName.of('Alt')));
  if (alt) node.alt = alt;
  const pg = pageOf(el.get(PDFName.of('Pg')));
  const k = deref(doc, el.get(PDFName.of('K')));
  const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  for (const kid of kids) {
    const v = deref(doc, kid);
    if (v instanceof PDFNumber) node.mcids.push({ page: pg, mcid: v.asNumber() });
    else if (v instanceof PDFDict) {
      const type = v.get(PDFName.of('Type'))?.toString();
      if (type === '/MCR') node.mcids.push({ page: pageOf(v.get(PDFName.of('Pg'))), mcid: (v.get(PDFName.of('MCID')) as PDFNumber).asNumber() });
      else if (type === '/OBJR') {
        node.annots.push(v.get(PDFName.of('Obj')) as PDFRef);
        node.annotPages.push(pageOf(v.get(PDFName.of('Pg'))));
      }
      else node.children.push(readTree(doc, v, pages));
    }
  }
  return node;
}

function shape(n: Node): unknown {
  return n.children.length ? { [n.type]: n.children.map(shape) } : n.type;
}

describe('tagged PDF', () => {
  it('has MarkInfo, /Lang and a structure tree with one element per StructRef id', async () => {
    const bytes = await renderPages(sampleModel(), fonts, { version: '1', tagged: true });
    const { doc, root } = await catalog(bytes);
    expect(pdfText(root.get(PDFName.of('Lang')))).toBe('zh-CN');
    const markInfo = root.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.get(PDFName.of('Marked'))?.toString()).toBe('true');
    const treeRoot = root.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const pages = doc.getPages().map((p) => p.ref);
    const top = deref(doc, treeRoot.get(PDFName.of('K')));
    const first = top instanceof PDFArray ? deref(doc, top.get(0)) : top;
    const document = readTree(doc, first as PDFDict, pages);
    expect(shape(document)).toEqual({
      Document: ['H1', 'H2', { TOC: [{ TOCI: ['Link'] }, { TOCI: ['Link'] }] }, 'H2', { P: ['Link'] }, 'Figure', 'Caption', 'P', 'H4', 'H4'],
    });
    const [, , toc, , p1, figure, , p2] = document.children;
    expect(figure?.alt).toBe('图1 示意图');
    // The paragraph split over two pages is one element with content on both pages.
    expect(new Set(p2?.mcids.map((m) => m.page))).toEqual(new Set([0, 1]));
    // Links are tied to their annotations both ways (OBJR in the tree, StructParent on the annotation).
    const links = [...(toc?.children.map((t) => t.children[0]!) ?? []), p1!.children[0]!];
    for (const link of links) {
      expect(link.annots).toHaveLength(1);
      expect(link.annotPages).toEqual([0]); // the page the annotation is on, not the last page
      expect(doc.getPages()[0]!.node.Annots()?.asArray().map(String)).toContain(link.annots[0]!.toString());
      expect(link.mcids.length).toBeGreaterThan(0);
      const annot = doc.context.lookup(link.annots[0]!, PDFDict);
      expect(annot.get(PDFName.of('Subtype'))?.toString()).toBe('/Link');
      expect(annot.get(PDFName.of('StructParent'))).toBeInstanceOf(PDFNumber);
    }
  });

  it('marks footers and rules as artifacts and everything else as structure content', async () => {
    const bytes = await renderPages(sampleModel(), fonts, { version: '1', tagged: true });
    const [p1, p2] = await pageContents(bytes);
    expect(p1?.content.match(/\/Artifact <<\s*\/Type \/Layout\s*>> BDC/g)).toHaveLength(1); // the rule
    expect(p1?.content.match(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/g)).toHaveLength(1); // the footer
    expect(p2?.content.match(/\/Artifact/g)).toHaveLength(1);
    // No text object outside a marked-content sequence.
    for (const page of [p1!, p2!]) {
      let depth = 0;
      for (const op of page.content.match(/\b(BDC|BMC|EMC|BT)\b/g) ?? []) {
        if (op === 'BT') expect(depth).toBeGreaterThan(0);
        else depth += op === 'EMC' ? -1 : 1;
      }
      expect(depth).toBe(0);
    }
  });

  it('writes no structure when not asked to', async () => {
    const bytes = await renderPages(sampleModel(), fonts, { version: '1' });
    const { root } = await catalog(bytes);
    expect(root.get(PDFName.of('StructTreeRoot'))).toBeUndefined();
    expect(root.get(PDFName.of('MarkInfo'))).toBeUndefined();
    expect(pdfText(root.get(PDFName.of('Lang')))).toBe('zh-CN');
  });
});
