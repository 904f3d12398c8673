// UAX #14 line break opportunities, Unicode 15.0 (rules LB1–LB31 of UAX #14 revision 49),
// with the numeric tailoring of LB25 (Example 7 of section 8.2) that LineBreakTest-15.0.0.txt
// encodes. The 15.1 changes (LB15a–d, LB20a, LB28a, the East-Asian exception in LB21a) are
// deliberately absent: the test file is the specification here.
//
// The rules are applied directly to a single left-to-right pass that keeps just enough state
// for the rules that look past one character (SP*, LB9 combining sequences, LB21a, LB25, LB30a);
// only LB25's "(PR | PO) × (OP | HY) NU" needs to look ahead.
import { CODE_NAMES, RANGE_CODES, RANGE_COUNT, RANGE_DELTAS } from './uax14-data.js';
import { slots } from './slots.js';

export interface BreakOpportunity {
  /** UTF-16 index in the text where a new line may start (0 < position <= text.length). */
  position: number;
  /** A mandatory break (BK, CR, LF, NL …): the line MUST end here. */
  required: boolean;
}

// Classes as the algorithm sees them after LB1 (AI, SG, XX → AL; SA → CM or AL; CJ → NS).
// OPW: OP with East_Asian_Width F/W/H; IDX: unassigned Extended_Pictographic (LB30b).
const BK = 0, CR = 1, LF = 2, NL = 3, SP = 4, ZW = 5, ZWJ = 6, CM = 7, WJ = 8, GL = 9;
const BA = 10, HY = 11, CL = 12, CP = 13, EX = 14, IS = 15, SY = 16, OP = 17, OPW = 18, QU = 19;
const NS = 20, B2 = 21, CB = 22, BB = 23, HL = 24, IN = 25, AL = 26, NU = 27, PR = 28, PO = 29;
const ID = 30, IDX = 31, EB = 32, EM = 33, JL = 34, JV = 35, JT = 36, H2 = 37, H3 = 38, RI = 39;
const NONE = 40;

const RESOLVED: Readonly<Record<(typeof CODE_NAMES)[number], number>> = {
  XX: AL, AI: AL, AL, B2, BA, BB, BK, CB, CJ: NS, CL, CM, CP, CR, EB, EM, EX, GL, H2, H3, HL, HY,
  ID, IN, IS, JL, JT, JV, LF, NL, NS, NU, OP, PO, PR, QU, RI, SA: AL, SG: AL, SP, SY, WJ, ZW, ZWJ,
  SA_CM: CM, OP_EA: OPW, ID_EPCN: IDX,
};

/** Internal code → algorithm class. */
const CODE_CLASS = Uint8Array.from(CODE_NAMES, (name) => RESOLVED[name]);
/** Internal code → the Line_Break value of LineBreak.txt. */
const CODE_PUBLIC_NAME: readonly string[] = CODE_NAMES.map((name) =>
  name === 'SA_CM' ? 'SA' : name === 'OP_EA' ? 'OP' : name === 'ID_EPCN' ? 'ID' : name,
);

// BMP: one byte per code unit (64 KiB, built once). Supplementary planes: binary search.
const BMP = new Uint8Array(0x10000);
const { suppStarts: SUPP_STARTS, suppCodes: SUPP_CODES } = buildTables();

function buildTables(): { suppStarts: Uint32Array; suppCodes: Uint8Array } {
  const deltas = RANGE_DELTAS.split(',');
  if (deltas.length !== RANGE_COUNT || RANGE_CODES.length !== RANGE_COUNT) {
    throw new Error('uax14-data.ts is inconsistent; regenerate it');
  }
  const starts = new Uint32Array(RANGE_COUNT + 1);
  const codes = new Uint8Array(RANGE_COUNT);
  let start = 0;
  for (let r = 0; r < RANGE_COUNT; r++) {
    start += parseInt(deltas[r]!, 36);
    starts[r] = start;
    codes[r] = RANGE_CODES.charCodeAt(r) - 0x30;
  }
  starts[RANGE_COUNT] = 0x110000;
  let firstSupp = 0;
  for (let r = 0; r < RANGE_COUNT; r++) {
    const from = starts[r]!;
    const to = starts[r + 1]!;
    if (from < 0x10000) BMP.fill(codes[r]!, from, Math.min(to, 0x10000));
    if (to <= 0x10000) firstSupp = r + 1;
  }
  // The range holding U+10000 may start in the BMP; clamp it so the search starts at U+10000.
  const suppStarts = starts.slice(firstSupp, RANGE_COUNT);
  suppStarts[0] = 0x10000;
  return { suppStarts, suppCodes: codes.slice(firstSupp) };
}

