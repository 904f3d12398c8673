// The public API. Only exports: the stages run in src/pipeline.ts.
export { validateIssue, validateIssueText } from './document/index.js';
export type { ValidationResult } from './document/index.js';
export { layoutIssue, renderIssue, renderIssueText, renderPngs, buildFile, checkIssue, checkFile } from './pipeline.js';
export type {
  LayoutOptions,
  RenderOptions,
  PngRenderOptions,
  SourceOptions,
  Prepared,
  BuildResult,
  CheckResult,
  ImageSource,
  ImageResolver,
} from './pipeline.js';
export type { FallbackFont } from './text/fonts.js';
export type { PagePng, PngOptions } from './raster/png.js';
export { OutputError } from './output.js';
export { IssueValidationError, formatError } from './errors.js';
export type { IssueError, ErrorSource, ErrorFiles, Severity } from './errors.js';
export type { Issue, Article, BodyBlock, Paragraph, TextParagraph, RunsParagraph, Heading, ImageBlock, Run } from './document/types.js';
export type {
  PageModel,
  Page,
  PageItem,
  LineItem,
  RuleItem,
  ImageItem,
  LinkBox,
  LinkTarget,
  NamedDestination,
  OutlineItem,
  StructRef,
  StructRole,
  DocumentInfo,
} from './layout/types.js';
export type { Line, GlyphFragment, PositionedGlyph, Align, Hyphenation } from './text/types.js';
export type { Theme, ThemeOverride, DeepPartial, TextStyle, FontRole, ColorRef } from './theme/index.js';
export { defaultTheme } from './theme/index.js';
export { version } from './version.js';
export { createRenderer } from './service/renderer.js';
export type { Renderer, RendererOptions, ServiceRenderOptions, JobOptions } from './service/renderer.js';
export { QueueFullError, RendererClosedError, WorkerExitError } from './service/errors.js';
