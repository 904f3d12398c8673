// Golden regression: every fixture goes through the whole pipeline (validate → compose →
// break → paginate → render) and must give exactly the bytes of tests/golden/<fixture>.pdf.
// On a difference both PDFs are rasterised and old/new/diff PNGs of the changed pages are
// written under tests/output/golden/<fixture>/ (git-ignored). A change on purpose:
// `npm run golden:update`, then look at the PDFs before committing them.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderIssue } from '../../src/index.js';
import { comparePdfs, describeComparison } from './raster.js';

const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const goldenDir = fileURLToPath(new URL('./', import.meta.url));
const outputRoot = fileURLToPath(new URL('../output/golden/', import.meta.url));

const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => f.replace(/\.json$/, ''));

describe('golden PDFs', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s renders to the committed golden bytes', async (name) => {
    const golden = path.join(goldenDir, `${name}.pdf`);
    const issue: unknown = JSON.parse(readFileSync(path.join(fixturesDir, `${name}.json`), 'utf8'));
    const actual = await renderIssue(issue, { baseDir: fixturesDir });
    if (!existsSync(golden)) expect.fail(`golden missing: tests/golden/${name}.pdf — run npm run golden:update`);
    const expected = new Uint8Array(readFileSync(golden));
    if (Buffer.compare(Buffer.from(expected), Buffer.from(actual)) === 0) return;
    const outDir = path.join(outputRoot, name);
    rmSync(outDir, { recursive: true, force: true });
    const comparison = await comparePdfs(expected, actual, outDir);
    expect.fail(`${describeComparison(name, comparison, path.relative(process.cwd(), outDir))}. If the change is intended: npm run golden:update`);
  });
});
