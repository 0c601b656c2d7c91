// 重点任务清单: (序号, 重点任务, 责任(牵头)单位, 时间要求). It comes as markdown-like tables split
// across pages with repeated header rows, as pipe rows without a separator row, or as an HTML table
// (the reader turns each <tr> into one `| a | b |` line), so one row parser serves all forms.
import type { KeyListRow, Paragraph, Warning } from '../model.js';
import { isTableRow } from '../normalize/rejoin.js';
import { splitUnits } from './units.js';
import { parseDeadlineCell } from './deadlines.js';
import { mapList } from './lists.js';

interface Columns {
  number: number;
  task: number;
  units: number;
  /** a separate 配合单位 column, -1 if none */
  assist: number;
  deadline: number;
}

const DEFAULT_COLUMNS: Columns = { number: 0, task: 1, units: 2, assist: -1, deadline: 3 };

/** The cells of a table row (`| a | b | c |`), or undefined when the paragraph is not one. */
export function tableCells(text: string): string[] | undefined {
  if (!isTableRow(text) && !text.startsWith('|')) return undefined;
  const cells = splitCells(text);
  return cells.length >= 3 ? cells : undefined;
}

export function splitCells(row: string): string[] {
  let t = row.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return mapList(t.split('|'), (c) => c.trim());
}

function headerColumns(cells: string[]): Columns | undefined {
  const find = (re: RegExp) => cells.findIndex((c) => re.test(c));
  const number = find(/^(序号|编号|序)$/);
  if (number < 0) return undefined;
  const task = find(/任务|事项|内容|工作/);
  const ASSIST = /配合|协办|参与|协同|协助/;
  const units = cells.findIndex((c) => /单位|部门|责任|牵头/.test(c) && !ASSIST.test(c));
  const assist = find(ASSIST);
  const deadline = find(/时间|时限|期限|进度|完成/);
  return {
    number,
    task: task >= 0 ? task : number + 1,
    units: units >= 0 ? units : number + 2,
    assist,
    deadline: deadline >= 0 ? deadline : number + 3,
  };
}

const SEPARATOR = /^:?-{1,}:?$/;

export interface KeyListResult {
  rows: KeyListRow[];
  warnings: Warning[];
  /** Index of the first table paragraph, -1 if none. */
  start: number;
}

export function parseKeyList(paras: Paragraph[], docYear?: number): KeyListResult {
  const rows: KeyListRow[] = [];
  const warnings: Warning[] = [];
  let cols: Columns = DEFAULT_COLUMNS;
  let start = -1;
  paras.forEach((p, idx) => {
    const cells = tableCells(p.text);
    if (!cells) return;
    const header = headerColumns(cells);
    if (header) {
      cols = header;
      if (start < 0) start = idx;
      return;
    }
    if (cells.every((c) => c === '' || SEPARATOR.test(c))) return;
    const number = cells[cols.number] ?? '';
    if (!/^\d{1,6}$/.test(number)) return; // 序号 past 9999 too
    if (start < 0) start = idx;
    const deadlineCell = cells[cols.deadline] ?? '';
    const lead = splitUnits(cells[cols.units] ?? '');
    const assist = cols.assist >= 0 ? splitUnits(cells[cols.assist] ?? '') : [];
    rows.push({
      id: `L${Number(number)}`,
      number,
      task: cells[cols.task] ?? '',
      units: [...lead, ...assist.filter((u) => !lead.includes(u))],
      ...(assist.length ? { lead, assist } : {}),
      // the whole cell is the requirement as the reader sees it (2018年12月底前全覆盖)
      deadline: { ...parseDeadlineCell(deadlineCell, docYear), text: deadlineCell },
      line: p.line,
    });
    if (!deadlineCell) warnings.push({ code: 'keylist-no-deadline', line: p.line, message: `key-list row ${number} has no 时间要求` });
  });
  checkNumbering(rows, warnings);
  return { rows, warnings, start };
}

function checkNumbering(rows: KeyListRow[], warnings: Warning[]): void {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.id)) warnings.push({ code: 'keylist-numbering', line: r.line, message: `key-list 序号 ${r.number} appears twice` });
    seen.add(r.id);
    const expected = i + 1;
    if (Number(r.number) !== expected && i > 0 && Number(r.number) !== Number(rows[i - 1].number) + 1) {
      warnings.push({ code: 'keylist-numbering', line: r.line, message: `key-list 序号 jumps from ${rows[i - 1].number} to ${r.number}` });
    }
  });
  if (rows.length > 0) {
    const last = Number(rows[rows.length - 1].number);
    if (last !== rows.length) {
      warnings.push({ code: 'keylist-count', line: rows[rows.length - 1].line, message: `key list has ${rows.length} rows but is numbered up to ${last}` });
    }
  }
}
