// The one rule for every path an input names (an image `src` in the issue, a template in a
// theme file): relative, inside the folder of the file that names it, and still inside once
// symlinks are resolved, so a document handed to a service cannot read /etc/passwd into a
// PDF by naming it, through `..`, or through a link.
import { realpathSync } from 'node:fs';
import path from 'node:path';

export type Confined = { ok: true; path: string } | { ok: false; message: string };

export interface ConfineOptions {
  /** What the path names, for messages: "image", "lead template". */
  what: string;
  /** The folder it must stay in, for messages: "the issue's folder". */
  folder: string;
  /** The file it is relative to, for messages: "the issue file". */
  relativeTo: string;
  /** What it should be instead of a folder, for messages: "an image file". */
  kind?: string;
  realpath?: (p: string) => string;
}

function inside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Where `relative` (as written in the input) leads inside `baseDir`, links resolved; or why it may not be used. */
export function confinedPath(baseDir: string, relative: string, o: ConfineOptions): Confined {
  const realpath = o.realpath ?? realpathSync.native;
  if (relative.trim() === '') return { ok: false, message: `${o.what} path is empty (give the file, relative to ${o.relativeTo})` };
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative)) {
    return { ok: false, message: `${o.what} path must be relative to ${o.relativeTo} (got "${relative}")` };
  }
  const base = path.resolve(baseDir);
  const target = path.resolve(base, relative);
  const itself = `${o.what} "${relative}" is ${o.folder}, not ${o.kind ?? 'a file'}`;
  if (target === base) return { ok: false, message: itself };
  if (!inside(base, target)) return { ok: false, message: `${o.what} path leads outside ${o.folder} (got "${relative}")` };
  let real: string;
  let realBase: string;
  try {
    real = realpath(target);
    realBase = realpath(base);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `${o.what} "${relative}" does not exist` : `cannot read ${o.what} "${relative}"${code ? ` (${code})` : ''}` };
  }
  if (real === realBase) return { ok: false, message: itself };
  if (!inside(realBase, real)) return { ok: false, message: `${o.what} path leads outside ${o.folder} through a link (got "${relative}")` };
  return { ok: true, path: real };
}
