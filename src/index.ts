// The public API: thin wrappers that run the pipeline stages in order.
//   validate (document/) → compose (compose/) → break lines (text/) → paginate (layout/) → render (render/)
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pointerPosition, validateIssue as validateInput, validateIssueText } from './document/index.js';
import type { ValidationResult } from './document/index.js';
import { IssueValidationError } from './document/types.js';
import type { Issue, IssueError } from './document/types.js';
import { layoutIssue as layoutPages } from './layout/index.js';
import type { PageModel } from './layout/types.js';
import { renderPages } from './render/index.js';
import { resolveTheme } from './theme/index.js';
import type { Theme } from './theme/index.js';
import { loadFonts } from './text/fonts.js';
import { version } from './version.js';

export type { Issue, IssueError, Article, BodyBlock, Run } from './document/types.js';
export type { ValidationResult } from './document/index.js';
export type { PageModel, Page, PageItem, LinkBox, OutlineItem } from './layout/types.js';
export type { Line, GlyphFragment, PositionedGlyph } from './text/types.js';
export type { Theme } from './theme/index.js';
export { IssueValidationError } from './document/types.js';
export { defaultTheme } from './theme/index.js';
export { version } from './version.js';

export interface LayoutOptions {
  /** A theme override (any part of the theme, validated against schemas/theme.schema.json) or a full theme. */
  theme?: unknown;
  /** Folder that image `src` paths are relative to (and confined to): the issue file's folder. */
  baseDir?: string;
}

export interface RenderOptions extends LayoutOptions {
  /** Write PDF/A-2b (XMP metadata, sRGB output intent, every font embedded). */
  pdfa?: boolean;
  /** Write a tagged PDF (structure tree, language zh-CN). */
  tagged?: boolean;
}

/** Validate an issue document (already parsed JSON). Never throws for bad input. */
export function validateIssue(input: unknown): ValidationResult {
  return validateInput(input);
}

function validOrThrow(input: unknown, file?: string): Issue {
  const result = validateInput(input);
  if (!result.ok) throw new IssueValidationError(result.errors, file);
  return result.issue;
}

function themeOf(options: LayoutOptions): Theme {
  return resolveTheme(options.theme);
}

/** Lay an issue out into pages: the page model (pages → positioned lines, rules, images, links). */
export async function layoutIssue(input: unknown, options: LayoutOptions = {}): Promise<PageModel> {
  const issue = validOrThrow(input);
  return layoutPages(issue, themeOf(options), loadFonts(), { baseDir: options.baseDir });
}

/** Validate, lay out and write an issue as PDF bytes. Throws IssueValidationError (with every error) when invalid. */
export async function renderIssue(input: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const fonts = loadFonts();
  const issue = validOrThrow(input);
  const model = layoutPages(issue, themeOf(options), fonts, { baseDir: options.baseDir });
  return renderPages(model, fonts, { version, pdfa: options.pdfa, tagged: options.tagged });
}

export interface BuildResult {
  output: string;
  pages: number;
  bytes: number;
  warnings: IssueError[];
}

/**
 * Build one issue file into a PDF (default: the input path with `.pdf`). The file is
 * validated first with line:column positions; on any error nothing is written and an
 * existing output is left untouched. The PDF is written to a temporary file in the same
 * folder and renamed, so a reader never sees half a file.
 */
export async function buildFile(inputPath: string, outputPath?: string, options: RenderOptions = {}): Promise<BuildResult> {
  const output = outputPath ?? inputPath.replace(/\.json$/i, '') + '.pdf';
  const text = await readFile(inputPath, 'utf8');
  const checked = validateIssueText(text);
  if (!checked.ok) throw new IssueValidationError(checked.errors, inputPath);
  const baseDir = options.baseDir ?? path.dirname(path.resolve(inputPath));
  const fonts = loadFonts();
  let model: PageModel;
  try {
    model = layoutPages(checked.issue, themeOf(options), fonts, { baseDir });
  } catch (err) {
    // Late errors (a missing glyph, an unreadable image) carry a pointer: give them a position in the file too.
    if (err instanceof IssueValidationError) throw new IssueValidationError(locate(err.errors, text), inputPath);
    throw err;
  }
  const pdf = await renderPages(model, fonts, { version, pdfa: options.pdfa, tagged: options.tagged });
  await writeAtomically(output, pdf);
  return { output, pages: model.pages.length, bytes: pdf.byteLength, warnings: checked.warnings };
}

function locate(errors: IssueError[], text: string): IssueError[] {
  return errors.map((e) => (e.line ? e : { ...e, ...pointerPosition(text, e.pointer) }));
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
