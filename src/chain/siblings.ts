// Local vs local: two plans that implement the same parent, compared through it. For every task
// of the parent: did A keep it, did B, how (same / reworded / merged / split), and which one set the
// earlier deadline; then what each added of its own. A direct A-vs-B alignment says how close the
// two texts are, but only the parent says whether a difference is a choice one of them made.
import type { DocRef, Notice, PlanDiff, Task } from '../model.js';
import { diffNotices, type DiffOptions } from '../diff/index.js';
import { checkParentage } from '../diff/parentage.js';

export interface SiblingSide {
  /** The side's tasks that carry the parent task (empty when it dropped it). */
  tasks: string[];
  titles: string[];
  kinds: string[];
  deadlines: string[];
  /** Latest ISO date its deadlines set. */
  due?: string;
  lead: string[];
}

export type SiblingStatus = 'both' | 'only-a' | 'only-b' | 'neither';

export interface SiblingTask {
  id: string;
  title: string;
  deadlines: string[];
  due?: string;
  status: SiblingStatus;
  a: SiblingSide;
  b: SiblingSide;
  /** When both kept it with dated deadlines: which side asks for it earlier. */
  earlier?: 'a' | 'b' | 'same';
}

export interface SiblingDiff {
  schema: 'plancmp.siblings/1';
  parent: DocRef;
  a: DocRef;
  b: DocRef;
  /** Where the parent came from: given with --parent, or the embedded base. */
  parentFrom: 'option' | 'embedded';
  /** How each side relates to the parent (cites it by 文号 / title, is named after it). */
  parentage: { a: PlanDiff['parentage']; b: PlanDiff['parentage'] };
  tasks: SiblingTask[];
  addedA: { id: string; title: string }[];
  addedB: { id: string; title: string }[];
  /** The direct A-vs-B alignment, A taken as base. */
  direct: PlanDiff['summary'];
  summary: { parentTasks: number; both: number; onlyA: number; onlyB: number; neither: number; addedA: number; addedB: number; earlierA: number; earlierB: number };
  warnings: string[];
}

function docRef(n: Notice): DocRef {
  return { file: n.source.file, docNumber: n.meta.docNumber, title: n.meta.title, issuer: n.meta.issuer, date: n.meta.date };
}

function due(ts: Task[]): string | undefined {
  let best: string | undefined;
  for (const t of ts) for (const d of t.deadlines) {
    const v = d.kind === 'by' ? d.date : d.kind === 'range' ? (d.end ?? d.date) : undefined;
    if (v && (!best || v > best)) best = v;
  }
  return best;
}

function side(d: PlanDiff, local: Notice, parentId: string): SiblingSide {
  const links = d.links.filter((k) => k.base === parentId);
  const byId = new Map(local.tasks.map((t) => [t.id, t]));
  const ts = [...new Set(links.map((k) => k.local))].map((id) => byId.get(id)).filter((t): t is Task => !!t);
  return {
    tasks: ts.map((t) => t.id),
    titles: ts.map((t) => t.title),
    kinds: [...new Set(links.map((k) => k.kind))],
    deadlines: ts.flatMap((t) => t.deadlines.map((x) => x.text)),
    due: due(ts),
    lead: [...new Set(ts.flatMap((t) => (t.lead.length ? t.lead : t.units.slice(0, 1))))],
  };
}

/** Whether `child` cites or is named after `parent`: then the pair is parent and child, not siblings. */
export function implementsPlan(parent: Notice, child: Notice): boolean {
  const p = checkParentage(parent, child);
  return p.citesBase || p.namesBase;
}

export function diffSiblings(parent: Notice, a: Notice, b: Notice, parentFrom: SiblingDiff['parentFrom'], opts: DiffOptions = {}): SiblingDiff {
  const da = diffNotices(parent, a, opts);
  const db = diffNotices(parent, b, opts);
  const direct = diffNotices(a, b, opts);
  const warnings: string[] = [];
  for (const [name, d] of [
    ['A', da],
    ['B', db],
  ] as const) {
    if (!d.parentage.citesBase && !d.parentage.namesBase && !d.family.sameFamily) warnings.push(`${name} (${d.local.file}) neither cites nor is named after the parent, and carries few of its tasks: it may not implement it`);
  }
  const tasks: SiblingTask[] = parent.tasks.map((t) => {
    const sa = side(da, a, t.id);
    const sb = side(db, b, t.id);
    const status: SiblingStatus = sa.tasks.length && sb.tasks.length ? 'both' : sa.tasks.length ? 'only-a' : sb.tasks.length ? 'only-b' : 'neither';
    const out: SiblingTask = { id: t.id, title: t.title, deadlines: t.deadlines.map((x) => x.text), due: due([t]), status, a: sa, b: sb };
    if (status === 'both' && sa.due && sb.due) out.earlier = sa.due < sb.due ? 'a' : sb.due < sa.due ? 'b' : 'same';
    return out;
  });
  const count = (s: SiblingStatus) => tasks.filter((t) => t.status === s).length;
  return {
    schema: 'plancmp.siblings/1',
    parent: docRef(parent),
    a: docRef(a),
    b: docRef(b),
    parentFrom,
    parentage: { a: da.parentage, b: db.parentage },
    tasks,
    addedA: da.added,
    addedB: db.added,
    direct: direct.summary,
    summary: {
      parentTasks: parent.tasks.length,
      both: count('both'),
      onlyA: count('only-a'),
      onlyB: count('only-b'),
      neither: count('neither'),
      addedA: da.added.length,
      addedB: db.added.length,
      earlierA: tasks.filter((t) => t.earlier === 'a').length,
      earlierB: tasks.filter((t) => t.earlier === 'b').length,
    },
    warnings,
  };
}
