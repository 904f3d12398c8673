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
import path from 'node:path';
import { composeIssue, type ComposeOptions } from './compose/index.js';
import type { Block } from './compose/types.js';
import { validateIssue, validateIssueSource } from './document/index.js';
import { decodeIssueText, readIssueText } from './document/input-text.js';
import type { ImageLimits } from './compose/images.js';
import type { PagePng, PngOptions } from './raster/png.js';
import type { Issue } from './document/types.js';
import { inFileOrder, IssueValidationError, themeError, type ErrorFiles, type IssueError } from './errors.js';
import type { SourceMap } from './json/source.js';
import { checkOutput, outputPathOf, writeAtomically } from './output.js';
import { measureBlocks, paginate, type Breaker, type MeasureContext, type Paginated } from './layout/index.js';
import type { PageModel } from './layout/types.js';
import { renderPages } from './render/index.js';
import { breakParagraph, loadFonts, missingGlyphMessage, uncoveredCharacters, type BrokenParagraph, type FontSet, type ParagraphInput, type StyledRun } from './text/index.js';
import { bundledFontsRead, loadFontsWith, readBundledFontsAhead, type FallbackFont } from './text/fonts.js';
import { readThemeFile, resolveTheme, type TextStyle, type Theme, type ThemeFile, type ThemeOverride } from './theme/index.js';
import { version } from './version.js';
import { styledRun } from './text/styled-run.js';

/** Gives an image's bytes for its `src`; undefined when it has none (an error at the block). */
export type ImageResolver = (src: string) => Uint8Array | undefined | Promise<Uint8Array | undefined>;

/** Images given in memory: bytes by `src` (a Map or a plain object), or a function that finds them. */
export type ImageSource = ReadonlyMap<string, Uint8Array> | Readonly<Record<string, Uint8Array>> | ImageResolver;

