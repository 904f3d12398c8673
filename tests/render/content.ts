// A small interpreter for the text operators render/ writes (BT Tc Tf Tm TJ Tj ET), to check that
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
  const re = /\s*(?:(<<)|(>>)|<([0-9a-fA-F\s]*)>|(\[)|(\])|\/([^\s/<>[\]()]+)|([+-]?(?:\d+\.?\d*|\.\d+))|([A-Za-z'"*]+)|\(((?:\\[\s\S]|[^\\)])*)\))/gy;
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
    else if (m[9] !== undefined) out.push({ kind: 'hex', value: Buffer.from(unescapeLiteral(m[9]), 'latin1').toString('hex') });
    if (re.lastIndex >= src.length) break;
  }
  if (src.slice(pos).trim()) throw new Error(`content: cannot tokenize at ${src.slice(pos, pos + 40)}`);
  return out;
}

/** The bytes of a literal string's body (render/ escapes only ( ) \\ and CR). */
function unescapeLiteral(body: string): string {
  const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  return body.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (named[e] ?? e)));
}

/** widths: font resource name → CID → width (1000-unit). */
export function placeGlyphs(content: string, widths: ReadonlyMap<string, readonly number[]>): PlacedGlyph[] {
  const glyphs: PlacedGlyph[] = [];
  const stack: Token[] = [];
  let font = '';
  let size = 0;
  let x = 0;
  let y = 0;
  // Character spacing: text state, so it outlives BT/ET and is saved by q, restored by Q.
  let tc = 0;
  const saved: number[] = [];
  const show = (hex: string) => {
    for (let i = 0; i < hex.length; i += 4) {
      const cid = parseInt(hex.slice(i, i + 4), 16);
      glyphs.push({ font, size, cid, x, y });
      const w = widths.get(font)?.[cid];
      if (w === undefined) throw new Error(`content: no width for ${font} cid ${cid}`);
      x += (w * size) / 1000 + tc;
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
      case 'Tc':
        tc = nums[0] ?? NaN;
        break;
      case 'q':
        saved.push(tc);
        break;
      case 'Q':
        tc = saved.pop() ?? 0;
        break;
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

/** A ToUnicode CMap (bfrange with arrays or a start code, bfchar) as CID → text. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const units = (hex: string): number[] => (hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16));
  const text = (hex: string): string => String.fromCharCode(...units(hex));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const re = /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f\s]*>)/gi;
    for (const m of (block[1] ?? '').matchAll(re)) {
      const start = parseInt(m[1] ?? '0', 16);
      const end = parseInt(m[2] ?? '0', 16);
      const dst = m[3] ?? '';
      if (dst.startsWith('[')) {
        [...dst.matchAll(/<([0-9a-f\s]*)>/gi)].forEach((e, i) => map.set(start + i, text(e[1] ?? '')));
      } else {
        // '<first> <last> <code>': the last code unit counts up along the range.
        const base = units(dst.slice(1, -1));
        for (let cid = start; cid <= end; cid++) {
          const u = [...base];
          u[u.length - 1] = (u[u.length - 1] ?? 0) + (cid - start);
          map.set(cid, String.fromCharCode(...u));
        }
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f\s]*)>/gi)) map.set(parseInt(m[1] ?? '0', 16), text(m[2] ?? ''));
  }
  return map;
}
