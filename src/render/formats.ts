// The one table of output formats. Commander's --format choices and help (cli/main.ts), the format
// types (DiffFormat, ParseFormat, CheckFormat) and the renderer each command calls all come from it:
// a new output format is one entry here (plus its renderer module). Renderers other than JSON are
// loaded on first use, so `plancmp diff --format json` does not pay for the HTML or colour code.
import type { Notice, PlanDiff, SourceText } from '../model.js';
import type { ColorOptions, Colors } from './color.js';
import type { CheckFileReport } from './check/types.js';
import { terminalSafeCopy as safe } from './terminal.js';
import { PlancmpError } from '../errors.js';
import { renderCheckGithub } from './check/github.js';
import { renderCheckSarif } from './check/sarif.js';
import { renderCheckJunit } from './check/junit.js';
import { renderFindings } from './check/text.js';
import type { Lang } from './labels.js';
import type { ChainResult } from '../chain/types.js';
import type { SiblingDiff } from '../chain/siblings.js';

export interface DiffRenderOptions {
  verbose?: boolean;
  /** text and md: owner changes grouped (default) or every link */
  owners?: 'grouped' | 'all';
  stat?: boolean;
  lines?: boolean;
  /** html: the documents' texts, shown side by side */
  texts?: { base?: string; local?: string };
  /** The language of the labels (text, md, html, csv headers; JSON never changes). Default en. */
  lang?: Lang;
}

interface Entry<R> {
  /** one line for --help */
  describe: string;
  render: R;
}
/** Text, or the bytes of a binary format (xlsx). */
type DiffRenderer = (d: PlanDiff, base: Notice, local: Notice, color: ColorOptions, opts: DiffRenderOptions) => Promise<string | Uint8Array>;
/** `source`: the notice's text as read (the raw format prints it; the command keeps it for that format only). */
type ParseRenderer = (n: Notice, color: ColorOptions, opts: { verbose?: boolean; lang?: Lang; source?: SourceText }) => Promise<string>;
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
  md: { describe: 'Markdown', render: async (d, b, l, _c, o) => { [d, b, l] = safe([d, b, l]); return (await import('./markdown.js')).renderDiffMarkdown(d, b, l, { owners: o.owners, lang: o.lang }); } },
  csv: { describe: 'one row per base task', render: async (d, b, l, _c, o) => (await import('./csv.js')).renderDiffCsv(d, b, l, o.lang) },
  html: { describe: 'a page with the two documents side by side', render: async (d, b, l, _c, o) => (await import('./html/index.js')).renderDiffHtml(d, b, l, o.texts, o.lang) },
  xlsx: { describe: 'a workbook, one sheet per section (binary: write it with -o FILE)', render: async (d, b, l, _c, o) => (await import('./xlsx.js')).renderWorkbook(b, [{ notice: l, diff: d }], o.lang) },
} as const satisfies Record<string, Entry<DiffRenderer>>;

/** Formats whose output is bytes, not text: never written to a terminal. */
export const BINARY_FORMATS: ReadonlySet<string> = new Set(['xlsx']);

/**
 * `plancmp report`'s outputs: each has its option (--html FILE …) and the file extensions -o FILE
 * picks it by. The report command writes them (the HTML whole, the workbook streamed).
 */
export const REPORT_FORMATS = {
  html: { describe: 'the HTML report', ext: /\.html?$/i },
  csv: { describe: 'the coverage matrix (or with --tidy the long table) as CSV', ext: /\.csv$/i },
  xlsx: { describe: 'a workbook, one sheet per section', ext: /\.xlsx$/i },
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

export const PARSE_FORMATS = {
  json: { describe: 'the notice (schema/parse.v1.json); several files: one array', render: async (n) => json(n) },
  jsonl: { describe: 'one compact record per line', render: async (n) => JSON.stringify(n) + '\n' },
  text: { describe: 'a readable outline', render: async (n, c, o) => (await import('./text.js')).renderParseText(safe(n), await colors(c), o) },
  md: { describe: 'Markdown', render: async (n, _c, o) => (await import('./markdown.js')).renderParseMarkdown(safe(n), o.lang) },
  csv: { describe: 'one row per task, with file and docNumber', render: async (n, _c, o) => (await import('./csv.js')).renderParseCsv(n, o.lang) },
  raw: { describe: 'the text as plancmp reads it (after reading, OCR and normalising), one paragraph a line, with page marks', render: async (n, _c, o) => (await import('./raw.js')).renderRaw(n, o.source) },
} as const satisfies Record<string, Entry<ParseRenderer>>;

export const CHECK_FORMATS = {
  text: { describe: 'file:line: severity rule — message', render: (r, _v, c) => renderFindings(r, c) },
  json: { describe: 'one report per file', render: (r) => JSON.stringify(r, null, 2) + '\n' },
  github: { describe: 'workflow annotations', render: renderCheckGithub },
  sarif: { describe: 'code scanning', render: renderCheckSarif },
  junit: { describe: 'test reports', render: renderCheckJunit },
} as const satisfies Record<string, Entry<CheckRenderer>>;

/** `plancmp chain`: the tree for a person, and the files --json/--jsonl/--csv/--html (or --out DIR) write. */
type ChainRenderer = (c: ChainResult) => Promise<string>;
export const CHAIN_FORMATS = {
  text: { describe: 'the tree of notices, for a person (when no output is asked for)', render: async (c) => (await import('./chain/text.js')).renderChainText(c) },
  json: { describe: 'the whole chain (schema/chain.v1.json)', render: async (c) => (await import('./chain/data.js')).renderChainJson(c) },
  jsonl: { describe: 'one record per notice', render: async (c) => (await import('./chain/data.js')).renderChainJsonl(c) },
  csv: { describe: 'one row per task lineage', render: async (c) => (await import('./chain/data.js')).renderChainCsv(c) },
  html: { describe: 'the chain as a page', render: async (c) => (await import('./chain/html.js')).renderChainHtml(c) },
} as const satisfies Record<string, Entry<ChainRenderer>>;

/** `plancmp diff A B` of two plans of one parent, compared through it (the siblings view). */
type SiblingsRenderer = (d: SiblingDiff) => Promise<string>;
export const SIBLINGS_FORMATS = {
  text: { describe: 'for each parent task: kept by both, only A, only B or neither', render: async (d) => (await import('./chain/siblings.js')).renderSiblingsText(d) },
  json: { describe: 'the whole comparison (schema/siblings.v1.json)', render: async (d) => json(d) },
  csv: { describe: 'one row per parent task', render: async (d) => (await import('./chain/siblings.js')).renderSiblingsCsv(d) },
} as const satisfies Record<string, Entry<SiblingsRenderer>>;

export type DiffFormat = keyof typeof DIFF_FORMATS;
export type ChainFormat = keyof typeof CHAIN_FORMATS;
export type SiblingsFormat = keyof typeof SIBLINGS_FORMATS;
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
