// The generated modules (ajv standalone validator, precompiled lead template) are committed so
// that sources run as they are; they must be what scripts/generate.mjs makes of today's schema
// and template. On a failure: node scripts/generate.mjs
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { generated } from '../../scripts/generate.mjs';

describe('generated code', () => {
  for (const [file, text] of Object.entries(generated() as Record<string, string>)) {
    it(`${file} is up to date`, () => {
      expect(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')).toBe(text);
    });
  }
});
