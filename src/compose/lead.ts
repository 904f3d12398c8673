// The generated 本期导语 paragraph. Handlebars with escaping off: this is print, not HTML, so
// a topic like "R&D <试点>" is printed as written.
import { readBoundedText } from '../bounded-file.js';
import { createRequire } from 'node:module';
import type HandlebarsApi from 'handlebars';
import HandlebarsRuntimeModule from 'handlebars/runtime.js';
import type { Issue } from '../document/types.js';
import { IssueValidationError } from '../errors.js';
import { chineseDate } from './numerals.js';
import { source as bundledSource, spec as bundledSpec } from './lead-template.generated.js';

export interface LeadFields {
  count: number;
  topic: string;
  from: string;
  to: string;
  scope: string;
}

export function leadFields(issue: Issue): LeadFields {
  return {
    count: issue.articles.length,
    topic: issue.coverage.topic,
    from: chineseDate(issue.coverage.from),
    to: chineseDate(issue.coverage.to),
    scope: issue.coverage.scope,
  };
}

type Compiled = (fields: LeadFields) => string;

// handlebars/runtime.js is module.exports = the runtime instance (its .d.ts declares nothing).
const HandlebarsRuntime = HandlebarsRuntimeModule as unknown as Pick<typeof HandlebarsApi, 'template'>;

/**
 * Compiled templates by source text. The bundled template is precompiled at build time
 * (scripts/generate.mjs) and run by handlebars' runtime alone; any other (a theme's) is
 * compiled by the full handlebars, loaded only then, once per distinct text. Bounded: a
 * service seeing many themes keeps the most recent ones.
 */
const compiledBySource = new Map<string, Compiled>();
const MAX_COMPILED = 32;

function compiled(template: string): Compiled {
  let fn = compiledBySource.get(template);
  if (fn) return fn;
  if (template === bundledSource) {
    fn = HandlebarsRuntime.template(bundledSpec as Parameters<typeof HandlebarsApi.template>[0]) as Compiled;
  } else {
    const Handlebars = createRequire(import.meta.url)('handlebars') as typeof HandlebarsApi;
    fn = Handlebars.compile(template, { noEscape: true, strict: true }) as Compiled;
  }
  if (compiledBySource.size >= MAX_COMPILED) compiledBySource.delete(compiledBySource.keys().next().value!);
  compiledBySource.set(template, fn);
  return fn;
}

/** Fills a lead template's source text; a trailing newline of the file is not content. */
export function renderLead(template: string, fields: LeadFields): string {
  return compiled(template)(fields).replace(/\r?\n$/, '');
}

export type TemplateLoader = (absolutePath: string) => string;

/** A lead template is a sentence or two; anything past this is not one. */
const MAX_TEMPLATE_BYTES = 256 * 1024;

/** Reads a template file bounded and without blocking (a FIFO in the theme's folder is refused, not read). */
export const fileTemplateLoader: TemplateLoader = (p) => readBoundedText(p, MAX_TEMPLATE_BYTES);

/** The lead as printed: the issue's own `lead`, else the theme's template filled in. */
export function leadText(issue: Issue, templatePath: string, load: TemplateLoader = fileTemplateLoader): string {
  if (issue.lead !== undefined) return issue.lead;
  let source: string;
  try {
    source = load(templatePath);
  } catch (e) {
    throw new IssueValidationError([{ pointer: '/templates/lead', source: 'theme', message: `cannot read the lead template ${templatePath}: ${(e as Error).message}` }]);
  }
  try {
    return renderLead(source, leadFields(issue));
  } catch (e) {
    // A template naming a field we do not give (strict mode) is a theme error, not a crash.
    throw new IssueValidationError([{ pointer: '/templates/lead', source: 'theme', message: `lead template ${templatePath}: ${(e as Error).message}` }]);
  }
}
