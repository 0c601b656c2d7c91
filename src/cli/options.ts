// Commander hands each action an untyped options object. It is narrowed here, once per command, into
// the typed options the command runs with; nothing past this file sees commander's values.
import type { Lang } from '../render/labels.js';
import type { ParseCommandOptions } from './parse-command.js';
import type { DiffCommandOptions } from './diff-command.js';
import type { CheckCommandOptions } from './check-command.js';
import type { ReportCommandOptions } from './report-command.js';
import type { ExportCommandOptions } from './export-command.js';
import type { ChainCommandOptions } from './chain-command.js';
import { OUTPUT_FORMATS } from '../render/formats.js';
import { PlancmpError } from '../errors.js';
import { ocrPagesOption } from './ocr-progress.js';

/** What commander gives an action: option values by camel-cased name. */
export type RawOptions = Record<string, unknown>;

const text = (o: RawOptions, key: string): string | undefined => (typeof o[key] === 'string' ? (o[key] as string) : undefined);
/** true, false (a --no-X form) or absent */
const flag = (o: RawOptions, key: string): boolean | undefined => (o[key] === undefined ? undefined : o[key] === true);
const list = (o: RawOptions, key: string): string[] | undefined => (Array.isArray(o[key]) ? (o[key] as unknown[]).map(String) : undefined);

/** --lang (commander's .choices() checked it); undefined: from the environment. */
function lang(o: RawOptions): Lang | undefined {
  const v = text(o, 'lang');
  return v === 'zh' || v === 'en' ? v : undefined;
}

/** --format from the command's row of the format table (commander's .choices() checked it already; this keeps the type honest). */
function format<C extends keyof typeof OUTPUT_FORMATS>(o: RawOptions, command: C, fallback: keyof (typeof OUTPUT_FORMATS)[C] & string): keyof (typeof OUTPUT_FORMATS)[C] & string {
  const v = o.format;
  if (v === undefined) return fallback;
  if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(OUTPUT_FORMATS[command], v)) return v as keyof (typeof OUTPUT_FORMATS)[C] & string;
  throw new PlancmpError('usage', `--format: "${String(v)}" is not one of ${Object.keys(OUTPUT_FORMATS[command]).join(', ')}`);
}

/** Options every command takes from the program itself. */
const global = (g: RawOptions) => ({ debug: flag(g, 'debug') });
const reading = (o: RawOptions) => ({ encoding: text(o, 'encoding'), ocr: flag(o, 'ocr') });
/** --ocr-pages N and --no-cache (parse and diff). */
const ocrReading = (o: RawOptions) => ({ ocrPages: ocrPagesOption(text(o, 'ocrPages')), cache: flag(o, 'cache') });

export function parseOptions(o: RawOptions, g: RawOptions): ParseCommandOptions {
  return { format: format(o, 'parse', 'json'), ...reading(o), ...ocrReading(o), bom: flag(o, 'bom'), output: text(o, 'output'), lang: lang(o), ext: text(o, 'ext'), ...global(g) };
}

/** --owners grouped|all (commander's .choices() checked it already; this keeps the type honest). */
function ownersMode(o: RawOptions): 'grouped' | 'all' | undefined {
  const v = o.owners;
  if (v === undefined || v === 'grouped' || v === 'all') return v;
  throw new PlancmpError('usage', `--owners: "${String(v)}" is not one of grouped, all`);
}

export function diffOptions(o: RawOptions, g: RawOptions = {}): DiffCommandOptions {
  return {
    format: format(o, 'diff', 'text'),
    ...reading(o),
    ...ocrReading(o),
    pairs: text(o, 'pairs'),
    failOn: text(o, 'failOn'),
    verbose: flag(o, 'verbose'),
    quiet: flag(o, 'quiet'),
    exitCode: flag(o, 'exitCode'),
    stat: flag(o, 'stat'),
    lines: flag(o, 'lines'),
    owners: ownersMode(o),
    bom: flag(o, 'bom'),
    output: text(o, 'output'),
    parent: text(o, 'parent'),
    direct: flag(o, 'direct'),
    force: flag(o, 'force'),
    lang: lang(o),
    bases: text(o, 'bases'),
    ext: text(o, 'ext'),
    ...global(g),
  };
}

export function checkOptions(o: RawOptions, g: RawOptions): CheckCommandOptions {
  return {
    format: format(o, 'check', 'text'),
    quiet: flag(o, 'quiet'),
    rule: list(o, 'rule'),
    output: text(o, 'output'),
    maxWarnings: text(o, 'maxWarnings'),
    snapshot: text(o, 'snapshot'),
    update: flag(o, 'update'),
    diff: flag(o, 'diff'),
    base: text(o, 'base'),
    ext: text(o, 'ext'),
    ...reading(o),
    ...global(g),
  };
}

export function reportOptions(o: RawOptions, g: RawOptions): ReportCommandOptions {
  return { base: text(o, 'base'), html: text(o, 'html'), csv: text(o, 'csv'), xlsx: text(o, 'xlsx'), tidy: flag(o, 'tidy'), output: text(o, 'output'), bom: flag(o, 'bom'), lang: lang(o), ext: text(o, 'ext'), ...reading(o), ...global(g) };
}

export function exportOptions(o: RawOptions, g: RawOptions): ExportCommandOptions {
  return {
    out: text(o, 'out'),
    jsonl: text(o, 'jsonl'),
    diff: flag(o, 'diff'),
    base: text(o, 'base'),
    bases: list(o, 'bases'),
    tables: text(o, 'tables'),
    jobs: text(o, 'jobs'),
    resume: flag(o, 'resume'),
    shard: text(o, 'shard'),
    ext: text(o, 'ext') ?? '',
    errors: text(o, 'errors'),
    ...reading(o),
    ...global(g),
  };
}

export function chainOptions(o: RawOptions, _g: RawOptions): ChainCommandOptions {
  return {
    out: text(o, 'out'),
    html: text(o, 'html'),
    jsonl: text(o, 'jsonl'),
    json: text(o, 'json'),
    csv: text(o, 'csv'),
    ext: text(o, 'ext'),
    contentMin: text(o, 'contentMin'),
    withBase: flag(o, 'withBase'),
    ...reading(o),
  };
}
