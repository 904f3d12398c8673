// Rewrites schemas/bulletin.schema.json from src/document/schema.ts (the source of truth):
//   npx tsx tests/document/write-schema.ts
// tests/document/schema-file.test.ts fails whenever the two differ.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bulletinSchema } from '../../src/document/schema.js';

export const schemaFile = fileURLToPath(new URL('../../schemas/bulletin.schema.json', import.meta.url));

export function schemaJson(): string {
  return `${JSON.stringify(bulletinSchema, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(schemaFile, schemaJson());
  console.log(`wrote ${schemaFile}`);
}
