// plancmp report LOCAL... --html FILE --csv FILE — many local plans against one base: an HTML report
// (overview, coverage matrix, key-list deadlines, a side-by-side page per plan) and/or the coverage
// matrix as CSV. A file that cannot be read is reported and left out; the others still make the report.
import { OutputSink, writeError, writeOutputSync } from '../write/atomic.js';
import { PassThrough, Writable } from 'node:stream';
import { REPORT_FORMATS, type ReportFormat } from '../render/formats.js';
import { comparing } from './reading.js';
import type { Io } from './io.js';
import { commandInputs } from './inputs.js';
import { BatchProgress } from './batch.js';
import { EXIT, exitCode } from './exit.js';
import { printMessage } from './report-error.js';
import { readFileSync } from 'node:fs';
import { BASE_FILE, loadBase } from '../pipeline.js';
import { PlancmpError } from '../errors.js';
import { describeMessage, fatalOf, runFile, unwrap, type FileResult } from '../result.js';
import type { Notice } from '../model.js';
import { buildCoverage, renderCoverageCsv, renderCoverageTidyCsv, type PlanInput } from '../render/coverage.js';
import { withBom } from '../render/csv.js';
import { renderReportHtml, type ReportFailure } from '../render/html/index.js';
import { langFromEnv, type Lang } from '../render/labels.js';

export interface ReportCommandOptions {
  base?: string;
  html?: string;
  csv?: string;
  /** --xlsx FILE: the workbook (one sheet per section) */
  xlsx?: string;
  /** with --csv: the long table (one row per base task and plan) instead of the wide matrix */
  tidy?: boolean;
  /** -o FILE: the report in the format its extension names (.html/.htm, .csv) */
  output?: string;
  /** CSV: UTF-8 BOM for Excel; default: in a file yes, on standard output no */
  bom?: boolean;
  encoding?: string;
  /** --ocr: read scanned PDF pages with Tesseract */
  ocr?: boolean;
  debug?: boolean;
  /** --lang: the report's language (default: from LC_ALL / LC_MESSAGES / LANG) */
  lang?: Lang;
  /** --ext: the extensions taken from directories (default: every input kind) */
  ext?: string;
}

/** -o FILE joins --html, --csv or --xlsx by its extension (REPORT_FORMATS). */
function outputsOf(opts: ReportCommandOptions): Partial<Record<ReportFormat, string>> {
  const out: Partial<Record<ReportFormat, string>> = { html: opts.html, csv: opts.csv, xlsx: opts.xlsx };
  const o = opts.output;
  if (o) {
    const f = (Object.keys(REPORT_FORMATS) as ReportFormat[]).find((k) => REPORT_FORMATS[k].ext.test(o));
    if (!f) throw new PlancmpError('usage', `-o ${o}: the report is written as HTML (.html), CSV (.csv) or a workbook (.xlsx)`, undefined, 'name the file report.html, matrix.csv or report.xlsx, or use --html / --csv / --xlsx FILE');
    const named = out[f];
    if (named && named !== o) throw new PlancmpError('usage', `-o ${o} and --${f} ${named} both name the ${f === 'html' ? 'HTML report' : f === 'csv' ? 'CSV' : 'workbook'}`, undefined, 'give one of them');
    out[f] = o;
  }
  return out;
}

