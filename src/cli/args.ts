// Command-line parsing for `bulletin`: small enough that a dependency would not earn its place.

/** Diagnostics as lines for people and editors, or one JSON array on stdout. */
export type DiagnosticFormat = 'text' | 'json';

interface Common {
  files: string[];
  theme?: string;
  pdfa: boolean;
  tagged: boolean;
  jobs?: number;
  diagnostics: DiagnosticFormat;
  /** Print only errors: no warnings, no success lines. */
  quiet: boolean;
  /** Limits (bytes, pixels) that refuse oversized input before any work. */
  limits: { maxInputBytes?: number; maxImageBytes?: number; maxImagePixels?: number };
}

export interface CheckCommand extends Common {
  command: 'check';
}

export interface BuildCommand extends Common {
  command: 'build';
  /** A file, '-' for stdout, or for PNG pages a pattern with {n}. */
  output?: string;
  /** What to write: the PDF, or one PNG per page. */
  as: 'pdf' | 'png';
  /** 1-based page numbers for --format png (default: all). */
  pages?: number[];
  /** Pixels per inch of PNG pages. */
  ppi: number;
}

export interface WatchCommand extends Omit<Common, 'files' | 'jobs'> {
  command: 'watch';
  file: string;
  output?: string;
}

export type Command =
  | CheckCommand
  | BuildCommand
  | WatchCommand
  | { command: 'help'; topic?: 'check' | 'build' | 'watch' }
  | { command: 'version' };

export class UsageError extends Error {
  /** The command whose usage to show with the message (a bare `bulletin build` shows build's). */
  readonly topic: 'check' | 'build' | 'watch' | undefined;
  constructor(message: string, topic?: 'check' | 'build' | 'watch') {
    super(message);
    this.topic = topic;
  }
}

const DIAGNOSTICS = `Diagnostics go to stderr, one per line, as editors' gcc problem matchers read them:
  FILE:LINE:COL: error: POINTER: MESSAGE
  FILE:LINE:COL: warning: POINTER: MESSAGE
(a theme problem against the theme file; POINTER is an RFC 6901 JSON Pointer with
characters a URI fragment cannot hold percent-encoded). With --format json, stdout gets
one JSON array of { file, line, column, pointer, severity, message } instead.`;

export const usage = {
  main: `Usage: bulletin <command> [options]

Typesets a bulletin issue document (JSON, format v1) into PDF.

Commands:
  check FILE...          everything build does but write; report every problem
  build FILE... [-o OUT] validate, lay out and write PDFs (or PNG pages)
  watch FILE [-o OUT]    build again whenever the issue, its images or the theme change

Options:
  -h, --help             show help (also: bulletin <command> --help)
  -v, --version          print the version`,
  check: `Usage: bulletin check FILE... [--theme THEME.json] [--pdfa] [--tagged] [--jobs N]
                      [--format text|json] [--quiet]

Runs everything build runs short of writing, in memory: the schema and the checks after it
(real dates, coverage from <= to, http/https URLs), the theme, every character against the
fonts, every image opened and decoded, the layout and the PDF. A file that passes check
builds with the same options. FILE may be - for standard input.

${DIAGNOSTICS}

Options:
  --theme FILE           JSON theme override (schemas/theme.schema.json)
  --pdfa, --tagged       check as build would with these
  --jobs N               worker threads for several inputs (default: every core)
  --format text|json     diagnostics as lines (default) or as one JSON array on stdout
  -q, --quiet            print errors only
  --max-input-size N     refuse issue files over N bytes unread (default 16MB)
  --max-image-size N     refuse image files over N bytes unread (default 20MB)
  --max-image-pixels N   refuse images over N pixels, from their header (default 40M)

Exit status: 0 every file valid, 1 any file invalid, 2 usage error (or no file matches).`,
  build: `Usage: bulletin build FILE... [-o OUT.pdf] [--theme THEME.json] [--pdfa] [--tagged] [--jobs N]
                      [--format text|json] [--quiet]
       bulletin build FILE --format png [--pages 1,3-4] [--ppi 144] [-o 'OUT-{n}.png']

Builds each issue document into a PDF next to it (FILE with .pdf), or into OUT.pdf with -o
(one input only). Inputs may be globs ('issues/*.json'); FILE - reads the issue from
standard input (image paths relative to the working folder) and -o - writes the PDF to
standard output. Nothing is written for an invalid issue, and an existing PDF is left
untouched; PDFs are written atomically, never over the input or anything that is not a
regular file. Several inputs are built in parallel on every core; one bad issue does not
stop the others.

${DIAGNOSTICS}

Options:
  -o, --output OUT       output file (one input only); - for standard output
  --theme FILE           JSON theme override (schemas/theme.schema.json)
  --pdfa                 write PDF/A-2b
  --tagged               write a tagged PDF (structure tree, zh-CN)
  --jobs N               worker threads for several inputs (default: every core)
  --format text|json     diagnostics as lines (default) or as one JSON array on stdout
  --format png           write one PNG per page instead of the PDF: -o takes a pattern
                         with {n} for the page number (default FILE-{n}.png)
  --pages LIST           pages for --format png, as 1,3-4 (default: all)
  --ppi N                resolution of PNG pages (default 144)
  -q, --quiet            print errors only
  --max-input-size N     refuse issue files over N bytes unread (default 16MB)
  --max-image-size N     refuse image files over N bytes unread (default 20MB)
  --max-image-pixels N   refuse images over N pixels, from their header (default 40M)

Exit status: 0 every issue built, 1 any issue failed, 2 usage error.`,
  watch: `Usage: bulletin watch FILE [-o OUT.pdf] [--theme THEME.json] [--pdfa] [--tagged] [--format text|json] [--quiet]

Builds FILE, then builds it again whenever the issue, one of its images or the theme file
changes, printing each build's diagnostics. A failed build leaves the last good PDF in
place. Stops on Ctrl-C.`,
};

