// A task table as the task list itself (重点任务分工表, 推广清单): 序号 | 重点任务 | 主要内容 |
// 牵头单位 | 配合单位 | 完成时限. Used when the body has no task list of its own. Ids are "T<序号>".
// A table of 序号 and owner columns only gives rows without a title: owners for the body's tasks
// of those numbers (table-owners.ts), never a task list.
import type { Paragraph, Task, Warning } from '../model.js';
import { tableCells } from './keylist.js';
import { splitUnits } from './units.js';
import { splitTitle } from './headings.js';
import { extractDeadlines, parseDeadlineCell } from './deadlines.js';
import type { TaskResult } from './tasks.js';
import { UNIT_END, chineseNumeral } from '../vocabulary.js';
import { CELL_ONGOING } from './deadline-patterns.js';

interface Columns {
  number: number;
  task: number;
  /** the first of several task columns (重点任务 | 任务分组 | 具体任务): the group a row's task belongs to, -1 when one */
  group: number;
  content: number;
  lead: number;
  assist: number;
  guide: number;
  deadline: number;
  /** whether the lead column names the lead (牵头) rather than plain responsibility (责任单位) */
  leadNamed: boolean;
  /** how many columns the header has */
  width: number;
}

const ASSIST = /配合|协办|参与|协同|协助/;

/** A 序号 cell's value: 3, 3., （三）, 三、. */
const SERIAL = /^[（(]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[）)、.．]?$/;
/** A task column's header: 重点任务 / 改革举措 / 工作任务 / 具体措施 / 事项 (主要内容 is the content column). */
// (and a 目标责任分解书's 主要目标 / 目标任务: a goal is its measure)
const TASK_HEADER = /任务|举措|措施|事项|项目|名称|工作|目标/;

function headerColumns(cells: string[]): Columns | undefined {
  const find = (re: RegExp, not = -1) => cells.findIndex((c, i) => i !== not && re.test(c));
  // header cells are short labels; a body row that mentions 任务 and 单位 in its sentences is not one
  if (cells.some((c) => c.length > 16)) return undefined;
  // nor a row that opens with its number (（二） | 承接落实…事项 | 市直有关部门 |): labels carry none
  if (cells.some((c) => SERIAL.test(c.trim()))) return undefined;
  // a list of what the plan asks of others (政策诉求 | 建议责任单位（省级部门）): requests to a higher
  // level, not tasks the plan assigns
  if (cells.some((c) => /诉求|建议/.test(c))) return undefined;
  const number = find(/^(序号|编号|序)$/);
  // (重点任务 | 具体工作: the work a task is broken into is its content, as 主要内容 is)
  const content = find(/内容|具体措施|工作措施|主要措施|具体工作|路径|描述/);
  // several task columns go from the group to the task itself (重点任务 | 任务分组 | 具体任务): the last is the task
  const tasksAt = cells.map((c, i) => (i !== content && TASK_HEADER.test(c) && !/单位|部门|时间|时限|序号/.test(c) ? i : -1)).filter((i) => i >= 0);
  const task = tasksAt.length ? tasksAt[tasksAt.length - 1] : -1;
  const group = tasksAt.length > 1 ? tasksAt[0] : -1;
  const guide = find(/指导/);
  const lead = cells.findIndex((c, i) => i !== guide && /牵头|责任|负责|主责|单位|部门/.test(c) && !ASSIST.test(c));
  // 主要责任单位 | 责任单位 (a 目标责任分解书): the main bodies lead, the other column's assist
  const assist = (() => {
    const named = find(ASSIST);
    if (named >= 0 || lead < 0 || !/主要|牵头|主责/.test(cells[lead])) return named;
    return cells.findIndex((c, i) => i !== lead && i !== guide && /责任|单位|部门/.test(c) && !/时间|时限/.test(c));
  })();
  const deadline = find(/时间|时限|期限|进度|完成/);
  // 序号 | 牵头单位 | 配合单位 with no task column: the owners of the body's tasks by their number
  if (task < 0 && content < 0) return number >= 0 && (lead >= 0 || assist >= 0) ? { number, task: -1, group: -1, content: -1, lead, assist, guide, deadline, leadNamed: lead >= 0 && /牵头|主责/.test(cells[lead]), width: cells.length } : undefined;
  // a task column with an owner or a deadline column beside it; without a 序号 column, owners too
  if (lead < 0 && guide < 0 && assist < 0 && (deadline < 0 || number < 0 || task < 0)) return undefined;
  return { number, task: task >= 0 ? task : content, group, content: task >= 0 ? content : -1, lead, assist, guide, deadline, leadNamed: lead >= 0 && /牵头|主责|主要/.test(cells[lead]), width: cells.length };
}

