// A theme override is a partial JSON copy of the theme: validated against
// schemas/theme.schema.json, then deep-merged over the defaults (objects merge, arrays and
// values replace), so a designer can change one colour without restating the rest.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020 as Ajv2020Class } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { dedupeErrors, IssueValidationError, themeError, type IssueError } from '../errors.js';
import { isPlainObject, joinPointer } from '../json/pointer.js';
import { parseText, type SourceMap } from '../json/source.js';
import { confinedPath } from '../confine.js';
import { readBoundedFile, unreadReason } from '../bounded-file.js';

/** A theme override is a few kilobytes; anything past this is not one. */
const MAX_THEME_BYTES = 1024 * 1024;
import { defaultTheme } from './default.js';
import type { Theme } from './types.js';

/** schemas/ sits two levels above both src/theme/ and dist/theme/. */
export const themeSchemaPath = fileURLToPath(new URL('../../schemas/theme.schema.json', import.meta.url));

let validator: ValidateFunction | undefined;

/** Compiled at the first theme override; ajv itself is loaded only then (a build with the default theme never needs it). */
function validate(): ValidateFunction {
  if (!validator) {
    const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Class };
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    validator = ajv.compile(JSON.parse(readFileSync(themeSchemaPath, 'utf8')) as object);
  }
  return validator;
}

function describe(e: ErrorObject): IssueError {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') {
    const key = String(params['additionalProperty']);
    return themeError(joinPointer(e.instancePath, key), `unknown theme key "${key}"`);
  }
  // The schema's one anyOf is a colour reference (ajv inlines it, so its path is no guide).
  if (e.keyword === 'anyOf') {
    return themeError(e.instancePath, `must be a colour #RRGGBB or one of "text", "accent", "link" (got ${JSON.stringify(e.data)})`);
  }
  if (e.keyword === 'pattern' && e.schemaPath.endsWith('color/pattern')) {
    return themeError(e.instancePath, `must be a colour #RRGGBB (got ${JSON.stringify(e.data)})`);
  }
  return themeError(e.instancePath, e.message ?? 'is invalid');
}

/** The errors of a theme override against the schema; empty when it is valid. */
export function checkTheme(override: unknown): IssueError[] {
  const v = validate();
  if (v(override)) return [];
  // anyOf reports each failed branch: for a colour reference, its own message replaces them.
  const errors = v.errors ?? [];
  const refs = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  return dedupeErrors(errors.filter((e) => !refs.has(e.instancePath) || e.keyword === 'anyOf').map(describe));
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
    errors.push(themeError('/page/textWidth', `text width ${page.textWidth} pt is wider than the page (${page.width} pt)`));
  }
  const area = page.height - page.marginTop - page.marginBottom;
  const lines = 3 * t.styles.body.pitch;
  if (area < lines) {
    errors.push(themeError('/page', `margins leave ${area.toFixed(1)} pt for text: less than three body lines (${lines} pt)`));
  }
  return errors;
}

/** What resolving checks beyond the schema: the faces the engine can draw with. */
export interface ResolveOptions {
  /** Face ids of the font set: a font chain naming any other is an error at its pointer. */
  faces?: Iterable<string>;
}

/** A theme naming a face the font set lacks fails here, pointing into the theme, not mid-paragraph. */
function checkFaces(t: Theme, faces: Iterable<string>): IssueError[] {
  const known = new Set(faces);
  const errors: IssueError[] = [];
  for (const [role, chain] of Object.entries(t.fonts)) {
    if (role === 'fallback') continue; // font files, not face ids: opened by the pipeline
    chain.forEach((id, i) => {
      if (!known.has(id)) errors.push(themeError(`/fonts/${role}/${i}`, `unknown font face "${id}" (available: ${[...known].join(', ')})`));
    });
  }
  return errors;
}

/**
 * The built-in theme with `override` merged in. Throws IssueValidationError (one error per
 * problem, each with a JSON Pointer into the override and source 'theme') when the override
 * does not match the schema, its page parts do not fit together, or it names an unknown face.
 */
export function resolveTheme(override?: unknown, options: ResolveOptions = {}): Theme {
  if (override !== undefined) {
    const errors = checkTheme(override);
    if (errors.length > 0) throw new IssueValidationError(errors);
  }
  const theme = override === undefined ? defaultTheme : (merge(defaultTheme, override) as Theme);
  const wrong = [...(override === undefined ? [] : checkGeometry(theme)), ...(options.faces ? checkFaces(theme, options.faces) : [])];
  if (wrong.length > 0) throw new IssueValidationError(wrong);
  return theme;
}

/** A theme override file as read: its parsed value and where each pointer sits in its text. */
export interface ThemeFile {
  file: string;
  override: unknown;
  map: SourceMap;
}

/**
 * Reads a theme override file (the CLI's --theme FILE). A template path in it is taken
 * relative to the file's folder. Throws IssueValidationError with the file's position when
 * it cannot be read or is not JSON.
 */
export function readThemeFile(file: string): ThemeFile {
  // Bounded and never blocking, as every file an input names: a FIFO or device is refused unread.
  const read = readBoundedFile(file, MAX_THEME_BYTES);
  let text: string;
  try {
    if (!read.ok) {
      const code = read.reason === 'unreadable' ? read.code : undefined;
      throw new Error(code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : unreadReason(read));
    }
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch (e) {
    throw new IssueValidationError([themeError('', `cannot read theme: ${(e as Error).message}`)], { theme: file });
  }
  const parsed = parseText(text);
  if (!parsed.ok) {
    throw new IssueValidationError([{ ...themeError(parsed.problem.pointer, parsed.problem.message), ...parsed.location }], { theme: file });
  }
  let override = parsed.value;
  const lead = isPlainObject(override) && isPlainObject(override['templates']) ? override['templates']['lead'] : undefined;
  if (typeof lead === 'string' && isPlainObject(override)) {
    // The same rule as images: a theme file may name only files in its own folder.
    const where = confinedPath(path.dirname(path.resolve(file)), lead, { what: 'lead template', folder: "the theme's folder", relativeTo: 'the theme file' });
    if (!where.ok) {
      throw new IssueValidationError([{ ...themeError('/templates/lead', where.message), ...parsed.map.locate('/templates/lead') }], { theme: file });
    }
    override = { ...override, templates: { ...(override['templates'] as object), lead: where.path } };
  }
  const fallback = isPlainObject(override) && isPlainObject(override['fonts']) ? override['fonts']['fallback'] : undefined;
  if (Array.isArray(fallback) && isPlainObject(override)) {
    // Font files too: only from the theme's own folder.
    const dir = path.dirname(path.resolve(file));
    const paths = fallback.map((f: unknown, i) => {
      if (typeof f !== 'string') return f; // the schema reports it
      const where = confinedPath(dir, f, { what: 'fallback font', folder: "the theme's folder", relativeTo: 'the theme file', kind: 'a font file' });
      if (!where.ok) {
        throw new IssueValidationError([{ ...themeError(`/fonts/fallback/${i}`, where.message), ...parsed.map.locate(`/fonts/fallback/${i}`) }], { theme: file });
      }
      return where.path;
    });
    override = { ...override, fonts: { ...(override['fonts'] as object), fallback: paths } };
  }
  return { file, override, map: parsed.map };
}
