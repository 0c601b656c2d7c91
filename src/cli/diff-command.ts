// plancmp diff [BASE] LOCAL — which provincial tasks a local plan dropped, added, merged, reworded,
// and which deadlines it moved.
import { comparing } from './reading.js';
import type { Io } from './io.js';
import { EXIT } from './exit.js';
import { readFileSync, statSync } from 'node:fs';
import { BASE_FILE, loadBase, parseSource } from '../pipeline.js';
import { readSource } from '../read/index.js';
import { diffNotices, loadPairs } from '../diff/index.js';
import { unknownPairIds } from '../diff/pairs.js';
import { oneLine } from '../render/terminal.js';
import { BINARY_FORMATS, DIFF_FORMATS, type DiffFormat } from '../render/formats.js';
import { PlancmpError } from '../errors.js';
import { ocrProgress } from './ocr-progress.js';
import type { Notice, PlanDiff } from '../model.js';
import { adminLevel } from '../chain/names.js';
import { langFromEnv, type Lang } from '../render/labels.js';

export interface DiffCommandOptions {
  format: DiffFormat;
  encoding?: string;
  /** --ocr: read scanned PDF pages with Tesseract */
  ocr?: boolean;
  /** --ocr-pages: read at most this many scanned pages */
  ocrPages?: number;
  /** --no-cache: OCR every page again */
  cache?: boolean;
  pairs?: string;
  failOn?: string;
  verbose?: boolean;
  /** diff(1)/git: print nothing, exit 1 when there are findings (--fail-on's list, else any). */
  quiet?: boolean;
  /** git: exit 1 when there are findings (--fail-on's list, else any). */
  exitCode?: boolean;
  /** git --stat: the headline only (text), or the summary object (json). */
  stat?: boolean;
  /** text: show each task's source line */
  lines?: boolean;
  /** text and md: owner changes grouped by pattern (default) or every link */
  owners?: 'grouped' | 'all';
  /** CSV: start with a UTF-8 BOM for Excel (default: only when writing to a file with -o). */
  bom?: boolean;
  output?: string;
  /** Local vs local: the plan both files implement (compare A and B through it). */
  parent?: string;
  /** Two files: always align A (as base) with B, even when both implement the embedded base. */
  direct?: boolean;
  /** --lang: the report's language (default: from LC_ALL / LC_MESSAGES / LANG) */
  lang?: Lang;
  /** Go on when the arguments look swapped, or the local plan implements another parent than the embedded base. */
  force?: boolean;
  /** --bases DIR: each local plan is diffed against its parent among the notices in DIR (cited or named after: chain/parents.ts readerParents). */
  bases?: string;
  /** --ext: the extensions taken from directories (default: every input kind) */
  ext?: string;
  debug?: boolean;
}

const FAIL_ON = ['dropped', 'added', 'deadline', 'merged', 'reworded', 'target', 'strength'] as const;
/** Classes each prefixed finding narrows to (`deadline:later`, `target:lowered`, `strength:weakened`). */
const CLASSES: Record<string, readonly string[]> = {
  // `not-restated` is the quieter deadline count, not a change
  deadline: ['earlier', 'later', 'changed', 'removed', 'added', 'not-restated'],
  target: ['raised', 'lowered', 'removed', 'added', 'changed-unit', 'weaker'],
  strength: ['weakened', 'strengthened', 'prohibition-removed'],
};

/**
 * `--fail-on dropped,deadline:later,changed,target:lowered,strength:weakened`: findings, comma-separated.
 * After `deadline:` (or `target:`, `strength:`) the following names are classes of that finding for
 * as long as they are its classes (`+` and `|` also join them), so a task finding that is also a
 * class name (`added`) goes before the prefixed part. A prefix alone (`deadline`) means every change
 * of that kind. Returns `PREFIX:CLASS` entries for the narrowed form.
 */
