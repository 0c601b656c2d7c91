// The workbook (`diff --format xlsx`, `report --xlsx FILE`): one sheet per section of the report —
// 概况, 删减, 新增, 合并与拆分, 时限变化, 责任单位变化, 指标变化, 约束力度变化, 对照表 — each with a frozen header row, filters,
// set column widths and wrapped task text; 对照表 puts the two plans' texts side by side. Sheets are
// built as plain rows here (tests read them without a spreadsheet) and streamed by exceljs's
// WorkbookWriter row by row, so a report over many plans does not sit in memory as a workbook.
import { PassThrough, type Writable } from 'node:stream';
import { createRequire } from 'node:module';
import type * as ExcelJSModule from 'exceljs';
import type { Notice, PlanDiff } from '../model.js';
import { planColumns, type PlanInput } from './coverage.js';
import { buildReport } from './report.js';
import { alignRows } from './html/plan-page.js';
import { labelsFor, type Lang } from './labels.js';
import { markWord } from './requirements.js';
import { groupKindLabel, groupOwnerChanges } from './owners.js';

export type Cell = string | number;

export interface SheetColumn {
  header: string;
  /** In characters (a CJK character counts about two). */
  width: number;
  /** Task text: wrapped in its cell. */
  wrap?: boolean;
}

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: Cell[][];
}

