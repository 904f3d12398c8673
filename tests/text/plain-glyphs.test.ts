// Runs of glyphs that no lookup can act on are set from the face's bytes (src/text/face-data.ts,
// src/text/plain-glyphs.ts) instead of through fontkit. That is exact only if the reader agrees
// with fontkit on every code point and advance, if the trigger glyphs are those of fontkit's
// lookups, and if such runs shape in fontkit to their cmap glyphs at their advances: checked
// here on every bundled face and on the test fallback face, against fontkit instances of our own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readFaceData } from '../../src/text/face-data.js';
import { OTHER, PAIR } from '../../src/text/plain-glyphs.js';
import { bundledFaceFiles, bundledFontDir, loadFonts } from '../../src/text/fonts.js';
import { shapeRuns } from '../../src/text/shape.js';

const fallbackFace = fileURLToPath(new URL('../fixtures-fonts/HanaMinB-subset.ttf', import.meta.url));
const files = [...bundledFaceFiles.map((f) => path.join(bundledFontDir, f)), fallbackFace];

/** fontkit 2.0.4 DefaultShaper's features (as src/text/plain-glyphs.ts lists them). */
const APPLIED = ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];

interface Coverage {
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}
interface Subtable {
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}
interface LayoutTable {
  scriptList: { tag: string; script: { defaultLangSys?: { featureIndexes: number[] }; langSysRecords: { tag: string; langSys: { featureIndexes: number[] } }[] } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { get(i: number): { lookupType: number; subTables: Subtable[] } };
}

function glyphsOf(c: Coverage | undefined, out: Set<number>): void {
  for (const g of c?.glyphs ?? []) out.add(g);
  for (const r of c?.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) out.add(g);
}

/**
 * The current-glyph coverage of every applied lookup (of the lookups `which` takes), read from
 * fontkit's decoded tables, and the GDEF marks unless told not to.
 */
function fontkitTriggers(font: fontkit.Font, script: string, which: (table: string, type: number) => boolean = () => true, marks = true): Set<number> {
  const out = new Set<number>();
  for (const name of ['GSUB', 'GPOS'] as const) {
    const table = (font as unknown as Record<string, LayoutTable | undefined>)[name];
    if (!table) continue;
    const entry = [script, 'DFLT', 'dflt', 'latn'].map((s) => table.scriptList.find((x) => x.tag === s)).find(Boolean);
    const langSys = entry?.script.langSysRecords.find((l) => l.tag === 'ZHS ')?.langSys ?? entry?.script.defaultLangSys;
    for (const fi of langSys?.featureIndexes ?? []) {
      const record = table.featureList[fi]!;
      if (!APPLIED.includes(record.tag)) continue;
      for (const li of record.feature.lookupListIndexes) {
        const lookup = table.lookupList.get(li) as { lookupType: number; subTables: Subtable[] };
        for (const raw of lookup.subTables) {
          const st = raw.extension ?? raw;
          if (!which(name, raw.extension ? raw.lookupType! : lookup.lookupType)) continue;
          glyphsOf(st.coverage ?? st.coverages?.[0] ?? st.inputCoverage?.[0] ?? st.markCoverage ?? st.mark1Coverage, out);
        }
      }
    }
  }
  if (!marks) return out;
  const gdef = (font as unknown as { GDEF?: { glyphClassDef?: { startGlyph?: number; classValueArray?: number[]; classRangeRecord?: { start: number; end: number; class: number }[] } } }).GDEF;
  const cd = gdef?.glyphClassDef;
  cd?.classValueArray?.forEach((c, i) => c === 3 && out.add((cd.startGlyph ?? 0) + i));
  for (const r of cd?.classRangeRecord ?? []) if (r.class === 3) for (let g = r.start; g <= r.end; g++) out.add(g);
  return out;
}

describe.each(files.map((f) => [path.basename(f), f]))('%s read from its bytes', (_name, file) => {
  const bytes = readFileSync(file);
  const font = fontkit.create(bytes) as fontkit.Font;
  const data = readFaceData(bytes)!;

  it('maps every code point and every glyph advance as fontkit does', () => {
    expect(data).toBeDefined();
    expect(data.numGlyphs).toBe(font.numGlyphs);
    const cps = font.characterSet;
    expect(cps.length).toBeGreaterThan(0);
    for (const cp of cps) expect(data.glyphId(cp), `U+${cp.toString(16)}`).toBe(font.glyphForCodePoint(cp).id);
    for (const cp of [0x0, 0x1f, 0xd7ff, 0xe000, 0xfffe, 0x10ffff, 0x2ffff]) expect(data.glyphId(cp)).toBe(font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).id : 0);
    const hmtx = (font as unknown as { hmtx: { metrics: { length: number; get(i: number): { advance: number; bearing: number } }; bearings: { get(i: number): number } } }).hmtx;
    const last = hmtx.metrics.get(hmtx.metrics.length - 1);
    for (let gid = 0; gid < font.numGlyphs; gid += gid < 2000 ? 1 : 7) {
      const m = gid < hmtx.metrics.length ? hmtx.metrics.get(gid) : undefined;
      expect(data.advance(gid), `glyph ${gid}`).toBe(m ? m.advance : last.advance);
      expect(data.bearing(gid), `glyph ${gid}`).toBe(m ? m.bearing : hmtx.bearings.get(gid - hmtx.metrics.length));
    }
  });

  it.each(['hani', 'latn'])('finds the glyphs the lookups under %s/ZHS start on, as fontkit decodes them', (script) => {
    const ours = data.triggers(script, 'ZHS ');
    expect(ours).toBeDefined();
    const found = new Set<number>();
    ours!.glyphs.forEach((v, gid) => v && found.add(gid));
    expect([...found].sort((a, b) => a - b)).toEqual([...fontkitTriggers(font, script)].sort((a, b) => a - b));
    // Pair kerning alone: the glyphs only kern lookups start on.
    const pairOnly = new Set<number>();
    ours!.glyphs.forEach((v, gid) => v === PAIR && pairOnly.add(gid));
    const kern = fontkitTriggers(font, script, (tag, type) => tag === 'GPOS' && type === 2, false);
    const rest = fontkitTriggers(font, script, (tag, type) => !(tag === 'GPOS' && type === 2), true);
    expect([...pairOnly].sort((a, b) => a - b)).toEqual([...kern].filter((g) => !rest.has(g)).sort((a, b) => a - b));
  });
});