function codeOf(cp: number): number {
  if (cp < 0x10000) return BMP[cp]!;
  if (cp > 0x10ffff) return 0;
  let lo = 0;
  let hi = SUPP_STARTS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (SUPP_STARTS[mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  return SUPP_CODES[lo]!;
}

/**
 * The Line_Break property value of a code point as listed in LineBreak-15.0.0.txt ('XX' for
 * code points it does not list), before LB1 resolution: AI, SA, CJ, SG and XX are returned as
 * such, so that a tailoring can decide about them itself.
 */
export function lineBreakClass(codePoint: number): string {
  return CODE_PUBLIC_NAME[codeOf(codePoint)]!;
}

/** Class of a code point after LB1. */
function classOf(cp: number): number {
  return CODE_CLASS[codeOf(cp)]!;
}

/** Whether the code point at index i, after skipping CM/ZWJ (LB9), is NU. */
function nuFollows(text: string, i: number): boolean {
  const n = text.length;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const c = classOf(cp);
    if (c !== CM && c !== ZWJ) return c === NU;
    i += len;
  }
  return false;
}

/** What UAX #14 allows before each UTF-16 offset of the text (0 none, 1 allowed, 2 mandatory). */
export const enum BreakCode {
  None = 0,
  Allowed = 1,
  Mandatory = 2,
}

const NO = BreakCode.None;
const ALLOWED = BreakCode.Allowed;
const MANDATORY = BreakCode.Mandatory;

/** UAX #14 (Unicode 15.0) break opportunities of a string, in order. The end of text is included as position text.length. */
export function findBreakOpportunities(text: string): BreakOpportunity[] {
  const codes = breakCodes(text);
  const out: BreakOpportunity[] = [];
  for (let i = 1; i < codes.length; i++) if (codes[i] !== NO) out.push({ position: i, required: codes[i] === MANDATORY });
  return out;
}

/**
 * findBreakOpportunities as one code per offset (BreakCode), length text.length + 1: what
 * the breaker asks of every boundary, without an object per opportunity.
 */
export function breakCodes(text: string): Uint8Array {
  const n = text.length;
  // Inside breakParagraph, a region of the paragraph's scratch buffer (slots.ts); a store of its own outside.
  const out = slots(n + 1, 0, 0, 1).byte(0, n + 1);
  if (n === 0) return out;

  const s: ScanState = { rawPrev: NONE, prev: NONE, prevPrev: NONE, lastNonSp: NONE, num: 0, ri: 0, cur: NONE, absorbed: false, next: 0 };
  for (let i = 0; i < n; ) {
    // codePointAt pairs surrogates and returns a lone one as itself (class SG → AL, LB1).
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const cur = classOf(cp);
    const isMark = cur === CM || cur === ZWJ;
    const prev = s.prev;
    // LB9: a mark joins the unit before it, unless that unit is BK CR LF NL SP ZW (or sot).
    const absorbed =
      isMark && prev !== NONE && prev !== BK && prev !== CR && prev !== LF && prev !== NL && prev !== SP && prev !== ZW;

    if (i > 0) {
      s.cur = cur;
      s.absorbed = absorbed;
      s.next = i + len;
      out[i] = decide(text, s);
    }

    s.rawPrev = cur;
    if (!absorbed) {
      const unit = isMark ? AL : cur; // LB10
      s.prevPrev = prev;
      s.prev = unit;
      if (unit !== SP) s.lastNonSp = unit;
      const num = s.num;
      if (unit === NU) s.num = 1;
      else if (num === 1 && (unit === SY || unit === IS)) s.num = 1;
      else if (num === 1 && (unit === CL || unit === CP)) s.num = 2;
      else s.num = 0;
      s.ri = unit === RI ? s.ri + 1 : 0;
    }
    i += len;
  }
  // LB3; the end is mandatory only in the sense that a hard line break character ends the text.
  const last = s.rawPrev;
  out[n] = last === BK || last === CR || last === LF || last === NL ? MANDATORY : ALLOWED;
  return out;
}

/** The context the scan carries from character to character: what the pair rules look at besides the pair. */
interface ScanState {
  /** Class of the previous character itself, before LB9 and LB10 fold marks. */
  rawPrev: number;
  /** Classes of the last two units (a base with its LB9 combining marks, or a lone mark as AL by LB10). */
  prev: number;
  prevPrev: number;
  /** The last unit that is not SP, for the "X SP* ×" rules (LB8, LB14–LB17). */
  lastNonSp: number;
  /** 1 inside NU (NU | SY | IS)*, 2 right after such a run closed by CL or CP (LB25). */
  num: number;
  /** Regional indicators in a row (LB30a). */
  ri: number;
  /** Class of the character the break would come before. */
  cur: number;
  /** That character is a mark joining the unit before it (LB9): never a break. */
  absorbed: boolean;
  /** Index just after that character, where LB25 looks ahead for a number. */
  next: number;
}

/** The break before state.cur: NO, ALLOWED or MANDATORY. */
function decide(text: string, state: ScanState): number {
  const { rawPrev, prev: a, prevPrev: aPrev, lastNonSp, num, ri, cur, absorbed, next } = state;
  // LB4, LB5
  if (rawPrev === BK) return MANDATORY;
  if (rawPrev === CR) return cur === LF ? NO : MANDATORY;
  if (rawPrev === LF || rawPrev === NL) return MANDATORY;
  // LB6, LB7
  if (cur === BK || cur === CR || cur === LF || cur === NL || cur === SP || cur === ZW) return NO;
  // LB8
  if (a === ZW || (a === SP && lastNonSp === ZW)) return ALLOWED;
  // LB8a, LB9
  if (rawPrev === ZWJ || absorbed) return NO;
  const b = cur === CM || cur === ZWJ ? AL : cur; // LB10

  // LB11, LB12, LB12a, LB13
  if (a === WJ || b === WJ || a === GL) return NO;
  if (b === GL && a !== SP && a !== BA && a !== HY) return NO;
  if (b === CL || b === CP || b === EX || b === IS || b === SY) return NO;
  // LB14–LB17: the unit before any spaces.
  const s = a === SP ? lastNonSp : a;
  if (s === OP || s === OPW) return NO;
  if ((b === OP || b === OPW) && s === QU) return NO;
  if (b === NS && (s === CL || s === CP)) return NO;
  if (b === B2 && s === B2) return NO;
  // LB18
  if (a === SP) return ALLOWED;
  // LB19, LB20
  if (a === QU || b === QU) return NO;
  if (a === CB || b === CB) return ALLOWED;
  // LB21, LB21a, LB21b, LB22
  if (b === BA || b === HY || b === NS || a === BB) return NO;
  if ((a === HY || a === BA) && aPrev === HL) return NO;
  if (a === SY && b === HL) return NO;
  if (b === IN) return NO;
  // LB23, LB23a, LB24
  const aAlpha = a === AL || a === HL;
  const bAlpha = b === AL || b === HL;
  if ((aAlpha && b === NU) || (a === NU && bAlpha)) return NO;
  if (a === PR && (b === ID || b === IDX || b === EB || b === EM)) return NO;
  if ((a === ID || a === IDX || a === EB || a === EM) && b === PO) return NO;
  if ((a === PR || a === PO) && bAlpha) return NO;
  if (aAlpha && (b === PR || b === PO)) return NO;
  // LB25 as the regular expressions of Example 7.
  if (a === PR || a === PO) {
    if (b === NU) return NO;
    if ((b === OP || b === OPW || b === HY) && nuFollows(text, next)) return NO;
  }
  if ((a === OP || a === OPW || a === HY) && b === NU) return NO;
  if (num === 1 && (b === NU || b === SY || b === IS || b === CL || b === CP)) return NO;
  if (num !== 0 && (b === PO || b === PR)) return NO;
  // LB26, LB27
  if (a === JL && (b === JL || b === JV || b === H2 || b === H3)) return NO;
  if ((a === JV || a === H2) && (b === JV || b === JT)) return NO;
  if ((a === JT || a === H3) && b === JT) return NO;
  const aHangul = a === JL || a === JV || a === JT || a === H2 || a === H3;
  const bHangul = b === JL || b === JV || b === JT || b === H2 || b === H3;
  if (aHangul && b === PO) return NO;
  if (a === PR && bHangul) return NO;
  // LB28, LB29, LB30
  if (aAlpha && bAlpha) return NO;
  if (a === IS && bAlpha) return NO;
  if ((aAlpha || a === NU) && b === OP) return NO;
  if (a === CP && (bAlpha || b === NU)) return NO;
  // LB30a, LB30b
  if (a === RI && b === RI && (ri & 1) === 1) return NO;
  if (b === EM && (a === EB || a === IDX)) return NO;
  // LB31
  return ALLOWED;
}
