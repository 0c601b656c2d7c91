// The connected groups of a link graph: a merge (two base tasks, one local) or a split (one base
// task, two locals) is one group. Used wherever a diff is read group by group — requirements are
// compared over a group, the HTML page shows one row per group.
import type { Link } from '../model.js';

export interface LinkGroup {
  base: string[];
  local: string[];
}

/**
 * The groups of `links`, each with its base and local task ids. With `baseIds` / `localIds`, tasks
 * no link touches are groups of their own; groups come in the order of their first member (base ids
 * first, then local ids), members in the order given.
 */
export function linkGroups(links: readonly Link[], baseIds: readonly string[] = [], localIds: readonly string[] = []): LinkGroup[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const add = (x: string) => parent.has(x) || parent.set(x, x);
  for (const id of baseIds) add(`b:${id}`);
  for (const id of localIds) add(`l:${id}`);
  for (const k of links) {
    add(`b:${k.base}`);
    add(`l:${k.local}`);
    parent.set(find(`b:${k.base}`), find(`l:${k.local}`));
  }
  const groups = new Map<string, LinkGroup>();
  for (const x of parent.keys()) {
    const r = find(x);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { base: [], local: [] }));
    (x.startsWith('b:') ? g.base : g.local).push(x.slice(2));
  }
  return [...groups.values()];
}
