// Styled runs → lines (typography.md): shape the runs into clusters, measure them, choose
// the breaks by total fit, and set each line.
import type { FontSet } from './fonts.js';
import type { BrokenParagraph, Line, ParagraphInput } from './types.js';
import { absorbLeading, shapeRuns } from './shape.js';
import type { Cluster } from './shape.js';
import { BreakClass, classifyBoundaries } from './opportunities.js';
import { buildMeasures } from './measures.js';
import { chooseBreaks, pushInAllowed } from './choose-breaks.js';
import { typesetLine } from './set-line.js';

export { lineMetrics } from './set-line.js';

export function breakParagraph(input: ParagraphInput, fonts: FontSet): BrokenParagraph {
  const shaped = shapeRuns(input.runs, fonts);
  const clusters = absorbLeading(shaped.clusters);
  const text = shaped.text;
  if (clusters.length === 0) return { text, lines: [] };
  const m = buildMeasures(clusters);
  const n = m.count;
  const restIndent = input.restIndent ?? 0;
  const reserve = input.lastLineReserve ?? 0;
  const firstTarget = input.width - input.indent;
  const restTarget = input.width - restIndent;
  // A Latin string wider than the narrowest line may be broken inside.
  const narrowest = Math.max(1, Math.min(firstTarget, restTarget) - reserve);
  const { cls, mandatory } = classifyBoundaries(text, clusters, (a, b) => m.prefix.width[b]! - m.prefix.width[a]! - m.glue[b - 1]!, narrowest);
  keepRunsTogether(input, clusters, cls);
  const justify = input.align === 'justify';
  const breaks = chooseBreaks(m, { firstTarget, restTarget, reserve, justify, cls, mandatory });

  let maxSize = 0;
  for (const c of clusters) maxSize = Math.max(maxSize, c.size);
  const reach = Math.max(firstTarget, restTarget) + 4 * maxSize;
  const lines: Line[] = [];
  let i = 0;
  for (const j of breaks) {
    const target = (i === 0 ? firstTarget : restTarget) - (j === n ? reserve : 0);
    const endsPara = j === n || mandatory[j] === 1;
    const pushIn = pushInAllowed(m, { cls, start: i, brk: j, target, reach });
    const indent = i === 0 ? input.indent : restIndent;
    lines.push(typesetLine(m, { input, start: i, brk: j, target, indent, justify: justify && !endsPara, last: j === n, pushIn }, fonts));
    i = j;
  }
  return { text, lines };
}

/** Demote the ordinary breaks inside keepTogether runs to the last resort. */
function keepRunsTogether(input: ParagraphInput, clusters: readonly Cluster[], cls: Uint8Array): void {
  if (!input.runs.some((r) => r.keepTogether)) return;
  for (let k = 1; k < clusters.length; k++) {
    const run = clusters[k]!.run;
    if (run === clusters[k - 1]!.run && input.runs[run]?.keepTogether && cls[k]! < BreakClass.Anywhere) cls[k] = BreakClass.Anywhere;
  }
}
