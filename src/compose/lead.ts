// The generated 本期导语 paragraph. Handlebars with escaping off: this is print, not HTML, so
// a topic like "R&D <试点>" is printed as written.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { Issue } from '../document/types.js';
import { IssueValidationError } from '../errors.js';
import { chineseDate } from './numerals.js';

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

/** Fills a lead template's source text; a trailing newline of the file is not content. */
export function renderLead(template: string, fields: LeadFields): string {
  const compiled = Handlebars.compile(template, { noEscape: true, strict: true });
  return compiled(fields).replace(/\r?\n$/, '');
}

export type TemplateLoader = (absolutePath: string) => string;

export const fileTemplateLoader: TemplateLoader = (p) => readFileSync(p, 'utf8');

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
