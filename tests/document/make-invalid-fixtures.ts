// Writes fixtures/invalid/*.json (each the base issue with exactly one thing wrong) and
// tests/document/invalid-expected.json (file → [{pointer, line, column}]):
//   npx tsx tests/document/make-invalid-fixtures.ts
// Expected positions are found by searching the written text for the offending spot, not by
// asking the validator, so the tests that compare the two can fail.
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Issue } from '../../src/document/types.js';
import { baseIssue } from './base-issue.js';

interface Expectation {
  pointer: string;
  line: number;
  column: number;
}

/** Line and column (1-based, UTF-16 units) of `needle`'s single occurrence, plus `skip` units. */
function at(text: string, needle: string, skip = 0): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`not found: ${needle}`);
  if (text.indexOf(needle, index + 1) >= 0) throw new Error(`not unique: ${needle}`);
  const before = text.slice(0, index + skip).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Position of the value of the (unique) `"key": value` written as `needle`. */
function valueOf(text: string, key: string, valueText: string): { line: number; column: number } {
  return at(text, `"${key}": ${valueText}`, `"${key}": `.length);
}

type Mutate = (doc: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Case {
  file: string;
  mutate?: Mutate;
  /** Text-level breakage, applied after serialising. */
  edit?: (text: string) => string;
  expect: (text: string) => Expectation[];
}

const cases: Case[] = [
  {
    file: 'bad-date-feb-30.json',
    mutate: (d) => (d.issue.date = '2026-02-30'),
    expect: (t) => [{ pointer: '/issue/date', ...valueOf(t, 'date', '"2026-02-30"') }],
  },
  {
    file: 'article-date-month-13.json',
    mutate: (d) => (d.articles[0].date = '2026-13-01'),
    expect: (t) => [{ pointer: '/articles/0/date', ...valueOf(t, 'date', '"2026-13-01"') }],
  },
  {
    file: 'coverage-from-after-to.json',
    mutate: (d) => (d.coverage.from = '2026-03-28'),
    expect: (t) => [{ pointer: '/coverage', ...valueOf(t, 'coverage', '{') }],
  },
  {
    file: 'url-javascript.json',
    mutate: (d) => (d.articles[1].url = 'javascript:alert(1)'),
    expect: (t) => [{ pointer: '/articles/1/url', ...valueOf(t, 'url', '"javascript:') }],
  },
  {
    file: 'url-relative.json',
    mutate: (d) => (d.articles[0].url = 'www.example.com/news/1.html'),
    expect: (t) => [{ pointer: '/articles/0/url', ...valueOf(t, 'url', '"www.example.com') }],
  },
  {
    file: 'url-data.json',
    mutate: (d) => (d.articles[0].url = 'data:text/html,<script>alert(1)</script>'),
    expect: (t) => [{ pointer: '/articles/0/url', ...valueOf(t, 'url', '"data:') }],
  },
  {
    file: 'href-file.json',
    mutate: (d) => (d.articles[0].body[1].runs[2].href = 'file:///etc/passwd'),
    expect: (t) => [{ pointer: '/articles/0/body/1/runs/2/href', ...valueOf(t, 'href', '"file:') }],
  },
  {
    file: 'unknown-top-level-key.json',
    mutate: (d) => (d.edition = '北京版'),
    expect: (t) => [{ pointer: '/edition', ...at(t, '"edition"') }],
  },
  {
    file: 'misspelt-caption.json',
    mutate: (d) => {
      const image = d.articles[0].body[3];
      image.captoin = image.caption;
      delete image.caption;
    },
    expect: (t) => [{ pointer: '/articles/0/body/3/captoin', ...at(t, '"captoin"') }],
  },
  {
    file: 'missing-bulletin-title.json',
    mutate: (d) => delete d.bulletin.title,
    expect: (t) => [{ pointer: '/bulletin', ...valueOf(t, 'bulletin', '{') }],
  },
  {
    file: 'missing-coverage.json',
    mutate: (d) => delete d.coverage,
    expect: () => [{ pointer: '', line: 1, column: 1 }],
  },
  {
    file: 'empty-publisher.json',
    mutate: (d) => (d.bulletin.publisher = ''),
    expect: (t) => [{ pointer: '/bulletin/publisher', ...valueOf(t, 'publisher', '""') }],
  },
  {
    file: 'empty-articles.json',
    mutate: (d) => (d.articles = []),
    expect: (t) => [{ pointer: '/articles', ...valueOf(t, 'articles', '[]') }],
  },
  {
    file: 'empty-body.json',
    mutate: (d) => (d.articles[1].body = []),
    expect: (t) => [{ pointer: '/articles/1/body', ...valueOf(t, 'body', '[]') }],
  },
  {
    file: 'block-type-video.json',
    mutate: (d) => (d.articles[0].body[3].type = 'video'),
    expect: (t) => [{ pointer: '/articles/0/body/3/type', ...valueOf(t, 'type', '"video"') }],
  },
  {
    file: 'paragraph-text-and-runs.json',
    mutate: (d) => (d.articles[1].body[0].runs = [{ text: '另一种写法。' }]),
    expect: (t) => [{ pointer: '/articles/1/body/0', ...at(t, '{\n          "type": "paragraph",\n          "text": "近日') }],
  },
  {
    file: 'paragraph-neither-text-nor-runs.json',
    mutate: (d) => (d.articles[1].body[0] = { type: 'paragraph' }),
    expect: (t) => [{ pointer: '/articles/1/body/0', ...at(t, '{\n          "type": "paragraph"\n        }') }],
  },
  {
    file: 'heading-without-text.json',
    mutate: (d) => delete d.articles[0].body[2].text,
    expect: (t) => [{ pointer: '/articles/0/body/2', ...at(t, '{\n          "type": "heading"\n        }') }],
  },
  {
    file: 'image-width-2.json',
    mutate: (d) => (d.articles[0].body[3].width = 2),
    expect: (t) => [{ pointer: '/articles/0/body/3/width', ...valueOf(t, 'width', '2') }],
  },
  {
    file: 'issue-number-0.json',
    mutate: (d) => (d.issue.number = 0),
    expect: (t) => [{ pointer: '/issue/number', ...valueOf(t, 'number', '0') }],
  },
  {
    file: 'issue-number-100000.json',
    mutate: (d) => (d.issue.number = 100000),
    expect: (t) => [{ pointer: '/issue/number', ...valueOf(t, 'number', '100000') }],
  },
  {
    file: 'issue-number-string.json',
    mutate: (d) => (d.issue.number = '666'),
    expect: (t) => [{ pointer: '/issue/number', ...valueOf(t, 'number', '"666"') }],
  },
  {
    file: 'bold-not-boolean.json',
    mutate: (d) => (d.articles[0].body[1].runs[0].bold = 'yes'),
    expect: (t) => [{ pointer: '/articles/0/body/1/runs/0/bold', ...valueOf(t, 'bold', '"yes"') }],
  },
  {
    file: 'malformed-missing-comma.json',
    // Drop the comma after the issue number: the parser stops at the next key.
    edit: (t) => t.replace('"number": 666,', '"number": 666'),
    expect: (t) => [{ pointer: '', ...at(t, '"date": "2026-03-27"\n  }') }],
  },
  {
    file: 'malformed-trailing-comma.json',
    edit: (t) => t.replace('"scope": "全国主流媒体及政府网站等"', '"scope": "全国主流媒体及政府网站等",'),
    // The parser stops at the "}" that follows the trailing comma.
    expect: (t) => [{ pointer: '', ...at(t, '政府网站等",\n  }', '政府网站等",\n  '.length) }],
  },
];

function main(): void {
  const dir = fileURLToPath(new URL('../../fixtures/invalid/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir)) if (old.endsWith('.json')) unlinkSync(path.join(dir, old));
  const expected: Record<string, Expectation[]> = {};
  for (const c of cases) {
    const doc = baseIssue() as Issue & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    c.mutate?.(doc);
    let text = `${JSON.stringify(doc, null, 2)}\n`;
    if (c.edit) {
      const edited = c.edit(text);
      if (edited === text) throw new Error(`${c.file}: edit changed nothing`);
      text = edited;
    }
    writeFileSync(path.join(dir, c.file), text);
    expected[c.file] = c.expect(text);
  }
  writeFileSync(path.join(import.meta.dirname, 'invalid-expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  console.log(`wrote ${cases.length} invalid fixtures to ${dir} and their expectations to tests/document/invalid-expected.json`);
}

main();
