// Gold files written by hand may number tasks differently from plancmp (another reading of the
// structure, or ids from an older contract). When a gold lists its tasks with titles
// (baseTasks / localTasks), its ids are translated to plancmp's by matching titles, so the score
// measures the alignment, not the numbering.
import type { Notice, Task } from '../model.js';
import type { GoldFile } from './score.js';

interface Titled {
  id: string;
  title: string;
}

export interface TitledGold extends GoldFile {
  baseTasks?: Titled[];
  localTasks?: Titled[];
  ownerChanges?: { base: string; local: string; change: string }[];
}

// (a run's marker is no part of its title: truth that titles 一是强化… keeps it, plancmp does not)
const key = (s: string) => (s.replace(/^\s*[一二三四五六七八九十]{1,3}是/, '').match(/[\u3400-\u9fff0-9A-Za-z]/g) ?? []).join('');

/** Gold id → plancmp id, by equal titles (or one a prefix of the other, 4 characters at least), then by id or printed number. */
function idMap(gold: Titled[] | undefined, tasks: Task[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!gold) return out;
  const used = new Set<string>();
  const same = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));
  for (const g of gold) {
    const k = key(g.title);
    const hit = tasks.find((t) => !used.has(t.id) && key(t.title) === k) ?? tasks.find((t) => !used.has(t.id) && same(key(t.title), k));
    if (!hit) continue;
    used.add(hit.id);
    out.set(g.id, hit.id);
  }
  // a gold title that paraphrases its task: the same id, or the number the task is printed with
  // (items numbered through the plan, 1…15, under parts), when that task is still free
  for (const g of gold) {
    if (out.has(g.id)) continue;
    const hit = tasks.find((t) => !used.has(t.id) && t.id === g.id) ?? tasks.find((t) => !used.has(t.id) && /^\d+$/.test(g.id) && t.number === g.id);
    if (!hit) continue;
    used.add(hit.id);
    out.set(g.id, hit.id);
  }
  // a gold title taken from another sentence or cell of its task (a table row's 主要内容, where
  // plancmp titles the row by its 工作事项): the one free task whose text holds it
  for (const g of gold) {
    const k = key(g.title);
    if (out.has(g.id) || k.length < 6) continue;
    const hits = tasks.filter((t) => !used.has(t.id) && key(t.text).includes(k));
    if (hits.length !== 1) continue;
    used.add(hits[0].id);
    out.set(g.id, hits[0].id);
  }
  return out;
}

/** The gold with its task ids in plancmp's numbering; ids it cannot place stay as they are (and score as misses). */
export function remapGold<G extends TitledGold>(gold: G, base: Notice, local: Notice): G {
  if (!gold.baseTasks && !gold.localTasks) return gold;
  const b = idMap(gold.baseTasks, base.tasks);
  const l = idMap(gold.localTasks, local.tasks);
  const mb = (id: string) => (id.startsWith('L') ? id : (b.get(id) ?? `?${id}`));
  const ml = (id: string) => (id.startsWith('L') ? id : (l.get(id) ?? `?${id}`));
  const pair = <P extends { base: string; local: string }>(p: P): P => ({ ...p, base: mb(p.base), local: ml(p.local) });
  return {
    ...gold,
    links: gold.links.map(pair),
    dropped: gold.dropped.map(mb),
    added: gold.added.map(ml),
    deadlineChanges: gold.deadlineChanges?.map(pair),
    ownerChanges: gold.ownerChanges?.map(pair),
  };
}
