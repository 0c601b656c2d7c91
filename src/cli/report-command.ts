// plancmp report LOCAL... --html FILE --csv FILE — many local plans against one base: an HTML report
// (overview, coverage matrix, key-list deadlines, a side-by-side page per plan) and/or the coverage
// matrix as CSV. A file that cannot be read is reported and left out; the others still make the report.
import { writeOutputSync } from '../write/atomic.js';
import { stdinFor, type Io } from './io.js';
import { EXIT, exitCode } from './exit.js';
import { printMessage } from './report-error.js';
import { readFileSync } from 'node:fs';
import { BASE_FILE, loadBase } from '../pipeline.js';
import { PlancmpError } from '../errors.js';
import { describeMessage, fatalOf, runFile, unwrap } from '../result.js';
import type { Notice } from '../model.js';
import { buildCoverage, renderCoverageCsv, renderCoverageTidyCsv, type PlanInput } from '../render/coverage.js';
import { withBom } from '../render/csv.js';
import { renderReportHtml, type ReportFailure } from '../render/html/index.js';

export interface ReportCommandOptions {
  base?: string;
  html?: string;
  csv?: string;
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
}

/** -o FILE joins --html or --csv by its extension. */
function outputsOf(opts: ReportCommandOptions): { html?: string; csv?: string } {
  let { html, csv } = opts;
  const o = opts.output;
  if (o) {
    if (/\.html?$/i.test(o)) {
      if (html && html !== o) throw new PlancmpError('usage', `-o ${o} and --html ${html} both name the HTML report`, undefined, 'give one of them');
      html = o;
    } else if (/\.csv$/i.test(o)) {
      if (csv && csv !== o) throw new PlancmpError('usage', `-o ${o} and --csv ${csv} both name the CSV`, undefined, 'give one of them');
      csv = o;
    } else throw new PlancmpError('usage', `-o ${o}: the report is written as HTML (.html) or CSV (.csv)`, undefined, 'name the file report.html or matrix.csv, or use --html FILE / --csv FILE');
  }
  return { html, csv };
}

function write(target: string, content: string, io: Io): void {
  if (target === '-') {
    io.stdout.write(content);
    return;
  }
  // complete or absent: a full disk keeps the previous report instead of leaving half of a new one
  writeOutputSync(target, content);
}

export async function runReport(locals: string[], options: ReportCommandOptions, io: Io): Promise<number> {
  const opts = { ...options, ...outputsOf(options) };
  if (opts.tidy && !opts.csv) throw new PlancmpError('usage', '--tidy shapes the CSV: it needs --csv FILE', undefined, 'e.g. plancmp report a.txt b.txt --csv long.csv --tidy');
  if (!opts.html && !opts.csv) {
    throw new PlancmpError('usage', 'report needs an output: --html FILE and/or --csv FILE', undefined, 'e.g. plancmp report fixtures/000_*.txt fixtures/001_*.txt --html report.html');
  }
  if (opts.html === '-' && opts.csv === '-') throw new PlancmpError('usage', '--html and --csv cannot both write to standard output');
  if (locals.filter((f) => f === '-').length > 1) throw new PlancmpError('usage', 'standard input (-) can be read only once');

  let base: Notice;
  let baseText: string;
  if (opts.base) {
    const r = await runFile(opts.base, { encoding: opts.encoding, ocr: opts.ocr, stdin: stdinFor(io, opts.base) });
    base = unwrap(r);
    baseText = r.sourceText!;
  } else {
    base = loadBase();
    baseText = readFileSync(BASE_FILE, 'utf8');
  }
  if (base.tasks.length === 0) throw new PlancmpError('no-tasks', 'no tasks found in the base plan', base.source.file, 'the base must be a plan with numbered tasks under （一）（二）… headings');

  const plans: PlanInput[] = [];
  const failures: ReportFailure[] = [];
  for (const file of locals) {
    const r = await runFile(file, { encoding: opts.encoding, ocr: opts.ocr, stdin: stdinFor(io, file), base, noTasks: 'fail' });
    const fatal = fatalOf(r);
    if (fatal) {
      printMessage(fatal, io, opts.debug);
      failures.push({ file, message: describeMessage(fatal, false) });
    } else plans.push({ notice: r.notice!, diff: r.diff!, sourceText: r.sourceText! });
  }
  if (plans.length === 0) {
    io.stderr.write(`plancmp: none of the ${locals.length} file${locals.length === 1 ? '' : 's'} could be compared; no report written\n`);
    return EXIT.USAGE;
  }

  // status lines go to stderr when a report goes to stdout
  const say = opts.html === '-' || opts.csv === '-' ? io.stderr : io.stdout;
  const what = `${plans.length} plan${plans.length === 1 ? '' : 's'} × ${base.tasks.length} base tasks`;
  if (opts.html) {
    write(opts.html, renderReportHtml({ base, plans, failures, baseText }), io);
    if (opts.html !== '-') say.write(`wrote ${opts.html} (${what})\n`);
  }
  if (opts.csv) {
    const coverage = buildCoverage(base, plans);
    const csv = opts.tidy ? renderCoverageTidyCsv(coverage, plans) : renderCoverageCsv(coverage);
    write(opts.csv, opts.bom ?? opts.csv !== '-' ? withBom(csv) : csv, io);
    if (opts.csv !== '-') say.write(`wrote ${opts.csv} (${opts.tidy ? 'long table' : 'coverage matrix'}: ${what})\n`);
  }
  if (failures.length) io.stderr.write(`plancmp: ${failures.length} of ${locals.length} files failed and were left out of the report\n`);
  return exitCode(failures.length, locals.length);
}
