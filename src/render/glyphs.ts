// Writes the line breaker's glyphs into the content stream as they were positioned: no
// re-shaping, no pdfkit text layout. pdfkit's own text path (EmbeddedFont.encode) would run
// fontkit's layout() again, which could pick different glyphs than the ones measured; so the
// glyph ids are registered with the embedded font by hand (subset, /W width, ToUnicode) and
// shown with TJ, the justification going into TJ adjustments.
import { compareCodePoints } from './order.js';
import type * as fontkit from 'fontkit';
import type { FontSet } from '../text/fonts.js';
import type { Page } from '../layout/types.js';
import type { GlyphFragment, PositionedGlyph } from '../text/types.js';
import { alternateGlyph, useSubsetWriter } from './alternate-glyphs.js';
import { compressProgram, embedFont, prepareEmbedding } from './embed-font.js';
import type { CompressedProgram, PreparedEmbedding } from './embed-font.js';
import { faceData } from '../text/face-data.js';
import {
  cidText,
  cidTextTable,
  cidWidth,
  currentEmbeddedFont,
  fontFace,
  fontResourceName,
  fontScale,
  includeSubsetGlyph,
  replaceFontEmbedding,
  setCidText,
  setCidWidth,
  useFontOnPage,
} from './pdfkit-internals.js';
import type { EmbeddedFont, PdfkitDocument } from './pdfkit-internals.js';

/** The fragments with glyphs, in the order drawPage shows them (pages, line items, fragments). */
function* drawnFragments(pages: readonly Page[]): Generator<GlyphFragment> {
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'line') continue;
      for (const fragment of item.line.fragments) if (fragment.glyphs.length > 0) yield fragment;
    }
  }
}

interface Placement {
  cid: number;
  fit: GlyphFit | undefined;
}

/** Faces of one document: each registered once with pdfkit, keyed by face id. */
export class DocumentFonts {
  private readonly embedded = new Map<string, EmbeddedFont>();
  private readonly programs = new Map<EmbeddedFont, CompressedProgram>();
  private readonly prepared = new Map<EmbeddedFont, PreparedEmbedding>();
  // In the order drawing meets the glyphs, as parallel arrays (a Map keyed by ~6,000 glyph
  // objects cost more than the lookups it saved); each entry names its glyph, so a draw out
  // of that order computes its own instead of taking another glyph's. The fits, nearly all
  // undefined, are kept only where there is one (at drawing index fitAt[i]).
  private readonly placed: (PositionedGlyph | undefined)[] = [];
  private cids = new Int32Array(0);
  private readonly fitAt: number[] = [];
  private readonly fitValue: (GlyphFit | undefined)[] = [];
  private nextFit = 0;
  private drawn = 0;

  constructor(
    private readonly doc: PdfkitDocument,
    private readonly fonts: FontSet,
  ) {}

  /** The embedded font of a face id, registering the face on first use (fixed F1, F2… order). */
  face(id: string): EmbeddedFont {
    const known = this.embedded.get(id);
    if (known) return known;
    const font = this.fonts.faces.get(id);
    if (!font) throw new Error(`render: face '${id}' is not in the font set (${[...this.fonts.faces.keys()].join(', ')})`);
    // A fontkit Font object, not a path: pdfkit must not re-read or re-parse the 14 MiB file.
    this.doc.registerFont(id, font);
    this.doc.font(id);
    const embedded = currentEmbeddedFont(this.doc);
    replaceFontEmbedding(embedded, () => embedFont(this.doc, embedded, this.programs.get(embedded), this.prepared.get(embedded)));
    useSubsetWriter(embedded);
    this.embedded.set(id, embedded);
    return embedded;
  }

