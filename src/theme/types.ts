// Every number, colour, font role and label a designer may change (typography.md). A theme is
// plain data so a JSON override file can replace any part of it.
import type { Align, Hyphenation } from '../text/types.js';

/** A font role names a fallback chain of face ids in Theme.fonts. */
export type FontRole = 'body' | 'bold' | 'masthead' | 'heading';

/** #RRGGBB, or the name of one of Theme.colors so one change recolours every use. */
export type ColorRef = string;

export interface TextStyle {
  font: FontRole;
  /** Font size, pt. */
  size: number;
  /** Distance between baselines, pt. */
  pitch: number;
  color: ColorRef;
  align: Align;
  /** First-line indent in em of this style's size. */
  indent: number;
  /** Space above and below the block, pt (space above is dropped at the top of a page). */
  spaceBefore: number;
  spaceAfter: number;
}

export interface Theme {
  page: {
    width: number;
    height: number;
    /** The measure; a whole number of body characters so pure Han lines need no stretching. */
    textWidth: number;
    marginTop: number;
    marginBottom: number;
    /** Running text (lead, contents, body) starts on a grid of body lines from the top of the text area. */
    grid: boolean;
  };
  fonts: Record<FontRole, string[]> & {
    /**
     * Font files for characters the bundled faces lack, in order, after every chain (in a
     * theme file: relative to its folder and inside it).
     */
    fallback?: string[];
  };
  colors: { text: string; accent: string; link: string };

  styles: {
    mastheadTitle: TextStyle;
    issueNumber: TextStyle;
    publisherRow: TextStyle;
    leadLabel: TextStyle;
    lead: TextStyle;
    sectionHeading: TextStyle;
    tocEntry: TextStyle;
    articleHeading: TextStyle;
    articleMeta: TextStyle;
    /** The generated labels 来源：, 链接：, 主要内容： (only font, size and colour apply: they share a line with their value). */
    articleLabel: TextStyle;
    articleLink: TextStyle;
    articleTitle: TextStyle;
    articleDateline: TextStyle;
    originalTitle: TextStyle;
    body: TextStyle;
    subheading: TextStyle;
    caption: TextStyle;
    footer: TextStyle;
  };
  masthead: {
    /** The title shrinks to fit one line at the text width, but never below this size. */
    minTitleSize: number;
  };
  rule: {
    color: ColorRef;
    thick: number;
    thin: number;
    /** Gap between the thick and the thin line, pt. */
    gap: number;
    spaceBefore: number;
    spaceAfter: number;
  };
  contents: {
    /** Leader character repeated between an entry and its page number. */
    leader: string;
    /** Minimum free space around the leaders, pt. */
    leaderGap: number;
  };
  flow: {
    /**
     * Share of the text area a page other than the last must fill before a page may end inside
     * an article header (after its 链接 block's second line, or before 主要内容).
     */
    minFill: number;
    /** The space above an article header may shrink to this (pt) before the header moves to the next page. */
    headerSpaceMin: number;
    /** A 链接 block may break after this many lines (two stay for the next page), when the page needs it. */
    linkSplitAfter: number;
  };
  image: {
    spaceBefore: number;
    spaceAfter: number;
    /** Space between an image and its caption, pt. */
    captionGap: number;
  };
  footer: {
    /** Distance of the footer baseline above the bottom edge of the page, pt. */
    baselineFromBottom: number;
    /** {n} is replaced by the page number. */
    format: string;
  };
  labels: {
    lead: string;
    contents: string;
    articles: string;
    source: string;
    link: string;
    summary: string;
    originalTitle: string;
  };
  templates: {
    /** Handlebars file for the generated lead; fields: count, topic, from, to, scope. */
    lead: string;
  };
  /**
   * Hyphenation of Latin words with Liang's patterns (TeX's, from the `hyphen` package): the
   * language and the least letters before and after a hyphen; false for no hyphenation
   * (an emergency break inside an over-long word still shows a hyphen).
   */
  hyphenation: Hyphenation | false;
}

/** A part of T, at any depth: objects may leave out any key; arrays and values replace whole. */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * A theme override as the `theme` option takes it: any part of the theme (the rest stays
 * the default); a misspelt key does not compile. `$schema` may name schemas/theme.schema.json.
 */
export type ThemeOverride = DeepPartial<Theme> & { $schema?: string };
