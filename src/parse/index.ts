// Parse: normalized paragraphs → Notice (GB/T 9704 elements, tasks, key list, warnings).
// Each paragraph is read once into a token (heading, owner notes); the body becomes a tree; the
// task level is chosen on the tree; tasks, sections and the key list are read from there.
import type { Notice, NormalizedText, Paragraph, Section, SourceText, Warning } from '../model.js';
import { parseMeta } from './meta.js';
import { findReferences } from './references.js';
import { readBody, type Body, type BodyNode } from './body.js';
import { chooseTaskLevel, topOf } from './task-level.js';
import { parseTasks, type TaskResult } from './tasks.js';
import { parseKeyList, tableCells } from './keylist.js';
import { tasksFromTable } from './task-table.js';
import { tasksFromClauseList } from './clause-list.js';
import { attachRowTasks } from './keylist-tasks.js';
import { ownersFromTable } from './table-owners.js';
import { findObligations, findTargets } from './requirements.js';
import { ownersForAll } from './closing-owners.js';
import { timeForAll } from './closing-times.js';
import { documentKind, kindAsPlan, type DocKind } from './doc-kind.js';
import { partRoles, type RoleOf } from './part-roles.js';
import { periodStartYear, workYear } from './deadlines.js';
import type { PartShape, Task, TaskShape } from '../model.js';

export { splitUnits } from './units.js';
export { extractDeadlines, parseDeadlineCell } from './deadlines.js';
export { findDocNumbers, normalizeDocNumber } from './docnumber.js';

const CLOSING_TITLE = /组织|保障|实施|要求|领导|监督|考核|落实|附则/;

export interface ParseAs {
  /** Read a 规定 / 办法 / 决定 of numbered measures as a plan (diff does, for a side that is one). */
  asPlan?: boolean;
}

/**
 * Where the first notice of a file that holds several ends: after the line that closes it with its
 * date (国家卫生健康委办公厅…2024年10月28日) when the next line opens another notice (关于印发…的通知).
 */
function endOfFirstNotice(paras: Paragraph[], from: number): number {
  for (let i = Math.max(from, 1); i + 1 < paras.length; i++)
    if (CLOSING_DATE.test(paras[i].text) && paras[i].text.length <= 80 && NOTICE_TITLE.test(paras[i + 1].text)) return i + 1;
  return paras.length;
}
const CLOSING_DATE = /\d{4}年\d{1,2}月\d{1,2}日[）)]?$/;
const NOTICE_TITLE = /^关于[^。；，]{4,80}的(?:通知|意见|决定|批复|通报|函)$/;

/** The year the caption over a notice's first table names (人工智能创新发展2026年工作任务清单 above | 序号 | …). */
function captionYear(paras: Paragraph[]): number | undefined {
  const first = paras.findIndex((p) => tableCells(p.text));
  for (let i = first - 1; i >= Math.max(0, first - 3); i--) {
    const t = paras[i].text;
    if (t.length <= 40) {
      const y = workYear(t);
      if (y) return y;
    }
  }
  return undefined;
}

