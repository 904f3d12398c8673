// Hyphenation of Latin words (typography.md "Line breaking"): Liang's patterns through the
// `hyphen` package, TeX's 2 letters before and 3 after, never in a URL or a word of
// capitals, an emergency break inside a word shows a hyphen too, and the hyphen is drawn
// but is not part of the text.
import { describe, expect, it } from 'vitest';
import { breakParagraph } from '../../src/text/index.js';
import { hyphenationPoints, DEFAULT_HYPHENATION } from '../../src/text/hyphenate.js';
import type { BrokenParagraph, Line, ParagraphInput } from '../../src/text/types.js';
import { fonts, glyphText, lineTexts, run, set } from './helpers.js';

const SHY = '\u00ad';
const hyphenId = fonts.faces.get('NotoSerifSC-Regular')!.glyphForCodePoint(0x2d).id;

function endsWithHyphen(line: Line): boolean {
  const last = line.fragments.at(-1)?.glyphs.at(-1);
  return last !== undefined && last.id === hyphenId && last.text === SHY;
}

function lineWidthOk(p: BrokenParagraph, width: number): void {
  for (const l of p.lines) expect(l.width).toBeLessThanOrEqual(width + 1e-6);
}

describe("Liang's hyphenation points", () => {
  it('finds the points of TeX en-us patterns', () => {
    expect(hyphenationPoints('hyphenation', DEFAULT_HYPHENATION)).toEqual([2, 6]); // hy-phen-ation
  });
  it('keeps at least 2 letters before and 3 after a hyphen', () => {
    const word = 'Floccinaucinihilipilification';
    const points = hyphenationPoints(word, DEFAULT_HYPHENATION);
    expect(points.length).toBeGreaterThan(3);
    for (const p of points) {
      expect(p).toBeGreaterThanOrEqual(2);
      expect(word.length - p).toBeGreaterThanOrEqual(3);
    }
    for (const p of hyphenationPoints(word, { language: 'en-us', minBefore: 4, minAfter: 5 })) {
      expect(p).toBeGreaterThanOrEqual(4);
      expect(word.length - p).toBeGreaterThanOrEqual(5);
    }
  });
  it('never hyphenates a word of capitals only', () => {
    expect(hyphenationPoints('INTEROPERABILITY', DEFAULT_HYPHENATION)).toEqual([]);
    expect(hyphenationPoints('Interoperability', DEFAULT_HYPHENATION).length).toBeGreaterThan(0);
  });
  it('uses the language chosen', () => {
    expect(hyphenationPoints('Krankenhauszukunftsgesetz', { language: 'de', minBefore: 2, minAfter: 2 }).length).toBeGreaterThan(3);
  });
});

describe('hyphenated breaks', () => {
  const text = 'the interoperability of electronic immunization registries';
  it('a line may end at a hyphenation point, and shows a hyphen there', () => {
    const p = set(text, 100);
    const hyphenated = p.lines.filter(endsWithHyphen);
    expect(hyphenated.length).toBeGreaterThan(0);
    lineWidthOk(p, 100);
  });
  it('the hyphen is not part of the text: line ranges join into the words, glyph text is a soft hyphen', () => {
    const p = set(text, 100);
    expect(lineTexts(p).join('')).toBe(text);
    for (const l of p.lines) {
      const g = glyphText(l);
      expect(g.replace(/\u00ad$/, '')).toBe(p.text.slice(l.start, l.end));
      expect(g).not.toMatch(/-$/);
    }
  });
  it('no hyphenation when the theme turns it off (the words then stay whole)', () => {
    const input: ParagraphInput = { runs: [run(text)], width: 100, indent: 0, align: 'justify', pointer: '/p', hyphenation: false };
    const p = breakParagraph(input, fonts);
    expect(p.lines.some(endsWithHyphen)).toBe(false);
    for (const l of lineTexts(p)) expect(l.trim()).toMatch(/^(\S+ ?)+$/);
    expect(lineTexts(p).every((l) => text.split(' ').some((w) => l.trim().endsWith(w)))).toBe(true);
  });
  it('never in a URL', () => {
    const p = set('see https://example.org/interoperability/immunization/registries for details', 90);
    expect(p.lines.some(endsWithHyphen)).toBe(false);
  });
  it('never in a word of capitals only, which stays whole when it fits', () => {
    const p = set('THE INTEROPERABILITY OF ELECTRONIC IMMUNIZATION REGISTRIES', 130);
    expect(p.lines.some(endsWithHyphen)).toBe(false);
  });
  it('an emergency break inside a word longer than the measure shows a hyphen', () => {
    const word = 'pfschifffahrtselektrizitatenhauptbetriebswerkbauunterbeamtengesellschaft';
    const p = set(word, 80);
    expect(p.lines.length).toBeGreaterThan(2);
    for (const l of p.lines.slice(0, -1)) expect(endsWithHyphen(l)).toBe(true);
    expect(endsWithHyphen(p.lines.at(-1)!)).toBe(false);
    lineWidthOk(p, 80);
    expect(lineTexts(p).join('')).toBe(word);
  });
  it('no hyphen in Chinese, nor after a digit', () => {
    const p = set('数字健康全球战略评估报告指出，二〇二六年共有一百二十个成员国 12345678901234567890 制定了国家战略。', 100);
    expect(p.lines.some(endsWithHyphen)).toBe(false);
  });
  it('consecutive hyphenated lines are avoided when a plain break costs little more', () => {
    // Ordinary English prose at a column of 20 em: TeX's \\doublehyphendemerits keep hyphens
    // from stacking. (A narrower column of nothing but 12-letter words hyphenates every line,
    // in TeX as here: avoiding it would cost far more than the double-hyphen demerits.)
    const words =
      'The report, titled Global Strategy on Digital Health, found that low- and middle-income countries have made the fastest gains in electronic immunization registries, telemedicine and mobile-phone-based disease surveillance. Women and children were the most common early adopters, while interoperability, data protection and the digital literacy of health workers remain the main obstacles to wider adoption across national health systems.';
    const p = set(words, 240);
    expect(p.lines.filter(endsWithHyphen).length).toBeGreaterThan(0);
    let run = 0;
    let maxRun = 0;
    for (const l of p.lines) {
      run = endsWithHyphen(l) ? run + 1 : 0;
      maxRun = Math.max(maxRun, run);
    }
    expect(maxRun).toBeLessThanOrEqual(2);
  });
});

