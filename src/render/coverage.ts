// The coverage view across many local plans, computed once for the HTML report and the CSV:
// provincial tasks × local plans (what became of each task), and key-list rows × local plans (what
// became of each 时间要求). Cells only read the PlanDiff; titles and units come from the Notices.
import type { DeadlineChange, DeadlineChangeKind, KeyListRow, Link, LinkKind, Notice, PlanDiff, Task } from '../model.js';
import { list, toCsv } from './csv.js';
import { tasksByProject } from './report.js';
import { labelsFor, type Lang } from './labels.js';

export interface PlanInput {
  notice: Notice;
  diff: PlanDiff;
  /** The decoded source text, when the HTML report should show it (tasks link to their lines). */
  sourceText?: string;
}

export type CoverageStatus = LinkKind | 'dropped';
export type DeadlineStatus = DeadlineChangeKind | 'none';

export const COVERAGE_STATUSES: CoverageStatus[] = ['same', 'reworded', 'merged', 'split', 'partial', 'dropped'];
export const DEADLINE_STATUSES: DeadlineStatus[] = ['same', 'earlier', 'later', 'changed', 'removed', 'added', 'none'];

export interface PlanColumn {
  /** 1-based position on the command line. */
  index: number;
  /** Fragment id of the plan's page: plan-1, plan-2 … */
  anchor: string;
  /** Short, unique column label: the place name from the issuer (舟山市), else 文号, else the file name. */
  label: string;
  docNumber?: string;
  issuer?: string;
  title?: string;
  date?: string;
  file: string;
  sameFamily: boolean;
  /** The local copy ends inside its task list: its missing tasks are not dropped ones. */
  truncated: boolean;
}

export interface CoverageCell {
  status: CoverageStatus;
  /** Local task ids carrying the base task, in local order. */
  locals: string[];
  links: Link[];
  /** A dropped task that the (truncated) local copy ends before: it may only be missing. */
  cut?: boolean;
}

export interface CoverageRow {
  task: Task;
  cells: CoverageCell[];
  /** Same-family plans that carry the task in any way. */
  carriedBy: number;
}

export interface DeadlineCell {
  status: DeadlineStatus;
  changes: DeadlineChange[];
}

export interface DeadlineRow {
  row: KeyListRow;
  /** The base body task the key-list row details, if one was found. */
  owner?: Task;
  cells: DeadlineCell[];
}

export interface Coverage {
  base: Notice;
  plans: PlanColumn[];
  groups: { heading: string; rows: CoverageRow[] }[];
  deadlines: DeadlineRow[];
  /** Number of same-family plans (the denominator of carriedBy). */
  sameFamilyPlans: number;
}

/** 舟山市人民政府办公室 → 舟山市; 新昌县人民政府 → 新昌县. */
export function placeName(issuer: string | undefined): string | undefined {
  if (!issuer) return undefined;
  const m = /^(.{2,12}?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区))(?:人民政府|政府|人大|办公室|委员会|$)/.exec(issuer);
  return m ? m[1] : issuer;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export function planColumns(plans: PlanInput[]): PlanColumn[] {
  const cols = plans.map((p, k) => {
    const m = p.notice.meta;
    return {
      index: k + 1,
      anchor: `plan-${k + 1}`,
      label: placeName(m.issuer) ?? m.docNumber ?? baseName(p.notice.source.file),
      docNumber: m.docNumber,
      issuer: m.issuer,
      title: m.title,
      date: m.date,
      file: p.notice.source.file,
      sameFamily: p.diff.family.sameFamily,
      truncated: !!p.notice.truncated,
    };
  });
  // two plans from the same place (a city's 2018 and 2019 plans): tell them apart
  const seen = new Map<string, number>();
  for (const c of cols) seen.set(c.label, (seen.get(c.label) ?? 0) + 1);
  for (const c of cols) if ((seen.get(c.label) ?? 0) > 1) c.label = `${c.label} ${c.docNumber ?? baseName(c.file)}`;
  return cols;
}

function localOrder(n: Notice): (a: string, b: string) => number {
  const pos = new Map(n.tasks.map((t, k) => [t.id, k]));
  return (a, b) => (pos.get(a) ?? 1e9) - (pos.get(b) ?? 1e9) || a.localeCompare(b);
}

/** What became of one base task in one plan. */
export function coverageCell(taskId: string, d: PlanDiff, local: Notice): CoverageCell {
  const links = d.links.filter((k) => k.base === taskId);
  if (links.length === 0) return { status: 'dropped', locals: [], links, cut: d.dropped.some((x) => x.id === taskId && x.afterTruncation) };
  const locals = [...new Set(links.map((k) => k.local))].sort(localOrder(local));
  const best = links.reduce((a, k) => (k.score > a.score ? k : a));
  const status: CoverageStatus = locals.length > 1 && links.some((k) => k.kind === 'split') ? 'split' : best.kind;
  return { status, locals, links };
}

