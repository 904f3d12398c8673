// Run as a separate process by the determinism test: prints the sha256 of the sample PDFs.
import { createHash } from 'node:crypto';
import { renderPages } from '../../src/render/index.js';
import { fonts } from './helpers.js';
import { sampleModel } from './sample.js';

for (const opts of [{}, { pdfa: true, tagged: true }]) {
  const pdf = await renderPages(sampleModel(), fonts, { version: '9.9.9', ...opts });
  process.stdout.write(createHash('sha256').update(pdf).digest('hex') + '\n');
}