export function parseNormalized(source: SourceText, norm: NormalizedText, as: ParseAs = {}): Notice {
  const paras = norm.paragraphs;
  // pushed onto a literal (not a spread of two lists that are often empty): the array starts with
  // the kind of a list of objects, so the pushes below never change its shape
  const warnings: Warning[] = [];
  for (const w of source.warnings) warnings.push(w);
  for (const w of norm.warnings) warnings.push(w);
  const body = readBody(paras);
  const { meta } = parseMeta(paras, body.start, body.end);
  // a notice with no date is of the year its title or its task list's caption names (2026年工作任务清单)
  const docYear = meta.date ? Number(meta.date.slice(0, 4)) : (periodStartYear(meta.planTitle ?? meta.title) ?? workYear(meta.planTitle ?? meta.title) ?? captionYear(paras));
  const references = findReferences(paras, body.start, [meta.title, meta.planTitle]);
  const sections = buildSections(body);
  const named = documentKind(meta, paras, endOfFirstNotice(paras, body.start));
  const kind = as.asPlan ? kindAsPlan(named) : named;
  // roles over the chain of parts, or over the root's headings when the body has no parts
  const chain = body.parts.length ? body.parts : body.root.children;
  const roles = partRoles(chain, !kind.named);
  let result: TaskResult = { tasks: [], warnings: [], lastIndex: -1 };
  let keyList: ReturnType<typeof parseKeyList> = { rows: [], warnings: [], start: -1 };
  let why = kind.why;
  if (kind.plan) {
    const level = chooseTaskLevel(body, roles);
    result = parseTasks(body, level, paras, docYear);
    why = level.why;
    keyList = parseKeyList(paras, docYear);
    // a task table (序号 | 任务 | 牵头单位 | 时限) is the task list when the body's own tasks carry no
    // owner notes and are fewer than its rows: the body then only frames or groups what it assigns
    if (level.basis !== 'owner-notes' && paras.some((p) => tableCells(p.text))) {
      const table = tasksFromTable(paras, docYear);
      if (table.tasks.length > result.tasks.length && table.tasks.some((t) => t.title)) {
        result = table;
        why = 'a task table (a task column with owner or deadline columns) lists the tasks; the body does not assign them';
        keyList = { rows: [], warnings: [], start: -1 };
      } else if (table.tasks.length && ownersFromTable(result.tasks, table.tasks)) {
        why += '; owners and deadlines from the attached table that restates the tasks';
        result.warnings = result.warnings.filter((w) => w.code !== 'no-units' || !result.tasks.some((t) => t.line === w.line && t.units.length));
      }
    }
  }
  // a plan with no item at all may list its measures as one sentence's clauses (目标是：A；B；C；D),
  // or as the paragraphs after a line that announces them (具体如下：)
  if (kind.plan && !result.tasks.length) {
    const list = tasksFromClauseList(paras, 0, paras.length, docYear);
    if (list.tasks.length) {
      result = list;
      why = `no numbered items: ${list.shape!.description}`;
    }
  }
  if (ownersForAll(result.tasks, paras, 0)) {
    why += '; owners of the tasks without a note of their own from one sentence that assigns them all (以上工作由…牵头)';
    result.warnings = result.warnings.filter((w) => w.code !== 'no-units');
  }
  if (result.tasks.length && timeForAll(result.tasks, paras, 0, docYear)) why += '; the time of the tasks without one of their own from one sentence that sets it for all (以上各项…完成时限均为…)';
  const { tasks } = result;
  // what each task requires, read once here for every diff that compares it
  for (const t of tasks) {
    t.targets = findTargets(t.text);
    t.obligations = findObligations(t.text);
  }
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
  if (!kind.plan) warnings.push({ code: 'not-a-plan', line: 0, message: `not a plan (${kind.kind ?? '条例'}): ${kind.why}; it has no tasks` });
  else if (tasks.length === 0) warnings.push(noTasks(body, roles, kind));
  const truncated = truncation(paras, body, result.lastIndex);
  if (truncated) warnings.push(truncated);

  return {
    schema: 'plancmp.parse/1',
    source: { file: source.file, encoding: source.encoding, format: source.format, converted: norm.converted },
    meta,
    references,
    sections,
    mainPart: mainPart ? `${mainPart.heading!.number}、${mainPart.heading!.title}` : undefined,
    taskShape: shapeOf(result, kind, why, chain, roles, paras),
    truncated: truncated ? true : undefined,
    tasks,
    keyList: attachRowTasks(keyList.rows, tasks),
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
}

function noTasks(body: Body, roles: Map<BodyNode, RoleOf>, kind: DocKind): Warning {
  const numbered = body.root.children.length > 0;
  const action = body.parts.find((p) => roles.get(p)?.role === 'action');
  const message = action
    ? `no numbered tasks found in part ${action.heading!.number}、${action.heading!.title}`
    : !kind.named && numbered
      ? 'this notice is not named as a plan and no part of it states measures: it has no task list'
      : numbered
        ? 'numbered items found, but no level of them holds tasks (no owner notes such as （XX负责）, and no part that states measures)'
        : 'no numbered tasks or owner notes found';
  return { code: 'no-tasks', line: 0, message };
}

/** taskShape for every notice: the task level and why, and each part with its role. */
function shapeOf(result: TaskResult, kind: DocKind, why: string, chain: BodyNode[], roles: Map<BodyNode, RoleOf>, paras: Paragraph[]): TaskShape {
  const perPart = new Map<BodyNode, number>();
  if (result.taskNodes) for (const n of result.taskNodes) perPart.set(topOf(n), (perPart.get(topOf(n)) ?? 0) + 1);
  const parts: PartShape[] = [];
  for (const p of chain) {
    const r = roles.get(p);
    if (!r || !p.heading) continue;
    parts.push({ number: p.heading.number, title: p.heading.title, line: paras[p.index].line, role: r.role, why: r.why, tasks: perPart.get(p) ?? 0 });
  }
  const base = { plan: kind.plan, kind: kind.kind, why, parts };
  if (!kind.plan) return { unit: 'none', basis: 'not-a-plan', description: `not a plan (${kind.kind ?? '条例'}): no tasks`, ...base };
  if (!result.shape) return { unit: 'none', basis: 'none', description: 'no tasks found', ...base };
  return { ...result.shape, ...base };
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
