// `OCR page 3/32` on standard error while a scan is read, drawn in place with the progress bar of
// export (export/progress.ts) when stderr is a terminal; nothing otherwise (a script's stderr
// keeps only the messages). One per command run; clear() before anything else is written.
import { progressLine } from '../export/progress.js';
import { PlancmpError } from '../errors.js';
import type { Io } from './io.js';

export interface OcrProgress {
  /** for the read options: called after every page */
  onProgress?: (done: number, total: number) => void;
  clear(): void;
}

export function ocrProgress(io: Io, file: string): OcrProgress {
  if (!io.stderr.isTTY) return { clear: () => undefined };
  let drawn = false;
  return {
    onProgress: (done, total) => {
      const columns = (io.stderr as NodeJS.WriteStream).columns || 80;
      io.stderr.write(`\r\x1b[2K${progressLine(done, total, `OCR page ${done}/${total} · ${file}`, columns)}`);
      drawn = true;
    },
    clear: () => {
      if (drawn) io.stderr.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/** --ocr-pages N: a whole number of pages, at least 1. */
export function ocrPagesOption(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,6}$/.test(v.trim()) || Number(v) < 1) {
    throw new PlancmpError('usage', `--ocr-pages: "${v}" is not a number of pages`, undefined, 'give a whole number of at least 1, e.g. --ocr-pages 40');
  }
  return Number(v);
}