  /**
   * Hands out every CID of the document before anything is drawn: faces in order of first
   * use (F1, F2… as drawing would), each face's glyphs in the order of the text they stand
   * for. Code-point order puts characters of one radical next to each other in the font
   * program, where deflate finds their shared outlines (about 2 % smaller), and lets the
   * ToUnicode CMap use ranges.
   */
  reserve(pages: readonly Page[]): void {
    // Three passes, each a function of its own: V8 compiled the first pass's long loop on
    // stack (OSR) before the later ones had run, and their code then deoptimized.
    const { byFace, total } = this.glyphsByFace(pages);
    for (const [face, glyphs] of byFace) baseCids(this.face(face), glyphs);
    this.placeAll(pages, byFace, total);
  }

  /** Per face: each glyph id drawn (in order of first use) with the texts it stands for (nearly always one). */
  private glyphsByFace(pages: readonly Page[]): { byFace: Map<string, FaceGlyphs>; total: number } {
    const byFace = new Map<string, FaceGlyphs>();
    let total = 0;
    for (const fragment of drawnFragments(pages)) {
      let glyphs = byFace.get(fragment.face);
      if (!glyphs) byFace.set(fragment.face, (glyphs = faceGlyphs(fontFace(this.face(fragment.face)))));
      const { index } = glyphs;
      for (const g of fragment.glyphs) {
        const k = index.get(g.id);
        if (k < 0) {
          index.set(g.id, glyphs.ids.length);
          glyphs.ids.push(g.id);
          glyphs.texts.push(g.text);
          glyphs.more.push(undefined);
          glyphs.cids.push(-1);
        } else if (glyphs.texts[k] !== g.text) {
          const more = (glyphs.more[k] ??= []);
          if (!more.includes(g.text)) more.push(g.text);
        }
      }
      total += fragment.glyphs.length;
    }
    return { byFace, total };
  }

  /**
   * The alternates (glyphs drawn narrower or shifted), in the order drawing meets them, so
   * that drawing finds every CID made and the subsets are complete before it starts. A glyph
   * drawn as the font has it, whose id stands for one text only, has its CID already.
   */
  private placeAll(pages: readonly Page[], byFace: ReadonlyMap<string, FaceGlyphs>, total: number): void {
    const cids = new Int32Array(total);
    let at = 0;
    for (const fragment of drawnFragments(pages)) {
      const font = this.face(fragment.face);
      const glyphs = byFace.get(fragment.face)!;
      const fits = new Fitter(font, fragment.size);
      for (const glyph of fragment.glyphs) {
        const fit = fits.fit(glyph);
        const known = glyphs.cids[glyphs.index.get(glyph.id)]!;
        cids[at] = fit === undefined && known >= 0 ? known : includeGlyph(font, glyph.id, glyph.text, fit);
        if (fit !== undefined) {
          this.fitAt.push(at);
          this.fitValue.push(fit);
        }
        this.placed.push(glyph);
        at++;
      }
    }
    this.cids = cids;
  }

  /**
   * The CID and fit reserve() gave this glyph of the page model, asked in drawing order
   * (written into `out`: asked for every glyph drawn); false for a glyph it did not see.
   */
  placement(glyph: PositionedGlyph, out: Placement): boolean {
    const k = this.drawn;
    if (this.placed[k] !== glyph) return false;
    this.drawn++;
    out.cid = this.cids[k]!;
    // Bounds checked: a read past the end deoptimizes the drawing code.
    if (this.nextFit < this.fitAt.length && this.fitAt[this.nextFit] === k) out.fit = this.fitValue[this.nextFit++];
    else out.fit = undefined;
    return true;
  }

  /**
   * Empties the document's per-glyph tables once its PDF is written: the glyphs drawn and
   * their fits, and each face's CID texts (ours and the code points pdfkit keeps for
   * ToUnicode). Nothing reads them after that, and letting them go by themselves was not
   * enough: V8 moves some of a render's arrays into its old generation while the render runs
   * (a full collection promotes whatever is live, pretenured literals are allocated there),
   * and such an array keeps what it points to alive through every young-generation
   * collection until the next full one, long after the render. Measured over 300 warm renders
   * of 663, interleaved with the build before (tests/render/release.test.ts holds the
   * emptying): scavenges took 599–669 ms against 678–794; with V8's pretenuring turned off
   * (which V8 sometimes settles into by itself) 567–585 ms against 979–1,030, and the peak RSS
   * was 203–208 MiB against 359–361.
   */
  release(): void {
    emptied(this.placed);
    emptied(this.fitValue);
    this.fitAt.length = 0;
    this.cids = new Int32Array(0);
    for (const font of this.embedded.values()) {
      const texts = cidTexts.get(font);
      if (texts) emptied(texts);
      emptied(cidTextTable(font));
    }
  }

