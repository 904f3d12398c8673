// Expands the `*`, `?` and `**` patterns of build inputs ourselves: Node 20 has no fs.glob,
// and a quoted pattern must work the same in every shell (and in npm scripts on Windows).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const magic = /[*?[]/;

function segmentPattern(segment: string): RegExp {
  let re = '';
  for (const ch of segment) {
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function expandFrom(base: string, segments: string[]): string[] {
  const [head, ...tail] = segments;
  if (head === undefined) return [base];
  if (head === '**') {
    const here = expandFrom(base, tail);
    const deeper = entries(base)
      .filter((name) => !name.startsWith('.') && isDir(path.join(base, name)))
      .flatMap((name) => expandFrom(path.join(base, name), segments));
    return [...here, ...deeper];
  }
  if (!magic.test(head)) return expandFrom(path.join(base, head), tail);
  const re = segmentPattern(head);
  return entries(base)
    .filter((name) => re.test(name) && (head.startsWith('.') || !name.startsWith('.')))
    .flatMap((name) => expandFrom(path.join(base, name), tail));
}

/** The files a pattern names, sorted; a plain path (no wildcard) is returned as is, existing or not. */
export function expandPattern(pattern: string): string[] {
  if (!magic.test(pattern)) return [pattern];
  const absolute = path.isAbsolute(pattern);
  const segments = pattern.split(/[\\/]+/).filter((s, i) => s !== '' || i === 0);
  const root = absolute ? path.parse(pattern).root : '.';
  const rel = absolute ? segments.slice(1) : segments;
  const found = expandFrom(root, rel).filter((p) => !isDir(p));
  return absolute ? found : found.map((p) => path.normalize(p));
}

export function expandPatterns(patterns: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of patterns) {
    for (const f of expandPattern(p)) {
      if (!seen.has(f)) {
        seen.add(f);
        out.push(f);
      }
    }
  }
  return out;
}
