// A theme override is a partial JSON copy of the theme: validated against
// schemas/theme.schema.json, then deep-merged over the defaults (objects merge, arrays and
// values replace), so a designer can change one colour without restating the rest.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { IssueValidationError, type IssueError } from '../document/types.js';
import { defaultTheme } from './default.js';
import type { Theme } from './types.js';

/** schemas/ sits two levels above both src/theme/ and dist/theme/. */
export const themeSchemaPath = fileURLToPath(new URL('../../schemas/theme.schema.json', import.meta.url));

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    validator = ajv.compile(JSON.parse(readFileSync(themeSchemaPath, 'utf8')) as object);
  }
  return validator;
}

function describe(e: ErrorObject): IssueError {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') {
    const key = String(params['additionalProperty']);
    return { pointer: `${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, message: `unknown theme key "${key}"` };
  }
  // The schema's one anyOf is a colour reference (ajv inlines it, so its path is no guide).
  if (e.keyword === 'anyOf') {
    return { pointer: e.instancePath, message: `must be a colour #RRGGBB or one of "text", "accent", "link" (got ${JSON.stringify(e.data)})` };
  }
  if (e.keyword === 'pattern' && e.schemaPath.endsWith('color/pattern')) {
    return { pointer: e.instancePath, message: `must be a colour #RRGGBB (got ${JSON.stringify(e.data)})` };
  }
  return { pointer: e.instancePath, message: e.message ?? 'is invalid' };
}

/** The errors of a theme override against the schema; empty when it is valid. */
export function checkTheme(override: unknown): IssueError[] {
  const v = validate();
  if (v(override)) return [];
  // anyOf reports each failed branch: for a colour reference, its own message replaces them.
  const errors = v.errors ?? [];
  const refs = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  return errors
    .filter((e) => !refs.has(e.instancePath) || e.keyword === 'anyOf')
    .map(describe)
    .filter((e) => {
      const key = `${e.pointer}\0${e.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function merge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === '$schema') continue;
    out[k] = merge(base[k], v);
  }
  return out;
}

/** #RRGGBB of a colour reference: a hex value, or the name of one of theme.colors. */
export function colorOf(theme: Theme, ref: string): string {
  if (ref === 'text' || ref === 'accent' || ref === 'link') return theme.colors[ref];
  return ref;
}

/** What the schema cannot say: the parts of the page must fit together. */
function checkGeometry(t: Theme): IssueError[] {
  const errors: IssueError[] = [];
  const { page } = t;
  if (page.textWidth > page.width) {
    errors.push({ pointer: '/page/textWidth', message: `text width ${page.textWidth} pt is wider than the page (${page.width} pt)` });
  }
  const area = page.height - page.marginTop - page.marginBottom;
  const lines = 3 * t.styles.body.pitch;
  if (area < lines) {
    errors.push({ pointer: '/page', message: `margins leave ${area.toFixed(1)} pt for text: less than three body lines (${lines} pt)` });
  }
  return errors;
}

/**
 * The built-in theme with `override` merged in. Throws IssueValidationError (one error per
 * problem, each with a JSON Pointer into the override) when the override does not match the
 * schema.
 */
export function resolveTheme(override?: unknown, file?: string): Theme {
  if (override === undefined) return defaultTheme;
  const errors = checkTheme(override);
  if (errors.length > 0) throw new IssueValidationError(errors, file);
  const theme = merge(defaultTheme, override) as Theme;
  const wrong = checkGeometry(theme);
  if (wrong.length > 0) throw new IssueValidationError(wrong, file);
  return theme;
}

/**
 * Reads a theme override file (the CLI's --theme FILE). A template path in it is taken
 * relative to the file's folder.
 */
export function loadThemeFile(file: string): Theme {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new IssueValidationError([{ pointer: '', message: `cannot read theme: ${(e as Error).message}` }], file);
  }
  const theme = resolveTheme(json, file);
  const over = json as { templates?: { lead?: string } };
  const lead = over.templates?.lead;
  if (lead !== undefined) {
    return { ...theme, templates: { ...theme.templates, lead: path.resolve(path.dirname(file), lead) } };
  }
  return theme;
}
