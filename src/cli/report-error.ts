import type { Io } from './io.js';
import { isPlancmpError } from '../errors.js';
import { oneLine } from '../render/terminal.js';

/** User mistakes and bad input: one line naming the file and the reason; a stack only with --debug. */
export function reportError(e: unknown, io: Io, debug = false): void {
  // one line, whatever a file name holds (a newline, an escape sequence)
  if (isPlancmpError(e)) io.stderr.write(`plancmp: ${oneLine(e.describe())}\n`);
  else io.stderr.write(`plancmp: internal error: ${oneLine((e as Error)?.message ?? String(e))} (run with --debug for details, and please report it)\n`);
  if (debug && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
}
