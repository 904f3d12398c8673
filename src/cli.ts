#!/usr/bin/env node
// `bulletin`: check and build issue documents. Thin: parsing, printing and exit codes only.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateIssueText } from './document/index.js';
import { formatError, formatErrors, IssueValidationError } from './errors.js';
import { checkThemeFile } from './pipeline.js';
import { version } from './version.js';
import { parseArgs, usage, UsageError } from './cli/args.js';
import type { BuildCommand, CheckCommand } from './cli/args.js';
import { buildMany } from './cli/batch.js';
import { describeFailure } from './cli/build-one.js';
import type { BuildJob } from './cli/build-one.js';
import { expandPatterns } from './cli/glob.js';

async function check(cmd: CheckCommand): Promise<number> {
  let failed = false;
  for (const file of expandPatterns(cmd.files)) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      for (const line of describeFailure(file, err)) process.stderr.write(line + '\n');
      failed = true;
      continue;
    }
    const result = validateIssueText(text);
    for (const w of result.warnings) process.stderr.write(formatError(file, { ...w, message: `warning: ${w.message}` }) + '\n');
    if (!result.ok) {
      failed = true;
      for (const e of result.errors) process.stderr.write(formatError(file, e) + '\n');
    }
  }
  return failed ? 1 : 0;
}

async function build(cmd: BuildCommand): Promise<number> {
  const files = expandPatterns(cmd.files);
  if (files.length === 0) throw new UsageError(`no file matches ${cmd.files.join(' ')}`);
  if (cmd.theme !== undefined) {
    // A bad theme fails every issue the same way: say so once, against the theme file.
    const themeFile = cmd.theme;
    try {
      await checkThemeFile(themeFile);
    } catch (err) {
      const lines = err instanceof IssueValidationError ? formatErrors(err.errors, { theme: themeFile, ...err.files }) : describeFailure(themeFile, err);
      for (const line of lines) process.stderr.write(line + '\n');
      return 1;
    }
  }
  const options = { themeFile: cmd.theme, pdfa: cmd.pdfa, tagged: cmd.tagged };
  const jobs: BuildJob[] = files.map((input) => ({ input, output: cmd.output, options }));
  const tty = process.stderr.isTTY === true && files.length > 1;
  const started = performance.now();
  const outcomes = await buildMany(jobs, cmd.jobs, (outcome, done) => {
    if (tty) process.stderr.write('\r\x1b[K');
    for (const w of outcome.warnings) process.stderr.write(w + '\n');
    if (!outcome.ok) for (const line of outcome.errors) process.stderr.write(line + '\n');
    else if (files.length === 1) process.stdout.write(`${outcome.output}: ${outcome.pages} pages, ${outcome.bytes} bytes\n`);
    if (tty) process.stderr.write(`[${done}/${files.length}] ${path.basename(outcome.input)}`);
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const failed = outcomes.filter((o) => !o.ok).length;
  if (files.length > 1) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`built ${outcomes.length - failed}, failed ${failed}, in ${seconds} s\n`);
  }
  return failed > 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  let cmd;
  try {
    cmd = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`bulletin: ${err.message}\n\n${usage.main}\n`);
    return 2;
  }
  switch (cmd.command) {
    case 'help':
      process.stdout.write((cmd.topic ? usage[cmd.topic] : usage.main) + '\n');
      return 0;
    case 'version':
      process.stdout.write(`bulletin-press ${version}\n`);
      return 0;
    case 'check':
      return check(cmd);
    case 'build':
      try {
        return await build(cmd);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        process.stderr.write(`bulletin: ${err.message}\n`);
        return 2;
      }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bulletin: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
