// Parse: normalized paragraphs → Notice (GB/T 9704 elements, tasks, key list, warnings).
// Each paragraph is read once into a token (heading, owner notes); the body becomes a tree; the
// task level is chosen on the tree; tasks, sections and the key list are read from there.
import type { Notice, NormalizedText, Paragraph, Section, SourceText, Warning } from '../model.js';
import { parseMeta } from './meta.js';
import { findReferences } from './references.js';
import { readBody, type Body, type BodyNode } from './body.js';
import { chooseTaskLevel, topOf } from './task-level.js';
import { parseTasks } from './tasks.js';
import { parseKeyList } from './keylist.js';
import { tasksFromTable } from './task-table.js';
import { ACTION_TITLE, NON_ACTION_TITLE } from '../vocabulary.js';
import { attachRowTasks } from './keylist-tasks.js';

export { splitUnits } from './units.js';
export { extractDeadlines, parseDeadlineCell } from './deadlines.js';
export { findDocNumbers, normalizeDocNumber } from './docnumber.js';

const CLOSING_TITLE = /组织|保障|实施|要求|领导|监督|考核|落实|附则/;
// A plan's own title, or a notice that 印发s one: …实施方案 / 关于印发…行动计划的通知
const PLAN_TITLE = /(方案|计划|意见|要点|规划|纲要|清单|措施|安排|任务|分工)(（[^（）]{0,20}）)?$/;
const PRINTS_PLAN = /印发.{0,80}(方案|计划|意见|要点|规划|纲要|清单|措施|安排|任务|分工)/;

/** Without owner notes, only a plan's numbered levels are read as tasks (not a 通报's or a 批复's). */
function isPlanTitle(title?: string, planTitle?: string): boolean {
  if (!title && !planTitle) return true;
  return [title, planTitle].some((t) => !!t && (PLAN_TITLE.test(t) || PRINTS_PLAN.test(t)));
}

export function parseNormalized(source: SourceText, norm: NormalizedText): Notice {
  const paras = norm.paragraphs;
  // pushed onto a literal (not a spread of two lists that are often empty): the array starts with
  // the kind of a list of objects, so the pushes below never change its shape
  const warnings: Warning[] = [];
  for (const w of source.warnings) warnings.push(w);
  for (const w of norm.warnings) warnings.push(w);
  const body = readBody(paras);
  const { meta } = parseMeta(paras, body.start, body.end);
  const docYear = meta.date ? Number(meta.date.slice(0, 4)) : undefined;
  const references = findReferences(paras, body.start, [meta.title, meta.planTitle]);
  const sections = buildSections(body);
  const planLike = isPlanTitle(meta.title, meta.planTitle);
  const level = chooseTaskLevel(body, planLike);
  let result = parseTasks(body, level, paras, docYear);
  let keyList = parseKeyList(paras, docYear);
  // no task list in the body, but a table of tasks with their units: the table is the task list
  if (result.tasks.length === 0 && keyList.rows.length > 0) {
    const table = tasksFromTable(paras, docYear);
    if (table.tasks.length) {
      result = table;
      keyList = { rows: [], warnings: [], start: -1 };
    }
  }
  const { tasks } = result;
  // a loop, not push(...): a hostile notice can carry more warnings than a call has arguments
  for (const w of result.warnings) warnings.push(w);
  for (const w of keyList.warnings) warnings.push(w);

  if (!meta.docNumber) warnings.push({ code: 'no-doc-number', line: 0, message: 'no 发文字号 found (e.g. 浙政发〔2018〕16号)' });
  if (!meta.date) warnings.push({ code: 'no-date', line: 0, message: 'no 成文日期 found' });
  // a loop, not map().filter(): no lists between, and no holey array from an optimized map
  const taskParts = new Set<BodyNode>();
  if (result.taskNodes) {
    for (const n of result.taskNodes) {
      const top = topOf(n);
      if (top.level === 'part') taskParts.add(top);
    }
  }
  const mainPart = taskParts.size === 1 ? [...taskParts][0] : undefined;
  if (tasks.length === 0) warnings.push(noTasks(body, planLike));
  const truncated = truncation(paras, body, result.lastIndex);
  if (truncated) warnings.push(truncated);

  return {
    schema: 'plancmp.parse/1',
    source: { file: source.file, encoding: source.encoding, format: source.format, converted: norm.converted },
    meta,
    references,
    sections,
    mainPart: mainPart ? `${mainPart.heading!.number}、${mainPart.heading!.title}` : undefined,
    taskShape: result.shape,
    truncated: truncated ? true : undefined,
    tasks,
    keyList: attachRowTasks(keyList.rows, tasks),
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
}

function noTasks(body: Body, planLike: boolean): Warning {
  const numbered = body.root.children.length > 0;
  const action = body.parts.find((p) => ACTION_TITLE.test(p.heading!.title) && !NON_ACTION_TITLE.test(p.heading!.title));
  const message = action
    ? `no numbered tasks found in part ${action.heading!.number}、${action.heading!.title}`
    : !planLike
    ? 'this notice is not a plan: it has no task list (no owner notes, no numbered measures under a task part)'
    : numbered
      ? 'numbered items found, but no level of them holds tasks (no owner notes such as （XX负责）, and no part such as 二、主要任务)'
      : 'no numbered tasks or owner notes found';
  return { code: 'no-tasks', line: 0, message };
}

/** Heading tree 一、 / （一） / 1. / （1） of the body, titles separated from text. */
function buildSections(body: Body): Section[] {
  const paras = body.tokens.map((t) => t.para);
  return body.root.children.flatMap((c) => withLines(c, paras));
}

function withLines(n: BodyNode, paras: Paragraph[]): Section[] {
  const kids = n.children.flatMap((c) => withLines(c, paras));
  if (n.level === 'circled' || n.level === 'root' || !n.heading) return kids;
  return [{ number: n.heading.number, level: n.level, title: n.heading.title, line: paras[n.index].line, children: kids }];
}

/** A notice that stops inside its task list, with nothing after it (no later part, key list or footer). */
function truncation(paras: Paragraph[], body: Body, lastTask: number): Warning | undefined {
  const last = paras[paras.length - 1];
  if (!last || lastTask < 0) return undefined;
  const lastPart = body.parts[body.parts.length - 1];
  const tasksInLastPart = !!lastPart && lastTask >= lastPart.index;
  // a last part that closes a plan (保障措施, 组织实施) may well end the document
  const closing = !!lastPart && CLOSING_TITLE.test(lastPart.heading!.title);
  const mainIsLast = (tasksInLastPart || !body.parts.length) && !closing && body.end >= paras.length;
  const unfinished = !/[。！？；）」”〕]$/.test(last.text) && !/^\|/.test(last.text);
  if (mainIsLast || (unfinished && body.end >= paras.length)) {
    const where = lastPart && tasksInLastPart ? `part ${lastPart.heading!.number}、${lastPart.heading!.title}` : 'its task list';
    return { code: 'truncated', line: last.line, message: `the document ends inside ${where} with nothing after it: it looks truncated` };
  }
  return undefined;
}
