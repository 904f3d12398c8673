// One cold run: a fresh node process that loads the tool, renders one document and writes
// the PDF to disk. The parent times it from spawn to exit.
import { writeFileSync } from 'node:fs';
import { benchDoc } from './docs.mjs';
import { loadTool } from './tools.mjs';

const [tool, doc, out] = process.argv.slice(2);
const render = await loadTool(tool);
writeFileSync(out, await render(benchDoc(doc)));