function pageList(v: string): number[] {
  const pages = new Set<number>();
  for (const part of v.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] !== undefined ? Number(m[2]) : from;
    if (!m || from < 1 || to < from) throw new UsageError(`--pages takes page numbers and ranges such as 1,3-4 (got "${v}")`);
    for (let p = from; p <= to; p++) pages.add(p);
  }
  return [...pages].sort((a, b) => a - b);
}

const UNITS: Record<string, number> = { '': 1, K: 1024, KB: 1024, M: 1024 ** 2, MB: 1024 ** 2, G: 1024 ** 3, GB: 1024 ** 3 };

/** A size such as 16MB, 500K or 40000000 (units of 1024; for pixels, M is a million too: 40M). */
function size(flag: string, v: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMG]B?)?\s*$/i.exec(v);
  const unit = m ? (flag === '--max-image-pixels' ? { '': 1, K: 1e3, KB: 1e3, M: 1e6, MB: 1e6, G: 1e9, GB: 1e9 } : UNITS)[(m[2] ?? '').toUpperCase()] : undefined;
  const n = m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!(n >= 1) || !Number.isSafeInteger(n)) throw new UsageError(`${flag} takes a size such as 16MB, 500K or 40M (got "${v}")`);
  return n;
}

function wholeNumber(flag: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} takes a whole number from ${min} to ${max} (got "${v}")`);
  return n;
}

export function parseArgs(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first === '-h' || first === '--help' || first === 'help') return { command: 'help' };
  if (first === '-v' || first === '--version') return { command: 'version' };
  if (first !== 'check' && first !== 'build' && first !== 'watch') throw new UsageError(`unknown command "${first}"`);
  if (rest.includes('-h') || rest.includes('--help')) return { command: 'help', topic: first };
  if (rest.length === 0) throw new UsageError(`${first} needs ${first === 'watch' ? 'a FILE' : 'at least one FILE'}`, first);

  const files: string[] = [];
  const build: BuildCommand = { command: 'build', files, pdfa: false, tagged: false, diagnostics: 'text', quiet: false, limits: {}, as: 'pdf', ppi: 144 };
  let pagesGiven = false;
  let ppiGiven = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`, first);
      return v;
    };
    if (arg === '--') {
      files.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    if (first === 'check' && (name === '-o' || name === '--output')) throw new UsageError(`unknown option "${arg}" for check (check writes nothing)`, first);
    if (name === '-o' || name === '--output') build.output = value();
    else if (name === '--theme') build.theme = value();
    else if (arg === '--pdfa') build.pdfa = true;
    else if (arg === '--tagged') build.tagged = true;
    else if (arg === '-q' || arg === '--quiet') build.quiet = true;
    else if (name === '--max-input-size') build.limits.maxInputBytes = size(name, value());
    else if (name === '--max-image-size') build.limits.maxImageBytes = size(name, value());
    else if (name === '--max-image-pixels') build.limits.maxImagePixels = size(name, value());
    else if (name === '--jobs' && first !== 'watch') build.jobs = wholeNumber('--jobs', value(), 1, 1024);
    else if (name === '--format') {
      const v = value();
      if (v === 'text' || v === 'json') build.diagnostics = v;
      else if (v === 'png' && first === 'build') build.as = 'png';
      else if (v === 'pdf' && first === 'build') build.as = 'pdf';
      else throw new UsageError(`--format takes ${first === 'build' ? 'text, json, pdf or png' : 'text or json'} (got "${v}")`, first);
    } else if (name === '--pages' && first === 'build') {
      build.pages = pageList(value());
      pagesGiven = true;
    } else if (name === '--ppi' && first === 'build') {
      build.ppi = wholeNumber('--ppi', value(), 18, 1200);
      ppiGiven = true;
    } else throw new UsageError(`unknown option "${arg}" for ${first}`, first);
  }
  if (files.length === 0) throw new UsageError(`${first} needs ${first === 'watch' ? 'a FILE' : 'at least one FILE'}`, first);
  const { output, as, pages, ppi, command: _command, ...common } = build;
  void _command;
  if (first === 'check') return { ...common, command: 'check' };
  if (first === 'watch') {
    if (files.length !== 1 || files[0] === '-') throw new UsageError('watch takes one issue file (not standard input)', first);
    const { files: _files, jobs: _jobs, ...watchable } = common;
    void _files;
    void _jobs;
    return { ...watchable, command: 'watch', file: files[0]!, ...(output !== undefined ? { output } : {}) };
  }
  if ((pagesGiven || ppiGiven) && as !== 'png') throw new UsageError('--pages and --ppi go with --format png', first);
  if (output !== undefined && files.length !== 1) throw new UsageError('-o takes one input file only', first);
  if (files.includes('-') && files.length !== 1) throw new UsageError('- (standard input) must be the only input', first);
  if (as === 'png' && output === '-') throw new UsageError('PNG pages go to files: give -o a pattern with {n}', first);
  if (as === 'png' && output !== undefined && !output.includes('{n}') ) throw new UsageError('with --format png, -o takes a pattern with {n} for the page number', first);
  if (as === 'png' && files[0] === '-' && output === undefined) throw new UsageError('reading standard input with --format png needs -o PATTERN', first);
  return { ...build, output, as, ppi, ...(pages ? { pages } : {}) };
}
