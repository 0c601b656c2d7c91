// plancmp check --snapshot DIR: a stable projection of a parse, stored next to the tests, and a
// readable structural difference when a parser change moves it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Deadline, KeyListRow, Meta, Notice, Task } from '../model.js';
import { PlancmpError } from '../errors.js';
import { writeError, writeOutputSync } from '../write/atomic.js';
import type { SnapshotDiff } from './snapshot-diff.js';

export const SNAPSHOT_SCHEMA = 'plancmp.snapshot/1';

export interface SnapshotDeadline {
  text: string;
  kind: string;
  date: string | null;
}

export interface SnapshotTask {
  id: string;
  number: string;
  title: string;
  units: string[];
  deadlines: SnapshotDeadline[];
}

export interface SnapshotKeyRow {
  id: string;
  task: string;
  units: string[];
  deadline: SnapshotDeadline;
}

/** What a snapshot pins: no absolute paths, no line numbers, keys in a fixed order. */
export interface Snapshot {
  schema: typeof SNAPSHOT_SCHEMA;
  meta: Record<string, string>;
  mainPart: string | null;
  tasks: SnapshotTask[];
  keyList: SnapshotKeyRow[];
  /** Only with `--diff`: the file's diff against the base (see snapshot-diff.ts). */
  diff?: SnapshotDiff;
}

const deadline = (d: Deadline): SnapshotDeadline => ({ text: d.text, kind: d.kind, date: d.date ?? null });

export function projectNotice(n: Notice): Snapshot {
  const meta: Record<string, string> = {};
  for (const k of Object.keys(n.meta).sort() as (keyof Meta)[]) {
    const v = n.meta[k];
    if (v !== undefined) meta[k] = v;
  }
  return {
    schema: SNAPSHOT_SCHEMA,
    meta,
    mainPart: n.mainPart ?? null,
    tasks: n.tasks.map((t: Task) => ({ id: t.id, number: t.number, title: t.title, units: [...t.units], deadlines: t.deadlines.map(deadline) })),
    keyList: n.keyList.map((r: KeyListRow) => ({ id: r.id, task: r.task, units: [...r.units], deadline: deadline(r.deadline) })),
  };
}

export function serializeSnapshot(s: Snapshot): string {
  return JSON.stringify(s, null, 2) + '\n';
}

/** DIR/<basename>.parse.json */
export function snapshotPath(dir: string, file: string): string {
  return path.join(dir, `${path.basename(file)}.parse.json`);
}

/** The stored snapshot, or undefined when there is none yet. A file that is not a snapshot is an input error. */
export async function readSnapshot(file: string): Promise<Snapshot | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PlancmpError('read-failed', `cannot read the snapshot (${(e as NodeJS.ErrnoException).code ?? String(e)})`, file);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new PlancmpError('bad-snapshot', `is not valid JSON (${(e as Error).message})`, file, 'regenerate it with --update');
  }
  const s = data as Partial<Snapshot> | null;
  if (!s || s.schema !== SNAPSHOT_SCHEMA || !Array.isArray(s.tasks) || !Array.isArray(s.keyList) || typeof s.meta !== 'object') {
    throw new PlancmpError('bad-snapshot', `is not a ${SNAPSHOT_SCHEMA} snapshot`, file, 'regenerate it with --update');
  }
  return s as Snapshot;
}

/** Writes through a temporary file, fsync and a rename: a full disk or a kill never leaves half a snapshot. */
export async function writeSnapshot(file: string, s: Snapshot): Promise<void> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
  } catch (e) {
    throw writeError(e, file);
  }
  writeOutputSync(file, serializeSnapshot(s));
}

export interface Change {
  /** What moved: meta, mainPart, a task or a key-list row. */
  area: 'meta' | 'mainPart' | 'task' | 'keyList' | 'diff';
  /** The task or row id in the snapshot (or in the new parse for additions). */
  id?: string;
  message: string;
}

interface Aligned<T> {
  pairs: [T, T][];
  gone: T[];
  added: T[];
}

/**
 * Pairs old and new items so that deleting one task does not read as every later task changing:
 * first same id and same title, then same title (a renumbered task), then same id (a retitled task).
 */
export function align<T extends { id: string }>(before: T[], after: T[], title: (x: T) => string): Aligned<T> {
  const used = new Set<number>();
  const match = new Map<number, number>();
  const pass = (ok: (a: T, b: T) => boolean) => {
    before.forEach((a, i) => {
      if (match.has(i)) return;
      const j = after.findIndex((b, k) => !used.has(k) && ok(a, b));
      if (j >= 0) {
        match.set(i, j);
        used.add(j);
      }
    });
  };
  pass((a, b) => a.id === b.id && title(a) === title(b));
  pass((a, b) => title(a) === title(b));
  pass((a, b) => a.id === b.id);
  const pairs: [T, T][] = [];
  const gone: T[] = [];
  before.forEach((a, i) => {
    const j = match.get(i);
    if (j === undefined) gone.push(a);
    else pairs.push([a, after[j]]);
  });
  const added = after.filter((_, k) => !used.has(k));
  return { pairs, gone, added };
}

