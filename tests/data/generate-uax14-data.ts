// Writes src/text/uax14-data.ts, the Line_Break class table used by src/text/uax14.ts.
//
//   npx tsx tests/data/generate-uax14-data.ts tests/data/LineBreak.txt > src/text/uax14-data.ts
//
// LineBreak.txt alone does not carry everything the 15.0 rules need, so the table also
// records, as extra codes that still report their own class name:
// - SA_CM: SA characters with General_Category Mn or Mc (LB1 resolves them to CM, others to AL);
//   the category is read from the comment column of LineBreak.txt.
// - OP_EA: OP characters whose East_Asian_Width is F, W or H (LB30 excludes them). The file has
//   no width column, so they are listed below (EastAsianWidth-15.0.0.txt; no CP character is wide).
// - ID_EPCN: unassigned (Cn) code points that are Extended_Pictographic (LB30b). In 15.0 these are
//   exactly the reserved ID entries inside U+1F000..1FAFF and U+1FC00..1FFFD (emoji-data.txt).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CODE_NAMES = [
  'XX', 'AI', 'AL', 'B2', 'BA', 'BB', 'BK', 'CB', 'CJ', 'CL', 'CM', 'CP', 'CR', 'EB', 'EM', 'EX',
  'GL', 'H2', 'H3', 'HL', 'HY', 'ID', 'IN', 'IS', 'JL', 'JT', 'JV', 'LF', 'NL', 'NS', 'NU', 'OP',
  'PO', 'PR', 'QU', 'RI', 'SA', 'SG', 'SP', 'SY', 'WJ', 'ZW', 'ZWJ',
  'SA_CM', 'OP_EA', 'ID_EPCN',
] as const;

const WIDE_OP = new Set([
  0x2329, 0x3008, 0x300a, 0x300c, 0x300e, 0x3010, 0x3014, 0x3016, 0x3018, 0x301a, 0x301d, 0xfe17,
  0xfe35, 0xfe37, 0xfe39, 0xfe3b, 0xfe3d, 0xfe3f, 0xfe41, 0xfe43, 0xfe47, 0xfe59, 0xfe5b, 0xfe5d,
  0xff08, 0xff3b, 0xff5b, 0xff5f, 0xff62,
]);

function isExtPictReserved(cp: number): boolean {
  return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x1fc00 && cp <= 0x1fffd);
}

/** Internal code per code point (0 = XX for anything the file does not list). */
export function buildCodes(lineBreakTxt: string): Uint8Array {
  const codes = new Uint8Array(0x110000);
  const index = new Map<string, number>(CODE_NAMES.map((n, i) => [n, i]));
  for (const raw of lineBreakTxt.split('\n')) {
    const m = /^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*(\w+)\s*#\s*(\S+)/.exec(raw);
    if (!m) continue;
    const first = parseInt(m[1]!, 16);
    const last = m[2] ? parseInt(m[2], 16) : first;
    const cls = m[3]!;
    const gc = m[4]!;
    for (let cp = first; cp <= last; cp++) {
      let name: string = cls;
      if (cls === 'SA' && (gc === 'Mn' || gc === 'Mc')) name = 'SA_CM';
      else if (cls === 'OP' && WIDE_OP.has(cp)) name = 'OP_EA';
      else if (cls === 'ID' && gc === 'Cn' && isExtPictReserved(cp)) name = 'ID_EPCN';
      const code = index.get(name);
      if (code === undefined) throw new Error(`unknown Line_Break class ${cls} at ${raw}`);
      codes[cp] = code;
    }
  }
  return codes;
}

/** The TypeScript module text: range starts (base-36 deltas) and one code character per range. */
export function renderModule(codes: Uint8Array): string {
  const deltas: string[] = [];
  let codeChars = '';
  let prevStart = 0;
  for (let cp = 0; cp < codes.length; cp++) {
    if (cp > 0 && codes[cp] === codes[cp - 1]) continue;
    deltas.push((cp - prevStart).toString(36));
    codeChars += String.fromCharCode(0x30 + codes[cp]!);
    prevStart = cp;
  }
  return [
    '// GENERATED from LineBreak-15.0.0.txt — do not edit. Regenerate with:',
    '//   npx tsx tests/data/generate-uax14-data.ts tests/data/LineBreak.txt > src/text/uax14-data.ts',
    '// Ranges of code points with one internal code each: RANGE_DELTAS holds base-36 distances',
    '// between consecutive range starts (first start 0), RANGE_CODES one character per range',
    '// (char code - 0x30 indexes CODE_NAMES).',
    '',
    `export const CODE_NAMES = ${JSON.stringify(CODE_NAMES)} as const;`,
    '',
    `export const RANGE_COUNT = ${deltas.length};`,
    '',
    `export const RANGE_DELTAS = ${JSON.stringify(deltas.join(','))};`,
    '',
    `export const RANGE_CODES = ${JSON.stringify(codeChars)};`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: generate-uax14-data.ts <LineBreak.txt>');
  process.stdout.write(renderModule(buildCodes(readFileSync(path, 'utf8'))));
}
