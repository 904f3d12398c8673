// A batch (`bulletin build 'DIR/*.json'`) starts its worker threads before anything heavy is
// loaded: each worker loads the validator, fonts and PDF writer itself, so the main thread
// loading them too only delays the workers' start (~140 ms of one core, measured) and does
// nothing for the build. This follows the static imports of the modules a batch's main
// thread runs and checks that none of them reaches the pipeline; the pipeline is reached
// through import() only, when this thread builds itself (one input, stdin, PNG, a theme).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');

/** Static value imports of a TypeScript module (not `import type`, not `import()`), as paths under src/. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const spec = m[2]!;
    if (!spec.startsWith('.')) continue;
    out.push(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
  }
  return out;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...staticImports(f));
  }
  return seen;
}

describe('the main thread of a batch build', () => {
  it('loads no part of the renderer before its workers start', () => {
    const graph = reachable(path.join(src, 'cli/commands.ts'));
    const rel = [...graph].map((f) => path.relative(src, f));
    expect(rel).toContain(path.join('cli', 'batch.ts'));
    for (const heavy of ['pipeline.ts', path.join('render', 'render.ts'), path.join('text', 'fonts.ts'), path.join('document', 'validate.ts')]) {
      expect(rel, `${heavy} is imported statically by what a batch runs`).not.toContain(heavy);
    }
  });

  it('finds the imports it follows (the check itself)', () => {
    const graph = [...reachable(path.join(src, 'pipeline.ts'))].map((f) => path.relative(src, f));
    expect(graph).toContain(path.join('render', 'render.ts'));
    expect(graph).toContain(path.join('text', 'fonts.ts'));
  });
});
