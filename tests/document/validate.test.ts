// validateIssue on parsed data: what format v1 accepts, what it rejects, and how it says so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateIssue, validateIssueText } from '../../src/document/index.js';
import type { ValidationResult } from '../../src/document/index.js';
import { formatError } from '../../src/errors.js';
import { baseIssue, broken, errorsOf, type Loose } from './base-issue.js';
import { docShapeExample } from './doc-examples.js';


function lines(r: ValidationResult): string[] {
  return errorsOf(r).map((e) => `${e.pointer || '/'}: ${e.message}`);
}

describe('valid documents', () => {
  it('accepts the example in document-format.md', () => {
    const r = validateIssue(JSON.parse(docShapeExample));
    expect(r).toMatchObject({ ok: true, warnings: [] });
  });

  it('accepts the example as text too, and returns the same issue', () => {
    const a = validateIssue(JSON.parse(docShapeExample));
    const b = validateIssueText(docShapeExample);
    expect(b.ok).toBe(true);
    expect(a.ok && b.ok && b.issue).toEqual(a.ok && a.issue);
  });

  it('accepts the base issue with every block kind', () => {
    const r = validateIssue(baseIssue());
    expect(r).toEqual({ ok: true, issue: baseIssue(), warnings: [] });
  });

  it.each<[string, (d: Loose) => void]>([
    ['no $schema', (d) => delete d.$schema],
    ['no lead', (d) => delete d.lead],
    ['an empty lead', (d) => (d.lead = '')],
    ['a lead in any form', (d) => (d.lead = 'Lead: (English) text, 1,000 items.')],
    ['no article date or original title', (d) => (delete d.articles[0].date, delete d.articles[0].originalTitle)],
    ['issue number 1', (d) => (d.issue.number = 1)],
    ['issue number 99999', (d) => (d.issue.number = 99999)],
    ['issue number written 666.0', (d) => (d.issue.number = 666.0)],
    ['image width 0.1', (d) => (d.articles[0].body[3].width = 0.1)],
    ['image width 1', (d) => (d.articles[0].body[3].width = 1)],
    ['image without caption or width', (d) => (d.articles[0].body[3] = { type: 'image', src: 'a.png' })],
    ['a leap day', (d) => (d.issue.date = '2024-02-29')],
    ['from equal to to', (d) => (d.coverage.from = d.coverage.to)],
    ['an empty topic and scope', (d) => ((d.coverage.topic = ''), (d.coverage.scope = ''))],
    ['an empty source', (d) => (d.articles[0].source = '')],
    ['an empty paragraph text', (d) => (d.articles[0].body[0].text = '')],
    ['an empty runs list', (d) => (d.articles[0].body[1].runs = [])],
    ['HTTPS in capitals', (d) => (d.articles[0].url = 'HTTPS://EXAMPLE.ORG/A')],
    ['a URL with a port, query and fragment', (d) => (d.articles[0].url = 'http://localhost:8080/a?b=c#d')],
    ['a URL with Chinese characters', (d) => (d.articles[0].url = 'https://例子.中国/新闻/1')],
    ['a run with bold false', (d) => (d.articles[0].body[1].runs[0].bold = false)],
    ['keys in any order', (d) => (d.articles[0] = Object.fromEntries(Object.entries(d.articles[0] as Loose).reverse()))],
  ])('accepts %s', (_name, mutate) => {
    const r = validateIssue(broken(mutate));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe('each rule of document-format.md', () => {
  it.each<[string, (d: Loose) => void, string, RegExp]>([
    ['an unknown top-level key', (d) => (d.extra = 1), '/extra', /^unknown property "extra"$/],
    ['an unknown bulletin key', (d) => (d.bulletin.subtitle = 'x'), '/bulletin/subtitle', /^unknown property "subtitle"/],
    ['a misspelt article key', (d) => (d.articles[0].originalTitel = 'x'), '/articles/0/originalTitel', /^unknown property "originalTitel" in article \(did you mean "originalTitle"\?\)$/],
    ['a key a heading does not have', (d) => (d.articles[0].body[2].bold = true), '/articles/0/body/2/bold', /^unknown property "bold" in heading block$/],
    ['an unknown run key', (d) => (d.articles[0].body[1].runs[0].italic = true), '/articles/0/body/1/runs/0/italic', /^unknown property "italic"/],
    ['a missing bulletin', (d) => delete d.bulletin, '', /^missing required property "bulletin"$/],
    ['a missing publisher', (d) => delete d.bulletin.publisher, '/bulletin', /^missing required property "publisher"$/],
    ['an empty title', (d) => (d.bulletin.title = ''), '/bulletin/title', /^must not be empty$/],
    ['an empty article title', (d) => (d.articles[1].title = ''), '/articles/1/title', /^must not be empty$/],
    ['a missing article url', (d) => delete d.articles[1].url, '/articles/1', /^missing required property "url" of article$/],
    ['a missing source', (d) => delete d.articles[1].source, '/articles/1', /^missing required property "source" of article$/],
    ['a missing body', (d) => delete d.articles[1].body, '/articles/1', /^missing required property "body"/],
    ['a missing coverage topic', (d) => delete d.coverage.topic, '/coverage', /^missing required property "topic"$/],
    ['issue number 0', (d) => (d.issue.number = 0), '/issue/number', /^must be between 1 and 99999 \(got 0\)$/],
    ['issue number 100000', (d) => (d.issue.number = 100000), '/issue/number', /^must be between 1 and 99999 \(got 100000\)$/],
    ['issue number 1.5', (d) => (d.issue.number = 1.5), '/issue/number', /^must be a whole number \(got number\)$/],
    ['issue number as a string', (d) => (d.issue.number = '666'), '/issue/number', /^must be a whole number \(got string\)$/],
    ['2026-02-30', (d) => (d.issue.date = '2026-02-30'), '/issue/date', /^"2026-02-30" is not a real calendar date$/],
    ['2026-02-29', (d) => (d.coverage.to = '2026-02-29'), '/coverage/to', /not a real calendar date/],
    ['2100-02-29', (d) => (d.articles[0].date = '2100-02-29'), '/articles/0/date', /not a real calendar date/],
    ['2026-04-31', (d) => (d.coverage.from = '2026-04-31'), '/coverage/from', /not a real calendar date/],
    ['a date with slashes', (d) => (d.issue.date = '2026/03/27'), '/issue/date', /^must be a date written YYYY-MM-DD \(got "2026\/03\/27"\)$/],
    ['a date with a time', (d) => (d.issue.date = '2026-03-27T00:00:00Z'), '/issue/date', /YYYY-MM-DD/],
    ['from after to', (d) => (d.coverage.from = '2026-03-28'), '/coverage', /^"from" \(2026-03-28\) is after "to" \(2026-03-27\)$/],
    ['a javascript: url', (d) => (d.articles[1].url = 'javascript:alert(1)'), '/articles/1/url', /^must be an absolute http or https URL \(got "javascript:alert\(1\)"\)$/],
    ['a file: url', (d) => (d.articles[0].url = 'file:///etc/passwd'), '/articles/0/url', /absolute http or https URL/],
    ['a data: url', (d) => (d.articles[0].url = 'data:text/html,hi'), '/articles/0/url', /absolute http or https URL/],
    ['an ftp: url', (d) => (d.articles[0].url = 'ftp://example.org/a'), '/articles/0/url', /absolute http or https URL/],
    ['a relative url', (d) => (d.articles[0].url = '/news/1.html'), '/articles/0/url', /absolute http or https URL/],
    ['a scheme-relative url', (d) => (d.articles[0].url = '//example.org/a'), '/articles/0/url', /absolute http or https URL/],
    ['a url without a host', (d) => (d.articles[0].url = 'https:///a'), '/articles/0/url', /absolute http or https URL/],
    ['a url with a space in the host', (d) => (d.articles[0].url = 'https://exa mple.org/'), '/articles/0/url', /absolute http or https URL/],
    ['a url with a leading space', (d) => (d.articles[0].url = ' https://example.org/'), '/articles/0/url', /absolute http or https URL/],
    ['an empty url', (d) => (d.articles[0].url = ''), '/articles/0/url', /absolute http or https URL \(got ""\)$/],
    ['a javascript: href', (d) => (d.articles[0].body[1].runs[2].href = 'javascript:void(0)'), '/articles/0/body/1/runs/2/href', /absolute http or https URL/],
    ['a file: href', (d) => (d.articles[0].body[1].runs[2].href = 'file:///c:/a'), '/articles/0/body/1/runs/2/href', /absolute http or https URL/],
    ['no articles', (d) => (d.articles = []), '/articles', /^must have at least one article$/],
    ['an empty body', (d) => (d.articles[0].body = []), '/articles/0/body', /^must have at least one block$/],
    ['articles as an object', (d) => (d.articles = {}), '/articles', /^must be an array \(got object\)$/],
    ['an unknown block type', (d) => (d.articles[0].body[0].type = 'video'), '/articles/0/body/0/type', /^unknown block type "video" \(a block is "paragraph", "heading" or "image"\)$/],
    ['a block without type', (d) => delete d.articles[0].body[0].type, '/articles/0/body/0', /^missing required property "type" \(one of "paragraph", "heading" or "image"\)$/],
    ['a block type in capitals', (d) => (d.articles[0].body[0].type = 'Paragraph'), '/articles/0/body/0/type', /^unknown block type "Paragraph" \(a block is "paragraph", "heading" or "image"; did you mean "paragraph"\?\)$/],
    ['a block type that is not a string', (d) => (d.articles[0].body[0].type = 1), '/articles/0/body/0/type', /^block type must be "paragraph", "heading" or "image" \(got 1\)$/],
    ['a block that is a string', (d) => (d.articles[0].body[0] = 'text'), '/articles/0/body/0', /^must be an object \(got string\)$/],
    ['a paragraph with text and runs', (d) => (d.articles[0].body[0].runs = []), '/articles/0/body/0', /^paragraph must have exactly one of "text" or "runs"$/],
    ['a paragraph with neither', (d) => delete d.articles[0].body[0].text, '/articles/0/body/0', /^paragraph must have exactly one of "text" or "runs"$/],
    ['a heading without text', (d) => delete d.articles[0].body[2].text, '/articles/0/body/2', /^missing required property "text" of heading block$/],
    ['an image without src', (d) => delete d.articles[0].body[3].src, '/articles/0/body/3', /^missing required property "src" of image block$/],
    ['an image width of 2', (d) => (d.articles[0].body[3].width = 2), '/articles/0/body/3/width', /^must be between 0.1 and 1 \(got 2\)$/],
    ['an image width of 0.05', (d) => (d.articles[0].body[3].width = 0.05), '/articles/0/body/3/width', /^must be between 0.1 and 1 \(got 0.05\)$/],
    ['an image width as a string', (d) => (d.articles[0].body[3].width = '80%'), '/articles/0/body/3/width', /^must be a number \(got string\)$/],
    ['a run without text', (d) => delete d.articles[0].body[1].runs[0].text, '/articles/0/body/1/runs/0', /^missing required property "text"$/],
    ['bold as a string', (d) => (d.articles[0].body[1].runs[0].bold = 'true'), '/articles/0/body/1/runs/0/bold', /^must be true or false \(got string\)$/],
    ['$schema as a number', (d) => (d.$schema = 1), '/$schema', /^must be a string \(got number\)$/],
    ['lead as null', (d) => (d.lead = null), '/lead', /^must be a string \(got null\)$/],
  ])('rejects %s', (_name, mutate, pointer, message) => {
    const errors = errorsOf(validateIssue(broken(mutate)));
    expect(errors.map((e) => e.pointer)).toEqual([pointer]);
    expect(errors[0]!.message).toMatch(message);
    expect(errors[0]!.severity).toBe('error');
  });

  it('rejects a document that is not an object', () => {
    for (const input of [null, [], 'issue', 42, true, undefined]) {
      expect(lines(validateIssue(input))).toEqual([`/: must be an object (got ${input === undefined ? 'undefined' : Array.isArray(input) ? 'array' : input === null ? 'null' : typeof input})`]);
    }
  });

  it('prints the examples of document-format.md word for word', () => {
    const d = broken((d) => {
      d.articles[1].url = 'javascript:alert(1)';
      d.articles[0].body[3] = { type: 'paragraph' };
      d.coverage.from = '2026-03-28';
    });
    expect(lines(validateIssue(d))).toEqual([
      '/coverage: "from" (2026-03-28) is after "to" (2026-03-27)',
      '/articles/0/body/3: paragraph must have exactly one of "text" or "runs"',
      '/articles/1/url: must be an absolute http or https URL (got "javascript:alert(1)")',
    ]);
  });
});

describe('all problems at once', () => {
  it('reports every problem, once each, in document order', () => {
    const d = broken((d) => {
      d.unknown = true;
      d.bulletin.title = '';
      d.issue.number = 0;
      d.issue.date = '2026-02-30';
      d.coverage.from = '2026-04-01';
      d.articles[0].url = 'javascript:alert(1)';
      d.articles[0].body[0].runs = [{ text: 'x', href: 'file:///x' }];
      d.articles[0].body[2].type = 'table';
      d.articles[0].body[3].width = 2;
      delete d.articles[1].title;
      d.articles[1].body = [];
    });
    expect(lines(validateIssue(d))).toEqual([
      '/bulletin/title: must not be empty',
      '/issue/number: must be between 1 and 99999 (got 0)',
      '/issue/date: "2026-02-30" is not a real calendar date',
      '/coverage: "from" (2026-04-01) is after "to" (2026-03-27)',
      '/articles/0/url: must be an absolute http or https URL (got "javascript:alert(1)")',
      '/articles/0/body/0: paragraph must have exactly one of "text" or "runs"',
      '/articles/0/body/0/runs/0/href: must be an absolute http or https URL (got "file:///x")',
      '/articles/0/body/2/type: unknown block type "table" (a block is "paragraph", "heading" or "image")',
      '/articles/0/body/3/width: must be between 0.1 and 1 (got 2)',
      '/articles/1: missing required property "title" of article',
      '/articles/1/body: must have at least one block',
      '/unknown: unknown property "unknown"',
    ]);
  });

  it('does not report a date range when a date is not real', () => {
    const d = broken((d) => ((d.coverage.from = '2026-02-31'), (d.coverage.to = '2026-02-01')));
    expect(lines(validateIssue(d))).toEqual(['/coverage/from: "2026-02-31" is not a real calendar date']);
  });
});

describe('text normalisation', () => {
  const decomposed = 'Cafe\u0301 “e\u0301” 가'.normalize('NFD');

  it('returns every string in NFC without touching the input', () => {
    const d = broken((d) => {
      d.bulletin.title = decomposed;
      d.lead = decomposed;
      d.articles[0].body[1].runs[0].text = decomposed;
      d.articles[0].body[3].caption = decomposed;
    });
    const before = JSON.stringify(d);
    const r = validateIssue(d);
    expect(JSON.stringify(d)).toBe(before);
    if (!r.ok) throw new Error(lines(r).join('\n'));
    const nfc = decomposed.normalize('NFC');
    expect(nfc).not.toBe(decomposed);
    expect(r.issue.bulletin.title).toBe(nfc);
    expect(r.issue.lead).toBe(nfc);
    const runs = r.issue.articles[0]!.body[1]!;
    expect('runs' in runs && runs.runs[0]!.text).toBe(nfc);
    const image = r.issue.articles[0]!.body[3]!;
    expect(image.type === 'image' && image.caption).toBe(nfc);
    expect(r.issue).not.toBe(d);
  });

  it('normalises every string of arbitrary valid documents and keeps every character otherwise', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'e\u0301', '\u1100\u1161', 'Å', '中', '“', ' ', '\u0308') });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const r = validateIssue(broken((d) => ((d.articles[0].body[0].text = a), (d.articles[0].source = b))));
        if (!r.ok) return false;
        const p = r.issue.articles[0]!.body[0]!;
        return 'text' in p && p.text === a.normalize('NFC') && r.issue.articles[0]!.source === b.normalize('NFC');
      }),
    );
  });

  it('keeps a "__proto__" key as data (and reports it as unknown)', () => {
    const d = JSON.parse(JSON.stringify(baseIssue()).replace('"bulletin":', '"__proto__": {"x": 1}, "bulletin":')) as unknown;
    expect(lines(validateIssue(d))).toEqual(['/__proto__: unknown property "__proto__"']);
    expect(({} as Loose)['x']).toBeUndefined();
  });
});

