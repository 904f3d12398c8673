// Where a line sits in its measure when it is not justified. The one formula for both the
// text stage (a line's own offset) and layout (re-centring a line by its ink, measure.ts).
import type { Align } from './types.js';

/** Horizontal extent of what a line draws, in pt from the line's left edge. */
export interface Extent {
  min: number;
  max: number;
}

/** x shift that sets `extent` centred or flush right in `measure`; 0 for left and justified lines. */
export function alignOffset(align: Align, measure: number, extent: Extent): number {
  if (align === 'center') return (measure - (extent.max - extent.min)) / 2 - extent.min;
  if (align === 'right') return measure - extent.max;
  return 0;
}
