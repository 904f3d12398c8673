// `check` means `build`: on every fixture, every invalid fixture and the hostile cases the
// deep check (checkFile / bulletin check) and the build give the same verdict, and a build
// that the check passed writes a PDF.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFile, checkFile, IssueValidationError } from '../../src/index.js';
import { validateIssue } from '../../src/document/index.js';
import { makePng } from '../compose/image-bytes.js';
import { sampleIssue } from '../compose/sample.js';

const root = path.resolve(import.meta.dirname, '../..');
const valid = readdirSync(path.join(root, 'fixtures')).filter((f) => f.endsWith('.json')).map((f) => path.join(root, 'fixtures', f));
const invalid = readdirSync(path.join(root, 'fixtures/invalid')).filter((f) => f.endsWith('.json')).map((f) => path.join(root, 'fixtures/invalid', f));

async function verdict(run: () => Promise<unknown>): Promise<'ok' | string[]> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    if (e instanceof IssueValidationError) return e.errors.filter((x) => x.severity === 'error').map((x) => `${x.source}:${x.pointer}:${x.line}:${x.column}`);
    throw e;
  }
}

async function agree(input: string): Promise<'ok' | string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-cib-'));
  const checked = await verdict(() => checkFile(input));
  const out = path.join(dir, 'out.pdf');
  const built = await verdict(() => buildFile(input, out));
  expect(built).toEqual(checked);
  expect(existsSync(out)).toBe(checked === 'ok');
  return checked;
}

/** A folder with an issue whose one body block is `block` (and any files it needs). */
function issueWith(block: object, files: Record<string, Uint8Array | string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-cib-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  const issue = sampleIssue();
  issue.articles[0]!.body.push(block as never);
  const file = path.join(dir, 'issue.json');
  writeFileSync(file, JSON.stringify(issue, null, 2));
  return file;
}

describe('check and build agree', () => {
  it.each(valid.map((f) => path.relative(root, f)))('%s: both pass', async (name) => {
    expect(await agree(path.join(root, name))).toBe('ok');
  });

  it.each(invalid.map((f) => path.relative(root, f)))('%s: both fail with the same errors', async (name) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-cib-'));
    const copy = path.join(dir, path.basename(name));
    copyFileSync(path.join(root, name), copy);
    expect(await agree(copy)).not.toBe('ok');
  });

  // What the schema alone accepts but a build cannot do: the check must find it, as build does.
  it.each([
    ['a missing image', { type: 'image', src: 'images/none.png' }, {}],
    ['a corrupt PNG', { type: 'image', src: 'bad.png' }, { 'bad.png': makePng(4, 4).subarray(0, 40) }],
    ['a character no bundled font has (U+20BB7)', { type: 'paragraph', text: '吉野家的𠮷字' }, {}],
    ['an emoji', { type: 'paragraph', text: '表情😀' }, {}],
  ])('%s: validateIssue says ok, check and build both refuse it at the block', async (_what, block, files) => {
    const file = issueWith(block, files as Record<string, Uint8Array>);
    const issue = sampleIssue();
    issue.articles[0]!.body.push(block as never);
    expect(validateIssue(issue).ok).toBe(true);
    const v = await agree(file);
    expect(v).not.toBe('ok');
    expect((v as string[]).every((e) => e.startsWith('issue:/articles/0/body/1'))).toBe(true);
  });

  it('invalid UTF-8 in the file: both refuse it at its line and column', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-cib-'));
    const file = path.join(dir, 'bad.json');
    const text = Buffer.from(JSON.stringify(sampleIssue(), null, 2));
    const at = text.indexOf('正文');
    writeFileSync(file, Buffer.concat([text.subarray(0, at), Buffer.from([0xc3, 0x28]), text.subarray(at)]));
    const v = await agree(file);
    expect(v).not.toBe('ok');
    expect((v as string[])[0]).toMatch(/^issue::\d+:\d+$/);
  });
});
