// CSV for spreadsheets and data frames: CRLF rows, RFC 4180 quoting, one list separator (`;`) inside
// cells in every CSV, and formula-injection guarding (a cell such as "=HYPERLINK(…)" from a scraped
// document must not run as a formula when an analyst opens the file). The renderers return no BOM:
// whoever writes the bytes decides (withBom), because Excel needs one and pandas/R/DuckDB on a pipe
// are better without.
import type { Notice, PlanDiff } from '../model.js';
import { labelsFor, type Lang } from './labels.js';
import { changeCell } from './owners.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// OWASP's list: = + - @, and tab / CR, which some spreadsheet programs strip before evaluating
const FORMULA_START = /^[=+\-@\t\r]/;

// Text Excel and WPS would turn into something else on opening: dates from fractions and ranges
// (3/3 → 3月3日, 1-2 → 1月2日, 2018-04-28), numbers that lose digits (long digit strings in
// scientific form, leading zeros, 1.10 → 1.1) and exponents (1E5).
export const COERCED: readonly RegExp[] = [
  /^\d{1,4}\s*[/-]\s*\d{1,2}(\s*[/-]\s*\d{1,4})?$/,
  /^\d{1,2}\s*[/-]\s*[A-Za-z]{3}/,
  /^\d{12,}$/,
  /^0\d+(\.\d+)?$/,
  /^\d+\.\d*0$/,
  /^\d+(\.\d+)?[eE][+-]?\d+$/,
];

/** Whether a spreadsheet would read the cell as a date or a number other than its text. */
export function coercible(v: string): boolean {
  return COERCED.some((re) => re.test(v));
}

export function csvCell(value: string): string {
  let v = value;
  if (FORMULA_START.test(v) && !NUMBER.test(v)) v = `'${v}`;
  // ="3/3": the one form both Excel and WPS open as the text itself
  else if (coercible(v)) v = `="${v}"`;
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
export function renderDiffCsv(d: PlanDiff, base: Notice, local: Notice, lang?: Lang): string {
  const lTask = new Map(local.tasks.map((t) => [t.id, t]));
  const dropped = new Set(d.dropped.map((t) => t.id));
  // key-list comparisons name a base key-list row (L18): attribute them to the task the row details
  const rowOwner = new Map(base.keyList.map((r) => [r.id, r.bodyTask]));
  const ownerOf = (id: string) => rowOwner.get(id) ?? id;
  const header = [...labelsFor(lang).csv.diff];
  const rows = base.tasks.map((t) => {
    const links = d.links.filter((k) => k.base === t.id);
    const best = links.reduce<(typeof links)[number] | undefined>((a, k) => (!a || k.score > a.score ? k : a), undefined);
    const bestLocal = best && lTask.get(best.local);
    const changes = d.deadlineChanges
      .filter((x) => ownerOf(x.base) === t.id)
      .map((x) => `${x.compared === 'body' ? x.local : `${x.base}/${x.local}`}:${x.notRestated ? 'not-restated' : x.change}`);
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
      // 2.1:owner-added 市府办、功能区管委会 — the units that moved; (inferred) where the base's owners were read from its text
      list((d.ownerChanges ?? []).filter((o) => o.base === t.id && o.change !== 'mapped').map(changeCell)),
      list((d.targetChanges ?? []).filter((x) => x.base === t.id).map((x) => `${x.local}:${x.change}`)),
      list((d.strengthChanges ?? []).filter((x) => x.base === t.id).map((x) => `${x.local}:${x.change}`)),
    ];
  });
  return toCsv([header, ...rows]);
}

/**
 * One row per parsed task, one header for any number of notices; `file` and `docNumber` say which
 * notice a row came from, so the rows of many files stack into one table.
 */
export function renderParseCsv(notices: Notice | readonly Notice[], lang?: Lang): string {
  const header = [...labelsFor(lang).parse.csv];
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
