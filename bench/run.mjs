// `npm run bench`: our engine against Typst and pdfmake on the same content and fonts, in one
// run. Prints a table and writes bench/results.json. `node bench/run.mjs --quick` runs a
// small subset. Figures are measurements of this machine at this moment, never assertions.
import { fork, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { varyIssue } from './content.mjs';
import { benchDoc, LARGE_REPEATS } from './docs.mjs';
import { median } from './stats.mjs';
import { referenceTools, toolNames } from './tools.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const quick = process.argv.includes('--quick');
const outDir = path.join(os.tmpdir(), 'bulletin-bench');
mkdirSync(outDir, { recursive: true });

// warm: [renders discarded, renders measured]; the first 10 renders of every warm process are
// also kept one by one (JIT warm-up). Tools per document: pdfmake is slow enough on ~100
// pages to double the run, and is not a target.
const plan = quick
  ? { warm: { '663': [10, 10], '30p': [10, 5] }, cold: { '663': 3 }, stages: { '663': 5 }, memory: 100, batch: 24, bounded: false }
  : {
      warm: { '663': [20, 40], '666': [10, 15], '30p': [20, 40], '100p': [20, 40] },
      cold: { '663': 9, '30p': 5 },
      stages: { '663': 20, '30p': 10, '100p': 5 },
      memory: 1000,
      batch: 200,
      // The archive rebuild of #13: 1,000 issues in under 25 s, where the warm-up is a smaller part.
      batchLarge: 1000,
      bounded: true,
    };
const toolsOf = (doc) => [...toolNames, ...referenceTools].filter((t) => !(doc === '100p' && (t === 'pdfmake' || t === 'typst-memo')));
/** The renders kept one by one from the start of each warm process. */
const FIRST = 10;

const log = (...a) => process.stderr.write(a.join(' ') + '\n');
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

// ---------------------------------------------------------------- warm, interleaved

function startWorker(tool, doc) {
  const outPdf = path.join(outDir, `${tool}-${doc}.pdf`);
  const child = fork(path.join(here, 'warm-worker.mjs'), [tool, doc, outPdf], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const queue = [];
  const waiting = [];
  child.on('message', (m) => (waiting.length ? waiting.shift()(m) : queue.push(m)));
  child.on('exit', (code) => {
    while (waiting.length) waiting.shift()({ type: 'error', error: `worker exited (${code}) ${stderr.trim().split('\n').pop() ?? ''}` });
  });
  const next = () => new Promise((resolve) => (queue.length ? resolve(queue.shift()) : waiting.push(resolve)));
  return {
    tool,
    outPdf,
    next,
    async ask(m) {
      child.send(m);
      return next();
    },
  };
}

async function warm(doc, [warmups, runs]) {
  const workers = toolsOf(doc).map((t) => startWorker(t, doc));
  const res = {};
  const live = [];
  for (const w of workers) {
    const m = await w.next();
    if (m.type === 'ready') {
      live.push(w);
      res[w.tool] = { ms: [], firstMs: [] };
    } else res[w.tool] = { error: m.error };
  }
  let k = 0;
  for (let round = 0; round < warmups + runs; round++) {
    // A B C, then B C A, …: each tool goes first as often as the others.
    const order = live.map((_, i) => live[(i + round) % live.length]);
    k++;
    for (const w of order) {
      if (res[w.tool].error) continue;
      const m = await w.ask({ type: 'render', k });
      if (m.type !== 'rendered') res[w.tool].error = m.error;
      else {
        if (round < FIRST) res[w.tool].firstMs.push(m.ms);
        if (round >= warmups) res[w.tool].ms.push(m.ms);
      }
    }
  }
  for (const w of live) {
    const m = await w.ask({ type: 'done' });
    const r = res[w.tool];
    if (m.type === 'stats') r.peakRssMiB = m.maxRssMiB;
    else r.error ??= m.error;
    if (!r.error) {
      r.warmMs = median(r.ms);
      // Renders 2–10 of a fresh process against the steady state: the worst of them, as a ratio.
      r.firstToSteady = Math.max(...r.firstMs.slice(1)) / r.warmMs;
      Object.assign(r, await pdfFacts(w.outPdf));
    }
  }
  return res;
}

async function pdfFacts(file) {
  if (!existsSync(file)) return {};
  const bytes = readFileSync(file);
  let pages;
  try {
    const { PDFDocument } = await import('pdf-lib');
    pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  } catch {
    pages = undefined;
  }
  return { bytes: bytes.byteLength, pages, pdf: file };
}

// ---------------------------------------------------------------- cold, interleaved

function timeProcess(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ ms: performance.now() - t0, code, stderr, stdout }));
  });
}