/** Every section of the report for these plans against one base, as sheets in the workbook's order. */
export function workbookSheets(base: Notice, plans: readonly PlanInput[], lang?: Lang): Sheet[] {
  const L = labelsFor(lang);
  const X = L.xlsx;
  const cols = planColumns([...plans]);
  const col = (header: string, width: number, wrap = false): SheetColumn => ({ header, width, ...(wrap ? { wrap } : {}) });
  const sheets = {
    overview: { name: X.sheets.overview, columns: X.overview.map((h, k) => col(h, k === 0 ? 16 : k <= 2 ? 22 : 10)), rows: [] as Cell[][] },
    dropped: { name: X.sheets.dropped, columns: [col(X.plan, 16), col(X.baseId, 9), col(X.baseTask, 40, true), col(X.line, 7), col(X.status, 12), col(X.nearest, 36, true), col(X.score, 8)], rows: [] as Cell[][] },
    added: { name: X.sheets.added, columns: [col(X.plan, 16), col(X.localId, 9), col(X.localTask, 40, true), col(X.line, 7), col(X.nearest, 36, true), col(X.score, 8)], rows: [] as Cell[][] },
    groups: { name: X.sheets.groups, columns: [col(X.plan, 16), col(X.kind, 8), col(X.baseId, 9), col(X.baseTask, 36, true), col(X.localId, 9), col(X.localTask, 36, true)], rows: [] as Cell[][] },
    deadlines: { name: X.sheets.deadlines, columns: [col(X.plan, 16), col(X.baseId, 9), col(X.localId, 9), col(X.baseDeadline, 30, true), col(X.localDeadline, 30, true), col(X.change, 10), col(X.compared, 10)], rows: [] as Cell[][] },
    ownerGroups: { name: X.sheets.ownerGroups, columns: [col(X.plan, 16), col(X.change, 16), col(X.owners, 40, true), col(X.tasks, 8), col(X.links, 36, true), col(X.basis, 14)], rows: [] as Cell[][] },
    owners: { name: X.sheets.owners, columns: [col(X.plan, 16), col(X.baseId, 9), col(X.localId, 9), col(X.change, 14), col(X.baseUnits, 30, true), col(X.localUnits, 30, true), col(X.detail, 36, true), col(X.basis, 14)], rows: [] as Cell[][] },
    targets: { name: X.sheets.targets, columns: [col(X.plan, 16), col(X.baseId, 9), col(X.localId, 9), col(L.req.targetCols[2], 30, true), col(L.req.targetCols[3], 24, true), col(L.req.targetCols[4], 24, true), col(X.change, 12), col(X.detail, 12)], rows: [] as Cell[][] },
    strength: { name: X.sheets.strength, columns: [col(X.plan, 16), col(X.baseId, 9), col(X.localId, 9), col(L.req.strengthCols[2], 40, true), col(L.req.strengthCols[3], 40, true), col(X.change, 14)], rows: [] as Cell[][] },
    sbs: { name: X.sheets.sbs, columns: [col(X.plan, 16), col(X.baseId, 9), col(X.baseText, 60, true), col(X.kind, 10), col(X.localId, 9), col(X.localText, 60, true)], rows: [] as Cell[][] },
  };
  plans.forEach((p, k) => {
    const d: PlanDiff = p.diff;
    const local = p.notice;
    const plan = cols[k].label;
    const r = buildReport(d, base, local);
    const s = d.summary;
    sheets.overview.rows.push([
      plan,
      d.local.docNumber ?? '',
      d.local.issuer ?? '',
      d.local.date ?? '',
      r.baseTasks,
      // a plan of another family carries nothing, a truncated copy's share is no coverage
      d.family.sameFamily && !local.truncated ? r.carried : '',
      d.family.sameFamily && !local.truncated ? r.percent / 100 : '',
      s.dropped - r.notInCopy,
      r.notInCopy,
      s.added,
      s.merged,
      s.split,
      s.reworded,
      s.retitled,
      r.partial.length,
      r.deadlinesChanged,
      r.deadlinesCompared,
      s.ownerChanges,
      d.family.sameFamily ? X.yes : X.no,
      d.parentage.citesBase ? X.yes : X.no,
    ]);
    for (const t of r.dropped) {
      const cut = d.dropped.some((x) => x.id === t.id && x.afterTruncation);
      sheets.dropped.rows.push([plan, t.id, t.title, t.line ?? '', cut ? L.count.notInCopy : d.family.sameFamily ? L.count.dropped : L.count.onlyBase, t.nearest ? `${t.nearest.id} ${t.nearest.title}` : '', t.nearest ? t.nearest.score : '']);
    }
    for (const t of r.added) sheets.added.rows.push([plan, t.id, t.title, t.line ?? '', t.nearest ? `${t.nearest.id} ${t.nearest.title}` : '', t.nearest ? t.nearest.score : '']);
    for (const g of r.merged) for (const b of g.bases) sheets.groups.rows.push([plan, L.kind.merged, b.id, b.title, g.local.id, g.local.title]);
    for (const g of r.split) for (const l of g.locals) sheets.groups.rows.push([plan, L.kind.split, g.base.id, g.base.title, l.id, l.title]);
    for (const c of d.deadlineChanges) {
      if (c.change === 'same') continue;
      sheets.deadlines.rows.push([plan, c.base, c.local, c.baseDeadline, c.localDeadline, c.notRestated ? L.notRestated : L.change[c.change], L.compared[c.compared]]);
    }
    // grouped as in the text report (one row per pattern, collectives last), then every changed link;
    // owners read from a task's sentences (no owner note) are marked inferred
    for (const g of groupOwnerChanges(d.ownerChanges ?? []))
      sheets.ownerGroups.rows.push([plan, groupKindLabel(g, L), g.units, g.links.length, g.links.join(', '), g.inferred ? X.bases.inferred : '']);
    const units = (named: string[], inferred: string[] | undefined) => named.join('、') || (inferred?.length ? `${inferred.join('、')} (${X.bases.inferred})` : '');
    for (const o of d.ownerChanges ?? []) {
      if (o.change === 'mapped') continue;
      sheets.owners.rows.push([plan, o.base, o.local, L.ownerChange[o.change], units(o.baseUnits, o.baseInferred), units(o.localUnits, o.localInferred), L.ownerDetail(o), X.bases[o.basis]]);
    }
    for (const t of d.targetChanges ?? []) {
      sheets.targets.rows.push([plan, t.base, t.local, t.indicator, t.baseTarget, t.localTarget, L.req.kind[t.change], t.weaker === undefined ? '' : (t.weaker ? L.req.asksLess : L.req.asksMore).trim()]);
    }
    for (const c of d.strengthChanges ?? []) {
      sheets.strength.rows.push([plan, c.base, c.local, markWord(c.baseClause, c.baseWord), c.localClause ? markWord(c.localClause, c.localWord) : L.req.notStated, L.req.kind[c.change]]);
    }
    for (const g of alignRows(d, base, local)) {
      const kind = !g.locals.length ? 'dropped' : !g.bases.length ? 'added' : (['merged', 'split'] as const).find((x) => g.links.some((l) => l.kind === x)) ?? g.links.reduce((a, l) => (l.score > a.score ? l : a)).kind;
      sheets.sbs.rows.push([plan, g.bases.map((t) => t.id).join('\n'), g.bases.map((t) => t.text).join('\n'), L.kind[kind], g.locals.map((t) => t.id).join('\n'), g.locals.map((t) => t.text).join('\n')]);
    }
  });
  return [sheets.overview, sheets.dropped, sheets.added, sheets.groups, sheets.deadlines, sheets.ownerGroups, sheets.owners, sheets.targets, sheets.strength, sheets.sbs];
}

/** Excel's limit on a cell's text; a longer task text is cut there rather than refused. */
const CELL_MAX = 32_767;

/** Streams the sheets as an .xlsx file into `out` (ended when done). */
export async function writeWorkbook(sheets: readonly Sheet[], out: Writable): Promise<void> {
  // a CommonJS package, loaded only when a workbook is written (outside the command line's bundle)
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof ExcelJSModule;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'plancmp';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c, k) => ({ key: String(k), width: c.width, style: c.wrap ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } } }));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
    const head = ws.addRow(s.columns.map((c) => c.header));
    head.font = { bold: true };
    head.commit();
    const percentCol = s.columns.findIndex((c) => c.header.endsWith('%'));
    for (const r of s.rows) {
      const row = ws.addRow(r.map((v) => (typeof v === 'string' && v.length > CELL_MAX ? v.slice(0, CELL_MAX) : v)));
      if (percentCol >= 0) row.getCell(percentCol + 1).numFmt = '0%';
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}

/** The whole workbook as bytes (`diff --format xlsx`: one pair, collected for standard output or -o). */
export async function renderWorkbook(base: Notice, plans: readonly PlanInput[], lang?: Lang): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeWorkbook(workbookSheets(base, plans, lang), out);
  await ended;
  return Buffer.concat(chunks);
}
