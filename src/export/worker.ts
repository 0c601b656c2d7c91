// Worker-thread entry (compiled to dist/export/worker.js): receives JobTasks, answers JobResults.
import { parentPort, workerData } from 'node:worker_threads';
import { createJobRunner, type JobConfig, type JobTask } from './job.js';
import type { WorkerMessage } from './pool.js';

if (!parentPort) throw new Error('plancmp export worker: must run in a worker thread');
const port = parentPort;
const run = createJobRunner(workerData as JobConfig);
// 'started' lets the pool time this task from when it begins, and know which task a crash was in
port.on('message', async (t: JobTask) => {
  port.postMessage({ started: t.index } satisfies WorkerMessage);
  port.postMessage(await run(t));
});
