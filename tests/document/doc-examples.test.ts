import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateIssueText } from '../../src/document/index.js';
import { designDocPath, docShapeExample } from './doc-examples.js';

/** The design document's text; a missing document is a failure, never a silent skip. */
function designDoc(): string {
  if (!existsSync(designDocPath)) {
    expect.fail(
      `design document missing: ${designDocPath} (expected at ../shared/design/document-format.md beside the repository; ` +
        'set BULLETIN_SHARED_DIR to the shared folder if it lives elsewhere)',
    );
  }
  return readFileSync(designDocPath, 'utf8');
}

describe('document-format.md', () => {
  it('the kept example is the one in the design document (and the only JSON example there)', () => {
    const doc = designDoc();
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toEqual([docShapeExample]);
  });

  it('every JSON example in the design document is accepted', () => {
    const doc = designDoc();
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
