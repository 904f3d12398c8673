// A TypeScript project that installed bulletin-press, type-checked against the built
// declarations (dist/*.d.ts) found as the package would be: a temporary project whose
// node_modules/bulletin-press is a link to this repository, compiled with strict settings
// under moduleResolution node16 and bundler. A misspelt theme key must not compile.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/build-dist.js';

const root = path.resolve(import.meta.dirname, '../..');

const consumer = `
import { createRenderer, IssueValidationError, renderIssue, renderPngs, validateIssue } from 'bulletin-press';
import type { Article, BodyBlock, ImageBlock, Issue, PageModel, PagePng, ThemeOverride, TextStyle } from 'bulletin-press';

const figure: ImageBlock = { type: 'image', src: 'chart.png', caption: '图表', width: 0.5 };
const body: BodyBlock[] = [
  { type: 'heading', text: '小标题' },
  { type: 'paragraph', text: '这是一段测试文字。' },
  { type: 'paragraph', runs: [{ text: '加粗', bold: true }, { text: '链接', href: 'https://example.org/' }] },
  figure,
];
const article: Article = { title: '测试文章', source: '人民网', url: 'https://example.org/a', date: '2026-03-27', body };
const issue: Issue = {
  bulletin: { title: '全国卫生信息化舆情监测周报', publisher: '北京市卫生健康大数据与政策研究中心' },
  issue: { number: 1070, date: '2026-03-27' },
  coverage: { from: '2026-03-21', to: '2026-03-27', topic: '卫生健康大数据与政策研究', scope: '全国主流媒体及政府网站等' },
  articles: [article],
};
const body11: Partial<TextStyle> = { size: 11 };
const theme: ThemeOverride = { colors: { accent: '#aa0000' }, styles: { body: body11 }, fonts: { fallback: ['rare.ttf'] }, hyphenation: false };

export async function main(png: Uint8Array): Promise<number> {
  const checked = validateIssue(issue);
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('; '));
  const renderer = createRenderer({ workers: 1, maxQueue: 8 });
  try {
    const pdf: Uint8Array = await renderer.render(checked.issue, {
      theme,
      images: new Map([['chart.png', png]]),
      fallbackFonts: [new Uint8Array(0)],
      timeoutMs: 30_000,
      signal: AbortSignal.timeout(60_000),
    });
    const pages: PagePng[] = await renderPngs(issue, { pages: [1], ppi: 72, images: async (src: string) => (src === 'chart.png' ? png : undefined) });
    const { pages: n } = await renderer.check(issue, { images: { 'chart.png': png } });
    return pdf.byteLength + pages.length + n;
  } catch (e) {
    if (e instanceof IssueValidationError) return e.errors.length;
    throw e;
  } finally {
    await renderer.close();
  }
}

export async function direct(): Promise<PageModel['pages'][number]['items'][number]['kind']> {
  await renderIssue(issue, { theme: { page: { marginTop: 60 } } });
  return 'line';
}
`;

const misspelt = `
import { renderIssue } from 'bulletin-press';
import type { ThemeOverride } from 'bulletin-press';
export const theme: ThemeOverride = { colours: { accent: '#aa0000' } };
export const run = (input: unknown): Promise<Uint8Array> => renderIssue(input, { theme: { styles: { bdy: { size: 11 } } } });
`;

const strict = {
  strict: true,
  noEmit: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  skipLibCheck: false,
  target: 'ES2022',
  lib: ['ES2023', 'DOM'],
  types: ['node'],
};

const settings: Record<string, Record<string, unknown>> = {
  node16: { ...strict, module: 'node16', moduleResolution: 'node16' },
  bundler: { ...strict, module: 'esnext', moduleResolution: 'bundler' },
};

let project = '';

const programs = new Map<string, ts.Program>();

/** One program per setting holds both files (the type check of dist/*.d.ts is the cost); diagnostics are split by file. */
function compile(file: string, name: keyof typeof settings): { errors: string[]; files: string[] } {
  let program = programs.get(name);
  if (!program) {
    const { options, errors } = ts.convertCompilerOptionsFromJson({ ...settings[name], typeRoots: [path.join(root, 'node_modules/@types')] }, project);
    expect(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n'))).toEqual([]);
    program = ts.createProgram([path.join(project, 'consumer.ts'), path.join(project, 'misspelt.ts')], options);
    programs.set(name, program);
  }
  const source = program.getSourceFile(path.join(project, file));
  const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
    const where = d.file && d.start !== undefined ? `${path.relative(project, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  if (file === 'consumer.ts') diagnostics.push(...[...program.getGlobalDiagnostics(), ...program.getOptionsDiagnostics()].map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`));
  return { errors: diagnostics, files: program.getSourceFiles().map((f) => f.fileName) };
}

beforeAll(() => {
  ensureBuilt();
  project = mkdtempSync(path.join(tmpdir(), 'bp-consumer-'));
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  mkdirSync(path.join(project, 'node_modules'));
  symlinkSync(root, path.join(project, 'node_modules/bulletin-press'), 'dir');
  writeFileSync(path.join(project, 'consumer.ts'), consumer);
  writeFileSync(path.join(project, 'misspelt.ts'), misspelt);
});

describe.each(Object.keys(settings))('a consumer compiled with moduleResolution %s', (name) => {
  it('type-checks a document, a theme override and createRenderer use against dist/*.d.ts', () => {
    const { errors, files } = compile('consumer.ts', name);
    expect(errors).toEqual([]);
    // The declarations were the package's own, not the sources.
    expect(files.some((f) => f.endsWith('/dist/index.d.ts'))).toBe(true);
    expect(files.filter((f) => f.startsWith(root + '/src/'))).toEqual([]);
  });

  it('refuses a misspelt theme key, in a ThemeOverride and in the theme option', () => {
    const { errors } = compile('misspelt.ts', name);
    expect(errors).toEqual([
      expect.stringMatching(/^misspelt\.ts:4 TS(2353|2561): .*'colours' does not exist in type 'ThemeOverride'/),
      expect.stringMatching(/^misspelt\.ts:5 TS(2353|2561): .*'bdy' does not exist/),
    ]);
  });
});