describe('mixed punctuation warnings', () => {
  it('warns about half- and full-width colons in one article, without rewriting', () => {
    const d = broken((d) => {
      d.articles[0].body[0].text = '来源:央广网。';
      d.articles[0].body[2].text = '原标题：省政府召开';
    });
    const r = validateIssue(d);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      {
        pointer: '/articles/0/body/0/text',
        message: 'article mixes half-width ":" and full-width "：" punctuation (full-width at /articles/0/body/2/text); typeset as written',
        severity: 'warning',
        source: 'issue',
      },
    ]);
    expect(r.ok && 'text' in r.issue.articles[0]!.body[0]! && r.issue.articles[0]!.body[0]!.text).toBe('来源:央广网。');
  });

  it('warns about (HIS) beside （HIS） and names the pointer', () => {
    const d = broken((d) => (d.articles[0].body[0].text = '医院信息系统(HIS)上线。'));
    const r = validateIssue(d);
    expect(r.warnings.map((w) => [w.pointer, w.severity])).toEqual([['/articles/0/body/0/text', 'warning']]);
    expect(r.warnings[0]!.message).toContain('"( )" and full-width "（ ）"');
  });

  it('warns per article, and also when the document has errors', () => {
    const d = broken((d) => {
      d.articles[0].body[0].text = '近日,北京市召开会议，';
      d.articles[1].body[0].text = '近日,北京市召开会议，';
      d.issue.number = 0;
    });
    const r = validateIssue(d);
    expect(r.ok).toBe(false);
    expect(r.warnings.map((w) => w.pointer)).toEqual(['/articles/0/body/0/text', '/articles/1/body/0/text']);
    expect(r.warnings[0]!.message).toContain('(full-width at /articles/0/originalTitle)');
    expect(r.warnings[1]!.message).toContain('(in the same text)');
  });

  it('does not warn about punctuation outside Chinese text, nor about one form alone', () => {
    // The second article has no other punctuation, so its one paragraph decides.
    for (const text of ['会议于10:30开始：议程如下。', '共1,000人，增长。', '他说：“AI (artificial intelligence) is here!”', '全部半角:(HIS),是吗?', 'All ASCII: (yes), fine; ok?']) {
      const r = validateIssue(broken((d) => (d.articles[1].body[0].text = text)));
      expect(r.warnings, text).toEqual([]);
    }
  });

  it('does not look at URLs', () => {
    const r = validateIssue(broken((d) => (d.articles[0].url = 'https://例子.中国/a:b(1)')));
    expect(r.warnings).toEqual([]);
  });
});

