// pdfkit and fontkit are pinned, but an upgrade must not pass silently: every private
// internal src/render/pdfkit-internals.ts reaches is probed on a real document and the real
// faces, and the probe itself is shown to name what is missing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_PROBES,
  EMBEDDED_FONT_PROBES,
  FACE_PROBES,
  checkInternals,
  compareNameTreeKeys,
  createDocument,
  currentEmbeddedFont,
  missingInternals,
  nameTreeKeyBytes,
  primeGlyphLocations,
} from '../../src/render/pdfkit-internals.js';
import { registerFaceData } from '../../src/text/face-data.js';
import { bundledFaceFiles, bundledFontDir } from '../../src/text/fonts.js';
import { fonts } from './helpers.js';

const face = fonts.faces.get('NotoSerifSC-Regular')!;

/** `target` seen with `key` reading as `value` (undefined and absent from `in` when hidden). */
function overriding<T extends object>(target: T, key: string, value?: unknown): T {
  const hide = arguments.length < 3;
  return new Proxy(Object.create(target) as T, {
    get: (_t, k) => (k === key ? value : Reflect.get(target, k, target)),
    has: (_t, k) => (k === key ? !hide : Reflect.has(target, k)),
  });
}

function without<T extends object>(target: T, hidden: string): T {
  return overriding(target, hidden);
}

function probeDocument() {
  const doc = createDocument({ autoFirstPage: false, margin: 0, pdfVersion: '1.7', compress: true, font: face, info: {}, lang: 'zh-CN', displayTitle: true, tagged: false });
  doc.addPage({ size: [100, 100], margin: 0 });
  doc.registerFont('probe', face).font('probe');
  return doc;
}

describe('pdfkit and fontkit internals', () => {
  it.each([...fonts.faces.keys()])('%s: every internal the renderer relies on is there', (id) => {
    const missing = checkInternals(fonts.faces.get(id)!);
    expect(missing, `missing pdfkit/fontkit internals (see src/render/pdfkit-internals.ts): ${missing.join(', ')}`).toEqual([]);
  });

  it('names a missing PDFDocument member', () => {
    const doc = probeDocument();
    expect(missingInternals(doc, DOCUMENT_PROBES, 'PDFDocument')).toEqual([]);
    expect(missingInternals(without(doc, '_addInfo'), DOCUMENT_PROBES, 'PDFDocument')).toEqual(['PDFDocument._addInfo']);
    expect(missingInternals(without(doc, '_finalize'), DOCUMENT_PROBES, 'PDFDocument')).toEqual(['PDFDocument._finalize']);
  });

  it('names a missing member deep inside the document (the name tree comparator)', () => {
    const stub = { _root: { data: { Names: { data: { Dests: {} } } } } };
    expect(missingInternals(stub, DOCUMENT_PROBES, 'PDFDocument')).toContain('PDFDocument._root.data.Names.data.Dests._compareKeys');
    expect(missingInternals(stub, DOCUMENT_PROBES, 'PDFDocument')).not.toContain('PDFDocument._root.data.Names.data.Dests');
  });

  it('names a missing EmbeddedFont or TTFSubset member', () => {
    const font = currentEmbeddedFont(probeDocument()) as unknown as Record<string, unknown>;
    expect(missingInternals(font, EMBEDDED_FONT_PROBES, 'EmbeddedFont')).toEqual([]);
    expect(missingInternals(without(font, 'widths'), EMBEDDED_FONT_PROBES, 'EmbeddedFont')).toEqual(['EmbeddedFont.widths']);
    const subset = font.subset as object;
    const noAddGlyph = overriding(font, 'subset', without(subset, '_addGlyph'));
    expect(missingInternals(noAddGlyph, EMBEDDED_FONT_PROBES, 'EmbeddedFont')).toEqual(['EmbeddedFont.subset._addGlyph']);
  });

  it('names a missing fontkit face member', () => {
    expect(missingInternals(face, FACE_PROBES, 'TTFFont')).toEqual([]);
    expect(missingInternals(without(face, '_getTableStream'), FACE_PROBES, 'TTFFont')).toEqual(['TTFFont._getTableStream']);
    expect(missingInternals(without(face, '_variationProcessor'), FACE_PROBES, 'TTFFont')).toEqual(['TTFFont._variationProcessor']);
  });

  it('checkInternals names what a face without _getTableStream lacks', () => {
    const missing = checkInternals(without(face, '_getTableStream'));
    expect(missing).toContain('TTFFont._getTableStream');
    expect(missing.join('\n')).not.toMatch(/^PDFDocument/m);
  });

  it('no other render file reaches an internal (underscore member, cast through unknown)', () => {
    const dir = fileURLToPath(new URL('../../src/render/', import.meta.url));
    const offences: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'pdfkit-internals.ts')) {
      readFileSync(dir + file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (/\.\s*_[A-Za-z]|\[\s*'_[A-Za-z]|as unknown as|from 'pdfkit'|from 'fontkit'/.test(code) && !/^import type/.test(code.trim()))
            offences.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offences).toEqual([]);
  });
});

describe('name-tree key order', () => {
  it('is the order of the bytes pdfkit writes (ASCII as is, otherwise UTF-16BE with a BOM)', () => {
    expect([...nameTreeKeyBytes('a-Z')]).toEqual([0x61, 0x2d, 0x5a]);
    expect([...nameTreeKeyBytes('é')]).toEqual([0xfe, 0xff, 0x00, 0xe9]);
    const keys = ['文章-9', 'b', 'café', 'a-a', 'd', 'B', '文章-10', 'a-Z', 'cafe', 'Émile'];
    expect([...keys].sort(compareNameTreeKeys)).toEqual(['B', 'a-Z', 'a-a', 'b', 'cafe', 'd', 'café', 'Émile', '文章-10', '文章-9']);
  });
});

describe('the loca handed to fontkit', () => {
  it.each(bundledFaceFiles.map((f) => [f]))('%s: the offsets fontkit decodes itself', (file) => {
    const bytes = readFileSync(path.join(bundledFontDir, file));
    const decoded = fontkit.create(bytes) as fontkit.Font;
    const primedFace = fontkit.create(bytes) as fontkit.Font;
    registerFaceData(primedFace, bytes);
    primeGlyphLocations(primedFace);
    const theirs = (decoded as unknown as { loca: { version: number; offsets: ArrayLike<number> } }).loca;
    const ours = (primedFace as unknown as { loca: { version: number; offsets: ArrayLike<number> } }).loca;
    expect(ours).not.toBe(theirs);
    expect(ours.version).toBe(theirs.version);
    expect(Array.from(ours.offsets)).toEqual(Array.from(theirs.offsets));
    // What pdfkit asks when it embeds the face, and fontkit's subset of it, unchanged.
    expect(primedFace.getGlyph(0).advanceWidth).toBe(decoded.getGlyph(0).advanceWidth);
    const a = primedFace.createSubset();
    const b = decoded.createSubset();
    for (const s of [a, b]) for (const g of [0, 5, 100, 1000, 2000]) s.includeGlyph(g as never);
    expect(Buffer.from(a.encode()).equals(Buffer.from(b.encode()))).toBe(true);
  });
});
