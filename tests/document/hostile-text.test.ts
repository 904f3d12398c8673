// Text that tries to hide or to act on a terminal: invisible characters in links, and control
// characters (ESC/CSI, C1, bidi overrides) echoed back in error messages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeForMessage } from '../../src/escape.js';
import { validateIssue, validateIssueText } from '../../src/document/index.js';
import { formatError } from '../../src/errors.js';
import { uriForPdf } from '../../src/render/uri.js';
import { broken, errorsOf, type Loose } from './base-issue.js';


/** Anything a terminal or a bidi-aware viewer would act on rather than show. */
// eslint-disable-next-line no-control-regex
const RAW = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

describe('links with invisible or control characters', () => {
  const cases: Array<[string, string]> = [
    ['U+0000', '\u0000'],
    ['U+001B', '\u001b'],
    ['U+007F', '\u007f'],
    ['U+0085', '\u0085'],
    ['U+009B', '\u009b'],
    ['U+00A0', '\u00a0'],
    ['U+00AD', '\u00ad'],
    ['U+200B', '\u200b'],
    ['U+200D', '\u200d'],
    ['U+200E', '\u200e'],
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
    ['U+202A', '\u202a'],
    ['U+202E', '\u202e'],
    ['U+2066', '\u2066'],
    ['U+2069', '\u2069'],
    ['U+3000', '\u3000'],
    ['U+FEFF', '\ufeff'],
    ['U+D800', '\ud800'],
    ['U+DFFF', '\udfff'],
    ['U+E0001', '\u{e0001}'],
  ];
  it.each(cases)('refuses %s in a URL, naming it', (name, ch) => {
    for (const url of [`https://example.org/a${ch}b`, `https://exa${ch}mple.org/`, `https://example.org/?q=${ch}`]) {
      const errors = errorsOf(validateIssue(broken((d) => (d.articles[0].url = url))));
      expect(errors).toHaveLength(1);
      expect(errors[0]!.pointer).toBe('/articles/0/url');
      expect(errors[0]!.message).toMatch(/^must be an absolute http or https URL/);
      expect(errors[0]!.message).toContain(`contains ${name}`);
      expect(errors[0]!.message).not.toMatch(RAW);
    }
  });

  it('refuses them in a run href too', () => {
    const errors = errorsOf(validateIssue(broken((d) => (d.articles[0].body[1].runs[2].href = 'https://example.org/\u202egnp.exe'))));
    expect(errors.map((e) => [e.pointer, /U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/.test(e.message)])).toEqual([['/articles/0/body/1/runs/2/href', true]]);
  });

  it('still accepts Chinese hosts and paths, and ASCII punctuation', () => {
    for (const url of ['https://例子.中国/新闻/1', 'https://example.org/a-b_c~d?x=1&y=%20#top']) {
      expect(validateIssue(broken((d) => (d.articles[0].url = url))).ok).toBe(true);
    }
  });
});

describe('uriForPdf', () => {
  it('gives the 7-bit ASCII form: punycode host, percent-encoded path, query and fragment', () => {
    expect(uriForPdf('https://例子.中国/路径?q=值')).toBe('https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84?q=%E5%80%BC');
    expect(uriForPdf('https://example.org/a b/c d.html?x=a b#p q')).toBe('https://example.org/a%20b/c%20d.html?x=a%20b#p%20q');
    expect(uriForPdf('https://example.org/%E8%B7%AF')).toBe('https://example.org/%E8%B7%AF');
    expect(uriForPdf('HTTPS://Example.ORG')).toBe('https://example.org/');
  });

  it('is always printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (p, q) => {
        expect(uriForPdf(`https://例子.中国/${p}?${q}`)).toMatch(/^[\x21-\x7e]+$/);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses what is not a URL', () => {
    expect(() => uriForPdf('not a url')).toThrow(/not a valid URL/);
  });
});

