// plancmp check INPUT... — a linter for notices, and with --snapshot DIR a regression guard for CI (check-snapshot.ts).
// Exit codes follow eslint: 0 clean (warnings within --max-warnings), 1 errors, too many warnings or
// snapshot drift, 2 usage or input errors; and as everywhere in plancmp, 3 when some of several files
// could not be read (each is named; the others are still checked and reported).
import { stdinFor, type Io } from './io.js';
import { commandInputs } from './inputs.js';
import { BatchProgress } from './batch.js';
import { exitCode } from './exit.js';
import { describeMessage, fatalOf, runFile, type FileMessage, type FileResult } from '../result.js';
import { makeColors } from '../render/color.js';
import { PlancmpError } from '../errors.js';
import { printMessage } from './report-error.js';
import { checkNotice, countFindings, type Finding } from '../check/rules.js';
import type { Change } from '../check/snapshot.js';
import { applyRuleLevels, parseRuleLevels } from '../check/rule-levels.js';
import { CHECK_FORMATS, type CheckFormat } from '../render/formats.js';
export { renderFindings } from '../render/check/text.js';
import { plancmpVersion } from '../export/version.js';

export interface CheckCommandOptions {
  format?: CheckFormat;
  /** eslint --quiet: errors only; warnings are neither shown nor counted */
  quiet?: boolean;
  /** --rule NAME=off|warn|error, repeatable */
  rule?: string[];
  output?: string;
  maxWarnings?: string;
  snapshot?: string;
  update?: boolean;
  /** with --snapshot: also pin the diff against the base (--base FILE, or the embedded 16号) */
  diff?: boolean;
  base?: string;
  encoding?: string;
  /** --ocr: read scanned PDF pages with Tesseract */
  ocr?: boolean;
  debug?: boolean;
  /** --ext: the extensions taken from directories (default: every input kind) */
  ext?: string;
}

export interface FileReport {
  file: string;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
}

export type SnapshotStatus = 'same' | 'drift' | 'missing' | 'written' | 'error';

export interface SnapshotReport {
  file: string;
  snapshot: string;
  status: SnapshotStatus;
  changes: Change[];
  /** status error: why the file (or its snapshot) could not be read */
  message?: string;
  /** The snapshot was found under its old flat name DIR/<basename>.parse.json (--update moves it). */
  legacy?: string;
}


export function parseMaxWarnings(v: string | undefined): number {
  if (v === undefined) return Infinity;
  if (!/^\d+$/.test(v.trim())) throw new PlancmpError('usage', `--max-warnings: "${v}" is not a whole number`, undefined, 'e.g. --max-warnings 0');
  return Number(v.trim());
}

/** One reason an input could not be checked, as a finding so summaries and JSON count it. */
function unreadable(file: string, m: FileMessage): Finding {
  return { file, line: 0, rule: 'unreadable', severity: 'error', message: describeMessage(m, false) };
}

export async function runCheck(args: string[], opts: CheckCommandOptions, io: Io): Promise<number> {
  const format = opts.format ?? 'text';
  const maxWarnings = parseMaxWarnings(opts.maxWarnings);
  if (opts.update && !opts.snapshot) throw new PlancmpError('usage', '--update needs --snapshot DIR', undefined, 'e.g. plancmp check --snapshot fixtures/snapshots --update fixtures/*.txt');
  if (opts.diff && !opts.snapshot) throw new PlancmpError('usage', '--diff goes with --snapshot DIR', undefined, 'e.g. plancmp check --snapshot fixtures/snapshots --diff fixtures/*.txt');
  const levels = parseRuleLevels(opts.rule);
  const { files, failures } = await commandInputs(args, opts.ext, io);
  if (opts.snapshot) {
    const { runSnapshot } = await import('./check-snapshot.js');
    return runSnapshot(files, failures, opts.snapshot, format, opts, io);
  }

  const colors = makeColors({ stream: io.stdout as NodeJS.WriteStream, env: io.env, force: io.color });
  const reports: FileReport[] = [];
  let inputErrors = 0;
  const progress = new BatchProgress(io, files.length);
  for (const file of files) {
    let findings: Finding[];
    const listed = failures.get(file);
    const r: FileResult = listed ? { file, messages: [listed] } : await runFile(file, { encoding: opts.encoding, ocr: opts.ocr, isolate: true, stdin: stdinFor(io, file) });
    const fatal = fatalOf(r);
    progress.step(!!fatal);
    if (fatal) {
      inputErrors++;
      progress.clear();
      printMessage(fatal, io, opts.debug);
      findings = [unreadable(file, fatal)];
    } else {
      findings = applyRuleLevels(checkNotice(r.notice!, file), levels);
      if (opts.quiet) findings = findings.filter((f) => f.severity === 'error');
    }
    reports.push({ file, findings, ...countFindings(findings) });
  }
  progress.clear();
  const errors = reports.reduce((s, r) => s + r.errorCount, 0);
  const warnings = reports.reduce((s, r) => s + r.warningCount, 0);

  io.stdout.write(CHECK_FORMATS[format].render(reports, plancmpVersion(), colors));

  if (warnings > maxWarnings) io.stderr.write(`plancmp: too many warnings (${warnings}); the maximum allowed is ${maxWarnings}\n`);
  return exitCode(inputErrors, reports.length, errors > 0 || warnings > maxWarnings);
}
