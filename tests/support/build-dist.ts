// The CLI tests run the compiled dist/cli.js (worker threads need real .js files), so they
// make sure dist/ is not older than src/ before they start. Only they pay for the build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureBuilt(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const built = path.join(root, 'dist/cli.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(path.join(root, 'src'))) return;
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}
