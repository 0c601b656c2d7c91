// The document skeleton: where the body starts, its 一、二、三、 parts, the main-task part, and where
// the body ends (附件 / key list / 版记 footer).
import type { Paragraph, Section } from '../model.js';
import { parseHeading, type Heading } from './headings.js';
import { isTableRow } from '../normalize/rejoin.js';

export interface Part {
  index: number;
  heading: Heading;
}

export interface Skeleton {
  bodyStart: number;
  bodyEnd: number;
  parts: Part[];
  main?: { part: Part; start: number; end: number };
}

// Part titles that announce the task list: 主要任务, 主要工作任务, 重点任务和责任分工, 工作任务 …
const MAIN_TITLE = /任务|重点工作|主要工作|工作内容|主要措施|重点举措/;

function isBodyEnd(t: string): boolean {
  return /^(附件|附：|抄送|抄报)/.test(t) || isTableRow(t) || /^\|/.test(t) || /^.{0,30}(重点任务清单|任务分解表|责任分工表)$/.test(t);
}

export function findSkeleton(paras: Paragraph[]): Skeleton {
  // Parts form a chain 一、二、三、… — an isolated "二、" inside a sentence list is not a part.
  const parts: Part[] = [];
  let bodyEnd = paras.length;
  for (let i = 0; i < paras.length; i++) {
    const t = paras[i].text;
    if (parts.length > 0 && isBodyEnd(t)) {
      bodyEnd = i;
      break;
    }
    const h = parseHeading(t);
    if (h?.level !== 'part') continue;
    // a copy may begin mid-notice (二、 first); after that the chain must run on without gaps
    const expected = parts.length ? parts[parts.length - 1].heading.value + 1 : undefined;
    if (expected === undefined ? h.value <= 3 : h.value === expected) parts.push({ index: i, heading: h });
    else if (h.value === 1 && parts.length > 0 && parts.length < 2) {
      // restart: an early 一、 was not the body's first part
      parts.length = 0;
      parts.push({ index: i, heading: h });
    }
  }
  const firstHeading = paras.findIndex((p) => {
    const h = parseHeading(p.text);
    return h?.level === 'project' || h?.level === 'item';
  });
  const bodyStart = parts[0]?.index ?? (firstHeading >= 0 ? firstHeading : paras.length);
  let main: Skeleton['main'];
  const ranges = parts.map((p, k) => ({ part: p, start: p.index + 1, end: k + 1 < parts.length ? parts[k + 1].index : bodyEnd }));
  const titled = ranges.find((r) => MAIN_TITLE.test(r.part.heading.title));
  if (titled) main = titled;
  else if (ranges.length > 0) {
    const count = (r: (typeof ranges)[number]) => paras.slice(r.start, r.end).filter((p) => parseHeading(p.text)?.level === 'item').length;
    const best = ranges.reduce((a, b) => (count(b) > count(a) ? b : a));
    if (count(best) > 0) main = best;
  }
  return { bodyStart, bodyEnd, parts, main };
}

/** Heading tree 一、 / （一） / 1. / （1） of the body, titles separated from text. */
export function buildSections(paras: Paragraph[], start: number, end: number): Section[] {
  const roots: Section[] = [];
  const order = ['part', 'project', 'item', 'subitem'] as const;
  const stack: Section[] = [];
  for (let i = start; i < end; i++) {
    const h = parseHeading(paras[i].text);
    if (!h) continue;
    const node: Section = { number: h.number, level: h.level, title: h.title, line: paras[i].line, children: [] };
    const rank = order.indexOf(h.level);
    while (stack.length && order.indexOf(stack[stack.length - 1].level) >= rank) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}
