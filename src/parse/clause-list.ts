// Plans that number nothing. Their measures are one sentence's clauses (主要预期目标是：地区生产总值增长
// 5%左右；城镇新增就业18万人以上；居民消费价格涨幅2%左右；…。: a 计划 that 下达s its targets), or the
// unnumbered paragraphs after a line that announces them (具体如下：). Read only when the body gives no
// task at all, from the first such sentence or list of the notice.
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
    const tasks = clauses.map((c, k) => clauseTask(c, k, paras[i].line, docYear));
    return {
      tasks,
      warnings: [],
      lastIndex: i,
      shape: { unit: 'run', under: 'root', basis: 'numbering', description: `${tasks.length} tasks: the clauses of one list sentence (目标是：A；B；C…)` },
    };
  }
  return listedParagraphs(paras, from, to, docYear);
}

/** A paragraph that announces the list after it: 具体如下： / 清单如下： / 重点任务： */
const ANNOUNCES = /(?:如下|以下|清单|任务|事项|项目|措施)[：:]$/;
/** What ends the list: a closing line, a signature, a date, a source or an editor's line. */
const LIST_END = /^(?:\d{4}年\d{1,2}月\d{1,2}日|（此件|\(此件|附件|抄送|来源|责任编辑|编辑|记者|原标题)|^[^，。；]{0,20}$/;

/**
 * A notice (or a newspaper's listing of one) whose measures are the unnumbered paragraphs after a line
 * that announces them (…提出2023年十大民生项目清单。具体如下： then one paragraph per project): each
 * paragraph up to the first closing line is one task.
 */
function listedParagraphs(paras: Paragraph[], from: number, to: number, docYear?: number): TaskResult {
  for (let i = from; i < to; i++) {
    if (!ANNOUNCES.test(paras[i].text)) continue;
    let j = i + 1;
    while (j < to && !LIST_END.test(paras[j].text)) j++;
    if (j - i - 1 < MIN_PARAGRAPHS) continue;
    const tasks = paras.slice(i + 1, j).map((p, k) => clauseTask(p.text, k, p.line, docYear));
    return {
      tasks,
      warnings: [],
      lastIndex: j - 1,
      shape: { unit: 'paragraph', under: 'root', basis: 'numbering', description: `${tasks.length} tasks: the unnumbered paragraphs after the line that announces them (具体如下：)` },
    };
  }
  return { tasks: [], warnings: [], lastIndex: -1 };
}

/** Three paragraphs at least: fewer after a colon are a sentence's continuation, not a list. */
const MIN_PARAGRAPHS = 3;

function clauseTask(text: string, k: number, line: number, docYear?: number): Task {
  const id = String(k + 1);
  return {
    id,
    path: [k + 1],
    numbers: [id],
    headings: [],
    number: id,
    project: '',
    projectNumber: '',
    title: splitTitle(text).title,
    text,
    units: [],
    lead: [],
    assist: [],
    guide: [],
    unitsFrom: 'none',
    ownerNotes: [],
    impliedUnits: [],
    deadlines: extractDeadlines(text, docYear),
    line,
  };
}