const DEADLINE_PRIORITY: DeadlineChangeKind[] = ['changed', 'later', 'earlier', 'removed', 'added', 'same'];

/** What became of one base key-list row's 时间要求 in one plan ('none': not compared). */
export function deadlineCell(rowId: string, d: PlanDiff): DeadlineCell {
  const changes = d.deadlineChanges.filter((c) => c.base === rowId);
  // a row a plan without a key list does not restate is no change the plan made: 'none', as uncarried
  const compared = changes.filter((c) => !c.notRestated);
  if (compared.length === 0) return { status: 'none', changes };
  const status = DEADLINE_PRIORITY.find((k) => compared.some((c) => c.change === k)) ?? 'changed';
  return { status, changes };
}

export function buildCoverage(base: Notice, plans: PlanInput[]): Coverage {
  const cols = planColumns(plans);
  const sameFamilyPlans = plans.filter((p) => p.diff.family.sameFamily).length;
  const groups = tasksByProject(base).map((g) => ({
    heading: g.heading,
    rows: g.tasks.map((task) => {
      const cells = plans.map((p) => coverageCell(task.id, p.diff, p.notice));
      const carriedBy = cells.filter((c, k) => c.status !== 'dropped' && plans[k].diff.family.sameFamily).length;
      return { task, cells, carriedBy };
    }),
  }));
  const taskById = new Map(base.tasks.map((t) => [t.id, t]));
  const deadlines = base.keyList.map((row) => ({
    row,
    owner: row.bodyTask ? taskById.get(row.bodyTask) : undefined,
    cells: plans.map((p) => deadlineCell(row.id, p.diff)),
  }));
  return { base, plans: cols, groups, deadlines, sameFamilyPlans };
}

/** Column names made unique (pandas and R mangle or drop repeated names): a repeat gets " (2)", " (3)"… */
export function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((n) => {
    let name = n;
    for (let k = 2; taken.has(name); k++) name = `${n} (${k})`;
    taken.add(name);
    return name;
  });
}

/** The plans' column names in both CSVs: the label, with the 文号 unless the label already is it. */
export function planColumnNames(c: Coverage, reserved: string[] = []): string[] {
  const names = uniqueNames([...reserved, ...c.plans.map((p) => (p.docNumber && !p.label.includes(p.docNumber) ? `${p.label} ${p.docNumber}` : p.label))]);
  return names.slice(reserved.length);
}

const cellStatus = (cell: CoverageCell): string => (cell.status === 'dropped' && cell.cut ? 'not-in-copy' : cell.status);

/** The coverage matrix as CSV: one row per base task, one column per plan; cells like "merged 2.1". */
export function renderCoverageCsv(c: Coverage, lang?: Lang): string {
  const fixed = [...labelsFor(lang).csv.coverage];
  const header = [...fixed, ...planColumnNames(c, fixed)];
  const rows = c.groups.flatMap((g) =>
    g.rows.map((r) => [
      r.task.id,
      g.heading,
      r.task.title,
      `${r.carriedBy}/${c.sameFamilyPlans}`,
      ...r.cells.map((cell) => (cell.locals.length ? `${cell.status} ${list(cell.locals)}` : cell.cut ? 'not in copy' : cell.status)),
    ]),
  );
  return toCsv([header, ...rows]);
}

/**
 * The same facts as a long ("tidy") table for pandas, R and DuckDB: one row per base task and plan.
 * `change` lists the deadline changes (other than same) of the task and its key-list rows, as
 * `kind base→local`.
 */
export function renderCoverageTidyCsv(c: Coverage, plans: PlanInput[], lang?: Lang): string {
  const names = planColumnNames(c);
  const owners = new Map(c.base.keyList.map((r) => [r.id, r.bodyTask]));
  const ownerOf = (id: string) => owners.get(id) ?? id;
  const header = [...labelsFor(lang).csv.tidy];
  const rows: string[][] = [];
  for (const g of c.groups) {
    for (const r of g.rows) {
      r.cells.forEach((cell, k) => {
        const col = c.plans[k];
        const best = cell.links.reduce<Link | undefined>((a, l) => (!a || l.score > a.score ? l : a), undefined);
        const changes = plans[k].diff.deadlineChanges.filter((x) => x.change !== 'same' && ownerOf(x.base) === r.task.id);
        // a key-list row a plan without a key list does not restate is "not-restated", not "removed"
        rows.push([
          r.task.id,
          g.heading,
          r.task.title,
          names[k],
          col.file,
          col.docNumber ?? '',
          cellStatus(cell),
          list(cell.locals),
          list([...new Set(cell.links.map((l) => l.kind))]),
          best ? String(best.score) : '',
          list(changes.map((x) => `${x.notRestated ? 'not-restated' : x.change} ${x.base}→${x.local}`)),
        ]);
      });
    }
  }
  return toCsv([header, ...rows]);
}
