// Export's side of the atomic writes (src/write/atomic.ts): removing the temporaries of killed runs,
// and keeping the output directory's writes inside it.
import { readdirSync, realpathSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { PlancmpError } from '../errors.js';
import { hostTag, makeDirs, tempOwner } from '../write/atomic.js';

export { isTempName, tempPathFor, writeOutputSync } from '../write/atomic.js';

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files left by killed runs (their process is gone) under `dir`; returns how many.
 * `own`: this process's too — once its workers are stopped, none of them is still being written.
 * Only temporaries written on this host (and PID namespace) are judged: another machine's process
 * id says nothing here, and its temporaries may be in the middle of being written (export --shard
 * into a shared folder).
 */
export function removeStaleTemps(dir: string, recursive = true, own = false): number {
  let n = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && recursive) n += removeStaleTemps(full, true, own);
    else if (e.isFile()) {
      const owner = tempOwner(e.name);
      // a name without a host tag (an older version) is judged as before, on this host
      const here = owner !== undefined && (owner.host === undefined || owner.host === hostTag());
      if (owner && here && ((own && owner.pid === process.pid) || !alive(owner.pid))) {
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
    makeDirs(root);
    this.realRoot = realpathSync(root);
  }
  ensure(finalPath: string): void {
    const dir = path.dirname(finalPath);
    if (this.ok.has(dir)) return;
    makeDirs(dir);
    const real = realpathSync(dir);
    if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) {
      throw new PlancmpError('unsafe-name', `the output directory ${dir} resolves to ${real}, outside ${this.root}`, finalPath, 'remove the symbolic link from the output directory');
    }
    this.ok.add(dir);
  }
}
