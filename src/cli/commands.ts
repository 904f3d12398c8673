// `bulletin check` and `bulletin build`. Loaded by main.ts only when one of them runs, so
// --help, --version and usage errors answer without loading the validator, fonts and PDF writer.
import path from 'node:path';
import { formatErrors, IssueValidationError } from '../errors.js';
import { checkThemeFile, outputPathOf } from '../pipeline.js';
import { UsageError } from './args.js';
import type { BuildCommand, CheckCommand } from './args.js';
import { buildMany } from './batch.js';
import { describeFailure } from './build-one.js';
import type { BuildJob } from './build-one.js';
import { expandPatterns } from './glob.js';
import type { CliIo } from './main.js';

function print(stream: CliIo['stderr'], lines: readonly string[]): void {
  for (const line of lines) stream.write(line + '\n');
}

/** A bad theme fails every issue the same way: say so once, against the theme file. */
async function themeProblems(themeFile: string | undefined): Promise<string[]> {
  if (themeFile === undefined) return [];
  try {
    await checkThemeFile(themeFile);
    return [];
  } catch (err) {
    return err instanceof IssueValidationError ? formatErrors(err.errors, { theme: themeFile, ...err.files }) : describeFailure(themeFile, err);
  }
}

function inputsOf(patterns: string[]): string[] {
  const files = expandPatterns(patterns);
  if (files.length === 0) throw new UsageError(`no file matches ${patterns.join(' ')}`);
  return files;
}

/**
 * `check` is `build` short of writing: every input goes through the whole pipeline (schema,
 * theme, glyphs against the fonts, images decoded, layout, PDF) in memory, so a file that
 * passes check builds.
 */
export async function check(cmd: CheckCommand, io: CliIo): Promise<number> {
  const files = inputsOf(cmd.files);
  const theme = await themeProblems(cmd.theme);
  if (theme.length > 0) {
    print(io.stderr, theme);
    return 1;
  }
  const options = { themeFile: cmd.theme, pdfa: cmd.pdfa, tagged: cmd.tagged };
  const outcomes = await buildMany(files.map((input) => ({ input, options, dryRun: true })), cmd.jobs, (outcome) => {
    print(io.stderr, outcome.warnings);
    if (!outcome.ok) print(io.stderr, outcome.errors);
  });
  return outcomes.some((o) => !o.ok) ? 1 : 0;
}

/** Inputs that would write one output (a.json and a.JSON both give a.pdf) are refused before anything is built. */
function collisions(jobs: readonly BuildJob[]): string[] {
  const byOutput = new Map<string, string[]>();
  for (const job of jobs) {
    const out = path.resolve(outputPathOf(job.input, job.output));
    byOutput.set(out, [...(byOutput.get(out) ?? []), job.input]);
  }
  return [...byOutput].filter(([, inputs]) => inputs.length > 1).map(([out, inputs]) => `${path.relative(process.cwd(), out) || out}: cannot write: ${inputs.join(' and ')} would all be written here; build them separately with -o`);
}

export async function build(cmd: BuildCommand, io: CliIo): Promise<number> {
  const files = inputsOf(cmd.files);
  const theme = await themeProblems(cmd.theme);
  if (theme.length > 0) {
    print(io.stderr, theme);
    return 1;
  }
  const options = { themeFile: cmd.theme, pdfa: cmd.pdfa, tagged: cmd.tagged };
  const jobs: BuildJob[] = files.map((input) => ({ input, output: cmd.output, options }));
  const clash = collisions(jobs);
  if (clash.length > 0) {
    print(io.stderr, clash);
    return 1;
  }
  const tty = io.stderr.isTTY === true && files.length > 1;
  const started = performance.now();
  const outcomes = await buildMany(jobs, cmd.jobs, (outcome, done) => {
    if (tty) io.stderr.write('\r\x1b[K');
    print(io.stderr, outcome.warnings);
    if (!outcome.ok) print(io.stderr, outcome.errors);
    else if (files.length === 1) io.stdout.write(`${outcome.output}: ${outcome.pages} pages, ${outcome.bytes} bytes\n`);
    if (tty) io.stderr.write(`[${done}/${files.length}] ${path.basename(outcome.input)}`);
  });
  if (tty) io.stderr.write('\r\x1b[K');
  const failed = outcomes.filter((o) => !o.ok).length;
  if (files.length > 1) {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (outcomes.length / seconds).toFixed(1) : '∞';
    io.stdout.write(`built ${outcomes.length - failed}, failed ${failed}, in ${seconds.toFixed(1)} s (${rate} issues/s)\n`);
  }
  return failed > 0 ? 1 : 0;
}
