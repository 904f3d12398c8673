import { readFileSync } from 'node:fs';

// package.json sits one level above both src/ and dist/.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The bulletin-press version written into every PDF as Creator and Producer. */
export const version: string = pkg.version;
