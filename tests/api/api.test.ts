// The public API as a service uses it: import from src/index.ts, documents in memory or on disk.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFile, IssueValidationError, layoutIssue, renderIssue, validateIssue } from '../../src/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(root, 'fixtures', name), 'utf8'));

function smallIssue(): Record<string, unknown> {
  return {
    bulletin: { title: '全国卫生信息化舆情监测周报', publisher: '北京市卫生健康大数据与政策研究中心' },
    issue: { number: 1070, date: '2026-03-27' },
    coverage: { from: '2026-03-21', to: '2026-03-27', topic: '卫生健康大数据与政策研究', scope: '全国主流媒体及政府网站等' },
    articles: [
      {
        title: '测试文章',
        source: '人民网',
        url: 'https://example.org/a',
        body: [{ type: 'paragraph', text: '这是一段测试文字。' }],
      },
    ],
  };
}

describe('validateIssue', () => {
  it('accepts a fixture and returns the typed issue', () => {
    const r = validateIssue(fixture('bulletin-663.json'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.issue.issue.number).toBe(663);
  });

  it('returns every error at once with pointers, never throwing', () => {
    const bad = smallIssue();
    (bad.issue as Record<string, unknown>).date = '2026-02-30';
    ((bad.articles as Record<string, unknown>[])[0]!).url = 'javascript:alert(1)';
    const r = validateIssue(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.pointer).sort()).toEqual(['/articles/0/url', '/issue/date']);
    expect(validateIssue(undefined).ok).toBe(false);
    expect(validateIssue('{').ok).toBe(false);
  });
});

describe('renderIssue', () => {
  it('renders a PDF from a document in memory', async () => {
    const pdf = await renderIssue(smallIssue());
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('throws a typed error carrying the whole error list when invalid', async () => {
    const bad = smallIssue();
    delete (bad.bulletin as Record<string, unknown>).title;
    const err = await renderIssue(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IssueValidationError);
    expect((err as IssueValidationError).errors[0]).toMatchObject({ pointer: '/bulletin' });
  });

  it('reports a character no bundled font has, naming U+XXXX and the block', async () => {
    const bad = smallIssue();
    const article = (bad.articles as { body: { text: string }[] }[])[0]!;
    article.body[0]!.text = '表情\u{1F600}字';
    const err = await renderIssue(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IssueValidationError);
    const [first] = (err as IssueValidationError).errors;
    expect(first?.pointer).toMatch(/^\/articles\/0\/body\/0/);
    expect(first?.message).toContain('U+1F600');
  });
});

describe('layoutIssue', () => {
  it('returns the page model of both fixtures', async () => {
    for (const name of ['bulletin-663.json', 'bulletin-666.json']) {
      const model = await layoutIssue(fixture(name));
      expect(model.pages.length).toBeGreaterThan(1);
      expect(model.info.lang).toBe('zh-CN');
      expect(model.outline.length).toBe(2);
    }
  });
});

describe('buildFile', () => {
  it('writes the PDF next to the input by default', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-api-'));
    writeFileSync(path.join(dir, 'issue.json'), JSON.stringify(smallIssue()));
    const r = await buildFile(path.join(dir, 'issue.json'));
    expect(r.output).toBe(path.join(dir, 'issue.pdf'));
    expect(r.pages).toBeGreaterThan(0);
    expect(readFileSync(r.output).byteLength).toBe(r.bytes);
    expect(readdirSync(dir).sort()).toEqual(['issue.json', 'issue.pdf']);
  });

  it('gives late errors a line and column in the file, and writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-api-'));
    const issue = smallIssue();
    (issue.articles as { body: { text: string }[] }[])[0]!.body[0]!.text = '\u{1F600}';
    const file = path.join(dir, 'issue.json');
    writeFileSync(file, JSON.stringify(issue, null, 2));
    const err = await buildFile(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IssueValidationError);
    const [first] = (err as IssueValidationError).errors;
    expect(first?.line).toBeGreaterThan(1);
    expect(first?.column).toBeGreaterThan(1);
    expect(existsSync(path.join(dir, 'issue.pdf'))).toBe(false);
  });
});
