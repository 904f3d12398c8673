// Writing a PDF where the caller asked, without ever destroying something else: the output
// must not be the input (same file after links: same device and inode), an existing output
// must be a regular file (never replace /dev/null, a FIFO or a folder), and the bytes go to a
// temporary file in the same folder that is flushed to disk before it is renamed over the
// final name, and the folder flushed after (POSIX rename(2) is atomic; fsync makes it
// durable), so a crash leaves either the old file or the whole new one.
import { constants, type Stats } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The output path of a build: the given one, or the input with `.pdf` for `.json`. */
export function outputPathOf(inputPath: string, outputPath?: string): string {
  return outputPath ?? inputPath.replace(/\.json$/i, '') + '.pdf';
}

/** A problem with where the output goes; it names the output, never the input. */
export class OutputError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(message);
    this.name = 'OutputError';
    this.file = file;
  }
}

async function statOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await stat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return e instanceof Error ? e.message : String(e);
}

/**
 * Refuses an output that would destroy something: the input itself, or an existing file that
 * is not a regular file; and an output whose folder does not exist. Call before any work.
 */
export async function checkOutput(output: string, inputs: readonly string[] = []): Promise<void> {
  const dir = path.dirname(path.resolve(output));
  const folder = await statOrUndefined(dir).catch((e: unknown) => {
    throw new OutputError(output, `cannot write: ${why(e)}`);
  });
  if (!folder) throw new OutputError(output, `cannot write: the folder ${dir} does not exist`);
  if (!folder.isDirectory()) throw new OutputError(output, `cannot write: ${dir} is not a folder`);
  const existing = await statOrUndefined(output).catch((e: unknown) => {
    throw new OutputError(output, `cannot write: ${why(e)}`);
  });
  if (!existing) return;
  if (!existing.isFile()) throw new OutputError(output, `cannot write: it exists and is ${kindOf(existing)}; only a regular file is replaced`);
  for (const input of inputs) {
    const s = await statOrUndefined(input).catch(() => undefined);
    if (s && s.dev === existing.dev && s.ino === existing.ino) {
      throw new OutputError(output, `cannot write: it is the input ${input} (the PDF would replace the issue document)`);
    }
  }
}

/** Writes `bytes` to `file` through a flushed temporary file and an atomic rename. */
export async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let written = false;
  try {
    // O_EXCL: never follow or reuse something already at the temporary name.
    const handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    written = true;
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw new OutputError(file, `cannot write: ${why(err)}${written ? ' (renaming the finished file)' : ''}`);
  }
  // The rename is on disk only once the folder is: flush it too (not possible on every platform).
  const folder = await open(dir, constants.O_RDONLY).catch(() => undefined);
  if (folder) {
    await folder.sync().catch(() => undefined);
    await folder.close();
  }
}
