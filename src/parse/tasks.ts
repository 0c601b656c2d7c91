// Tasks of the main-task part: numbered items under bracketed project headings. Ids are positional
// ("P.K") as the output contract fixes them; the number as written is kept for the reader.
import type { Paragraph, Task, Warning } from '../model.js';
import { parseHeading } from './headings.js';
import { splitUnits, stripUnitLabel } from './units.js';
import { takeTrailingUnits } from './trailing-units.js';
import { extractDeadlines, parseDeadlineCell } from './deadlines.js';
import { parseUnitFields, type UnitFields } from './unit-fields.js';
import { splitTitle } from './headings.js';

interface Project {
  ordinal: number;
  number: string;
  title: string;
  line: number;
  lead: string[];
  assist: string[];
}

interface Draft {
  project: Project;
  ordinal: number;
  number: string;
  line: number;
  rest: string;
  extra: string[];
}

const LEAD = /^(牵头单位|牵头部门|责任单位|责任部门|主责单位)[：:]/;
const ASSIST = /^(配合单位|配合部门|协办单位|参与单位)[：:]/;

export function parseTasks(paras: Paragraph[], docYear?: number): { tasks: Task[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const drafts: Draft[] = [];
  let project: Project | undefined;
  let projects = 0;
  // Some plans number tasks （1）（2） directly under the projects; then those are the tasks.
  const itemLevel = paras.some((p) => parseHeading(p.text)?.level === 'item') ? 'item' : 'subitem';
  for (const p of paras) {
    const parsed = parseHeading(p.text);
    const h = parsed && parsed.level === itemLevel ? { ...parsed, level: 'item' as const } : parsed;
    if (h?.level === 'project') {
      projects++;
      project = { ordinal: projects, number: h.number, title: h.title, line: p.line, lead: [], assist: [] };
      continue;
    }
    if (h?.level === 'item') {
      if (!project) {
        // numbered items straight under the part: one implicit project, so ids stay "1.K"
        projects++;
        project = { ordinal: projects, number: '', title: '', line: p.line, lead: [], assist: [] };
        warnings.push({ code: 'no-projects', line: p.line, message: 'tasks are not grouped under （一）（二）… project headings; ids use project 1' });
      }
      // items of a project are consecutive drafts: count them without rescanning all drafts
      const prev = drafts[drafts.length - 1];
      const ordinal = prev && prev.project === project ? prev.ordinal + 1 : 1;
      drafts.push({ project, ordinal, number: h.number, line: p.line, rest: h.rest, extra: [] });
      continue;
    }
    const current = drafts[drafts.length - 1];
    if (project && (!current || current.project !== project)) {
      // lines between a project heading and its first item: 牵头单位/配合部门 for the whole project
      // (a loop, not push(...list): spreading a list of 100,000+ units overflows the call stack)
      if (LEAD.test(p.text)) for (const u of splitUnits(p.text.replace(LEAD, ''))) project.lead.push(u);
      else if (ASSIST.test(p.text)) for (const u of splitUnits(p.text.replace(ASSIST, ''))) project.assist.push(u);
      continue;
    }
    if (current) current.extra.push(p.text);
  }
  const tasks = drafts.map((d) => finishTask(d, docYear));
  for (const t of tasks) {
    if (t.unitsFrom === 'none') warnings.push({ code: 'no-units', line: t.line, message: `task ${t.id} (${t.title}) names no responsible unit` });
  }
  for (const w of numberingWarnings(drafts)) warnings.push(w);
  return { tasks, warnings };
}

function finishTask(d: Draft, docYear?: number): Task {
  // A unit line may follow the task as its own paragraph: "责任单位：…" or "（责任单位：…）".
  let body = d.rest;
  let separate: UnitFields | undefined;
  for (const e of d.extra) {
    const inner = e.replace(/^（(.*)）$/, '$1');
    const fields = stripUnitLabel(inner).label ? parseUnitFields(inner) : undefined;
    if (fields?.labelled) separate = fields;
    else body += e;
  }
  const trailing = takeTrailingUnits(body);
  const own = trailing.fields?.units.length ? trailing.fields : separate;
  const fromProject = !own?.units.length;
  const units = fromProject ? [...d.project.lead, ...d.project.assist] : own!.units;
  const { title } = splitTitle(trailing.text);
  const deadlines = extractDeadlines(trailing.text, docYear);
  // a 完成时间 field in the unit bracket is the task's time requirement too
  const time = trailing.fields?.time ?? separate?.time;
  if (time) deadlines.push(parseDeadlineCell(time, docYear));
  return {
    id: `${d.project.ordinal}.${d.ordinal}`,
    number: d.number,
    project: d.project.title,
    projectNumber: d.project.number,
    title,
    text: trailing.text,
    units,
    lead: fromProject ? d.project.lead : own!.lead,
    assist: fromProject ? d.project.assist : own!.assist,
    unitsFrom: !fromProject ? 'task' : units.length ? 'project' : 'none',
    deadlines,
    line: d.line,
  };
}

/** Gaps, repeats and restarts inside a project. Continuous numbering across projects is a style. */
function numberingWarnings(drafts: Draft[]): Warning[] {
  const out: Warning[] = [];
  let prev: Draft | undefined;
  for (const d of drafts) {
    const n = Number(d.number);
    if (prev && prev.project === d.project) {
      const p = Number(prev.number);
      if (n === p) out.push({ code: 'numbering-repeat', line: d.line, message: `item number ${n} repeats in project ${d.project.number || d.project.ordinal}` });
      else if (n < p) out.push({ code: 'numbering-restart', line: d.line, message: `item numbering restarts at ${n} after ${p} in project ${d.project.number || d.project.ordinal}` });
      else if (n !== p + 1) out.push({ code: 'numbering-gap', line: d.line, message: `item numbering jumps from ${p} to ${n} in project ${d.project.number || d.project.ordinal}` });
    } else if (prev && n !== 1 && n !== Number(prev.number) + 1) {
      out.push({ code: 'numbering-gap', line: d.line, message: `project ${d.project.number || d.project.ordinal} starts at item ${n}` });
    }
    prev = d;
  }
  return out;
}
