// CSV for spreadsheets and data frames: CRLF rows, RFC 4180 quoting, one list separator (`;`) inside
// cells in every CSV, and formula-injection guarding (a cell such as "=HYPERLINK(…)" from a scraped
// document must not run as a formula when an analyst opens the file). The renderers return no BOM:
// whoever writes the bytes decides (withBom), because Excel needs one and pandas/R/DuckDB on a pipe
// are better without.
import type { Notice, PlanDiff } from '../model.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// OWASP's list: = + - @, and tab / CR, which some spreadsheet programs strip before evaluating
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  let v = value;
  if (FORMULA_START.test(v) && !NUMBER.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The one separator for lists inside a cell (units, local ids, deadlines) in every CSV. */
export const LIST_SEP = ';';
export const list = (xs: readonly string[]): string => xs.join(LIST_SEP);

export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

/** UTF-8 BOM in front, so Excel does not read the Chinese as ANSI (once, however often it is called). */
export function withBom(csv: string): string {
  return csv.startsWith('\uFEFF') ? csv : '\uFEFF' + csv;
}

/** One row per base task, in base order: what became of it in the local plan. */
export function renderDiffCsv(d: PlanDiff, base: Notice, local: Notice): string {
  const lTask = new Map(local.tasks.map((t) => [t.id, t]));
  const dropped = new Set(d.dropped.map((t) => t.id));
  // key-list comparisons name a base key-list row (L18): attribute them to the task the row details
  const rowOwner = new Map(base.keyList.map((r) => [r.id, r.bodyTask]));
  const ownerOf = (id: string) => rowOwner.get(id) ?? id;
  const header = [
    'base_id',
    'base_title',
    'status',
    'local_ids',
    'kinds',
    'best_score',
    'base_units',
    'local_units',
    'base_deadlines',
    'local_deadlines',
    'deadline_changes',
    'owner_changes',
  ];
  const rows = base.tasks.map((t) => {
    const links = d.links.filter((k) => k.base === t.id);
    const best = links.reduce<(typeof links)[number] | undefined>((a, k) => (!a || k.score > a.score ? k : a), undefined);
    const bestLocal = best && lTask.get(best.local);
    const changes = d.deadlineChanges
      .filter((x) => ownerOf(x.base) === t.id)
      .map((x) => `${x.compared === 'body' ? x.local : `${x.base}/${x.local}`}:${x.change}`);
    return [
      t.id,
      t.title,
      dropped.has(t.id) || links.length === 0 ? 'dropped' : 'carried',
      list(links.map((k) => k.local)),
      list(links.map((k) => k.kind + (k.manual ? '(manual)' : ''))),
      best ? String(best.score) : '',
      list(t.units),
      bestLocal ? list(bestLocal.units) : '',
      list(t.deadlines.map((x) => x.text)),
      bestLocal ? list(bestLocal.deadlines.map((x) => x.text)) : '',
      list(changes),
      list((d.ownerChanges ?? []).filter((o) => o.base === t.id && o.change !== 'mapped').map((o) => `${o.local}:${o.change}`)),
    ];
  });
  return toCsv([header, ...rows]);
}

/**
 * One row per parsed task, one header for any number of notices; `file` and `docNumber` say which
 * notice a row came from, so the rows of many files stack into one table.
 */
export function renderParseCsv(notices: Notice | readonly Notice[]): string {
  const header = ['file', 'docNumber', 'id', 'number', 'project', 'title', 'units', 'lead', 'assist', 'guide', 'deadlines', 'line'];
  const rows = ([] as Notice[]).concat(notices).flatMap((n) =>
    n.tasks.map((t) => [
      n.source.file,
      n.meta.docNumber ?? '',
      t.id,
      t.number,
      t.project,
      t.title,
      list(t.units),
      list(t.lead),
      list(t.assist),
      list(t.guide ?? []),
      list(t.deadlines.map((x) => x.text)),
      String(t.line),
    ]),
  );
  return toCsv([header, ...rows]);
}
