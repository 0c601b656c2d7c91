// plancmp diff over many local plans: `diff DIR/`, `diff BASE a.txt b.txt 'more/*.html'`, or
// `diff --bases BASES/ LOCALS...` (each local plan against its parent among BASES, found as
// `export --base auto` finds it: cited by 文号 or title, or named after it — src/chain/parents.ts
// readerParents). One report per plan,
// one after another (text, md) or one JSON array; a plan that cannot be compared is named with its
// reason on stderr and the others go on (exit 3).
import type { Io } from './io.js';
import { exitCode } from './exit.js';
import { comparing } from './reading.js';
import { PlancmpError } from '../errors.js';
import { loadBase } from '../pipeline.js';
import { diffNotices, loadPairs } from '../diff/index.js';
import { messageFromError, runFile, fatalOf, type FileMessage } from '../result.js';
import { printMessage } from './report-error.js';
import { commandInputs } from './inputs.js';
import { BatchProgress } from './batch.js';
import { readerParents } from '../chain/parents.js';
import { checkEmbeddedParent, hasFindings, render, swapped, type DiffCommandOptions } from './diff-command.js';
import type { Notice, PlanDiff } from '../model.js';

export interface DiffBatch {
  /** The one base file (BASE LOCAL...); absent: the embedded 16号, or --bases. */
  base?: string;
  locals: string[];
  /** Inputs that could not even be listed (an unreadable directory). */
  failures: Map<string, FileMessage>;
}

/** Formats that hold one pair each and have a many-plan form in `plancmp report`. */
const REPORT_INSTEAD: Record<string, string> = { csv: '--csv FILE --tidy', html: '--html FILE', xlsx: '--xlsx FILE' };

/** The notices of --bases DIR that can be parents (plans with tasks); the others are named and counted as failures. */
async function loadBases(spec: string, opts: DiffCommandOptions, io: Io): Promise<{ bases: Notice[]; failed: number; total: number }> {
  const found = await commandInputs([spec], opts.ext, io);
  const bases: Notice[] = [];
  let failed = 0;
  for (const file of found.files) {
    const r = found.failures.get(file) ? { file, messages: [found.failures.get(file)!] } : await runFile(file, comparing(opts, file));
    const fatal = fatalOf(r);
    if (fatal) {
      failed++;
      printMessage({ ...fatal, message: `${fatal.message} (left out of the bases)` }, io, opts.debug);
    } else if (r.notice!.tasks.length) bases.push(r.notice!);
  }
  if (!bases.length) throw new PlancmpError('usage', `--bases ${spec}: no plan with tasks to compare against`, undefined, 'give a directory (or pattern) holding the parent plans');
  return { bases, failed, total: found.files.length };
}

/** The parent of `local` among `bases`, or a fatal message saying why there is none. */
function parentAmong(bases: Notice[], local: Notice, spec: string): { parent: Notice } | FileMessage {
  const all = [...bases, local];
  const choice = readerParents(all).find(bases.length);
  if (choice.parent !== null && choice.parent < bases.length) return { parent: all[choice.parent] };
  const why = choice.citedParent ? `it cites ${choice.citedParent}, which is not among them` : 'it cites none of them and is not named after one';
  return { severity: 'fatal', code: 'no-parent', file: local.source.file, message: `no parent among the plans of --bases ${spec}: ${why}`, hint: 'add its parent to the bases, or compare it with one: plancmp diff PARENT LOCAL' };
}

