// How a notice is read to be compared with another — as the parent a plan implements, or as that plan:
// a 规定 / 办法 / 决定 of numbered measures read as a plan (parse's `asPlan`), binary formats read in
// the reading worker. Every command that compares plans reads through here: diff, report, siblings
// (via src/cli/reading.ts) and export --diff for its parents (src/export/job.ts).
import type { RunOptions } from '../result.js';

export interface ReadingFlags {
  encoding?: string;
  ocr?: boolean;
  ocrPages?: number;
  cache?: boolean;
}

/** Run options for reading a notice to compare it (isolated). */
export function comparedReading(opts: ReadingFlags): RunOptions {
  return { encoding: opts.encoding, ocr: opts.ocr, ocrPages: opts.ocrPages, cache: opts.cache, asPlan: true, isolate: true };
}
