// Styled runs → lines (typography.md): shape the runs into clusters, measure them, choose
// the breaks by total fit, and set each line.
import type * as fontkit from 'fontkit';
import { faceData } from './face-data.js';
import type { FontSet } from './fonts.js';
import type { BrokenParagraph, Line, ParagraphInput } from './types.js';
import type { Measures } from './measures.js';
import { DEFAULT_HYPHENATION } from './hyphenate.js';
import { absorbLeading, shapeRuns } from './shape.js';
import type { Cluster } from './shape.js';
import { BreakClass, classifyBoundaries } from './opportunities.js';
import { buildMeasures } from './measures.js';
import { chooseBreaks, pushInAllowed } from './choose-breaks.js';
import { typesetLine } from './set-line.js';
import { withSlotScope } from './slots.js';

export { lineMetrics } from './set-line.js';

export function breakParagraph(input: ParagraphInput, fonts: FontSet): BrokenParagraph {
  // The measures, boundary classes and search arrays live only in this call (slots.ts).
  return withSlotScope(() => breakInScope(input, fonts));
}

function breakInScope(input: ParagraphInput, fonts: FontSet): BrokenParagraph {
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
  const hyphenation = input.hyphenation ?? DEFAULT_HYPHENATION;
  const widthOf = (a: number, b: number): number => m.prefix.width[b]! - m.prefix.width[a]! - m.glue[b - 1]!;
  const { cls, mandatory, hyphen } = classifyBoundaries(text, clusters, widthOf, narrowest, hyphenation);
  keepRunsTogether(input, clusters, cls);
  const hyphenGlyphs = hyphenBreaks(m, hyphen, fonts);
  const justify = input.align === 'justify';
  const breaks = chooseBreaks(m, { firstTarget, restTarget, reserve, justify, cls, mandatory, hyphen });

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
    const hyphenGlyph = hyphenGlyphs.get(j);
    lines.push(typesetLine(m, { input, start: i, brk: j, target, indent, justify: justify && !endsPara, last: j === n, pushIn, hyphen: hyphenGlyph }, fonts));
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

/** The hyphen a break shows at a line end: a glyph of the word's face (set-line.ts draws it). */
export interface HyphenGlyph {
  id: number;
  /** pt. */
  advance: number;
}

/**
 * The breaks inside words show a hyphen (Knuth–Plass's discretionary break: the hyphen is
 * the pre-break text): its width goes into the breakWidth slot, which the break search and
 * the line setter both count. The hyphen-minus of the face of the letter before the break,
 * at its size; a face without one gives the break no hyphen.
 */
/**
 * The face's hyphen-minus at `size`. From its bytes where they are read: a fontkit glyph
 * object decodes hmtx and the outline for its metrics and builds Unicode's property trie for
 * its first character (~45 ms of a cold build, for one glyph).
 */
function hyphenGlyph(font: fontkit.Font, size: number): HyphenGlyph | undefined {
  const data = faceData(font);
  if (data) {
    const id = data.glyphId(0x2d);
    return id === 0 ? undefined : { id, advance: (data.advance(id) / data.unitsPerEm) * size };
  }
  const glyph = font.glyphForCodePoint(0x2d);
  return glyph && glyph.id !== 0 ? { id: glyph.id, advance: (glyph.advanceWidth / font.unitsPerEm) * size } : undefined;
}

function hyphenBreaks(m: Measures, hyphen: Uint8Array, fonts: FontSet): Map<number, HyphenGlyph> {
  const out = new Map<number, HyphenGlyph>();
  let face = '';
  let size = NaN;
  let g: HyphenGlyph | undefined;
  for (let k = 1; k < m.count; k++) {
    if (hyphen[k] !== 1) continue;
    const c = m.clusters[k - 1]!;
    if (c.face !== face || c.size !== size) {
      face = c.face;
      size = c.size;
      const font = fonts.faces.get(face);
      g = font && hyphenGlyph(font, size);
    }
    if (!g) {
      hyphen[k] = 0;
      continue;
    }
    m.breakWidth[k] = g.advance;
    out.set(k, g);
  }
  return out;
}
