// `export --tables DIR`: the records as relational tables, one row per entity and one value per cell,
// for pandas, R and DuckDB. Every table is declared here once — its columns with their types and
// the rows one record gives — and table-sink.ts writes each as CSV and Parquet from this list.
// Rows are built where the record is (the export worker), so the main thread only writes them.
//
// Keys: notices (file); tasks (file, list, task_id); owners (file, list, task_id, unit);
// deadlines (file, list, task_id, ordinal); every table taken from the diff (file, ordinal) — the
// entry's place in the diff's list — with the base and local task ids beside it. `file` is the
// input path as exported (export.input), `base_file` the plan the notice was diffed against.
import type { Deadline, KeyListRow, Notice, PlanDiff, Task } from '../model.js';
import type { RecordFacts } from './record.js';
import { adminLevel } from '../chain/names.js';

/** string, int (32-bit), double, bool, date (an ISO day; Parquet DATE). */
export type ColumnType = 'string' | 'int' | 'double' | 'bool' | 'date';
export type Cell = string | number | boolean | null;

export interface Column {
  name: string;
  type: ColumnType;
}

/** What one record holds: its input, the notice, the diff (if any) and the plan-level facts. */
export interface RecordView {
  file: string;
  notice: Notice;
  diff?: PlanDiff;
  facts: RecordFacts;
}

/** A body task or a key-list row, with the list it comes from. */
export type ListedTask = { list: 'body' | 'key-list'; id: string; t?: Task; row?: KeyListRow };

/** A record as the tables read it: the view, and its tasks listed once (three tables walk them). */
export interface TableInput extends RecordView {
  /** Body tasks then key-list rows. */
  tasks: ListedTask[];
}

export interface TableDef {
  name: string;
  columns: Column[];
  rows(r: TableInput): Cell[][];
}

/**
 * One record's rows of every table (TABLES order), packed for the move from the export worker to the
 * main thread (table-rows.ts makes them): a few flat arrays instead of one value per cell, all views of
 * one buffer. Structured cloning costs per value — cloning the rows cell by cell cost more than building
 * them — while the buffer is moved, not copied. TableSink unpacks them in this order.
 */
export interface TableRows {
  /** Rows per table. */
  counts: number[];
  /**
   * Every table's CSV lines (UTF-8), one table after another (`csvEnds[t]` is where table t's end),
   * then the bytes of the strings the CSV holds only quoted.
   */
  csv: Uint8Array;
  csvEnds: number[];
  /**
   * Per column of every table with rows (in order), the value all of its rows share (a string as its
   * place among the distinct strings), or undefined: `file` and `base_file` are the same in all of a
   * record's rows, and need not be sent per row.
   */
  same: (Cell | undefined)[];
  /** Where each of the record's distinct strings is in `csv` as UTF-8: string i is `csv[spans[2i]] … csv[spans[2i+1] - 1]`. */
  spans: Int32Array;
  /** Each distinct string's hashBytes (write/parquet-dictionary.ts), for the Parquet dictionaries. */
  hashes: Int32Array;
  /** The other string cells, column by column, as their place among the distinct strings (-1: null). */
  codes: Int32Array;
  /** The other number, boolean (1/0) and date (days since 1970-01-01, as Parquet stores it) cells, column by column; NaN: null. */
  nums: Float64Array;
}

const cols = (spec: string): Column[] =>
  spec
    .trim()
    .split(/\s+/)
    .map((c) => {
      const [name, type = 'string'] = c.split(':');
      return { name, type: type as ColumnType };
    });

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A date cell: an ISO day, or null (a month or a year alone is not a day). */
const day = (s: string | undefined): string | null => (s && ISO_DAY.test(s) ? s : null);
const str = (s: string | undefined | null): string | null => (s === undefined || s === null || s === '' ? null : s);

/** The record with its tasks listed: body tasks, then key-list rows. */
export function tableInput(r: RecordView): TableInput {
  const n = r.notice;
  const tasks: ListedTask[] = [];
  for (const t of n.tasks) tasks.push({ list: 'body', id: t.id, t });
  for (const row of n.keyList) tasks.push({ list: 'key-list', id: row.id, row });
  return { ...r, tasks };
}

const role = (u: string, lead: string[], assist: string[], guide: string[]) => (lead.includes(u) ? 'lead' : assist.includes(u) ? 'assist' : guide.includes(u) ? 'guide' : 'listed');

/** A task's owner row for `u` added to `out` (whose rows from `first` on are the task's) unless the task has it already. */
function addOwner(out: Cell[][], first: number, file: string, list: string, id: string, u: string, as: string): void {
  for (let i = first; i < out.length; i++) if (out[i][4] === u) return;
  out.push([file, list, id, out.length - first + 1, u, as]);
}

/** One row per (task, unit), added to `out`: the strongest role the task gives the unit; units a note implies come last. */
function ownerRows(out: Cell[][], file: string, list: string, id: string, units: string[], lead: string[], assist: string[], guide: string[], implied: string[]): void {
  const first = out.length;
  for (const xs of [lead, units, assist, guide]) for (const u of xs) addOwner(out, first, file, list, id, u, role(u, lead, assist, guide));
  for (const u of implied) addOwner(out, first, file, list, id, u, 'implied');
}

const deadlineRow = (file: string, list: string, id: string, k: number, d: Deadline): Cell[] => [file, list, id, k, d.text, d.kind, day(d.date), day(d.start), day(d.end), str(d.frequency)];

const baseOf = (r: RecordView) => r.diff?.base.file ?? null;

