// When each task a worker holds started, and whether its computing is done (only its output is still
// being written), kept in memory the pool shares with that worker: the pool times a task's computing
// from its start (not from when it was queued behind others), never blames a task that only waits on
// its write while another one holds the thread, and knows which task a crash happened in — without
// the worker posting a message per task.
//
// Layout (Int32Array over a SharedArrayBuffer): [0] the sequence number of the task started last;
// for each cell c < DEPTH, [1 + 3c] the sequence number of the task started in it, [2 + 3c] when it
// started, in ms since the pool's epoch, and [3 + 3c] the sequence number of the task whose computing
// in it is done. The pool gives every task it sends a free cell.

/** Tasks a worker holds at once; see pool.ts. */
export const DEPTH = 4;

export interface ClockData {
  cells: Int32Array;
  epoch: number;
}

export function newClock(epoch: number): ClockData {
  return { cells: new Int32Array(new SharedArrayBuffer(4 * (1 + 3 * DEPTH))), epoch };
}

/** In the worker: task `seq`, sent in `cell`, starts now. */
export function markStarted(c: ClockData, seq: number, cell: number): void {
  Atomics.store(c.cells, 2 + 3 * cell, Date.now() - c.epoch);
  Atomics.store(c.cells, 1 + 3 * cell, seq);
  Atomics.store(c.cells, 0, seq);
}

/** In the worker: task `seq` has computed its result; only its output's write may still be pending. */
export function markComputed(c: ClockData, seq: number, cell: number): void {
  Atomics.store(c.cells, 3 + 3 * cell, seq);
}

/** In the pool: ms since task `seq` (sent in `cell`) started, or undefined when it has not started yet. */
export function elapsedSince(c: ClockData, seq: number, cell: number): number | undefined {
  if (Atomics.load(c.cells, 1 + 3 * cell) !== seq) return undefined;
  return Date.now() - c.epoch - Atomics.load(c.cells, 2 + 3 * cell);
}

/** In the pool: whether task `seq` (sent in `cell`) is done computing. */
export function computed(c: ClockData, seq: number, cell: number): boolean {
  return Atomics.load(c.cells, 3 + 3 * cell) === seq;
}

/** In the pool: the sequence number of the task the worker started last (0: none). */
export function lastStarted(c: ClockData): number {
  return Atomics.load(c.cells, 0);
}
