// Whatever ran before in this process (files share a worker), once a document has been
// rendered, the next ones read no file at all: fonts and pdfkit's ICC profile stay loaded.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPages } from '../../src/render/index.js';
import { loadFonts } from '../../src/text/fonts.js';
import { sampleModel } from './sample.js';
import { readByName } from '../support/read-by-name.js';

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
    await renderPages(sampleModel(), fonts, { version: '1', pdfa: true, tagged: true });
    const reads = vi.spyOn(fs, 'readFileSync');
    syncBuiltinESMExports();
    // Positive control: the spy sees a read made through a named import of node:fs.
    readByName(import.meta.filename);
    expect(reads.mock.calls.map((c) => String(c[0]))).toEqual([import.meta.filename]);
    reads.mockClear();
    const second = sampleModel();
    second.info.title = '另一期';
    await renderPages(second, loadFonts(), { version: '1', pdfa: true, tagged: true });
    await renderPages(second, loadFonts(), { version: '1' });
    expect(reads).not.toHaveBeenCalled();
    expect(loadFonts()).toBe(fonts);
  });
});