export function parseFailOn(spec: string | undefined): Set<string> {
  const out = new Set<string>();
  const usage = (what: string) =>
    new PlancmpError(
      'usage',
      `--fail-on: unknown ${what}`,
      undefined,
      `use a comma-separated list of ${FAIL_ON.join(', ')}; narrow them with ${Object.entries(CLASSES).map(([k, v]) => `${k}:${v.join(',')}`).join('; ')}`,
    );
  let prefix: string | undefined;
  for (const raw of (spec ?? '').split(',')) {
    const s = raw.trim();
    if (!s) continue;
    const colon = s.indexOf(':');
    let classes: string[];
    if (colon > 0 && s.slice(0, colon) in CLASSES) {
      prefix = s.slice(0, colon);
      classes = s.slice(colon + 1).split(/[+|]/);
    } else if (prefix && s.split(/[+|]/).every((c) => CLASSES[prefix!].includes(c.trim()))) {
      classes = s.split(/[+|]/);
    } else {
      prefix = undefined;
      if (!(FAIL_ON as readonly string[]).includes(s)) throw usage(`finding "${s}"`);
      out.add(s);
      continue;
    }
    for (const c of classes) {
      if (!CLASSES[prefix].includes(c.trim())) throw usage(`${prefix} class "${c.trim()}"`);
      out.add(`${prefix}:${c.trim()}`);
    }
  }
  return out;
}

/** Whether a deadline entry is of a `--fail-on deadline:CLASS` class. */
function deadlineClass(c: PlanDiff['deadlineChanges'][number]): string | undefined {
  if (c.notRestated) return 'not-restated';
  return c.change === 'same' ? undefined : c.change;
}

export function hasFindings(d: PlanDiff, failOn: Set<string>): boolean {
  const classes = new Set(d.deadlineChanges.map(deadlineClass).filter((c): c is string => !!c));
  const targets = d.targetChanges ?? [];
  const strengths = d.strengthChanges ?? [];
  return (
    (failOn.has('dropped') && d.dropped.length > 0) ||
    (failOn.has('added') && d.added.length > 0) ||
    (failOn.has('deadline') && [...classes].some((c) => c !== 'not-restated')) ||
    [...classes].some((c) => failOn.has(`deadline:${c}`)) ||
    (failOn.has('merged') && d.summary.merged > 0) ||
    (failOn.has('reworded') && d.summary.reworded > 0) ||
    (failOn.has('target') && targets.length > 0) ||
    targets.some((t) => failOn.has(`target:${t.change}`) || (t.weaker && failOn.has('target:weaker'))) ||
    (failOn.has('strength') && strengths.length > 0) ||
    strengths.some((s) => failOn.has(`strength:${s.change}`))
  );
}