describe('escapeForMessage', () => {
  it('escapes C0, C1, bidi and other invisible format characters, keeps the rest', () => {
    expect(escapeForMessage('a\u001b[31mb')).toBe('a\\u001b[31mb');
    expect(escapeForMessage('\u009b2J\u202e\u2066\u2028\u200b\u00ad\ud800')).toBe('\\u009b2J\\u202e\\u2066\\u2028\\u200b\\u00ad\\ud800');
    expect(escapeForMessage('\u{e0041}')).toBe('\\u{e0041}');
    expect(escapeForMessage('周报 “引号” 😀 a\\b')).toBe('周报 “引号” 😀 a\\b');
  });
});

describe('messages never echo control characters raw', () => {
  const ESC = '\u001b[31m';
  const CSI = '\u009b2J';
  const RLO = '\u202e';

  const documents: Array<[string, Loose]> = [
    ['an unknown key with ESC', broken((d) => (d.articles[0][`${ESC}evil`] = 1))],
    ['an unknown top-level key with C1 CSI', broken((d) => (d[`x${CSI}`] = 1))],
    ['an unknown key with a bidi override', broken((d) => (d.bulletin[`${RLO}title`] = 'x'))],
    ['a block type with ESC', broken((d) => (d.articles[0].body[0].type = `paragraph${ESC}`))],
    ['a date with C1 CSI', broken((d) => (d.issue.date = `2026${CSI}`))],
    ['a number field holding text with ESC', broken((d) => (d.issue.number = `${ESC}666`))],
    ['a URL with ESC', broken((d) => (d.articles[0].url = `https://example.org/${ESC}`))],
    ['a paragraph with text and runs, the text with ESC', broken((d) => (d.articles[0].body[0] = { type: 'paragraph', text: `${ESC}x`, runs: [{ text: CSI }] }))],
    ['a punctuation warning on a key path', broken((d) => (d.articles[0].body[0] = { type: 'paragraph', text: `${ESC}周,报，c` }))],
  ];

  it.each(documents)('%s', (_, doc) => {
    const r = validateIssue(doc);
    const all = [...(r.ok ? [] : r.errors), ...r.warnings];
    expect(all.length).toBeGreaterThan(0);
    for (const e of all) {
      expect(e.message).not.toMatch(RAW);
      expect(formatError('issue.json', e)).not.toMatch(RAW);
    }
  });

  it('in the text of a file: repeated and unknown keys written with escapes', () => {
    const text = JSON.stringify(broken((d) => (d.articles[0]['\u001b[2Jk'] = 1))).replace('{', '{"\\u001b]0;x\\u0007":1,"\\u001b]0;x\\u0007":2,');
    const r = validateIssueText(text);
    const all = errorsOf(r);
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const e of all) {
      expect(e.message).not.toMatch(RAW);
      expect(formatError('issue.json', e)).not.toMatch(RAW);
    }
    expect(all.map((e) => e.message)).toContain('property "\\u001b]0;x\\u0007" appears more than once in this object (only the last would count)');
    expect(all.map((e) => e.message)).toContain('unknown property "\\u001b[2Jk" in article');
  });

  it('for any key or value a document may hold', () => {
    const nasty = fc.string({ unit: fc.constantFrom('\u001b', '\u009b', '\u202e', '\u2066', '\u0007', '\u2028', '\u200b', 'a', '[', '周', '\ud800') });
    fc.assert(
      fc.property(nasty, nasty, (k, v) => {
        const r = validateIssue(broken((d) => {
          d.articles[0][k] = v;
          d.issue.date = v;
          d.articles[0].body[0].type = v;
        }));
        for (const e of [...(r.ok ? [] : r.errors), ...r.warnings]) {
          expect(e.message).not.toMatch(RAW);
          expect(formatError('f', e)).not.toMatch(RAW);
        }
      }),
      { numRuns: 150 },
    );
  });
});
