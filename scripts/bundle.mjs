// The bundled build: after tsc has emitted dist/ (one module per source, and the .d.ts types),
// each entry point is replaced by one file holding it and everything it imports, so a cold
// process loads one module instead of ~150 (ours, pdfkit's, fontkit's, ajv's …).
//
// Entries: the library (dist/index.js), the bin (dist/cli.js), and every worker a source
// starts with `new URL('./x.js', import.meta.url)` (dist/cli/build-worker.js, …), each at the
// path tsc gave it, so the URL a source builds still finds it.
//
// Inside a bundle, `import.meta.url` of a source is rewritten to the URL its own module had in
// dist/ (files next to it — fonts, schemas, templates, workers — resolve as before); in a
// package (pdfkit) to the URL of that file where it is installed, found at run time.
// Not bundled: pdfkit's line breaker (doc.text only; loaded on first use), fontkit's brotli (WOFF2 only; loaded on the first WOFF2), pdfkit's AES (@noble/ciphers, PDF encryption, which we never write — 27 ms of
// imports), and what only some runs need: ajv (a theme override), the full handlebars (a
// theme's own lead template) and pdfjs-dist (PNG output), loaded at run time from node_modules.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const require = createRequire(path.join(root, 'package.json'));

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Worker entries: `new URL('./x.js', import.meta.url)` in a source naming a source file beside it. */
export function workerEntries() {
  const found = new Set();
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new URL\(\s*['"](\.{1,2}\/[^'"]+)\.js['"]\s*,\s*import\.meta\.url\s*\)/g)) {
      const ts = path.resolve(path.dirname(file), `${m[1]}.ts`);
      if (existsSync(ts)) found.add(ts);
    }
  }
  return [...found];
}

const posix = (p) => p.split(path.sep).join('/');
const relUrl = (fromDir, to) => {
  const r = posix(path.relative(fromDir, to));
  return r.startsWith('.') ? r : `./${r}`;
};

function packageOf(file) {
  const parts = posix(path.relative(root, file)).split('/');
  const at = parts.lastIndexOf('node_modules');
  const name = parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
  return name;
}

