// Prints the spacing measurements of tests/typography/spacing.test.ts for fixtures:
//   npx tsx tests/typography/report.ts bulletin-mixed bulletin-663   (V=1: every line past a limit)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderIssue } from '../../src/index.js';
import { cjkFormsInLatin, LETTER_TOLERANCE, lineGaps, measureLines, report } from './gaps.js';

const root = path.resolve(import.meta.dirname, '../..');
for (const name of process.argv.slice(2)) {
  const issue: unknown = JSON.parse(readFileSync(path.join(root, 'fixtures', `${name}.json`), 'utf8'));
  const lines = await measureLines(await renderIssue(issue, { baseDir: path.join(root, 'fixtures') }));
  const r = report(lines);
  console.log(name, JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * 1000) / 1000]))));
  if (!process.env['V']) continue;
  for (const l of lines) {
    const bad = lineGaps(l).filter((g) => (g.kind === 'han' && g.em > 0.252) || (g.kind === 'hanLatin' && g.em > 0.402) || (g.kind === 'word' && g.em > 0.602) || (g.kind === 'letter' && g.em > LETTER_TOLERANCE));
    const forms = cjkFormsInLatin(l);
    if (bad.length === 0 && forms.length === 0) continue;
    console.log(' ', `p${l.page}`, l.text.slice(0, 50), [...new Set(bad.map((g) => `${g.kind}:${g.em.toFixed(2)}`))].slice(0, 6).join(' '), forms.length ? `forms ${forms.length}` : '');
  }
}
