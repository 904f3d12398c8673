// Bounded cost of hostile text: one fresh process renders issue 663 with one more paragraph
// holding a 1 MB word (no break opportunity) or a 100 KB URL. Prints ms and peak RSS (or the
// error, e.g. refused input). The parent kills it after a timeout. Measured only: the fix of
// their cost lives in src/text.
import { benchDoc } from './docs.mjs';
import { maxRssMiB } from './stats.mjs';
import { loadTool } from './tools.mjs';

export const hostile = {
  'word-1MB': () => 'a'.repeat(1 << 20),
  'url-100KB': () => `https://example.com/${'abcdefghij/'.repeat(100 * 1024 / 11)}`,
};

const [name] = process.argv.slice(2);
const render = await loadTool('ours');
const base = benchDoc('663');
const issue = structuredClone(base);
issue.articles[0].body.push({ type: 'paragraph', text: hostile[name]() });
const rssBefore = maxRssMiB();
const t0 = performance.now();
let error;
let pages;
try {
  const pdf = await render(issue);
  pages = pdf.byteLength;
} catch (err) {
  error = String(err?.message ?? err).split('\n')[0].slice(0, 200);
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ name, ms, maxRssMiB: maxRssMiB(), rssBeforeMiB: rssBefore, bytes: pages, error }) + '\n');
