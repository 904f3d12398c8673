// A monospace stand-in for the real line breaker, so layout rules are tested on their own:
// every character is 1 em wide (ASCII ½ em), lines break anywhere, runs become fragments.
import type { BrokenParagraph, GlyphFragment, Line, ParagraphInput } from '../../src/text/types.js';

function advance(ch: string, size: number): number {
  return ch.charCodeAt(0) < 0x80 ? size / 2 : size;
}

export function fakeBreak(input: ParagraphInput): BrokenParagraph {
  const chars: { ch: string; run: number; start: number }[] = [];
  let offset = 0;
  input.runs.forEach((r, run) => {
    for (const ch of r.text) {
      chars.push({ ch, run, start: offset });
      offset += ch.length;
    }
  });
  const text = input.runs.map((r) => r.text).join('');
  const lines: Line[] = [];
  let i = 0;
  while (i < chars.length || lines.length === 0) {
    const indent = lines.length === 0 ? input.indent : (input.restIndent ?? 0);
    let x = indent;
    let j = i;
    while (j < chars.length) {
      const c = chars[j]!;
      const w = advance(c.ch, input.runs[c.run]!.size);
      if (x + w > input.width + 1e-6 && j > i) break;
      x += w;
      j++;
    }
    // The last line leaves room for a reserve (contents page numbers): carry characters down.
    if (j === chars.length && (input.lastLineReserve ?? 0) > 0) {
      while (j > i + 1 && x > input.width - (input.lastLineReserve ?? 0)) {
        j--;
        const c = chars[j]!;
        x -= advance(c.ch, input.runs[c.run]!.size);
      }
    }
    const last = j === chars.length;
    const fragments: GlyphFragment[] = [];
    let fx = indent;
    for (let k = i; k < j; k++) {
      const c = chars[k]!;
      const r = input.runs[c.run]!;
      const w = advance(c.ch, r.size);
      let f = fragments[fragments.length - 1];
      if (!f || f.run !== c.run) {
        f = { face: r.faces[0]!, size: r.size, color: r.color ?? '#000000', x: fx, width: 0, glyphs: [], start: c.start, end: c.start, run: c.run };
        if (r.href !== undefined) f.href = r.href;
        fragments.push(f);
      }
      f.glyphs.push({ id: 1, advance: w, dx: 0, dy: 0, text: c.ch });
      f.width += w;
      f.end = c.start + c.ch.length;
      fx += w;
    }
    const start = chars[i]?.start ?? 0;
    const end = j < chars.length ? chars[j]!.start : text.length;
    const size = Math.max(...input.runs.map((r) => r.size));
    lines.push({
      fragments,
      start,
      end,
      naturalWidth: x,
      width: !last && input.align === 'justify' ? input.width : x,
      ascent: size * 0.88,
      descent: size * 0.12,
      last,
    });
    i = j;
    if (chars.length === 0) break;
  }
  return { text, lines };
}
