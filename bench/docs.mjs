// The documents of the benchmark, built the same way in every process from the fixtures.
import { readFixture, repeatIssue } from './content.mjs';

/** ~30 pages: 663's articles ten times (peers.md); ~100 pages: 663's and 666's articles, `LARGE_REPEATS` times. */
export const LARGE_REPEATS = 20;

export const docNames = ['663', '666', '30p', '100p'];

const cache = new Map();

export function benchDoc(name) {
  if (cache.has(name)) return cache.get(name);
  const i663 = readFixture('bulletin-663.json');
  let doc;
  if (name === '663') doc = i663;
  else if (name === '666') doc = readFixture('bulletin-666.json');
  else if (name === '30p') doc = repeatIssue(i663, [i663], 10);
  else if (name === '100p') doc = repeatIssue(i663, [i663, readFixture('bulletin-666.json')], LARGE_REPEATS);
  else throw new Error(`unknown document ${name}`);
  cache.set(name, doc);
  return doc;
}
