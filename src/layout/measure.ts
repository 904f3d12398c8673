// Blocks → rows: every piece of text goes through the line breaker here; this is the only
// place layout/ learns how wide anything is.
import type { Block, BlockStruct, ImageBlock, RuleBlock, TextBlock } from '../compose/types.js';
import type { BrokenParagraph, Line, ParagraphInput, StyledRun } from '../text/types.js';
import { alignOffset } from '../text/align.js';
import type { Theme } from '../theme/types.js';
import type { LineItem, LinkBox, PageItem, StructRef } from './types.js';
import { row, type Row } from './rows.js';
import { styledRun } from '../text/styled-run.js';

export type Breaker = (input: ParagraphInput) => BrokenParagraph;

/** Share of the em above the baseline in a CJK em box (ideographic top 0.88, bottom −0.12). */
const EM_ASCENT = 0.88;

export interface MeasureContext {
  theme: Theme;
  breaker: Breaker;
  /** Page number on which a destination opens, from the previous pass (contents). */
  pageOf: ReadonlyMap<string, number>;
  /** Left edge of the measure on the page. */
  left: number;
}

export function structRef(s: BlockStruct): StructRef {
  const ref: StructRef = { type: s.role, id: s.id };
  if (s.alt !== undefined) ref.alt = s.alt;
  if (s.parent !== undefined) ref.parent = s.parent;
  return ref;
}

/** Baseline of a line set at `size` in a slot of `pitch`, from the slot's top: the em box is centred. */
export function baselineInSlot(pitch: number, size: number): number {
  return (pitch - size) / 2 + EM_ASCENT * size;
}

function inkExtent(line: Line): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const f of line.fragments) {
    if (f.glyphs.length === 0) continue;
    min = Math.min(min, f.x);
    max = Math.max(max, f.x + f.width);
  }
  return min === Infinity ? { min: 0, max: 0 } : { min, max };
}

/** x shift that sets a line centred or flush right whatever the breaker did with it. */
function alignShift(line: Line, align: TextBlock['align'], width: number): number {
  if (align !== 'center' && align !== 'right') return 0;
  return alignOffset(align, width, inkExtent(line));
}

/** One line of text that is never wrapped (a tail, a leader, a footer). */
export function setLine(ctx: MeasureContext, runs: StyledRun[], pointer: string): Line {
  const broken = ctx.breaker({ runs, width: 1e6, indent: 0, align: 'left', pointer });
  const line = broken.lines[0];
  if (!line) throw new Error(`nothing to set at ${pointer}`);
  return line;
}

function lineWidth(line: Line): number {
  return inkExtent(line).max;
}

/** Link rectangles over every run of fragments carrying an href. */
function fragmentLinks(line: Line, x: number, baseline: number, structId: string): LinkBox[] {
  const out: LinkBox[] = [];
  let open: LinkBox | undefined;
  let openHref: string | undefined;
  let openEnd = 0;
  for (const f of line.fragments) {
    if (f.href === undefined || f.glyphs.length === 0) {
      open = undefined;
      openHref = undefined;
      continue;
    }
    const top = baseline - EM_ASCENT * f.size - 1.5;
    if (open && openHref === f.href && Math.abs(f.x - openEnd) < 0.5 * f.size) {
      open.width = x + f.x + f.width - open.x;
      open.y = Math.min(open.y, top);
      open.height = Math.max(open.height, f.size + 3);
    } else {
      open = { x: x + f.x, y: top, width: f.width, height: f.size + 3, target: { type: 'uri', uri: f.href }, structId };
      openHref = f.href;
      out.push(open);
    }
    openEnd = f.x + f.width;
  }
  return out;
}

interface Tails {
  reserve: number;
  /** Items for the last line, given its baseline and its width. */
  place: (baseline: number, lastWidth: number) => LineItem[];
}

