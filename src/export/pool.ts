// A pool of worker threads running JobTasks, one task in flight per worker. A worker that crashes
// or exceeds the per-file time limit fails only the task it held and is replaced.
// When the compiled worker (worker.js beside this module) is missing — e.g. when running the
// TypeScript sources under a test runner — tasks run in the main thread, one at a time.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readLimits } from '../read/budget.js';
import type { JobConfig, JobResult, JobTask } from './job.js';
import { DEPTH, computed, elapsedSince, lastStarted, newClock, type ClockData } from './task-clock.js';
import { giveBack } from './table-rows.js';

export interface Pool {
  /** 'threads' or 'inline' */
  readonly mode: 'threads' | 'inline';
  readonly size: number;
  run(task: JobTask): Promise<JobResult>;
  /** A buffer a result's table rows came in, read to the end: back to the workers to be filled again. */
  recycle(buffer: ArrayBuffer): void;
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Each worker holds DEPTH tasks at once (task-clock.ts). It then never waits for the main thread
 * between notices, and parses the next notices while earlier outputs are still being fsync'd on
 * libuv's thread pool (job.ts writes asynchronously).
 */

interface InFlight {
  task: JobTask;
  resolve: (r: JobResult) => void;
  seq: number;
  cell: number;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  clock: ClockData;
  /** Sent and not answered, in the order sent. */
  inFlight: InFlight[];
  /** Sequence number of the last task sent (they start at 1). */
  sent: number;
  /** The task whose time limit ran out. */
  timedOut?: number;
  answered?: boolean;
  error?: string;
}

/** What the pool sends a worker: a task, its sequence number and its clock cell, and buffers to reuse (Pool.recycle). */
export type WorkerTask = JobTask & { seq: number; cell: number; spare?: ArrayBuffer[] };
/** A worker's workerData. */
export interface WorkerSetup {
  cfg: JobConfig;
  clock: ClockData;
}

class ThreadPool implements Pool {
  readonly mode = 'threads' as const;
  private slots: Slot[] = [];
  private queue: { task: JobTask; resolve: (r: JobResult) => void }[] = [];
  /** Recycled buffers, moved to a worker with its next task. */
  private spare: ArrayBuffer[] = [];
  private closing = false;
  /** Workers that died before answering anything; past a few, the worker code itself is broken. */
  private deadOnArrival = 0;
  private broken?: string;
  private readonly epoch = Date.now();

