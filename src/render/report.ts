// What the text and Markdown diff reports show, derived once from a PlanDiff and the two Notices
// (titles live in the Notices; the diff only carries ids).
import type { Warning, Deadline, DeadlineChange, DeadlineChangeKind, DocRef, Link, LinkEvidence, NearestTask, Notice, PlanDiff, Task } from '../model.js';
import { mergedGroups, retitledLinks, rewordedLinks, splitGroups } from '../diff/groups.js';
import { adminLevel } from '../chain/names.js';
import { bodyEdits, type BodyEdit } from './chardiff.js';
import { LABELS, type Labels } from './labels.js';

const EN = LABELS.en;

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
  /**
   * Links of kind 'reworded' (summary.reworded counts them). `body`: when the two titles are the
   * same, what changed in the task text (a title → the same title says nothing).
   */
  reworded: { base: TaskRef; local: TaskRef; link: Link; body?: BodyEdit[] }[];
  /** 'same' links whose title changed (summary.retitled counts them). */
  retitled: { base: TaskRef; local: TaskRef; link: Link }[];
  /** 1:1 links of kind 'partial' (a local task carries a minor part of the base task): carried, so listed. */
  partial: { base: TaskRef; local: TaskRef; link: Link }[];
  /** Base tasks carried 1:1 with the same content and title: the rest of "carried", so the sections add up. */
  unchanged: TaskRef[];
  /** Dropped base tasks the (truncated) local copy ends before: they may only be missing. */
  notInCopy: number;
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
  const bText = new Map(base.tasks.map((t) => [t.id, t.text]));
  const lText = new Map(local.tasks.map((t) => [t.id, t.text]));
  const reworded = rewordedLinks(d.links).map((k) => {
    const p = pair(k);
    if (p.base.title.trim() !== p.local.title.trim()) return p;
    return { ...p, body: bodyEdits(bText.get(k.base) ?? '', lText.get(k.local) ?? '') };
  });
  const retitled = retitledLinks(d.links, bTitle, lTitle).map(pair);
  // every carried base task in exactly one section: merged, split, reworded, retitled, partial or unchanged
  const listed = new Set([...merged.flatMap((g) => g.bases.map((b) => b.id)), ...split.map((g) => g.base.id), ...reworded.map((w) => w.base.id), ...retitled.map((w) => w.base.id)]);
  const partial = d.links.filter((k) => k.kind === 'partial' && !listed.has(k.base)).map(pair);
  for (const p of partial) listed.add(p.base.id);
  const linkedBase = new Set(d.links.map((k) => k.base));
  const unchanged = base.tasks.filter((t) => linkedBase.has(t.id) && !listed.has(t.id)).map((t) => bRef(t.id));

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
    partial,
    unchanged,
    notInCopy: d.dropped.filter((t) => t.afterTruncation).length,
    deadlineGroups,
    deadlinesChanged: changed.length,
    deadlinesCompared: d.deadlineChanges.length,
    notRestated: d.deadlineChanges.filter((c) => c.notRestated),
  };
}

/** The one-line summary both reports open with. */
export function summaryLine(d: PlanDiff, r: DiffReport, L: Labels = EN): string {
  const s = d.summary;
  const k = L.count;
  const quiet = r.notRestated.length ? ` · ${k.notRestated} ${r.notRestated.length}` : '';
  const deadlines = `${L.deadlinesHead(r.deadlinesChanged, r.deadlinesCompared)}${quiet}`;
  if (!d.family.sameFamily) {
    return `${L.overlapWith(r.carried, r.baseTasks, r.percent)} · ${k.onlyBase} ${s.dropped} · ${k.onlyLocal} ${s.added} · ${deadlines}`;
  }
  // a truncated copy's missing tasks are not dropped: count them apart
  const cut = r.notInCopy ? ` · ${k.notInCopy} ${r.notInCopy}` : '';
  const partial = r.partial.length ? ` · ${k.partial} ${r.partial.length}` : '';
  return `${L.carried(r.carried, r.baseTasks, r.percent)} · ${k.dropped} ${s.dropped - r.notInCopy}${cut} · ${k.added} ${s.added} · ${k.merged} ${s.merged} · ${k.split} ${s.split} · ${k.reworded} ${s.reworded} · ${k.retitled} ${s.retitled}${partial} · ${deadlines}`;
}

/**
 * Where the local plan stands to the base, as a mark: ✓ cites it, ✗ neither cites nor is named after
 * it, and a neutral ~ for "does not cite it but is named after it" (a ✓ there read as a contradiction).
 */
export function parentageMark(d: PlanDiff): '✓' | '~' | '✗' | '=' {
  if (d.parentage.sameDocument) return '=';
  return d.parentage.citesBase ? '✓' : d.parentage.namesBase ? '~' : '✗';
}

