// The pipeline, as plain calls on plain values, in the order a document takes:
//
//   validate (document/)     unknown JSON or file text → Issue
//   resolve theme (theme/)   defaults + override → Theme (faces checked against the fonts)
//   compose (compose/)       Issue + Theme → { blocks, info }
//   break lines (text/)      every block's runs → lines, through layout/measureBlocks
//   paginate (layout/)       rows → pages; with the contents' page numbers, repeated until they settle
//   render (render/)         page model → PDF bytes
//
// Every stage reports bad input as IssueValidationError with JSON Pointers; this module is
// where they get their line:column, from the text of the input (issue or theme) each names.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { composeIssue, type ComposeOptions } from './compose/index.js';
import type { Block } from './compose/types.js';
import { validateIssue, validateIssueSource } from './document/index.js';
import type { Issue } from './document/types.js';
import { IssueValidationError, type ErrorFiles, type IssueError } from './errors.js';
import type { SourceMap } from './json/source.js';
import { checkOutput, writeAtomically } from './output.js';
import { measureBlocks, paginate, type Breaker, type MeasureContext, type Paginated } from './layout/index.js';
import type { PageModel } from './layout/types.js';
import { renderPages } from './render/index.js';
import { breakParagraph, loadFonts, type FontSet } from './text/index.js';
import { readThemeFile, resolveTheme, type Theme, type ThemeFile } from './theme/index.js';
import { version } from './version.js';

export interface LayoutOptions {
  /** A theme override (any part of the theme, validated against schemas/theme.schema.json). */
  theme?: unknown;
  /** A theme override file; its errors are reported against it with line:column. Not with `theme`. */
  themeFile?: string;
  /** Folder that image `src` paths are relative to (and confined to): the issue file's folder. */
  baseDir?: string;
}

export interface RenderOptions extends LayoutOptions {
  /** Write PDF/A-2b (XMP metadata, sRGB output intent, every font embedded). */
  pdfa?: boolean;
  /** Write a tagged PDF (structure tree, language zh-CN). */
  tagged?: boolean;
}

export interface BuildResult {
  output: string;
  pages: number;
  bytes: number;
  warnings: IssueError[];
}

/** Contents page numbers settle in two passes in practice; five bounds a pathological oscillation. */
export const MAX_PASSES = 5;

/** The inputs' texts, so errors found by any stage can be given a line and column. */
interface Sources {
  files: ErrorFiles;
  issue?: SourceMap;
  theme?: SourceMap;
}

// ─── stages ──────────────────────────────────────────────────────────────────────────────

function validated(input: unknown): Issue {
  const result = validateIssue(input);
  if (!result.ok) throw new IssueValidationError(result.errors);
  return result.issue;
}

function themeOf(options: LayoutOptions, themeFile: ThemeFile | undefined, fonts: FontSet): Theme {
  if (options.theme !== undefined && options.themeFile !== undefined) {
    throw new TypeError('give either the theme option or themeFile, not both');
  }
  return resolveTheme(themeFile ? themeFile.override : options.theme, { faces: fonts.faces.keys() });
}

/**
 * The line breaker as layout calls it. Every pass of the contents fix point sets the same
 * paragraphs again, and only the contents' tails change between passes, so each distinct
 * paragraph is broken once per layout (the memo lives as long as one issue's layout).
 *
 * The key is the paragraph's content: its runs (as JSON) and its measure. The runs of a block
 * are the same array in every pass, so their JSON is made once per array (a WeakMap by
 * identity) instead of once per call: JSON.stringify of every input was ~1 ms of a render.
 */
export function rememberBreaks(breaker: Breaker): Breaker {
  const memo = new Map<string, ReturnType<Breaker>>();
  const runsKey = new WeakMap<object, string>();
  return (input) => {
    const { runs: runArray, ...measure } = input;
    let runs = runsKey.get(runArray);
    if (runs === undefined) {
      runs = JSON.stringify(runArray);
      runsKey.set(runArray, runs);
    }
    // Every other field of the input (a few numbers and the pointer), whatever fields it has.
    const key = `${JSON.stringify(measure)}${runs}`;
    let out = memo.get(key);
    if (!out) {
      out = breaker(input);
      memo.set(key, out);
    }
    return out;
  };
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/**
 * Break lines and paginate until the contents' page numbers settle: the contents print the
 * page each article opens on, and the contents themselves may push articles to later pages,
 * so the blocks are measured again with the numbers of the previous pass until they agree.
 */
export function paginateUntilStable(blocks: readonly Block[], theme: Theme, breaker: Breaker): Paginated & { passes: number } {
  const { page } = theme;
  const areaHeight = page.height - page.marginTop - page.marginBottom;
  const needsNumbers = blocks.some((b) => b.kind === 'text' && b.tail?.kind === 'pageRef');
  let pageOf: ReadonlyMap<string, number> = new Map();
  for (let passes = 1; ; passes++) {
    const ctx: MeasureContext = { theme, breaker, pageOf, left: (page.width - page.textWidth) / 2 };
    const laidOut = paginate(measureBlocks(blocks, ctx, areaHeight), ctx);
    if (!needsNumbers || samePages(pageOf, laidOut.pageOf) || passes === MAX_PASSES) return { ...laidOut, passes };
    pageOf = laidOut.pageOf;
  }
}

export interface PageModelOptions extends ComposeOptions {
  /** Replaces the real line breaker (tests of layout with a fake one). */
  breaker?: Breaker;
}

/** compose → break lines → paginate: the page model of a validated issue. */
export function pageModelOf(issue: Issue, theme: Theme, fonts: FontSet, options: PageModelOptions = {}): PageModel {
  const { blocks, info } = composeIssue(issue, theme, options);
  const breaker = rememberBreaks(options.breaker ?? ((input) => breakParagraph(input, fonts)));
  const { pages, outline } = paginateUntilStable(blocks, theme, breaker);
  return { pages, outline, info };
}

// ─── errors with positions ───────────────────────────────────────────────────────────────

/** Runs a part of the pipeline; its input errors come out with file positions and file names. */
async function located<T>(sources: Sources, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof IssueValidationError)) throw err;
    const errors = err.errors.map((e) => {
      const map = e.source === 'theme' ? sources.theme : sources.issue;
      return e.line !== undefined || !map ? e : { ...e, ...map.locate(e.pointer) };
    });
    throw new IssueValidationError(errors, { ...sources.files, ...err.files });
  }
}

