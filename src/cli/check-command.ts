// plancmp check FILE... — a linter for notices, and with --snapshot DIR a regression guard for CI.
// Exit codes follow eslint: 0 clean (warnings within --max-warnings), 1 errors, too many warnings or
// snapshot drift, 2 usage or input errors; and as everywhere in plancmp, 3 when some of several files
// could not be read (each is named; the others are still checked and reported).
import path from 'node:path';
import { stdinFor, type Io } from './io.js';
import { exitCode } from './exit.js';
import { describeMessage, fatalOf, messageFromError, runFile, unwrap, type FileMessage } from '../result.js';
import { makeColors } from '../render/color.js';
import { PlancmpError, isPlancmpError } from '../errors.js';
import { printMessage } from './report-error.js';
import { checkNotice, countFindings, type Finding } from '../check/rules.js';
import { diffSnapshots, projectNotice, readSnapshot, serializeSnapshot, snapshotPath, writeSnapshot, type Change } from '../check/snapshot.js';
import type { Notice } from '../model.js';
import { loadBase } from '../pipeline.js';
import { diffDiffSections, projectDiff } from '../check/snapshot-diff.js';
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
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function parseMaxWarnings(v: string | undefined): number {
  if (v === undefined) return Infinity;
  if (!/^\d+$/.test(v.trim())) throw new PlancmpError('usage', `--max-warnings: "${v}" is not a whole number`, undefined, 'e.g. --max-warnings 0');
  return Number(v.trim());
}

/** One reason an input could not be checked, as a finding so summaries and JSON count it. */
function unreadable(file: string, m: FileMessage): Finding {
  return { file, line: 0, rule: 'unreadable', severity: 'error', message: describeMessage(m, false) };
}

export async function runCheck(files: string[], opts: CheckCommandOptions, io: Io): Promise<number> {
  const format = opts.format ?? 'text';
  const maxWarnings = parseMaxWarnings(opts.maxWarnings);
  if (opts.update && !opts.snapshot) throw new PlancmpError('usage', '--update needs --snapshot DIR', undefined, 'e.g. plancmp check --snapshot fixtures/snapshots --update fixtures/*.txt');
  if (opts.diff && !opts.snapshot) throw new PlancmpError('usage', '--diff goes with --snapshot DIR', undefined, 'e.g. plancmp check --snapshot fixtures/snapshots --diff fixtures/*.txt');
  const levels = parseRuleLevels(opts.rule);
  if (opts.snapshot) {
    if (format !== 'text' && format !== 'json') throw new PlancmpError('usage', `--snapshot reports as text or json, not ${format}`, undefined, 'drop --format or use --format json');
    return runSnapshot(files, opts.snapshot, !!opts.update, format, opts, io);
  }

  const colors = makeColors({ stream: io.stdout as NodeJS.WriteStream, env: io.env, force: io.color });
  const reports: FileReport[] = [];
  let inputErrors = 0;
  for (const file of files) {
    let findings: Finding[];
    const r = await runFile(file, { encoding: opts.encoding, ocr: opts.ocr, isolate: true, stdin: stdinFor(io, file) });
    const fatal = fatalOf(r);
    if (fatal) {
      inputErrors++;
      printMessage(fatal, io, opts.debug);
      findings = [unreadable(file, fatal)];
    } else {
      findings = applyRuleLevels(checkNotice(r.notice!, file), levels);
      if (opts.quiet) findings = findings.filter((f) => f.severity === 'error');
    }
    reports.push({ file, findings, ...countFindings(findings) });
  }
  const errors = reports.reduce((s, r) => s + r.errorCount, 0);
  const warnings = reports.reduce((s, r) => s + r.warningCount, 0);

  io.stdout.write(CHECK_FORMATS[format].render(reports, plancmpVersion(), colors));

  if (warnings > maxWarnings) io.stderr.write(`plancmp: too many warnings (${warnings}); the maximum allowed is ${maxWarnings}\n`);
  return exitCode(inputErrors, reports.length, errors > 0 || warnings > maxWarnings);
}

