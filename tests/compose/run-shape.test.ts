// Every run the composer hands the breaker has one shape: all of StyledRun's fields, in the
// order styledRun (src/text/styled-run.ts) writes them, so the code reading runs stays
// monomorphic. A run made some other way (a spread, a literal with a field left out) fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeIssue } from '../../src/compose/compose.js';
import type { Issue } from '../../src/document/types.js';
import { styledRun } from '../../src/text/styled-run.js';
import { defaultTheme } from '../../src/theme/default.js';

const shape = Object.keys(styledRun('', { faces: [], size: 1, pointer: '' }));

describe('styled runs', () => {
  it('all have every field, in one order', () => {
    for (const name of ['bulletin-663', 'bulletin-mixed']) {
      const issue = JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')) as Issue;
      const { blocks } = composeIssue(issue, defaultTheme);
      let runs = 0;
      for (const b of blocks) {
        if (b.kind !== 'text') continue;
        for (const r of b.runs) {
          expect(Object.keys(r)).toEqual(shape);
          runs++;
        }
      }
      expect(runs).toBeGreaterThan(20);
    }
    expect(shape).toEqual(['text', 'faces', 'size', 'color', 'href', 'pointer', 'keepTogether']);
  });
});