/** "6.1 推进…" with " (line 57)" when lines are asked for. */
export function refLabel(t: TaskRef, lines = false, L: Labels = EN): string {
  return `${t.id}${lines && t.line ? L.atLine(t.line) : ''} ${t.title}`;
}

/** "nearest: 5.3 加强行政复议机制创新, 0.31" — the best candidate that stayed below the thresholds. */
export function nearestLabel(n: NearestTask, lines = false, L: Labels = EN): string {
  return L.nearest(n.id, n.title, n.score.toFixed(2), lines ? n.line : undefined);
}

/** How the local plan relates to the base by citation, in one sentence. */
export function parentageLine(d: PlanDiff, L: Labels = EN): string {
  const p = d.parentage;
  const baseName = d.base.docNumber ?? d.base.title ?? L.baseNamed;
  if (p.sameDocument) return L.sameDocument(baseName);
  if (p.citesBase) return L.citesBy(p.by ?? 'docNumber', baseName);
  // named after the base's subject rather than its plan name: say which subject
  if (p.namesBase) return p.subject ? L.namedAfterSubject(baseName, p.subject) : L.namedAfter(baseName);
  return d.family.by ? L.noCiteBecause(baseName, d.family.by === 'content') : L.noCite(baseName);
}

/** What a link rests on, in one phrase: “法制审核目录清单” · 33% of base, 61% of local. */
export function evidenceLabel(e: LinkEvidence | undefined, lang = 'en'): string {
  if (!e) return '';
  const b = Math.round(e.baseShare * 100);
  const l = Math.round(e.localShare * 100);
  const shares = (lang === 'zh' ? LABELS.zh : LABELS.en).evidenceShares(b, l);
  return e.phrase ? `“${e.phrase}” · ${shares}` : shares;
}

/** A deadline with its normalized reading: 2018年9月底前 [by 2018-09-30]. */
export function deadlineLabel(dl: Deadline, L: Labels = EN): string {
  let norm: string = dl.kind;
  if (dl.kind === 'by' && dl.date) norm = L.deadlineNorm.by(dl.date);
  else if (dl.kind === 'range') norm = L.deadlineNorm.range(dl.start ?? '?', dl.end ?? dl.date ?? '?');
  else if (dl.kind === 'from' && dl.start) norm = L.deadlineNorm.from(dl.start);
  else if (dl.kind === 'recurring' && dl.frequency) norm = L.deadlineNorm.recurring(dl.frequency);
  else if (L !== EN) norm = '';
  return norm ? `${dl.text} [${norm}]` : dl.text;
}

/** A deadline entry's name in every report: a key-list row the local plan does not restate is no removal. */
export function changeName(c: DeadlineChange, L: Labels = EN): string {
  return c.notRestated ? L.notRestated : L.change[c.change];
}

/**
 * The base's level, from its issuer (国务院 → national, 浙江省人民政府 → provincial …), for phrases such
 * as "the provincial 重点任务清单"; 'base' when the issuer does not say.
 */
export function levelWord(n: Notice, L: Labels = EN): string {
  const level = adminLevel(n);
  return level === undefined ? L.levelUnknown : L.level[level];
}

export const COMPARED_LABEL: Record<DeadlineChange['compared'], string> = EN.compared;

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

/** Warnings of one code, in first-seen order: one line for the 25 tasks that name no unit, not 25. */
export interface WarningGroup {
  code: string;
  /** The first warning's line (0: about the whole document). */
  line: number;
  count: number;
  /** The first warning's message, with "and N more" and their lines when there are several. */
  message: string;
}

/** "19, 20, 21, … 47": the first few of many lines, and the last. */
export function someLines(lines: readonly number[], max = 6): string {
  return lines.length > max ? `${lines.slice(0, max).join(', ')}, … ${lines[lines.length - 1]}` : lines.join(', ');
}

export function groupWarnings(ws: readonly Pick<Warning, 'code' | 'line' | 'message'>[], L: Labels = EN): WarningGroup[] {
  const byCode = new Map<string, Pick<Warning, 'code' | 'line' | 'message'>[]>();
  for (const w of ws) {
    const list = byCode.get(w.code);
    if (list) list.push(w);
    else byCode.set(w.code, [w]);
  }
  return [...byCode].map(([code, list]) => {
    const rest = list.slice(1).map((w) => w.line).filter((l) => l > 0);
    const more = list.length > 1 ? L.warningMore(list.length - 1, rest.length ? someLines(rest) : '') : '';
    return { code, line: list[0].line, count: list.length, message: list[0].message + more };
  });
}
