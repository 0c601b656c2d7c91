// Nothing half-written: every output is written under a temporary name in the same directory and
// renamed over its final name, so a reader (or a killed run) only ever sees complete files.
// Atomic against the process being killed; not fsync'd, so not against a power cut.
import { closeSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { PlancmpError } from '../errors.js';

let counter = 0;
const TEMP = /^\..+\.tmp-(\d+)-\d+-\d+$/;

/** `dir/.name.tmp-PID-THREAD-N`: hidden, never ending in .json, and naming the process that owns it. */
export function tempPathFor(finalPath: string): string {
  return path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.tmp-${process.pid}-${threadId}-${++counter}`);
}

export function isTempName(name: string): boolean {
  return TEMP.test(name);
}

/** Writes `data` to a temporary file beside `finalPath`, then renames it into place. */
export function writeFileAtomic(finalPath: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(finalPath);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, finalPath);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files left by killed runs (their process is gone) under `dir`; returns how many. */
export function removeStaleTemps(dir: string, recursive = true): number {
  let n = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && recursive) n += removeStaleTemps(full, true);
    else if (e.isFile()) {
      const m = TEMP.exec(e.name);
      if (m && !alive(Number(m[1]))) {
        try {
          unlinkSync(full);
          n++;
        } catch {
          /* raced with someone else */
        }
      }
    }
  }
  return n;
}

/**
 * Creates the directory that will hold `finalPath` and checks that, symbolic links resolved, it is
 * still inside `root` (a link planted in the output directory cannot redirect writes elsewhere).
 */
export class DirGuard {
  private ok = new Set<string>();
  private realRoot: string;
  constructor(private root: string) {
    mkdirSync(root, { recursive: true });
    this.realRoot = realpathSync(root);
  }
  ensure(finalPath: string): void {
    const dir = path.dirname(finalPath);
    if (this.ok.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    const real = realpathSync(dir);
    if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) {
      throw new PlancmpError('unsafe-name', `the output directory ${dir} resolves to ${real}, outside ${this.root}`, finalPath, 'remove the symbolic link from the output directory');
    }
    this.ok.add(dir);
  }
}