/** A list marker a task cell opens with (1. / （一） / —— / ·): the row's number or bullet, not its title. */
const CELL_MARKER = /^(?:\d{1,3}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|——|—|·|•)\s*/;

const ROLE_TAIL = /等?(?:按(?:照)?职责(?:分工)?)?(?:负责)?(?:落实|负责|实施)$/;
/** A cell that states a time, as a 完成时限 cell is read (2021年8月前, 长期推进). */
const isTimeCell = (v: string) => CELL_ONGOING.test(v) || extractDeadlines(v).length > 0;
/**
 * A cell that names bodies: each ends as a unit name does, its other name in brackets aside
 * (规划信息处〔爱卫办〕); in a table of owners an office of a bureau (标准化科) is one too.
 */
const isBodyCell = (v: string) => {
  const units = splitUnits(v);
  return units.length > 0 && units.every((u) => {
    const name = u.replace(/[〔（(][^〕）)]*[〕）)]$/, '');
    return UNIT_END.test(name) || name.endsWith('科');
  });
};

/** A short row whose cells already fit their columns (only the trailing 备注 missing): a time in the deadline column, none in the owner column. */
function fitsInPlace(cells: string[], cols: Columns): boolean {
  const at = (k: number) => (k >= 0 && k < cells.length ? cells[k].trim() : '');
  return (!at(cols.deadline) || isTimeCell(at(cols.deadline))) && !(at(cols.lead) && isTimeCell(at(cols.lead)) && !isBodyCell(at(cols.lead)));
}

/**
 * A row with fewer cells than its header (a merged cell lost in copying: 2 | 扎实做好… | 疾控处 |
 * 长期推进 under 序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注): the cells up to the task
 * keep their places, each later one goes to the column its content fits — a time to the deadline
 * column, a list of bodies to the owner column, other text to the first free column.
 */
function fitShortRow(cells: string[], cols: Columns): string[] {
  const out: string[] = Array.from({ length: cols.width }, () => '');
  const head = Math.max(cols.number, cols.task) + 1;
  for (let i = 0; i < head && i < cells.length; i++) out[i] = cells[i];
  const free = (k: number) => k >= 0 && k >= head && out[k] === '';
  for (const c of cells.slice(head)) {
    const v = c.trim();
    if (!v) continue;
    const k = isTimeCell(v) && free(cols.deadline) ? cols.deadline : isBodyCell(v) && free(cols.lead) ? cols.lead : out.findIndex((x, i) => i >= head && x === '' && i !== cols.deadline && i !== cols.lead && i !== cols.assist);
    if (k >= 0) out[k] = v;
  }
  return out;
}

const LEAD_MARK = /〔(?:牵头|主责|牵头单位)〕$/;

/** Units of a cell where some are marked 〔牵头〕: those lead, the unmarked ones assist. */
function markedRoles(units: string[]): { lead: string[]; assist: string[]; all: string[]; marked: boolean } {
  if (!units.some((u) => LEAD_MARK.test(u))) return { lead: units, assist: [], all: units, marked: false };
  const lead: string[] = [];
  const assist: string[] = [];
  for (const u of units) (LEAD_MARK.test(u) ? lead : assist).push(u.replace(LEAD_MARK, ''));
  return { lead, assist, all: units.map((u) => u.replace(LEAD_MARK, '')), marked: true };
}

const noUnits = (t: Task) => `task ${t.id} (${t.title}) names no responsible unit`;

/**
 * The first row of a group that turns out to have further rows becomes its first task (T1 → T1.1),
 * titled by its content as the others are; the group's task is their project.
 */
function asSubtask(t: Task, k: number, taskCell: string, content: string): void {
  t.id = `T${t.path[0]}.${k}`;
  t.numbers = [String(t.path[0]), String(k)];
  t.path = [t.path[0], k];
  t.number = `${t.path[0]}.${k}`;
  t.headings = [taskCell];
  t.project = taskCell;
  // (a first row without content of its own keeps its task cell as its title)
  if (!content) return;
  t.title = splitTitle(content.replace(CELL_MARKER, '')).title;
  t.text = content;
}

