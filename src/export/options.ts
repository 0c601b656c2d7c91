// Command-line options of `plancmp export` → checked ExportOptions. Every mistake is a usage error (exit 2).
import { statSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { PlancmpError } from '../errors.js';
import { DEFAULT_BATCH_LIMITS } from '../options.js';
import { encodingFromName } from '../read/decode.js';
import { parseExtList } from '../read/discover.js';
import { DOCUMENT_EXTENSIONS } from '../read/kinds.js';
import { plancmpVersion, PARSE_SCHEMA, DIFF_SCHEMA } from './version.js';
import type { Fingerprint } from './record.js';

export interface ExportCliOptions {
  out?: string;
  jsonl?: string;
  /** true: the embedded base; 'auto': each notice's own parent; else the base file. */
  diff?: string | boolean;
  /** --bases DIR…: more candidate parents for --base auto (read, not exported). */
  bases?: string[];
  /** --tables DIR: CSV and Parquet tables. */
  tables?: string;
  jobs?: string;
  resume?: boolean;
  ext: string;
  errors?: string;
  encoding?: string;
  ocr?: boolean;
  debug?: boolean;
}

export interface CheckedOptions {
  out?: string;
  jsonl?: string;
  diffBase?: string | true;
  /** --base auto (diffBase is then undefined). */
  autoParents: boolean;
  bases: string[];
  tables?: string;
  jobs: number;
  /** --jobs was given (else `jobs` is the number of cores, and jobsFor() picks the workers for the batch). */
  jobsGiven: boolean;
  /** What the options were changed to, for stderr (a --jobs beyond the machine). */
  warnings: string[];
  resume: boolean;
  exts: string[];
  encoding?: string;
  ocr: boolean;
  /** Absent: failures are reported on stderr (--jsonl to standard output or a device, without --errors). */
  errorsFile?: string;
  errorsExplicit: boolean;
  fingerprint: Fingerprint;
}

const usage = (message: string, hint?: string) => new PlancmpError('usage', message, undefined, hint);

export function defaultJobs(): number {
  return (os as { availableParallelism?: () => number }).availableParallelism?.() ?? os.cpus().length ?? 1;
}

/** The most worker threads --jobs gets: jobsPerCore per core, and jobMemoryMb each within half the memory (BatchLimits). */
export function maxJobs(cores = defaultJobs(), memory = os.totalmem(), limits = DEFAULT_BATCH_LIMITS): number {
  return Math.max(1, Math.min(cores * limits.jobsPerCore, Math.floor(memory / 2 / (limits.jobMemoryMb * 2 ** 20))));
}

/**
 * Text and HTML inputs per worker thread beyond half the cores, when --jobs is not given. Every worker
 * compiles the parser afresh (V8 shares no compiled code between threads), and while it warms up its
 * compiler threads need about a core of their own: with a worker on every core they compete with the
 * workers. Measured on 2 cores (medians of 3), a second worker made batches of up to about 450
 * notices slower, and with --diff of 600 (100 notices: 0.68 s with 1 worker, 0.81 s with 2; 500: 2.07 s
 * against 1.97 s; 800: 2.63 s against 2.31 s; with --diff, 600: 3.56 s against 3.65 s).
 */
export const TEXT_INPUTS_PER_WORKER = 300;

/**
 * Worker threads for a batch when --jobs is not given: half the cores (rounded up), and more, up to
 * every core, at one per TEXT_INPUTS_PER_WORKER text or HTML inputs. A batch with any document file
 * (PDF, DOCX, DOC/WPS, OFD), or read with --ocr, uses every core: one such file costs as much as
 * dozens of text notices.
 */
export function jobsFor(inputs: readonly string[], cores: number, ocr = false): number {
  const all = Math.max(1, cores);
  if (ocr || inputs.some((f) => DOCUMENT_EXTENSIONS.includes(path.extname(f).toLowerCase()))) return all;
  return Math.min(all, Math.max(Math.ceil(all / 2), Math.floor(inputs.length / TEXT_INPUTS_PER_WORKER)));
}

export async function checkOptions(o: ExportCliOptions): Promise<CheckedOptions> {
  if (o.out && o.jsonl) throw usage('give either --out DIR or --jsonl FILE, not both', 'e.g. plancmp export corpus/ --out out/');
  if (!o.out && !o.jsonl && !o.tables) {
    throw usage('say where the records go: --out DIR (one JSON per notice), --jsonl FILE (- for standard output) or --tables DIR (CSV and Parquet tables)', 'e.g. plancmp export corpus/ --out out/');
  }
  if (o.tables) {
    const st = statOrNull(o.tables);
    if (st && !st.isDirectory()) throw usage(`--tables: ${o.tables} exists and is not a directory`, 'give a directory for the tables, e.g. --tables tables/');
  }
  if (o.bases?.length && o.diff !== 'auto') throw usage('--bases goes with --diff --base auto', 'e.g. plancmp export corpus/ --diff --base auto --bases parents/ --tables t/');
  let jobs = defaultJobs();
  const warnings: string[] = [];
  if (o.jobs !== undefined) {
    if (!/^\s*\d+\s*$/.test(o.jobs) || Number(o.jobs) < 1 || Number(o.jobs) > 256) throw usage(`--jobs: "${o.jobs}" is not a number of worker threads from 1 to 256`);
    jobs = Number(o.jobs);
    const max = maxJobs();
    if (jobs > max) {
      warnings.push(`--jobs ${jobs}: using ${max} worker threads (${defaultJobs()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB of memory); more would only compete for them`);
      jobs = max;
    }
  }
  const exts = parseExtList(o.ext ?? '');
  if (!exts) throw usage(`--ext: "${o.ext}" names no extension`, 'e.g. --ext .txt,.html');
  let encoding: string | undefined;
  if (o.encoding) {
    if (!encodingFromName(o.encoding)) throw usage(`--encoding: unknown encoding "${o.encoding}"`, 'use utf-8, gb18030, gbk, big5, utf-16le or utf-16be');
    encoding = o.encoding;
  }
  if (o.resume && o.jsonl === '-') throw usage('--resume needs an output to resume: --out DIR or --jsonl FILE, not standard output');
  if (o.out) {
    const st = statOrNull(o.out);
    if (st && !st.isDirectory()) throw usage(`--out: ${o.out} exists and is not a directory`);
  }
  if (o.jsonl && o.jsonl !== '-' && statOrNull(o.jsonl)?.isDirectory()) throw usage(`--jsonl: ${o.jsonl} is a directory`, 'give a file name, e.g. --jsonl notices.jsonl');

  let diffBase: string | true | undefined;
  let diff: Fingerprint['diff'] = null;
  if (o.diff === 'auto') {
    // the digest of the candidates is filled in once they are read (run.ts)
    diff = { schema: DIFF_SCHEMA, base: 'auto', sha256: null };
  } else if (o.diff === true) {
    diffBase = true;
    diff = { schema: DIFF_SCHEMA, base: 'embedded', sha256: null };
  } else if (typeof o.diff === 'string') {
    const st = statOrNull(o.diff);
    if (!st) throw usage(`--base: no such file ${o.diff}`, 'check the path given to --base');
    if (st.isDirectory()) throw usage(`--base ${o.diff} is a directory`, 'give the base plan as a file');
    // read as the workers will read it to diff against it (a 规定 of numbered measures as a plan)
    const { parseSource } = await import('../pipeline.js');
    const { readSource } = await import('../read/index.js');
    const { comparedReading } = await import('../chain/reading.js');
    const reading = comparedReading({ encoding, ocr: o.ocr });
    const base = parseSource(await readSource(o.diff, reading), reading);
    if (base.tasks.length === 0) throw new PlancmpError('no-tasks', 'no tasks found in the base plan', o.diff, 'the base must be a plan with numbered tasks under （一）（二）… headings');
    diffBase = o.diff;
    diff = { schema: DIFF_SCHEMA, base: o.diff, sha256: createHash('sha256').update(readFileSync(o.diff)).digest('hex') };
  }

  const errorsExplicit = o.errors !== undefined;
  // Beside the output, never in the current directory (which may be read-only or someone else's):
  // OUT/errors.jsonl, FILE.errors.jsonl; on stderr for standard output or a device.
  const errorsFile =
    o.errors ??
    (o.out ? path.join(o.out, 'errors.jsonl') : o.jsonl && o.jsonl !== '-' && !isStreamTarget(o.jsonl) ? `${o.jsonl}.errors.jsonl` : !o.jsonl && o.tables ? path.join(o.tables, 'errors.jsonl') : undefined);
  return {
    out: o.out,
    jsonl: o.jsonl,
    diffBase,
    autoParents: o.diff === 'auto',
    bases: o.bases ?? [],
    tables: o.tables,
    jobs,
    jobsGiven: o.jobs !== undefined,
    warnings,
    resume: !!o.resume,
    exts,
    encoding,
    ocr: !!o.ocr,
    errorsFile,
    errorsExplicit,
    fingerprint: { plancmp: plancmpVersion(), schema: PARSE_SCHEMA, diff, encoding: encoding ?? null },
  };
}

/** A --jsonl target that is written through (a device, FIFO or socket, or a link to one). */
function isStreamTarget(p: string): boolean {
  const st = statOrNull(p);
  return !!st && (st.isCharacterDevice() || st.isFIFO() || st.isSocket());
}

function statOrNull(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}
