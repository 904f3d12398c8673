// URL breaks as the Chicago Manual of Style advises (17th ed., 7.42 and 14.18;
// typography.md "Line breaking"): after // and /, before . - _ ? # % ~, before or after = and
// &; never inside a %XX escape, never one character after a slash when a better break
// exists, never with a hyphen added; a segment longer than the measure breaks at character
// boundaries as a last resort.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { shapeRuns, absorbLeading } from '../../src/text/shape.js';
import { buildMeasures } from '../../src/text/measures.js';
import { BreakClass, classifyBoundaries } from '../../src/text/opportunities.js';
import { layoutIssue } from '../../src/index.js';
import type { Line } from '../../src/text/types.js';
import { fonts, glyphText, lineTexts, run, set } from './helpers.js';

/** The class of the break before each character of a one-line URL (by UTF-16 offset). */
function classes(text: string): Map<number, BreakClass> {
  const clusters = absorbLeading(shapeRuns([run(text)], fonts).clusters);
  const m = buildMeasures(clusters);
  const { cls, hyphen } = classifyBoundaries(text, clusters, () => 0, 1e6, { language: 'en-us', minBefore: 2, minAfter: 3 });
  const out = new Map<number, BreakClass>();
  for (let k = 1; k < m.count; k++) {
    out.set(clusters[k]!.start, cls[k] as BreakClass);
    expect(hyphen[k], `no hyphen in a URL (${text.slice(0, clusters[k]!.start)}|)`).toBe(0);
  }
  return out;
}

function classBefore(url: string, marked: string): BreakClass {
  // `marked` is the URL with one | where the break is asked about.
  expect(marked.replace('|', '')).toBe(url);
  return classes(url).get(marked.indexOf('|'))!;
}

const U = 'https://www.example.org/path/to/content_7045231.html?id=1&x=2#top~me%E2%80%9D';

describe('URL break classes', () => {
  it('after // and after /, not between the two slashes', () => {
    expect(classBefore(U, 'https://|www.example.org/path/to/content_7045231.html?id=1&x=2#top~me%E2%80%9D')).toBe(BreakClass.Url);
    expect(classBefore(U, 'https://www.example.org/|path/to/content_7045231.html?id=1&x=2#top~me%E2%80%9D')).toBe(BreakClass.Url);
    expect(classBefore(U, 'https:/|/www.example.org/path/to/content_7045231.html?id=1&x=2#top~me%E2%80%9D')).toBe(BreakClass.Violation);
  });
  it('before . - _ ? # % ~, not after them', () => {
    for (const at of ['www|.example', 'content|_7045231', '7045231|.html', 'html|?id', '2|#top', 'top|~me', 'me|%E2']) {
      const i = U.indexOf(at.replace('|', '')) + at.indexOf('|');
      expect(classes(U).get(i), at).toBe(BreakClass.Url);
    }
    for (const at of ['www.|example', 'content_|7045231', '.|html', '?|id', '#|top', '~|me']) {
      const i = U.indexOf(at.replace('|', '')) + at.indexOf('|');
      expect(classes(U).get(i), at).toBe(BreakClass.Violation);
    }
  });
  it('before and after = and &', () => {
    for (const at of ['id|=1', 'id=|1', '1|&x', '1&|x']) {
      const i = U.indexOf(at.replace('|', '')) + at.indexOf('|');
      expect(classes(U).get(i), at).toBe(BreakClass.Url);
    }
  });
  it('never inside a %XX escape', () => {
    const c = classes(U);
    for (let i = U.indexOf('%'); i < U.length; i++) {
      if (U[i] === '%') {
        expect(c.get(i + 1)).toBe(BreakClass.Violation);
        expect(c.get(i + 2)).toBe(BreakClass.Violation);
      }
    }
  });
  it('a last-resort break leaving one or two characters next to a slash is a violation', () => {
    expect(classBefore('https://a.org/content/x', 'https://a.org/c|ontent/x')).toBe(BreakClass.Violation);
    expect(classBefore('https://a.org/content/x', 'https://a.org/co|ntent/x')).toBe(BreakClass.Violation);
    expect(classBefore('https://a.org/content/x', 'https://a.org/con|tent/x')).toBe(BreakClass.Anywhere);
  });
});

