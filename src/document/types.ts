// The issue document, format v1 (shared/design/document-format.md). These types are the
// contract services code against; tests/document prove they agree with
// schemas/bulletin.schema.json so the two cannot drift apart.

export interface Run {
  text: string;
  bold?: boolean;
  /** Absolute http(s) URL. */
  href?: string;
}

export interface TextParagraph {
  type: 'paragraph';
  text: string;
}

export interface RunsParagraph {
  type: 'paragraph';
  runs: Run[];
}

export type Paragraph = TextParagraph | RunsParagraph;

export interface Heading {
  type: 'heading';
  text: string;
}

export interface ImageBlock {
  type: 'image';
  /** PNG or JPEG, relative to the issue file and inside its folder. */
  src: string;
  caption?: string;
  /** Share of the text width, 0.1–1; default 1. */
  width?: number;
}

export type BodyBlock = Paragraph | Heading | ImageBlock;

export interface Article {
  title: string;
  source: string;
  url: string;
  /** YYYY-MM-DD */
  date?: string;
  originalTitle?: string;
  body: BodyBlock[];
}

export interface Issue {
  $schema?: string;
  bulletin: { title: string; publisher: string };
  issue: { number: number; date: string };
  coverage: { from: string; to: string; topic: string; scope: string };
  lead?: string;
  articles: Article[];
}
