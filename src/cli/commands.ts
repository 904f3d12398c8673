// `bulletin check` and `bulletin build`. Loaded by main.ts only when one of them runs, so
// --help, --version and usage errors answer without loading the validator, fonts and PDF writer.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatError, validateIssueText } from '../document/index.js';
import { IssueValidationError } from '../document/types.js';
import { loadThemeFile } from '../theme/index.js';
import { UsageError } from './args.js';
import type { BuildCommand, CheckCommand } from './args.js';
import { buildMany } from './batch.js';
import { describeFailure } from './build-one.js';
import type { BuildJob } from './build-one.js';
import { expandPatterns } from './glob.js';
import type { CliIo } from './main.js';

export async function check(cmd: CheckCommand, io: CliIo): Promise<number> {
  let failed = false;
  for (const file of expandPatterns(cmd.files)) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      for (const line of describeFailure(file, err)) io.stderr.write(line + '\n');
      failed = true;
      continue;
    }
    const result = validateIssueText(text);
    for (const w of result.warnings) io.stderr.write(formatError(file, { ...w, message: `warning: ${w.message}` }) + '\n');
    if (!result.ok) {
      failed = true;
      for (const e of result.errors) io.stderr.write(formatError(file, e) + '\n');
    }
  }
  return failed ? 1 : 0;
}

export async function build(cmd: BuildCommand, io: CliIo): Promise<number> {
  const files = expandPatterns(cmd.files);
  if (files.length === 0) throw new UsageError(`no file matches ${cmd.files.join(' ')}`);
  let theme: unknown;
  if (cmd.theme !== undefined) {
    try {
      theme = await loadThemeFile(cmd.theme);
    } catch (err) {
      const lines = err instanceof IssueValidationError ? err.errors.map((e) => formatError(cmd.theme!, e)) : describeFailure(cmd.theme, err);
      for (const line of lines) io.stderr.write(line + '\n');
      return 1;
    }
  }
  const options = { theme, pdfa: cmd.pdfa, tagged: cmd.tagged };
  const jobs: BuildJob[] = files.map((input) => ({ input, output: cmd.output, options }));
  const tty = io.stderr.isTTY === true && files.length > 1;
  const started = performance.now();
  const outcomes = await buildMany(jobs, cmd.jobs, (outcome, done) => {
    if (tty) io.stderr.write('\r\x1b[K');
    for (const w of outcome.warnings) io.stderr.write(w + '\n');
    if (!outcome.ok) for (const line of outcome.errors) io.stderr.write(line + '\n');
    else if (files.length === 1) io.stdout.write(`${outcome.output}: ${outcome.pages} pages, ${outcome.bytes} bytes\n`);
    if (tty) io.stderr.write(`[${done}/${files.length}] ${path.basename(outcome.input)}`);
  });
  if (tty) io.stderr.write('\r\x1b[K');
  const failed = outcomes.filter((o) => !o.ok).length;
  if (files.length > 1) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stdout.write(`built ${outcomes.length - failed}, failed ${failed}, in ${seconds} s\n`);
  }
  return failed > 0 ? 1 : 0;
}
