// How the bulletin writes numbers and dates (typography.md, Masthead).

const DIGITS = '〇一二三四五六七八九';

/** Digit by digit, 0 as 〇: 666 → 六六六, 1070 → 一〇七〇 (an issue number, not a quantity). */
export function chineseDigits(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => DIGITS[Number(d)] ?? d);
}

/** （第六六六） */
export function issueNumberLabel(n: number): string {
  return `（第${chineseDigits(n)}）`;
}

/** 2026-03-27 → 2026年03月27日, zero-padded as the published issues print it. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${m[2]}月${m[3]}日`;
}
