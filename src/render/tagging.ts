// The structure tree of a tagged PDF: Document → one element per StructRef id (items that
// share an id, even on different pages, are one element), TOCI grouped under a TOC, Link
// elements tied to their annotations, artifacts for rules and running footers.
import type { LinkBox, StructRef } from '../layout/types.js';
import type { PdfkitDocument, PdfkitStructureElement } from './pdfkit-internals.js';

/** How drawn content is marked; the untagged variant marks nothing. */
export interface Marker {
  /** Whether content is marked at all (untagged documents need no link grouping). */
  readonly tagged: boolean;
  /** Draw content belonging to a structure element (or an artifact). */
  mark(ref: StructRef, artifactType: 'Pagination' | 'Layout', draw: () => void, bbox?: Box): void;
  /** Draw content that is the text of a link inside the element `ref`. */
  markLink(ref: StructRef, link: LinkBox, draw: () => void): void;
  /** Options for the link's annotation (structParent), called after the page's content. */
  annotation(link: LinkBox): PdfkitStructureElement | undefined;
  /** Close the Link elements of the page just drawn (their /OBJR /Pg is the current page). */
  endPage(): void;
  end(): void;
}

export type Box = [number, number, number, number];

export function untaggedMarker(): Marker {
  return {
    tagged: false,
    mark: (_ref, _type, draw) => draw(),
    markLink: (_ref, _link, draw) => draw(),
    annotation: () => undefined,
    endPage: () => undefined,
    end: () => undefined,
  };
}

export class StructureMarker implements Marker {
  readonly tagged = true;
  private readonly root: PdfkitStructureElement;
  private readonly elements = new Map<string, PdfkitStructureElement>();
  /** The TOC element that following TOCI elements join; null once another element starts. */
  private toc: PdfkitStructureElement | null = null;
  private readonly pageLinks = new Map<LinkBox, PdfkitStructureElement>();

  constructor(
    private readonly doc: PdfkitDocument,
    lang: string,
  ) {
    this.root = doc.struct('Document', { lang });
    doc.addStructure(this.root);
  }

  private element(ref: StructRef, bbox?: Box): PdfkitStructureElement {
    const known = this.elements.get(ref.id);
    if (known) return known;
    const options: { alt?: string; bbox?: Box; placement?: string } = {};
    if (ref.alt) options.alt = ref.alt;
    if (ref.type === 'Figure' && bbox) {
      options.bbox = bbox;
      options.placement = 'Block';
    }
    const el = this.doc.struct(ref.type, options);
    if (ref.type === 'TOCI') {
      if (!this.toc) {
        // The page model has no explicit TOC container: consecutive TOCI share one.
        this.toc = this.doc.struct('TOC');
        this.root.add(this.toc);
      }
      this.toc.add(el);
    } else {
      this.root.add(el);
      this.toc = ref.type === 'TOC' ? el : null;
    }
    this.elements.set(ref.id, el);
    return el;
  }

  mark(ref: StructRef, artifactType: 'Pagination' | 'Layout', draw: () => void, bbox?: Box): void {
    if (ref.type === 'Artifact') {
      this.doc.markContent('Artifact', { type: artifactType });
      draw();
      this.doc.endMarkedContent();
      return;
    }
    const el = this.element(ref, bbox);
    const content = this.doc.markStructureContent(ref.type);
    draw();
    this.doc.endMarkedContent();
    el.add(content);
  }

  markLink(ref: StructRef, link: LinkBox, draw: () => void): void {
    if (ref.type === 'Artifact') return this.mark(ref, 'Pagination', draw);
    let el = this.pageLinks.get(link);
    if (!el) {
      el = this.doc.struct('Link');
      this.element(ref).add(el);
      this.pageLinks.set(link, el);
    }
    const content = this.doc.markStructureContent('Link');
    draw();
    this.doc.endMarkedContent();
    el.add(content);
  }

  annotation(link: LinkBox): PdfkitStructureElement | undefined {
    let el = this.pageLinks.get(link);
    if (!el) {
      // A link box no drawn text fell into: still a Link element, so the annotation is in the tree.
      el = this.doc.struct('Link');
      const parent = link.structId ? this.elements.get(link.structId) : undefined;
      (parent ?? this.root).add(el);
      this.pageLinks.set(link, el);
    }
    return el;
  }

  endPage(): void {
    for (const el of this.pageLinks.values()) el.end();
    this.pageLinks.clear();
  }

  end(): void {
    this.root.end();
  }
}