describe('formatError', () => {
  it('prints FILE:LINE:COL: error: POINTER: MESSAGE, as gcc and tsc do', () => {
    expect(formatError('a.json', { pointer: '/issue/date', message: 'bad', line: 3, column: 7 })).toBe('a.json:3:7: error: /issue/date: bad');
  });
  it('prints the whole document as "/" and an unknown position as 1:1', () => {
    expect(formatError('a.json', { pointer: '', message: 'bad' })).toBe('a.json:1:1: error: /: bad');
  });
  it('puts the severity word after the position', () => {
    expect(formatError('a.json', { pointer: '/lead', message: 'mixed', line: 2, column: 3, severity: 'warning' })).toBe('a.json:2:3: warning: /lead: mixed');
  });
  it('escapes a pointer so that nothing in a key can split the line (RFC 6901 §6 fragment form)', () => {
    const line = formatError('a.json', { pointer: '/articles/0/a: b', message: 'unknown', line: 1, column: 2 });
    expect(line).toBe('a.json:1:2: error: /articles/0/a%3A%20b: unknown');
    expect(line.split(': ')).toHaveLength(4);
    expect(decodeURIComponent('/articles/0/a%3A%20b')).toBe('/articles/0/a: b');
    expect(formatError('a.json', { pointer: '/x\u001b[31m', message: 'm' })).not.toMatch(/\u001b/);
  });
});

