// PageModel → PDF bytes. The only module that drives pdfkit; everything it draws was
// positioned by layout/ (no wrapping, no shaping here).
import { createHash } from 'node:crypto';
import type { FontSet } from '../text/fonts.js';
import type { GlyphFragment } from '../text/types.js';
import type { ImageItem, LineItem, LinkBox, OutlineItem, Page, PageModel, RuleItem } from '../layout/types.js';
import { deflate } from './embed-font.js';
import { DocumentFonts, textObject } from './glyphs.js';
import type { PageTextState } from './glyphs.js';
import { documentInfo, issueDate, xmpInfo } from './metadata.js';
import { packObjects } from './object-streams.js';
import { assertInternals, collectOutput, createDocument, deflateXmpMetadata, replaceXmpInfo, sortNamedDestinationsByBytes } from './pdfkit-internals.js';
import type { PdfkitDocument, PdfkitDocumentOptions, PdfkitOutline } from './pdfkit-internals.js';
import { StructureMarker, untaggedMarker } from './tagging.js';
import { uriForPdf } from './uri.js';
import type { Marker } from './tagging.js';

export interface RenderOptions {
  /** bulletin-press version, written as Creator and Producer. */
  version: string;
  /** PDF/A-2b: XMP identification, sRGB output intent (every font is embedded anyway). */
  pdfa?: boolean;
  /** Tagged PDF: structure tree, marked content, artifacts. */
  tagged?: boolean;
}

/** Draw a page model. Same model, fonts and options → the same bytes, on any machine, any day. */
export async function renderPages(model: PageModel, fonts: FontSet, options: RenderOptions): Promise<Uint8Array> {
  const doc = openDocument(model, fonts, options);
  // The file /ID: a hash of every byte before the trailer, instead of pdfkit's hash of the
  // info dict (which is the same for every issue of one date).
  const output = collectOutput(doc, createHash('md5'));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('error', reject);
    output.then(resolve, reject);
  });
  // Awaited only after drawing: an error pdfkit emits meanwhile must not count as unhandled.
  ended.catch(() => undefined);
  const faces = new DocumentFonts(doc, fonts);
  faces.reserve(model.pages);
  // The font programs deflate on the thread pool while this thread draws.
  const programs = faces.compressPrograms();
  // Drawing does not wait for the programs; a throw here must not leave their rejection unheard.
  programs.catch(() => undefined);
  const marker: Marker = options.tagged ? new StructureMarker(doc, model.info.lang) : untaggedMarker();
  for (const page of model.pages) drawPage(doc, page, faces, marker);
  addOutline(doc.outline, model.outline, model.pages);
  marker.end();
  faces.prepareEmbeddings();
  await programs;
  doc.end();
  const all = packObjects(await ended);
  faces.release();
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

function openDocument(model: PageModel, fonts: FontSet, options: RenderOptions): PdfkitDocument {
  if (model.pages.length === 0) throw new Error('render: the page model has no pages');
  const anyFace = fonts.faces.values().next().value;
  if (!anyFace) throw new Error('render: the font set is empty');
  // An upgraded pdfkit or fontkit that lacks an internal fails here, by name, not deep inside doc.end().
  assertInternals(fonts.faces.values());
  const date = issueDate(model.info.date);
  const info = documentInfo(model.info, options.version, date);
  const pdfkitOptions: PdfkitDocumentOptions = {
    autoFirstPage: false,
    margin: 0,
    pdfVersion: '1.7',
    compress: true,
    // A bundled face as pdfkit's default font: otherwise it loads Helvetica, which PDF/A
    // forbids unembedded. It is only written if used (it never is: every draw names a face).
    font: anyFace,
    info,
    lang: model.info.lang,
    displayTitle: true,
    tagged: options.tagged === true,
  };
  if (options.pdfa) pdfkitOptions.subset = 'PDF/A-2b';
  const doc = createDocument(pdfkitOptions);

  // pdfkit interpolates Title/Author/… into XMP unescaped and writes no ModifyDate; write it ourselves.
  replaceXmpInfo(doc, xmpInfo(model.info, options.version, date));
  // pdfkit leaves the XMP unfiltered (PDF/A-1 asks that of it; PDF/A output keeps it so).
  // Elsewhere it is deflated like every other stream: ~0.8 KB of a four-page issue.
  if (!options.pdfa) deflateXmpMetadata(doc, deflate);
  // The name tree sorts with localeCompare (locale-dependent); PDF wants the keys' byte order.
  sortNamedDestinationsByBytes(doc);
  return doc;
}

