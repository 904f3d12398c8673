// The schema as a published artefact, and proof that it and src/document/types.ts agree.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bulletinSchema, SCHEMA_ID } from '../../src/document/index.js';
import { schemaFile, schemaJson } from './write-schema.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every schema object in the tree, with its path. */
function* walk(node: unknown, path = '#'): Generator<[string, Json]> {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) yield* walk(v, `${path}/${i}`);
    return;
  }
  if (!isObject(node)) return;
  yield [path, node];
  for (const [k, v] of Object.entries(node)) if (isObject(v) || Array.isArray(v)) yield* walk(v, `${path}/${k}`);
}

function resolve(node: Json): Json {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/$defs/', '');
  const target = (bulletinSchema.$defs as Record<string, unknown>)[name];
  if (!isObject(target)) throw new Error(`unresolved ${ref}`);
  return target;
}

describe('schemas/bulletin.schema.json', () => {
  it('is exactly the JSON of src/document/schema.ts (regenerate: npx tsx tests/document/write-schema.ts)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(schemaJson());
  });

  it('is draft 2020-12 with an $id', () => {
    const file = JSON.parse(readFileSync(schemaFile, 'utf8')) as Json;
    expect(file['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(file['$id']).toBe(SCHEMA_ID);
    expect(SCHEMA_ID).toMatch(/^https:\/\/.+\/bulletin\.schema\.json$/);
  });

  it('describes every property and closes every object', () => {
    let objects = 0;
    for (const [path, node] of walk(bulletinSchema)) {
      if (isObject(node['properties'])) {
        objects++;
        expect(node['additionalProperties'], path).toBe(false);
        for (const [name, prop] of Object.entries(node['properties'])) {
          expect(typeof (prop as Json)['description'], `${path}/properties/${name}`).toBe('string');
        }
      }
    }
    // root, bulletin, issue, coverage, article, paragraph, run, heading, image
    expect(objects).toBe(9);
  });

  it('tells blocks apart with a discriminator on "type"', () => {
    const block = bulletinSchema.$defs.block;
    expect(block.discriminator).toEqual({ propertyName: 'type' });
    const types = block.oneOf.map((b) => resolve(b as Json)).map((b) => ((b['properties'] as Json)['type'] as Json)['const']);
    expect(types).toEqual(['paragraph', 'heading', 'image']);
  });

  it('states the ranges of document-format.md', () => {
    expect(bulletinSchema.properties.issue.properties.number).toMatchObject({ type: 'integer', minimum: 1, maximum: 99999 });
    expect(bulletinSchema.$defs.image.properties.width).toMatchObject({ type: 'number', minimum: 0.1, maximum: 1 });
    expect(bulletinSchema.properties.articles.minItems).toBe(1);
    expect(bulletinSchema.$defs.article.properties.body.minItems).toBe(1);
    for (const d of [bulletinSchema.properties.issue.properties.date, bulletinSchema.$defs.article.properties.date]) {
      expect(d.format).toBe('date');
    }
  });
});

// --- The schema and the TypeScript types cannot drift -------------------------------------

const here = fileURLToPath(new URL('.', import.meta.url));
const typesFile = fileURLToPath(new URL('../../src/document/types.ts', import.meta.url));
const agreeFile = fileURLToPath(new URL('./types-agree.ts', import.meta.url));

function compilerOptions(): ts.CompilerOptions {
  const configPath = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
  const config = ts.readConfigFile(configPath, ts.sys.readFile.bind(ts.sys));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, fileURLToPath(new URL('../..', import.meta.url))).options;
}

// The negative control: types-agree.ts's check applied to a drifted Issue must not compile.
const controlName = `${here}drift-control.ts`;
const controlText = `
      import type { SchemaIssue, MutuallyAssignable } from './types-agree.js';
      import type { Issue } from '../../src/document/types.js';
      type Drifted = Issue & { edition: string };
      const same: MutuallyAssignable<SchemaIssue, Drifted> = true;
      export { same };
    `;

/**
 * One program for all three tests: types-agree.ts, the in-memory drift control beside it (it
 * imports types-agree.ts, so it is checked in the same program anyway) and, through them,
 * src/document/types.ts. Instantiating FromSchema<BulletinSchema> is most of the cost (tens of
 * seconds on two busy cores), so it is checked once instead of once per program. Diagnostics
 * are told apart by file; a diagnostic with no file (options, globals) counts for both.
 */
