// plancmp diff [--parent BASE] A B when A and B implement the same parent: compare them through it.
// Without --parent, the embedded base is that parent when the chain rules (cites / plan name /
// content, see src/chain/parents.ts) give it as the parent of both, and neither implements the other.
import { SIBLINGS_FORMATS, type SiblingsFormat } from '../render/formats.js';
import { comparing } from './reading.js';
import type { Io } from './io.js';
import { EXIT } from './exit.js';
import { PlancmpError } from '../errors.js';
import { loadBase, parseSource } from '../pipeline.js';
import { readSource } from '../read/index.js';
import type { PairRules } from '../align/tasks.js';
import type { Notice } from '../model.js';
import { ParentFinder } from '../chain/parents.js';
import { CHAIN_DEFAULTS } from '../chain/options.js';
import { diffSiblings, type SiblingDiff } from '../chain/siblings.js';
import type { DiffCommandOptions } from './diff-command.js';

function needTasks(n: Notice, role: string): void {
  if (n.tasks.length === 0) throw new PlancmpError('no-tasks', `no tasks found in the ${role}`, n.source.file, 'run `plancmp parse --format text` on it to see what was recognised');
}

/** What --fail-on means side by side: a finding in either plan's diff against the parent. */
function hasSiblingFindings(d: SiblingDiff, failOn: Set<string>): boolean {
  return (
    (failOn.has('dropped') && d.summary.onlyA + d.summary.onlyB + d.summary.neither > 0) ||
    (failOn.has('added') && d.summary.addedA + d.summary.addedB > 0) ||
    (failOn.has('deadline') && d.summary.earlierA + d.summary.earlierB > 0) ||
    (failOn.has('merged') && d.tasks.some((t) => t.a.kinds.includes('merged') || t.b.kinds.includes('merged'))) ||
    (failOn.has('reworded') && d.tasks.some((t) => t.a.kinds.includes('reworded') || t.b.kinds.includes('reworded')))
  );
}

/** Runs the side-by-side comparison and returns its exit code, or undefined when A and B are not siblings. */
export async function runSiblingsIfSiblings(files: string[], opts: DiffCommandOptions, failOn: Set<string>, pairs: PairRules | undefined, io: Io): Promise<number | undefined> {
  const read = async (f: string) => {
    const how = comparing(opts, f, io);
    return parseSource(await readSource(f, how), how);
  };
  const parent = opts.parent ? await read(opts.parent) : loadBase();
  const a = await read(files[0]);
  const b = await read(files[1]);
  if (!opts.parent) {
    const finder = new ParentFinder([parent, a, b], CHAIN_DEFAULTS);
    // B first: when B cites or is named after A (the usual `diff BASE LOCAL`), A need not be looked at
    if (finder.find(2).parent !== 0 || finder.find(1).parent !== 0) return undefined;
  }
  needTasks(parent, 'parent plan');
  needTasks(a, 'plan A');
  needTasks(b, 'plan B');
  const format = opts.format as string;
  if (!Object.prototype.hasOwnProperty.call(SIBLINGS_FORMATS, format)) {
    throw new PlancmpError('usage', `--format ${opts.format} is not available when comparing two plans through their parent`, undefined, `use --format ${Object.keys(SIBLINGS_FORMATS).join(', ')}, or --direct to align A with B as base and local`);
  }
  const d = diffSiblings(parent, a, b, opts.parent ? 'option' : 'embedded', { pairs });
  let out = await SIBLINGS_FORMATS[format as SiblingsFormat].render(d);
  if (format === 'csv') {
    const { withBom } = await import('../render/csv.js');
    out = (opts.bom ?? (!!opts.output && opts.output !== '-')) ? withBom(out) : out;
  }
  if (!opts.quiet) io.stdout.write(out);
  return hasSiblingFindings(d, failOn) ? EXIT.FINDINGS : EXIT.OK;
}
