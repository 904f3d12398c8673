import { existsSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderPages } from '../../src/render/index.js';
import { a4, fonts, lineItem, model } from '../render/helpers.js';
import { comparePdfs, describeComparison, rasterize } from './raster.js';

const outDir = fileURLToPath(new URL('../output/golden/raster-test/', import.meta.url));

async function twoPages(secondPageText: string): Promise<Uint8Array> {
  const page = (text: string, n: number) => a4([lineItem([{ text, size: 24 }], 60, 120, { type: 'P', id: `p${n}` })], n);
  return renderPages(model([page('第一页不变的文字', 1), page(secondPageText, 2)]), fonts, { version: '1' });
}

describe('golden rasteriser', () => {
  it('rasterises pages with the glyphs drawn (not blank)', async () => {
    const [first] = await rasterize(await twoPages('第二页'));
    expect(first?.width).toBe(Math.ceil((595.28 * 60) / 72));
    let dark = 0;
    for (let i = 0; i < (first?.data.length ?? 0); i += 4) if ((first?.data[i] ?? 255) < 128) dark++;
    expect(dark).toBeGreaterThan(200);
  });

  it('finds no change between identical renders and names the changed page otherwise', async () => {
    rmSync(outDir, { recursive: true, force: true });
    const a = await twoPages('第二页原来的文字');
    const same = await comparePdfs(a, await twoPages('第二页原来的文字'), outDir);
    expect(same.changed).toEqual([]);
    expect(existsSync(outDir)).toBe(false);

    const changed = await comparePdfs(a, await twoPages('第二页改过的文字'), outDir);
    expect(changed.changed.map((c) => c.page)).toEqual([2]);
    expect(changed.changed[0]!.pixels).toBeGreaterThan(20);
    expect(readdirSync(outDir).sort()).toEqual(['page-02-diff.png', 'page-02-new.png', 'page-02-old.png']);
    expect(describeComparison('x', changed, outDir)).toMatch(/pages changed: 2 \(/);
  });

  it('says so when the bytes differ but no page looks different', async () => {
    const page = a4([lineItem([{ text: '同样的页面' }], 60, 100, { type: 'P', id: 'p' })]);
    const [a, b] = [await renderPages(model([page]), fonts, { version: '1' }), await renderPages(model([page]), fonts, { version: '2' })];
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).not.toBe(0);
    const c = await comparePdfs(a, b, `${outDir}/same`);
    expect(c.changed).toEqual([]);
    expect(describeComparison('x', c, outDir)).toMatch(/bytes differ but no page looks different/);
  });

  it('reports pages that exist in one file only', async () => {
    const one = await renderPages(model([a4([lineItem([{ text: '只有一页' }], 60, 100, { type: 'P', id: 'p' })])]), fonts, { version: '1' });
    const c = await comparePdfs(one, await twoPages('第二页'), `${outDir}/pages`);
    expect(c.oldPages).toBe(1);
    expect(c.newPages).toBe(2);
    expect(c.changed.map((d) => d.page)).toEqual([1, 2]);
    expect(describeComparison('x', c, outDir)).toContain('1 → 2 pages');
  });
});
