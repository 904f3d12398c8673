// One line from its clusters: line-edge rules (opening mark at the start, closing mark and
// spaces at the end), push-in compression or justification, alignment, and the fragments
// the PDF writer draws.
import type { FontSet } from './fonts.js';
import type { GlyphFragment, Line, ParagraphInput, PositionedGlyph } from './types.js';
import { EPS, distribute, fit, type Model } from './model.js';

export function buildLine(
  input: ParagraphInput,
  m: Model,
  i: number,
  j: number,
  target: number,
  x0: number,
  justify: boolean,
  last: boolean,
  pushIn: boolean,
  fonts: FontSet,
): Line {
  const f = fit(m, i, j, pushIn);
  const { clusters } = m;
  // Per-cluster copies of the glyphs with the line-edge rules applied.
  const glyphsOf: PositionedGlyph[][] = [];
  for (let k = i; k < j; k++) {
    const c = clusters[k]!;
    const gs = c.glyphs.map((g) => ({ id: g.id, advance: g.advance, dx: g.dx, dy: g.dy, text: g.text }));
    const lastG = gs[gs.length - 1];
    if (k > f.L) {
      for (const g of gs) {
        g.advance = 0;
        g.dx = 0;
      }
    } else if (lastG) {
      if (k < f.L) lastG.advance += m.gap[k]!;
      else lastG.advance += m.kern[k]! - m.rb[k]!;
      if (k === i && m.lb[k]! > 0) {
        gs[0]!.dx -= m.lb[k]!;
        gs[0]!.advance -= m.lb[k]!;
      }
    }
    glyphsOf.push(gs);
  }
  const diff = target - f.natural;
  if (f.L >= i && diff < -EPS && f.shrink > EPS) {
    const rho = Math.min(1, -diff / f.shrink);
    for (let k = i; k <= f.L; k++) {
      const gs = glyphsOf[k - i]!;
      const lastG = gs[gs.length - 1];
      if (!lastG) continue;
      if (pushIn && k < f.L && m.rb[k]! > 0) lastG.advance -= m.rb[k]! * rho;
      if (pushIn && k > i && m.lb[k]! > 0) {
        gs[0]!.dx -= m.lb[k]! * rho;
        gs[0]!.advance -= m.lb[k]! * rho;
      }
      if (k < f.L) lastG.advance -= (m.spaceShrink[k]! + m.gapShrink[k]!) * rho;
    }
  } else if (justify && f.L >= i && diff > EPS) {
    const em = clusters[f.L]!.size;
    const s = distribute(f, diff, em);
    for (let k = i; k < f.L; k++) {
      const lastG = glyphsOf[k - i]![glyphsOf[k - i]!.length - 1];
      if (!lastG) continue;
      if (m.cap[k]! > 0) lastG.advance += m.cap[k]! * s.a1 + s.a12;
      const cl = m.gapCls[k];
      if (cl === 2) lastG.advance += s.a2;
      else if (cl === 3) lastG.advance += s.a3;
      else if (cl === 4) lastG.advance += s.a4;
    }
  }

  let sum = 0;
  for (const gs of glyphsOf) for (const g of gs) sum += g.advance;
  let offset = 0;
  if (input.align === 'center') offset = (target - sum) / 2;
  else if (input.align === 'right') offset = target - sum;

  const fragments: GlyphFragment[] = [];
  let x = x0 + offset;
  let frag: GlyphFragment | undefined;
  for (let k = i; k < j; k++) {
    const c = clusters[k]!;
    const gs = glyphsOf[k - i]!;
    if (gs.length === 0) {
      frag = undefined;
      continue;
    }
    if (!frag || frag.run !== c.run || frag.face !== c.face || frag.end !== c.start) {
      const run = input.runs[c.run]!;
      frag = { face: c.face, size: c.size, color: run.color ?? '#000000', x, width: 0, glyphs: [], start: c.start, end: c.start, run: c.run };
      if (run.href !== undefined) frag.href = run.href;
      fragments.push(frag);
    }
    for (const g of gs) {
      frag.glyphs.push(g);
      frag.width += g.advance;
      x += g.advance;
    }
    frag.end = c.end;
  }

  let ascent = 0;
  let descent = 0;
  for (const fr of fragments) {
    const mt = faceMetrics(fr.face, fr.size, fonts);
    ascent = Math.max(ascent, mt.ascent);
    descent = Math.max(descent, mt.descent);
  }
  if (fragments.length === 0) {
    const run = input.runs[clusters[i]!.run]!;
    const mt = lineMetrics(run.faces, run.size, fonts);
    ascent = mt.ascent;
    descent = mt.descent;
  }
  return {
    fragments,
    start: clusters[i]!.start,
    end: clusters[j - 1]!.end,
    naturalWidth: x0 + Math.max(0, f.natural),
    width: x0 + sum,
    ascent,
    descent,
    last,
  };
}

function faceMetrics(face: string, size: number, fonts: FontSet): { ascent: number; descent: number } {
  const font = fonts.faces.get(face);
  if (!font) return { ascent: 0.88 * size, descent: 0.12 * size };
  return { ascent: (font.ascent / font.unitsPerEm) * size, descent: (-font.descent / font.unitsPerEm) * size };
}

/** Ascent and descent (positive, pt) of the first face at `size`, for placing lines. */
export function lineMetrics(faces: readonly string[], size: number, fonts: FontSet): { ascent: number; descent: number } {
  return faceMetrics(faces[0] ?? '', size, fonts);
}

