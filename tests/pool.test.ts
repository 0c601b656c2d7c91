// The export's worker pool: each worker holds two tasks at once (pool.ts DEPTH), so a worker that
// hangs or crashes must fail only the task it was running; the other task it held runs again elsewhere.
import { describe, expect, it } from 'vitest';
import { createThreadPool } from '../src/export/pool.js';
import type { JobResult } from '../src/export/job.js';

const WORKER = new URL('./workers/scripted.mjs', import.meta.url);
const cfg = { resume: false, fingerprint: { plancmp: 'test', schema: '1', diff: null, encoding: null } };

async function runAll(inputs: string[], jobs: number, timeoutMs: number): Promise<JobResult[]> {
  const pool = createThreadPool(WORKER, cfg, jobs, timeoutMs);
  try {
    return await Promise.all(inputs.map((input, index) => pool.run({ index, input })));
  } finally {
    await pool.close();
  }
}

const summary = (rs: JobResult[]) => rs.map((r) => (r.status === 'failed' ? r.code : r.status));

describe('export worker pool', () => {
  it('a hanging file times out alone; the file queued behind it on the same worker is still exported', async () => {
    const rs = await runAll(['a', 'hang', 'b', 'c'], 1, 1500);
    expect(summary(rs)).toEqual(['ok', 'timeout', 'ok', 'ok']);
    expect(rs.map((r) => r.index)).toEqual([0, 1, 2, 3]);
  });

  it('a crashing file fails alone with worker-crashed; the rest of the batch completes on a replacement worker', async () => {
    const rs = await runAll(['a', 'crash', 'b', 'crash', 'c', 'd'], 2, 10_000);
    expect(summary(rs)).toEqual(['ok', 'worker-crashed', 'ok', 'worker-crashed', 'ok', 'ok']);
    const crashed = rs[1] as Extract<JobResult, { status: 'failed' }>;
    expect(crashed.message).toMatch(/scripted crash/);
  });

  it('a file whose output is still being written is not blamed for the file that hangs the worker after it', async () => {
    // 'late' has computed its result and waits 400 ms on its "write"; 'hang' then holds the thread, so
    // 'late' cannot answer and its time runs out first — yet only 'hang' may fail
    const rs = await runAll(['late', 'hang', 'a'], 1, 1000);
    expect(summary(rs)).toEqual(['ok', 'timeout', 'ok']);
  });

  it('answers out of order (outputs still being written) do not confuse which file is timed or blamed', async () => {
    const rs = await runAll(['late', 'a', 'b', 'c', 'd', 'e', 'hang', 'f', 'late', 'crash', 'g'], 1, 1500);
    expect(summary(rs)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'timeout', 'ok', 'ok', 'worker-crashed', 'ok']);
  });

  it('the time limit counts from when a file starts, not from when it was queued behind a busy one', async () => {
    // each 'busy' holds the worker 300 ms; the one sent with it waits 300 ms before it starts
    const rs = await runAll(['busy', 'busy', 'busy', 'a'], 1, 450);
    expect(summary(rs)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });
});
