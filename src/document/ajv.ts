// The issue schema's validator, generated ahead of time as ajv standalone code
// (scripts/generate.mjs → issue-validator.generated.ts; tests/build/generated.test.ts holds it
// equal to schemas/bulletin.schema.json). Compiling the schema at import cost ~130 ms of every
// cold start; the generated code validates the same way (same options, same error objects).
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { validate } from './issue-validator.generated.js';

export type SchemaError = ErrorObject;

const validateSchema = validate as unknown as ValidateFunction;

/** Every schema error for `data` (empty when it conforms). */
export function schemaErrors(data: unknown): SchemaError[] {
  return validateSchema(data) ? [] : [...(validateSchema.errors ?? [])];
}