  /**
   * Makes each face's ToUnicode CMap and widths (embed-font.ts prepareEmbedding): after
   * drawing, while the programs deflate, so that embedding after that wait has less to do.
   */
  prepareEmbeddings(): void {
    for (const font of this.embedded.values()) this.prepared.set(font, prepareEmbedding(font));
  }

  /**
   * Deflates every face's font program on the thread pool, after reserve() (so while the
   * pages are drawn); embedding then takes the bytes instead of deflating them itself.
   */
  async compressPrograms(): Promise<void> {
    const fonts = [...this.embedded.values()];
    const programs = await Promise.all(fonts.map(compressProgram));
    fonts.forEach((font, i) => this.programs.set(font, programs[i]!));
  }
}

/** The glyphs of one face one reserve() draws, in order of first use, as parallel arrays. */
interface FaceGlyphs {
  /** Glyph id → position in these arrays, for this reserve() only. */
  index: GlyphIndex;
  ids: number[];
  /** The first text each glyph stands for, and any others. */
  texts: string[];
  more: (string[] | undefined)[];
  /** The CID of a glyph standing for one text; -1 until given (or when it stands for more). */
  cids: number[];
}

function faceGlyphs(face: fontkit.Font): FaceGlyphs {
  let index = glyphIndexes.get(face);
  if (!index) glyphIndexes.set(face, (index = new GlyphIndex(faceData(face)?.numGlyphs ?? face.numGlyphs)));
  index.clear();
  return { index, ids: [], texts: [], more: [], cids: [] };
}

/**
 * Each glyph of one face under its first CID, handed out in the order of the texts they stand
 * for (see reserve); a glyph standing for one text keeps that CID in `glyphs.cids`.
 */
function baseCids(font: EmbeddedFont, glyphs: FaceGlyphs): void {
  const keyed: { id: number; text: string }[] = [];
  for (let k = 0; k < glyphs.ids.length; k++) {
    const id = glyphs.ids[k]!;
    keyed.push({ id, text: glyphs.texts[k]! });
    for (const text of glyphs.more[k] ?? []) keyed.push({ id, text });
  }
  keyed.sort(byTextThenId);
  for (const g of keyed) {
    const cid = includeGlyph(font, g.id, g.text);
    const k = glyphs.index.get(g.id);
    if (glyphs.more[k] === undefined) glyphs.cids[k] = cid;
  }
}

/**
 * Glyph id → small integer, for one reserve() at a time: a lookup per glyph drawn (~125,000
 * for ~100 pages), where a Map's hashing was a fifth of reserve()'s time. Two arrays of the
 * face's glyph count, kept per face (bounded by the faces loaded) and cleared by moving to a
 * new generation, not by zeroing; reserve() runs synchronously, so one document uses an
 * index at a time.
 */
class GlyphIndex {
  private stamp: Int32Array;
  private value: Int32Array;
  private generation = 0;

  constructor(glyphs: number) {
    this.stamp = new Int32Array(glyphs);
    this.value = new Int32Array(glyphs);
  }

