import type { Io } from './io.js';
import { isPlancmpError } from '../errors.js';

/** User mistakes and bad input: one line naming the file and the reason; a stack only with --debug. */
export function reportError(e: unknown, io: Io, debug = false): void {
  if (isPlancmpError(e)) io.stderr.write(`plancmp: ${e.describe()}\n`);
  else io.stderr.write(`plancmp: internal error: ${(e as Error)?.message ?? String(e)} (run with --debug for details, and please report it)\n`);
  if (debug && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
}
