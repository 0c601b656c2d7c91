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

/**
 * DIR/<the input's path>.parse.json: the snapshot tree mirrors the inputs, so a/plan.txt and
 * b/plan.txt have a snapshot each. A path inside the current directory is taken relative to it (the
 * same snapshot whether the file was named, found in a folder or matched by a pattern); one outside it
 * from the root of its file system (/tmp/x/a.txt → DIR/tmp/x/a.txt). `.` and `..` are dropped, so
 * nothing is written outside DIR.
 */
export function snapshotPath(dir: string, file: string, cwd = process.cwd()): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  const parts = (inside ? rel : abs).split(/[\\/]+/).filter((p) => p && p !== '.' && p !== '..' && !/^[A-Za-z]:$/.test(p));
  return path.join(dir, ...parts.slice(0, -1), `${parts[parts.length - 1] ?? 'stdin'}.parse.json`);
}

/** DIR/<basename>.parse.json, where snapshots were kept before they mirrored the input paths. */
export function legacySnapshotPath(dir: string, file: string): string {
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
  /**
   * What the change is about, so changes to one task make one finding: `task 4.4` (its id in the
   * current parse; a vanished task keeps its old id), `key list L3`, `meta`, `diff`.
   */
  subject?: string;
  /** The line of that task or row in the current file (a vanished one: where it was, the line of the task now in its place). */
  line?: number;
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

/** Where the current parse has each task and key-list row (lines are not stored in snapshots). */
export interface SnapshotLines {
  tasks: Map<string, number>;
  keyList: Map<string, number>;
}

export function linesOf(n: Notice): SnapshotLines {
  return { tasks: new Map(n.tasks.map((t) => [t.id, t.line])), keyList: new Map(n.keyList.map((r) => [r.id, r.line])) };
}

/** The subject of a task or row that vanished (its old id may now name another one). */
export const goneSubject = (subject: string) => `${subject} (vanished)`;

/** Old id → new id of every task and key-list row matched by content (a vanished one maps to nothing). */
export type IdMap = Map<string, string>;

/**
 * The pairs that kept their order: going through the old order, a pair whose new position comes
 * after the last kept one. Their id and number changes follow from tasks vanishing or appearing
 * before them (renumbering); a pair out of that order moved.
 */
function inOrder<T>(pairs: [T, T][], after: T[]): boolean[] {
  let last = -1;
  return pairs.map(([, b]) => {
    const k = after.indexOf(b);
    if (k > last) {
      last = k;
      return true;
    }
    return false;
  });
}

/** `3.3→3.2, 3.4→3.3` for a few, `3.3→3.2 … 3.9→3.8` for many. */
function renumbering(moves: [string, string][]): string {
  const show = ([a, b]: [string, string]) => `${a}→${b}`;
  return moves.length <= 3 ? moves.map(show).join(', ') : `${show(moves[0])} … ${show(moves[moves.length - 1])}`;
}

interface Items<T> {
  kind: 'task' | 'key list';
  area: 'task' | 'keyList';
  before: T[];
  after: T[];
  key: (x: T) => string;
  lines: Map<string, number>;
  /** The changes of one matched pair besides id and number. */
  compare: (a: T, b: T, label: string) => string[];
  /** The written number (tasks), which renumbering changes with the id. */
  number?: (x: T) => string;
  describe: (x: T) => string;
}

/**
 * Tasks (or key-list rows) matched by content, one change per task: deleting one task is one
 * `vanished` change carrying the renumbering of the tasks after it, not one change per later task.
 */
function diffItems<T extends { id: string }>(it: Items<T>, ids: IdMap): Change[] {
  const out: Change[] = [];
  const m = align(it.before, it.after, it.key);
  const ordered = inOrder(m.pairs, it.after);
  for (const [a, b] of m.pairs) ids.set(a.id, b.id);
  const subject = (id: string) => `${it.kind} ${id}`;
  const line = (id: string) => it.lines.get(id);
  // renumbered pairs, in order: shown once, with the vanished or appeared item that caused them
  const renumbered: [string, string][] = [];
  m.pairs.forEach(([a, b], i) => {
    const label = `${it.kind} ${a.id}`;
    const msgs: string[] = [];
    const numberMoved = it.number && it.number(a) !== it.number(b);
    if (ordered[i]) {
      if (a.id !== b.id || numberMoved) renumbered.push([a.id, b.id]);
    } else msgs.push(`${label} moved: now ${b.id}${numberMoved ? ` (number ${it.number!(a)} → ${it.number!(b)})` : ''} (${it.describe(a)})`);
    msgs.push(...it.compare(a, b, label));
    for (const message of msgs) out.push({ area: it.area, id: a.id, message, subject: subject(b.id), line: line(b.id) });
  });
  // a vanished item sits where the next surviving one now is
  const nextLine = (a: T) => {
    const i = it.before.indexOf(a);
    const next = m.pairs.find(([x]) => it.before.indexOf(x) > i);
    return next ? line(next[1].id) : undefined;
  };
  const causes: Change[] = [];
  for (const x of m.gone) causes.push({ area: it.area, id: x.id, message: `${it.kind} ${x.id} vanished (${it.describe(x)})`, subject: goneSubject(subject(x.id)), line: nextLine(x) });
  for (const x of m.added) causes.push({ area: it.area, id: x.id, message: `${it.kind} ${x.id} appeared (${it.describe(x)})`, subject: subject(x.id), line: line(x.id) });
  if (renumbered.length) {
    const note = `${renumbered.length} ${renumbered.length === 1 ? it.kind : it.kind === 'task' ? 'tasks' : 'key list rows'} renumbered: ${renumbering(renumbered)}`;
    // explained by what vanished or appeared: said once, with the first of them; else it is the change
    if (causes.length) causes[0] = { ...causes[0], message: `${causes[0].message}; ${note}` };
    else causes.push({ area: it.area, message: note, subject: `${it.kind} ${renumbered[0][1]}`, line: line(renumbered[0][1]) });
  }
  return [...causes, ...out];
}

/**
 * A one-line-per-change structural difference between a stored snapshot and a new parse. Tasks and
 * key-list rows are matched by content (title, then id), so `ids` learns each old id's new id (the
 * diff section is compared through it); `lines` puts each change on its line in the current file.
 */
export function diffSnapshots(before: Snapshot, after: Snapshot, lines: SnapshotLines = { tasks: new Map(), keyList: new Map() }, ids: IdMap = new Map()): Change[] {
  const out: Change[] = [];
  const keys = [...new Set([...Object.keys(before.meta), ...Object.keys(after.meta)])].sort();
  const meta = (message: string): Change => ({ area: 'meta', message, subject: 'meta', line: 1 });
  for (const k of keys) {
    const a = before.meta[k];
    const b = after.meta[k];
    if (a === b) continue;
    if (a === undefined) out.push(meta(`meta.${k} added: ${b}`));
    else if (b === undefined) out.push(meta(`meta.${k} removed (was ${a})`));
    else out.push(meta(`meta.${k} changed: ${a} → ${b}`));
  }
  if (before.mainPart !== after.mainPart) out.push({ area: 'mainPart', message: `mainPart changed: ${before.mainPart ?? '(none)'} → ${after.mainPart ?? '(none)'}`, subject: 'meta', line: 1 });

  out.push(
    ...diffItems<SnapshotTask>(
      {
        kind: 'task',
        area: 'task',
        before: before.tasks,
        after: after.tasks,
        key: (x) => x.title,
        lines: lines.tasks,
        number: (x) => x.number,
        describe: (x) => x.title,
        compare: (a, b, label) => [
          ...(a.title !== b.title ? [`${label} title changed: ${a.title} → ${b.title}`] : []),
          ...(!sameList(a.units, b.units) ? [`${label} units changed: ${unitsChange(a.units, b.units)}`] : []),
          ...(a.deadlines.length === b.deadlines.length && a.deadlines.every((d, i) => sameDeadline(d, b.deadlines[i])) ? [] : [`${label} deadline changed: ${deadlinesChange(a.deadlines, b.deadlines)}`]),
        ],
      },
      ids,
    ),
  );
  // a row is matched by its task text, then by id
  out.push(
    ...diffItems<SnapshotKeyRow>(
      {
        kind: 'key list',
        area: 'keyList',
        before: before.keyList,
        after: after.keyList,
        key: (x) => x.task,
        lines: lines.keyList,
        describe: (x) => x.task,
        compare: (a, b, label) => [
          ...(a.task !== b.task ? [`${label} task changed: ${a.task} → ${b.task}`] : []),
          ...(!sameList(a.units, b.units) ? [`${label} units changed: ${unitsChange(a.units, b.units)}`] : []),
          ...(!sameDeadline(a.deadline, b.deadline) ? [`${label} deadline changed: ${deadlinesChange([a.deadline], [b.deadline])}`] : []),
        ],
      },
      ids,
    ),
  );
  return out;
}
