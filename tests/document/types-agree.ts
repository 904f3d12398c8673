// Compile-time proof that the hand-written types in src/document/types.ts and the schema in
// src/document/schema.ts describe the same documents: each direction must be assignable.
// `npx tsc --noEmit` checks this file, and tests/document/schema.test.ts compiles it alone
// so `vitest run` fails too when they drift. (Optional properties present on one side only
// are invisible to assignability; schema.test.ts compares property names for that.)
import type { FromSchema } from 'json-schema-to-ts';
import type { BulletinSchema } from '../../src/document/schema.js';
import type { Article, BodyBlock, Issue, Run } from '../../src/document/types.js';

export type SchemaIssue = FromSchema<BulletinSchema>;
type SchemaArticle = SchemaIssue['articles'][number];
type SchemaBlock = SchemaArticle['body'][number];
type SchemaRun = Extract<SchemaBlock, { runs: unknown }>['runs'] extends infer R ? (R extends readonly (infer X)[] ? X : never) : never;

type Assert<T extends true> = T;
type IsAny<T> = 0 extends 1 & T ? true : false;
// `any` on either side would make assignability meaningless, so it counts as a mismatch.
export type MutuallyAssignable<A, B> =
  IsAny<A> extends true ? false : IsAny<B> extends true ? false : [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type Checks = [
  Assert<MutuallyAssignable<SchemaIssue, Issue>>,
  Assert<MutuallyAssignable<SchemaArticle, Article>>,
  Assert<MutuallyAssignable<SchemaBlock, BodyBlock>>,
  Assert<MutuallyAssignable<SchemaRun, Run>>,
];
