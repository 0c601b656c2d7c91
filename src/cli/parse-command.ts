// plancmp parse FILE... — one notice in, a structured document out.
import { stdinFor, type Io } from './io.js';
import { exitCode } from './exit.js';
import { runFile, failed, type FileResult } from '../result.js';
import { PARSE_FORMATS, type ParseFormat } from '../render/formats.js';
import { printMessage } from './report-error.js';
import type { Notice } from '../model.js';
import { langFromEnv, type Lang } from '../render/labels.js';

export interface ParseCommandOptions {
  format: ParseFormat;
  encoding?: string;
  /** --ocr: read scanned PDF pages with Tesseract */
  ocr?: boolean;
  debug?: boolean;
  /** CSV: start with a UTF-8 BOM for Excel (default: only when writing to a file with -o). */
  bom?: boolean;
  output?: string;
  /** --lang: the outline's, Markdown's and CSV header's language (default: from LC_ALL / LC_MESSAGES / LANG) */
  lang?: Lang;
}

/** Formats that hold many notices as one document (one header, one array) rather than one after another. */
async function renderMany(format: ParseCommandOptions['format'], notices: Notice[], opts: ParseCommandOptions): Promise<string | undefined> {
  if (format === 'json' && notices.length > 1) return JSON.stringify(notices, null, 2) + '\n';
  // one compact record per line, the same shape for one file or many
  if (format === 'jsonl') return notices.map((n) => JSON.stringify(n) + '\n').join('');
  if (format === 'csv') {
    const { renderParseCsv, withBom } = await import('../render/csv.js');
    const csv = renderParseCsv(notices, opts.lang);
    return opts.bom ?? (!!opts.output && opts.output !== '-') ? withBom(csv) : csv;
  }
  return undefined;
}

export async function runParse(files: string[], opts: ParseCommandOptions, io: Io): Promise<number> {
  const color = { stream: io.stdout as NodeJS.WriteStream, env: io.env, force: io.color };
  const results: FileResult[] = [];
  for (const file of files) {
    const r = await runFile(file, { encoding: opts.encoding, ocr: opts.ocr, isolate: true, stdin: stdinFor(io, file) });
    // a file that failed is named at once; warnings (no tasks) come after the output
    for (const m of r.messages) if (m.severity === 'fatal') printMessage(m, io, opts.debug);
    results.push(r);
  }
  const notices: Notice[] = results.flatMap((r) => (r.notice ? [r.notice] : []));
  opts = { ...opts, lang: opts.lang ?? langFromEnv(io.env) };
  const many = notices.length ? await renderMany(opts.format, notices, opts) : undefined;
  if (many !== undefined) io.stdout.write(many);
  else for (const n of notices) io.stdout.write(await PARSE_FORMATS[opts.format].render(n, color, { lang: opts.lang }));
  for (const r of results) for (const m of r.messages) if (m.severity === 'warning') printMessage(m, io, opts.debug);
  return exitCode(results.filter(failed).length, files.length);
}