/** `bulletin build` as a user runs it: the whole CLI process, the issue read from a file. */
const coldTools = ['ours-cli', ...toolNames];

async function cold(doc, runs) {
  const res = Object.fromEntries(coldTools.map((t) => [t, { ms: [] }]));
  const input = path.join(outDir, `cold-${doc}.json`);
  writeFileSync(input, JSON.stringify(benchDoc(doc)));
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < coldTools.length; j++) {
      const tool = coldTools[(i + j) % coldTools.length];
      const r = res[tool];
      if (r.error) continue;
      const out = path.join(outDir, `cold-${tool}-${doc}.pdf`);
      const args = tool === 'ours-cli' ? [path.join(root, 'dist', 'cli.js'), 'build', input, '-o', out] : [path.join(here, 'cold.mjs'), tool, doc, out];
      const p = await timeProcess(process.execPath, args, { cwd: root });
      if (p.code !== 0 || !existsSync(out)) r.error = p.stderr.trim().split('\n').find((l) => /Error/.test(l)) ?? `exit ${p.code}`;
      else {
        r.ms.push(p.ms);
        try {
          (r.phases ??= []).push(JSON.parse(p.stdout.trim().split('\n').pop()));
        } catch {
          // phases are a detail; the wall time above is the figure
        }
      }
    }
  }
  for (const r of Object.values(res)) {
    if (r.error) continue;
    r.coldMs = median(r.ms);
    // Median of each phase: node start → script, loading the tool (imports, fonts), first render, write.
    if (r.phases?.length) r.coldPhasesMs = Object.fromEntries(['boot', 'load', 'render', 'write', 'maxRssMiB'].map((k) => [k, median(r.phases.map((x) => x[k]))]));
  }
  return res;
}

// ---------------------------------------------------------------- ours: stages, memory, batch

function runJson(script, args, nodeFlags = [], timeoutMs = 0) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, path.join(here, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : undefined;
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch {
        if (signal === 'SIGKILL' && timeoutMs) resolve({ error: `killed after ${timeoutMs / 1000} s`, timedOut: true });
        else resolve({ error: `${script} exited ${code}: ${err.trim().split('\n').slice(-1)[0] ?? ''}` });
      }
    });
  });
}

