// Its own file (vitest isolates files): the first PDF/A render in this process must be the
// one below, so that the positive control (pdfkit reading its ICC profile) is seen.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPages } from '../../src/render/index.js';
import { loadFonts } from '../../src/text/fonts.js';
import { sampleModel } from './sample.js';

// pdfkit's ESM build (and src/text/fonts.ts) import { readFileSync } from 'fs' by name;
// syncBuiltinESMExports() makes those live bindings follow the spied fs object. A font given
// to pdfkit as a path would be read here; render/ passes the FontSet's parsed fontkit Fonts.
afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

describe('fonts are opened once per process', () => {
  it('a second document reads no file and parses no font', async () => {
    const fonts = loadFonts();
    const reads = vi.spyOn(fs, 'readFileSync');
    syncBuiltinESMExports();
    await renderPages(sampleModel(), fonts, { version: '1', pdfa: true, tagged: true });
    // Positive control: the spy does see pdfkit's reads (its sRGB profile, once per process).
    expect(reads.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/sRGB/i)]);
    reads.mockClear();
    const second = sampleModel();
    second.info.title = '另一期';
    await renderPages(second, loadFonts(), { version: '1', pdfa: true, tagged: true });
    await renderPages(second, loadFonts(), { version: '1' });
    expect(reads).not.toHaveBeenCalled();
    expect(loadFonts()).toBe(fonts);
  });
});
