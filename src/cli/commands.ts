// `bulletin check`, `build` and `watch`. Loaded by main.ts only when one of them runs, so
// --help, --version and usage errors answer without loading the validator, fonts and PDF writer.
import path from 'node:path';
import { DEFAULT_MAX_INPUT_BYTES } from '../document/input-text.js';
import { IssueValidationError } from '../errors.js';
import { checkOutput, outputPathOf, writeAtomically } from '../output.js';
import type { RenderOptions } from '../pipeline.js';
import { UsageError } from './args.js';
import type { BuildCommand, CheckCommand, DiagnosticFormat } from './args.js';
import { buildMany } from './batch.js';
import type { BuildJob, BuildOutcome } from './build-one.js';
import { describeFailure, fromIssueErrors, formatDiagnostic, jsonDiagnostic, type Diagnostic } from './diagnostics.js';
import { expandPatterns } from './glob.js';
import type { CliIo } from './main.js';

/**
 * The renderer (validator, fonts, PDF writer), loaded the first time this thread builds
 * something itself. A batch only hands files to its worker threads, which load it on their
 * own: loading it here first would hold their start back (tests/cli/batch-start.test.ts).
 */
function pipeline(): Promise<typeof import('../pipeline.js')> {
  return import('../pipeline.js');
}

/** The name standard input goes by in diagnostics. */
export const STDIN = '<stdin>';

/** Prints diagnostics as they come (text) or all at the end as one JSON array on stdout. */
export class Reporter {
  readonly #all: Diagnostic[] = [];
  constructor(
    private readonly io: CliIo,
    private readonly format: DiagnosticFormat,
    private readonly quiet: boolean,
  ) {}

  report(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      if (this.quiet && d.severity === 'warning') continue;
      if (this.format === 'json') this.#all.push(d);
      else this.io.stderr.write(formatDiagnostic(d) + '\n');
    }
  }

  /** A success line for people (stdout, or stderr when stdout carries data); never in JSON or quiet mode. */
  say(line: string, toStderr = false): void {
    if (this.quiet || this.format === 'json') return;
    (toStderr ? this.io.stderr : this.io.stdout).write(line + '\n');
  }

  finish(): void {
    if (this.format === 'json') this.io.stdout.write(JSON.stringify(this.#all.map(jsonDiagnostic), null, 2) + '\n');
  }
}

/** A bad theme fails every issue the same way: say so once, against the theme file. */
async function themeProblems(themeFile: string | undefined): Promise<Diagnostic[]> {
  if (themeFile === undefined) return [];
  try {
    await (await pipeline()).checkThemeFile(themeFile);
    return [];
  } catch (err) {
    return err instanceof IssueValidationError ? fromIssueErrors(err.errors, { theme: themeFile, ...err.files }, themeFile) : describeFailure(themeFile, err);
  }
}

function inputsOf(patterns: string[]): string[] {
  if (patterns.length === 1 && patterns[0] === '-') return ['-'];
  const files = expandPatterns(patterns);
  if (files.length === 0) throw new UsageError(`no file matches ${patterns.join(' ')}`);
  return files;
}

/**
 * Standard input as bytes, the issue of `bulletin build -`: at most one byte past the limit is
 * kept, so an endless or huge stream is refused without being held in memory.
 */
async function readStdin(io: CliIo, limit: number): Promise<Uint8Array> {
  if (!io.stdin) throw new UsageError('no standard input to read');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    chunks.push(b);
    size += b.byteLength;
    if (size > limit) break;
  }
  return Buffer.concat(chunks);
}

function optionsOf(cmd: CheckCommand | BuildCommand): RenderOptions {
  return { themeFile: cmd.theme, pdfa: cmd.pdfa, tagged: cmd.tagged, ...cmd.limits };
}

/** One issue given as text (standard input): prepared in this thread, images relative to the working folder. */
async function fromStdin(io: CliIo, options: RenderOptions): Promise<{ ok: true; pdf: Uint8Array; pages: number; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const text = await readStdin(io, options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES);
  try {
    const r = await (await pipeline()).renderIssueText(text, { ...options, file: STDIN });
    return { ok: true, pdf: r.pdf, pages: r.pages, diagnostics: fromIssueErrors(r.warnings, { issue: STDIN, theme: options.themeFile }, STDIN) };
  } catch (err) {
    return { ok: false, diagnostics: describeFailure(STDIN, err) };
  }
}

