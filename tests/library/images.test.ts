// Images without a disk: the images option (a map of src → bytes, or a resolver), checked as files are.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkIssue, createRenderer, IssueValidationError, renderIssue, type ImageBlock } from '../../src/index.js';
import { makePng } from '../compose/image-bytes.js';
import { smallIssue } from './support.js';

const png = makePng(40, 30);
const figure: ImageBlock = { type: 'image', src: 'figures/chart.png', caption: '图表' };
const issue = smallIssue([{ type: 'paragraph', text: '这是一段测试文字。' }, figure]);

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('the images option', () => {
  it('takes the bytes from a plain object, a Map or a resolver, never from disk', async () => {
    // No baseDir: without the option this image could not be read at all.
    const fromObject = await renderIssue(issue, { images: { 'figures/chart.png': png } });
    const fromMap = await renderIssue(issue, { images: new Map([['figures/chart.png', png]]) });
    const asked: string[] = [];
    const fromResolver = await renderIssue(issue, {
      images: async (src) => {
        asked.push(src);
        await new Promise((r) => setTimeout(r, 1));
        return src === 'figures/chart.png' ? png : undefined;
      },
    });
    expect(Buffer.from(fromObject).toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(1);
    expect(Buffer.from(fromMap).equals(Buffer.from(fromObject))).toBe(true);
    expect(Buffer.from(fromResolver).equals(Buffer.from(fromObject))).toBe(true);
    expect(asked).toEqual(['figures/chart.png']);
  });

  it('gives the same PDF as the same image read from a file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-images-'));
    const file = path.join(dir, 'figures');
    await import('node:fs').then((fs) => fs.mkdirSync(file));
    writeFileSync(path.join(file, 'chart.png'), png);
    const fromDisk = await renderIssue(issue, { baseDir: dir });
    const fromMemory = await renderIssue(issue, { images: { 'figures/chart.png': png } });
    expect(Buffer.from(fromMemory).equals(Buffer.from(fromDisk))).toBe(true);
  });

  it('reports a src not given at its block', async () => {
    const err = await rejection(renderIssue(issue, { images: {} }));
    expect(err).toBeInstanceOf(IssueValidationError);
    expect((err as IssueValidationError).errors).toEqual([
      expect.objectContaining({ pointer: '/articles/0/body/1', message: expect.stringContaining('"figures/chart.png" was not given') }),
    ]);
    const viaResolver = await rejection(checkIssue(issue, { images: () => undefined }));
    expect((viaResolver as IssueValidationError).errors[0]?.pointer).toBe('/articles/0/body/1');
    // An inherited key is not an image.
    const proto = await rejection(renderIssue(smallIssue([{ type: 'image', src: 'constructor' }]), { images: {} }));
    expect((proto as IssueValidationError).errors[0]?.message).toContain('was not given');
  });

  it('checks the bytes exactly as a file: decoding, the size and pixel limits', async () => {
    const corrupt = png.slice(0, png.length - 20);
    const bad = await rejection(renderIssue(issue, { images: { 'figures/chart.png': corrupt } }));
    expect((bad as IssueValidationError).errors[0]).toMatchObject({ pointer: '/articles/0/body/1', message: expect.stringContaining('image "figures/chart.png"') });
    const big = await rejection(renderIssue(issue, { images: { 'figures/chart.png': png }, maxImageBytes: 10 }));
    expect((big as IssueValidationError).errors[0]?.message).toMatch(/over the limit/);
    const many = await rejection(renderIssue(issue, { images: { 'figures/chart.png': png }, maxImagePixels: 100 }));
    expect((many as IssueValidationError).errors[0]?.pointer).toBe('/articles/0/body/1');
  });

  it('refuses bytes that are not a Uint8Array with a TypeError', async () => {
    const err = await rejection(renderIssue(issue, { images: { 'figures/chart.png': 'not bytes' as unknown as Uint8Array } }));
    expect(err).toBeInstanceOf(TypeError);
  });
});

describe('the images option through createRenderer', () => {
  const renderer = createRenderer({ workers: 1 });
  afterAll(() => renderer.close());

  it('carries a map of bytes to the worker: the same PDF as renderIssue', async () => {
    const direct = await renderIssue(issue, { images: { 'figures/chart.png': png } });
    const pooled = await renderer.render(issue, { images: new Map([['figures/chart.png', png]]) });
    expect(Buffer.from(pooled).equals(Buffer.from(direct))).toBe(true);
    const missing = await rejection(renderer.check(issue, { images: {} }));
    expect(missing).toBeInstanceOf(IssueValidationError);
    expect((missing as IssueValidationError).errors[0]?.pointer).toBe('/articles/0/body/1');
  });

  it('refuses a resolver function with a TypeError that says why', async () => {
    const err = await rejection(renderer.render(issue, { images: () => png }));
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toMatch(/cannot cross to a worker thread.*Map/);
  });
});
