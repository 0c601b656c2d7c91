import type { Io } from './io.js';
import { oneLine } from '../render/terminal.js';
import { describeMessage, messageFromError, type FileMessage } from '../result.js';

/** A file's message on stderr: one line naming the file, the reason and what to do; a stack only with --debug. */
export function printMessage(m: FileMessage, io: Io, debug = false): void {
  // one line, whatever a file name holds (a newline, an escape sequence)
  io.stderr.write(`plancmp: ${oneLine(describeMessage(m))}\n`);
  if (debug && m.cause instanceof Error && m.cause.stack) io.stderr.write(`${m.cause.stack}\n`);
}

/** An error outside any one file (usage, an unreadable base, a bug): printed the same way. */
export function reportError(e: unknown, io: Io, debug = false): void {
  printMessage(messageFromError(e, ''), io, debug);
}
