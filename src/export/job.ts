// One input → one record: read, hash, (skip if current), parse, diff, serialize, write.
// Runs inside a worker thread (worker.ts), or in the main thread when no compiled worker exists.
import { existsSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { isPlancmpError } from '../errors.js';
import { loadBase } from '../pipeline.js';
import { readInputBytes } from '../read/index.js';
import { fatalOf, runBytes, unwrap } from '../result.js';
import type { Notice } from '../model.js';
import { recordFacts, recordFile, recordLine, readCompleteRecord, type ExportHeader, type Fingerprint, type ParentChoiceFacts } from './record.js';
import type { TableRows } from './tables.js';
import { tableRows } from './table-rows.js';
import { surveyFacts, EMBEDDED_PARENT, type SurveyFacts } from './parents.js';
import { comparedReading } from '../chain/reading.js';
import { DirGuard } from './atomic.js';
import { writeOutput, writeError, errnoOf, ownBytes, FATAL_WRITE_CODES } from '../write/atomic.js';

export interface JobConfig {
  /** Absolute output directory (--out); absent for --jsonl. */
  outDir?: string;
  /** --diff: true for the embedded base, or the base file's path. */
  diffBase?: string | true;
  /** --base auto: each task names its own parent (JobTask.parentInput), found by parents.ts. */
  autoParents?: boolean;
  /** --tables: each result carries its record's table rows. */
  tables?: boolean;
  encoding?: string;
  /** --ocr: read scanned PDF pages with Tesseract */
  ocr?: boolean;
  resume: boolean;
  fingerprint: Fingerprint;
}

export interface JobTask {
  index: number;
  input: string;
  /** --out: the relative output name. */
  outName?: string;
  /** --jsonl --resume: the sha256 of a reusable old record for this input. */
  reuseSha?: string;
  /** The path's bytes when they are not UTF-8 (`input` then shows them as \xNN). */
  raw?: Uint8Array;
  /** --base auto, first pass: only read and parse, and answer what finding parents needs. */
  survey?: boolean;
  /** --base auto: how the parent was chosen (every task), and the parent to diff against (when there is one to diff). */
  choice?: ParentChoiceFacts;
  parentInput?: string;
  parentRaw?: Uint8Array;
  /** --base auto: the fingerprint, which names the candidates' digest (known only after the survey). */
  fingerprint?: Fingerprint;
}

export type JobResult =
  | { index: number; status: 'ok'; bytes: number; tasks: number; line?: Uint8Array; rows?: TableRows }
  | { index: number; status: 'survey'; bytes: number; sha256: string; facts: SurveyFacts }
  | { index: number; status: 'skipped' | 'reused'; bytes: number }
  | {
      index: number;
      status: 'failed';
      bytes: number;
      code: string;
      message: string;
      hint?: string;
      /** A write failed in a way that stops the batch (disk full, I/O error, read-only). */
      fatal?: boolean;
      /** The output that could not be written. */
      output?: string;
    };

/** One read path for every command (read/file.ts): type checked, size limit (PLANCMP_MAX_BYTES) enforced while reading, no FIFOs. */
const readInput = (file: string, raw?: Uint8Array): Buffer => readInputBytes(raw ? Buffer.from(raw) : file, {}, file);

/** `computed`, when given, is called once the result is computed and only its output's write remains. */
export function createJobRunner(cfg: JobConfig): (t: JobTask, computed?: () => void) => Promise<JobResult> {
  // a promise, so that two tasks in flight at once load the base once
  let base: Promise<Notice> | undefined;
  // a base or parent is read as diff reads one (a 规定 of numbered measures as a plan)
  const asParent = comparedReading({ encoding: cfg.encoding, ocr: cfg.ocr });
  const getBase = (): Promise<Notice> =>
    (base ??= cfg.diffBase === true ? Promise.resolve(loadBase()) : runBytes(readInput(cfg.diffBase!), cfg.diffBase!, asParent).then(unwrap));
  const guard = cfg.outDir ? new DirGuard(cfg.outDir) : undefined;
  // --base auto: parents read once per worker while they are recent (siblings share one parent)
  const parents = new Map<string, Promise<Notice>>();
  const getParent = (input: string, raw?: Uint8Array): Promise<Notice> => {
    if (input === EMBEDDED_PARENT) return Promise.resolve(loadBase());
    let p = parents.get(input);
    if (!p) {
      if (parents.size >= 32) parents.delete(parents.keys().next().value!);
      p = runBytes(readInput(input, raw), input, asParent).then(unwrap);
      parents.set(input, p);
    }
    return p;
  };

  return async (t: JobTask, computed?: () => void): Promise<JobResult> => {
    let bytes = 0;
    const outPath = cfg.outDir && t.outName ? path.join(cfg.outDir, t.outName) : undefined;
    try {
      const buf = readInput(t.input, t.raw);
      bytes = buf.length;
      const sha256 = createHash('sha256').update(buf).digest('hex');
      if (t.survey) {
        const r = await runBytes(buf, t.input, { encoding: cfg.encoding, ocr: cfg.ocr, isolate: true });
        const fatal = fatalOf(r);
        if (fatal) throw fatal.cause;
        // a notice without tasks may have some when read as a parent (a 规定's measures)
        const n = r.notice!;
        const parent = n.tasks.length ? n : unwrap(await runBytes(buf, t.input, asParent));
        return { index: t.index, status: 'survey', bytes, sha256, facts: surveyFacts(n, parent) };
      }
      if (t.reuseSha !== undefined && t.reuseSha === sha256) return { index: t.index, status: 'reused', bytes };
      if (outPath && cfg.resume && readCompleteRecord(outPath, t.input, sha256, t.fingerprint ?? cfg.fingerprint)) {
        return { index: t.index, status: 'skipped', bytes };
      }
      let against: Notice | undefined;
      let choice: ParentChoiceFacts | undefined;
      if (cfg.autoParents) {
        choice = t.choice ?? { status: 'none', parent: null };
        if (t.parentInput !== undefined) against = await getParent(t.parentInput, t.parentRaw);
      } else if (cfg.diffBase) {
        against = await getBase();
        choice = { status: 'given', parent: { file: against.source.file, docNumber: against.meta.docNumber ?? null, evidence: null } };
      }
      // a notice without tasks is still exported; with --diff its record keeps the diff that says so
      const r = await runBytes(buf, t.input, { encoding: cfg.encoding, ocr: cfg.ocr, isolate: true, base: against, noTasks: 'diff' });
      const fatal = fatalOf(r);
      if (fatal) throw fatal.cause;
      const notice = r.notice!;
      const diff = r.diff;
      const header: ExportHeader = { input: t.input, sha256, bytes, ...(t.fingerprint ?? cfg.fingerprint) };
      const facts = recordFacts(notice, diff, choice);
      const rows = cfg.tables ? tableRows({ file: t.input, notice, diff, facts }) : undefined;
      if (outPath) {
        const text = recordFile(header, notice, diff, facts);
        computed?.();
        try {
          guard!.ensure(outPath);
          await writeOutput(outPath, text);
        } catch (e) {
          const err = writeError(e, outPath);
          const fatal = FATAL_WRITE_CODES.has(errnoOf(err) ?? errnoOf(e) ?? '');
          return { index: t.index, status: 'failed', bytes, code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}), fatal, output: outPath };
        }
        return { index: t.index, status: 'ok', bytes, tasks: notice.tasks.length, rows };
      }
      return { index: t.index, status: 'ok', bytes, tasks: notice.tasks.length, line: ownBytes(recordLine(header, notice, diff, facts)), rows };
    } catch (e) {
      // an output from an earlier run must not outlive an input that now fails
      if (outPath && existsSync(outPath)) {
        try {
          guard!.ensure(outPath); // never follow a planted link out of the directory
          rmSync(outPath, { force: true });
        } catch {
          /* leave it */
        }
      }
      if (isPlancmpError(e)) return { index: t.index, status: 'failed', bytes, code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) };
      if (e instanceof RangeError && /string length/i.test(e.message)) {
        return { index: t.index, status: 'failed', bytes, code: 'output-too-large', message: 'its record is larger than a JSON text can be (over 512 MB)', hint: 'split the file' };
      }
      return { index: t.index, status: 'failed', bytes, code: 'internal', message: `internal error: ${(e as Error)?.message ?? String(e)}` };
    }
  };
}
