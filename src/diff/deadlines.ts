// Deadline changes between linked content. Every explicit time requirement attached to a linked
// pair on either side is listed — 'same' included — so a reader can see what was checked:
//  - body text vs body text, across all links of a task (a merged local item may carry the
//    deadline of any of its base tasks);
//  - key-list 时间要求 vs key-list 时间要求 for linked rows;
//  - when the local plan has no key list: base key-list 时间要求 vs the local body task that
//    carries the row's task.
import type { Deadline, DeadlineChange, KeyListRow, Link, Notice, Task } from '../model.js';
import { compareDeadlines } from '../parse/deadlines.js';
import { Idf, bigramSet, containment } from '../align/text.js';
import { rowTasks } from './keylist.js';

const EXPLICIT = new Set(['by', 'range', 'from', 'recurring', 'duration']);
const explicit = (d: Deadline) => EXPLICIT.has(d.kind);

/** How well two deadline clauses speak of the same thing (either way round). */
function clauseMatch(a: string, b: string, idf: Idf): number {
  return Math.max(containment(a, bigramSet(b), idf), containment(b, bigramSet(a), idf));
}

const CLAUSE_MATCH = 0.4;
const SAME_REQUIREMENT_MATCH = 0.25;

export function compareDeadlineSets(base: Notice, local: Notice, links: Link[], keyListLinks: Link[]): DeadlineChange[] {
  const idf = new Idf();
  for (const t of [...base.tasks, ...local.tasks]) idf.add(t.text);
  const out: DeadlineChange[] = [];
  const bTask = new Map(base.tasks.map((t) => [t.id, t]));
  const lTask = new Map(local.tasks.map((t) => [t.id, t]));
  const mainLocal = mainCounterparts(links);
  // links of each task, grouped once (a filter per task is quadratic on large plans)
  const linksOfBase = new Map<string, Link[]>();
  const linksOfLocal = new Map<string, Link[]>();
  for (const k of links) {
    (linksOfBase.get(k.base) ?? linksOfBase.set(k.base, []).get(k.base)!).push(k);
    (linksOfLocal.get(k.local) ?? linksOfLocal.set(k.local, []).get(k.local)!).push(k);
  }

  // body vs body
  // local deadline → the base body deadline it answers
  const used = new Map<Deadline, Deadline>();
  for (const b of base.tasks) {
    const locals = (linksOfBase.get(b.id) ?? []).map((k) => lTask.get(k.local)!).filter(Boolean);
    if (locals.length === 0) continue;
    for (const d of b.deadlines.filter(explicit)) {
      let best: { t: Task; e: Deadline; s: number } | undefined;
      for (const t of locals) {
        for (const e of t.deadlines.filter(explicit)) {
          if (used.has(e)) continue;
          // an identical requirement (每年 … 每年) needs less agreement in wording than a moved one
          const need = compareDeadlines(d, e) === 'same' ? SAME_REQUIREMENT_MATCH : CLAUSE_MATCH;
          const s = clauseMatch(d.clause, e.clause, idf);
          if (s >= need && (!best || s > best.s)) best = { t, e, s };
        }
      }
      if (best) {
        used.set(best.e, d);
        out.push(change(b.id, best.t.id, d.clause, best.e.clause, compareDeadlines(d, best.e), 'body'));
      } else {
        out.push(change(b.id, mainLocal.get(b.id)!, d.clause, '', 'removed', 'body'));
      }
    }
  }
  for (const l of local.tasks) {
    const bases = (linksOfLocal.get(l.id) ?? []).map((k) => bTask.get(k.base)!).filter(Boolean);
    if (bases.length === 0) continue;
    for (const e of l.deadlines.filter(explicit)) {
      if (used.has(e)) continue;
      // attribute a new requirement to the base task whose content its clause speaks of
      const owner = bases.reduce((a, c) => (containment(e.clause, bigramSet(c.text), idf) > containment(e.clause, bigramSet(a.text), idf) ? c : a));
      out.push(change(owner.id, l.id, '', e.clause, 'added', 'body'));
    }
  }

  if (local.keyList.length > 0) {
    const bRow = new Map(base.keyList.map((r) => [r.id, r]));
    const lRow = new Map(local.keyList.map((r) => [r.id, r]));
    for (const k of keyListLinks) {
      const b = bRow.get(k.base);
      const l = lRow.get(k.local);
      if (!b || !l) continue;
      if (!explicit(b.deadline) && !explicit(l.deadline)) continue;
      const c = !explicit(l.deadline) ? 'removed' : !explicit(b.deadline) ? 'added' : compareDeadlines(b.deadline, l.deadline);
      out.push(change(b.id, l.id, b.deadline.text, l.deadline.text, c, 'keyList'));
    }
  } else {
    for (const c of keyListVsBody(base, local, mainLocal, idf, used)) out.push(c);
  }
  return dedupe(out);
}