function plugin(outfile) {
  const outDir = path.dirname(outfile);
  return {
    name: 'bulletin-bundle',
    setup(b) {
      b.onResolve({ filter: /^@noble\/ciphers(\/|$)/ }, (args) => ({ path: args.path, namespace: 'no-encryption' }));
      b.onLoad({ filter: /.*/, namespace: 'no-encryption' }, () => ({
        contents:
          "const none = () => { throw new Error('bulletin-press is built without PDF encryption'); };\n" +
          'export const cbc = none; export const ecb = none; export const ctr = none; export const gcm = none;\n',
        loader: 'js',
      }));
      // fontkit's brotli (WOFF2 only) is 1.4 MB of source whose dictionary is decoded at load:
      // a stub that loads it from fontkit's own dependencies the first time a WOFF2 is read.
      b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, (args) => ({ path: args.path, namespace: 'lazy-brotli' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-brotli' }, () => ({
        contents:
          "import { createRequire } from 'node:module';\n" +
          'let decompress;\n' +
          'export default function brotliDecompress(...args) {\n' +
          "  decompress ??= createRequire(createRequire(import.meta.url).resolve('fontkit'))('brotli/decompress.js');\n" +
          '  return decompress(...args);\n' +
          '}\n',
        loader: 'js',
      }));
      // pdfkit's own line breaker (for doc.text, which we never call) decodes a Unicode trie at
      // import: a stub that loads it from pdfkit's dependencies on the first `new LineBreaker`.
      b.onResolve({ filter: /^linebreak$/ }, (args) => ({ path: args.path, namespace: 'lazy-linebreak' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-linebreak' }, () => ({
        contents:
          "import { createRequire } from 'node:module';\n" +
          'let Real;\n' +
          'export default class LineBreaker {\n' +
          '  constructor(...args) {\n' +
          "    Real ??= createRequire(createRequire(import.meta.url).resolve('pdfkit'))('linebreak');\n" +
          '    return new Real(...args);\n' +
          '  }\n' +
          '}\n',
        loader: 'js',
      }));
      // fontkit builds the Unicode tries of its Arabic, Indic and Universal shapers at import,
      // and unicode-properties its character-property trie (~20 ms of inflating in a cold
      // process, which shapes most text without either: text/plain-glyphs.ts). Each trie is
      // built on its first lookup instead.
      const lazyTries = [
        [/[\\/]fontkit[\\/]dist[\\/]module\.mjs$/, 3],
        [/[\\/]unicode-properties[\\/]dist[\\/]module\.mjs$/, 1],
      ];
      for (const [filter, expected] of lazyTries) {
        b.onLoad({ filter }, (args) => {
          const text = readFileSync(args.path, 'utf8');
          const eager = /^const (\$\w+\$var\$trie) = (new \(0, \$\w+\$unicodetrie\)\(.*\));$/gm;
          const found = [...text.matchAll(eager)].length;
          if (found !== expected || text.includes('import.meta.url')) throw new Error(`bundle: the Unicode tries of ${args.path} are not where this build expects them (${found} found)`);
          const contents = text.replace(eager, (_, name, make) => {
            // Only ever read as `trie.get(codePoint)`: any other use would find the stand-in.
            const uses = text.split(name).length - 2;
            if (uses !== text.split(`${name}.get(`).length - 1) throw new Error(`bundle: ${name} of ${args.path} is used other than through get()`);
            return `let ${name}$built = null;\nconst ${name} = { get: (c) => (${name}$built ??= ${make}).get(c) };`;
          });
          return { contents, loader: 'js' };
        });
      }
      b.onLoad({ filter: /\.(m?js|ts)$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const loader = args.path.endsWith('.ts') ? 'ts' : 'js';
        let url;
        if (args.path.startsWith(src + path.sep)) {
          const inDist = path.join(dist, path.relative(src, args.path)).replace(/\.ts$/, '.js');
          url = `new URL(${JSON.stringify(relUrl(outDir, inDist))}, import.meta.url).href`;
        } else {
          // A package's file: where that package is installed next to this one, found at run time.
          const pkg = packageOf(args.path);
          const main = require.resolve(pkg);
          const rel = relUrl(path.dirname(main), args.path);
          url = `new URL(${JSON.stringify(rel)}, __bulletinPathToFileURL(__bulletinCreateRequire(import.meta.url).resolve(${JSON.stringify(pkg)}))).href`;
        }
        return { contents: text.replaceAll('import.meta.url', url), loader };
      });
    },
  };
}

export async function bundle() {
  const entries = [path.join(src, 'index.ts'), path.join(src, 'cli.ts'), ...workerEntries()];
  for (const entry of entries) {
    const outfile = path.join(dist, path.relative(src, entry)).replace(/\.ts$/, '.js');
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Runtime requires (createRequire) stay as they are; node builtins are never bundled.
      // pdfjs-dist (1 MB, --format png and renderPngs only) is imported from node_modules on
      // first use: inside the bundle every cold process parsed it (~half the file).
      external: ['ajv', 'ajv/*', 'handlebars', 'pdfjs-dist', 'pdfjs-dist/*'],
      banner: {
        js: [
          "import { createRequire as __bulletinCreateRequire } from 'node:module';",
          "import { pathToFileURL as __bulletinPathToFileURL } from 'node:url';",
          // CommonJS packages inside an ESM bundle call require() for node builtins.
          'const require = __bulletinCreateRequire(import.meta.url);',
        ].join('\n'),
      },
      plugins: [plugin(outfile)],
      legalComments: 'none',
      logLevel: 'warning',
      allowOverwrite: true,
    });
  }
  return entries.map((e) => posix(path.relative(root, e)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const done = await bundle();
  process.stderr.write(`bundled ${done.join(', ')}\n`);
}
