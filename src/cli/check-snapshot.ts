// plancmp check --snapshot DIR: each file's parse (and with --diff its diff) against the snapshot
// stored at DIR/<its path>.parse.json. Drift is reported by task, matched by content: text and json
// list every change; github, sarif and junit make one error finding per task (or row, or the header)
// on its line in the current file, so a CI annotation lands on the task that changed.
import { existsSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { stdinFor, type Io } from './io.js';
import { BatchProgress } from './batch.js';
import { exitCode } from './exit.js';
import { describeMessage, fatalOf, messageFromError, runFile, unwrap, type FileMessage, type FileResult } from '../result.js';
import { PlancmpError, isPlancmpError } from '../errors.js';
import { printMessage } from './report-error.js';
import { countFindings, type Finding } from '../check/rules.js';
import { diffSnapshots, legacySnapshotPath, linesOf, projectNotice, readSnapshot, serializeSnapshot, snapshotPath, writeSnapshot, type Change, type IdMap } from '../check/snapshot.js';
import { diffDiffSections, projectDiff } from '../check/snapshot-diff.js';
import { loadBase } from '../pipeline.js';
import { CHECK_FORMATS, type CheckFormat } from '../render/formats.js';
import { plancmpVersion } from '../export/version.js';
import type { CheckCommandOptions, FileReport, SnapshotReport } from './check-command.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Where each file's snapshot is; two inputs that would share one are a usage error. */
function snapshotsOf(files: string[], dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const f of files) {
    if (f === '-') throw new PlancmpError('usage', '--snapshot cannot be used with standard input', undefined, 'give the notice as a file, its path names the snapshot');
    const snap = snapshotPath(dir, f);
    const prev = owner.get(snap);
    if (prev && path.resolve(prev) !== path.resolve(f)) throw new PlancmpError('usage', `${prev} and ${f} would share the snapshot ${snap}`, undefined, 'check them in separate runs with different --snapshot folders');
    owner.set(snap, f);
    out.set(f, snap);
  }
  return out;
}

/** The old flat name of a file's snapshot, when only it exists and no other input of this run shares the basename. */
function legacyOf(file: string, snap: string, dir: string, files: string[]): string | undefined {
  if (existsSync(snap)) return undefined;
  const old = legacySnapshotPath(dir, file);
  if (old === snap || !existsSync(old)) return undefined;
  return files.filter((f) => path.basename(f) === path.basename(file)).length === 1 ? old : undefined;
}

export async function runSnapshot(files: string[], failures: Map<string, FileMessage>, dir: string, format: CheckFormat, opts: CheckCommandOptions, io: Io): Promise<number> {
  const update = !!opts.update;
  const snaps = snapshotsOf(files, dir);
  const base = !opts.diff ? undefined : opts.base ? unwrap(await runFile(opts.base, { encoding: opts.encoding, ocr: opts.ocr, isolate: true })) : loadBase();

  const reports: SnapshotReport[] = [];
  let inputErrors = 0;
  const progress = new BatchProgress(io, files.length);
  const fail = (file: string, snapshot: string, m: FileMessage) => {
    inputErrors++;
    progress.clear();
    printMessage(m, io, opts.debug);
    reports.push({ file, snapshot, status: 'error', changes: [], message: describeMessage(m, false) });
  };
  for (const file of files) {
    const snap = snaps.get(file)!;
    const legacy = legacyOf(file, snap, dir, files);
    // a notice without tasks has nothing to align; its snapshot then pins the parse only
    const listed = failures.get(file);
    const r: FileResult = listed ? { file, messages: [listed] } : await runFile(file, { encoding: opts.encoding, ocr: opts.ocr, isolate: true, stdin: stdinFor(io, file), base, noTasks: 'skip' });
    const fatal = fatalOf(r);
    progress.step(!!fatal);
    if (fatal) {
      fail(file, snap, fatal);
      continue;
    }
    try {
      const notice = r.notice!;
      const now = projectNotice(notice);
      if (r.diff) now.diff = projectDiff(r.diff);
      const stored = await readSnapshot(legacy ?? snap).catch((e) => {
        // a broken snapshot is simply replaced by --update
        if (update && isPlancmpError(e) && e.code === 'bad-snapshot') return undefined;
        throw e;
      });
      const lines = linesOf(notice);
      const changesFrom = (s: NonNullable<typeof stored>) => {
        const ids: IdMap = new Map();
        return [...diffSnapshots(s, now, lines, ids), ...diffDiffSections(s.diff, now.diff, base, notice, ids, lines)];
      };
      const at = { file, snapshot: snap, ...(legacy ? { legacy } : {}) };
      if (update) {
        if (stored && !legacy && serializeSnapshot(stored) === serializeSnapshot(now)) reports.push({ ...at, status: 'same', changes: [] });
        else {
          await writeSnapshot(snap, now);
          // moved from the old flat name to the mirrored one
          if (legacy) unlinkSync(legacy);
          reports.push({ ...at, status: 'written', changes: stored ? changesFrom(stored) : [] });
        }
      } else if (!stored) reports.push({ ...at, status: 'missing', changes: [] });
      else {
        const changes = changesFrom(stored);
        // anything the structural diff does not name (e.g. key order) still counts as drift
        const drift = changes.length > 0 || serializeSnapshot(stored) !== serializeSnapshot(now);
        reports.push({ ...at, status: drift ? 'drift' : 'same', changes });
      }
    } catch (e) {
      // the snapshot itself could not be read or written
      fail(file, snap, messageFromError(e, legacy ?? snap));
    }
  }
  progress.clear();

  if (format === 'json') io.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  else if (format === 'text') io.stdout.write(renderSnapshotReports(reports, update));
  else io.stdout.write(CHECK_FORMATS[format].render(snapshotFindings(reports), plancmpVersion()));
  return exitCode(inputErrors, reports.length, reports.some((r) => r.status === 'drift' || r.status === 'missing'));
}

