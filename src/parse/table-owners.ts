// A plan whose items carry no owner notes may assign them in an attached 分工表 that restates the
// items row for row (序号 | 任务 | 牵头单位 | 配合单位 | 完成时限). The body stays the task list; each
// task takes the owners and deadlines of the row that restates it: the row of the same position
// when the table has one row per task, else the row whose task text opens the same way (or, for a
// table of numbers and owners only, the row of the task's number).
import type { Task } from '../model.js';
import { addUnique } from './unit-fields.js';

const cjk = (s: string) => s.replace(/[^\u3400-\u9fff0-9]/g, '');

/** Does the row restate the task: one title opens the other (4 characters at least)? */
function restates(row: Task, task: Task): boolean {
  const a = cjk(row.title);
  const b = cjk(task.title);
  if (a.length < 4 || b.length < 4) return false;
  return a.startsWith(b) || b.startsWith(a) || cjk(task.text).includes(a);
}

/** Fill the owners of tasks that have none from the rows that restate them; returns how many were filled. */
export function ownersFromTable(tasks: Task[], rows: Task[]): number {
  let filled = 0;
  const byPosition = rows.length === tasks.length;
  const used = new Set<Task>();
  tasks.forEach((t, i) => {
    if (t.units.length) return;
    // a row without a task (序号 | 牵头单位 | 配合单位) names its task by the number the body gives it
    const row = byPosition ? rows[i] : rows.find((r) => !used.has(r) && (r.title ? restates(r, t) : r.number === t.number));
    if (!row || !row.units.length) return;
    used.add(row);
    addUnique(t.units, row.units);
    addUnique(t.lead, row.lead);
    addUnique(t.assist, row.assist);
    addUnique(t.guide, row.guide);
    for (const d of row.deadlines) if (!t.deadlines.some((x) => x.text === d.text)) t.deadlines.push(d);
    t.unitsFrom = 'table';
    filled++;
  });
  return filled;
}
