// What the text and Markdown diff reports show, derived once from a PlanDiff and the two Notices
// (titles live in the Notices; the diff only carries ids).
import type { Deadline, DeadlineChange, DeadlineChangeKind, DocRef, Link, NearestTask, Notice, PlanDiff, Task } from '../model.js';
import { mergedGroups, retitledLinks, rewordedLinks, splitGroups } from '../diff/groups.js';

export interface TaskRef {
  id: string;
  title: string;
  manual?: boolean;
  /** Source line in its own plan. */
  line?: number;
}

/** A dropped or added task, with the other plan's best candidate when one scored at all. */
export interface UnlinkedRef extends TaskRef {
  nearest?: NearestTask;
}

export interface DiffReport {
  carried: number;
  baseTasks: number;
  percent: number;
  dropped: UnlinkedRef[];
  added: UnlinkedRef[];
  /** A local task carrying two or more base tasks. */
  merged: { local: TaskRef; bases: TaskRef[] }[];
  /** A base task carried by two or more local tasks. */
  split: { base: TaskRef; locals: TaskRef[] }[];
  /** Links of kind 'reworded' (summary.reworded counts them). */
  reworded: { base: TaskRef; local: TaskRef; link: Link }[];
  /** 'same' links whose title changed (summary.retitled counts them). */
  retitled: { base: TaskRef; local: TaskRef; link: Link }[];
  /** Deadline changes other than 'same', grouped by kind in reading order. */
  deadlineGroups: { change: DeadlineChangeKind; items: DeadlineChange[] }[];
  deadlinesChanged: number;
  deadlinesCompared: number;
  /** Base key-list rows a local plan without a key list does not restate: a quieter count, apart from changes. */
  notRestated: DeadlineChange[];
}

export const CHANGE_ORDER: DeadlineChangeKind[] = ['earlier', 'later', 'changed', 'removed', 'added'];

export function docLabel(ref: DocRef): string {
  const parts = [ref.docNumber, ref.title].filter((s): s is string => !!s);
  return parts.length ? parts.join('  ') : ref.file;
}

export function titleLookup(n: Notice, extra: { id: string; title: string }[] = []): (id: string) => string {
  const m = new Map<string, string>(extra.map((t) => [t.id, t.title]));
  for (const t of n.tasks) m.set(t.id, t.title);
  return (id) => m.get(id) ?? '';
}

export function taskMap(n: Notice): Map<string, Task> {
  return new Map(n.tasks.map((t) => [t.id, t]));
}

/** Ids in first-seen order, grouped by a key. */
function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

export function buildReport(d: PlanDiff, base: Notice, local: Notice): DiffReport {
  const bTitle = titleLookup(base, d.dropped);
  const lTitle = titleLookup(local, d.added);
  const bLine = new Map(base.tasks.map((t) => [t.id, t.line]));
  const lLine = new Map(local.tasks.map((t) => [t.id, t.line]));
  const ref = (id: string, title: string, line: number | undefined, manual?: boolean): TaskRef => ({ id, title, ...(manual ? { manual } : {}), ...(line ? { line } : {}) });
  const bRef = (id: string, manual?: boolean): TaskRef => ref(id, bTitle(id), bLine.get(id), manual);
  const lRef = (id: string, manual?: boolean): TaskRef => ref(id, lTitle(id), lLine.get(id), manual);

  // the groups summary counts (src/diff/groups.ts), so every section matches the headline
  const merged = mergedGroups(d.links).map((g) => ({ local: lRef(g.local), bases: g.links.map((k) => bRef(k.base, k.manual)) }));
  const split = splitGroups(d.links).map((g) => ({ base: bRef(g.base), locals: g.links.map((k) => lRef(k.local, k.manual)) }));
  const pair = (k: Link) => ({ base: bRef(k.base, k.manual), local: lRef(k.local, k.manual), link: k });
  const reworded = rewordedLinks(d.links).map(pair);
  const retitled = retitledLinks(d.links, bTitle, lTitle).map(pair);

  const changed = d.deadlineChanges.filter((c) => c.change !== 'same' && !c.notRestated);
  const deadlineGroups = CHANGE_ORDER.map((change) => ({ change, items: changed.filter((c) => c.change === change) })).filter(
    (g) => g.items.length > 0,
  );
  const { linked, baseTasks } = d.summary;
  return {
    carried: linked,
    baseTasks,
    percent: baseTasks ? Math.round((linked / baseTasks) * 100) : 0,
    dropped: d.dropped.map((t) => ({ ...ref(t.id, t.title || bTitle(t.id), t.line ?? bLine.get(t.id)), ...(t.nearest ? { nearest: t.nearest } : {}) })),
    added: d.added.map((t) => ({ ...ref(t.id, t.title || lTitle(t.id), t.line ?? lLine.get(t.id)), ...(t.nearest ? { nearest: t.nearest } : {}) })),
    merged,
    split,
    reworded,
    retitled,
    deadlineGroups,
    deadlinesChanged: changed.length,
    deadlinesCompared: d.deadlineChanges.length,
    notRestated: d.deadlineChanges.filter((c) => c.notRestated),
  };
}

