// Spacing measured in the PDF, as a reader sees it (typography.md "Punctuation width and
// compression", "Mixed Chinese and Latin", "Justification"): every fixture goes through the
// whole pipeline, and the gaps between the glyphs it draws are measured from the content
// stream (tests/typography/measure.ts). `npx tsx tests/typography/report.ts <fixture>…`
// prints the same measurements.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderIssue } from '../../src/index.js';
import { cjkFormsInLatin, LETTER_TOLERANCE, lineGaps, measureLines, type Gap, type MeasuredLine } from './gaps.js';

const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith('.json')).sort().map((f) => f.replace(/\.json$/, ''));

/** Rounding of positions in the content stream. */
const EPS = 0.002;

const describeGap = (g: Gap): string => `p${g.line.page} “${g.line.text.slice(0, 50)}” ${g.kind} ${g.em.toFixed(3)} em after “${g.line.glyphs[g.at]!.text}”`;

describe.each(fixtures)('%s: spacing in the PDF', (name) => {
  let lines: MeasuredLine[] = [];
  let gaps: Gap[] = [];
  beforeAll(async () => {
    const issue: unknown = JSON.parse(readFileSync(path.join(fixturesDir, `${name}.json`), 'utf8'));
    lines = await measureLines(await renderIssue(issue, { baseDir: fixturesDir }));
    gaps = lines.flatMap(lineGaps);
  });

  it('has text to measure', () => {
    expect(lines.length).toBeGreaterThan(20);
    expect(gaps.filter((g) => g.kind === 'han').length).toBeGreaterThan(100);
  });

  it('never letter-spaces a Latin word, URL or number', () => {
    expect(gaps.filter((g) => g.kind === 'letter' && g.em > LETTER_TOLERANCE).map(describeGap)).toEqual([]);
  });

  it('opens no gap between Han characters past 0.25 em', () => {
    expect(gaps.filter((g) => g.kind === 'han' && g.em > 0.25 + EPS).map(describeGap)).toEqual([]);
  });

  it('opens no Han–Latin or Han–digit gap past 0.4 em', () => {
    expect(gaps.filter((g) => g.kind === 'hanLatin' && g.em > 0.4 + EPS).map(describeGap)).toEqual([]);
  });

  it('keeps the Han–Latin gap at the quarter em on lines that need no stretch, author space or not', () => {
    // At least a quarter em everywhere (minus what a line may shrink: half of it).
    expect(gaps.filter((g) => g.kind === 'hanLatin' && g.em < 0.125 - EPS).map(describeGap)).toEqual([]);
  });

  it('opens no word space past 0.6 em (hyphenation gives the breaker the points it needs)', () => {
    expect(gaps.filter((g) => g.kind === 'word' && g.em > 0.6 + EPS).map(describeGap)).toEqual([]);
  });

  it('draws no full-width CJK quote, apostrophe, dash or ellipsis between Latin text', () => {
    expect(lines.flatMap(cjkFormsInLatin)).toEqual([]);
  });
});
