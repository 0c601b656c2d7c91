// How a command that compares plans reads each notice, from its flags: one place, so that `diff A B`,
// `diff BASE DIR/`, `diff --bases`, `diff --parent` and `report` read the same file the same way —
// encoding, OCR (page limit, cache) and a 规定 / 办法 of numbered measures read as the plan a lower
// level implements (parse's `asPlan`).
import type { RunOptions } from '../result.js';
import { stdinFor, type Io } from './io.js';

export interface ReadingFlags {
  encoding?: string;
  ocr?: boolean;
  ocrPages?: number;
  cache?: boolean;
}

/** Run options for reading `file` to compare it (isolated; `-` is standard input when `io` is given). */
export function comparing(opts: ReadingFlags, file: string, io?: Io, extra: RunOptions = {}): RunOptions {
  return { encoding: opts.encoding, ocr: opts.ocr, ocrPages: opts.ocrPages, cache: opts.cache, asPlan: true, isolate: true, ...(io ? { stdin: stdinFor(io, file) } : {}), ...extra };
}
