// Progress of a command over many files (parse, diff, check, report): a bar on standard error while
// it is a terminal (export's bar: done/total, rate, ETA, failures so far), cleared before any message
// is printed, and nothing at all when stderr is a file or a pipe, or for a single file.
import type { Io } from './io.js';
import { Progress } from '../export/progress.js';

export class BatchProgress {
  private bar: Progress;
  private ok = 0;
  private failed = 0;
  constructor(
    io: Io,
    private total: number,
  ) {
    this.bar = new Progress(io.stderr, !!io.stderr.isTTY && total > 1);
  }

  /** One more file done. */
  step(failed: boolean): void {
    if (failed) this.failed++;
    else this.ok++;
    this.bar.update({ total: this.total, ok: this.ok, skipped: 0, failed: this.failed, bytes: 0 }, this.ok + this.failed === this.total);
  }

  /** Clears the bar (before a message, or at the end); the next step draws it again. */
  clear(): void {
    this.bar.clear();
  }
}
