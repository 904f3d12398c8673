// The bulletin's structure as a flat list of blocks: what compose/ hands to layout/. Plain
// data in theme units (pt); nothing here knows glyph metrics, so a block says *what* must
// be measured (a hanging indent under the first runs, a title that shrinks to fit) and the
// layout stage measures it with the line breaker.
import type { Align, StyledRun } from '../text/types.js';

/** Structure roles of tagged PDF (ISO 32000-1 §14.8.4) the bulletin uses. */
export type StructRole = 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'Figure' | 'Caption' | 'TOC' | 'TOCI' | 'Artifact';

export interface BlockStruct {
  role: StructRole;
  /** Unique per element in the document. */
  id: string;
  /** Id of the enclosing element (contents entries → the TOC). */
  parent?: string;
  alt?: string;
}

/** Page-flow rules shared by every block. */
export interface Flow {
  /** JSON Pointer of the input the block came from. */
  pointer: string;
  /** Space above (dropped at the top of a page) and below, pt. */
  spaceBefore: number;
  spaceAfter: number;
  /** Lines of what follows that must share this block's page (headings: 2; 0: none). */
  keepWithNext: number;
  /** Start the block on the baseline grid: its top moves down to a multiple of this many pt from the text area's top. */
  grid?: number;
  /** Never split the block over two pages. */
  keepTogether: boolean;
  /**
   * Lines above grid text (an article header, a sub-heading): the block is placed so that the
   * grid text after it lands on the grid, the grid's remainder going above the first of such
   * blocks, so the distance from them to their text is always the same.
   */
  gridLead?: boolean;
  /**
   * A page may end after this block's line `splitAfter` or a later one (two lines left for the
   * next page), in spite of keepTogether, when the page would otherwise end too short (a long 链接).
   */
  splitAfter?: number;
  /** A page may end after this block in spite of its keep-with-next when it would otherwise end too short. */
  softBreakAfter?: boolean;
  /** The space above may shrink to this many pt when that keeps the block and what it keeps with on the page. */
  minSpaceBefore?: number;
  /** Named destination placed at the block's top (an article's heading). */
  destination?: string;
  /** Bookmark opening at this block: level 0 is a top entry, level 1 a child of the last top entry. */
  outline?: { level: 0 | 1; title: string };
  struct: BlockStruct;
}

/** Something set at the right edge of a block's last line. */
export type Tail =
  /** Plain text flush right (the masthead date). */
  | { kind: 'text'; runs: StyledRun[] }
  /** Page number of a destination, after dot leaders (contents entries). */
  | { kind: 'pageRef'; destination: string; style: Omit<StyledRun, 'text'>; leader: string; leaderGap: number };

export interface TextBlock extends Flow {
  kind: 'text';
  runs: StyledRun[];
  align: Align;
  /** First-line indent, pt. */
  indent: number;
  /** Later lines hang under the text after the first `hangRuns` runs (a contents entry's number). */
  hangRuns?: number;
  /** Nominal size and baseline pitch of the block's lines, pt. */
  size: number;
  pitch: number;
  /** Set on one line at the measure: sizes shrink until it fits, never below minSize. */
  shrinkToFit?: { minSize: number };
  tail?: Tail;
  /** Every line of the block links to this destination (contents entries). */
  linkTo?: string;
}

export interface RuleLine {
  /** Centre of the line below the rule block's top, pt. */
  offset: number;
  thickness: number;
}

export interface RuleBlock extends Flow {
  kind: 'rule';
  color: string;
  /** Total height, pt. */
  height: number;
  lines: RuleLine[];
}

export interface ImageBlock extends Flow {
  kind: 'image';
  data: Uint8Array;
  format: 'png' | 'jpeg';
  pixelWidth: number;
  pixelHeight: number;
  /** Display size, pt (width = share × text width). Centred in the measure. */
  width: number;
  height: number;
  caption?: TextBlock;
  captionGap: number;
}

export type Block = TextBlock | RuleBlock | ImageBlock;

/** The document information dictionary and XMP metadata of an issue. */
export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** Issue date YYYY-MM-DD: creation and modification date at 00:00 China time. */
  date: string;
  lang: string;
}

/** What compose hands on: the blocks in reading order and the document's metadata. */
export interface Composed {
  blocks: Block[];
  info: DocumentInfo;
}