describe.each(bundledFaceFiles.map((f) => [f.replace(/\.ttf$/, '')]))('%s, plain runs', (id) => {
  const fonts = loadFonts();
  const font = fontkit.create(readFileSync(path.join(bundledFontDir, `${id}.ttf`))) as fontkit.Font;
  const data = readFaceData(readFileSync(path.join(bundledFontDir, `${id}.ttf`)))!;
  // The characters of each kind the breaker shapes as one segment that only lookups read in
  // plain-glyphs.ts act on: Han, and the marks between them (— with its ZHS form and the ——
  // ligature) under hani; digits, and Latin (kerned, fi) under latn.
  const plainOf = (script: string, test: RegExp): string[] => {
    const triggers = data.triggers(script, 'ZHS ')!;
    return font.characterSet.map((cp) => String.fromCodePoint(cp)).filter((ch) => test.test(ch) && ((triggers.glyphs[data.glyphId(ch.codePointAt(0)!)] ?? 0) & OTHER) === 0 && !/[\p{M}\p{Default_Ignorable_Code_Point}\s]/u.test(ch));
  };
  const han = plainOf('hani', /^[\p{Script=Han}〇]$/u);
  const marks = plainOf('hani', /^[\p{P}\p{S}]$/u).filter((ch) => ch.codePointAt(0)! > 0x2000);
  const digits = plainOf('latn', /^[0-9]$/u);
  // Kerned: every printable ASCII character no substitution acts on, and the space between words.
  const latin = [...plainOf('latn', /^[!-~]$/u), ' ', ' ', 'f', 'f', 'i', 'l'];
  // Marks and Han together, with the dash twice as likely (for ——).
  const hanAndMarks = [...han.slice(0, 200), ...marks, '—', '—'];

  it.each([
    ['Han', han, 'hani'],
    ['marks', marks, 'hani'],
    ['digits', digits, 'latn'],
    ['kerned Latin', latin, 'latn'],
    ['Han and marks', hanAndMarks, 'hani'],
  ] as const)('shapes %s as fontkit does', (_kind, chars, script) => {
    expect(chars.length).toBeGreaterThan(script === 'latn' ? 5 : 10);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const shaped = shapeRuns([{ text, faces: [id], size: 10, pointer: '' } as never], fonts);
        // shapeRuns sets the NFC form (a compatibility ideograph such as U+F92C is U+90CE in it).
        const run = font.layout(text.normalize('NFC'), [], script, 'ZHS ' as never);
        const scale = 10 / font.unitsPerEm;
        expect(shaped.clusters.flatMap((c) => c.glyphs.map((g) => [g.id, g.advance, g.dx, g.dy]))).toEqual(
          run.glyphs.map((g, i) => [g.id, run.positions[i]!.xAdvance * scale, run.positions[i]!.xOffset * scale, run.positions[i]!.yOffset * scale]),
        );
      }),
      { numRuns: 120 },
    );
  });
});

describe('shaping does not depend on what the process did before', () => {
  it('sets a Latin run the same after fontkit made its glyphs by id (as a subset writer does)', () => {
    const text = 'https://js.cnr.cn/xwtt/20260321/t20260321_527558220.shtml';
    const run = [{ text, faces: ['NotoSerifSC-Regular'], size: 12, pointer: '' }] as never;
    const fresh = loadFonts(bundledFontDir, ['NotoSerifSC-Regular.ttf', 'NotoSansSC-Bold.gb2312.ttf']);
    const touched = loadFonts(bundledFontDir, ['NotoSerifSC-Regular.ttf']);
    const face = touched.faces.get('NotoSerifSC-Regular')!;
    // Glyph objects made without their characters, before any text with them is shaped.
    const ids = fontkit.create(readFileSync(path.join(bundledFontDir, 'NotoSerifSC-Regular.ttf'))) as fontkit.Font;
    for (const ch of '0123456789') face.getGlyph(ids.glyphForCodePoint(ch.codePointAt(0)!).id);
    const glyphs = (fonts: typeof fresh): number[][] => shapeRuns(run, fonts).clusters.flatMap((c) => c.glyphs.map((g) => [g.id, g.advance]));
    expect(glyphs(touched)).toEqual(glyphs(fresh));
  });
});
