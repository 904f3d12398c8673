// `bulletin`: check and build issue documents. Thin: parsing, printing and exit codes only.
// The whole command is runCli(), so tests can run it in process; src/cli.ts is only the bin
// entry that hands it the real argv and streams and sets the exit code.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatError, validateIssueText } from '../document/index.js';
import { loadThemeFile } from '../theme/index.js';
import { version } from '../version.js';
import { parseArgs, usage, UsageError } from './args.js';
import type { BuildCommand, CheckCommand } from './args.js';
import { buildMany } from './batch.js';
import { describeFailure } from './build-one.js';
import type { BuildJob } from './build-one.js';
import { expandPatterns } from './glob.js';
import { IssueValidationError } from '../document/types.js';

/** Where runCli() prints: process.stdout/stderr in the bin, a collecting stub in tests. */
export interface CliStream {
  write(text: string): unknown;
  /** Set on a terminal; `build` with several inputs then draws a progress line. */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
}

async function check(cmd: CheckCommand, io: CliIo): Promise<number> {
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

async function build(cmd: BuildCommand, io: CliIo): Promise<number> {
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

async function main(argv: string[], io: CliIo): Promise<number> {
  let cmd;
  try {
    cmd = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`bulletin: ${err.message}\n\n${usage.main}\n`);
    return 2;
  }
  switch (cmd.command) {
    case 'help':
      io.stdout.write((cmd.topic ? usage[cmd.topic] : usage.main) + '\n');
      return 0;
    case 'version':
      io.stdout.write(`bulletin-press ${version}\n`);
      return 0;
    case 'check':
      return check(cmd, io);
    case 'build':
      try {
        return await build(cmd, io);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        io.stderr.write(`bulletin: ${err.message}\n`);
        return 2;
      }
  }
}

/**
 * Runs `bulletin` with the arguments after the command name and resolves to its exit code:
 * 0 success, 1 an invalid or unbuildable input (or an internal error), 2 a usage error.
 * File names are taken relative to process.cwd(), as the bin takes them; nothing here exits
 * the process or sets process.exitCode.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (err) {
    io.stderr.write(`bulletin: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
