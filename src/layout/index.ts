// layout/: blocks → pages. layoutIssue is the whole middle of the pipeline for one issue:
// compose the blocks, set their text with the line breaker, paginate.
import { composeIssue } from '../compose/compose.js';
import { IssueValidationError, type Issue, type IssueError } from '../document/types.js';
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

/** A theme naming a face the font set lacks fails here, pointing into the theme, not mid-paragraph. */
function checkFaces(theme: Theme, fonts: FontSet): void {
  const errors: IssueError[] = [];
  for (const [role, chain] of Object.entries(theme.fonts)) {
    chain.forEach((id, i) => {
      if (!fonts.faces.has(id)) {
        errors.push({ pointer: `/fonts/${role}/${i}`, message: `unknown font face "${id}" (available: ${[...fonts.faces.keys()].join(', ')})` });
      }
    });
  }
  if (errors.length > 0) throw new IssueValidationError(errors);
}

/**
 * The page model of a validated issue. Pure given the fonts and the image/template loaders:
 * files are read only through options.loadImage / loadTemplate (defaults read the disk).
 */
export function layoutIssue(issue: Issue, theme: Theme, fonts: FontSet, options: LayoutOptions = {}): PageModel {
  checkFaces(theme, fonts);
  const blocks = composeIssue(issue, theme, options);
  const breaker = options.breaker ?? ((input) => breakParagraph(input, fonts));
  const { pages, outline } = layoutBlocks(blocks, theme, breaker);
  return { pages, outline, info: documentInfo(issue) };
}