/**
 * `check` is `build` short of writing: every input goes through the whole pipeline (schema,
 * theme, glyphs against the fonts, images decoded, layout, PDF) in memory, so a file that
 * passes check builds.
 */
export async function check(cmd: CheckCommand, io: CliIo): Promise<number> {
  const files = inputsOf(cmd.files);
  return reporting(cmd, io, async (out) => {
    if (files[0] === '-') {
      const r = await fromStdin(io, optionsOf(cmd));
      out.report(r.diagnostics);
      return r.ok ? 0 : 1;
    }
    const options = optionsOf(cmd);
    const outcomes = await buildMany(files.map((input) => ({ input, options, dryRun: true })), cmd.jobs, (o) => out.report(o.diagnostics));
    return outcomes.some((o) => !o.ok) ? 1 : 0;
  });
}

/** Runs a command's work with its reporter: a bad theme stops it first, the JSON array closes it. */
async function reporting(cmd: CheckCommand | BuildCommand, io: CliIo, work: (out: Reporter) => Promise<number>): Promise<number> {
  const out = new Reporter(io, cmd.diagnostics, cmd.quiet);
  try {
    const theme = await themeProblems(cmd.theme);
    if (theme.length > 0) {
      out.report(theme);
      return 1;
    }
    return await work(out);
  } finally {
    out.finish();
  }
}

/** Inputs that would write one output (a.json and a.JSON both give a.pdf) are refused before anything is built. */
function collisions(jobs: readonly BuildJob[]): Diagnostic[] {
  const byOutput = new Map<string, string[]>();
  for (const job of jobs) {
    const out = path.resolve(outputPathOf(job.input, job.output));
    byOutput.set(out, [...(byOutput.get(out) ?? []), job.input]);
  }
  return [...byOutput]
    .filter(([, inputs]) => inputs.length > 1)
    .map(([out, inputs]) => ({
      file: path.relative(process.cwd(), out) || out,
      severity: 'error' as const,
      message: `cannot write: ${inputs.join(' and ')} would all be written here; build them separately with -o`,
    }));
}

/** The PNG file of page n: the -o pattern, or FILE-{n}.png beside the input. */
function pngPath(input: string, pattern: string | undefined, n: number): string {
  return (pattern ?? `${input.replace(/\.json$/i, '')}-{n}.png`).replaceAll('{n}', String(n));
}

async function writePngs(cmd: BuildCommand, out: Reporter, input: string, pdf: Uint8Array): Promise<Diagnostic[]> {
  const { pdfToPngs } = await import('../raster/png.js');
  let pages;
  try {
    pages = await pdfToPngs(pdf, { ppi: cmd.ppi, ...(cmd.pages ? { pages: cmd.pages } : {}) });
  } catch (err) {
    return [{ file: input, severity: 'error', message: err instanceof Error ? err.message : String(err) }];
  }
  for (const p of pages) {
    const file = pngPath(input, cmd.output, p.page);
    try {
      await checkOutput(file, input === '-' ? [] : [input]);
      await writeAtomically(file, p.png);
    } catch (err) {
      return describeFailure(input, err);
    }
    out.say(`${file}: page ${p.page}, ${p.width}×${p.height} px, ${p.png.byteLength} bytes`);
  }
  return [];
}

/** --format png: every input rendered in memory and drawn page by page. */
async function buildPngs(cmd: BuildCommand, files: string[], io: CliIo, out: Reporter): Promise<number> {
  let failed = false;
  for (const input of files) {
    let pdf: Uint8Array;
    if (input === '-') {
      const r = await fromStdin(io, optionsOf(cmd));
      out.report(r.diagnostics);
      if (!r.ok) {
        failed = true;
        continue;
      }
      pdf = r.pdf;
    } else {
      try {
        const r = await (await pipeline()).renderFile(input, optionsOf(cmd));
        out.report(fromIssueErrors(r.warnings, { issue: input, theme: cmd.theme }, input));
        pdf = r.pdf;
      } catch (err) {
        out.report(describeFailure(input, err));
        failed = true;
        continue;
      }
    }
    const problems = await writePngs(cmd, out, input === '-' ? STDIN : input, pdf);
    out.report(problems);
    if (problems.length > 0) failed = true;
  }
  return failed ? 1 : 0;
}

