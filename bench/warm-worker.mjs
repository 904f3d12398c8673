// A long-lived process for one tool and one document: the parent asks for one render at a
// time, so the tools take turns (A B C A B C …) while each keeps its own process and peak RSS.
import { writeFileSync } from 'node:fs';
import { varyIssue } from './content.mjs';
import { benchDoc } from './docs.mjs';
import { maxRssMiB } from './stats.mjs';
import { loadTool } from './tools.mjs';

const [tool, docName, outPdf] = process.argv.slice(2);
const send = (m) => new Promise((resolve) => process.send(m, resolve));

let render;
let base;
try {
  render = await loadTool(tool);
  base = benchDoc(docName);
  await send({ type: 'ready' });
} catch (err) {
  await send({ type: 'error', error: String(err?.message ?? err).split('\n')[0] });
  process.exit(0);
}

process.on('message', async (m) => {
  try {
    if (m.type === 'render') {
      // A different input every time (issue number, every paragraph tagged): no cache can answer.
      const input = varyIssue(base, m.k);
      const t0 = performance.now();
      const pdf = await render(input);
      const ms = performance.now() - t0;
      await send({ type: 'rendered', ms, bytes: pdf.byteLength });
    } else if (m.type === 'done') {
      // The unvaried document, untimed: its bytes and pages are the figures reported.
      if (outPdf) writeFileSync(outPdf, await render(base));
      await send({ type: 'stats', maxRssMiB: maxRssMiB() });
      process.exit(0);
    }
  } catch (err) {
    await send({ type: 'error', error: String(err?.stack ?? err).split('\n').slice(0, 3).join(' | ') });
  }
});
