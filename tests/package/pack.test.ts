// What `npm install bulletin-press` gets: the tarball holds what runs (dist, fonts, schemas,
// the CommonJS stub) and no build helpers; require() from CommonJS says the package is ESM-only.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/build-dist.js';

const root = path.resolve(import.meta.dirname, '../..');

interface PackResult {
  size: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

describe('the package tarball', () => {
  let files: string[] = [];
  beforeAll(() => {
    ensureBuilt();
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [result] = JSON.parse(out) as PackResult[];
    files = result!.files.map((f) => f.path);
  });

  it('holds the built code, the declarations, the fonts and their licences, the schemas', () => {
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'dist/compose/templates/lead.hbs', 'cjs/index.cjs', 'schemas/bulletin.schema.json', 'schemas/theme.schema.json', 'package.json', 'LICENSE', 'README.md']) {
      expect(files, f).toContain(f);
    }
    const fonts = files.filter((f) => f.startsWith('fonts/'));
    expect(fonts.filter((f) => f.endsWith('.ttf')).sort()).toEqual([
      'fonts/NotoSansSC-Bold.gb2312.ttf',
      'fonts/NotoSerifSC-Black.gb2312.ttf',
      'fonts/NotoSerifSC-Bold.ttf',
      'fonts/NotoSerifSC-Regular.ttf',
    ]);
    expect(fonts).toContain('fonts/OFL-NotoSerifSC.txt');
    expect(fonts).toContain('fonts/OFL-NotoSansSC.txt');
  });

  it('holds no build helpers, tests, sources or test-only fonts', () => {
    expect(files).not.toContain('fonts/codepoints.mjs');
    expect(files).not.toContain('fonts/gb2312-base.txt');
    expect(files.filter((f) => /^(src|tests|bench|examples|fixtures|templates)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.mjs') && !f.startsWith('dist/'))).toEqual([]);
    expect(files.filter((f) => /tsconfig|vitest/.test(f))).toEqual([]);
  });

  it('exports the issue schema and the theme schema, and an ESM-only require stub', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; engines: { node: string } };
    expect(pkg.exports['./schema']).toBe('./schemas/bulletin.schema.json');
    expect(pkg.exports['./theme-schema']).toBe('./schemas/theme.schema.json');
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js', require: './cjs/index.cjs' });
    expect(pkg.engines.node).toBe('>=20');
  });
});

describe('require() from CommonJS', () => {
  it('throws an error saying the package is ESM-only and to use import()', () => {
    // As a CommonJS file inside a project that installed the package would: by its name.
    const requireHere = createRequire(path.join(root, 'package.json'));
    expect(() => requireHere('bulletin-press')).toThrow(/ESM-only.*await import\('bulletin-press'\)/);
  });

  it('still resolves the schemas by their export names', () => {
    const requireHere = createRequire(path.join(root, 'package.json'));
    expect(requireHere.resolve('bulletin-press/theme-schema')).toBe(path.join(root, 'schemas/theme.schema.json'));
    expect(requireHere.resolve('bulletin-press/schema')).toBe(path.join(root, 'schemas/bulletin.schema.json'));
  });
});