export interface LayoutOptions extends ImageLimits {
  /** A theme override (any part of the theme, validated against schemas/theme.schema.json). */
  theme?: ThemeOverride;
  /** A theme override file; its errors are reported against it with line:column. Not with `theme`. */
  themeFile?: string;
  /** Folder that image `src` paths are relative to (and confined to): the issue file's folder. */
  baseDir?: string;
  /** Largest issue file (or text) read, in bytes; larger ones are refused unread. Default 16 MB. */
  maxInputBytes?: number;
  /**
   * The images' bytes by `src`, in memory (nothing is read from disk, baseDir is not used for
   * images): checked exactly as files are (decoded, size and pixel limits). A `src` not given
   * is an error at its block. A resolver function is awaited once per distinct `src` before
   * composing; createRenderer takes a Map or object only (a function cannot cross to a worker).
   */
  images?: ImageSource;
  /**
   * Faces for characters the bundled faces lack (font file paths or bytes, TrueType or
   * OpenType), tried in order after the bundled faces of every chain and after the theme's
   * `fonts.fallback`. Each is opened once per process (found again by its content).
   */
  fallbackFonts?: readonly FallbackFont[];
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

function themeOf(options: Pick<LayoutOptions, 'theme' | 'themeFile'>, themeFile: ThemeFile | undefined, fonts: FontSet): Theme {
  if (options.theme !== undefined && options.themeFile !== undefined) {
    throw new TypeError('give either the theme option or themeFile, not both');
  }
  return resolveTheme(themeFile ? themeFile.override : options.theme, { faces: fonts.faces.keys() });
}

/** Throws the theme errors of text in the theme that no face of its chain can draw. */
function assertThemeGlyphs(theme: Theme, fonts: FontSet): void {
  const missing = themeGlyphErrors(theme, fonts);
  if (missing.length > 0) throw new IssueValidationError(missing);
}

/**
 * The theme's own text (labels, the footer, the contents leader) checked against the faces
 * of the style that prints it, so a label the fonts cannot draw (an emoji) is a theme error
 * at its key, not a glyph error blamed on the article it happens to stand in.
 */
function themeGlyphErrors(theme: Theme, fonts: FontSet): IssueError[] {
  const s = theme.styles;
  const texts: Array<[string, string, TextStyle[]]> = [
    ['/labels/lead', theme.labels.lead, [s.leadLabel]],
    ['/labels/contents', theme.labels.contents, [s.sectionHeading]],
    ['/labels/articles', theme.labels.articles, [s.sectionHeading]],
    ['/labels/source', theme.labels.source, [s.articleLabel, s.articleDateline]],
    ['/labels/link', theme.labels.link, [s.articleLabel]],
    ['/labels/summary', theme.labels.summary, [s.articleLabel]],
    ['/labels/originalTitle', theme.labels.originalTitle, [s.originalTitle]],
    ['/footer/format', theme.footer.format.replace('{n}', '0123456789'), [s.footer]],
    ['/contents/leader', theme.contents.leader, [s.tocEntry]],
  ];
  const errors: IssueError[] = [];
  for (const [pointer, text, styles] of texts) {
    const missing = new Set(styles.flatMap((st) => uncoveredCharacters(text, theme.fonts[st.font], fonts)));
    for (const ch of missing) errors.push(themeError(pointer, missingGlyphMessage(ch)));
  }
  return errors;
}

/**
 * The theme and the faces of a job: the bundled faces, then the theme's `fonts.fallback`
 * files, then the fallbackFonts option, every role's chain ending with the fallback faces.
 */
function themeAndFonts(options: LayoutOptions, themeFile: ThemeFile | undefined): { theme: Theme; fonts: FontSet } {
  const theme = themeOf(options, themeFile, loadFonts());
  const fallback = [...(theme.fonts.fallback ?? []), ...(options.fallbackFonts ?? [])];
  if (fallback.length === 0) {
    assertThemeGlyphs(theme, loadFonts());
    return { theme, fonts: loadFonts() };
  }
  const fonts = loadFontsWith(fallback);
  const ids = fonts.fallback ?? [];
  const chain = (c: readonly string[]): string[] => [...c, ...ids.filter((id) => !c.includes(id))];
  const f = theme.fonts;
  const chained = { ...theme, fonts: { ...f, body: chain(f.body), bold: chain(f.bold), masthead: chain(f.masthead), heading: chain(f.heading) } };
  // Labels are checked against the chains they will be set with, fallback faces included.
  assertThemeGlyphs(chained, fonts);
  return { theme: chained, fonts };
}

function isResolver(images: ImageSource): images is ImageResolver {
  return typeof images === 'function';
}

function checkedBytes(value: unknown, src: string): Uint8Array | undefined {
  if (value === undefined || value instanceof Uint8Array) return value;
  throw new TypeError(`images: the bytes of "${src}" must be a Uint8Array (or undefined when there is none), got ${Object.prototype.toString.call(value)}`);
}

/**
 * The images option as compose takes it: a Map of the issue's image srcs to their bytes,
 * a resolver awaited here once per distinct src (compose is synchronous).
 */
export async function givenImages(issue: Issue, images: ImageSource | undefined): Promise<ReadonlyMap<string, Uint8Array> | undefined> {
  if (images === undefined) return undefined;
  const srcs = new Set<string>();
  for (const article of issue.articles) for (const block of article.body) if (block.type === 'image') srcs.add(block.src);
  const out = new Map<string, Uint8Array>();
  for (const src of srcs) {
    let bytes: unknown;
    if (isResolver(images)) bytes = await images(src);
    else if (images instanceof Map) bytes = (images as ReadonlyMap<string, Uint8Array>).get(src);
    else if (typeof images === 'object' && images !== null) bytes = Object.hasOwn(images, src) ? (images as Readonly<Record<string, unknown>>)[src] : undefined;
    else throw new TypeError('images must be a Map or object of Uint8Array by src, or a function (src) => bytes');
    const checked = checkedBytes(bytes, src);
    if (checked !== undefined) out.set(src, checked);
  }
  return out;
}

/**
 * The line breaker as layout calls it. Every pass of the contents fix point sets the same
 * paragraphs again, and only the contents' tails change between passes, so each distinct
 * paragraph is broken once per layout (the memo lives as long as one issue's layout).
 *
 * A paragraph's runs are keyed by identity: a block hands the breaker the same runs array in
 * every pass (compose makes it once, and nothing changes it). The short lines that layout
 * makes afresh on every call (page numbers, leaders, labels) are looked up by their text and
 * compared field by field. Keyed by the input's JSON instead, building and hashing those
 * strings (their numbers printed as decimals) was ~1 ms of a warm 663 render and ~8 ms of
 * the ~30-page one.
 */
export function rememberBreaks(breaker: Breaker): Breaker {
  const byRuns = new WeakMap<object, Remembered[]>();
  const byText = new Map<string, Remembered[]>();
  return (input) => {
    const short = textLength(input.runs) <= SHORT_LINE;
    let seen: Remembered[] | undefined;
    if (short) {
      const key = input.runs.length === 1 ? input.runs[0]!.text : input.runs.map((r) => r.text).join('\u0000');
      seen = byText.get(key);
      if (!seen) byText.set(key, (seen = []));
    } else {
      seen = byRuns.get(input.runs);
      if (!seen) byRuns.set(input.runs, (seen = []));
    }
    for (const r of seen) if (sameMeasure(r.measure, input) && (!short || sameRuns(r.runs, input.runs))) return r.out;
    const out = breaker(input);
    // Copies: a caller may change its input object and ask again (layout sets restIndent on it).
    seen.push({ measure: measureOf(input), runs: short ? input.runs.map(copyRun) : input.runs, out });
    return out;
  };
}

interface Remembered {
  /** The input's fields but its runs, when it was broken. */
  measure: Measure;
  runs: readonly StyledRun[];
  out: BrokenParagraph;
}

/** Characters up to which a paragraph's runs are looked up by their text (rememberBreaks). */
const SHORT_LINE = 128;

function textLength(runs: readonly { text: string }[]): number {
  let n = 0;
  for (const r of runs) n += r.text.length;
  return n;
}

/**
 * Every field of a ParagraphInput but its runs, read by name (a loop of keyed reads over a
 * list of names was most of the memo's cost): adding a field to the type fails to compile
 * here until measureOf copies it, and tests/layout/remember-breaks.test.ts fails until
 * sameMeasure compares it.
 */
type Measure = { [K in Exclude<keyof ParagraphInput, 'runs'>]-?: ParagraphInput[K] };

function measureOf(p: ParagraphInput): Measure {
  return { width: p.width, indent: p.indent, restIndent: p.restIndent, lastLineReserve: p.lastLineReserve, align: p.align, pointer: p.pointer, hyphenation: p.hyphenation };
}

function sameMeasure(a: Measure, b: ParagraphInput): boolean {
  return (
    a.width === b.width &&
    a.indent === b.indent &&
    a.restIndent === b.restIndent &&
    a.lastLineReserve === b.lastLineReserve &&
    a.align === b.align &&
    a.pointer === b.pointer &&
    a.hyphenation === b.hyphenation
  );
}

function copyRun(r: StyledRun): StyledRun {
  return styledRun(r.text, { ...r, faces: [...r.faces] });
}

function sameRuns(a: readonly StyledRun[], b: readonly StyledRun[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.text !== y.text || x.size !== y.size || x.color !== y.color || x.href !== y.href || x.pointer !== y.pointer || x.keepTogether !== y.keepTogether) return false;
    if (x.faces.length !== y.faces.length) return false;
    for (let j = 0; j < x.faces.length; j++) if (x.faces[j] !== y.faces[j]) return false;
  }
  return true;
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
  const breaker = rememberBreaks(options.breaker ?? ((input) => breakParagraph({ ...input, hyphenation: theme.hyphenation }, fonts)));
  const { pages, outline } = paginateUntilStable(blocks, theme, breaker);
  return { pages, outline, info };
}

