// Worker-thread entry (compiled to dist/export/worker.js): receives tasks, answers JobResults.
import { parentPort, workerData } from 'node:worker_threads';
import { createJobRunner } from './job.js';
import { giveBack, movedBuffers } from './table-rows.js';
import { markComputed, markStarted } from './task-clock.js';
import type { WorkerSetup, WorkerTask } from './pool.js';

if (!parentPort) throw new Error('plancmp export worker: must run in a worker thread');
const port = parentPort;
const { cfg, clock } = workerData as WorkerSetup;
const run = createJobRunner(cfg);
port.on('message', async (t: WorkerTask) => {
  markStarted(clock, t.seq, t.cell); // the pool times the task from here (task-clock.ts)
  if (t.spare) for (const b of t.spare) giveBack(b);
  const r = await run(t, () => markComputed(clock, t.seq, t.cell));
  // a --jsonl line and the tables' packed rows are in buffers of their own: moved to the main thread, not copied
  const moved: ArrayBuffer[] = [];
  if (r.status === 'ok') {
    if (r.line) moved.push(r.line.buffer as ArrayBuffer);
    if (r.rows) moved.push(...movedBuffers(r.rows));
  }
  port.postMessage(r, moved);
});
