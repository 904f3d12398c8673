// Reads a file through a named import of node:fs, as pdfkit's and fontkit's ESM builds do:
// the fonts-once test uses it to prove its spy sees such reads.
import { readFileSync } from 'node:fs';

export function readByName(file: string): Buffer {
  return readFileSync(file);
}