describe('never throws for bad input', () => {
  it('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = validateIssue(value);
        return r.ok === false && r.errors.length > 0 && r.errors.every((e) => typeof e.pointer === 'string' && e.message.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary values spliced into a valid document', () => {
    const paths: Array<(d: Loose, v: unknown) => void> = [
      (d, v) => (d.issue = v),
      (d, v) => (d.articles[0].body[1] = v),
      (d, v) => (d.articles[0].body[1].runs[0] = v),
      (d, v) => (d.articles[1] = v),
      (d, v) => (d.coverage.from = v),
      (d, v) => (d.articles[0].url = v),
    ];
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.anything(), (i, v) => {
        const r = validateIssue(broken((d) => paths[i]!(d, v)));
        return typeof r.ok === 'boolean' && (r.ok || r.errors.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('non-JSON values: functions, symbols, bigints, NaN, cycles, deep nesting', () => {
    const cyclic = broken(() => undefined);
    cyclic.articles[0].body[0] = cyclic.articles[0];
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const inputs: unknown[] = [
      () => 1,
      Symbol('x'),
      10n,
      broken((d) => (d.issue.number = NaN)),
      broken((d) => (d.issue.number = Infinity)),
      broken((d) => (d.articles[0].body[3].width = NaN)),
      broken((d) => (d.issue.date = new Date())),
      broken((d) => (d.lead = deep)),
      cyclic,
      new Map(),
    ];
    for (const input of inputs) {
      const r = validateIssue(input);
      expect(r.ok).toBe(false);
    }
    expect(lines(validateIssue(cyclic))).toContain('/articles/0/body/0: contains itself (a reference cycle is not JSON data)');
  });

  it('arbitrary strings as text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const r = validateIssueText(text);
        return r.ok === false && r.errors.every((e) => typeof e.line === 'number' && typeof e.column === 'number');
      }),
      { numRuns: 1000 },
    );
  });

  it('arbitrary JSON texts and mangled valid documents', () => {
    const valid = JSON.stringify(baseIssue(), null, 2);
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.tuple(fc.nat(valid.length), fc.nat(20), fc.string()).map(([at, cut, put]) => valid.slice(0, at) + put + valid.slice(at + cut))), (text) => {
        const r = validateIssueText(text);
        const all = r.ok ? r.warnings : [...r.errors, ...r.warnings];
        return all.every((e) => Number.isInteger(e.line) && e.line! >= 1 && Number.isInteger(e.column) && e.column! >= 1);
      }),
      { numRuns: 1000 },
    );
  });
});
