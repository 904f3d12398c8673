// Fallback faces: the caller's fonts for characters the bundled faces lack (𠮷 U+20BB7, common
// in names), through the API (paths or bytes) and a theme file (confined to its folder).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIssue, createRenderer, IssueValidationError, renderIssue } from '../../src/index.js';
import { loadFontsWith } from '../../src/text/fonts.js';
import { embeddedFonts, loadWithPdfjs, pageChars } from '../render/pdf.js';
import { root, smallIssue } from './support.js';

const facePath = path.join(root, 'tests/fixtures-fonts/HanaMinB-subset.ttf');
const faceBytes = new Uint8Array(readFileSync(facePath));
const RARE = '\u{20BB7}';
const issue = smallIssue([{ type: 'paragraph', text: `吉田与${RARE}野家的${RARE}字。` }]);

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

async function allText(pdf: Uint8Array): Promise<string> {
  const loaded = await loadWithPdfjs(pdf);
  return loaded.pages.map(pageChars).join('');
}

describe('fallback fonts', () => {
  it('without one, the error names the character and its block', async () => {
    const err = await rejection(renderIssue(issue));
    expect(err).toBeInstanceOf(IssueValidationError);
    const [first] = (err as IssueValidationError).errors;
    expect(first?.pointer).toBe('/articles/0/body/0/text');
    expect(first?.message).toContain('U+20BB7');
  });

  it('sets U+20BB7 from a TrueType fallback face given by path: embedded, and pdf.js reads it back (ToUnicode)', async () => {
    const pdf = await renderIssue(issue, { fallbackFonts: [facePath] });
    expect(await allText(pdf)).toContain(`吉田与${RARE}野家的${RARE}字。`);
    const fonts = await embeddedFonts(pdf);
    const fallback = fonts.find((f) => f.baseFont.includes('HanaMinB'));
    expect(fallback).toBeDefined();
    expect(fallback?.hasToUnicode).toBe(true);
    expect(fallback?.fontFile2Bytes).toBeGreaterThan(0);
    const loaded = await loadWithPdfjs(pdf);
    expect(loaded.messages).toEqual([]);
  });

  it('gives the same PDF from bytes as from the path; the face is opened once, by content', async () => {
    const fromPath = await renderIssue(issue, { fallbackFonts: [facePath] });
    const fromBytes = await renderIssue(issue, { fallbackFonts: [faceBytes] });
    expect(Buffer.from(fromBytes).equals(Buffer.from(fromPath))).toBe(true);
    const a = loadFontsWith([facePath]);
    const b = loadFontsWith([faceBytes.slice()]);
    expect(b).toBe(a);
    expect(a.fallback).toHaveLength(1);
    expect(a.faces.get(a.fallback![0]!)).toBe(b.faces.get(b.fallback![0]!));
  });

  it('leaves text the bundled faces can set alone (the fallback only fills gaps)', async () => {
    const plain = smallIssue();
    const without = await renderIssue(plain);
    const withFallback = await renderIssue(plain, { fallbackFonts: [facePath] });
    expect(Buffer.from(withFallback).equals(Buffer.from(without))).toBe(true);
    expect((await checkIssue(issue, { fallbackFonts: [faceBytes] })).pages).toBe(1);
  });

  it('takes fonts.fallback from a theme file, relative to its folder and confined to it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-fallback-'));
    copyFileSync(facePath, path.join(dir, 'rare.ttf'));
    const themeFile = path.join(dir, 'theme.json');
    writeFileSync(themeFile, JSON.stringify({ fonts: { fallback: ['rare.ttf'] } }));
    const pdf = await renderIssue(issue, { themeFile });
    expect(await allText(pdf)).toContain(RARE);

    const outside = path.join(dir, 'outside.json');
    writeFileSync(outside, JSON.stringify({ fonts: { fallback: ['../rare.ttf'] } }, null, 2));
    const err = await rejection(renderIssue(issue, { themeFile: outside }));
    expect(err).toBeInstanceOf(IssueValidationError);
    expect((err as IssueValidationError).errors[0]).toMatchObject({ pointer: '/fonts/fallback/0', source: 'theme', line: 4, message: expect.stringContaining('outside') });
  });

  it('works through createRenderer with the face as bytes', async () => {
    const renderer = createRenderer({ workers: 1 });
    try {
      const pdf = await renderer.render(issue, { fallbackFonts: [faceBytes] });
      expect(Buffer.from(pdf).equals(Buffer.from(await renderIssue(issue, { fallbackFonts: [facePath] })))).toBe(true);
    } finally {
      await renderer.close();
    }
  });

  it('refuses what is not a font, naming it', async () => {
    await expect(renderIssue(issue, { fallbackFonts: [new Uint8Array([1, 2, 3, 4])] })).rejects.toThrow(/fallback font 1 .*not a TrueType or OpenType font/);
    await expect(renderIssue(issue, { fallbackFonts: [path.join(root, 'no-such.ttf')] })).rejects.toThrow(/fallback font 1 .*cannot be read \(ENOENT\)/);
  });
});
