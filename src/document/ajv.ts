// The schema compiled once per process (ajv code generation costs milliseconds; validation
// then costs microseconds). Module state, but immutable after load.
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { bulletinSchema } from './schema.js';

// ajv and ajv-formats are CommonJS with `exports.default`. Under NodeNext the default import
// is the whole module object for tsc-emitted ESM, while some loaders (vitest, tsx) hand over
// `.default` already; accept both shapes.
type Ajv2020Ctor = typeof Ajv2020Module.default;
type AddFormats = typeof addFormatsModule.default;
const Ajv2020: Ajv2020Ctor =
  (Ajv2020Module as unknown as { default?: Ajv2020Ctor }).default ?? (Ajv2020Module as unknown as Ajv2020Ctor);
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

export type SchemaError = ErrorObject;

function compile(): ValidateFunction {
  const ajv = new Ajv2020({
    allErrors: true,
    // Errors then carry their parent schema, which names the allowed properties for "did you mean".
    verbose: true,
    discriminator: true,
    strict: true,
    // The block and paragraph schemas list "type"/"text"/"runs" as required in branches
    // whose properties are declared on the parent; that is deliberate.
    strictRequired: false,
  });
  addFormats(ajv, ['date']);
  return ajv.compile(bulletinSchema);
}

const validateSchema = compile();

/** Every schema error for `data` (empty when it conforms). */
export function schemaErrors(data: unknown): SchemaError[] {
  return validateSchema(data) ? [] : [...(validateSchema.errors ?? [])];
}
