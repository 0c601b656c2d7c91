// plancmp parse INPUT... — one notice in, a structured document out; files, directories and globs
// in, one result per file out: json an array for a collection (several files, a directory or a
// pattern), jsonl one line per file, text one outline after another, csv one table.
import { stdinFor, type Io } from './io.js';
import { commandInputs } from './inputs.js';
import { BatchProgress } from './batch.js';
import { exitCode } from './exit.js';
import { runFile, failed, type FileResult } from '../result.js';
import { PARSE_FORMATS, type ParseFormat } from '../render/formats.js';
import { printMessage } from './report-error.js';
import { ocrProgress } from './ocr-progress.js';
import type { Notice } from '../model.js';
import { langFromEnv, type Lang } from '../render/labels.js';

export interface ParseCommandOptions {
  format: ParseFormat;
  encoding?: string;
  /** --ocr: read scanned PDF pages with Tesseract */
  ocr?: boolean;
  /** --ocr-pages: read at most this many scanned pages */
  ocrPages?: number;
  /** --no-cache: OCR every page again */
  cache?: boolean;
  debug?: boolean;
  /** CSV: start with a UTF-8 BOM for Excel (default: only when writing to a file with -o). */
  bom?: boolean;
  output?: string;
  /** --lang: the outline's, Markdown's and CSV header's language (default: from LC_ALL / LC_MESSAGES / LANG) */
  lang?: Lang;
  /** --ext: the extensions taken from directories (default: every input kind) */
  ext?: string;
}

/** The CSV table of every notice parsed (one header, the rows of each file in turn). */
async function renderCsv(notices: Notice[], opts: ParseCommandOptions): Promise<string> {
  const { renderParseCsv, withBom } = await import('../render/csv.js');
  const csv = renderParseCsv(notices, opts.lang);
  return opts.bom ?? (!!opts.output && opts.output !== '-') ? withBom(csv) : csv;
}

/** One notice as an element of the pretty-printed JSON array (the same text JSON.stringify(array, null, 2) gives). */
const arrayItem = (n: Notice) => JSON.stringify(n, null, 2).replace(/\n/g, '\n  ');

export async function runParse(args: string[], opts: ParseCommandOptions, io: Io): Promise<number> {
  const color = { stream: io.stdout as NodeJS.WriteStream, env: io.env, force: io.color };
  const { files, failures, many } = await commandInputs(args, opts.ext, io);
  opts = { ...opts, lang: opts.lang ?? langFromEnv(io.env) };
  const results: FileResult[] = [];
  const csvRows: Notice[] = [];
  const progress = new BatchProgress(io, files.length);
  // json: an object for one named file, an array for a collection (even of one), written as it goes
  const array = opts.format === 'json' && many;
  let written = 0;
  for (const file of files) {
    const listed = failures.get(file);
    const ocr = ocrProgress(io, file);
    const r: FileResult = listed
      ? { file, messages: [listed] }
      : await runFile(file, { encoding: opts.encoding, ocr: opts.ocr, ocrPages: opts.ocrPages, cache: opts.cache, onProgress: ocr.onProgress, keepSource: opts.format === 'raw', isolate: true, stdin: stdinFor(io, file) });
    ocr.clear();
    results.push(r);
    progress.step(failed(r));
    // a file that failed is named at once; warnings (no tasks) come after the output
    const fatal = r.messages.find((m) => m.severity === 'fatal');
    if (fatal) {
      progress.clear();
      printMessage(fatal, io, opts.debug);
    }
    if (!r.notice) continue;
    if (opts.format === 'csv') csvRows.push(r.notice);
    else if (array) io.stdout.write(`${written ? ',\n' : '[\n'}  ${arrayItem(r.notice)}`);
    // jsonl: one compact record per line, the same shape for one file or many
    else if (opts.format === 'jsonl') io.stdout.write(JSON.stringify(r.notice) + '\n');
    else io.stdout.write(await PARSE_FORMATS[opts.format].render(r.notice, color, { lang: opts.lang, source: r.source }));
    written++;
  }
  progress.clear();
  if (array && written) io.stdout.write('\n]\n');
  if (opts.format === 'csv' && csvRows.length) io.stdout.write(await renderCsv(csvRows, opts));
  for (const r of results) for (const m of r.messages) if (m.severity === 'warning') printMessage(m, io, opts.debug);
  const bad = results.filter(failed).length;
  if (bad && files.length > 1) io.stderr.write(`plancmp: ${bad} of ${files.length} files failed (named above); the others were parsed\n`);
  return exitCode(bad, files.length);
}
