// npm run golden:update — rewrite tests/golden/<fixture>.pdf for every fixtures/*.json with
// the built package (dist/, rebuilt by the npm script first). Only for intended changes:
// open the new PDFs (or the PNGs a failing golden test wrote) before committing them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderIssue } from '../../dist/index.js';

const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const goldenDir = fileURLToPath(new URL('./', import.meta.url));

const names = readdirSync(fixturesDir).filter((f) => f.endsWith('.json')).sort();
if (names.length === 0) {
  console.error('golden:update: no fixtures/*.json');
  process.exit(1);
}
for (const file of names) {
  const name = file.replace(/\.json$/, '');
  const issue = JSON.parse(readFileSync(path.join(fixturesDir, file), 'utf8'));
  const pdf = await renderIssue(issue, { baseDir: fixturesDir });
  const target = path.join(goldenDir, `${name}.pdf`);
  let before = null;
  try {
    before = readFileSync(target);
  } catch {
    // first golden for this fixture
  }
  writeFileSync(target, pdf);
  const state = before === null ? 'new' : Buffer.compare(before, Buffer.from(pdf)) === 0 ? 'unchanged' : 'changed';
  console.log(`${path.relative(process.cwd(), target)}: ${pdf.byteLength} bytes, ${state}`);
}
