// Our engine stage by stage, from dist/: validate, compose, break lines, paginate, write PDF,
// and the font subsetting inside the writer. A stage whose export is missing is reported as
// "n/a" with the reason; the stages after it that need its output are skipped too.
import { varyIssue } from './content.mjs';
import { benchDoc } from './docs.mjs';
import { median } from './stats.mjs';
import { tryImport } from './tools.mjs';

export const stageNames = ['validate', 'compose', 'breakLines', 'paginate', 'writePdf', 'subsetFonts'];

async function loadStages() {
  const [document, compose, text, pipeline, render, theme, fonts, version] = await Promise.all(
    ['document/index.js', 'compose/index.js', 'text/index.js', 'pipeline.js', 'render/index.js', 'theme/index.js', 'text/fonts.js', 'version.js'].map(tryImport),
  );
  const need = (m, name) => (m.mod && typeof m.mod[name] === 'function' ? null : m.error ?? `no export ${name}`);
  const missing = {
    validate: need(document, 'validateIssue'),
    compose: need(compose, 'composeIssue') ?? need(theme, 'resolveTheme'),
    breakLines: need(text, 'breakParagraph') ?? need(fonts, 'loadFonts'),
    paginate: need(pipeline, 'paginateUntilStable') ?? need(pipeline, 'rememberBreaks'),
    writePdf: need(render, 'renderPages'),
  };
  missing.subsetFonts = missing.writePdf;
  return { document: document.mod, compose: compose.mod, text: text.mod, pipeline: pipeline.mod, render: render.mod, theme: theme.mod, fonts: fonts.mod, version: version.mod?.version ?? '0.0.0', missing };
}

/** fontkit's subset encoder, timed: pdfkit calls createSubset() once per face and document and encode() at the end. */
function timeSubsets(fontSet, clock) {
  for (const face of fontSet.faces.values()) {
    if (face.__benchTimed) continue;
    const create = face.createSubset;
    face.createSubset = function (...args) {
      const subset = create.apply(this, args);
      const encode = subset.encode;
      subset.encode = function (...a) {
        const t0 = performance.now();
        try {
          return encode.apply(this, a);
        } finally {
          clock.ms += performance.now() - t0;
        }
      };
      return subset;
    };
    face.__benchTimed = true;
  }
}

async function runOnce(s, input, fontSet, clock) {
  const t = {};
  let t0 = performance.now();
  const checked = s.document.validateIssue(input);
  t.validate = performance.now() - t0;
  if (!checked.ok) throw new Error(`invalid input: ${JSON.stringify(checked.errors?.[0])}`);
  if (s.missing.compose) return t;
  const theme = s.theme.resolveTheme(undefined);
  t0 = performance.now();
  const { blocks, info } = s.compose.composeIssue(checked.issue, theme, {});
  t.compose = performance.now() - t0;
  if (s.missing.breakLines || s.missing.paginate) return t;
  let breaking = 0;
  let calls = 0;
  const breaker = (p) => {
    const b0 = performance.now();
    try {
      return s.text.breakParagraph(p, fontSet);
    } finally {
      breaking += performance.now() - b0;
      calls++;
    }
  };
  t0 = performance.now();
  const { pages, outline } = s.pipeline.paginateUntilStable(blocks, theme, s.pipeline.rememberBreaks(breaker));
  const layoutMs = performance.now() - t0;
  t.breakLines = breaking;
  t.paginate = layoutMs - breaking;
  t.breakerCalls = calls;
  t.pages = pages.length;
  if (s.missing.writePdf) return t;
  clock.ms = 0;
  t0 = performance.now();
  const pdf = await s.render.renderPages({ pages, outline, info }, fontSet, { version: s.version });
  const writeMs = performance.now() - t0;
  // Our own subset writer (render/pdfkit-internals.ts encodeSubset) calls fontkit's encode()
  // only for a face it does not know: then its time is inside writePdf, not timed apart.
  if (clock.ms > 0) t.subsetFonts = clock.ms;
  t.writePdf = writeMs - clock.ms;
  t.bytes = pdf.byteLength;
  return t;
}

const WARMUPS = 5;

/** Median ms per stage over `runs` renders (after WARMUPS warm-up renders), each input different. */
export async function stageBreakdown(docName, runs, warmups = WARMUPS) {
  const s = await loadStages();
  const out = { doc: docName, runs, warmups, stages: {}, missing: {} };
  if (s.missing.validate) {
    for (const n of stageNames) out.missing[n] = s.missing.validate;
    return out;
  }
  const fontSet = s.fonts?.loadFonts ? s.fonts.loadFonts() : undefined;
  const clock = { ms: 0 };
  if (fontSet) timeSubsets(fontSet, clock);
  const base = benchDoc(docName);
  const samples = [];
  try {
    for (let k = 0; k < runs + warmups; k++) {
      const t = await runOnce(s, varyIssue(base, 9000 + k), fontSet, clock);
      if (k >= warmups) samples.push(t);
    }
  } catch (err) {
    out.error = String(err?.message ?? err).split('\n')[0];
  }
  for (const n of stageNames) {
    const xs = samples.map((t) => t[n]).filter((x) => typeof x === 'number');
    if (xs.length) out.stages[n] = median(xs);
    else if (n === 'subsetFonts' && out.stages.writePdf !== undefined) out.missing[n] = "inside writePdf: the subsets are written by our encodeSubset, not fontkit's encode()";
    else out.missing[n] = s.missing[n] ?? out.error ?? 'skipped: a stage before it is n/a';
  }
  if (samples[0]) Object.assign(out, { pages: samples[0].pages, breakerCalls: samples[0].breakerCalls });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `stages.mjs 663 1 0`: the first render of a fresh process (cold code, fonts opened in it).
  const [doc = '663', runs = '10', warmups = String(WARMUPS)] = process.argv.slice(2);
  const t0 = performance.now();
  process.stdout.write(JSON.stringify({ ...(await stageBreakdown(doc, Number(runs), Number(warmups))), processMs: performance.now() - t0 }) + '\n');
}