function composeOptions(options: LayoutOptions, images: ReadonlyMap<string, Uint8Array> | undefined): ComposeOptions {
  const out: ComposeOptions = { imageLimits: { maxImageBytes: options.maxImageBytes, maxImagePixels: options.maxImagePixels } };
  if (options.baseDir !== undefined) out.baseDir = options.baseDir;
  if (images !== undefined) out.images = images;
  return out;
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

/**
 * Reads and resolves a theme override file against the bundled faces and its own fallback
 * faces (labels checked against them); its errors carry their line:column.
 */
export async function checkThemeFile(file: string): Promise<Theme> {
  const themeFile = readThemeFile(file);
  return located(themeSources(themeFile), () => themeAndFonts({ themeFile: file }, themeFile).theme);
}

// ─── the API ─────────────────────────────────────────────────────────────────────────────

/** Lay an issue out into pages: the page model (pages → positioned lines, rules, images, links). */
export async function layoutIssue(input: unknown, options: LayoutOptions = {}): Promise<PageModel> {
  return (await laidOut(input, options)).model;
}

async function laidOut(input: unknown, options: LayoutOptions): Promise<{ model: PageModel; fonts: FontSet }> {
  readBundledFontsAhead();
  const themeFile = options.themeFile !== undefined ? readThemeFile(options.themeFile) : undefined;
  return located(themeSources(themeFile), async () => {
    const issue = validated(input);
    await bundledFontsRead();
    const { theme, fonts } = themeAndFonts(options, themeFile);
    const images = await givenImages(issue, options.images);
    return { model: pageModelOf(issue, theme, fonts, composeOptions(options, images)), fonts };
  });
}

/** Validate, lay out and write an issue as PDF bytes. Throws IssueValidationError (with every error) when invalid. */
export async function renderIssue(input: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const { model, fonts } = await laidOut(input, options);
  return renderPages(model, fonts, { version, pdfa: options.pdfa, tagged: options.tagged });
}

export interface PngRenderOptions extends RenderOptions, PngOptions {}

/**
 * Page images of an issue: renderIssue, then each asked-for page (1-based `pages`, default
 * all) drawn by pdf.js at `ppi` (default 144; 72 is one pixel per point) as PNG.
 */
export async function renderPngs(input: unknown, options: PngRenderOptions = {}): Promise<PagePng[]> {
  const { pages, ppi, ...rest } = options;
  const pdf = await renderIssue(input, rest);
  const { pdfToPngs } = await import('./raster/png.js');
  return pdfToPngs(pdf, { ...(pages !== undefined ? { pages } : {}), ...(ppi !== undefined ? { ppi } : {}) });
}

/** What a build or check made of an issue's text. */
export interface Prepared {
  pdf: Uint8Array;
  pages: number;
  warnings: IssueError[];
}

export interface SourceOptions extends RenderOptions {
  /** Name of the text's file for messages (for standard input, e.g. "<stdin>"). */
  file: string;
}

/**
 * Every step of a build short of writing, from the issue's text: validate with positions,
 * theme, compose, break, paginate, render. Images are relative to options.baseDir (default:
 * the working folder). Errors name options.file.
 */
export async function renderIssueText(text: string | Uint8Array, options: SourceOptions): Promise<Prepared> {
  if (typeof text !== 'string') {
    const decoded = decodeIssueText(text, { maxBytes: options.maxInputBytes });
    if (!decoded.ok) throw new IssueValidationError([decoded.error], options.file);
    text = decoded.text;
  }
  return prepareText(text, options.file, { ...options, baseDir: options.baseDir ?? process.cwd() });
}

/** Every step of a build short of writing, from an issue file: the PDF bytes, its page count and the warnings. */
export async function renderFile(inputPath: string, options: RenderOptions = {}): Promise<Prepared> {
  return prepareFile(inputPath, options);
}

async function prepareFile(inputPath: string, options: RenderOptions): Promise<Prepared> {
  readBundledFontsAhead();
  // Bounded and strict: a FIFO or device is never read, a file over the limit is refused by
  // its size, invalid UTF-8 and UTF-16/32 are errors at their position, never U+FFFD.
  const read = readIssueText(inputPath, { maxBytes: options.maxInputBytes });
  if (!read.ok) throw new IssueValidationError([read.error], inputPath);
  const text = read.text;
  return prepareText(text, inputPath, { ...options, baseDir: options.baseDir ?? path.dirname(path.resolve(inputPath)) });
}

async function prepareText(text: string, inputPath: string, options: RenderOptions & { baseDir: string }): Promise<Prepared> {
  readBundledFontsAhead();
  const themeFile = options.themeFile !== undefined ? readThemeFile(options.themeFile) : undefined;
  const theme = themeSources(themeFile);
  const { result: checked, map } = validateIssueSource(text);
  const sources: Sources = { ...theme, files: { ...theme.files, issue: inputPath }, ...(map ? { issue: map } : {}) };
  const { model, fonts, warnings } = await located(sources, async () => {
    // Warnings are reported with the errors of an invalid file, in file order.
    if (!checked.ok) throw new IssueValidationError(inFileOrder([...checked.errors, ...checked.warnings]));
    await bundledFontsRead();
    const { theme: t, fonts } = themeAndFonts(options, themeFile);
    const images = await givenImages(checked.issue, options.images);
    return { model: pageModelOf(checked.issue, t, fonts, composeOptions(options, images)), fonts, warnings: checked.warnings };
  });
  const pdf = await renderPages(model, fonts, { version, pdfa: options.pdfa, tagged: options.tagged });
  return { pdf, pages: model.pages.length, warnings };
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
  const { model, fonts } = await laidOut(input, options);
  await renderPages(model, fonts, { version, pdfa: options.pdfa, tagged: options.tagged });
  const result = validateIssue(input);
  return { pages: model.pages.length, warnings: result.warnings };
}
