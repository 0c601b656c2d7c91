// A stand-in export worker for tests/pool.test.ts: it speaks the pool's protocol (pool.ts WorkerTask,
// task-clock.ts) and behaves as its task's input says — 'hang' never answers, 'crash' kills the thread,
// 'busy' keeps the thread busy for 300 ms, 'late' answers after 400 ms without keeping the thread (as an
// output still being fsync'd does), anything else answers at once.
import { parentPort, workerData } from 'node:worker_threads';
import { markComputed, markStarted } from '../../dist/export/task-clock.js';

parentPort.on('message', (t) => {
  markStarted(workerData.clock, t.seq, t.cell);
  if (t.input === 'hang') for (;;);
  if (t.input === 'crash') throw new Error('scripted crash');
  if (t.input === 'late') return void (markComputed(workerData.clock, t.seq, t.cell), setTimeout(() => parentPort.postMessage({ index: t.index, status: 'ok', bytes: 4, tasks: 1 }), 400));
  if (t.input === 'busy') for (const end = Date.now() + 300; Date.now() < end; );
  parentPort.postMessage({ index: t.index, status: 'ok', bytes: t.input.length, tasks: 1 });
});
