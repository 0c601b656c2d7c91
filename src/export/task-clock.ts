// When each task a worker holds started, kept in memory the pool shares with that worker: the pool
// times a task from its start (not from when it was queued behind others) and knows which task a
// crash happened in, without the worker posting a message per task.
//
// Layout (Int32Array over a SharedArrayBuffer): [0] the sequence number of the task started last;
// for each cell c < DEPTH, [1 + 2c] the sequence number of the task started in it and [2 + 2c] when
// it started, in ms since the pool's epoch. The pool gives every task it sends a free cell.

/** Tasks a worker holds at once; see pool.ts. */
export const DEPTH = 4;

export interface ClockData {
  cells: Int32Array;
  epoch: number;
}

export function newClock(epoch: number): ClockData {
  return { cells: new Int32Array(new SharedArrayBuffer(4 * (1 + 2 * DEPTH))), epoch };
}

/** In the worker: task `seq`, sent in `cell`, starts now. */
export function markStarted(c: ClockData, seq: number, cell: number): void {
  Atomics.store(c.cells, 2 + 2 * cell, Date.now() - c.epoch);
  Atomics.store(c.cells, 1 + 2 * cell, seq);
  Atomics.store(c.cells, 0, seq);
}

/** In the pool: ms since task `seq` (sent in `cell`) started, or undefined when it has not started yet. */
export function elapsedSince(c: ClockData, seq: number, cell: number): number | undefined {
  if (Atomics.load(c.cells, 1 + 2 * cell) !== seq) return undefined;
  return Date.now() - c.epoch - Atomics.load(c.cells, 2 + 2 * cell);
}

/** In the pool: the sequence number of the task the worker started last (0: none). */
export function lastStarted(c: ClockData): number {
  return Atomics.load(c.cells, 0);
}