function tails(block: TextBlock, ctx: MeasureContext, struct: StructRef): Tails | undefined {
  const tail = block.tail;
  if (!tail) return undefined;
  const W = ctx.theme.page.textWidth;
  if (tail.kind === 'text') {
    const line = setLine(ctx, tail.runs, block.pointer);
    const w = lineWidth(line);
    return {
      reserve: w + block.size,
      place: (baseline) => [{ kind: 'line', x: ctx.left + W - w, baseline, line, struct }],
    };
  }
  const number = String(ctx.pageOf.get(tail.destination) ?? 0);
  const numLine = setLine(ctx, [styledRun(number, tail.style)], block.pointer);
  const numW = lineWidth(numLine);
  // A run of leaders measures their real pitch (kerning and spacing between them included).
  const dots = setLine(ctx, [styledRun(tail.leader.repeat(10), tail.style)], block.pointer);
  const dotW = Math.max(lineWidth(dots) / 10, 0.1);
  return {
    reserve: numW + 2 * tail.leaderGap + 3 * dotW,
    place: (baseline, lastWidth) => {
      const items: LineItem[] = [{ kind: 'line', x: ctx.left + W - numW, baseline, line: numLine, struct }];
      const end = W - numW - tail.leaderGap;
      const count = Math.floor((end - lastWidth - tail.leaderGap) / dotW + 1e-6);
      if (count > 0) {
        const leaders = setLine(ctx, [styledRun(tail.leader.repeat(count), tail.style)], block.pointer);
        items.unshift({ kind: 'line', x: ctx.left + end - lineWidth(leaders), baseline, line: leaders, struct });
      }
      return items;
    },
  };
}

function breakBlock(block: TextBlock, ctx: MeasureContext, reserve: number): { lines: Line[]; runs: StyledRun[] } {
  const W = ctx.theme.page.textWidth;
  const input: ParagraphInput = {
    runs: block.runs,
    width: W,
    indent: block.indent,
    align: block.align,
    pointer: block.pointer,
    lastLineReserve: reserve,
  };
  if (block.hangRuns !== undefined) {
    // The title's first character on the first line fixes where later lines start.
    const first = ctx.breaker(input).lines[0];
    const frag = first?.fragments.find((f) => f.run >= (block.hangRuns ?? 0));
    if (frag) input.restIndent = frag.x;
  }
  if (block.shrinkToFit) {
    const min = block.shrinkToFit.minSize;
    // Start from the size at which the unbroken line would exactly fill the measure, then
    // step down a quarter point at a time until the breaker agrees it is one line.
    const natural = setLine(ctx, block.runs, block.pointer).naturalWidth;
    let scale = natural > W ? W / natural : 1;
    for (;;) {
      const runs = scale === 1 ? block.runs : block.runs.map((r) => styledRun(r.text, { ...r, size: Math.max(min, Math.floor(r.size * scale * 4) / 4) }));
      const broken = ctx.breaker({ ...input, runs });
      const only = broken.lines[0];
      const fits = broken.lines.length === 1 && only !== undefined && only.naturalWidth <= W + 0.01;
      if (fits || runs.every((r) => r.size <= min)) return { lines: broken.lines, runs };
      scale -= 0.25 / Math.max(...block.runs.map((r) => r.size));
    }
  }
  return { lines: ctx.breaker(input).lines, runs: block.runs };
}

function textRows(block: TextBlock, index: number, ctx: MeasureContext): Row[] {
  const W = ctx.theme.page.textWidth;
  const struct = structRef(block.struct);
  const tail = tails(block, ctx, struct);
  const { lines, runs } = breakBlock(block, ctx, tail?.reserve ?? 0);
  let largest = 0;
  for (const r of runs) largest = Math.max(largest, r.size);
  const size = largest || block.size;
  const baseline = baselineInSlot(block.pitch, size);
  const n = lines.length;
  // Loops here and in measureBlocks, not map/forEach callbacks: a callback made per call
  // lost its optimized code at every major GC and was compiled again.
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    const x = ctx.left + alignShift(line, block.align, W);
    const items: PageItem[] = [{ kind: 'line', x, baseline, line, struct }];
    const links = fragmentLinks(line, x, baseline, struct.id);
    if (i === n - 1 && tail) items.push(...tail.place(baseline, x - ctx.left + lineWidth(line)));
    if (block.linkTo !== undefined) {
      const { min, max } = inkExtent(line);
      const right = i === n - 1 && tail ? ctx.left + W : x + max;
      links.push({
        x: x + min,
        y: baseline - EM_ASCENT * size - 1.5,
        width: right - (x + min),
        height: size + 3,
        target: { type: 'dest', name: block.linkTo },
        structId: struct.id,
      });
    }
    const done = i + 1;
    rows.push(
      row({
        height: block.pitch,
        spaceBefore: 0,
        breakAfter: i === n - 1 || (!block.keepTogether && done >= 2 && n - done >= 2),
        lines: 1,
        block: index,
        items,
        links,
      }),
    );
  }
  return rows;
}