  clear(): void {
    this.generation++;
    if (this.generation === 0x7fffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
  }

  /** The value set for `id` since the last clear(), or -1. */
  get(id: number): number {
    return id < this.stamp.length && this.stamp[id] === this.generation ? this.value[id]! : -1;
  }

  set(id: number, v: number): void {
    if (id >= this.stamp.length) this.grow(id + 1);
    this.stamp[id] = this.generation;
    this.value[id] = v;
  }

  /** A glyph id past the face's count (maxp) cannot come from its cmap or lookups; kept working all the same. */
  private grow(length: number): void {
    const stamp = new Int32Array(length);
    const value = new Int32Array(length);
    stamp.set(this.stamp);
    value.set(this.value);
    this.stamp = stamp;
    this.value = value;
  }
}

const glyphIndexes = new WeakMap<fontkit.Font, GlyphIndex>();

/** Code-point order of the texts, then glyph id (reserve): top-level, so its optimized code outlives each sort. */
function byTextThenId(a: { id: number; text: string }, b: { id: number; text: string }): number {
  return compareCodePoints(a.text, b.text) || a.id - b.id;
}

/**
 * The glyph's code (CID) in the embedded subset. Registers width and ToUnicode text on
 * first use. One CID has one ToUnicode entry, so when a glyph stands for different text in
 * two places (— and ― share a glyph under the ZHS locl) the glyph is added to the subset a
 * second time under a new CID carrying the other text: copying gives back each character.
 */
export function includeGlyph(font: EmbeddedFont, glyphId: number, text: string, fit?: GlyphFit): number {
  const cid = includeSubsetGlyph(font, glyphId);
  let texts = cidTexts.get(font);
  if (!texts) cidTexts.set(font, (texts = []));
  const known = texts[cid];
  if (known === undefined) {
    texts[cid] = text;
    if (cidWidth(font, cid) == null) setCidWidth(font, cid, naturalWidth(fontFace(font), glyphId) * fontScale(font));
    if (cidText(font, cid) == null) setCidText(font, cid, codePointsOf(text));
  }
  // Called for every glyph drawn (twice: reserve, then drawing): strings compare without
  // building code-point arrays.
  if ((known === undefined || known === text) && fit === undefined) return cid;
  const natural = naturalWidth(fontFace(font), glyphId);
  return alternateGlyph(font, glyphId, cid, codePointsOf(text), fit?.shift ?? 0, fit?.advance ?? natural);
}

/** The text each base CID was first registered for, per embedded font (so per document). */
const cidTexts = new WeakMap<EmbeddedFont, (string | undefined)[]>();

/**
 * Overwrites every entry before dropping them: setting only the length can leave the old
 * backing store, with its references, for the collector to scan (DocumentFonts.release). The
 * one way this module empties an array, pdfkit's own table included.
 */
function emptied(values: unknown[]): void {
  values.fill(undefined);
  values.length = 0;
}


/** A glyph drawn narrower than the font's advance (font units), its outline moved by `shift` (whole font units). */
interface GlyphFit {
  shift: number;
  advance: number;
}

/**
 * How a glyph the layout set narrower than the font draws it fits its box: a closing mark
 * without its blank half or a break space set to nothing keeps its outline at the pen; an
 * opening mark without its left blank (dx < 0) has its outline moved left instead of the pen.
 * Either way the glyph's box in the PDF is the one the layout gave it, so text extractors
 * see a line end at the measure, not half an em past it.
 */
function glyphFit(font: EmbeddedFont, glyph: PositionedGlyph, size: number): GlyphFit | undefined {
  return new Fitter(font, size).fit(glyph);
}

/**
 * glyphFit for the glyphs of one font at one size (a fragment), the face looked up once. A
 * class, not a closure made per fragment: a closure's optimized code was dropped at every
 * major GC.
 */
class Fitter {
  private readonly face: fontkit.Font;
  private readonly data: ReturnType<typeof faceData>;
  private readonly toUnits: number;

  constructor(font: EmbeddedFont, size: number) {
    this.face = fontFace(font);
    this.data = faceData(this.face);
    // fontScale is 1000 / unitsPerEm, kept by pdfkit: fontkit's getter goes through a bound table getter.
    this.toUnits = 1000 / (fontScale(font) * size);
  }

