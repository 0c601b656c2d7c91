// A stand-in export worker for tests/pool.test.ts: it speaks the pool's protocol (WorkerMessage) and
// behaves as its task's input says — 'hang' never answers, 'crash' kills the thread, 'busy' keeps the
// thread busy for 300 ms, anything else answers at once.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', async (t) => {
  parentPort.postMessage({ started: t.index });
  if (t.input === 'hang') for (;;);
  if (t.input === 'crash') throw new Error('scripted crash');
  if (t.input === 'busy') for (const end = Date.now() + 300; Date.now() < end; );
  parentPort.postMessage({ index: t.index, status: 'ok', bytes: t.input.length, tasks: 1 });
});