function ruleRow(block: RuleBlock, index: number, ctx: MeasureContext): Row {
  const W = ctx.theme.page.textWidth;
  const struct = structRef(block.struct);
  // Pushed, not mapped: map's result is a holey array, the other rows' items packed ones,
  // and buildPages deoptimized on the first rule row it met.
  const items: PageItem[] = [];
  for (const l of block.lines) {
    items.push({ kind: 'rule', x1: ctx.left, y1: l.offset, x2: ctx.left + W, y2: l.offset, thickness: l.thickness, color: block.color, struct });
  }
  return row({ height: block.height, spaceBefore: 0, breakAfter: true, lines: 1, block: index, items, links: [] });
}

function imageRow(block: ImageBlock, index: number, ctx: MeasureContext, areaHeight: number): Row {
  const W = ctx.theme.page.textWidth;
  const caption = block.caption ? textRows(block.caption, index, ctx) : [];
  const captionHeight = caption.length > 0 ? block.captionGap + caption.reduce((h, r) => h + r.height, 0) : 0;
  // An image taller than a page is scaled down to fit one: it is never split.
  const scale = Math.min(1, Math.max(0.05, (areaHeight - captionHeight) / block.height));
  const width = block.width * scale;
  const height = block.height * scale;
  const items: PageItem[] = [
    { kind: 'image', x: ctx.left + (W - width) / 2, y: 0, width, height, data: block.data, format: block.format, struct: structRef(block.struct) },
  ];
  const links: Row['links'] = [];
  let y = height + block.captionGap;
  for (const r of caption) {
    items.push(...r.items.map((it) => (it.kind === 'line' ? { ...it, baseline: it.baseline + y } : it)));
    links.push(...r.links.map((l) => ({ ...l, y: l.y + y })));
    y += r.height;
  }
  return row({ height: height + captionHeight, spaceBefore: 0, breakAfter: true, lines: Infinity, block: index, items, links });
}

/**
 * Rows of gridLead blocks learn how far below their top the grid text they lead into starts,
 * so the paginator snaps that text to the grid by moving the whole run of them down: the
 * grid's remainder goes above the run, never inside it or between it and its text.
 */
function leadIntoGrid(rows: Row[], blocks: readonly Block[]): void {
  for (let i = rows.length - 2; i >= 0; i--) {
    const row = rows[i];
    const next = rows[i + 1];
    if (!row || !next || !blocks[row.block]?.gridLead || next.grid === undefined) continue;
    row.grid = next.grid;
    row.gridLead = row.height + next.spaceBefore + (next.gridLead ?? 0);
  }
}

/** Rows of every block with spacing and the keep, widow and orphan rules applied to breakAfter. */
export function measureBlocks(blocks: readonly Block[], ctx: MeasureContext, areaHeight: number): Row[] {
  const rows: Row[] = [];
  let pendingSpace = 0;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const own =
      block.kind === 'text' ? textRows(block, index, ctx) : block.kind === 'rule' ? [ruleRow(block, index, ctx)] : [imageRow(block, index, ctx, areaHeight)];
    if (own.length === 0) continue;
    const first = own[0];
    if (first) {
      first.spaceBefore = pendingSpace + block.spaceBefore;
      if (block.destination !== undefined) first.destination = block.destination;
      if (block.outline !== undefined) first.outline = block.outline;
    }
    pendingSpace = block.spaceAfter;
    if (first && block.minSpaceBefore !== undefined) first.minSpaceBefore = Math.min(block.minSpaceBefore, first.spaceBefore);
    if (block.grid !== undefined && block.grid > 0) for (const r of own) r.grid = block.grid;
    if (block.kind === 'text' && block.splitAfter !== undefined) {
      const n = own.length;
      own.forEach((r, i) => {
        if (i + 1 >= (block.splitAfter ?? n) && n - (i + 1) >= 2) r.softBreak = true;
      });
    }
    rows.push(...own);
    const last = rows[rows.length - 1];
    if (block.keepWithNext > 0 && last) last.breakAfter = false;
    if (block.softBreakAfter && last) last.softBreak = true;
  }
  leadIntoGrid(rows, blocks);
  // Keep-with-next: no page break until `keepWithNext` lines of what follows are placed.
  let need = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (need > 0) {
      need -= row.lines;
      if (need > 0) row.breakAfter = false;
    }
    const kwn = blocks[row.block]?.keepWithNext ?? 0;
    if (rows[i + 1]?.block !== row.block && kwn > 0) need = Math.max(need, kwn);
  }
  return rows;
}
