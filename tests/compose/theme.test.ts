import { copyFileSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IssueValidationError } from '../../src/errors.js';
import { defaultTheme } from '../../src/theme/default.js';
import { checkTheme, resolveTheme } from '../../src/theme/resolve.js';
import { checkThemeFile, renderIssue } from '../../src/pipeline.js';
import { composeIssue } from '../../src/compose/compose.js';
import { sampleIssue } from './sample.js';

describe('theme', () => {
  it('has the house defaults', () => {
    expect(defaultTheme.page.textWidth).toBe(444);
    expect(defaultTheme.page.marginTop).toBeCloseTo(85.04, 1);
    expect(defaultTheme.page.marginBottom).toBeCloseTo(79.37, 1);
    expect(defaultTheme.styles.body).toMatchObject({ size: 12, pitch: 21, indent: 2, align: 'justify' });
    expect(defaultTheme.colors.accent).toBe('#C8161D');
    expect(defaultTheme.fonts.heading[0]).toBe('NotoSansSC-Bold.gb2312');
    expect(checkTheme(JSON.parse(JSON.stringify(defaultTheme)))).toEqual([]);
  });

  it('recolours every use of a named colour', () => {
    const t = resolveTheme({ colors: { accent: '#1F4E9A' } });
    const blocks = composeIssue(sampleIssue(), t).blocks;
    const title = blocks[0]!;
    expect(title.kind === 'text' && title.runs[0]!.color).toBe('#1F4E9A');
    const rule = blocks.find((b) => b.kind === 'rule');
    expect(rule?.kind === 'rule' && rule.color).toBe('#1F4E9A');
    expect(checkTheme({ styles: { body: { color: 'purple' } } })).toMatchObject([
      { pointer: '/styles/body/color', message: 'must be a colour #RRGGBB or one of "text", "accent", "link" (got "purple")' },
    ]);
    expect(resolveTheme({ styles: { body: { color: 'link' } } }).styles.body.color).toBe('link');
  });

  it('merges an override deeply and leaves the defaults untouched', () => {
    const t = resolveTheme({ colors: { accent: '#112233' }, styles: { body: { size: 11 } }, fonts: { body: ['X'] } });
    expect(t.colors).toEqual({ ...defaultTheme.colors, accent: '#112233' });
    expect(t.styles.body).toEqual({ ...defaultTheme.styles.body, size: 11 });
    expect(t.fonts.body).toEqual(['X']);
    expect(defaultTheme.colors.accent).toBe('#C8161D');
    expect(resolveTheme()).toBe(defaultTheme);
  });

  it('reports every problem with a pointer into the override', () => {
    let err: unknown;
    try {
      resolveTheme({ colors: { accent: 'red' }, styles: { body: { size: -1, colour: '#000000' } }, extra: 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IssueValidationError);
    const pointers = (err as IssueValidationError).errors.map((e) => e.pointer).sort();
    expect(pointers).toEqual(['/colors/accent', '/extra', '/styles/body/colour', '/styles/body/size']);
    expect((err as IssueValidationError).errors.find((e) => e.pointer === '/extra')?.message).toMatch(/unknown theme key "extra"/);
  });

  it('checks that the page parts fit together', () => {
    const pointers = (o: unknown) => {
      try {
        resolveTheme(o);
      } catch (e) {
        return (e as IssueValidationError).errors.map((x) => x.pointer);
      }
      return [];
    };
    expect(pointers({ page: { textWidth: 600 } })).toEqual(['/page/textWidth']);
    expect(pointers({ page: { marginTop: 400, marginBottom: 400 } })).toEqual(['/page']);
    expect(pointers({ page: { width: 420, textWidth: 400 } })).toEqual([]);
  });

  it('loads a theme file, resolving the lead template next to it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-theme-'));
    const file = path.join(dir, 'theme.json');
    writeFileSync(file, JSON.stringify({ templates: { lead: 'lead.hbs' }, labels: { lead: '导语：' } }));
    writeFileSync(path.join(dir, 'lead.hbs'), '本期{{count}}篇');
    const t = await checkThemeFile(file);
    expect(t.templates.lead).toBe(path.join(dir, 'lead.hbs'));
    expect(t.labels.lead).toBe('导语：');
    writeFileSync(file, '{"page": {"width": "wide"}}');
    await expect(checkThemeFile(file)).rejects.toThrow(/\/page\/width/);
    writeFileSync(file, '{oops');
    await expect(checkThemeFile(file)).rejects.toThrow(IssueValidationError);
  });

  it('reports theme errors against the theme file, at the line and column of the value', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-theme-'));
    const file = path.join(dir, 'T.json');
    writeFileSync(file, '{\n  "colors": {\n    "accent": "red"\n  },\n  "fonts": { "body": ["NoSuchFace"] }\n}\n');
    const err = await checkThemeFile(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IssueValidationError);
    const e = err as IssueValidationError;
    expect(e.errors.every((x) => x.source === 'theme')).toBe(true);
    expect(e.message.split('\n')[0]).toBe(`${file}:3:15: error: /colors/accent: must be a colour #RRGGBB (got "red")`);
    // An unknown face is a theme error too, found once the schema passes.
    writeFileSync(file, '{\n  "fonts": {\n    "body": ["NoSuchFace"]\n  }\n}\n');
    const faces = (await checkThemeFile(file).catch((x: unknown) => x)) as IssueValidationError;
    expect(faces.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:14: error: /fonts/body/0: unknown font face "NoSuchFace"`));
  });

  it('locates errors of a theme file found while rendering in the theme file, not the issue', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-theme-'));
    const file = path.join(dir, 'T.json');
    writeFileSync(file, '{\n  "templates": {\n    "lead": "missing.hbs"\n  }\n}\n');
    writeFileSync(path.join(dir, 'lead.hbs'), '{{count}} {{cuont}}');
    writeFileSync(file, '{\n  "templates": {\n    "lead": "lead.hbs"\n  }\n}\n');
    const { lead: _lead, ...noLead } = sampleIssue();
    const err = (await renderIssue(noLead, { themeFile: file }).catch((x: unknown) => x)) as IssueValidationError;
    expect(err).toBeInstanceOf(IssueValidationError);
    expect(err.errors[0]).toMatchObject({ source: 'theme', pointer: '/templates/lead', line: 3, column: 13 });
    expect(err.message.startsWith(`${file}:3:13: error: /templates/lead: lead template`)).toBe(true);
  });

  it('checks the theme\'s own text against the fonts: a label no face can draw is a theme error at its key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-theme-'));
    const file = path.join(dir, 'T.json');
    writeFileSync(file, '{\n  "labels": {\n    "source": "来源😀："\n  }\n}\n');
    const e = (await checkThemeFile(file).catch((x: unknown) => x)) as IssueValidationError;
    expect(e).toBeInstanceOf(IssueValidationError);
    expect(e.errors).toMatchObject([{ source: 'theme', pointer: '/labels/source', line: 3, column: 15, message: 'no bundled font has a glyph for U+1F600 "😀"' }]);
    // The same through a render: never blamed on an article of the issue.
    const r = (await renderIssue(sampleIssue(), { themeFile: file }).catch((x: unknown) => x)) as IssueValidationError;
    expect(r.errors.map((x) => `${x.source}:${x.pointer}`)).toEqual(['theme:/labels/source']);
  });

  it('checks labels against the theme\'s own fallback faces too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-theme-'));
    copyFileSync(path.resolve(import.meta.dirname, '../fixtures-fonts/HanaMinB-subset.ttf'), path.join(dir, 'rare.ttf'));
    const file = path.join(dir, 'T.json');
    writeFileSync(file, JSON.stringify({ fonts: { fallback: ['rare.ttf'] }, labels: { source: '𠮷源：' } }));
    const t = await checkThemeFile(file);
    expect(t.labels.source).toBe('𠮷源：');
    writeFileSync(file, JSON.stringify({ labels: { source: '𠮷源：' } }));
    await expect(checkThemeFile(file)).rejects.toThrow(/\/labels\/source: no bundled font has a glyph for U\+20BB7/);
  });

  it('confines a theme file\'s template to the theme\'s folder, as images are confined to the issue\'s', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-theme-'));
    const file = path.join(dir, 'T.json');
    const refused = async (lead: string): Promise<string> => {
      writeFileSync(file, JSON.stringify({ templates: { lead } }));
      const e = (await checkThemeFile(file).catch((x: unknown) => x)) as IssueValidationError;
      expect(e).toBeInstanceOf(IssueValidationError);
      expect(e.errors[0]).toMatchObject({ source: 'theme', pointer: '/templates/lead', line: 1, column: 22 });
      return e.errors[0]!.message;
    };
    expect(await refused('/etc/passwd')).toMatch(/must be relative/);
    expect(await refused('../../../../etc/passwd')).toMatch(/outside the theme's folder/);
    expect(await refused('missing.hbs')).toMatch(/does not exist/);
    expect(await refused('')).toMatch(/is empty/);
    expect(await refused('.')).toMatch(/is the theme's folder, not a file/);
    symlinkSync('/etc/passwd', path.join(dir, 'link.hbs'));
    expect(await refused('link.hbs')).toMatch(/through a link/);
  });
});