export function tasksFromTable(paras: Paragraph[], docYear?: number): TaskResult {
  const tasks: Task[] = [];
  const warnings: Warning[] = [];
  let cols: Columns | undefined;
  const seen = new Set<string>();
  // the last numbered row, which rows with neither 序号 nor task continue (and its no-units warning)
  let lastRow: { task: Task; taskCell: string; content: string; subs: number; warning?: Warning } | undefined;
  // a group row (一 | 特色赛道（AI+智慧农业） | | |) heads the rows under it; where their 序号 start
  // again under each group (一: 1, 2; 二: 1, 2, 3), each is T<group>.<序号>
  type Group = { value: number; title: string };
  let group: Group | undefined;
  const groupOf = new Map<Task, Group>();
  // each row's no-units warning, so that a renamed row's warning names it by its new id
  const warningOf = new Map<Task, Warning>();
  let restarts = false;
  const underGroup = (t: Task, g: Group) => {
    const n = t.path[0];
    t.id = `T${g.value}.${n}`;
    t.path = [g.value, n];
    t.numbers = [String(g.value), String(n)];
    t.number = `${g.value}.${n}`;
    t.headings = [g.title];
    if (!t.project) t.project = g.title;
    const w = warningOf.get(t);
    if (w) w.message = noUnits(t);
  };
  paras.forEach((p) => {
    let cells = tableCells(p.text);
    if (!cells) return;
    const header = headerColumns(cells);
    if (header) {
      cols = header;
      lastRow = undefined;
      group = undefined;
      return;
    }
    if (!cols) return;
    if (cells.every((c) => c === '' || /^:?-+:?$/.test(c))) return;
    if (cells.length < cols.width && cols.task >= 0 && !fitsInPlace(cells, cols)) cells = fitShortRow(cells, cols);
    // without a 序号 column the rows are counted; a row whose task cell is empty or repeats across
    // the row (a group row spanning the table: 一、知识产权保护方面) is not a task
    const numbered = cols.number >= 0;
    // 序号 as digits, or as the body's own item markers (（一）, 一、, 1.) in a table of owners only
    const written = numbered ? (cells[cols.number] ?? '').trim().replace(/^[（(〔]\s*|\s*[）)〕、.．]$/g, '') : String(seen.size + 1);
    // (a row numbered in words beside a task cell is a task where it names owners or a time; one
    // without them is a group row spanning the table: 一 | 知识产权保护方面 | | |)
    const cell = (k: number) => (k >= 0 ? (cells[k] ?? '').trim() : '');
    const hasOwnerOrTime = [cols.lead, cols.assist, cols.deadline].some((k) => cell(k) !== '');
    const value = /^\d{1,5}$/.test(written) ? Number(written) : (cols.task < 0 || hasOwnerOrTime) && /^[一二三四五六七八九十]{1,3}$/.test(written) ? chineseNumeral(written) : NaN;
    // a row with neither 序号 nor task, but its own content and owners or time, is a further task of
    // the row above (their 序号 and task cells were one merged cell: 1 | 有序扩大… | 内容A | 单位 /
    //  |  | 内容B | 单位): each such row is a task of that group, numbered T1.1, T1.2 …
    const continues = !written && !cell(cols.task) && cols.content >= 0 && cell(cols.content) !== '' && hasOwnerOrTime && lastRow !== undefined;
    if (continues) {
      const parent = lastRow!;
      if (parent.subs === 0) {
        asSubtask(parent.task, 1, parent.taskCell, parent.content);
        if (parent.warning) parent.warning.message = noUnits(parent.task);
      }
      // (the first row is 1, so the first row after it is 2)
      parent.subs = (parent.subs || 1) + 1;
    } else if (!(value > 0)) {
      if (numbered && /^[一二三四五六七八九十]{1,3}$/.test(written) && cell(cols.task)) group = { value: chineseNumeral(written), title: cell(cols.task) };
      return;
    }
    const parentRow = continues ? lastRow! : undefined;
    const number = parentRow ? `${parentRow.task.path[0]}.${parentRow.subs}` : /^\d/.test(written) ? String(value) : written;
    const taskCell = parentRow ? parentRow.taskCell : cell(cols.task);
    if (!numbered && (!taskCell || cells.filter((c) => c === taskCell).length > 1 || /^[一二三四五六七八九十]{1,3}[、.]/.test(taskCell))) return;
    let id = parentRow ? `T${number}` : `T${value}`;
    if (!parentRow && group && /^\d/.test(written) && (restarts || seen.has(id))) {
      // the 序号 start again under this group: every grouped row so far is renamed by its group
      if (!restarts) for (const [t, g] of groupOf) if (t.path.length === 1) underGroup(t, g);
      restarts = true;
      id = `T${group.value}.${value}`;
    }
    if (seen.has(id)) {
      warnings.push({ code: 'numbering-repeat', line: p.line, message: `task table 序号 ${number} appears twice` });
      return;
    }
    seen.add(id);
    // an owner cell may close with what its bodies do (应急处、监督处等按职责分工落实): the bodies are the cell
    const unitCell = (k: number) => cell(k).replace(ROLE_TAIL, '');
    // one 责任单位 cell may mark its lead: 市经信局（牵头），市发展改革委、市财政局
    const marked = markedRoles(splitUnits(unitCell(cols.lead)));
    const lead = marked.lead;
    const assistColumn = splitUnits(unitCell(cols.assist));
    const assist = [...marked.assist, ...assistColumn.filter((u) => !marked.assist.includes(u))];
    const guide = splitUnits(cell(cols.guide));
    // units in the table's column order (a marked cell's units in its own order)
    const units: string[] = [];
    const byColumn = [
      { k: cols.lead, list: marked.all },
      { k: cols.assist, list: assistColumn },
      { k: cols.guide, list: guide },
    ].sort((a, b) => a.k - b.k);
    for (const c of byColumn) for (const u of c.list) if (!units.includes(u)) units.push(u);
    const content = cell(cols.content);
    // a numbered row whose task cell is empty sits under the task cell of a row above, merged over
    // both (重点举措 | 实施路径: 攻坚绿电算力扩容（2项） over rows 1 and 2): titled by its own content
    const merged = !parentRow && !cell(cols.task) && content !== '' && lastRow !== undefined;
    // (the row's own marker, 1. or ——, is no part of its title; a further row of a group is titled by its content)
    const task = parentRow || merged ? content : cell(cols.task);
    const title = splitTitle(task.replace(CELL_MARKER, '')).title;
    const text = content && content !== task ? `${task.replace(/[。；]$/, '')}。${content}` : task;
    // (a dash or 无 in the 完成时限 column says the row has no time)
    const deadlineCell = /^[—–\-－/／无]*$/.test(cell(cols.deadline)) ? '' : cell(cols.deadline);
    // the row's own words may set a time too (…在20个工作日内公开), besides its 完成时限 cell
    const compact = (x: string) => x.replace(/\s/g, '');
    const deadlines = extractDeadlines(text, docYear).filter((d) => !deadlineCell || !compact(deadlineCell).includes(compact(d.text)));
    if (deadlineCell) deadlines.push({ ...parseDeadlineCell(deadlineCell, docYear), text: deadlineCell });
    const named = cols.leadNamed || assist.length > 0 || marked.marked;
    const made: Task = {
      id,
      path: parentRow ? [parentRow.task.path[0], parentRow.subs] : [value],
      numbers: parentRow ? [String(parentRow.task.path[0]), String(parentRow.subs)] : [number],
      headings: parentRow ? [parentRow.taskCell] : [],
      number,
      project: parentRow ? parentRow.taskCell : merged ? lastRow!.taskCell : cell(cols.group),
      projectNumber: '',
      title,
      text,
      units,
      lead: named ? lead : [],
      assist,
      guide,
      unitsFrom: units.length ? 'task' : 'none',
      ownerNotes: [],
      impliedUnits: [],
      deadlines,
      line: p.line,
    };
    if (group && !parentRow && /^\d/.test(written)) {
      groupOf.set(made, group);
      if (restarts) underGroup(made, group);
    }
    tasks.push(made);
    const warning: Warning | undefined = units.length ? undefined : { code: 'no-units', line: p.line, message: noUnits(made) };
    if (warning) {
      warnings.push(warning);
      warningOf.set(made, warning);
    }
    if (!parentRow && !merged) lastRow = { task: made, taskCell: cell(cols.task), content, subs: 0, warning };
  });
  return {
    tasks,
    warnings,
    // a table closes the document: nothing to say about truncation
    lastIndex: -1,
    shape: tasks.length ? { unit: 'table', basis: 'table', description: `${tasks.length} tasks: rows of a task table (序号 | 任务 | 单位 | 时限)` } : undefined,
  };
}
