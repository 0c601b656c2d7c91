// Reads every input of a chain (files, directories, globs, - for a list of paths) the way export
// does; a file that cannot be read or parsed is listed with its reason and the rest go on.
import type { Notice } from '../model.js';
import { discoverInputs, parseExtList } from '../read/discover.js';
import { parseSource } from '../pipeline.js';
import { readSource } from '../read/index.js';
import { isPlancmpError } from '../errors.js';
import type { ChainFailure } from './types.js';

export interface LoadOptions {
  ext?: string;
  encoding?: string;
  /** Read scanned PDF pages with Tesseract. */
  ocr?: boolean;
  /** Read binary inputs in the reading worker (src/read/isolate.ts). */
  isolate?: boolean;
  stdin: NodeJS.ReadableStream;
  /** Called after each input (for progress). */
  onFile?: (done: number, total: number) => void;
}

export interface Loaded {
  notices: Notice[];
  failed: ChainFailure[];
  warnings: string[];
}

export async function loadInputs(args: string[], opts: LoadOptions): Promise<Loaded> {
  const exts = parseExtList(opts.ext ?? '.txt,.htm,.html') ?? ['.txt', '.htm', '.html'];
  const found = await discoverInputs(args, { exts, stdin: opts.stdin });
  const notices: Notice[] = [];
  const failed: ChainFailure[] = [];
  let done = 0;
  for (const file of found.inputs) {
    try {
      notices.push(await readSource(file, { encoding: opts.encoding, ocr: opts.ocr, isolate: opts.isolate }).then((src) => parseSource(src, { encoding: opts.encoding, ocr: opts.ocr })));
    } catch (e) {
      if (isPlancmpError(e)) failed.push({ file, code: e.code, message: e.message + (e.hint ? ` — ${e.hint}` : '') });
      else failed.push({ file, code: 'internal', message: (e as Error)?.message ?? String(e) });
    }
    opts.onFile?.(++done, found.inputs.length);
  }
  return { notices, failed, warnings: found.warnings };
}
