// Rows → pages. Greedy fill; when a row does not fit, the page ends after the last row that
// allows a break (so keeps, widows and orphans move whole groups to the next page). A group
// taller than a page is cut where it overflows: the only way it can be set at all.
import type { Row } from './rows.js';

export interface PlacedRow {
  row: Row;
  /** Top of the row below the top of the text area, pt. */
  top: number;
}

const EPSILON = 0.01;

export function paginateRows(rows: readonly Row[], areaHeight: number): PlacedRow[][] {
  const pages: PlacedRow[][] = [];
  let start = 0;
  while (start < rows.length) {
    const placed: PlacedRow[] = [];
    let y = 0;
    let j = start;
    for (; j < rows.length; j++) {
      const row = rows[j];
      if (!row) break;
      let top = j === start ? 0 : y + row.spaceBefore;
      if (row.grid) top = Math.ceil(top / row.grid - EPSILON) * row.grid;
      if (j > start && top + row.height > areaHeight + EPSILON) break;
      placed.push({ row, top });
      y = top + row.height;
    }
    let end = j;
    if (j < rows.length) {
      for (let k = j - 1; k >= start; k--) {
        if (rows[k]?.breakAfter) {
          end = k + 1;
          break;
        }
      }
    }
    pages.push(placed.slice(0, end - start));
    start = end;
  }
  return pages;
}
