// Page images through the public API: renderPngs(input, { pages, ppi, ...RenderOptions }).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { renderPngs } from '../../src/index.js';
import { root } from './support.js';

const issue663: unknown = JSON.parse(readFileSync(path.join(root, 'fixtures/bulletin-663.json'), 'utf8'));

describe('renderPngs', () => {
  it('draws page 2 of bulletin-663 at 72 ppi as one A4-sized PNG (595×842 px)', async () => {
    const pngs = await renderPngs(issue663, { pages: [2], ppi: 72 });
    expect(pngs).toHaveLength(1);
    const [page] = pngs;
    expect(page).toMatchObject({ page: 2, width: 595, height: 842 });
    const png = Buffer.from(page!.png);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(595);
    expect(png.readUInt32BE(20)).toBe(842);
  });

  it('says which pages do not exist', async () => {
    await expect(renderPngs(issue663, { pages: [99], ppi: 72 })).rejects.toThrow(/no page 99/);
  });
});

describe('the public exports', () => {
  it('hold the functions and error classes a service needs', () => {
    for (const name of ['validateIssue', 'validateIssueText', 'renderIssue', 'renderIssueText', 'renderPngs', 'checkIssue', 'layoutIssue', 'buildFile', 'createRenderer']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
    for (const name of ['IssueValidationError', 'OutputError', 'QueueFullError', 'RendererClosedError', 'WorkerExitError']) {
      expect((api as Record<string, unknown>)[name], name).toBeTypeOf('function');
    }
  });
});
