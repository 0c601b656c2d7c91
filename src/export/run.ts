// The export kernel: inputs → records, in parallel, written in input order.
//
// Order: records (JSONL lines, error lines) are written in the sorted input order, whatever order
// the workers finish in. Results that arrive early wait in a reorder window of at most
// `window` records; when the window is full no new input is dispatched, so memory stays flat
// however large the corpus is.
import { createWriteStream, existsSync, mkdirSync, renameSync, unlinkSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { JobConfig, JobResult, JobTask } from './job.js';
import { createPool, type Pool } from './pool.js';
import { OutputNamer } from './naming.js';
import { removeStaleTemps, tempPathFor, writeFileAtomic } from './atomic.js';
import { indexOldRecords, OldRecordReader, tempsOf, type OldRecord } from './jsonl-resume.js';
import { Progress, summaryLine, type Counts } from './progress.js';
import type { Fingerprint } from './record.js';

export interface ExportOptions {
  /** Discovered inputs, already sorted and de-duplicated. */
  inputs: string[];
  /** What each input's output name is derived from (default: the input path). */
  names?: string[];
  /** --out DIR, or */
  out?: string;
  /** --jsonl FILE ('-' = standard output). */
  jsonl?: string;
  diffBase?: string | true;
  encoding?: string;
  jobs: number;
  resume: boolean;
  /** Where failures go (JSONL); written always with --out, with --jsonl only when something failed or `errorsExplicit`. */
  errorsFile: string;
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
}

/** A write that waits when the stream's buffer is full. */
async function put(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  if (!stream.write(data)) await once(stream as NodeJS.EventEmitter, 'drain');
}

async function finish(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
  await once(stream, 'close').catch(() => undefined);
}

export async function exportNotices(o: ExportOptions): Promise<ExportSummary> {
  const total = o.inputs.length;
  const counts: Counts = { total, ok: 0, skipped: 0, failed: 0, bytes: 0 };
  const progress = new Progress(o.stderr, o.progress ?? !!o.stderr.isTTY);

  // ---- output side ----
  const outDir = o.out ? path.resolve(o.out) : undefined;
  const namer = outDir ? new OutputNamer(outDir) : undefined;
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    removeStaleTemps(outDir); // temporaries of killed runs; never under a final name
  }
  let jsonlStream: NodeJS.WritableStream | undefined;
  let jsonlTemp: string | undefined;
  let oldIndex = new Map<string, OldRecord>();
  let oldTemps: string[] = [];
  const oldReader = new OldRecordReader();
  let aborted = false;
  if (o.jsonl === '-') {
    jsonlStream = o.stdout;
    (o.stdout as NodeJS.EventEmitter).on?.('error', (e: NodeJS.ErrnoException) => {
      if (e?.code === 'EPIPE') aborted = true;
    });
  } else if (o.jsonl) {
    const target = path.resolve(o.jsonl);
    mkdirSync(path.dirname(target), { recursive: true });
    oldTemps = tempsOf(target).filter((t) => !t.includes(`.tmp-${process.pid}-`));
    if (o.resume) oldIndex = indexOldRecords([target, ...oldTemps], o.fingerprint);
    jsonlTemp = tempPathFor(target);
    jsonlStream = createWriteStream(jsonlTemp, { flags: 'wx' });
  }

  let errorsStream: WriteStream | undefined;
  const errorsTarget = path.resolve(o.errorsFile);
  const errorsTemp = tempPathFor(errorsTarget);
  const writeError = async (r: Extract<JobResult, { status: 'failed' }>, file: string) => {
    if (!errorsStream) {
      mkdirSync(path.dirname(errorsTarget), { recursive: true });
      errorsStream = createWriteStream(errorsTemp, { flags: 'wx' });
    }
    const rec = { file, code: r.code, message: r.message, ...(r.hint ? { hint: r.hint } : {}) };
    await put(errorsStream, JSON.stringify(rec) + '\n');
  };

  // ---- workers ----
  const cfg: JobConfig = { outDir, diffBase: o.diffBase, encoding: o.encoding, resume: o.resume, fingerprint: o.fingerprint };
  const jobs = Math.max(1, Math.min(o.jobs, total));
  const pool: Pool = await createPool(cfg, jobs, o.timeoutMs);
  const window = o.window ?? Math.max(64, 16 * jobs);

  const putResult = async (data: string | Uint8Array) => {
    if (aborted) return;
    try {
      await put(jsonlStream!, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException)?.code !== 'EPIPE') throw e;
      aborted = true; // the reader went away (e.g. | head): stop quietly
    }
  };

  const emit = async (r: JobResult) => {
    const input = o.inputs[r.index];
    switch (r.status) {
      case 'ok':
        counts.ok++;
        counts.bytes += r.bytes;
        if (r.line !== undefined && jsonlStream) await putResult(r.line);
        break;
      case 'reused':
        counts.skipped++;
        await putResult(oldReader.read(oldIndex.get(input)!));
        break;
      case 'skipped':
        counts.skipped++;
        break;
      case 'failed':
        counts.failed++;
        counts.bytes += r.bytes;
        await writeError(r, input);
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
  try {
    for (let i = 0; i < total && !aborted; i++) {
      const input = o.inputs[i];
      const task: JobTask = { index: i, input };
      if (namer) {
        try {
          task.outName = namer.name(o.names?.[i] ?? input, input);
        } catch (e) {
          pending.set(i, Promise.resolve({ index: i, status: 'failed', bytes: 0, code: 'unsafe-name', message: (e as Error).message }));
          continue;
        }
      }
      const old = oldIndex.get(input);
      if (old) task.reuseSha = old.sha256;
      pending.set(i, pool.run(task));
      while (pending.size >= window && !aborted) await drainOne();
    }
    while (pending.size && !aborted) await drainOne();
  } finally {
    await pool.close();
    oldReader.close();
  }

  // ---- commit ----
  progress.update(counts, true);
  progress.clear();
  if (jsonlTemp && jsonlStream) {
    await finish(jsonlStream as WriteStream);
    renameSync(jsonlTemp, path.resolve(o.jsonl!));
    for (const t of oldTemps) {
      try {
        unlinkSync(t);
      } catch {
        /* gone */
      }
    }
  }
  let errorsFile: string | undefined;
  if (errorsStream) {
    await finish(errorsStream);
    renameSync(errorsTemp, errorsTarget);
    errorsFile = o.errorsFile;
  } else if (outDir || o.errorsExplicit) {
    // an empty list, so an old one from an earlier run cannot mislead
    mkdirSync(path.dirname(errorsTarget), { recursive: true });
    writeFileAtomic(errorsTarget, '');
    errorsFile = o.errorsFile;
  } else if (existsSync(errorsTarget) && !aborted) {
    // nothing failed this time: an old failure list would mislead
    unlinkSync(errorsTarget);
  }
  return { ...counts, ms: progress.elapsedMs(), mode: pool.mode, threads: pool.mode === 'threads' ? jobs : 1, errorsFile, aborted };
}

export function describeSummary(s: ExportSummary): string {
  const threads = s.mode === 'threads' ? `${s.threads} worker thread${s.threads === 1 ? '' : 's'}` : 'in-process';
  return summaryLine(s, s.ms, threads, s.errorsFile);
}
