// The one rule for every path an input names (an image `src` in the issue, a template in a
// theme file): relative, inside the folder of the file that names it, and still inside once
// symlinks are resolved, so a document handed to a service cannot read /etc/passwd into a
// PDF by naming it, through `..`, or through a link.
import { realpathSync } from 'node:fs';
import path from 'node:path';

export type Confined = { ok: true; path: string } | { ok: false; message: string };

function inside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Where `relative` (as written in the input) leads inside `baseDir`, links resolved; or why
 * it may not be used. `what` names the path in messages ("image", "lead template").
 */
export function confinedPath(baseDir: string, relative: string, what: string, realpath: (p: string) => string = realpathSync.native): Confined {
  if (relative.trim() === '') return { ok: false, message: `${what} path is empty` };
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative)) {
    return { ok: false, message: `${what} path must be relative to the file that names it (got "${relative}")` };
  }
  const base = path.resolve(baseDir);
  const target = path.resolve(base, relative);
  if (target === base) return { ok: false, message: `${what} path "${relative}" names the folder itself, not a file` };
  if (!inside(base, target)) return { ok: false, message: `${what} path leads outside its folder (got "${relative}")` };
  let real: string;
  let realBase: string;
  try {
    real = realpath(target);
    realBase = realpath(base);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `${what} "${relative}" does not exist` : `cannot read ${what} "${relative}"${code ? ` (${code})` : ''}` };
  }
  if (!inside(realBase, real)) return { ok: false, message: `${what} path leads outside its folder through a link (got "${relative}")` };
  return { ok: true, path: real };
}