/** The one-line summary both reports open with. */
export function summaryLine(d: PlanDiff, r: DiffReport): string {
  const s = d.summary;
  const quiet = r.notRestated.length ? ` · key-list rows not restated ${r.notRestated.length}` : '';
  const deadlines = `deadline changes ${r.deadlinesChanged} (of ${r.deadlinesCompared} compared)${quiet}`;
  if (!d.family.sameFamily) {
    return `thematic overlap with ${r.carried}/${r.baseTasks} base tasks (${r.percent}%) · only in base ${s.dropped} · only in local ${s.added} · ${deadlines}`;
  }
  const cut = d.dropped.filter((t) => t.afterTruncation).length;
  const dropped = cut ? `${s.dropped} (${cut} of them after the truncation)` : `${s.dropped}`;
  return `carried ${r.carried}/${r.baseTasks} base tasks (${r.percent}%) · dropped ${dropped} · added ${s.added} · merged ${s.merged} · split ${s.split} · reworded ${s.reworded} · retitled ${s.retitled} · ${deadlines}`;
}

/**
 * Where the local plan stands to the base, as a mark: ✓ cites it, ✗ neither cites nor is named after
 * it, and a neutral ~ for "does not cite it but is named after it" (a ✓ there read as a contradiction).
 */
export function parentageMark(d: PlanDiff): '✓' | '~' | '✗' {
  return d.parentage.citesBase ? '✓' : d.parentage.namesBase ? '~' : '✗';
}

/** "6.1 推进…" with " (line 57)" when lines are asked for. */
export function refLabel(t: TaskRef, lines = false): string {
  return `${t.id}${lines && t.line ? ` (line ${t.line})` : ''} ${t.title}`;
}

/** "nearest: 5.3 加强行政复议机制创新, 0.31" — the best candidate that stayed below the thresholds. */
export function nearestLabel(n: NearestTask, lines = false): string {
  return `nearest: ${n.id}${lines ? ` (line ${n.line})` : ''} ${n.title}, ${n.score.toFixed(2)}`;
}

/** How the local plan relates to the base by citation, in one sentence. */
export function parentageLine(d: PlanDiff): string {
  const p = d.parentage;
  const baseName = d.base.docNumber ?? d.base.title ?? 'the base plan';
  if (p.citesBase) return `cites the base by ${p.by === 'title' ? '标题' : '文号'} (${baseName})`;
  if (p.namesBase) return `does not cite the base (${baseName}) but is named after it`;
  return `does not cite the base (${baseName})`;
}

/** A deadline with its normalized reading: 2018年9月底前 [by 2018-09-30]. */
export function deadlineLabel(dl: Deadline): string {
  let norm: string = dl.kind;
  if (dl.kind === 'by' && dl.date) norm = `by ${dl.date}`;
  else if (dl.kind === 'range') norm = `range ${dl.start ?? '?'}–${dl.end ?? dl.date ?? '?'}`;
  else if (dl.kind === 'from' && dl.start) norm = `from ${dl.start}`;
  else if (dl.kind === 'recurring' && dl.frequency) norm = `recurring ${dl.frequency}`;
  return `${dl.text} [${norm}]`;
}

export const COMPARED_LABEL: Record<DeadlineChange['compared'], string> = {
  body: 'body',
  keyList: 'key list',
  keyListVsBody: 'key list vs body',
};

/** Lines of the parse outline's meta block, label first. */
export function metaRows(n: Notice): [string, string][] {
  const m = n.meta;
  const rows: [string, string | undefined][] = [
    ['发文机关', m.issuer],
    ['文号', m.docNumber],
    ['标题', m.title],
    ['方案', m.planTitle],
    ['文种', n.taskShape?.kind],
    ['成文日期', m.date],
    ['主送', m.recipients],
    ['抄送', m.copyTo],
    ['印发', [m.printedBy, m.printedDate].filter(Boolean).join(' ') || undefined],
  ];
  return rows.filter((r): r is [string, string] => !!r[1]);
}

/** Tasks grouped under their project heading, in document order (keyed by the P of "P.K"). */
export function tasksByProject(n: Notice): { heading: string; tasks: Task[] }[] {
  return [...groupBy(n.tasks, (t) => t.id.split('.')[0])].map(([, tasks]) => ({
    heading: `${tasks[0].projectNumber ? `${tasks[0].projectNumber}、` : ''}${tasks[0].project}`,
    tasks,
  }));
}

/** "[6]" when a task's written number differs from its ordinal K in "P.K". */
export function writtenNumber(t: { id: string; number: string }): string {
  const k = t.id.split('.').pop();
  return t.number && t.number !== k ? `[${t.number}]` : '';
}
