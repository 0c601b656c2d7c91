// A pool of worker threads running JobTasks, one task in flight per worker. A worker that crashes
// or exceeds the per-file time limit fails only the task it held and is replaced.
// When the compiled worker (worker.js beside this module) is missing — e.g. when running the
// TypeScript sources under a test runner — tasks run in the main thread, one at a time.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JobConfig, JobResult, JobTask } from './job.js';

export interface Pool {
  /** 'threads' or 'inline' */
  readonly mode: 'threads' | 'inline';
  readonly size: number;
  run(task: JobTask): Promise<JobResult>;
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

interface Slot {
  worker: Worker;
  current?: { task: JobTask; resolve: (r: JobResult) => void; timer?: NodeJS.Timeout };
  timedOut?: boolean;
  answered?: boolean;
  error?: string;
}

class ThreadPool implements Pool {
  readonly mode = 'threads' as const;
  private slots: Slot[] = [];
  private queue: { task: JobTask; resolve: (r: JobResult) => void }[] = [];
  private closing = false;
  /** Workers that died before answering anything; past a few, the worker code itself is broken. */
  private deadOnArrival = 0;
  private broken?: string;

  constructor(
    private url: URL,
    private cfg: JobConfig,
    readonly size: number,
    private timeoutMs: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.url, { workerData: this.cfg }) };
    slot.worker.on('message', (r: JobResult) => {
      const cur = slot.current;
      if (!cur) return;
      clearTimeout(cur.timer);
      slot.current = undefined;
      slot.answered = true;
      cur.resolve(r);
      this.pump();
    });
    slot.worker.on('error', (e) => {
      slot.error = e?.message ?? String(e); // the task is failed in 'exit'
    });
    slot.worker.on('exit', () => {
      const cur = slot.current;
      slot.current = undefined;
      const i = this.slots.indexOf(slot);
      if (this.closing || i < 0) return;
      if (cur) {
        clearTimeout(cur.timer);
        cur.resolve(
          slot.timedOut
            ? { index: cur.task.index, status: 'failed', bytes: 0, code: 'timeout', message: `took longer than ${Math.round(this.timeoutMs / 1000)} s and was abandoned` }
            : { index: cur.task.index, status: 'failed', bytes: 0, code: 'worker-crashed', message: `the worker processing this file crashed${slot.error ? ` (${slot.error})` : ''}` },
        );
      }
      if (!slot.answered && !slot.timedOut && ++this.deadOnArrival > 3) {
        this.broken = `worker threads fail to start (${slot.error ?? 'exited'}); reinstall plancmp or run npm run build`;
        this.slots.splice(i, 1);
        this.drainBroken();
        return;
      }
      this.slots[i] = this.spawn();
      this.pump();
    });
    return slot;
  }

  private drainBroken(): void {
    if (this.slots.length === 0) {
      for (const q of this.queue.splice(0)) q.resolve({ index: q.task.index, status: 'failed', bytes: 0, code: 'worker-failed', message: this.broken! });
    }
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.current || this.queue.length === 0) continue;
      const next = this.queue.shift()!;
      slot.current = { ...next };
      if (this.timeoutMs > 0) {
        slot.current.timer = setTimeout(() => {
          slot.timedOut = true;
          void slot.worker.terminate();
        }, this.timeoutMs);
      }
      slot.worker.postMessage(next.task);
    }
  }

  run(task: JobTask): Promise<JobResult> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      if (this.broken && this.slots.length === 0) return this.drainBroken();
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    // a batch stopped early (disk full) still has tasks in flight: their timers must not keep the process alive
    for (const s of this.slots) clearTimeout(s.current?.timer);
    this.queue = [];
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

class InlinePool implements Pool {
  readonly mode = 'inline' as const;
  readonly size = 1;
  private chain: Promise<unknown> = Promise.resolve();
  constructor(private runJob: (t: JobTask) => Promise<JobResult>) {}
  run(task: JobTask): Promise<JobResult> {
    const p = this.chain.then(() => new Promise<JobResult>((res) => setImmediate(() => res(this.runJob(task)))));
    this.chain = p;
    return p;
  }
  async close(): Promise<void> {}
}

/** The compiled worker beside this module, if there is one. */
export function workerUrl(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

export async function createPool(cfg: JobConfig, jobs: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Pool> {
  const url = workerUrl();
  if (url) return new ThreadPool(url, cfg, jobs, timeoutMs);
  const { createJobRunner } = await import('./job.js');
  return new InlinePool(createJobRunner(cfg));
}
