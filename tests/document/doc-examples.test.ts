import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateIssueText } from '../../src/document/index.js';
import { designDocPath, docShapeExample } from './doc-examples.js';

const haveDoc = existsSync(designDocPath);

describe('document-format.md', () => {
  it.skipIf(!haveDoc)('the kept example is the one in the design document (and the only JSON example there)', () => {
    const doc = readFileSync(designDocPath, 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toEqual([docShapeExample]);
  });

  it.skipIf(!haveDoc)('every JSON example in the design document is accepted', () => {
    const doc = readFileSync(designDocPath, 'utf8');
    for (const [, block] of doc.matchAll(/```json\n([\s\S]*?)```/g)) {
      const r = validateIssueText(block!);
      expect(r.ok ? [] : r.errors).toEqual([]);
    }
  });

  it('the kept example is accepted', () => {
    const r = validateIssueText(docShapeExample);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
});