function themeSources(themeFile: ThemeFile | undefined): Pick<Sources, 'theme'> & { files: ErrorFiles } {
  return themeFile ? { theme: themeFile.map, files: { theme: themeFile.file } } : { files: {} };
}

/** Reads and resolves a theme override file against the bundled faces; its errors carry their line:column. */
export async function checkThemeFile(file: string): Promise<Theme> {
  const themeFile = readThemeFile(file);
  return located(themeSources(themeFile), () => themeOf({ themeFile: file }, themeFile, loadFonts()));
}

// ─── the API ─────────────────────────────────────────────────────────────────────────────

/** Lay an issue out into pages: the page model (pages → positioned lines, rules, images, links). */
export async function layoutIssue(input: unknown, options: LayoutOptions = {}): Promise<PageModel> {
  const themeFile = options.themeFile !== undefined ? readThemeFile(options.themeFile) : undefined;
  return located(themeSources(themeFile), () => {
    const fonts = loadFonts();
    const issue = validated(input);
    return pageModelOf(issue, themeOf(options, themeFile, fonts), fonts, { baseDir: options.baseDir });
  });
}

/** Validate, lay out and write an issue as PDF bytes. Throws IssueValidationError (with every error) when invalid. */
export async function renderIssue(input: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const model = await layoutIssue(input, options);
  return renderPages(model, loadFonts(), { version, pdfa: options.pdfa, tagged: options.tagged });
}

/** What a file build or check made of an issue file. */
interface Prepared {
  pdf: Uint8Array;
  pages: number;
  warnings: IssueError[];
}

/** Every step of a build short of writing: read, validate, theme, compose, break, paginate, render. */
async function prepareFile(inputPath: string, options: RenderOptions): Promise<Prepared> {
  const text = await readFile(inputPath, 'utf8');
  const themeFile = options.themeFile !== undefined ? readThemeFile(options.themeFile) : undefined;
  const theme = themeSources(themeFile);
  const { result: checked, map } = validateIssueSource(text);
  const sources: Sources = { ...theme, files: { ...theme.files, issue: inputPath }, ...(map ? { issue: map } : {}) };
  const { model, warnings } = await located(sources, () => {
    if (!checked.ok) throw new IssueValidationError(checked.errors);
    const fonts = loadFonts();
    const baseDir = options.baseDir ?? path.dirname(path.resolve(inputPath));
    return { model: pageModelOf(checked.issue, themeOf(options, themeFile, fonts), fonts, { baseDir }), warnings: checked.warnings };
  });
  const pdf = await renderPages(model, loadFonts(), { version, pdfa: options.pdfa, tagged: options.tagged });
  return { pdf, pages: model.pages.length, warnings };
}

/** The output path of a build: the given one, or the input with `.pdf` for `.json`. */
export function outputPathOf(inputPath: string, outputPath?: string): string {
  return outputPath ?? inputPath.replace(/\.json$/i, '') + '.pdf';
}

/**
 * Build one issue file into a PDF (default: the input path with `.pdf`). On any error nothing
 * is written and an existing output is left untouched. The output may not be the input nor
 * an existing non-regular file (OutputError); the PDF is written to a flushed temporary file
 * in the same folder and renamed, so a reader never sees half a file.
 */
export async function buildFile(inputPath: string, outputPath?: string, options: RenderOptions = {}): Promise<BuildResult> {
  const output = outputPathOf(inputPath, outputPath);
  await checkOutput(output, [inputPath]);
  const { pdf, pages, warnings } = await prepareFile(inputPath, options);
  // Checked again: the work took time, and something may have appeared at the output meanwhile.
  await checkOutput(output, [inputPath]);
  await writeAtomically(output, pdf);
  return { output, pages, bytes: pdf.byteLength, warnings };
}

export interface CheckResult {
  /** Pages the issue would have. */
  pages: number;
  warnings: IssueError[];
}

/**
 * Everything `buildFile` does but write: when this resolves, a build of the same file with
 * the same options succeeds (short of disk errors). Throws what the build would throw.
 */
export async function checkFile(inputPath: string, options: RenderOptions = {}): Promise<CheckResult> {
  const { pages, warnings } = await prepareFile(inputPath, options);
  return { pages, warnings };
}

/**
 * The deep check of an issue given as data: schema, theme, every glyph against the fonts,
 * every image opened and decoded, the whole layout and PDF, nothing written. `validateIssue`
 * is the fast schema-only check. Throws IssueValidationError with every error.
 */
export async function checkIssue(input: unknown, options: RenderOptions = {}): Promise<CheckResult> {
  const model = await layoutIssue(input, options);
  await renderPages(model, loadFonts(), { version, pdfa: options.pdfa, tagged: options.tagged });
  const result = validateIssue(input);
  return { pages: model.pages.length, warnings: result.warnings };
}