  fit(glyph: PositionedGlyph): GlyphFit | undefined {
    const natural = naturalWidth(this.face, glyph.id, this.data);
    const advance = Math.round(glyph.advance * this.toUnits * 1000) / 1000;
    if (advance > natural - 0.5 || glyph.dx > 0) return undefined;
    return { shift: Math.round(glyph.dx * this.toUnits), advance: Math.max(0, advance) };
  }
}

// From the face's hmtx as read by the loader: fontkit's getGlyph() would make (and keep) a glyph
// object without its characters, which its layout then hands back for those characters.
function naturalWidth(font: fontkit.Font, glyphId: number, data = faceData(font)): number {
  return data?.advance(glyphId) ?? font.getGlyph(glyphId).advanceWidth;
}

function codePointsOf(text: string): number[] {
  const cps: number[] = [];
  for (const ch of text) cps.push(ch.codePointAt(0) ?? 0xfffd);
  return cps;
}

/** A PDF number: at most `decimals` decimals (3 unless told), no exponent, no '-0'. */
export function num(n: number, decimals = 3): string {
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) || r === 0 ? '0' : r.toFixed(decimals).replace(/\.?0+$/, '');
}

/** #RRGGBB → 'r g b' in 0..1 for rg/RG. */
export function rgb(color: string): string {
  // Asked once per glyph run, with a handful of distinct colours per document.
  const known = rgbCache.get(color);
  if (known !== undefined) return known;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) throw new Error(`render: colour '${color}' is not #RRGGBB`);
  const out = [m[1], m[2], m[3]].map((h) => num(parseInt(h ?? '0', 16) / 255)).join(' ');
  if (rgbCache.size < 256) rgbCache.set(color, out);
  return out;
}

const rgbCache = new Map<string, string>();

/**
 * Text state a page's content stream carries from one text object to the next (the PDF
 * keeps Tc across BT/ET); a new one per page, whose stream starts with Tc = 0.
 */
export interface PageTextState {
  /** Character spacing (Tc) in effect, pt. */
  tc: number;
  /** A tagged PDF: an inserted hyphen is marked as a Span whose ActualText is nothing. */
  tagged?: boolean;
}

/** The text of a hyphen the breaker inserted at a line end (text/set-line.ts): not the author's. */
const INSERTED_HYPHEN = '\u00ad';

/** How far (pt) the PDF's pen may be from the model's before a TJ adjustment moves it. */
const PEN_TOLERANCE = 0.0005;

/** A CID string as a PDF literal string of raw 2-byte codes: half the size of hex, before deflate. */
function literal(cids: readonly number[]): string {
  let out = '(';
  for (const cid of cids) out += literalByte(cid >> 8) + literalByte(cid & 0xff);
  return `${out})`;
}

/** One byte of a literal string: in one these must be escaped, and a raw CR would be read as a line end. */
function literalByte(byte: number): string {
  if (byte === 0x28 || byte === 0x29 || byte === 0x5c) return `\\${String.fromCharCode(byte)}`;
  if (byte === 0x0d) return '\\r';
  return String.fromCharCode(byte);
}

/**
 * Content-stream operators (one BT…ET text object) that show the fragments with their
 * glyphs' pen positions at lineX + fragment.x + preceding advances, on the given baseline.
 * Coordinates are the page's y-down space (pdfkit flips the CTM at addPage), so the text
 * matrix has d = −1 to keep glyphs upright. A glyph's dy is font-style (positive = up).
 * Justification: the commonest space between glyphs of the line goes into Tc (character
 * spacing), and only glyphs spaced otherwise get a TJ adjustment, so a justified line is
 * not a number between every two glyphs. A glyph that the next one overlaps (a mark set
 * half width) is shown with Tc = 0: text extractors (poppler) take a glyph's box to reach
 * Tc further, and an overlap beyond half a glyph makes them break the line there.
 */
