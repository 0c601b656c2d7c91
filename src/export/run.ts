// The export kernel: inputs → records, in parallel, written in input order.
//
// Order: records (JSONL lines, error lines) are written in the sorted input order, whatever order
// the workers finish in. Results that arrive early wait in a reorder window of at most
// `window` records; when the window is full no new input is dispatched, so memory stays flat
// however large the corpus is.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { JobConfig, JobResult, JobTask } from './job.js';
import { createPool, type Pool } from './pool.js';
import { OutputNamer } from './naming.js';
import { removeStaleTemps } from './atomic.js';
import { OutputSink, makeDirs, outputKind, removeQuietly, writeError, errnoOf } from '../write/atomic.js';
import { PlancmpError } from '../errors.js';
import { oneLine } from '../render/terminal.js';
import { indexOldRecords, OldRecordReader, tempsOf, type OldRecord } from './jsonl-resume.js';
import { Progress, summaryLine, type Counts } from './progress.js';
import type { Fingerprint, RecordFacts } from './record.js';
import { DIFF_SCHEMA } from './version.js';
import { candidatesDigest, chooseParents, type Candidate, type ParentPlan } from './parents.js';
import type { TableSink } from './table-sink.js';
import type { TableRows } from './tables.js';
import { tableRows } from './table-rows.js';

export interface ExportOptions {
  /** Discovered inputs, already sorted and de-duplicated. */
  inputs: string[];
  /** What each input's output name is derived from (default: the input path). */
  names?: string[];
  /** Per input: the path's bytes when they are not UTF-8. */
  raws?: (Buffer | undefined)[];
  /** Per input: a failure found before reading it (an unreadable directory), listed with the others. */
  inputErrors?: ({ code: string; message: string; hint?: string } | undefined)[];
  /** --out DIR, or */
  out?: string;
  /** --jsonl FILE ('-' = standard output). */
  jsonl?: string;
  diffBase?: string | true;
  /**
   * --base auto: each input is diffed against its parent among the inputs, these further candidates
   * (--bases files; with --shard, the other parts' inputs) and the embedded 16号 (parents.ts).
   */
  autoParents?: { inputs: string[]; raws: (Buffer | undefined)[] };
  /** --tables DIR: the records as CSV and Parquet tables (tables.ts). */
  tables?: string;
  encoding?: string;
  ocr?: boolean;
  jobs: number;
  resume: boolean;
  /**
   * Where failures go (JSONL); written always with --out, with --jsonl only when something failed
   * or `errorsExplicit`. Absent: each failure is one line on stderr (--jsonl - without --errors).
   */
  errorsFile?: string;
  errorsExplicit: boolean;
  fingerprint: Fingerprint;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Show the progress bar (default: when stderr is a terminal). */
  progress?: boolean;
  /** Per-file time limit in ms (0 = none). */
  timeoutMs?: number;
  /** Reorder window (records held at most); default max(64, 16 × jobs). */
  window?: number;
}

export interface ExportSummary extends Counts {
  ms: number;
  mode: 'threads' | 'inline';
  threads: number;
  errorsFile?: string;
  /** Standard output was closed early (e.g. piped into head): the export stopped. */
  aborted: boolean;
  /** --tables: rows written per table. */
  tableRows?: Record<string, number>;
  /** --base auto: records per parentStatus. */
  parents?: Record<string, number>;
}

/** The table rows of a record already written (--resume): read back from its JSON. */
function rowsOfRecord(json: string): TableRows {
  const rec = JSON.parse(json) as { export: { input: string } } & RecordFacts & { notice: import('../model.js').Notice; diff?: import('../model.js').PlanDiff };
  const { export: header, notice, diff, ...facts } = rec;
  return tableRows({ file: header.input, notice, diff, facts });
}

/** A write that waits when the stream's buffer is full. */
async function put(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  if (!stream.write(data)) await once(stream as NodeJS.EventEmitter, 'drain');
}

/** Creates `dir` for an output, as a write-failed error when it cannot be. */
function makeDir(dir: string, target: string): void {
  try {
    makeDirs(dir);
  } catch (e) {
    throw writeError(e, target);
  }
}

