// The real line breaker and fonts on the converted issues: the invariants the page model
// must keep whatever the text is.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/document/types.js';
import { pageModelOf } from '../../src/pipeline.js';
import type { LineItem } from '../../src/layout/types.js';
import { loadFonts } from '../../src/text/fonts.js';
import { defaultTheme } from '../../src/theme/default.js';
import { resolveTheme } from '../../src/theme/resolve.js';
import { IssueValidationError } from '../../src/errors.js';
import { textOf } from './helpers.js';

const fonts = loadFonts();
const load = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as Issue;

// Every fixture, the ones made for mixed content included.
const all = readdirSync(new URL('../../fixtures/', import.meta.url)).filter((f) => f.endsWith('.json'));

describe.each(all)('%s', (name) => {
  const issue = load(name);
  const model = pageModelOf(issue, defaultTheme, fonts, { baseDir: '/nonexistent' });
  const left = (defaultTheme.page.width - defaultTheme.page.textWidth) / 2;
  const right = left + defaultTheme.page.textWidth;
  const bottom = defaultTheme.page.height - defaultTheme.page.marginBottom;

  it('keeps every line inside the text area and a footer on every page', () => {
    expect(model.pages.length).toBeGreaterThanOrEqual(2);
    model.pages.forEach((p, i) => {
      const lines = p.items.filter((it): it is LineItem => it.kind === 'line');
      for (const l of lines) {
        if (l.struct.type === 'Artifact') continue;
        for (const f of l.line.fragments) {
          expect(l.x + f.x).toBeGreaterThanOrEqual(left - 0.01);
          expect(l.x + f.x + f.width).toBeLessThanOrEqual(right + 0.01);
        }
        expect(l.baseline).toBeLessThanOrEqual(bottom);
        expect(l.baseline).toBeGreaterThan(defaultTheme.page.marginTop);
      }
      expect(lines.filter((l) => l.struct.type === 'Artifact').map(textOf)).toEqual([`— ${i + 1} —`]);
    });
  });

  it('sets the masthead title on one line in red and the contents numbers right', () => {
    const title = model.pages[0]!.items.filter((it): it is LineItem => it.kind === 'line' && it.struct.type === 'H1');
    expect(title).toHaveLength(1);
    expect(textOf(title[0]!)).toBe(issue.bulletin.title);
    expect(title[0]!.line.fragments.every((f) => f.color === '#C8161D')).toBe(true);
    const articles = model.outline[1]!.children;
    expect(articles).toHaveLength(issue.articles.length);
    const toc = model.pages.flatMap((p) => p.items).filter((it): it is LineItem => it.kind === 'line' && it.struct.type === 'TOCI');
    const ids = [...new Set(toc.map((l) => l.struct.id))];
    expect(ids).toHaveLength(issue.articles.length);
    ids.forEach((id, i) => {
      const number = toc.filter((l) => l.struct.id === id).reduce((a, b) => (b.x > a.x ? b : a));
      expect(textOf(number)).toBe(String(articles[i]!.page + 1));
    });
  });

  it('prints every character of each body paragraph, in order', () => {
    const lines = model.pages.flatMap((p) => p.items).filter((it): it is LineItem => it.kind === 'line' && it.struct.type === 'P');
    const byId = new Map<string, string>();
    for (const l of lines) byId.set(l.struct.id, (byId.get(l.struct.id) ?? '') + textOf(l));
    // U+00AD is the hyphen the breaker inserted at a line end (text/set-line.ts), not the author's.
    const printed = [...byId.values()].join('\n').replace(/\s|\u00ad/g, '');
    for (const a of issue.articles) {
      for (const b of a.body) {
        if (b.type !== 'paragraph') continue;
        const text = ('text' in b ? b.text : b.runs.map((r) => r.text).join('')).normalize('NFC').replace(/\s/g, '');
        expect(printed).toContain(text);
      }
    }
  });
});

describe('theme faces', () => {
  it('rejects a theme naming a face that is not bundled, pointing into the theme', () => {
    let err: unknown;
    try {
      resolveTheme({ fonts: { bold: ['NotoSerifSC-Bold', 'Nope-Regular'] } }, { faces: fonts.faces.keys() });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IssueValidationError);
    expect((err as IssueValidationError).errors.map((e) => [e.source, e.pointer])).toEqual([['theme', '/fonts/bold/1']]);
  });
});
