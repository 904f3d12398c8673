// validateIssueText: positions in the file for every problem, and plain syntax errors.
import { describe, expect, it } from 'vitest';
import { validateIssueText } from '../../src/document/index.js';
import type { ValidationResult } from '../../src/document/index.js';
import type { IssueError } from '../../src/errors.js';
import { pointerPosition } from '../../src/json/source.js';
import { baseIssue } from './base-issue.js';

function errorsOf(r: ValidationResult): IssueError[] {
  if (r.ok) throw new Error('expected the document to be rejected');
  return r.errors;
}

const where = (e: IssueError): string => `${e.line}:${e.column} ${e.pointer || '/'}`;

/** The base issue as text with `lines` spliced in place of the line containing `marker`. */
function textWith(marker: string, replacement: string): string {
  const text = JSON.stringify(baseIssue(), null, 2);
  if (!text.includes(marker)) throw new Error(marker);
  return text.replace(marker, replacement);
}

describe('positions', () => {
  it('puts a wrong value at the value, a missing property at its object, an unknown property at its key', () => {
    const text = [
      '{',
      '  "bulletin": {"title": "周报"},',
      '  "issue": {"number": 0, "date": "2026-03-27"},',
      '  "coverage": {"from": "2026-03-21", "to": "2026-03-27", "topic": "t", "scope": "s"},',
      '  "articles": [',
      '    {"title": "标题", "source": "s", "url": "https://a.org", "body": [',
      '      {"type": "image", "src": "a.png", "widht": 0.5}',
      '    ]}',
      '  ]',
      '}',
    ].join('\n');
    const errors = errorsOf(validateIssueText(text));
    const lines = text.split('\n');
    const col = (line: number, needle: string): number => lines[line - 1]!.indexOf(needle) + 1;
    expect(errors.map(where)).toEqual([
      `2:${col(2, '{"title"')} /bulletin`,
      `3:${col(3, '0,')} /issue/number`,
      `7:${col(7, '"widht"')} /articles/0/body/0/widht`,
    ]);
    expect(errors[0]!.message).toBe('missing required property "publisher"');
    expect(errors[2]!.message).toBe('unknown property "widht" in image block (did you mean "width"?)');
  });

  it('gives every error a position and sorts them by it', () => {
    const text = textWith('"number": 666', '"number": -1').replace('"topic"', '"topik"').replace('"https://example.org/a"', '"ftp://x"');
    const errors = errorsOf(validateIssueText(text));
    expect(errors.length).toBe(4); // -1, unknown topik, missing topic, ftp
    for (const e of errors) expect(e.line).toBeGreaterThan(0);
    const order = errors.map((e) => e.line! * 1000 + e.column!);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('counts CRLF line ends once and skips a byte order mark', () => {
    const lf = textWith('"date": "2026-03-27"', '"date": "2026-02-30"');
    const [expected] = errorsOf(validateIssueText(lf));
    const [crlf] = errorsOf(validateIssueText(lf.replace(/\n/g, '\r\n')));
    const [bom] = errorsOf(validateIssueText(`\ufeff${lf}`));
    expect(crlf).toEqual(expected);
    expect(bom).toEqual(expected);
    expect(expected!.pointer).toBe('/issue/date');
    expect(validateIssueText(`\ufeff${JSON.stringify(baseIssue())}`).ok).toBe(true);
  });

  it('counts a tab as one column and CJK characters as one column each', () => {
    const text = '{"bulletin":\t{"title": "中文标题", "publisher": "中心", "x": 1}}';
    const unknown = errorsOf(validateIssueText(text)).find((e) => e.pointer === '/bulletin/x')!;
    expect(where(unknown)).toBe(`1:${text.indexOf('"x"') + 1} /bulletin/x`);
  });

  it('points at the last of repeated keys, and reports the repetition', () => {
    const text = textWith('"number": 666,', '"number": 0,\n    "number": 666,');
    const errors = errorsOf(validateIssueText(text));
    expect(errors.map((e) => [where(e), e.message])).toEqual([
      ['9:5 /issue/number', 'property "number" appears more than once in this object (only the last would count)'],
    ]);
  });

  it('pointerPosition finds a value, or its nearest ancestor', () => {
    const text = JSON.stringify(baseIssue(), null, 2);
    const lines = text.split('\n');
    expect(lines[8]).toBe('    "date": "2026-03-27"');
    expect(pointerPosition(text, '/issue/date')).toEqual({ line: 9, column: 13 });
    expect(lines[6]).toBe('  "issue": {');
    expect(pointerPosition(text, '/issue/nothing/here')).toEqual({ line: 7, column: 12 });
    expect(pointerPosition(text, '')).toEqual({ line: 1, column: 1 });
    expect(pointerPosition(text, '/')).toEqual({ line: 1, column: 1 });
    expect(pointerPosition('{ not json', '/a')).toEqual({ line: 1, column: 1 });
  });

  it('escapes "/" and "~" in pointers', () => {
    const text = '{"a/b": 1, "c~d": 2}';
    const errors = errorsOf(validateIssueText(text));
    expect(errors.filter((e) => e.pointer.startsWith('/a') || e.pointer.startsWith('/c')).map(where)).toEqual(['1:2 /a~1b', '1:12 /c~0d']);
  });
});

describe('malformed JSON', () => {
  it.each<[string, string, string, RegExp]>([
    ['a trailing comma', '{"a": 1,}', '1:9', /^not valid JSON: a comma before "}" is not allowed \(trailing comma\)$/],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', '3:3', /^not valid JSON: missing "," before a string$/],
    ['a missing colon', '{"a" 1}', '1:6', /^not valid JSON: missing ":" after the property name$/],
    ['single quotes', "{'a': 1}", '1:2', /double quotes/],
    ['a comment', '{\n  // note\n  "a": 1\n}', '2:3', /comments/],
    ['a bare word', '{"a": yes}', '1:7', /^not valid JSON: unexpected word "yes"/],
    ['an unclosed object', '{\n  "a": [1, 2]\n', '2:14', /^not valid JSON: the file ends before the "\{" opened at 1:1 is closed$/],
    ['an unclosed array', '{"a": [1,\n', '1:10', /the file ends before the "\[" opened at 1:7 is closed/],
    ['an unclosed string', '{"a": "abc', '1:11', /ends inside a string/],
    ['an empty file', '', '1:1', /^not valid JSON: the file is empty/],
    ['only whitespace', '  \n  ', '1:1', /the file is empty/],
    ['two documents', '{} {}', '1:4', /after the end of the document/],
    ['a raw line break in a string', '{"a": "x\ny"}', '1:9', /raw control character/],
    ['a bad escape', '{"a": "\\q"}', '1:8', /^not valid JSON: invalid escape "\\q" in a string/],
    ['NaN', '{"a": NaN}', '1:7', /not valid JSON/],
    ['a stray U+2028', '{"a":\u2028 1}', '1:6', /unexpected character U\+2028/],
  ])('%s: one error at the syntax error, pointer "/"', (_name, text, at, message) => {
    const r = validateIssueText(text);
    const errors = errorsOf(r);
    expect(errors).toHaveLength(1);
    expect(`${errors[0]!.line}:${errors[0]!.column}`).toBe(at);
    expect(errors[0]!.pointer).toBe('');
    expect(errors[0]!.message).toMatch(message);
    expect(r.warnings).toEqual([]);
  });

  it('reads a document nested deeper than the call stack without throwing', () => {
    const r = validateIssueText(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(r.ok).toBe(false);
  });
});
