// How a command that compares plans reads each notice, from its flags: one place, so that `diff A B`,
// `diff BASE DIR/`, `diff --bases`, `diff --parent`, `report` and export's parents read the same file
// the same way — encoding, OCR (page limit, cache) and a 规定 / 办法 of numbered measures read as the
// plan a lower level implements (src/chain/reading.ts).
import type { RunOptions } from '../result.js';
import { comparedReading, type ReadingFlags } from '../chain/reading.js';
import { stdinFor, type Io } from './io.js';

export type { ReadingFlags };

/** Run options for reading `file` to compare it (isolated; `-` is standard input when `io` is given). */
export function comparing(opts: ReadingFlags, file: string, io?: Io, extra: RunOptions = {}): RunOptions {
  return { ...comparedReading(opts), ...(io ? { stdin: stdinFor(io, file) } : {}), ...extra };
}