/** The changes about one task (row, header, diff) together, in the order they were found. */
function bySubject(changes: readonly Change[]): Change[][] {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const key = c.subject ?? c.area;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

/** One line per task (or row, header, diff) that changed. */
const changeLines = (changes: readonly Change[]) => bySubject(changes).map((cs) => `  ${cs.map((c) => c.message).join('; ')}`);

/**
 * Snapshot reports as check findings, for the CI formats: one error per task (or key-list row, or the
 * header, or the diff as a whole) that drifted, on its line in the current file, its changes joined;
 * a missing snapshot and an unreadable file are one error each.
 */
export function snapshotFindings(reports: readonly SnapshotReport[]): FileReport[] {
  return reports.map((r) => {
    const findings: Finding[] = [];
    const add = (rule: string, line: number, message: string) => findings.push({ file: r.file, line, rule, severity: 'error', message });
    if (r.status === 'missing') add('snapshot-missing', 1, `no snapshot ${r.snapshot} (run plancmp check --snapshot … --update to create it)`);
    else if (r.status === 'error') findings.push({ file: r.file, line: 0, rule: 'unreadable', severity: 'error', message: r.message ?? 'could not be read' });
    else if (r.status === 'drift') {
      const groups = bySubject(r.changes);
      for (const cs of groups) add('snapshot-drift', cs.find((c) => c.line)?.line ?? 1, `differs from ${r.snapshot}: ${cs.map((c) => c.message).join('; ')}`);
      if (!groups.length) add('snapshot-drift', 1, `differs from ${r.snapshot} in formatting only (run with --update to rewrite it)`);
    }
    return { file: r.file, findings, ...countFindings(findings) };
  });
}

export function renderSnapshotReports(reports: SnapshotReport[], update: boolean): string {
  const lines: string[] = [];
  for (const r of reports) {
    const old = r.legacy ? ` (found under its old name ${r.legacy}; --update moves it)` : '';
    if (r.status === 'missing') lines.push(`${r.file}: no snapshot ${r.snapshot} (run with --update to create it)`);
    else if (r.status === 'drift') {
      lines.push(`${r.file}: parse differs from ${r.legacy ?? r.snapshot}${old}`);
      lines.push(...changeLines(r.changes));
      if (!r.changes.length) lines.push('  (formatting only: run with --update to rewrite it)');
    } else if (r.status === 'written') {
      lines.push(`${r.file}: wrote ${r.snapshot}${r.legacy ? ` (moved from ${r.legacy})` : ''}`);
      lines.push(...changeLines(r.changes));
    } else if (r.status === 'same' && r.legacy) lines.push(`${r.file}: matches ${r.legacy}${old}`);
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