export async function runDiff(args: string[], opts: DiffCommandOptions, io: Io): Promise<number> {
  if (args.length === 0) throw new PlancmpError('usage', 'diff takes [BASE] LOCAL...', undefined, 'e.g. plancmp diff fixtures/000_5b73fe2b8637f3d3.txt');
  const failOn = parseFailOn(opts.failOn);
  // like git diff --exit-code: without a list, any finding is a difference
  if ((opts.quiet || opts.exitCode) && failOn.size === 0) for (const f of FAIL_ON) failOn.add(f);
  // folders, globs, more than one local plan, or --bases: one diff per local plan (diff-batch.ts)
  const batch = await batchOf(args, opts, io);
  if (batch) {
    const { runDiffBatch } = await import('./diff-batch.js');
    return runDiffBatch(batch, opts, failOn, io);
  }
  const files = args;
  if (BINARY_FORMATS.has(opts.format) && !opts.quiet && (!opts.output || opts.output === '-') && io.stdout.isTTY) {
    throw new PlancmpError('usage', `--format ${opts.format} is a binary file, not for a terminal`, undefined, `write it with -o FILE, e.g. -o report.${opts.format}`);
  }
  if (opts.stat && opts.format !== 'text' && opts.format !== 'json') throw new PlancmpError('usage', `--stat prints a text or JSON summary, not ${opts.format}`, undefined, 'use --stat with --format text (default) or --format json');
  const pairs = opts.pairs ? loadPairs(opts.pairs) : undefined;
  if (opts.parent && files.length !== 2) throw new PlancmpError('usage', '--parent compares two plans that implement it: give A and B', undefined, 'e.g. plancmp diff --parent base.txt cityA.txt cityB.txt');
  if (opts.parent && opts.direct) throw new PlancmpError('usage', '--parent and --direct exclude each other', undefined, '--direct aligns A with B as base and local; --parent compares both with their parent');
  if (files.length === 2 && !opts.direct) {
    const { runSiblingsIfSiblings } = await import('./siblings-command.js');
    const code = await runSiblingsIfSiblings(files, opts, failOn, pairs, io);
    if (code !== undefined) return code;
  }
  // every notice of a comparison is read alike (reading.ts): a 规定 of numbered measures as a plan
  const how = comparing(opts, '');
  const read = async (file: string) => {
    const progress = ocrProgress(io, file);
    try {
      return await readSource(file, { ...comparing(opts, file, io), onProgress: progress.onProgress });
    } finally {
      progress.clear();
    }
  };
  const baseSource = files.length === 2 ? await read(files[0]) : undefined;
  const base = baseSource ? parseSource(baseSource, how) : loadBase();
  const localSource = await read(files[files.length - 1]);
  const local = parseSource(localSource, how);
  // the HTML page links each task to its line in the notices' own text
  const texts = opts.format === 'html' ? { base: baseSource ? baseSource.text : readFileSync(BASE_FILE, 'utf8'), local: localSource.text } : undefined;
  for (const [n, role] of [[base, 'base'], [local, 'local notice']] as const) {
    if (n.taskShape && !n.taskShape.plan) throw new PlancmpError('not-a-plan', `the ${role} is not a plan (${n.taskShape.kind ?? '条例'}): there are no tasks to compare`, n.source.file, n.taskShape.why);
  }
  if (base.tasks.length === 0) throw new PlancmpError('no-tasks', 'no tasks found in the base plan', base.source.file, 'the base must be a plan whose tasks carry owner notes such as （XX负责） or sit under a part such as 二、主要任务');
  if (local.tasks.length === 0) {
    throw new PlancmpError('no-tasks', `no tasks found (${local.warnings.map((w) => w.code).join(', ') || 'no structure recognised'})`, local.source.file, 'run `plancmp parse --format text` on it to see what was recognised');
  }
  if (pairs) {
    for (const w of unknownPairIds(pairs, base.tasks.map((t) => t.id), local.tasks.map((t) => t.id))) io.stderr.write(`plancmp: warning: ${oneLine(opts.pairs!)}: ${w}\n`);
  }
  if (files.length === 2 && !opts.force) {
    const why = swapped(base, local);
    if (why) throw new PlancmpError('swapped-arguments', `the arguments look swapped: ${why}`, undefined, `put the base first: plancmp diff ${files[1]} ${files[0]} (or --force to compare in this order)`);
  }
  const d = diffNotices(base, local, { pairs });
  if (files.length === 1) checkEmbeddedParent(d, local, opts, io);
  if (!opts.quiet) io.stdout.write(await render(d, base, local, opts, io, texts));
  return hasFindings(d, failOn) ? EXIT.FINDINGS : EXIT.OK;
}

/**
 * Against the embedded 16号, a plan that implements some other parent wants that parent as its base:
 * a full report against 16号 would be a list of false findings. Throws (other-parent) unless --force,
 * which only warns.
 */
export function checkEmbeddedParent(d: PlanDiff, local: Notice, opts: Pick<DiffCommandOptions, 'force'>, io: Io): void {
  if (d.parentage.citesBase || d.parentage.namesBase) return;
  const parent = d.parentage.cited.find((r) => r.docNumber) ?? d.parentage.cited.find((r) => r.title && /计划|方案|规划|意见/.test(r.title));
  if (!parent) return;
  const named = [parent.title && `《${parent.title}》`, parent.docNumber].filter(Boolean).join(' ');
  const hint = `compare it with its parent: plancmp diff PARENT ${local.source.file}, or give the parents with --bases DIR`;
  if (!opts.force) throw new PlancmpError('other-parent', `implements ${named}, not the embedded ${d.base.docNumber ?? 'base'}`, local.source.file, `${hint} (or --force to compare it with the embedded base anyway)`);
  io.stderr.write(`plancmp: ${local.source.file} implements ${named}, not the embedded ${d.base.docNumber ?? 'base'}; ${hint}\n`);
}

