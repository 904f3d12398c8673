// `bulletin`: check and build issue documents. Thin: parsing, printing and exit codes only.
// The whole command is runCli(), so tests can run it in process; src/cli.ts is only the bin
// entry that hands it the real argv and streams and sets the exit code.
import { version } from '../version.js';
import { parseArgs, usage, UsageError } from './args.js';

/** Where runCli() prints: process.stdout/stderr in the bin, a collecting stub in tests. */
export interface CliStream {
  write(data: string | Uint8Array): unknown;
  /** Set on a terminal; `build` with several inputs then draws a progress line. */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /** What `bulletin build -` reads (process.stdin in the bin). */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Stops `bulletin watch` (the bin stops it on SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

async function main(argv: string[], io: CliIo): Promise<number> {
  let cmd;
  try {
    cmd = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`bulletin: ${err.message}\n\n${usage[err.topic ?? 'main']}\n`);
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
    case 'build':
    case 'watch':
      try {
        const commands = await import('./commands.js');
        if (cmd.command === 'check') return await commands.check(cmd, io);
        if (cmd.command === 'build') return await commands.build(cmd, io);
        return await (await import('./watch.js')).watch(cmd, io);
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
