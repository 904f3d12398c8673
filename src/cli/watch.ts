// `bulletin watch FILE`: build, then build again whenever the issue, one of its images or the
// theme (and the template it names) changes. Folders are watched rather than files, because
// editors save by writing a new file and renaming it over the old one, which a watch on the
// old file's inode never sees. A failed build leaves the last good PDF in place (buildFile
// writes only whole, successful PDFs).
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { readBoundedText } from '../bounded-file.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../document/input-text.js';
import path from 'node:path';
import { isPlainObject } from '../json/pointer.js';
import type { WatchCommand } from './args.js';
import { buildOne } from './build-one.js';
import { Reporter } from './commands.js';
import type { CliIo } from './main.js';

/** Changes closer together than this are one rebuild (an editor's save is several events). */
const SETTLE_MS = 120;

/** The files a build of `issueFile` reads: the issue, its images, the theme and its template. */
async function inputsOfBuild(issueFile: string, themeFile: string | undefined): Promise<string[]> {
  const files = [path.resolve(issueFile)];
  const base = path.dirname(path.resolve(issueFile));
  try {
    const issue: unknown = JSON.parse(readBoundedText(issueFile, DEFAULT_MAX_INPUT_BYTES));
    const articles = isPlainObject(issue) && Array.isArray(issue['articles']) ? issue['articles'] : [];
    for (const a of articles) {
      const body = isPlainObject(a) && Array.isArray(a['body']) ? a['body'] : [];
      for (const b of body) if (isPlainObject(b) && b['type'] === 'image' && typeof b['src'] === 'string') files.push(path.resolve(base, b['src']));
    }
  } catch {
    // Unreadable or not JSON: the build reports why; the issue file itself is still watched.
  }
  if (themeFile !== undefined) {
    files.push(path.resolve(themeFile));
    try {
      const theme: unknown = JSON.parse(readBoundedText(themeFile, DEFAULT_MAX_INPUT_BYTES));
      const lead = isPlainObject(theme) && isPlainObject(theme['templates']) ? theme['templates']['lead'] : undefined;
      if (typeof lead === 'string') files.push(path.resolve(path.dirname(path.resolve(themeFile)), lead));
    } catch {
      // As above: the build says what is wrong with the theme.
    }
  }
  return [...new Set(files)];
}

export async function watch(cmd: WatchCommand, io: CliIo): Promise<number> {
  const out = new Reporter(io, cmd.diagnostics, cmd.quiet);
  const options = { themeFile: cmd.theme, pdfa: cmd.pdfa, tagged: cmd.tagged };
  let lastOk = false;
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> = Promise.resolve();

  const rebuild = async (): Promise<void> => {
    const outcome = await buildOne({ input: cmd.file, output: cmd.output, options });
    lastOk = outcome.ok;
    out.report(outcome.diagnostics);
    out.finish();
    if (outcome.ok) out.say(`${outcome.output}: ${outcome.pages} pages, ${outcome.bytes} bytes`);
    else out.say(`${cmd.file}: build failed; the last good PDF is left in place`);
    await rewatch();
  };

  const rewatch = async (): Promise<void> => {
    for (const w of watchers) w.close();
    const files = new Set(await inputsOfBuild(cmd.file, cmd.theme));
    const folders = new Set([...files].map((f) => path.dirname(f)));
    watchers = [];
    for (const folder of folders) {
      try {
        const w = watchFolder(folder, (_event, name) => {
          if (name !== null && !files.has(path.join(folder, name.toString()))) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            building = building.then(rebuild);
          }, SETTLE_MS);
        });
        w.on('error', () => undefined);
        watchers.push(w);
      } catch {
        // A folder that does not exist (an image path in a missing folder): the build reports it.
      }
    }
    out.say(`watching ${files.size} file${files.size === 1 ? '' : 's'} (Ctrl-C to stop)`);
  };

  building = rebuild();
  await building;
  await new Promise<void>((resolve) => {
    if (io.signal?.aborted) resolve();
    io.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await building;
  return lastOk ? 0 : 1;
}