/**
 * The batch a diff's arguments ask for, or undefined for the one pair of before (a single LOCAL, or
 * BASE LOCAL, or A B through their parent). With --bases every argument is a local plan; else with two
 * or more arguments the first is the one BASE file and the rest are local plans.
 */
async function batchOf(args: string[], opts: DiffCommandOptions, io: Io): Promise<{ base?: string; locals: string[]; failures: Map<string, import('../result.js').FileMessage> } | undefined> {
  const { commandInputs } = await import('./inputs.js');
  const { isGlob } = await import('../read/glob.js');
  const isDir = (f: string) => {
    try {
      return statSync(f).isDirectory();
    } catch {
      return false;
    }
  };
  const collection = (f: string) => isDir(f) || (isGlob(f) && !isFile(f));
  // --parent compares exactly two plans (checked on the one-pair path)
  if (opts.parent && !opts.bases) return undefined;
  if (opts.bases) {
    if (opts.parent) throw new PlancmpError('usage', '--bases and --parent exclude each other', undefined, '--bases finds each plan\'s parent among DIR; --parent compares two plans through one parent');
    const found = await commandInputs(args, opts.ext, io);
    return { locals: found.files, failures: found.failures };
  }
  const [first, ...rest] = args;
  if (rest.length === 0) {
    if (!collection(first)) return undefined;
    const found = await commandInputs(args, opts.ext, io);
    return { locals: found.files, failures: found.failures };
  }
  if (rest.length === 1 && !collection(first) && !collection(rest[0])) return undefined;
  if (collection(first)) throw new PlancmpError('usage', `the base must be one file, and ${first} names several`, undefined, `give each local plan's parents with --bases ${first}, or one base file first`);
  const found = await commandInputs(rest, opts.ext, io);
  return { base: first, locals: found.files, failures: found.failures };
}

function isFile(f: string): boolean {
  try {
    return statSync(f).isFile();
  } catch {
    return false;
  }
}

/**
 * Why BASE LOCAL look like LOCAL BASE: the "base" cites the "local" by 文号, or its issuer sits at a
 * lower level (a province's plan given as the base of a 国务院 意见). undefined when they do not.
 */
export function swapped(base: Notice, local: Notice): string | undefined {
  const no = local.meta.docNumber;
  if (no && base.references.some((r) => r.docNumber === no)) return `${base.source.file} cites ${local.source.file} (${no}) as its parent`;
  const [b, l] = [adminLevel(base), adminLevel(local)];
  if (b !== undefined && l !== undefined && b > l) return `${base.source.file} (${base.meta.issuer ?? base.meta.title}) is issued at a lower level than ${local.source.file} (${local.meta.issuer ?? local.meta.title})`;
  return undefined;
}

export async function render(d: PlanDiff, base: Notice, local: Notice, opts: DiffCommandOptions, io: Io, texts?: { base?: string; local?: string }): Promise<string | Uint8Array> {
  if (opts.stat && opts.format === 'json') {
    const { base: b, local: l, parentage, family, summary } = d;
    return JSON.stringify({ schema: d.schema, base: b, local: l, parentage, family, summary }, null, 2) + '\n';
  }
  const out = await DIFF_FORMATS[opts.format].render(d, base, local, { stream: io.stdout as NodeJS.WriteStream, env: io.env, force: io.color }, { verbose: opts.verbose, stat: opts.stat, lines: opts.lines, owners: opts.owners, texts, lang: opts.lang ?? langFromEnv(io.env) });
  if (opts.format !== 'csv' || typeof out !== 'string') return out;
  const { withBom } = await import('../render/csv.js');
  return opts.bom ?? (!!opts.output && opts.output !== '-') ? withBom(out) : out;
}
