// Worker-thread entry (compiled to dist/export/worker.js): receives tasks, answers JobResults.
import { parentPort, workerData } from 'node:worker_threads';
import { createJobRunner } from './job.js';
import { markComputed, markStarted } from './task-clock.js';
import type { WorkerSetup, WorkerTask } from './pool.js';

if (!parentPort) throw new Error('plancmp export worker: must run in a worker thread');
const port = parentPort;
const { cfg, clock } = workerData as WorkerSetup;
const run = createJobRunner(cfg);
port.on('message', async (t: WorkerTask) => {
  markStarted(clock, t.seq, t.cell); // the pool times the task from here (task-clock.ts)
  const r = await run(t, () => markComputed(clock, t.seq, t.cell));
  // a --jsonl line is UTF-8 bytes in a buffer of its own: moved to the main thread, not copied
  port.postMessage(r, r.status === 'ok' && r.line ? [r.line.buffer as ArrayBuffer] : []);
});
