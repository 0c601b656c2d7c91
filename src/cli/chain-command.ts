// plancmp chain INPUT... [--out DIR | --html FILE | --jsonl FILE | --csv FILE | --json FILE]
// A thin shell over src/chain: read the inputs, build the chain, write the outputs asked for
// (each complete or absent), print the tree when no output is asked for, pick the exit code.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Io } from './io.js';
import { EXIT } from './exit.js';
import { PlancmpError } from '../errors.js';
import { makeDirs, writeOutputSync } from '../write/atomic.js';
import { Progress } from '../export/progress.js';
import { loadBase } from '../pipeline.js';
import { loadInputs } from '../chain/load.js';
import { buildChain } from '../chain/build.js';
import { CHAIN_DEFAULTS } from '../chain/options.js';
import type { ChainResult } from '../chain/types.js';
import { CHAIN_FORMATS, type ChainFormat } from '../render/formats.js';

export interface ChainCommandOptions {
  out?: string;
  html?: string;
  jsonl?: string;
  json?: string;
  csv?: string;
  ext?: string;
  encoding?: string;
  ocr?: boolean;
  contentMin?: string;
  /** Add the embedded 浙政发〔2018〕16号 to the inputs (unless an input already carries its 文号). */
  withBase?: boolean;
}

/** The formats written to files (the format table's chain entries other than the text tree). */
type FileFormat = Exclude<ChainFormat, 'text'>;
const render = (k: ChainFormat, c: ChainResult) => CHAIN_FORMATS[k].render(c);

/** File names written into --out DIR. */
const IN_DIR: Record<FileFormat, string> = { json: 'chain.json', jsonl: 'chain.jsonl', csv: 'lineages.csv', html: 'chain.html' };

function checkTarget(file: string, flag: string): void {
  if (file === '-') return;
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new PlancmpError('usage', `${flag}: the directory ${dir} does not exist`, file, 'create it first or choose another path');
  if (existsSync(file) && statSync(file).isDirectory()) throw new PlancmpError('usage', `${flag}: is a directory`, file, 'give a file name');
}

function threshold(v: string | undefined): number {
  if (v === undefined) return CHAIN_DEFAULTS.contentMin;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new PlancmpError('usage', `--content-min must be a number in (0, 1], not "${v}"`);
  return n;
}

export async function runChain(inputs: string[], opts: ChainCommandOptions, io: Io): Promise<number> {
  const targets: [FileFormat, string][] = [];
  for (const k of ['json', 'jsonl', 'csv', 'html'] as const) if (opts[k]) targets.push([k, opts[k]!]);
  if (targets.filter(([, f]) => f === '-').length > 1) throw new PlancmpError('usage', 'only one output can go to standard output (-)');
  for (const [k, f] of targets) checkTarget(f, `--${k}`);
  if (opts.out && existsSync(opts.out) && !statSync(opts.out).isDirectory()) throw new PlancmpError('usage', '--out must be a directory', opts.out);
  const contentMin = threshold(opts.contentMin);

  // a bar on standard error while reading, then while finding parents and diffing (only on a terminal)
  const tty = !!io.stderr.isTTY;
  const reading = new Progress(io.stderr, tty);
  const loaded = await loadInputs(inputs, { ext: opts.ext, encoding: opts.encoding, ocr: opts.ocr, isolate: true, stdin: io.stdin, onFile: (done, total) => reading.update({ total, ok: done, skipped: 0, failed: 0, bytes: 0 }) });
  reading.clear();
  for (const w of loaded.warnings) io.stderr.write(`plancmp: warning: ${w}\n`);
  for (const f of loaded.failed) io.stderr.write(`plancmp: ${f.file}: ${f.message} (left out of the chain)\n`);
  if (opts.withBase) {
    const base = loadBase();
    if (!loaded.notices.some((n) => n.meta.docNumber === base.meta.docNumber)) loaded.notices.unshift(base);
  }
  if (loaded.notices.length === 0) {
    throw new PlancmpError('usage', loaded.failed.length ? 'no input could be read' : 'no inputs found', undefined, 'give notice files, directories, glob patterns, or - with a list of paths on standard input');
  }
  const chaining = new Progress(io.stderr, tty);
  const chain = buildChain(loaded.notices, { contentMin }, loaded.failed, loaded.warnings, { onProgress: (done, total) => chaining.update({ total, ok: done, skipped: 0, failed: 0, bytes: 0 }) });
  chaining.clear();

  // render everything first, then write: a failure while rendering leaves no partial output behind
  const writes: [string, string][] = [];
  for (const [k, f] of targets) writes.push([f, await render(k, chain)]);
  if (opts.out) for (const k of ['json', 'jsonl', 'csv', 'html'] as const) writes.push([path.join(opts.out, IN_DIR[k]), await render(k, chain)]);
  if (opts.out) makeDirs(opts.out);
  for (const [f, text] of writes) {
    if (f === '-') io.stdout.write(text.replace(/^\uFEFF/, ''));
    else writeOutputSync(f, text);
  }
  if (!writes.some(([f]) => f === '-')) {
    (writes.length ? io.stderr : io.stdout).write(writes.length ? summaryLine(chain, writes.map(([f]) => f)) : await render('text', chain));
  }
  return loaded.failed.length ? EXIT.PARTIAL : EXIT.OK;
}

function summaryLine(c: ChainResult, files: string[]): string {
  const linked = c.entries.filter((e) => e.parent).length;
  const orphans = c.entries.filter((e) => e.citedParent && !e.parent).length;
  return `plancmp: chain of ${c.entries.length} notices (${linked} with a parent, ${orphans} orphan${orphans === 1 ? '' : 's'}, ${c.lineages.length} task lineages${c.failed.length ? `, ${c.failed.length} unreadable` : ''}) → ${files.join(', ')}\n`;
}
