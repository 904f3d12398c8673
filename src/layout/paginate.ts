// Rows → pages. Greedy fill; when a row does not fit, the page ends after the last row that
// allows a break (so keeps, widows and orphans move whole groups to the next page). A group
// taller than a page is cut where it overflows: the only way it can be set at all.
//
// Two reliefs keep pages full (typography.md, "Pages"): before a group moves on, the space
// above it may shrink (row.minSpaceBefore); and when the page would end shorter than
// `minFill` of the area, it may end at a soft break instead (inside a long article header).
//
// The baseline grid: a grid row's top snaps down to the page's grid; a row that leads into
// grid text (row.gridLead) snaps so that the text after it lands on the grid. On a page that
// such a row opens, the grid starts where it puts its text, so the distance from a header to
// its text is the same wherever the page breaks.
import type { Row } from './rows.js';

export interface PlacedRow {
  row: Row;
  /** Top of the row below the top of the text area, pt. */
  top: number;
}

const EPSILON = 0.01;

/** Where a row may start at or below `top` on a grid offset by `origin`. */
function snap(row: Row, top: number, origin: number): number {
  if (!row.grid) return top;
  const lead = row.gridLead ?? 0;
  return Math.ceil((top + lead - origin) / row.grid - EPSILON) * row.grid + origin - lead;
}

/** Whether rows from j (its top at `top`) to the next break all fit on the page. */
function groupFits(rows: readonly Row[], j: number, top: number, origin: number, areaHeight: number): boolean {
  let y = top;
  for (let k = j; k < rows.length; k++) {
    const row = rows[k];
    if (!row) break;
    const t = k === j ? top : snap(row, y + row.spaceBefore, origin);
    if (t + row.height > areaHeight + EPSILON) return false;
    y = t + row.height;
    if (row.breakAfter) return true;
  }
  return true;
}

export function paginateRows(rows: readonly Row[], areaHeight: number, minFill = 0): PlacedRow[][] {
  const pages: PlacedRow[][] = [];
  let start = 0;
  while (start < rows.length) {
    const opening = rows[start];
    const origin = opening?.grid && opening.gridLead ? opening.gridLead % opening.grid : 0;
    const placed: PlacedRow[] = [];
    let y = 0;
    let j = start;
    for (; j < rows.length; j++) {
      const row = rows[j];
      if (!row) break;
      let top = j === start ? 0 : snap(row, y + row.spaceBefore, origin);
      if (j > start && row.minSpaceBefore !== undefined && !groupFits(rows, j, top, origin, areaHeight)) {
        const tight = snap(row, y + row.minSpaceBefore, origin);
        if (groupFits(rows, j, tight, origin, areaHeight)) top = tight;
      }
      if (j > start && top + row.height > areaHeight + EPSILON) break;
      placed.push({ row, top });
      y = top + row.height;
    }
    let end = j;
    if (j < rows.length) {
      let hard = -1;
      let soft = -1;
      for (let k = j - 1; k >= start && hard < 0; k--) {
        if (rows[k]?.breakAfter) hard = k;
        else if (soft < 0 && rows[k]?.softBreak) soft = k;
      }
      const bottom = (k: number): number => {
        const p = placed[k - start];
        return p ? p.top + p.row.height : 0;
      };
      if (soft >= 0 && (hard < 0 || bottom(hard) < minFill * areaHeight - EPSILON)) end = soft + 1;
      else if (hard >= 0) end = hard + 1;
    }
    pages.push(placed.slice(0, end - start));
    start = end;
  }
  return pages;
}
