// Worker-thread entry (compiled to dist/export/worker.js): receives JobTasks, answers JobResults.
import { parentPort, workerData } from 'node:worker_threads';
import { createJobRunner, type JobConfig, type JobTask } from './job.js';

if (!parentPort) throw new Error('plancmp export worker: must run in a worker thread');
const port = parentPort;
const run = createJobRunner(workerData as JobConfig);
port.on('message', async (t: JobTask) => port.postMessage(await run(t)));
