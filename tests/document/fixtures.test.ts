// fixtures/invalid: one problem per document, each at a known pointer and line:column
// (expected.json, written by make-invalid-fixtures.ts from the text, not from the validator).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateIssueText } from '../../src/document/index.js';
import { formatError } from '../../src/errors.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const invalidDir = path.join(root, 'fixtures/invalid');
type Expected = Record<string, Array<{ pointer: string; line: number; column: number }>>;
const expected = JSON.parse(readFileSync(path.join(import.meta.dirname, 'invalid-expected.json'), 'utf8')) as Expected;
const files = readdirSync(invalidDir).filter((f) => f.endsWith('.json')).sort();

describe('fixtures/invalid', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(files)('%s is rejected exactly where expected.json says', (file) => {
    const r = validateIssueText(readFileSync(path.join(invalidDir, file), 'utf8'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const got = r.errors.map((e) => ({ pointer: e.pointer, line: e.line, column: e.column }));
    // One problem per document: nothing else in it may be wrong.
    expect(got).toEqual(expected[file]);
    for (const e of r.errors) expect(formatError(`fixtures/invalid/${file}`, e)).toMatch(/^fixtures\/invalid\/[^:]+:\d+:\d+: error: \/\S*: \S/);
  });
});

const real = ['bulletin-663.json', 'bulletin-666.json'].map((f) => path.join(root, 'fixtures', f));

describe('the real issues', () => {
  for (const file of real) {
    // Part of the repository: a missing issue fails here rather than skipping.
    it(`${path.basename(file)} validates`, () => {
      if (!existsSync(file)) expect.fail(`fixture missing: ${file}`);
      const r = validateIssueText(readFileSync(file, 'utf8'));
      expect(r.ok ? [] : r.errors.map((e) => formatError(file, e))).toEqual([]);
      for (const w of r.warnings) expect(w.severity).toBe('warning');
    });
  }
});
