// The public API. Only exports: the stages run in src/pipeline.ts.
export { validateIssue, validateIssueText } from './document/index.js';
export type { ValidationResult } from './document/index.js';
export { layoutIssue, renderIssue, buildFile, checkIssue, checkFile } from './pipeline.js';
export type { LayoutOptions, RenderOptions, BuildResult, CheckResult } from './pipeline.js';
export { OutputError } from './output.js';
export { IssueValidationError, formatError } from './errors.js';
export type { IssueError, ErrorSource, ErrorFiles, Severity } from './errors.js';
export type { Issue, Article, BodyBlock, Run } from './document/types.js';
export type { PageModel, Page, PageItem, LinkBox, OutlineItem } from './layout/types.js';
export type { Line, GlyphFragment, PositionedGlyph } from './text/types.js';
export type { Theme } from './theme/index.js';
export { defaultTheme } from './theme/index.js';
export { version } from './version.js';
export { createRenderer } from './service/renderer.js';
export type { Renderer, RendererOptions, ServiceRenderOptions, JobOptions } from './service/renderer.js';
export { QueueFullError, RendererClosedError, WorkerExitError } from './service/errors.js';
