// layout/: blocks → pages. Two steps the pipeline calls in turn: measureBlocks sets every
// block's text with the line breaker into rows (this is where line breaking happens), and
// paginate flows the rows onto pages with the keep, widow and orphan rules, the footer,
// destinations and outline. The contents' page-number fix point that repeats them is
// src/pipeline.ts's paginateUntilStable.
export type * from './types.js';
export { paginate, type Paginated } from './layout.js';
export { measureBlocks, baselineInSlot, type Breaker, type MeasureContext } from './measure.js';
export { paginateRows, type PlacedRow } from './paginate.js';
export type { Row } from './rows.js';
