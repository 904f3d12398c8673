// The bundled build (scripts/bundle.mjs): each entry of dist/ is one file, and it must do what
// the per-module build does: the same PDF bytes, the workers where their sources look for them,
// and nothing of what a build never uses (pdfkit's AES).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/build-dist.js';
// @ts-expect-error: a plain .mjs script without types
import { workerEntries } from '../../scripts/bundle.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = path.join(root, 'dist');

describe('the bundled dist/', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('has every worker a source starts, at the path the source builds', () => {
    const workers = (workerEntries() as string[]).map((f) => path.relative(path.join(root, 'src'), f).replace(/\.ts$/, '.js'));
    expect(workers).toContain(path.join('cli', 'build-worker.js'));
    for (const w of workers) expect(existsSync(path.join(dist, w)), w).toBe(true);
  });

  it('imports no other module of dist/ (one file per entry) and no PDF encryption', () => {
    for (const entry of ['index.js', 'cli.js', path.join('cli', 'build-worker.js')]) {
      const text = readFileSync(path.join(dist, entry), 'utf8');
      expect(text).not.toMatch(/from\s+["']\.\.?\//);
      expect(text).not.toContain('node_modules/@noble/ciphers');
    }
  });

  it('renders the golden bytes of every fixture from dist/index.js', async () => {
    const mod = (await import(pathToFileURL(path.join(dist, 'index.js')).href)) as { renderIssue: (i: unknown, o: object) => Promise<Uint8Array> };
    const fixtures = path.join(root, 'fixtures');
    for (const f of readdirSync(fixtures).filter((x) => x.endsWith('.json'))) {
      const issue: unknown = JSON.parse(readFileSync(path.join(fixtures, f), 'utf8'));
      const pdf = await mod.renderIssue(issue, { baseDir: fixtures });
      const golden = readFileSync(path.join(root, 'tests', 'golden', f.replace(/\.json$/, '.pdf')));
      expect(Buffer.compare(Buffer.from(pdf), golden), f).toBe(0);
    }
  }, 120_000);
});