export async function exportNotices(o: ExportOptions): Promise<ExportSummary> {
  const total = o.inputs.length;
  const counts: Counts = { total, ok: 0, skipped: 0, failed: 0, bytes: 0 };
  const progress = new Progress(o.stderr, o.progress ?? !!o.stderr.isTTY);

  // ---- output side ----
  const outDir = o.out ? path.resolve(o.out) : undefined;
  const namer = outDir ? new OutputNamer(outDir) : undefined;
  if (outDir) {
    makeDir(outDir, o.out!);
    removeStaleTemps(outDir); // temporaries of killed runs; never under a final name
  }
  let jsonlSink: OutputSink | undefined;
  let oldIndex = new Map<string, OldRecord>();
  let oldTemps: string[] = [];
  const oldReader = new OldRecordReader();
  let aborted = false;
  if (o.jsonl === '-') {
    (o.stdout as NodeJS.EventEmitter).on?.('error', (e: NodeJS.ErrnoException) => {
      if (e?.code === 'EPIPE') aborted = true;
    });
  } else if (o.jsonl) {
    const target = path.resolve(o.jsonl);
    makeDir(path.dirname(target), o.jsonl);
    jsonlSink = new OutputSink(target, o.jsonl);
    if (outputKind(target) === 'replace') {
      oldTemps = tempsOf(target).filter((t) => !t.includes(`.tmp-${process.pid}-`));
    }
    jsonlSink.open(); // an output that cannot be written fails now, before any work
  }

  const errorsTarget = o.errorsFile !== undefined ? path.resolve(o.errorsFile) : undefined;
  const errorsSink = errorsTarget ? new OutputSink(errorsTarget, o.errorsFile) : undefined;
  if (errorsSink && (outDir || o.errorsExplicit)) {
    makeDir(path.dirname(errorsTarget!), o.errorsFile!);
    errorsSink.open();
  }
  const writeError_ = (r: Extract<JobResult, { status: 'failed' }>, file: string) => {
    if (!errorsSink) {
      progress.clear(); // the bar is redrawn on the next update
      o.stderr.write(`plancmp: ${oneLine(file)}: ${oneLine(r.message)}${r.hint ? ` — ${oneLine(r.hint)}` : ''}\n`);
      return;
    }
    if (!errorsSink.opened) makeDir(path.dirname(errorsTarget!), o.errorsFile!);
    const rec = { file, code: r.code, message: r.message, ...(r.hint ? { hint: r.hint } : {}) };
    errorsSink.write(JSON.stringify(rec) + '\n');
  };

  let tables: TableSink | undefined;
  /** Before the batch runs: an output that cannot be written, or a failure, leaves none of them behind. */
  const abortOutputs = () => {
    jsonlSink?.abort();
    errorsSink?.abort();
    tables?.abort();
  };
  if (o.tables) {
    try {
      makeDir(path.resolve(o.tables), o.tables);
      // the Parquet writer is loaded only for --tables
      const { TableSink } = await import('./table-sink.js');
      tables = new TableSink(path.resolve(o.tables), o.tables);
    } catch (e) {
      abortOutputs();
      throw e;
    }
  }

  // ---- workers ----
  const cfg: JobConfig = { outDir, diffBase: o.diffBase, autoParents: !!o.autoParents, tables: !!tables, encoding: o.encoding, ocr: o.ocr, resume: o.resume, fingerprint: o.fingerprint };
  const jobs = Math.max(1, Math.min(o.jobs, total));
  // OCR takes ~15 s a page on a busy core: a scanned notice must not hit the per-file time limit
  const pool: Pool = await createPool(cfg, jobs, o.timeoutMs ?? (o.ocr ? 30 * 60_000 : undefined));
  const window = o.window ?? Math.max(64, 16 * jobs);

  // --base auto: a first pass reads every candidate parent, then each input's parent is chosen
  let plans: ParentPlan[] | undefined;
  let fingerprint = o.fingerprint;
  const parentCounts: Record<string, number> = {};
  if (o.autoParents) {
    const seen = new Set(o.inputs.map((f) => path.resolve(f)));
    const cands: Candidate[] = o.inputs.map((input, i) => ({ input, raw: o.raws?.[i] }));
    o.autoParents.inputs.forEach((input, i) => {
      if (!seen.has(path.resolve(input))) cands.push({ input, raw: o.autoParents!.raws[i] });
      seen.add(path.resolve(input));
    });
    try {
      await Promise.all(
        cands.map(async (c, i) => {
          if (i < total && o.inputErrors?.[i]) return;
          const r = await pool.run({ index: i, input: c.input, raw: c.raw, survey: true });
          if (r.status === 'survey') Object.assign(c, { facts: r.facts, sha256: r.sha256 });
        }),
      );
      plans = chooseParents(cands, total);
    } catch (e) {
      await pool.close();
      abortOutputs();
      throw e;
    }
    // a record is current only while every candidate is unchanged: a parent's edit redoes its children
    fingerprint = { ...o.fingerprint, diff: { schema: DIFF_SCHEMA, base: 'auto', sha256: candidatesDigest(cands) } };
  }
  if (jsonlSink && o.resume && outputKind(path.resolve(o.jsonl!)) === 'replace') oldIndex = indexOldRecords([path.resolve(o.jsonl!), ...oldTemps], fingerprint);
  const outNames: (string | undefined)[] = [];

  const putResult = async (data: string | Uint8Array) => {
    if (aborted) return;
    if (jsonlSink) return jsonlSink.write(data);
    try {
      await put(o.stdout, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException)?.code !== 'EPIPE') throw writeError(e, '<stdout>');
      aborted = true; // the reader went away (e.g. | head): stop quietly
    }
  };
  let stoppedEarly = false;
  /** A write that failed for good (disk full, I/O error, read-only): the batch stops. */
  let fatal: PlancmpError | undefined;

  const emit = async (r: JobResult) => {
    const input = o.inputs[r.index];
    switch (r.status) {
      case 'ok':
        counts.ok++;
        counts.bytes += r.bytes;
        if (r.line !== undefined && o.jsonl) await putResult(r.line);
        if (r.rows && tables) {
          tables.add(r.rows);
          pool.recycle(r.rows.csv.buffer as ArrayBuffer);
        }
        if (plans) parentCounts[plans[r.index].choice.status] = (parentCounts[plans[r.index].choice.status] ?? 0) + 1;
        break;
      case 'reused': {
        counts.skipped++;
        const line = oldReader.read(oldIndex.get(input)!);
        await putResult(line);
        tables?.add(rowsOfRecord(line.toString('utf8')));
        if (plans) parentCounts[plans[r.index].choice.status] = (parentCounts[plans[r.index].choice.status] ?? 0) + 1;
        break;
      }
      case 'skipped':
        counts.skipped++;
        // --out --resume: the record on disk is current; its rows are read back from it
        if (tables) tables.add(rowsOfRecord(readFileSync(path.join(outDir!, outNames[r.index]!), 'utf8')));
        if (plans) parentCounts[plans[r.index].choice.status] = (parentCounts[plans[r.index].choice.status] ?? 0) + 1;
        break;
      case 'survey':
        break;
      case 'failed':
        if (r.fatal) {
          fatal = new PlancmpError('write-failed', r.message, r.output ?? input, r.hint);
          return;
        }
        counts.failed++;
        counts.bytes += r.bytes;
        writeError_(r, input);
        break;
    }
    progress.update(counts);
  };

  const pending = new Map<number, Promise<JobResult>>();
  let written = 0;
  const drainOne = async () => {
    const r = await pending.get(written)!;
    pending.delete(written);
    written++;
    await emit(r);
  };
  const stopped = () => aborted || fatal !== undefined;
  let closing: Promise<void> | undefined;
  try {
    for (let i = 0; i < total && !stopped(); i++) {
      const input = o.inputs[i];
      const task: JobTask = { index: i, input };
      const known = o.inputErrors?.[i];
      if (known) {
        pending.set(i, Promise.resolve({ index: i, status: 'failed', bytes: 0, ...known }));
        continue;
      }
      if (o.raws?.[i]) task.raw = o.raws[i];
      if (plans) Object.assign(task, plans[i], { fingerprint });
      if (namer) {
        try {
          task.outName = outNames[i] = namer.name(o.names?.[i] ?? input, input);
        } catch (e) {
          pending.set(i, Promise.resolve({ index: i, status: 'failed', bytes: 0, code: 'unsafe-name', message: (e as Error).message }));
          continue;
        }
      }
      const old = oldIndex.get(input);
      if (old) task.reuseSha = old.sha256;
      pending.set(i, pool.run(task));
      while (pending.size >= window && !stopped()) await drainOne();
    }
    while (pending.size && !stopped()) await drainOne();
    if (fatal) throw fatal;
  } catch (e) {
    // Stop: nothing half-written stays behind. Outputs already renamed into place are complete.
    stoppedEarly = true;
    jsonlSink?.abort();
    errorsSink?.abort();
    tables?.abort();
    progress.clear();
    if (!(e instanceof PlancmpError) && !errnoOf(e)) throw e;
    const err = writeError(e, o.jsonl ?? o.out ?? '<output>');
    const done = counts.ok + counts.skipped;
    throw new PlancmpError(err.code, `${err.message}; the export stopped after ${done} of ${total} inputs`, err.file, err.hint);
  } finally {
    // the workers' ending takes a few hundred ms: the tables are committed meanwhile (awaited below)
    closing = pool.close();
    closing.catch(() => {}); // handled where it is awaited; not an unhandled rejection meanwhile
    oldReader.close();
    if (stoppedEarly) {
      await closing;
      // workers stopped mid-batch may have left outputs they were still writing (several are in flight)
      if (outDir) removeStaleTemps(outDir, true, true);
    }
  }

  // ---- commit ----
  progress.update(counts, true);
  progress.clear();
  let errorsFile: string | undefined;
  try {
    // tables hold every record or none: an export cut short by a closed standard output leaves none
    if (tables && aborted) tables.abort();
    else await tables?.commit();
    if (jsonlSink) {
      jsonlSink.commit();
      for (const t of oldTemps) removeQuietly(t);
    }
    if (errorsSink && (errorsSink.opened || outDir || o.errorsExplicit)) {
      // with --out (or --errors) an empty list is written too, so an old one cannot mislead
      errorsSink.commit();
      errorsFile = o.errorsFile;
    } else if (errorsTarget && existsSync(errorsTarget) && !aborted) {
      // nothing failed this time: an old failure list would mislead
      removeQuietly(errorsTarget);
    }
    // temporaries of an errors list that a killed run left beside it
    if (errorsTarget && !outDir) removeStaleTemps(path.dirname(errorsTarget), false);
  } catch (e) {
    jsonlSink?.abort();
    errorsSink?.abort();
    tables?.abort();
    throw writeError(e, o.jsonl ?? o.tables ?? o.errorsFile ?? '<output>');
  } finally {
    await closing;
  }
  return {
    ...counts,
    ms: progress.elapsedMs(),
    mode: pool.mode,
    threads: pool.mode === 'threads' ? jobs : 1,
    errorsFile,
    aborted,
    ...(tables ? { tableRows: tables.counts() } : {}),
    ...(plans ? { parents: parentCounts } : {}),
  };
}

export function describeSummary(s: ExportSummary, tablesDir?: string): string {
  const threads = s.mode === 'threads' ? `${s.threads} worker thread${s.threads === 1 ? '' : 's'}` : 'in-process';
  let out = summaryLine(s, s.ms, threads, s.errorsFile);
  if (s.parents) {
    const order = ['found', 'cited-but-missing', 'none', 'not-a-plan'];
    out += `plancmp export: parents (--base auto): ${order.map((k) => `${s.parents![k] ?? 0} ${k}`).join(', ')}\n`;
  }
  if (s.tableRows && tablesDir) {
    out += `plancmp export: tables in ${tablesDir}: ${Object.entries(s.tableRows).map(([k, n]) => `${k} ${n}`).join(', ')} rows (CSV and Parquet)\n`;
  }
  return out;
}
