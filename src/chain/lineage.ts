// Task lineages: every task followed down every branch of the chain through the links of each
// level's diff — where it first appears (the top, or the level that added it), how each level
// carried it (kept / merged / split / reworded) or where it was dropped, and the deadline and
// owners at each level (tightened where a level brought the deadline forward).
import type { DeadlineChange, Notice, PlanDiff, Task } from '../model.js';
import type { Lineage, LineageStep } from './types.js';

/** One edge of a branch: the parent notice, the child notice and their diff. */
export interface Level {
  notice: Notice;
  /** Diff against the level above (undefined at the top of the branch). */
  diff?: PlanDiff;
}

type OwnerChange = { base: string; local: string; change: string };

const ORDER = ['earlier', 'later', 'added', 'removed', 'changed', 'same'] as const;

/** Latest ISO date among dated deadlines (by / range). */
function due(t: Task[]): string | undefined {
  let best: string | undefined;
  for (const x of t) for (const d of x.deadlines) {
    const v = d.kind === 'by' ? d.date : d.kind === 'range' ? (d.end ?? d.date) : undefined;
    if (v && (!best || v > best)) best = v;
  }
  return best;
}

/** Per edge: body-task ids of each deadline comparison (key-list rows mapped to the task they detail). */
function deadlineIndex(parent: Notice, child: Notice, d: PlanDiff): Map<string, DeadlineChange['change'][]> {
  // each key-list row names the body task it details (bodyTask, set at parse time)
  const pRows = new Map(parent.keyList.map((r) => [r.id, r.bodyTask]));
  const cRows = new Map(child.keyList.map((r) => [r.id, r.bodyTask]));
  const out = new Map<string, DeadlineChange['change'][]>();
  for (const x of d.deadlineChanges) {
    const b = pRows.get(x.base) ?? x.base;
    const l = cRows.get(x.local) ?? x.local;
    const k = `${b}|${l}`;
    const a = out.get(k);
    if (a) a.push(x.change);
    else out.set(k, [x.change]);
  }
  return out;
}

function step(n: Notice, level: number, ids: string[], byId: Map<string, Task>, status: LineageStep['status']): LineageStep {
  const ts = ids.map((i) => byId.get(i)).filter((t): t is Task => !!t);
  const lead = [...new Set(ts.flatMap((t) => (t.lead.length ? t.lead : t.units.slice(0, 1))))];
  return {
    level,
    file: n.source.file,
    docNumber: n.meta.docNumber,
    status,
    tasks: ids,
    titles: ts.map((t) => t.title),
    kinds: [],
    deadlines: ts.flatMap((t) => t.deadlines.map((x) => x.text)),
    due: due(ts),
    lead,
    units: [...new Set(ts.flatMap((t) => t.units))],
  };
}

/** All lineages of one branch (levels top first); `top` is the tree level of its first notice. */
export function traceBranch(levels: Level[], top = 0): Lineage[] {
  const byId = levels.map((l) => new Map(l.notice.tasks.map((t) => [t.id, t])));
  // per edge k (level k-1 → k): links from each parent id, deadline and owner comparisons
  const down = levels.map((l) => {
    const m = new Map<string, PlanDiff['links']>();
    for (const k of l.diff?.links ?? []) {
      const a = m.get(k.base);
      if (a) a.push(k);
      else m.set(k.base, [k]);
    }
    return m;
  });
  const dl = levels.map((l, k) => (k > 0 && l.diff ? deadlineIndex(levels[k - 1].notice, l.notice, l.diff) : new Map<string, DeadlineChange['change'][]>()));
  const owners = levels.map((l) => ((l.diff as (PlanDiff & { ownerChanges?: OwnerChange[] }) | undefined)?.ownerChanges ?? []));
  const bottom = levels.length - 1;
  const branch = levels.map((l) => l.notice.source.file);
  const out: Lineage[] = [];

  for (let k = 0; k <= bottom; k++) {
    const linkedHere = new Set((levels[k].diff?.links ?? []).map((x) => x.local));
    const origins = levels[k].notice.tasks.filter((t) => k === 0 || !linkedHere.has(t.id));
    for (const o of origins) {
      const steps: LineageStep[] = [step(levels[k].notice, top + k, [o.id], byId[k], 'origin')];
      let cur = [o.id];
      let droppedAt: number | undefined;
      const tightenedAt: number[] = [];
      const loosenedAt: number[] = [];
      const reassignedAt: number[] = [];
      for (let j = k + 1; j <= bottom; j++) {
        const links = cur.flatMap((id) => down[j].get(id) ?? []);
        const next = [...new Set(links.map((x) => x.local))];
        if (!next.length) {
          steps.push(step(levels[j].notice, top + j, [], byId[j], 'dropped'));
          droppedAt = top + j;
          break;
        }
        const s = step(levels[j].notice, top + j, next, byId[j], 'kept');
        s.kinds = [...new Set(links.map((x) => x.kind))];
        const changes = new Set(links.flatMap((x) => dl[j].get(`${x.base}|${x.local}`) ?? []));
        s.deadlineChange = ORDER.find((c) => changes.has(c));
        if (s.deadlineChange === 'earlier') tightenedAt.push(top + j);
        if (s.deadlineChange === 'later') loosenedAt.push(top + j);
        const oc = owners[j].filter((x) => cur.includes(x.base) && next.includes(x.local)).map((x) => x.change);
        if (oc.length) s.ownerChange = oc.find((x) => x !== 'mapped') ?? 'mapped';
        if (oc.includes('reassigned')) reassignedAt.push(top + j);
        steps.push(s);
        cur = next;
      }
      const reaches = droppedAt === undefined;
      out.push({
        kind: 'lineage',
        id: `${levels[k].notice.source.file}#${o.id}@${branch[bottom]}`,
        branch,
        origin: { level: top + k, file: levels[k].notice.source.file, task: o.id, title: o.title },
        fate: !reaches ? `dropped-at-level-${droppedAt}` : k === 0 ? 'carried-from-top' : `added-at-level-${top + k}`,
        reachesBottom: reaches,
        droppedAt,
        tightenedAt,
        loosenedAt,
        reassignedAt,
        steps,
      });
    }
  }
  return out;
}
