// The page model: what layout/ produces and render/ draws. Coordinates are pt with the
// origin at the page's top-left corner and y growing downwards (pdfkit's convention).
import type { DocumentInfo, StructRole } from '../compose/types.js';
import type { Line } from '../text/types.js';

export type { DocumentInfo, StructRole };

/** Structure role of a drawn item, for tagged PDF. Items of one element share an id. */
export interface StructRef {
  type: StructRole;
  /** Unique per element in the document; a paragraph split over two pages keeps its id. */
  id: string;
  /** Alternative text (figures: the caption). */
  alt?: string;
  /** Id of the enclosing element, when the element is a child of another (TOCI inside TOC). */
  parent?: string;
}

export interface LineItem {
  kind: 'line';
  /** x of the line's left edge (its fragments' x are relative to it). */
  x: number;
  /** y of the baseline. */
  baseline: number;
  line: Line;
  struct: StructRef;
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thickness: number;
  color: string;
  struct: StructRef;
}

export interface ImageItem {
  kind: 'image';
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
  data: Uint8Array;
  format: 'png' | 'jpeg';
  struct: StructRef;
}

export type PageItem = LineItem | RuleItem | ImageItem;

export type LinkTarget = { type: 'uri'; uri: string } | { type: 'dest'; name: string };

export interface LinkBox {
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
  target: LinkTarget;
  /** Id of the structure element the link text belongs to (tagged PDF). */
  structId?: string;
}

export interface NamedDestination {
  name: string;
  x: number;
  y: number;
}

export interface OutlineItem {
  title: string;
  /** 0-based page index. */
  page: number;
  y: number;
  children: OutlineItem[];
}

export interface Page {
  /** 1-based page number as printed in the footer. */
  number: number;
  width: number;
  height: number;
  items: PageItem[];
  links: LinkBox[];
  destinations: NamedDestination[];
}

export interface PageModel {
  pages: Page[];
  outline: OutlineItem[];
  info: DocumentInfo;
}
