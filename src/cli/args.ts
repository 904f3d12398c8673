// Command-line parsing for `bulletin`: small enough that a dependency would not earn its place.

export interface CheckCommand {
  command: 'check';
  files: string[];
  theme?: string;
  pdfa: boolean;
  tagged: boolean;
  jobs?: number;
}

export interface BuildCommand {
  command: 'build';
  files: string[];
  output?: string;
  theme?: string;
  pdfa: boolean;
  tagged: boolean;
  jobs?: number;
}

export type Command =
  | CheckCommand
  | BuildCommand
  | { command: 'help'; topic?: 'check' | 'build' }
  | { command: 'version' };

export class UsageError extends Error {}

export const usage = {
  main: `Usage: bulletin <command> [options]

Typesets a bulletin issue document (JSON, format v1) into PDF.

Commands:
  check FILE...          everything build does but write; errors as FILE:LINE:COL: POINTER: MESSAGE
  build FILE... [-o OUT] validate, lay out and write PDFs

Options:
  -h, --help             show help (also: bulletin <command> --help)
  -v, --version          print the version`,
  check: `Usage: bulletin check FILE... [--theme THEME.json] [--pdfa] [--tagged] [--jobs N]

Runs everything build runs short of writing, in memory: the schema and the checks after it
(real dates, coverage from <= to, http/https URLs), the theme, every character against the
fonts, every image opened and decoded, the layout and the PDF. A file that passes check
builds with the same options. Every problem is printed on its own line of stderr as
FILE:LINE:COL: POINTER: MESSAGE (a theme problem against the theme file); warnings (mixed
full/half-width punctuation) as FILE:LINE:COL: POINTER: warning: MESSAGE.

Options:
  --theme FILE           JSON theme override (schemas/theme.schema.json)
  --pdfa, --tagged       check as build would with these
  --jobs N               worker threads for several inputs (default: every core)

Exit status: 0 every file valid, 1 any file invalid, 2 usage error (or no file matches).`,
  build: `Usage: bulletin build FILE... [-o OUT.pdf] [--theme THEME.json] [--pdfa] [--tagged] [--jobs N]

Builds each issue document into a PDF next to it (FILE with .pdf), or into OUT.pdf with -o
(one input only). Inputs may be globs ('issues/*.json'). Nothing is written for an invalid
issue, and an existing PDF is left untouched; PDFs are written atomically. Several inputs
are built in parallel on every core; one bad issue does not stop the others.

Options:
  -o, --output OUT.pdf   output file (one input only)
  --theme FILE           JSON theme override (schemas/theme.schema.json)
  --pdfa                 write PDF/A-2b
  --tagged               write a tagged PDF (structure tree, zh-CN)
  --jobs N               worker threads for several inputs (default: every core)

Exit status: 0 every issue built, 1 any issue failed, 2 usage error.`,
};

export function parseArgs(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first === '-h' || first === '--help' || first === 'help') return { command: 'help' };
  if (first === '-v' || first === '--version') return { command: 'version' };
  if (first !== 'check' && first !== 'build') throw new UsageError(`unknown command "${first}"`);
  if (rest.includes('-h') || rest.includes('--help')) return { command: 'help', topic: first };

  const files: string[] = [];
  const build: BuildCommand = { command: 'build', files, pdfa: false, tagged: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
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
    if (first === 'check' && (arg === '-o' || arg.startsWith('--output'))) throw new UsageError(`unknown option "${arg}" for check (check writes nothing)`);
    if (arg === '-o' || arg === '--output') build.output = value();
    else if (arg.startsWith('--output=')) build.output = arg.slice('--output='.length);
    else if (arg === '--theme') build.theme = value();
    else if (arg.startsWith('--theme=')) build.theme = arg.slice('--theme='.length);
    else if (arg === '--pdfa') build.pdfa = true;
    else if (arg === '--tagged') build.tagged = true;
    else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
      const v = arg === '--jobs' ? value() : arg.slice('--jobs='.length);
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs takes a whole number of at least 1 (got "${v}")`);
      build.jobs = n;
    } else throw new UsageError(`unknown option "${arg}" for build`);
  }
  if (files.length === 0) throw new UsageError(`${first} needs at least one FILE`);
  if (first === 'check') {
    const { output: _output, command: _command, ...rest } = build;
    return { ...rest, command: 'check' };
  }
  if (build.output !== undefined && files.length !== 1) throw new UsageError('-o takes one input file only');
  return build;
}
