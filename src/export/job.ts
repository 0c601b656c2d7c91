// One input → one record: read, hash, (skip if current), parse, diff, serialize, write.
// Runs inside a worker thread (worker.ts), or in the main thread when no compiled worker exists.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PlancmpError, isPlancmpError } from '../errors.js';
import { loadBase, parseSource } from '../pipeline.js';
import { sourceFromBytes, MAX_BYTES } from '../read/index.js';
import { diffNotices } from '../diff/index.js';
import type { Notice } from '../model.js';
import { recordFile, recordLine, readFileHeader, isCurrent, type ExportHeader, type Fingerprint } from './record.js';
import { DirGuard, writeFileAtomic } from './atomic.js';

export interface JobConfig {
  /** Absolute output directory (--out); absent for --jsonl. */
  outDir?: string;
  /** --diff: true for the embedded base, or the base file's path. */
  diffBase?: string | true;
  encoding?: string;
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
}

export type JobResult =
  | { index: number; status: 'ok'; bytes: number; tasks: number; line?: string }
  | { index: number; status: 'skipped' | 'reused'; bytes: number }
  | { index: number; status: 'failed'; bytes: number; code: string; message: string; hint?: string };

function readInput(file: string): Buffer {
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new PlancmpError('is-directory', 'is a directory, not a file', file);
    if (st.size > MAX_BYTES) throw new PlancmpError('too-large', `is ${st.size} bytes; the limit is ${MAX_BYTES} bytes`, file, 'split the file');
    return readFileSync(file);
  } catch (e) {
    if (isPlancmpError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new PlancmpError('not-found', 'no such file', file, 'check the path');
    if (code === 'EACCES' || code === 'EPERM') throw new PlancmpError('no-permission', 'cannot read the file (permission denied)', file, 'check its permissions');
    throw new PlancmpError('read-failed', `cannot read the file (${code ?? String(e)})`, file);
  }
}

export function createJobRunner(cfg: JobConfig): (t: JobTask) => JobResult {
  let base: Notice | undefined;
  const getBase = (): Notice => {
    if (base) return base;
    if (cfg.diffBase === true) return (base = loadBase());
    const file = cfg.diffBase!;
    return (base = parseSource(sourceFromBytes(readInput(file), file, { encoding: cfg.encoding })));
  };
  const guard = cfg.outDir ? new DirGuard(cfg.outDir) : undefined;

  return (t: JobTask): JobResult => {
    let bytes = 0;
    const outPath = cfg.outDir && t.outName ? path.join(cfg.outDir, t.outName) : undefined;
    try {
      const buf = readInput(t.input);
      bytes = buf.length;
      const sha256 = createHash('sha256').update(buf).digest('hex');
      if (t.reuseSha !== undefined && t.reuseSha === sha256) return { index: t.index, status: 'reused', bytes };
      if (outPath && cfg.resume && isCurrent(readFileHeader(outPath), t.input, sha256, cfg.fingerprint)) {
        return { index: t.index, status: 'skipped', bytes };
      }
      const notice = parseSource(sourceFromBytes(buf, t.input, { encoding: cfg.encoding }));
      const diff = cfg.diffBase ? diffNotices(getBase(), notice) : undefined;
      const header: ExportHeader = { input: t.input, sha256, bytes, ...cfg.fingerprint };
      if (outPath) {
        guard!.ensure(outPath);
        writeFileAtomic(outPath, recordFile(header, notice, diff));
        return { index: t.index, status: 'ok', bytes, tasks: notice.tasks.length };
      }
      return { index: t.index, status: 'ok', bytes, tasks: notice.tasks.length, line: recordLine(header, notice, diff) };
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
      return { index: t.index, status: 'failed', bytes, code: 'internal', message: `internal error: ${(e as Error)?.message ?? String(e)}` };
    }
  };
}
