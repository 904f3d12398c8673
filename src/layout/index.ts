// layout/: blocks → pages. layoutIssue is the whole middle of the pipeline for one issue:
// compose the blocks, set their text with the line breaker, paginate.
import { composeIssue } from '../compose/compose.js';
import type { Issue } from '../document/types.js';
import type { FontSet } from '../text/fonts.js';
import { breakParagraph } from '../text/index.js';
import type { Theme } from '../theme/types.js';
import { documentInfo, layoutBlocks, type LayoutOptions } from './layout.js';
import type { PageModel } from './types.js';

export type * from './types.js';
export { layoutBlocks, documentInfo, MAX_PASSES, type LaidOut, type LayoutOptions } from './layout.js';
export { measureBlocks, baselineInSlot, type Breaker, type MeasureContext } from './measure.js';
export { paginateRows, type PlacedRow } from './paginate.js';
export type { Row } from './rows.js';

/**
 * The page model of a validated issue. Pure given the fonts and the image/template loaders:
 * files are read only through options.loadImage / loadTemplate (defaults read the disk).
 */
export function layoutIssue(issue: Issue, theme: Theme, fonts: FontSet, options: LayoutOptions = {}): PageModel {
  const blocks = composeIssue(issue, theme, options);
  const breaker = options.breaker ?? ((input) => breakParagraph(input, fonts));
  const { pages, outline } = layoutBlocks(blocks, theme, breaker);
  return { pages, outline, info: documentInfo(issue) };
}