async function batch(count, warm663Ms) {
  const cli = path.join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) return { error: 'dist/cli.js not built' };
  const dir = path.join(outDir, `batch-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const base = benchDoc('663');
  const files = [];
  for (let i = 0; i < count; i++) {
    const f = path.join(dir, `issue-${String(i).padStart(3, '0')}.json`);
    writeFileSync(f, JSON.stringify(varyIssue(base, 20000 + i)));
    files.push(f);
  }
  const p = await timeProcess(process.execPath, [cli, 'build', path.join(dir, '*.json')], { cwd: root });
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const built = files.filter((f) => existsSync(f.replace(/\.json$/, '.pdf')) && statSync(f.replace(/\.json$/, '.pdf')).mtimeMs >= Date.now() - p.ms - 1000).length;
  const r = { issues: count, built, cores, seconds: p.ms / 1000, issuesPerSecond: count / (p.ms / 1000), exitCode: p.code };
  if (p.code !== 0) r.error = p.stderr.trim().split('\n').find((l) => /error/i.test(l)) ?? `exit ${p.code}`;
  if (Number.isFinite(warm663Ms)) {
    r.idealSeconds = (count * warm663Ms) / cores / 1000;
    r.ratioToIdeal = r.seconds / r.idealSeconds;
  }
  return r;
}

// ---------------------------------------------------------------- targets and report

function target(name, measured, limit, unit, met = measured <= limit, where = {}) {
  if (!Number.isFinite(measured) || !Number.isFinite(limit)) return { name, ...where, status: 'n/a', measured: measured ?? null, limit: limit ?? null, unit };
  const by = measured - limit;
  return { name, ...where, status: met ? 'met' : 'missed', measured, limit, unit, by, byPercent: (100 * by) / limit };
}

function evaluate(r) {
  const w = (doc, tool) => r.warm[doc]?.[tool]?.warmMs;
  const b = (doc, tool) => r.warm[doc]?.[tool]?.bytes;
  const t = [];
  t.push(target('warm ms ≤ Typst on 663', w('663', 'ours'), w('663', 'typst'), 'ms', undefined, { doc: '663', short: 'warm ≤ Typst' }));
  t.push(target('warm ms ≤ Typst on ~30 pages', w('30p', 'ours'), w('30p', 'typst'), 'ms', undefined, { doc: '30p', short: 'warm ≤ Typst' }));
  if (r.warm['100p']) t.push(target('warm ms ≤ Typst on ~100 pages', w('100p', 'ours'), w('100p', 'typst'), 'ms', undefined, { doc: '100p', short: 'warm ≤ Typst' }));
  const f = r.warm['663']?.ours;
  t.push(target('renders 2–10 of a fresh process ≤ 2 × steady state (663, worst of them)', f?.firstToSteady, 2, '×', undefined, { doc: '663', short: 'renders 2–10 ≤ 2×' }));
  const cc = r.cold['663'];
  t.push(target('cold `bulletin build` of 663 ≤ 2.5 × a whole Typst process', cc?.['ours-cli']?.coldMs / cc?.typst?.coldMs, 2.5, '×', undefined, { doc: '663', short: 'cold CLI ≤ 2.5× Typst' }));
  t.push(target('cold process ≤ 0.5 s on 663', r.cold['663']?.ours?.coldMs, 500, 'ms', undefined, { doc: '663', short: 'cold ≤ 500 ms' }));
  t.push(target('PDF of 663 ≤ 180,000 bytes', b('663', 'ours'), 180000, 'bytes', undefined, { doc: '663', short: 'bytes ≤ 180,000' }));
  if (r.batch?.issues >= 200) t.push(target(`batch: bulletin build of ${r.batch.issues} different issues ≤ 5 s`, r.batch.seconds, 5, 's'));
  if (r.batchLarge?.issues >= 1000) t.push(target(`batch: bulletin build of ${r.batchLarge.issues} different issues < 25 s`, r.batchLarge.seconds, 25, 's', r.batchLarge.seconds < 25));
  if (r.warm['100p']) {
    t.push(target('~100 pages < 1 s warm', w('100p', 'ours'), 1000, 'ms', w('100p', 'ours') < 1000, { doc: '100p', short: 'warm < 1 s' }));
    const per = (doc) => w(doc, 'ours') / r.warm[doc]?.ours?.pages;
    // Linear: the cost per page at ~100 pages is at most 1.25 × the cost per page at ~30 pages.
    t.push(target('linear growth: ms/page at ~100 p ≤ 1.25 × ms/page at ~30 p', per('100p'), 1.25 * per('30p'), 'ms/page', undefined, { doc: '100p', short: 'linear' }));
  }
  for (const doc of Object.keys(r.warm)) t.push(target(`PDF bytes ≤ Typst's on ${doc}`, b(doc, 'ours'), b(doc, 'typst'), 'bytes', undefined, { doc, short: 'bytes ≤ Typst' }));
  if (r.memory && !r.memory.error) {
    t.push(target(`peak RSS after ${r.memory.renders} renders within 10 % of peak after ${r.memory.checkpoint}`, r.memory.peakAtEndMiB, r.memory.peakAtCheckpointMiB * 1.1, 'MiB'));
    t.push({ name: 'concurrent renders (Promise.all of 8) = sequential bytes', status: r.memory.concurrent?.allIdentical && r.memory.concurrent?.sameInputIdentical ? 'met' : 'missed', ...r.memory.concurrent });
  } else t.push({ name: 'memory / concurrency', status: 'n/a', reason: r.memory?.error });
  return t;
}