export function textObject(
  doc: PdfkitDocument,
  fonts: DocumentFonts,
  state: PageTextState,
  lineX: number,
  baseline: number,
  fragments: readonly GlyphFragment[],
): string {
  const placed = placeLine(fonts, lineX, baseline, fragments);
  const tc = commonGap(placed);
  const { font: fontOf, fragment: fragmentOf, cid: cidOf, text: textOf, tx: txOf, ty: tyOf, gapAfter } = placed;
  const out = new TextOps();
  const ops = out.ops;
  let fontId = '';
  let size = NaN;
  let color = '';
  // Where the PDF's pen is after what has been written (user space).
  let penX = 0;
  let penY = NaN;
  // The Tc the PDF applies, as written (to 5 decimals): the pen advances by it.
  let tcWritten = Number(num(state.tc, 5));
  let lastFont: EmbeddedFont | undefined;
  let lastFragment: GlyphFragment | undefined;
  for (let k = 0; k < placed.count; k++) {
    const font = fontOf[k]!;
    const fragment = fragmentOf[k]!;
    const tx = txOf[k]!;
    const ty = tyOf[k]!;
    const cid = cidOf[k]!;
    // (NaN, no next glyph on the baseline, is never below the tolerance.)
    const spacing = gapAfter[k]! < -PEN_TOLERANCE ? 0 : tc;
    if (spacing !== state.tc) {
      out.flushTJ();
      ops.push(`${num(spacing, 5)} Tc`);
      state.tc = spacing;
      tcWritten = Number(num(spacing, 5));
    }
    // Font, size and colour change only between fragments: checked once per fragment.
    if (font !== lastFont) {
      useFontOnPage(doc, font);
      lastFont = font;
    }
    if (fragment !== lastFragment) {
      lastFragment = fragment;
      if (fontResourceName(font) !== fontId || fragment.size !== size) {
        out.flushTJ();
        fontId = fontResourceName(font);
        size = fragment.size;
        ops.push(`/${fontId} ${num(size)} Tf`);
      }
      const fill = rgb(fragment.color || '#000000');
      if (fill !== color) {
        out.flushTJ();
        color = fill;
        ops.push(`${fill} rg`);
      }
    }
    if (ty !== penY) {
      out.flushTJ();
      ops.push(`1 0 0 -1 ${num(tx)} ${num(ty)} Tm`);
      penX = tx;
      penY = ty;
    } else if (Math.abs(penX - tx) > PEN_TOLERANCE) {
      // Error diffusion: the adjustment is computed from where the PDF pen really is, so
      // rounding never accumulates along a line.
      const adjust = Math.round(((penX - tx) * 1000) / size * 1000) / 1000;
      if (adjust !== 0) {
        out.flushString();
        out.tj.push(num(adjust));
        penX -= (adjust * size) / 1000;
      }
    }
    // PDF 32000-1 §14.9.4: in a tagged PDF the inserted hyphen's replacement text is empty,
    // so extraction and assistive technology read the word whole (its ToUnicode, U+00AD, is
    // the untagged fallback: a soft hyphen that copy-paste drops).
    const hyphen = state.tagged === true && textOf[k] === INSERTED_HYPHEN;
    if (hyphen) {
      out.flushTJ();
      ops.push('/Span <</ActualText ()>> BDC');
    }
    out.cids.push(cid);
    penX += ((cidWidth(font, cid) ?? 0) * size) / 1000 + tcWritten;
    if (hyphen) {
      out.flushTJ();
      ops.push('EMC');
    }
  }
  placed.release();
  out.flushTJ();
  ops.push('ET');
  return ops.join('\n');
}

/**
 * A text object's operators, the TJ array being built and the CIDs of its current string.
 * A class rather than closures over textObject's locals: those were made per line and their
 * optimized code dropped at every major GC.
 */
class TextOps {
  readonly ops: string[] = ['BT'];
  tj: string[] = [];
  cids: number[] = [];

  flushString(): void {
    if (this.cids.length) this.tj.push(literal(this.cids));
    this.cids = [];
  }

