#!/usr/bin/env node
// The `bulletin` bin: the command itself is runCli() in cli/main.ts (runnable in process).
import { runCli } from './cli/main.js';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
