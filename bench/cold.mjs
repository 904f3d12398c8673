// One cold run: a fresh node process that loads the tool, renders one document and writes
// the PDF to disk. The parent times it from spawn to exit; the phases below (ms since the
// process started, performance.now()'s origin) say where the time went.
import { writeFileSync } from 'node:fs';
import { benchDoc } from './docs.mjs';
import { loadTool } from './tools.mjs';

const [tool, doc, out] = process.argv.slice(2);
const boot = performance.now();
const render = await loadTool(tool);
const loaded = performance.now();
const pdf = await render(benchDoc(doc));
const rendered = performance.now();
writeFileSync(out, pdf);
const written = performance.now();
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ boot, load: loaded - boot, render: rendered - loaded, write: written - rendered, maxRssMiB }) + '\n');