/** Line ends that break the rules inside a URL (the line text before the break). */
function badUrlEnd(before: string): string | undefined {
  if (/%[0-9A-Fa-f]?$/.test(before)) return 'inside %XX';
  if (/\/[^/]$/.test(before)) return 'one character after a slash';
  if (/[.\-_~]$/.test(before)) return 'ends in . - _ ~';
  return undefined;
}

describe('URLs set in a measure', () => {
  it('every line end of a long URL at many measures keeps the rules, with no hyphen', () => {
    const url = 'https://www.nhc.gov.cn/wjw/c100175/202603/%E5%85%B3%E4%BA%8E%E5%8D%B0%E5%8F%91/content_7045231.shtml?source=weekly&channel=health-informatics';
    for (let w = 90; w <= 300; w += 13) {
      const p = set(url, w);
      const texts = lineTexts(p);
      expect(texts.join('')).toBe(url);
      texts.slice(0, -1).forEach((t, i) => {
        expect(badUrlEnd(t), `${w}: ${texts.join(' | ')}`).toBeUndefined();
        expect(glyphText(p.lines[i]!)).not.toMatch(/\u00ad$/);
      });
      for (const l of p.lines) expect(l.width).toBeLessThanOrEqual(w + 1e-6);
    }
  });
  it('a segment longer than the measure breaks at character boundaries, never inside %XX', () => {
    const url = `https://example.org/${'a1b2c3d4e5f6'.repeat(8)}%E2%80%9D${'f0e1d2c3'.repeat(6)}`;
    for (let w = 80; w <= 200; w += 17) {
      const texts = lineTexts(set(url, w));
      expect(texts.length).toBeGreaterThan(2);
      for (const t of texts.slice(0, -1)) expect(/%[0-9A-Fa-f]?$/.test(t), `${w}: ${texts.join(' | ')}`).toBe(false);
    }
  });
});

describe('URLs of the fixtures', () => {
  for (const name of ['bulletin-mixed', 'bulletin-663', 'bulletin-666']) {
    it(`${name}: no URL line ends inside %XX, one character after a slash, or in . - _ ~`, async () => {
      const model = await layoutIssue(JSON.parse(readFileSync(`fixtures/${name}.json`, 'utf8')), {});
      for (const page of model.pages) {
        const lines = page.items.flatMap((it) => (it.kind === 'line' ? [it.line as Line] : []));
        // The page's lines joined by \u0001: a URL match spanning a \u0001 was broken there.
        const joined = lines.map((l) => glyphText(l).replace(/\u00ad$/, '')).join('\u0001');
        for (const match of joined.matchAll(/(?:https?:\/\/|www\.)[!-~\u0001]+/g)) {
          const url = match[0].replace(/\u0001$/, '');
          let at = url.indexOf('\u0001');
          while (at >= 0) {
            expect(badUrlEnd(url.slice(0, at)), url.replaceAll('\u0001', ' | ')).toBeUndefined();
            at = url.indexOf('\u0001', at + 1);
          }
        }
      }
    });
  }

  it('keeps a number run into a URL whole: the Chicago breaks start at the scheme (0.0https://…)', () => {
    // Found by the line-edge property test: before, "0" | ".0https://" broke the number.
    const p = set('的的的的的的的0.0https://www.example.cn/a/0.html?id=1&x=2#a1%，https://www.example.cn/0.html?id=1&x=2#a，', 168, { indent: 24 });
    const lines = p.lines.map((l) => p.text.slice(l.start, l.end));
    expect(lines.some((l) => l.startsWith('.'))).toBe(false);
    expect(lines.join('')).toContain('0.0https');
    expect(lines.some((l) => l.endsWith('0.0') || l.includes('0.0https'))).toBe(true);
  });
});
