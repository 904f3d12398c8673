// The validate stage: issue JSON (or its text) → Issue, or every problem with a JSON Pointer.
export { validateIssue, validateIssueText, validateIssueSource } from './validate.js';
export type { ValidationResult } from './validate.js';
export { bulletinSchema, SCHEMA_ID } from './schema.js';
export type {
  Article,
  BodyBlock,
  Heading,
  ImageBlock,
  Issue,
  Paragraph,
  Run,
  RunsParagraph,
  TextParagraph,
} from './types.js';
