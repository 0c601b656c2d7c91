// A time stated once for all tasks: a plan whose items carry no time of their own often says it in
// one sentence after them — “以上各项目标完成时限均为2018年12月底前，另有标注的除外。”, “上述任务均须于
// 2024年6月底前完成”. Every task without a date of its own is due by it.
import type { Paragraph, Task } from '../model.js';
import { extractDeadlines, parseDeadlineCell } from './deadlines.js';
import { FOR_SEVERAL, inSpeakingOrder, tasksSpokenFor } from './closing-scope.js';

/** A paragraph that speaks for every task (以上各项…, 上述任务…), and a clause of it that sets a time (完成时限均为…, 均须于…前完成). */
const FOR_ALL = new RegExp(`^(?:${FOR_SEVERAL})`);
// (or leaves them open-ended: 以上任务由A牵头，B配合，长期坚持)
const SETS_A_TIME = /完成时限|完成时间|完成期限|时限|前完成|底前|长期坚持|持续推进/;
const OPEN_ENDED = /^(?:长期坚持|持续推进)$/;

/** The time a paragraph sets for the tasks it speaks for, if it is such a sentence. */
function closingTime(text: string, docYear: number | undefined) {
  if (!FOR_ALL.test(text) || !SETS_A_TIME.test(text)) return undefined;
  // the clause that names the time (以上各项工作，由A牵头；除已明确完成时限的外，均须于2013年12月底前完成)
  for (const clause of text.split(/[；。]/)) {
    if (!SETS_A_TIME.test(clause)) continue;
    const found = extractDeadlines(clause, docYear).filter((d) => d.kind === 'by' && d.date !== undefined);
    if (found.length === 1) return { ...found[0], clause };
    // an open-ended time as the sentence's last clause (…，B配合，长期坚持), as a 完成时限 cell says it
    const last = clause.split(/[，,]/).pop()!.trim();
    if (OPEN_ENDED.test(last)) return { ...parseDeadlineCell(last, docYear), text: last, clause };
  }
  return undefined;
}

/**
 * Give the tasks that set no date of their own the time that a sentence sets for them (closing-scope.ts:
 * 以上 looks back, 以上第1至4项 names its items); returns how many took one.
 */
export function timeForAll(tasks: Task[], paras: Paragraph[], from: number, docYear: number | undefined): number {
  // tasks with a date or an open-ended time of their own keep it (另有标注的除外)
  const open = new Set(tasks.filter((t) => !t.deadlines.some((d) => d.kind === 'by' || d.kind === 'range' || d.kind === 'ongoing')));
  if (!open.size) return 0;
  const found = paras.slice(Math.max(0, from)).flatMap((p) => {
    const time = closingTime(p.text, docYear);
    return time ? [{ text: p.text, line: p.line, time }] : [];
  });
  let given = 0;
  for (const { text, line, time } of inSpeakingOrder(found)) {
    for (const t of tasksSpokenFor(tasks, text, line)) {
      if (!open.delete(t)) continue;
      t.deadlines.push({ ...time });
      given++;
    }
  }
  return given;
}