function drawPage(doc: PdfkitDocument, page: Page, fonts: DocumentFonts, marker: Marker): void {
  doc.addPage({ size: [page.width, page.height], margin: 0 });
  const text: PageTextState = { tc: 0, tagged: marker.tagged };
  for (const item of page.items) {
    switch (item.kind) {
      case 'line':
        drawLine(doc, item, page.links, fonts, text, marker);
        break;
      case 'rule':
        marker.mark(item.struct, 'Layout', () => drawRule(doc, item));
        break;
      case 'image':
        marker.mark(item.struct, 'Layout', () => drawImage(doc, item), [item.x, item.y, item.x + item.width, item.y + item.height]);
        break;
    }
  }
  for (const link of page.links) {
    const structParent = marker.annotation(link);
    // A string object: pdfkit writes a plain JS string as a PDF name.
    const options = structParent ? { structParent, Contents: new String(linkText(link)) } : {};
    if (link.target.type === 'uri') doc.link(link.x, link.y, link.width, link.height, uriForPdf(link.target.uri), options);
    else doc.goTo(link.x, link.y, link.width, link.height, link.target.name, options);
  }
  marker.endPage();
  for (const dest of page.destinations) doc.addNamedDestination(dest.name, 'XYZ', dest.x, dest.y, null);
}

function linkText(link: LinkBox): string {
  return link.target.type === 'uri' ? link.target.uri : link.target.name;
}

/**
 * A line is one text object, or (tagged) several: the fragments that fall inside a link box
 * of the same element are marked as that link's content.
 */
function drawLine(doc: PdfkitDocument, item: LineItem, links: readonly LinkBox[], fonts: DocumentFonts, text: PageTextState, marker: Marker): void {
  const draw = (fragments: readonly GlyphFragment[]) => () => doc.addContent(textObject(doc, fonts, text, item.x, item.baseline, fragments));
  const groups = marker.tagged ? groupByLink(item, links) : [{ link: undefined, fragments: item.line.fragments }];
  for (const group of groups) {
    if (!group.fragments.some((f) => f.glyphs.length > 0)) continue;
    if (group.link) marker.markLink(item.struct, group.link, draw(group.fragments));
    else marker.mark(item.struct, 'Pagination', draw(group.fragments));
  }
}

interface FragmentGroup {
  link: LinkBox | undefined;
  fragments: GlyphFragment[];
}

function groupByLink(item: LineItem, links: readonly LinkBox[]): FragmentGroup[] {
  const groups: FragmentGroup[] = [];
  for (const fragment of item.line.fragments) {
    const link = links.length ? linkOf(item, fragment, links) : undefined;
    const last = groups[groups.length - 1];
    if (last && last.link === link) last.fragments.push(fragment);
    else groups.push({ link, fragments: [fragment] });
  }
  return groups;
}

/** The link box of the fragment's element that holds the fragment's middle (a glyph's mid-height). */
function linkOf(item: LineItem, fragment: GlyphFragment, links: readonly LinkBox[]): LinkBox | undefined {
  const cx = item.x + fragment.x + fragment.width / 2;
  const cy = item.baseline - fragment.size * 0.35;
  return links.find(
    (l) =>
      (l.structId === undefined || l.structId === item.struct.id) &&
      cx >= l.x &&
      cx <= l.x + l.width &&
      cy >= l.y &&
      cy <= l.y + l.height,
  );
}

function drawRule(doc: PdfkitDocument, rule: RuleItem): void {
  doc
    .save()
    .lineWidth(rule.thickness)
    .lineCap('butt')
    .strokeColor(rule.color)
    .moveTo(rule.x1, rule.y1)
    .lineTo(rule.x2, rule.y2)
    .stroke()
    .restore();
}

function drawImage(doc: PdfkitDocument, image: ImageItem): void {
  // The box is what layout/ measured from the pixel size; an EXIF rotation would not fit it.
  doc.image(Buffer.from(image.data), image.x, image.y, { width: image.width, height: image.height, ignoreOrientation: true });
}

function addOutline(parent: PdfkitOutline, items: readonly OutlineItem[], pages: readonly Page[]): void {
  for (const item of items) {
    const page = pages[item.page];
    if (!page) throw new Error(`render: outline item '${item.title}' points at page index ${item.page}, the document has ${pages.length}`);
    // pdfkit writes left as pageWidth − left (fonts.md §6): left = width puts the view at x = 0.
    const node = parent.addItem(item.title, { pageNumber: item.page, top: item.y, left: page.width, expanded: item.children.length > 0 });
    addOutline(node, item.children, pages);
  }
}