async function runSnapshot(files: string[], dir: string, update: boolean, format: 'text' | 'json', opts: CheckCommandOptions, io: Io): Promise<number> {
  // Two inputs with one basename would share (and overwrite) one snapshot.
  const byName = new Map<string, string>();
  for (const f of files) {
    if (f === '-') throw new PlancmpError('usage', '--snapshot cannot be used with standard input', undefined, 'give the notice as a file, its name names the snapshot');
    const prev = byName.get(path.basename(f));
    if (prev && prev !== f) throw new PlancmpError('usage', `${prev} and ${f} would share the snapshot ${snapshotPath(dir, f)}`, undefined, 'check them in separate runs with different --snapshot folders');
    byName.set(path.basename(f), f);
  }

  const base = !opts.diff ? undefined : opts.base ? unwrap(await runFile(opts.base, { encoding: opts.encoding, ocr: opts.ocr, isolate: true })) : loadBase();

  const reports: SnapshotReport[] = [];
  let inputErrors = 0;
  for (const file of [...new Set(files)]) {
    const snap = snapshotPath(dir, file);
    // a notice without tasks has nothing to align; its snapshot then pins the parse only
    const r = await runFile(file, { encoding: opts.encoding, ocr: opts.ocr, isolate: true, stdin: stdinFor(io, file), base, noTasks: 'skip' });
    const fatal = fatalOf(r);
    if (fatal) {
      inputErrors++;
      printMessage(fatal, io, opts.debug);
      reports.push({ file, snapshot: snap, status: 'error', changes: [] });
      continue;
    }
    try {
      const notice: Notice = r.notice!;
      const now = projectNotice(notice);
      if (r.diff) now.diff = projectDiff(r.diff);
      const stored = await readSnapshot(snap).catch((e) => {
        // a broken snapshot is simply replaced by --update
        if (update && isPlancmpError(e) && e.code === 'bad-snapshot') return undefined;
        throw e;
      });
      if (update) {
        if (stored && serializeSnapshot(stored) === serializeSnapshot(now)) reports.push({ file, snapshot: snap, status: 'same', changes: [] });
        else {
          await writeSnapshot(snap, now);
          reports.push({ file, snapshot: snap, status: 'written', changes: stored ? diffSnapshots(stored, now) : [] });
        }
      } else if (!stored) reports.push({ file, snapshot: snap, status: 'missing', changes: [] });
      else {
        const changes = [...diffSnapshots(stored, now), ...diffDiffSections(stored.diff, now.diff, base, notice)];
        // anything the structural diff does not name (e.g. key order) still counts as drift
        const drift = changes.length > 0 || serializeSnapshot(stored) !== serializeSnapshot(now);
        reports.push({ file, snapshot: snap, status: drift ? 'drift' : 'same', changes });
      }
    } catch (e) {
      // the snapshot itself could not be read or written
      const m = messageFromError(e, snap);
      inputErrors++;
      printMessage(m, io, opts.debug);
      reports.push({ file, snapshot: snap, status: 'error', changes: [] });
    }
  }

  if (format === 'json') io.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  else io.stdout.write(renderSnapshotReports(reports, update));
  return exitCode(inputErrors, reports.length, reports.some((r) => r.status === 'drift' || r.status === 'missing'));
}

export function renderSnapshotReports(reports: SnapshotReport[], update: boolean): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.status === 'missing') lines.push(`${r.file}: no snapshot ${r.snapshot} (run with --update to create it)`);
    else if (r.status === 'drift') {
      lines.push(`${r.file}: parse differs from ${r.snapshot}`);
      for (const c of r.changes) lines.push(`  ${c.message}`);
      if (!r.changes.length) lines.push('  (formatting only: run with --update to rewrite it)');
    } else if (r.status === 'written') {
      lines.push(`${r.file}: wrote ${r.snapshot}`);
      for (const c of r.changes) lines.push(`  ${c.message}`);
    }
  }
  const n = reports.length;
  if (update) {
    const written = reports.filter((r) => r.status === 'written').length;
    lines.push(`${plural(written, 'snapshot')} written, ${reports.filter((r) => r.status === 'same').length} unchanged, ${n} ${n === 1 ? 'file' : 'files'}`);
  } else {
    const bad = reports.filter((r) => r.status === 'drift' || r.status === 'missing').length;
    lines.push(bad ? `${bad} of ${plural(n, 'file')} differ from their snapshots` : `${plural(n, 'file')} match their snapshots`);
  }
  return lines.join('\n') + '\n';
}
