// Part of `npm run golden:update`: the README's picture is the first page of the 663 golden,
// rasterised with the same pdf.js path as the golden diff, so it always shows what the
// committed golden really looks like (and a changed picture shows up in review).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rasterize } from './raster.js';

const golden = fileURLToPath(new URL('./bulletin-663.pdf', import.meta.url));
const target = fileURLToPath(new URL('./bulletin-663.page-1.png', import.meta.url));
const [first] = await rasterize(new Uint8Array(readFileSync(golden)), 100);
if (!first) throw new Error('golden has no page');
writeFileSync(target, first.png);
console.log(`tests/golden/bulletin-663.page-1.png: ${first.width}×${first.height}`);