export const TABLES: readonly TableDef[] = [
  {
    name: 'notices',
    columns: cols(`file doc_number title issuer level:int date:date kind is_plan:bool task_count:int key_list_rows:int truncated:bool
      parent_status parent_file parent_doc_number parent_evidence cited_parent same_family:bool family_evidence coverage:double linked:int dropped:int added:int`),
    rows: ({ file, notice: n, facts: f }) => [
      [
        file,
        str(n.meta.docNumber),
        str(n.meta.title),
        str(n.meta.issuer),
        adminLevel(n) ?? null,
        day(n.meta.date),
        f.kind,
        f.isPlan,
        f.taskCount,
        f.keyListRows,
        f.truncated,
        f.parentStatus,
        f.parent?.file ?? null,
        f.parent?.docNumber ?? null,
        f.parent?.evidence ?? null,
        f.citedParent,
        f.sameFamily,
        f.familyEvidence,
        f.coverage,
        f.linked,
        f.dropped,
        f.added,
      ],
    ],
  },
  {
    name: 'tasks',
    columns: cols('file list task_id ordinal:int number project title text units_from unit_count:int deadline_count:int line:int'),
    rows: ({ file, tasks }) =>
      tasks.map(({ list, id, t, row }, i) =>
        t
          ? [file, list, id, i + 1, str(t.number), str(t.project), t.title, t.text, t.unitsFrom, t.units.length, t.deadlines.length, t.line]
          : [file, list, id, i + 1, str(row!.number), null, row!.task, row!.task, 'table', row!.units.length, 1, row!.line],
      ),
  },
  {
    name: 'owners',
    columns: cols('file list task_id ordinal:int unit role'),
    rows: ({ file, tasks }) => {
      const out: Cell[][] = [];
      for (const { list, id, t, row } of tasks) {
        if (t) ownerRows(out, file, list, id, t.units, t.lead, t.assist, t.guide, t.impliedUnits);
        else ownerRows(out, file, list, id, row!.units, row!.lead ?? [], row!.assist ?? [], [], []);
      }
      return out;
    },
  },
  {
    name: 'deadlines',
    columns: cols('file list task_id ordinal:int text kind date:date start:date end:date frequency'),
    rows: ({ file, tasks }) => {
      const out: Cell[][] = [];
      for (const { list, id, t, row } of tasks) {
        if (t) t.deadlines.forEach((d, k) => out.push(deadlineRow(file, list, id, k + 1, d)));
        else out.push(deadlineRow(file, list, id, 1, row!.deadline));
      }
      return out;
    },
  },
  {
    name: 'links',
    columns: cols('file ordinal:int base_file list base_task local_task kind score:double base_share:double local_share:double phrase manual:bool'),
    rows: (r) => {
      if (!r.diff) return [];
      const out: Cell[][] = [];
      const base = baseOf(r);
      for (const [list, links] of [
        ['body', r.diff.links],
        ['key-list', r.diff.keyListLinks],
      ] as const)
        for (const k of links)
          out.push([r.file, out.length + 1, base, list, k.base, k.local, k.kind, k.score, k.evidence?.baseShare ?? null, k.evidence?.localShare ?? null, str(k.evidence?.phrase), !!k.manual]);
      return out;
    },
  },
  {
    name: 'dropped',
    columns: cols('file ordinal:int base_file base_task title after_truncation:bool nearest_task nearest_score:double'),
    rows: (r) => (r.diff?.dropped ?? []).map((x, i) => [r.file, i + 1, baseOf(r), x.id, x.title, !!x.afterTruncation, x.nearest?.id ?? null, x.nearest?.score ?? null]),
  },
  {
    name: 'added',
    columns: cols('file ordinal:int base_file local_task title nearest_task nearest_score:double'),
    rows: (r) => (r.diff?.added ?? []).map((x, i) => [r.file, i + 1, baseOf(r), x.id, x.title, x.nearest?.id ?? null, x.nearest?.score ?? null]),
  },
  {
    name: 'deadline_changes',
    columns: cols('file ordinal:int base_file base_task local_task compared base_deadline local_deadline change not_restated:bool'),
    rows: (r) => (r.diff?.deadlineChanges ?? []).map((x, i) => [r.file, i + 1, baseOf(r), x.base, x.local, x.compared, x.baseDeadline, x.localDeadline, x.change, !!x.notRestated]),
  },
  {
    name: 'owner_changes',
    columns: cols('file ordinal:int base_file base_task local_task change basis detail'),
    rows: (r) => (r.diff?.ownerChanges ?? []).map((x, i) => [r.file, i + 1, baseOf(r), x.base, x.local, x.change, x.basis, x.detail]),
  },
  {
    name: 'target_changes',
    columns: cols('file ordinal:int base_file base_task local_task indicator base_target local_target change weaker:bool'),
    rows: (r) => (r.diff?.targetChanges ?? []).map((x, i) => [r.file, i + 1, baseOf(r), x.base, x.local, x.indicator, str(x.baseTarget), str(x.localTarget), x.change, !!x.weaker]),
  },
  {
    name: 'strength_changes',
    columns: cols('file ordinal:int base_file base_task local_task base_clause local_clause base_word local_word change'),
    rows: (r) => (r.diff?.strengthChanges ?? []).map((x, i) => [r.file, i + 1, baseOf(r), x.base, x.local, x.baseClause, x.localClause, x.baseWord, x.localWord, x.change]),
  },
];

/** The header line of a table's CSV. */
export const csvHeader = (t: TableDef): string => t.columns.map((c) => c.name).join(',') + '\n';