describe('bounded cost', () => {
  // Documents are refused past 8,000 characters without a break (src/document/checks.ts);
  // the breaker itself must still stay linear well past that.
  it('a 40 KB word and a 20 KB URL are broken into lines (linear-ish: bounded look-back)', () => {
    const word = 'floccinaucinihilipilification'.repeat(1400);
    let t = performance.now();
    const p = set(word, 444);
    const wordMs = performance.now() - t;
    expect(p.lines.length).toBeGreaterThan(200);
    const url = `https://example.org/${'a1b2c3d4/%E5%85%B3_x'.repeat(1000)}`;
    t = performance.now();
    const q = set(url, 444);
    const urlMs = performance.now() - t;
    expect(q.lines.length).toBeGreaterThan(100);
    expect(q.lines.some(endsWithHyphen)).toBe(false);
    console.log(`40 KB word: ${wordMs.toFixed(0)} ms, ${p.lines.length} lines; 20 KB URL: ${urlMs.toFixed(0)} ms, ${q.lines.length} lines`);
  }, 60_000);
});

describe('the hyphen in the PDF', () => {
  it('is drawn at the line end but copying gives the word whole (ToUnicode U+00AD, pdf.js text)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderIssue } = await import('../../src/index.js');
    const { loadWithPdfjs, pageContents } = await import('../render/pdf.js');
    const bytes = await renderIssue(JSON.parse(readFileSync('fixtures/bulletin-mixed.json', 'utf8')), {});
    // Drawn: a glyph whose ToUnicode entry is the soft hyphen U+00AD.
    const contents = await pageContents(bytes);
    expect(contents.some((c) => [...c.fonts.values()].some((f) => /<00ad>/i.test(f.toUnicode)))).toBe(true);
    // pdf.js drops the soft hyphen: the line's text ends in the bare word part.
    const pdf = await loadWithPdfjs(bytes);
    const items = pdf.pages.flatMap((p) => p.text.map((t) => t.str));
    const joined = items.join('');
    for (const word of ['Gesundheitsdatennutzungsgesetz', 'Floccinaucinihilipilification', 'Donaudampfschifffahrts']) expect(joined).toContain(word);
    expect(items.some((s) => /[A-Za-z][-\u0001]$/.test(s))).toBe(false);
  }, 60_000);

  it('in a tagged PDF is a Span whose ActualText is empty, so the word reads whole', async () => {
    const { readFileSync } = await import('node:fs');
    const { inflateSync } = await import('node:zlib');
    const { PDFDocument, PDFRawStream } = await import('pdf-lib');
    const { renderIssue } = await import('../../src/index.js');
    const { loadWithPdfjs } = await import('../render/pdf.js');
    const issue = JSON.parse(readFileSync('fixtures/bulletin-mixed.json', 'utf8')) as unknown;
    const tagged = await renderIssue(issue, { tagged: true });
    const doc = await PDFDocument.load(tagged);
    let spans = 0;
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFRawStream)) continue;
      let text: string;
      try {
        text = inflateSync(obj.contents).toString('latin1');
      } catch {
        continue;
      }
      spans += (text.match(/\/Span <<\/ActualText \(\)>> BDC\n[^\n]*T[Jj]\nEMC/g) ?? []).length;
    }
    expect(spans).toBeGreaterThan(0);
    const pdf = await loadWithPdfjs(tagged);
    expect(pdf.messages).toEqual([]);
    const items = pdf.pages.flatMap((p) => p.text.map((t) => t.str));
    expect(items.some((x) => /\u00ad|[A-Za-z]-$/.test(x))).toBe(false);
    expect(items.join('')).toContain('Gesundheitsdatennutzungsgesetz');
    // Untagged output is untouched by it.
    expect(Buffer.from(await renderIssue(issue, {})).includes(Buffer.from('/ActualText'))).toBe(false);
  }, 60_000);
});
