// Every StyledRun the engine makes comes from here, with all its fields and in one order
// (absent ones undefined). Runs made by spreading style objects had four or five shapes
// (the page-number runs put `text` last, links added `href`, contents entries
// `keepTogether`), so the code that reads them (shaping, line setting, the break memo)
// saw several maps and deoptimized when a new one turned up in a fresh process.
import type { StyledRun } from './types.js';

/** What a run has besides its text: a style object the contents' page numbers keep. */
export type RunStyle = Omit<StyledRun, 'text'>;

export function styledRun(text: string, style: RunStyle): StyledRun {
  return {
    text,
    faces: style.faces,
    size: style.size,
    color: style.color,
    href: style.href,
    pointer: style.pointer,
    keepTogether: style.keepTogether,
  };
}