const showDeadline = (d: SnapshotDeadline): string => `${d.text} [${d.kind}${d.date ? ` ${d.date}` : ''}]`;
const sameDeadline = (a: SnapshotDeadline, b: SnapshotDeadline) => a.text === b.text && a.kind === b.kind && a.date === b.date;
/** `2018年底 → 2019年底` when the wording moved; with kind and date when only the reading did. */
function deadlinesChange(a: SnapshotDeadline[], b: SnapshotDeadline[]): string {
  const texts = (ds: SnapshotDeadline[]) => (ds.length ? ds.map((d) => d.text).join('；') : '(none)');
  if (texts(a) !== texts(b)) return `${texts(a)} → ${texts(b)}`;
  const full = (ds: SnapshotDeadline[]) => ds.map(showDeadline).join('；');
  return `${full(a)} → ${full(b)}`;
}
const showUnits = (us: string[]) => (us.length ? us.join('、') : '(none)');
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function unitsChange(a: string[], b: string[]): string {
  const gone = a.filter((u) => !b.includes(u));
  const added = b.filter((u) => !a.includes(u));
  const parts = [...gone.map((u) => `−${u}`), ...added.map((u) => `+${u}`)];
  return parts.length ? `${parts.join(' ')} (${showUnits(a)} → ${showUnits(b)})` : `order ${showUnits(a)} → ${showUnits(b)}`;
}

/** A one-line-per-change structural difference between a stored snapshot and a new parse. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Change[] {
  const out: Change[] = [];
  const keys = [...new Set([...Object.keys(before.meta), ...Object.keys(after.meta)])].sort();
  for (const k of keys) {
    const a = before.meta[k];
    const b = after.meta[k];
    if (a === b) continue;
    if (a === undefined) out.push({ area: 'meta', message: `meta.${k} added: ${b}` });
    else if (b === undefined) out.push({ area: 'meta', message: `meta.${k} removed (was ${a})` });
    else out.push({ area: 'meta', message: `meta.${k} changed: ${a} → ${b}` });
  }
  if (before.mainPart !== after.mainPart) out.push({ area: 'mainPart', message: `mainPart changed: ${before.mainPart ?? '(none)'} → ${after.mainPart ?? '(none)'}` });

  if (before.tasks.length !== after.tasks.length) out.push({ area: 'task', message: `task count changed: ${before.tasks.length} → ${after.tasks.length}` });
  const t = align(before.tasks, after.tasks, (x) => x.title);
  for (const x of t.gone) out.push({ area: 'task', id: x.id, message: `task ${x.id} vanished (${x.title})` });
  for (const [a, b] of t.pairs) {
    const label = `task ${a.id}`;
    if (a.id !== b.id) out.push({ area: 'task', id: a.id, message: `${label} is now ${b.id} (${a.title})` });
    if (a.number !== b.number) out.push({ area: 'task', id: a.id, message: `${label} number changed: ${a.number} → ${b.number}` });
    if (a.title !== b.title) out.push({ area: 'task', id: a.id, message: `${label} title changed: ${a.title} → ${b.title}` });
    if (!sameList(a.units, b.units)) out.push({ area: 'task', id: a.id, message: `${label} units changed: ${unitsChange(a.units, b.units)}` });
    const dl = a.deadlines.length === b.deadlines.length && a.deadlines.every((d, i) => sameDeadline(d, b.deadlines[i]));
    if (!dl) out.push({ area: 'task', id: a.id, message: `${label} deadline changed: ${deadlinesChange(a.deadlines, b.deadlines)}` });
  }
  for (const x of t.added) out.push({ area: 'task', id: x.id, message: `task ${x.id} appeared (${x.title})` });

  if (before.keyList.length !== after.keyList.length) out.push({ area: 'keyList', message: `key list row count changed: ${before.keyList.length} → ${after.keyList.length}` });
  const k = align(before.keyList, after.keyList, (x) => x.task);
  for (const x of k.gone) out.push({ area: 'keyList', id: x.id, message: `key list ${x.id} vanished (${x.task})` });
  for (const [a, b] of k.pairs) {
    const label = `key list ${a.id}`;
    if (a.id !== b.id) out.push({ area: 'keyList', id: a.id, message: `${label} is now ${b.id} (${a.task})` });
    if (a.task !== b.task) out.push({ area: 'keyList', id: a.id, message: `${label} task changed: ${a.task} → ${b.task}` });
    if (!sameList(a.units, b.units)) out.push({ area: 'keyList', id: a.id, message: `${label} units changed: ${unitsChange(a.units, b.units)}` });
    if (!sameDeadline(a.deadline, b.deadline)) out.push({ area: 'keyList', id: a.id, message: `${label} deadline changed: ${deadlinesChange([a.deadline], [b.deadline])}` });
  }
  for (const x of k.added) out.push({ area: 'keyList', id: x.id, message: `key list ${x.id} appeared (${x.task})` });
  return out;
}