/** The same requirement written twice in one task (年度… and 年度… again) is one entry. */
function dedupe(list: DeadlineChange[]): DeadlineChange[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = [c.base, c.local, c.baseDeadline, c.localDeadline, c.change, c.compared].join('\u0000');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function keyListVsBody(base: Notice, local: Notice, mainLocal: Map<string, string>, idf: Idf, answered: Map<Deadline, Deadline>): DeadlineChange[] {
  const out: DeadlineChange[] = [];
  const owners = rowTasks(base.keyList, base.tasks);
  const lTask = new Map(local.tasks.map((t) => [t.id, t]));
  for (const r of base.keyList) {
    if (!explicit(r.deadline)) continue;
    const owner = owners.get(r.id);
    const l = owner && lTask.get(mainLocal.get(owner.id) ?? '');
    if (!l) continue; // the row's task was dropped: no linked pair to compare
    const e = bestClause(r, l, idf, answered);
    if (e) out.push(change(r.id, l.id, r.deadline.text, e.clause, compareDeadlines(r.deadline, e), 'keyListVsBody'));
    else out.push(change(r.id, l.id, r.deadline.text, '', 'removed', 'keyListVsBody'));
  }
  return out;
}

/**
 * The local deadline that answers a key-list row. A local clause that already answers a base body
 * deadline is only the row's counterpart if the row restates that same requirement: the row
 * 开展…试点 (2018年7月底前) is not answered by 2022年全面实现… just because both speak of 政务公开.
 */
function bestClause(r: KeyListRow, l: Task, idf: Idf, answered: Map<Deadline, Deadline>): Deadline | undefined {
  let best: Deadline | undefined;
  let bestScore = 0;
  for (const e of l.deadlines.filter(explicit)) {
    const bodyDeadline = answered.get(e);
    if (bodyDeadline && compareDeadlines(r.deadline, bodyDeadline) !== 'same') continue;
    // a requirement of the same kind may be phrased around the clause: look at its whole sentence
    const comparable = compareDeadlines(r.deadline, e) !== 'changed';
    const s = Math.max(clauseMatch(r.task, e.clause, idf), comparable ? clauseMatch(r.task, sentenceOf(l.text, e.clause), idf) : 0);
    if (s > bestScore) {
      bestScore = s;
      best = e;
    }
  }
  return bestScore >= CLAUSE_MATCH ? best : undefined;
}

/** The sentence (between 。；) of `text` that contains `clause`. */
function sentenceOf(text: string, clause: string): string {
  const at = text.indexOf(clause);
  if (at < 0) return clause;
  const start = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at)) + 1;
  const ends = [text.indexOf('。', at + clause.length), text.indexOf('；', at + clause.length)].filter((k) => k >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length);
}

/** Each base task's strongest local counterpart. */
export function mainCounterparts(links: Link[]): Map<string, string> {
  const best = new Map<string, Link>();
  for (const k of links) {
    const cur = best.get(k.base);
    if (!cur || k.score > cur.score) best.set(k.base, k);
  }
  return new Map([...best].map(([b, k]) => [b, k.local]));
}

function change(base: string, local: string, baseDeadline: string, localDeadline: string, c: DeadlineChange['change'], compared: DeadlineChange['compared']): DeadlineChange {
  return { base, local, baseDeadline, localDeadline, change: c, compared };
}