/** The workbook, streamed into FILE (complete or absent) or standard output. */
async function writeXlsx(target: string, base: Notice, plans: PlanInput[], lang: Lang, io: Io): Promise<void> {
  const { workbookSheets, writeWorkbook } = await import('../render/xlsx.js');
  const sheets = workbookSheets(base, plans, lang);
  if (target === '-') {
    if (io.stdout.isTTY) throw new PlancmpError('usage', '--xlsx -: a workbook is a binary file, not for a terminal', undefined, 'give a file name: --xlsx report.xlsx');
    const out = new PassThrough();
    out.on('data', (c: Buffer) => io.stdout.write(c));
    const ended = new Promise<void>((resolve) => out.on('end', resolve));
    await writeWorkbook(sheets, out);
    return ended;
  }
  const sink = new OutputSink(target);
  sink.open();
  const out = new Writable({
    write(chunk: Buffer, _e, cb) {
      try {
        sink.write(chunk);
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  try {
    await writeWorkbook(sheets, out);
    await finished;
    sink.commit();
  } catch (e) {
    sink.abort();
    throw e instanceof PlancmpError ? e : writeError(e, target);
  }
}

function write(target: string, content: string, io: Io): void {
  if (target === '-') {
    io.stdout.write(content);
    return;
  }
  // complete or absent: a full disk keeps the previous report instead of leaving half of a new one
  writeOutputSync(target, content);
}

export async function runReport(args: string[], options: ReportCommandOptions, io: Io): Promise<number> {
  const opts = { ...options, ...outputsOf(options) };
  if (opts.html === '-' && opts.xlsx === '-') throw new PlancmpError('usage', '--html and --xlsx cannot both write to standard output');
  if (opts.csv === '-' && opts.xlsx === '-') throw new PlancmpError('usage', '--csv and --xlsx cannot both write to standard output');
  if (opts.tidy && !opts.csv) throw new PlancmpError('usage', '--tidy shapes the CSV: it needs --csv FILE', undefined, 'e.g. plancmp report a.txt b.txt --csv long.csv --tidy');
  if (!opts.html && !opts.csv && !opts.xlsx) {
    throw new PlancmpError('usage', 'report needs an output: --html FILE, --csv FILE and/or --xlsx FILE', undefined, 'e.g. plancmp report fixtures/000_*.txt fixtures/001_*.txt --html report.html');
  }
  if (opts.html === '-' && opts.csv === '-') throw new PlancmpError('usage', '--html and --csv cannot both write to standard output');
  if (args.filter((f) => f === '-').length > 1) throw new PlancmpError('usage', 'standard input (-) can be read only once');
  const { files: locals, failures: listed } = await commandInputs(args, opts.ext, io);

  let base: Notice;
  let baseText: string;
  if (opts.base) {
    const r = await runFile(opts.base, comparing(opts, opts.base, io));
    base = unwrap(r);
    baseText = r.sourceText!;
  } else {
    base = loadBase();
    baseText = readFileSync(BASE_FILE, 'utf8');
  }
  if (base.tasks.length === 0) throw new PlancmpError('no-tasks', 'no tasks found in the base plan', base.source.file, 'the base must be a plan with numbered tasks under （一）（二）… headings');

  const plans: PlanInput[] = [];
  const failures: ReportFailure[] = [];
  const progress = new BatchProgress(io, locals.length);
  for (const file of locals) {
    const known = listed.get(file);
    const r: FileResult = known ? { file, messages: [known] } : await runFile(file, comparing(opts, file, io, { base, noTasks: 'fail' }));
    const fatal = fatalOf(r);
    progress.step(!!fatal);
    if (fatal) {
      progress.clear();
      printMessage(fatal, io, opts.debug);
      failures.push({ file, message: describeMessage(fatal, false) });
    } else plans.push({ notice: r.notice!, diff: r.diff!, sourceText: r.sourceText! });
  }
  progress.clear();
  if (plans.length === 0) {
    io.stderr.write(`plancmp: none of the ${locals.length} file${locals.length === 1 ? '' : 's'} could be compared; no report written\n`);
    return EXIT.USAGE;
  }

  const lang = opts.lang ?? langFromEnv(io.env);
  // status lines go to stderr when a report goes to stdout
  const say = opts.html === '-' || opts.csv === '-' || opts.xlsx === '-' ? io.stderr : io.stdout;
  const what = `${plans.length} plan${plans.length === 1 ? '' : 's'} × ${base.tasks.length} base tasks`;
  if (opts.html) {
    write(opts.html, renderReportHtml({ base, plans, failures, baseText, lang }), io);
    if (opts.html !== '-') say.write(`wrote ${opts.html} (${what})\n`);
  }
  if (opts.csv) {
    const coverage = buildCoverage(base, plans);
    const csv = opts.tidy ? renderCoverageTidyCsv(coverage, plans, lang) : renderCoverageCsv(coverage, lang);
    write(opts.csv, opts.bom ?? opts.csv !== '-' ? withBom(csv) : csv, io);
    if (opts.csv !== '-') say.write(`wrote ${opts.csv} (${opts.tidy ? 'long table' : 'coverage matrix'}: ${what})\n`);
  }
  if (opts.xlsx) {
    await writeXlsx(opts.xlsx, base, plans, lang, io);
    if (opts.xlsx !== '-') say.write(`wrote ${opts.xlsx} (workbook: ${what})\n`);
  }
  if (failures.length) io.stderr.write(`plancmp: ${failures.length} of ${locals.length} files failed and were left out of the report\n`);
  return exitCode(failures.length, locals.length);
}
