// The validate stage: issue JSON (or its text) → Issue, or every problem with a JSON Pointer.
export { validateIssue, validateIssueText } from './validate.js';
export type { ValidationResult } from './validate.js';
export { formatError } from './format.js';
export { pointerPosition } from './source.js';
export type { SourceLocation } from './source.js';
export { bulletinSchema, SCHEMA_ID } from './schema.js';
export { IssueValidationError } from './types.js';
export type {
  Article,
  BodyBlock,
  Heading,
  Image,
  Issue,
  IssueError,
  Paragraph,
  Run,
  RunsParagraph,
  TextParagraph,
} from './types.js';
