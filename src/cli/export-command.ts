// plancmp export INPUT... (--out DIR | --jsonl FILE|-) [--diff [--base FILE]] [--jobs N] [--resume]
// A thin shell over src/export: check options, find inputs, run, print the summary, pick the exit code.
import path from 'node:path';
import type { Io } from './io.js';
import { EXIT } from './exit.js';
import { PlancmpError } from '../errors.js';
import { checkOptions, jobsFor, type ExportCliOptions } from '../export/options.js';
import { discoverInputs } from '../read/discover.js';
import { exportNotices, describeSummary } from '../export/run.js';
import { fmtInt } from '../export/progress.js';
import { oneLine } from '../render/terminal.js';
import { parseShard, pickShard } from '../export/shard.js';

/** export's options as the CLI gives them: --diff a flag, the base file apart in --base. */
export type ExportCommandOptions = Omit<ExportCliOptions, 'diff'> & { diff?: boolean; base?: string; shard?: string };

export async function runExport(inputs: string[], opts: ExportCommandOptions, io: Io): Promise<number> {
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  if (opts.base && !opts.diff) throw new PlancmpError('usage', '--base goes with --diff', undefined, 'e.g. plancmp export corpus/ --out out/ --diff --base base.txt');
  // options.ts takes the base as `diff`: true for the embedded 16号, or a file
  const { base, shard: _shard, ...rest } = opts;
  // --base auto stays the word 'auto' (a file named auto is ./auto)
  const o = await checkOptions({ ...rest, diff: opts.diff ? (base ?? true) : undefined });
  // --base auto: more candidate parents from --bases (found as inputs are, read but not exported)
  const bases = o.bases.length ? await discoverInputs(o.bases, { exts: o.exts, stdin: io.stdin }) : undefined;
  for (const w of bases?.warnings ?? []) io.stderr.write(`plancmp: warning: --bases ${oneLine(w)}\n`);
  for (const w of o.warnings) io.stderr.write(`plancmp: warning: ${oneLine(w)}\n`);
  const all = await discoverInputs(inputs, { exts: o.exts, stdin: io.stdin, exclude: [o.out, o.tables].filter((d): d is string => !!d).map((d) => path.resolve(d)) });
  for (const w of all.warnings) io.stderr.write(`plancmp: warning: ${oneLine(w)}\n`);
  if (all.inputs.length === 0) throw new PlancmpError('usage', 'no inputs found', undefined, `give files, directories with ${o.exts.join(' ')} files, glob patterns, or - with a list of paths on standard input`);
  const found = shard ? pickShard(all, shard) : all;
  if (shard) io.stderr.write(`plancmp: shard ${shard.k}/${shard.n}: ${fmtInt(found.inputs.length)} of ${fmtInt(all.inputs.length)} inputs\n`);
  const summary = await exportNotices({
    inputs: found.inputs,
    names: found.names,
    raws: found.raws,
    inputErrors: found.errors,
    out: o.out,
    jsonl: o.jsonl,
    diffBase: o.diffBase,
    // with --shard, a parent may sit in another part: every input is a candidate
    autoParents: o.autoParents ? { inputs: [...(shard ? all.inputs : []), ...(bases?.inputs ?? [])], raws: [...(shard ? all.raws : []), ...(bases?.raws ?? [])] } : undefined,
    tables: o.tables,
    encoding: o.encoding,
    ocr: o.ocr,
    // --jobs as given; else half the cores, and more for a large batch of text notices (options.ts jobsFor)
    jobs: o.jobsGiven ? o.jobs : jobsFor(found.inputs, o.jobs, o.ocr),
    resume: o.resume,
    errorsFile: o.errorsFile,
    errorsExplicit: o.errorsExplicit,
    fingerprint: o.fingerprint,
    stdout: io.stdout,
    stderr: io.stderr,
  });
  if (summary.aborted) return EXIT.OK;
  io.stderr.write(describeSummary(summary, o.tables));
  return summary.failed > 0 ? EXIT.PARTIAL : EXIT.OK;
}
