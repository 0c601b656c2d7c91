// The one table of output formats. Commander's --format choices and help (cli/main.ts), the format
// types (DiffFormat, ParseFormat, CheckFormat) and the renderer each command calls all come from it:
// a new output format is one entry here (plus its renderer module). Renderers other than JSON are
// loaded on first use, so `plancmp diff --format json` does not pay for the HTML or colour code.
import type { Notice, PlanDiff } from '../model.js';
import type { ColorOptions, Colors } from './color.js';
import type { CheckFileReport } from './check/types.js';
import { terminalSafeCopy as safe } from './terminal.js';
import { PlancmpError } from '../errors.js';
import { renderCheckGithub } from './check/github.js';
import { renderCheckSarif } from './check/sarif.js';
import { renderCheckJunit } from './check/junit.js';
import { renderFindings } from './check/text.js';

export interface DiffRenderOptions {
  verbose?: boolean;
  /** text and md: owner changes grouped (default) or every link */
  owners?: 'grouped' | 'all';
  stat?: boolean;
  lines?: boolean;
  /** html: the documents' texts, shown side by side */
  texts?: { base?: string; local?: string };
}

interface Entry<R> {
  /** one line for --help */
  describe: string;
  render: R;
}
type DiffRenderer = (d: PlanDiff, base: Notice, local: Notice, color: ColorOptions, opts: DiffRenderOptions) => Promise<string>;
type ParseRenderer = (n: Notice, color: ColorOptions, opts: { verbose?: boolean }) => Promise<string>;
/** A whole check run; `version` is plancmp's, for formats that name their tool. */
type CheckRenderer = (reports: readonly CheckFileReport[], version: string, colors?: Colors) => string;

const json = (x: unknown): string => {
  try {
    return JSON.stringify(x, null, 2) + '\n';
  } catch (e) {
    if (e instanceof RangeError) throw new PlancmpError('output-too-large', 'the output is larger than a JSON text can be (over 512 MB)', undefined, 'split the file');
    throw e;
  }
};
const colors = async (c: ColorOptions) => (await import('./color.js')).makeColors(c);

export const DIFF_FORMATS = {
  // text and Markdown end up in a terminal: escape sequences in the documents must not drive it
  text: { describe: 'a summary for a person (coloured in a terminal)', render: async (d, b, l, c, o) => { [d, b, l] = safe([d, b, l]); return (await import('./text.js')).renderDiffText(d, b, l, await colors(c), o); } },
  json: { describe: 'the whole diff (schema/diff.v1.json)', render: async (d) => json(d) },
  md: { describe: 'Markdown', render: async (d, b, l, _c, o) => { [d, b, l] = safe([d, b, l]); return (await import('./markdown.js')).renderDiffMarkdown(d, b, l, { owners: o.owners }); } },
  csv: { describe: 'one row per base task', render: async (d, b, l) => (await import('./csv.js')).renderDiffCsv(d, b, l) },
  html: { describe: 'a page with the two documents side by side', render: async (d, b, l, _c, o) => (await import('./html/index.js')).renderDiffHtml(d, b, l, o.texts) },
} as const satisfies Record<string, Entry<DiffRenderer>>;

export const PARSE_FORMATS = {
  json: { describe: 'the notice (schema/parse.v1.json); several files: one array', render: async (n) => json(n) },
  jsonl: { describe: 'one compact record per line', render: async (n) => JSON.stringify(n) + '\n' },
  text: { describe: 'a readable outline', render: async (n, c, o) => (await import('./text.js')).renderParseText(safe(n), await colors(c), o) },
  md: { describe: 'Markdown', render: async (n) => (await import('./markdown.js')).renderParseMarkdown(safe(n)) },
  csv: { describe: 'one row per task, with file and docNumber', render: async (n) => (await import('./csv.js')).renderParseCsv(n) },
} as const satisfies Record<string, Entry<ParseRenderer>>;

export const CHECK_FORMATS = {
  text: { describe: 'file:line: severity rule — message', render: (r, _v, c) => renderFindings(r, c) },
  json: { describe: 'one report per file', render: (r) => JSON.stringify(r, null, 2) + '\n' },
  github: { describe: 'workflow annotations', render: renderCheckGithub },
  sarif: { describe: 'code scanning', render: renderCheckSarif },
  junit: { describe: 'test reports', render: renderCheckJunit },
} as const satisfies Record<string, Entry<CheckRenderer>>;

export type DiffFormat = keyof typeof DIFF_FORMATS;
export type ParseFormat = keyof typeof PARSE_FORMATS;
export type CheckFormat = keyof typeof CHECK_FORMATS;

/** Every command's formats, for --format choices and help. */
export const OUTPUT_FORMATS = { diff: DIFF_FORMATS, parse: PARSE_FORMATS, check: CHECK_FORMATS } as const;

export function formatChoices(command: keyof typeof OUTPUT_FORMATS): string[] {
  return Object.keys(OUTPUT_FORMATS[command]);
}

/** `--format` help: `text (a summary …), json (…)…` */
export function formatHelp(command: keyof typeof OUTPUT_FORMATS): string {
  return Object.entries(OUTPUT_FORMATS[command] as Record<string, { describe: string }>)
    .map(([name, e]) => `${name} (${e.describe})`)
    .join(', ');
}