  flushTJ(): void {
    this.flushString();
    const tj = this.tj;
    if (tj.length === 1 && tj[0]?.startsWith('(')) this.ops.push(`${tj[0]} Tj`);
    else if (tj.length) this.ops.push(`[${tj.join('')}] TJ`);
    this.tj = [];
  }
}

/**
 * The glyphs of one line as drawing places them, as parallel arrays: one set, reused by every
 * line (textObject runs synchronously, a line at a time), where an object per glyph drawn was
 * ~430 KiB of what a warm 663 render allocates. Process-wide, bounded by the longest line's
 * glyphs; entries past `count` are stale numbers only (release() drops the references).
 */
class LinePlacement {
  count = 0;
  readonly font: (EmbeddedFont | undefined)[] = [];
  readonly fragment: (GlyphFragment | undefined)[] = [];
  readonly cid: number[] = [];
  /** The characters the glyph stands for (PositionedGlyph.text). */
  readonly text: (string | undefined)[] = [];
  /** Pen position (user space, y down). */
  readonly tx: number[] = [];
  readonly ty: number[] = [];
  /** Where the next glyph on the same baseline starts, less this glyph's natural end (pt); NaN when none does. */
  readonly gapAfter: number[] = [];

  push(font: EmbeddedFont, fragment: GlyphFragment, cid: number, text: string, tx: number, ty: number): void {
    const k = this.count++;
    this.font[k] = font;
    this.fragment[k] = fragment;
    this.cid[k] = cid;
    this.text[k] = text;
    this.tx[k] = tx;
    this.ty[k] = ty;
    this.gapAfter[k] = NaN;
  }

  /** Lets go of the line's fonts, fragments and texts: a document is not kept alive by its last line. */
  release(): void {
    for (let k = 0; k < this.count; k++) {
      this.font[k] = undefined;
      this.fragment[k] = undefined;
      this.text[k] = undefined;
    }
    this.count = 0;
  }
}

const linePlacement = new LinePlacement();

function placeLine(fonts: DocumentFonts, lineX: number, baseline: number, fragments: readonly GlyphFragment[]): LinePlacement {
  const placed = linePlacement;
  placed.count = 0;
  const reserved: Placement = { cid: 0, fit: undefined };
  let prevEnd = NaN;
  for (const fragment of fragments) {
    if (fragment.glyphs.length === 0) continue;
    const font = fonts.face(fragment.face);
    let pen = lineX + fragment.x;
    for (const glyph of fragment.glyphs) {
      const known = fonts.placement(glyph, reserved);
      const fit = known ? reserved.fit : glyphFit(font, glyph, fragment.size);
      const cid = known ? reserved.cid : includeGlyph(font, glyph.id, glyph.text, fit);
      // A fitted glyph carries its dx in the outline (to the font unit): the pen stays where the layout put it.
      const tx = pen + glyph.dx - (fit ? (fit.shift * fragment.size * fontScale(font)) / 1000 : 0);
      const ty = baseline - glyph.dy;
      const prev = placed.count - 1;
      if (prev >= 0 && placed.ty[prev] === ty) placed.gapAfter[prev] = tx - prevEnd;
      placed.push(font, fragment, cid, glyph.text, tx, ty);
      prevEnd = tx + ((cidWidth(font, cid) ?? 0) * fragment.size) / 1000;
      pen += glyph.advance;
    }
  }
  return placed;
}

/** The commonest gap between glyphs (pt, to 1e-5) if it occurs more than once, else 0. */
function commonGap(placed: LinePlacement): number {
  const count = new Map<number, number>();
  for (let k = 0; k < placed.count; k++) {
    const after = placed.gapAfter[k]!;
    if (Number.isNaN(after)) continue;
    const gap = Math.round(after * 1e5) / 1e5;
    count.set(gap, (count.get(gap) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 1;
  for (const [gap, n] of count) if (n > bestCount || (n === bestCount && Math.abs(gap) < Math.abs(best))) [best, bestCount] = [gap, n];
  return best;
}
