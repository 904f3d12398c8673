// Writes the code points kept in the masthead and heading subsets: the base blocks
// (ASCII, Latin-1, punctuation, symbols, CJK punctuation, full-width forms) plus every
// character of GB2312, found by decoding each of its byte pairs. One hex code point a line,
// the format of hb-subset's --unicodes-file. Run: node fonts/codepoints.mjs > fonts/gb2312-base.txt
const ranges = [
  [0x0020, 0x007e], [0x00a0, 0x00ff], [0x2000, 0x206f], [0x2100, 0x218f], [0x2190, 0x21ff],
  [0x2200, 0x22ff], [0x2460, 0x24ff], [0x2500, 0x257f], [0x25a0, 0x25ff], [0x2600, 0x26ff],
  [0x3000, 0x303f], [0x3200, 0x32ff], [0xfe30, 0xfe4f], [0xff00, 0xffef],
];
const set = new Set();
for (const [a, b] of ranges) for (let c = a; c <= b; c++) set.add(c);
const gb = new TextDecoder('gb18030', { fatal: true });
for (let hi = 0xa1; hi <= 0xf7; hi++) {
  for (let lo = 0xa1; lo <= 0xfe; lo++) {
    let s;
    try { s = gb.decode(new Uint8Array([hi, lo])); } catch { continue; }
    const cp = s.codePointAt(0);
    if (cp !== undefined && cp !== 0xfffd && cp >= 0x80 && !(cp >= 0xe000 && cp <= 0xf8ff)) set.add(cp);
  }
}
process.stdout.write([...set].sort((x, y) => x - y).map((c) => c.toString(16).toUpperCase().padStart(4, '0')).join('\n') + '\n');
