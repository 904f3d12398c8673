// Fuzzing the whole pipeline: generated documents with mixed scripts, punctuation, links and
// images (valid, mutated or truncated bytes) either render to a PDF that pdf.js opens without
// complaint, or fail with an IssueValidationError whose every error has a pointer into the
// document — never another exception, never a hang (each case is bounded in time).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssueValidationError, renderIssue } from '../../src/index.js';
import { makePng } from '../compose/image-bytes.js';
import { loadWithPdfjs } from '../render/pdf.js';
import { sampleIssue } from '../compose/sample.js';

const pieces = [
  '医疗', '信息化', '，', '。', '、', '“', '”', '（', '）', '《', '》', '——', '……', '：', '；', '！', '？',
  ' ', 'AI', '5G', '2026', '年', '95%', '12‰', '18℃', 'COVID-19', 'interoperability', 'Women’s', '“quoted,” said',
  ' — ', 'https://example.org/a/b?c=1&d=%E5%8C%BB', 'http://x.cn/', '·', '\n', 'ǅ', 'é', '\u0301', '\u00a0', '𠮷', '😀', '\u200b',
];
const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
const run = fc.record({ text, bold: fc.boolean(), href: fc.option(fc.constantFrom('https://example.org/x', 'https://例子.中国/路径?q=值', 'javascript:alert(1)', 'https://a.b/\u200b'), { nil: undefined }) }, { requiredKeys: ['text'] });

const png = makePng(24, 16);
/** Image bytes: valid, truncated, or with a few bytes changed. */
const image = fc.oneof(
  fc.constant(png),
  fc.integer({ min: 0, max: png.length - 1 }).map((n) => png.subarray(0, n)),
  fc.array(fc.tuple(fc.nat(png.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }).map((edits) => {
    const b = new Uint8Array(png);
    for (const [at, v] of edits) b[at] = v;
    return b;
  }),
);
const block = fc.oneof(
  text.map((t) => ({ type: 'paragraph', text: t })),
  fc.array(run, { minLength: 1, maxLength: 4 }).map((runs) => ({ type: 'paragraph', runs: runs.map((r) => (r.href === undefined ? { text: r.text, bold: r.bold } : r)) })),
  text.map((t) => ({ type: 'heading', text: t.replace(/\n/g, '') || '标题' })),
  fc.tuple(image, fc.option(text, { nil: undefined })).map(([bytes, caption]) => ({ type: 'image', bytes, caption })),
);

describe('the pipeline on generated documents', () => {
  it('renders or refuses with located errors, nothing else', async () => {
    let rendered = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 6 }), fc.option(text, { nil: undefined }), async (blocks, lead) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'bp-fuzz-'));
        const body = blocks.map((b, i) => {
          if (b.type !== 'image') return b;
          const { bytes, caption } = b as { bytes: Uint8Array; caption?: string };
          writeFileSync(path.join(dir, `img-${i}.png`), bytes);
          return caption === undefined ? { type: 'image', src: `img-${i}.png` } : { type: 'image', src: `img-${i}.png`, caption };
        });
        const issue = sampleIssue(lead === undefined ? {} : { lead });
        issue.articles[0]!.body = body as never;
        try {
          const pdf = await renderIssue(issue, { baseDir: dir });
          const loaded = await loadWithPdfjs(pdf);
          expect(loaded.messages).toEqual([]);
          expect(loaded.pages.length).toBeGreaterThan(0);
          rendered++;
        } catch (e) {
          if (!(e instanceof IssueValidationError)) throw e;
          expect(e.errors.length).toBeGreaterThan(0);
          for (const err of e.errors) expect(err.pointer).toMatch(/^\/(articles\/0\/body\/\d+|lead)/);
          refused++;
        }
      }),
      { numRuns: 40, interruptAfterTimeLimit: 90_000, timeout: 20_000 },
    );
    expect(rendered + refused).toBeGreaterThan(0);
  });
});
