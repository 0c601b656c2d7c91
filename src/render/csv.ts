// CSV for spreadsheets: UTF-8 with a BOM (so Excel does not read the Chinese as ANSI), CRLF rows,
// RFC 4180 quoting, and formula-injection guarding (a cell such as "=HYPERLINK(…)" from a scraped
// document must not run as a formula when an analyst opens the file).
import type { Notice, PlanDiff } from '../model.js';
import { rowTasks } from '../diff/keylist.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// OWASP's list: = + - @, and tab / CR, which some spreadsheet programs strip before evaluating
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  let v = value;
  if (FORMULA_START.test(v) && !NUMBER.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: string[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

/** One row per base task, in base order: what became of it in the local plan. */
export function renderDiffCsv(d: PlanDiff, base: Notice, local: Notice): string {
  const lTask = new Map(local.tasks.map((t) => [t.id, t]));
  const dropped = new Set(d.dropped.map((t) => t.id));
  // key-list comparisons name a base key-list row (L18): attribute them to the task the row details
  const rowOwner = rowTasks(base.keyList, base.tasks);
  const ownerOf = (id: string) => rowOwner.get(id)?.id ?? id;
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
      links.map((k) => k.local).join(';'),
      links.map((k) => k.kind + (k.manual ? '(manual)' : '')).join(';'),
      best ? String(best.score) : '',
      t.units.join('、'),
      bestLocal ? bestLocal.units.join('、') : '',
      t.deadlines.map((x) => x.text).join('；'),
      bestLocal ? bestLocal.deadlines.map((x) => x.text).join('；') : '',
      changes.join(';'),
      (d.ownerChanges ?? [])
        .filter((o) => o.base === t.id && o.change !== 'mapped')
        .map((o) => `${o.local}:${o.change}`)
        .join(';'),
    ];
  });
  return toCsv([header, ...rows]);
}

/** One row per parsed task. */
export function renderParseCsv(n: Notice): string {
  const header = ['id', 'number', 'project', 'title', 'units', 'lead', 'assist', 'guide', 'deadlines', 'line'];
  const rows = n.tasks.map((t) => [
    t.id,
    t.number,
    t.project,
    t.title,
    t.units.join('、'),
    t.lead.join('、'),
    t.assist.join('、'),
    (t.guide ?? []).join('、'),
    t.deadlines.map((x) => x.text).join('；'),
    String(t.line),
  ]);
  return toCsv([header, ...rows]);
}
