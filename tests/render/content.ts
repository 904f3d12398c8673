// A small interpreter for the text operators render/ writes (BT Tf Tm TJ ET), to check that
// every glyph lands exactly where the page model put it. Positions are in the page's y-down
// space: pdfkit's addPage flips the CTM and render/ writes text under that CTM only.
export interface PlacedGlyph {
  font: string;
  size: number;
  cid: number;
  x: number;
  y: number;
}

type Token = { kind: 'num'; value: number } | { kind: 'name'; value: string } | { kind: 'hex'; value: string } | { kind: 'op'; value: string } | { kind: 'open' | 'close' | 'dictOpen' | 'dictClose' };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(<<)|(>>)|<([0-9a-fA-F\s]*)>|(\[)|(\])|\/([^\s/<>[\]()]+)|([+-]?(?:\d+\.?\d*|\.\d+))|([A-Za-z'"*]+))/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(src)) !== null) {
    pos = re.lastIndex;
    if (m[1]) out.push({ kind: 'dictOpen' });
    else if (m[2]) out.push({ kind: 'dictClose' });
    else if (m[3] !== undefined) out.push({ kind: 'hex', value: m[3].replace(/\s+/g, '') });
    else if (m[4]) out.push({ kind: 'open' });
    else if (m[5]) out.push({ kind: 'close' });
    else if (m[6]) out.push({ kind: 'name', value: m[6] });
    else if (m[7]) out.push({ kind: 'num', value: Number(m[7]) });
    else if (m[8]) out.push({ kind: 'op', value: m[8] });
    if (re.lastIndex >= src.length) break;
  }
  if (src.slice(pos).trim()) throw new Error(`content: cannot tokenize at ${src.slice(pos, pos + 40)}`);
  return out;
}

/** widths: font resource name → CID → width (1000-unit). */
export function placeGlyphs(content: string, widths: ReadonlyMap<string, readonly number[]>): PlacedGlyph[] {
  const glyphs: PlacedGlyph[] = [];
  const stack: Token[] = [];
  let font = '';
  let size = 0;
  let x = 0;
  let y = 0;
  const show = (hex: string) => {
    for (let i = 0; i < hex.length; i += 4) {
      const cid = parseInt(hex.slice(i, i + 4), 16);
      glyphs.push({ font, size, cid, x, y });
      const w = widths.get(font)?.[cid];
      if (w === undefined) throw new Error(`content: no width for ${font} cid ${cid}`);
      x += (w * size) / 1000;
    }
  };
  let depth = 0;
  for (const t of tokenize(content)) {
    if (t.kind === 'open' || t.kind === 'dictOpen') depth++;
    if (t.kind === 'close' || t.kind === 'dictClose') depth--;
    if (t.kind !== 'op' || depth > 0) {
      stack.push(t);
      continue;
    }
    const nums = stack.filter((s): s is { kind: 'num'; value: number } => s.kind === 'num').map((s) => s.value);
    switch (t.value) {
      case 'Tf': {
        const name = stack.find((s) => s.kind === 'name');
        font = name && name.kind === 'name' ? name.value : '';
        size = nums[0] ?? 0;
        break;
      }
      case 'Tm':
        x = nums[4] ?? NaN;
        y = nums[5] ?? NaN;
        if (nums[0] !== 1 || nums[3] !== -1) throw new Error(`content: unexpected text matrix ${nums.join(' ')}`);
        break;
      case 'TJ':
        for (const s of stack) {
          if (s.kind === 'hex') show(s.value);
          else if (s.kind === 'num') x -= (s.value * size) / 1000;
        }
        break;
      case 'Tj':
        for (const s of stack) if (s.kind === 'hex') show(s.value);
        break;
      case 'Td':
      case 'TD':
      case 'T':
      case "'":
      case '"':
        throw new Error(`content: operator ${t.value} is not expected from render/`);
    }
    stack.length = 0;
  }
  return glyphs;
}

/** bfrange arrays of a ToUnicode CMap as CID → text. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const re = /<([0-9a-f]{4})>\s*<([0-9a-f]{4})>\s*\[([^\]]*)\]/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cmap)) !== null) {
    const start = parseInt(m[1] ?? '0', 16);
    const entries = [...(m[3] ?? '').matchAll(/<([0-9a-f\s]*)>/gi)].map((e) => (e[1] ?? '').trim());
    entries.forEach((hex, i) => {
      const units = hex ? hex.split(/\s+/).map((h) => parseInt(h, 16)) : [];
      map.set(start + i, String.fromCharCode(...units));
    });
  }
  return map;
}