export async function build(cmd: BuildCommand, io: CliIo): Promise<number> {
  const files = inputsOf(cmd.files);
  if (cmd.output === '-' && cmd.diagnostics === 'json') throw new UsageError('-o - writes the PDF to standard output, where --format json would print; choose one');
  return reporting(cmd, io, async (out) => {
    if (cmd.as === 'png') return await buildPngs(cmd, files, io, out);
    if (files[0] === '-') return await buildStdin(cmd, io, out);
    if (cmd.output === '-') return await buildToStdout(cmd, files[0]!, io, out);
    const options = optionsOf(cmd);
    const jobs: BuildJob[] = files.map((input) => ({ input, output: cmd.output, options }));
    const clash = collisions(jobs);
    if (clash.length > 0) {
      out.report(clash);
      return 1;
    }
    const tty = io.stderr.isTTY === true && files.length > 1 && cmd.diagnostics === 'text' && !cmd.quiet;
    const started = performance.now();
    const outcomes = await buildMany(jobs, cmd.jobs, (outcome: BuildOutcome, done) => {
      if (tty) io.stderr.write('\r\x1b[K');
      out.report(outcome.diagnostics);
      if (outcome.ok && files.length === 1) out.say(`${outcome.output}: ${outcome.pages} pages, ${outcome.bytes} bytes`);
      if (tty) io.stderr.write(`[${done}/${files.length}] ${path.basename(outcome.input)}`);
    });
    if (tty) io.stderr.write('\r\x1b[K');
    const failed = outcomes.filter((o) => !o.ok).length;
    if (files.length > 1) {
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 ? (outcomes.length / seconds).toFixed(1) : '∞';
      out.say(`built ${outcomes.length - failed}, failed ${failed}, in ${seconds.toFixed(1)} s (${rate} issues/s)`);
    }
    return failed > 0 ? 1 : 0;
  });
}

/** `bulletin build - [-o OUT|-]`: the issue from standard input, the PDF to a file or to standard output. */
async function buildStdin(cmd: BuildCommand, io: CliIo, out: Reporter): Promise<number> {
  if (cmd.output === undefined) throw new UsageError('reading the issue from standard input needs -o OUT.pdf (or -o - for standard output)');
  const r = await fromStdin(io, optionsOf(cmd));
  out.report(r.diagnostics);
  if (!r.ok) return 1;
  return emit(cmd.output, r.pdf, r.pages, io, out, []);
}

/** `bulletin build FILE -o -`: the PDF to standard output; messages to stderr. */
async function buildToStdout(cmd: BuildCommand, input: string, io: CliIo, out: Reporter): Promise<number> {
  try {
    const r = await (await pipeline()).renderFile(input, optionsOf(cmd));
    out.report(fromIssueErrors(r.warnings, { issue: input, theme: cmd.theme }, input));
    return await emit('-', r.pdf, r.pages, io, out, [input]);
  } catch (err) {
    out.report(describeFailure(input, err));
    return 1;
  }
}

async function emit(output: string, pdf: Uint8Array, pages: number, io: CliIo, out: Reporter, inputs: string[]): Promise<number> {
  if (output === '-') {
    io.stdout.write(pdf);
    out.say(`${STDIN === inputs[0] ? STDIN : 'standard output'}: ${pages} pages, ${pdf.byteLength} bytes`, true);
    return 0;
  }
  try {
    await checkOutput(output, inputs);
    await writeAtomically(output, pdf);
  } catch (err) {
    out.report(describeFailure(output, err));
    return 1;
  }
  out.say(`${output}: ${pages} pages, ${pdf.byteLength} bytes`);
  return 0;
}