  constructor(
    private url: URL,
    private cfg: JobConfig,
    readonly size: number,
    private timeoutMs: number,
    /** V8 heap of each worker (ReadLimits.workerHeapMb): past it the worker ends, and only its file fails. */
    private heapMb = readLimits().workerHeapMb,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const clock = newClock(this.epoch);
    const workerData: WorkerSetup = { cfg: this.cfg, clock };
    const slot: Slot = { worker: new Worker(this.url, { workerData, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } }), clock, inFlight: [], sent: 0 };
    slot.worker.on('message', (m: JobResult) => {
      const i = slot.inFlight.findIndex((f) => f.task.index === m.index);
      if (i < 0) return;
      const [done] = slot.inFlight.splice(i, 1);
      clearTimeout(done.timer);
      slot.answered = true;
      done.resolve(m);
      this.pump();
    });
    slot.worker.on('error', (e) => {
      // the task is failed in 'exit'
      slot.error = (e as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it needed more than ${this.heapMb} MB of memory; PLANCMP_LIMITS=workerHeapMb=… raises that` : (e?.message ?? String(e));
    });
    slot.worker.on('exit', () => this.exited(slot));
    return slot;
  }

  /** Checks `f`'s time limit after `ms`: counted from when the worker started it. */
  private watch(slot: Slot, f: InFlight, ms: number): void {
    f.timer = setTimeout(() => {
      if (!slot.inFlight.includes(f)) return;
      const elapsed = elapsedSince(slot.clock, f.seq, f.cell);
      // still queued in the worker, or computed and waiting on its write (another task may hold the thread)
      if (elapsed === undefined || computed(slot.clock, f.seq, f.cell)) return this.watch(slot, f, this.timeoutMs);
      if (elapsed < this.timeoutMs) return this.watch(slot, f, this.timeoutMs - elapsed);
      slot.timedOut = f.task.index;
      void slot.worker.terminate();
    }, ms);
  }

  /**
   * A worker ended. The task it was running (or the one out of time) fails; the others it held are
   * sent again to its replacement — an output they may have written is simply written again.
   */
  private exited(slot: Slot): void {
    const held = slot.inFlight.splice(0);
    for (const f of held) clearTimeout(f.timer);
    const i = this.slots.indexOf(slot);
    if (this.closing || i < 0) return;
    // a crash happened in the task computing last: the one started last, unless it had finished computing
    const last = lastStarted(slot.clock);
    const computing = held.filter((f) => !computed(slot.clock, f.seq, f.cell));
    const failed = slot.timedOut !== undefined ? held.find((f) => f.task.index === slot.timedOut) : (computing.find((f) => f.seq === last) ?? computing[0] ?? held[0]);
    if (failed) {
      const index = failed.task.index;
      failed.resolve(
        slot.timedOut !== undefined
          ? { index, status: 'failed', bytes: 0, code: 'timeout', message: `took longer than ${Math.round(this.timeoutMs / 1000)} s and was abandoned` }
          : { index, status: 'failed', bytes: 0, code: 'worker-crashed', message: `the worker processing this file crashed${slot.error ? ` (${slot.error})` : ''}` },
      );
    }
    this.queue.unshift(...held.filter((f) => f !== failed).map(({ task, resolve }) => ({ task, resolve })));
    if (!slot.answered && slot.timedOut === undefined && ++this.deadOnArrival > 3) {
      this.broken = `worker threads fail to start (${slot.error ?? 'exited'}); reinstall plancmp or run npm run build`;
      this.slots.splice(i, 1);
      this.drainBroken();
      return;
    }
    this.slots[i] = this.spawn();
    this.pump();
  }

  private drainBroken(): void {
    if (this.slots.length === 0) {
      for (const q of this.queue.splice(0)) q.resolve({ index: q.task.index, status: 'failed', bytes: 0, code: 'worker-failed', message: this.broken! });
    }
  }

  private pump(): void {
    // fill every worker to one task first, then to DEPTH, so a short batch still uses all workers
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (slot.inFlight.length >= depth) continue;
        const next = this.queue.shift()!;
        let cell = 0;
        while (slot.inFlight.some((f) => f.cell === cell)) cell++;
        const f: InFlight = { ...next, seq: ++slot.sent, cell };
        slot.inFlight.push(f);
        if (this.timeoutMs > 0) this.watch(slot, f, this.timeoutMs);
        const spare = this.spare.splice(0, 2);
        slot.worker.postMessage({ ...next.task, seq: f.seq, cell, ...(spare.length ? { spare } : {}) } satisfies WorkerTask, spare);
      }
    }
  }

  run(task: JobTask): Promise<JobResult> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      if (this.broken && this.slots.length === 0) return this.drainBroken();
      this.pump();
    });
  }

  recycle(buffer: ArrayBuffer): void {
    if (this.spare.length < 8) this.spare.push(buffer);
  }

  async close(): Promise<void> {
    this.closing = true;
    // a batch stopped early (disk full) still has tasks in flight: their timers must not keep the process alive
    for (const s of this.slots) for (const f of s.inFlight) clearTimeout(f.timer);
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
  recycle(buffer: ArrayBuffer): void {
    giveBack(buffer); // the jobs run in this thread
  }
  async close(): Promise<void> {}
}

/**
 * The compiled worker beside this module, if there is one; started through bin/export-worker.js when
 * that is there too, which runs the worker's bundle and code cache while they are current (else this).
 */
export function workerUrl(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  const boot = new URL('../../bin/export-worker.js', import.meta.url);
  return existsSync(fileURLToPath(boot)) ? boot : url;
}

/** A pool running `url` (a worker that speaks WorkerMessage); exported for the pool's own tests. */
export function createThreadPool(url: URL, cfg: JobConfig, jobs: number, timeoutMs = DEFAULT_TIMEOUT_MS): Pool {
  return new ThreadPool(url, cfg, jobs, timeoutMs);
}

export async function createPool(cfg: JobConfig, jobs: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Pool> {
  const url = workerUrl();
  if (url) return new ThreadPool(url, cfg, jobs, timeoutMs);
  const { createJobRunner } = await import('./job.js');
  return new InlinePool(createJobRunner(cfg));
}