const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function printReport(r) {
  const lines = [];
  lines.push(`bulletin-press benchmark${quick ? ' (--quick)' : ''} — ${r.machine.cpus} × ${r.machine.cpuModel}, node ${r.machine.node}, load ${r.machine.loadavg.map((x) => x.toFixed(1)).join(' ')}`);
  lines.push('warm = median ms per document after warm-up, each input different, tools interleaved; cold = node start → PDF on disk (median); RSS = peak of the warm process');
  lines.push('typst-memo = Typst keeping its memo cache between renders (typst watch), for reference only');
  lines.push('');
  lines.push(`${pad('document', 10)}${pad('tool', 12)}${lpad('warm ms', 9)}${lpad('ms/page', 9)}${lpad('cold ms', 9)}${lpad('RSS MiB', 9)}${lpad('PDF KB', 8)}${lpad('pages', 7)}  ours/peer (warm, cold, bytes)`);
  for (const doc of Object.keys(r.warm)) {
    for (const tool of toolsOf(doc)) {
      const w = r.warm[doc][tool] ?? {};
      const c = r.cold[doc]?.[tool] ?? {};
      const o = r.warm[doc].ours ?? {};
      const oc = r.cold[doc]?.ours ?? {};
      const ratio = tool === 'ours' ? '' : `${fmt(o.warmMs / w.warmMs, 2)}, ${fmt(oc.coldMs / c.coldMs, 2)}, ${fmt(o.bytes / w.bytes, 2)}`;
      const err = w.error ? `  n/a: ${w.error.slice(0, 100)}` : '';
      // The targets that concern this row, next to its figures.
      const marks = tool === 'ours' ? r.targets.filter((t) => t.doc === doc).map((t) => `${t.short} ${t.status === 'met' ? 'met' : t.status === 'missed' ? 'MISSED' : 'n/a'}`) : [];
      const note = marks.length ? `  [${marks.join('; ')}]` : '';
      lines.push(`${pad(doc, 10)}${pad(tool, 12)}${lpad(fmt(w.warmMs), 9)}${lpad(fmt(w.warmMs / w.pages, 1), 9)}${lpad(c.error ? 'err' : fmt(c.coldMs), 9)}${lpad(fmt(w.peakRssMiB), 9)}${lpad(fmt(w.bytes / 1024), 8)}${lpad(w.pages ?? 'n/a', 7)}  ${ratio}${err}${note}`);
    }
  }
  lines.push('');
  for (const [doc, c] of Object.entries(r.cold)) {
    const parts = toolNames.filter((t) => c[t]?.coldPhasesMs).map((t) => {
      const ph = c[t].coldPhasesMs;
      return `${t} ${fmt(ph.boot)} + ${fmt(ph.load)} + ${fmt(ph.render)} + ${fmt(ph.write)} (${fmt(ph.maxRssMiB)} MiB)`;
    });
    if (parts.length) lines.push(`cold ${doc}, ms node start + load tool + first render + write (peak RSS): ${parts.join(' | ')}`);
  }
  for (const [doc, c] of Object.entries(r.cold)) {
    const cli = c['ours-cli'];
    if (cli) lines.push(`cold ${doc}, whole \`bulletin build\` process: ${cli.error ? `n/a — ${cli.error}` : `${fmt(cli.coldMs)} ms`} vs a whole Typst process ${fmt(c.typst?.coldMs)} ms → ×${fmt(cli.coldMs / c.typst?.coldMs, 2)}`);
  }
  lines.push('');
  lines.push(`first ${FIRST} renders of each warm process, ms (then the steady median; worst of renders 2–${FIRST} / steady):`);
  for (const doc of Object.keys(r.warm)) {
    for (const tool of toolsOf(doc)) {
      const w = r.warm[doc][tool];
      if (!w?.firstMs?.length) continue;
      lines.push(`  ${pad(doc, 6)}${pad(tool, 12)}${w.firstMs.map((x) => fmt(x)).join(' ')} | ${fmt(w.warmMs)} → ×${fmt(w.firstToSteady, 2)}`);
    }
  }
  if (r.bounded) {
    lines.push('');
    lines.push('bounded cost (663 plus one hostile paragraph, a fresh process each):');
    for (const x of r.bounded) lines.push(`  ${pad(x.name, 11)}${x.timedOut ? x.error : `${fmt(x.ms)} ms, peak RSS ${fmt(x.maxRssMiB)} MiB (${fmt(x.rssBeforeMiB)} before)${x.error ? `, error: ${x.error}` : `, ${x.bytes} bytes`}`}`);
  }
  lines.push('');
  lines.push('our stages (median ms):');
  for (const s of Object.values(r.stages)) {
    const cells = ['validate', 'compose', 'breakLines', 'paginate', 'writePdf', 'subsetFonts'].map((n) =>
      n in (s.stages ?? {}) ? `${n} ${fmt(s.stages[n], 1)}` : `${n} n/a`,
    );
    lines.push(`  ${pad(s.doc, 6)}${cells.join(' | ')}${s.breakerCalls ? `  (${s.breakerCalls} breaker calls, ${s.pages} pages)` : ''}`);
    for (const [n, why] of Object.entries(s.missing ?? {})) lines.push(`        ${n}: n/a — ${why}`);
    if (s.error) lines.push(`        error: ${s.error}`);
  }
  if (r.coldStages) {
    const cs = r.coldStages;
    const cells = Object.entries(cs.stages).map(([n, v]) => `${n} ${fmt(v, 1)}`);
    lines.push(`  first render in a fresh process, 663: ${cells.length ? cells.join(' | ') : `n/a — ${cs.error ?? 'no stage ran'}`}`);
  }
  lines.push('');
  const m = r.memory ?? {};
  lines.push(
    m.error
      ? `service memory: n/a — ${m.error}`
      : `service memory: peak RSS ${fmt(m.peakAtCheckpointMiB)} MiB after ${m.checkpoint} renders, ${fmt(m.peakAtEndMiB)} MiB after ${m.renders} (${fmt(100 * m.growth, 1)} %), ${fmt(m.seconds, 1)} s; Promise.all of 8 = sequential: ${m.concurrent?.identical}/8 identical, same input ×8 identical: ${m.concurrent?.sameInputIdentical}`,
  );
  if (m.marks?.length) lines.push(`  by renders: ${m.marks.map((k) => `${k.renders}: peak ${fmt(k.peakRssMiB)} / rss ${fmt(k.rssMiB)} / heap after gc ${fmt(k.heapAfterGcMiB, 1)} MiB`).join('; ')}`);
  for (const bt of [r.batch ?? {}, ...(r.batchLarge ? [r.batchLarge] : [])]) {
    lines.push(
      bt.error && !bt.seconds
        ? `batch: n/a — ${bt.error}`
        : `batch: bulletin build 'DIR/*.json' of ${bt.issues} different issues in ${fmt(bt.seconds, 1)} s, ${fmt(bt.issuesPerSecond, 1)} issues/s (${bt.built} PDFs) vs ${bt.issues} × warm / ${bt.cores} cores = ${fmt(bt.idealSeconds, 1)} s → ×${fmt(bt.ratioToIdeal, 2)}${bt.error ? ` (error: ${bt.error})` : ''}`,
    );
  }
  lines.push('');
  lines.push('targets:');
  for (const t of r.targets) {
    const detail = t.status === 'n/a' ? (t.reason ? ` (${t.reason})` : '') : 'limit' in t ? `: ${fmt(t.measured, 1)} vs ${fmt(t.limit, 1)} ${t.unit} (${t.by > 0 ? '+' : ''}${fmt(t.byPercent, 0)} %)` : '';
    lines.push(`  [${t.status}] ${t.name}${detail}`);
  }
  lines.push('');
  lines.push(`PDFs of the last runs: ${outDir}; total ${elapsed()}`);
  process.stdout.write(lines.join('\n') + '\n');
}

