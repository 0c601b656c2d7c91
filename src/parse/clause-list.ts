// A plan whose measures are one sentence's clauses: 主要预期目标是：地区生产总值增长5%左右；城镇新增就业
// 18万人以上；居民消费价格涨幅2%左右；…。 A 计划 that 下达s its targets, or a short 通知 that lists
// its tasks so, has no numbered item to read; each clause after the colon is one task. Read only
// when the body gives no task at all, from the first such sentence of the notice.
import type { Paragraph, Task } from '../model.js';
import { splitTitle } from './headings.js';
import { extractDeadlines } from './deadlines.js';
import type { TaskResult } from './tasks.js';

/** The sentence's opening: what it lists (目标 / 任务 / 重点 …), then 是/为 and a colon. */
const OPENING = /(?:目标|指标|任务|重点|工作|措施|要求)(?:是|为|主要是|包括)?[：:]/;
/** Fewer clauses than this are a sentence, not a list. */
const MIN_CLAUSES = 4;
/** A clause longer than this is a paragraph's worth: the sentence is prose, not a list. */
const MAX_CLAUSE = 80;

export function tasksFromClauseList(paras: Paragraph[], from: number, to: number, docYear?: number): TaskResult {
  for (let i = from; i < to; i++) {
    const text = paras[i].text;
    const m = OPENING.exec(text);
    if (!m) continue;
    const rest = text.slice(m.index + m[0].length).replace(/。\s*$/, '');
    // the list ends at its sentence's full stop
    const list = rest.split('。')[0];
    const clauses = list.split(/[；;]/).map((c) => c.trim()).filter((c) => c.length >= 4);
    if (clauses.length < MIN_CLAUSES || clauses.some((c) => c.length > MAX_CLAUSE)) continue;
    const tasks: Task[] = clauses.map((c, k) => {
      const id = String(k + 1);
      return {
        id,
        path: [k + 1],
        numbers: [id],
        headings: [],
        number: id,
        project: '',
        projectNumber: '',
        title: splitTitle(c).title,
        text: c,
        units: [],
        lead: [],
        assist: [],
        guide: [],
        unitsFrom: 'none',
        ownerNotes: [],
        impliedUnits: [],
        deadlines: extractDeadlines(c, docYear),
        line: paras[i].line,
      };
    });
    return {
      tasks,
      warnings: [],
      lastIndex: i,
      shape: { unit: 'run', under: 'root', basis: 'numbering', description: `${tasks.length} tasks: the clauses of one list sentence (目标是：A；B；C…)` },
    };
  }
  return { tasks: [], warnings: [], lastIndex: -1 };
}