let shared: { program: ts.Program; agree: string[]; control: string[] } | undefined;
function checkedProgram(): NonNullable<typeof shared> {
  if (shared) return shared;
  const options = { ...compilerOptions(), noEmit: true };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (f === controlName ? controlText : readFile(f));
  host.fileExists = (f) => f === controlName || ts.sys.fileExists(f);
  host.getSourceFile = (f, lang, ...rest) =>
    f === controlName ? ts.createSourceFile(f, controlText, lang) : getSourceFile(f, lang, ...rest);
  const program = ts.createProgram([agreeFile, typesFile, controlName], options, host);
  const all = ts.getPreEmitDiagnostics(program);
  const text = (d: ts.Diagnostic): string => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  shared = {
    program,
    // Without the control: what a program of types-agree.ts alone reports.
    agree: all.filter((d) => d.file?.fileName !== controlName).map(text),
    // Everything: what a program of the control (and so types-agree.ts) reports.
    control: all.map(text),
  };
  return shared;
}

describe('types.ts and the schema agree', () => {
  it('FromSchema<schema> and Issue are mutually assignable (tests/document/types-agree.ts compiles)', () => {
    const { program, agree } = checkedProgram();
    expect(program.getSourceFile(agreeFile)).toBeDefined();
    expect(agree).toEqual([]);
  });

  it('the compile-time check does catch drift (negative control)', () => {
    const diagnostics = checkedProgram().control;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.join('\n')).toMatch(/drift-control\.ts: Type 'true' is not assignable to type 'false'/);
  });

  it('every object has the same property names and required-ness in both', () => {
    const { program } = checkedProgram();
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(typesFile)!;
    const declaration = source.statements.find(
      (st): st is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(st) && st.name.text === 'Issue',
    )!;
    const issueType = checker.getTypeAtLocation(declaration.name);
    const mismatches: string[] = [];
    let comparedObjects = 0;

    const members = (t: ts.Type): ts.Type[] => (t.isUnion() ? t.types : [t]);
    const propType = (types: ts.Type[], name: string): ts.Type[] =>
      types.flatMap((t) => {
        const p = t.getProperty(name);
        return p ? members(checker.getNonNullableType(checker.getTypeOfSymbol(p))) : [];
      });

    const compare = (rawNode: Json, types: ts.Type[], path: string): void => {
      const node = resolve(rawNode);
      if (Array.isArray(node['oneOf']) && isObject(node['discriminator'])) {
        for (const branchRef of node['oneOf']) {
          const branch = resolve(branchRef as Json);
          const tag = ((branch['properties'] as Json)['type'] as Json)['const'];
          const matching = types.filter((t) => propType([t], 'type').some((lt) => lt.isStringLiteral() && lt.value === tag));
          if (matching.length === 0) mismatches.push(`${path}: no TypeScript type for block "${String(tag)}"`);
          else compare(branch, matching, `${path}<${String(tag)}>`);
        }
        return;
      }
      if (isObject(node['properties'])) {
        comparedObjects++;
        const schemaProps = Object.keys(node['properties']).sort();
        const tsProps = [...new Set(types.flatMap((t) => checker.getPropertiesOfType(t).map((p) => p.name)))].sort();
        if (schemaProps.join() !== tsProps.join()) mismatches.push(`${path}: schema has [${schemaProps}], types have [${tsProps}]`);
        const required = new Set(Array.isArray(node['required']) ? (node['required'] as string[]) : []);
        for (const name of schemaProps) {
          const tsRequired = types.every((t) => {
            const p = t.getProperty(name);
            return p !== undefined && (p.flags & ts.SymbolFlags.Optional) === 0;
          });
          if (tsRequired !== required.has(name)) {
            mismatches.push(`${path}/${name}: required in ${required.has(name) ? 'schema' : 'types'} only`);
          }
          const child = (node['properties'] as Json)[name] as Json;
          compare(child, propType(types, name), `${path}/${name}`);
        }
        return;
      }
      const kind = node['type'];
      if (kind === 'array') {
        const elements = types.flatMap((t) => (checker.isArrayType(t) ? members(checker.getTypeArguments(t as ts.TypeReference)[0]!) : []));
        if (elements.length === 0) mismatches.push(`${path}: array in schema, not in types`);
        else compare(node['items'] as Json, elements, `${path}[]`);
        return;
      }
      const flags = types.reduce((f, t) => f | t.flags, 0);
      const want =
        'const' in node ? ts.TypeFlags.StringLiteral
        : kind === 'string' ? ts.TypeFlags.String
        : kind === 'integer' || kind === 'number' ? ts.TypeFlags.Number
        : kind === 'boolean' ? ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral
        : 0;
      if (!want || (flags & want) === 0) mismatches.push(`${path}: schema ${String(kind ?? node['const'])}, types ${types.map((t) => checker.typeToString(t)).join(' | ')}`);
    };

    compare(bulletinSchema as unknown as Json, [issueType], '');
    expect(mismatches).toEqual([]);
    // root, bulletin, issue, coverage, article, paragraph, run, heading, image
    expect(comparedObjects).toBe(9);
  });
});