// ---------------------------------------------------------------- main

const results = {
  date: new Date().toISOString(),
  quick,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', node: process.version, loadavg: os.loadavg(), totalMemMiB: os.totalmem() / 2 ** 20 },
  documents: {},
  warm: {},
  cold: {},
  stages: {},
};
for (const doc of new Set([...Object.keys(plan.warm), ...Object.keys(plan.cold)])) {
  results.documents[doc] = { articles: benchDoc(doc).articles.length, ...(doc === '100p' ? { repeats: LARGE_REPEATS } : {}) };
}

for (const [doc, p] of Object.entries(plan.warm)) {
  log(`[${elapsed()}] warm ${doc} …`);
  results.warm[doc] = await warm(doc, p);
}
for (const [doc, n] of Object.entries(plan.cold)) {
  log(`[${elapsed()}] cold ${doc} …`);
  results.cold[doc] = await cold(doc, n);
}
for (const [doc, n] of Object.entries(plan.stages)) {
  log(`[${elapsed()}] stages ${doc} …`);
  results.stages[doc] = await runJson('stages.mjs', [doc, String(n)]);
}
log(`[${elapsed()}] stages of a first render (cold process) …`);
{
  // The first render of a fresh process, stage by stage (median of 3 processes): where the
  // cold figure goes beyond node start and imports.
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await runJson('stages.mjs', ['663', '1', '0']));
  const ok = runs.filter((x) => x.stages && Object.keys(x.stages).length);
  results.coldStages = { doc: '663', processes: ok.length, stages: {}, missing: runs[0]?.missing ?? {}, error: ok.length ? undefined : runs[0]?.error };
  for (const n of Object.keys(ok[0]?.stages ?? {})) results.coldStages.stages[n] = median(ok.map((x) => x.stages[n]));
}
log(`[${elapsed()}] service memory (${plan.memory} renders) …`);
results.memory = await runJson('memory.mjs', [String(plan.memory)], ['--expose-gc']);
log(`[${elapsed()}] batch (${plan.batch} issues) …`);
results.batch = await batch(plan.batch, results.warm['663']?.ours?.warmMs);
if (plan.batchLarge) {
  log(`[${elapsed()}] batch (${plan.batchLarge} issues) …`);
  results.batchLarge = await batch(plan.batchLarge, results.warm['663']?.ours?.warmMs);
}
if (plan.bounded) {
  results.bounded = [];
  for (const name of ['word-1MB', 'url-100KB']) {
    log(`[${elapsed()}] bounded cost: ${name} …`);
    results.bounded.push({ name, ...(await runJson('bounded.mjs', [name], [], 120_000)) });
  }
}
results.targets = evaluate(results);
results.seconds = (performance.now() - started) / 1000;
writeFileSync(path.join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
printReport(results);
