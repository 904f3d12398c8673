#!/usr/bin/env node
// The `bulletin` bin: the command itself is runCli() in cli/main.ts (runnable in process).
import { runCli } from './cli/main.js';

// Ctrl-C ends `bulletin watch` cleanly (it stops watching and exits); any other command is
// interrupted as usual (128 + SIGINT), its temporary file never renamed into place.
const stop = new AbortController();
const watching = process.argv[2] === 'watch';
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (!watching) process.exit(signal === 'SIGINT' ? 130 : 143);
    stop.abort();
  });
}
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, signal: stop.signal });