/** Parse one local plan and diff it against its base; a fatal message when it cannot be compared. */
async function diffOne(file: string, batch: DiffBatch, base: Notice | undefined, bases: Notice[] | undefined, pairs: ReturnType<typeof loadPairs> | undefined, opts: DiffCommandOptions, io: Io): Promise<{ base: Notice; local: Notice; diff: PlanDiff } | FileMessage> {
  const listed = batch.failures.get(file);
  if (listed) return listed;
  const r = await runFile(file, comparing(opts, file, io));
  const fatal = fatalOf(r);
  if (fatal) return fatal;
  const local = r.notice!;
  try {
    if (local.taskShape && !local.taskShape.plan) throw new PlancmpError('not-a-plan', `not a plan (${local.taskShape.kind ?? '条例'}): there are no tasks to compare`, file, local.taskShape.why);
    if (!local.tasks.length) throw new PlancmpError('no-tasks', `no tasks found (${local.warnings.map((w) => w.code).join(', ') || 'no structure recognised'})`, file, 'run `plancmp parse --format text` on it to see what was recognised');
    if (bases) {
      const found = parentAmong(bases, local, opts.bases!);
      if ('severity' in found) return found;
      return { base: found.parent, local, diff: diffNotices(found.parent, local, { pairs }) };
    }
    const b = base ?? loadBase();
    if (base && !opts.force) {
      const why = swapped(b, local);
      if (why) throw new PlancmpError('swapped-arguments', `looks like the parent of the base, not its child: ${why}`, file, 'leave it out, or --force to compare it in this order');
    }
    const diff = diffNotices(b, local, { pairs });
    if (!base) checkEmbeddedParent(diff, local, opts, io);
    return { base: b, local, diff };
  } catch (e) {
    if (e instanceof PlancmpError && e.code === 'usage') throw e;
    return messageFromError(e, file);
  }
}

export async function runDiffBatch(batch: DiffBatch, opts: DiffCommandOptions, failOn: Set<string>, io: Io): Promise<number> {
  const instead = REPORT_INSTEAD[opts.format];
  if (instead) throw new PlancmpError('usage', `--format ${opts.format} holds one pair of plans; for ${batch.locals.length === 1 ? 'a folder or pattern' : `${batch.locals.length} plans`} use plancmp report ${instead}`, undefined, 'or diff with --format text, md or json (an array)');
  const pairs = opts.pairs ? loadPairs(opts.pairs) : undefined;
  let base: Notice | undefined;
  if (batch.base) {
    const r = await runFile(batch.base, comparing(opts, batch.base, io));
    const fatal = fatalOf(r);
    if (fatal) throw new PlancmpError(fatal.code, fatal.message, fatal.file, fatal.hint);
    base = r.notice!;
    if (!base.tasks.length) throw new PlancmpError('no-tasks', 'no tasks found in the base plan', batch.base, 'the base must be a plan whose tasks carry owner notes such as （XX负责） or sit under a part such as 二、主要任务');
  }
  const loaded = opts.bases ? await loadBases(opts.bases, opts, io) : undefined;

  const progress = new BatchProgress(io, batch.locals.length);
  const json = opts.format === 'json';
  let failed = loaded?.failed ?? 0;
  let findings = false;
  let written = 0;
  for (const file of batch.locals) {
    const one = await diffOne(file, batch, base, loaded?.bases, pairs, opts, io);
    progress.step('severity' in one);
    if ('severity' in one) {
      failed++;
      progress.clear();
      printMessage(one, io, opts.debug);
      continue;
    }
    findings ||= hasFindings(one.diff, failOn);
    if (opts.quiet) continue;
    const out = String(await render(one.diff, one.base, one.local, opts, io));
    // json: one array (the pretty-printed form JSON.stringify(array, null, 2) gives); text and md: one report after another
    if (json) io.stdout.write(`${written ? ',\n' : '[\n'}  ${out.trimEnd().replace(/\n/g, '\n  ')}`);
    else io.stdout.write(`${written ? '\n' : ''}${out}`);
    written++;
  }
  progress.clear();
  if (json && written) io.stdout.write('\n]\n');
  const total = batch.locals.length + (loaded?.total ?? 0);
  if (failed) io.stderr.write(`plancmp: ${failed} of ${total} files could not be compared (named above); the others were compared\n`);
  return exitCode(failed, total, findings);
}
