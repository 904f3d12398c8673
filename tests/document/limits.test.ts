// Documented limits that keep cost bounded: a run of text the breaker can only cut at its
// last resort (a word, a URL, pasted data) and a URL field are refused past 8,000 characters,
// at their pointer, before any work; just under the limit they are set.
import { describe, expect, it } from 'vitest';
import { validateIssue } from '../../src/document/index.js';
import { longestUnbrokenRun, MAX_UNBROKEN_RUN, MAX_URL_LENGTH } from '../../src/document/checks.js';
import { renderIssue } from '../../src/index.js';
import { sampleIssue } from '../compose/sample.js';

function withText(text: string) {
  const issue = sampleIssue();
  issue.articles[0]!.body = [{ type: 'paragraph', text }];
  return issue;
}

describe('limits', () => {
  it('counts the longest run without a space or a Chinese character', () => {
    expect(longestUnbrokenRun('中文abc中文defgh ij')).toBe(5);
    expect(longestUnbrokenRun('https://example.org/a，中文')).toBe(21);
    expect(longestUnbrokenRun('全角　空格')).toBe(0);
  });

  it('refuses a 1 MB word at its pointer, naming the limit, without setting it', () => {
    const r = validateIssue(withText('a'.repeat(1_000_000)));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      expect.objectContaining({ pointer: '/articles/0/body/0/text', message: expect.stringContaining(`at most ${MAX_UNBROKEN_RUN}`) }),
    ]);
  });

  it('refuses a 100 KB URL in the text and in the url field', () => {
    const long = `https://example.org/${'abcdefghij/'.repeat(9000)}`;
    const inText = validateIssue(withText(`见 ${long} 。`));
    expect(!inText.ok && inText.errors.map((e) => e.pointer)).toEqual(['/articles/0/body/0/text']);
    const issue = sampleIssue();
    issue.articles[0]!.url = long;
    const inField = validateIssue(issue);
    expect(!inField.ok && inField.errors).toEqual([expect.objectContaining({ pointer: '/articles/0/url', message: expect.stringContaining(`at most ${MAX_URL_LENGTH}`) })]);
  });

  it('sets a word and a URL just under the limits', async () => {
    const word = `前文${'a'.repeat(MAX_UNBROKEN_RUN - 10)}后文`;
    expect(validateIssue(withText(word)).ok).toBe(true);
    const pdf = await renderIssue(withText(word));
    expect(pdf.byteLength).toBeGreaterThan(1000);
  });
});
