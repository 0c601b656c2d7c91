// The one definition of the diff's shapes that reports count and list: a merge is a local task
// carrying two or more base tasks, a split a base task carried by two or more local tasks, a
// rewording a link of kind 'reworded', a retitling a 'same' link (same content) whose title changed.
// summary counts these and every renderer lists these, so a headline always matches its sections.
import type { Link } from '../model.js';

function groupBy(links: readonly Link[], key: (k: Link) => string): Map<string, Link[]> {
  const m = new Map<string, Link[]>();
  for (const k of links) {
    const id = key(k);
    const list = m.get(id);
    if (list) list.push(k);
    else m.set(id, [k]);
  }
  return m;
}

/** How many distinct keys the links have. */
function distinct(ks: readonly Link[], key: (k: Link) => string): number {
  const seen = new Set<string>();
  for (const k of ks) seen.add(key(k));
  return seen.size;
}

// (loops pushing onto literals, not filter().map(): an empty filter() result is an array of another
// shape, and map() on it deoptimized the diff's summary)

/** Local tasks linked to two or more distinct base tasks, in link order. */
export function mergedGroups(links: readonly Link[]): { local: string; links: Link[] }[] {
  const out: { local: string; links: Link[] }[] = [];
  for (const [local, ks] of groupBy(links, (k) => k.local)) if (distinct(ks, (k) => k.base) >= 2) out.push({ local, links: ks });
  return out;
}

/** Base tasks linked to two or more distinct local tasks, in link order. */
export function splitGroups(links: readonly Link[]): { base: string; links: Link[] }[] {
  const out: { base: string; links: Link[] }[] = [];
  for (const [base, ks] of groupBy(links, (k) => k.base)) if (distinct(ks, (k) => k.local) >= 2) out.push({ base, links: ks });
  return out;
}

export function rewordedLinks(links: readonly Link[]): Link[] {
  return links.filter((k) => k.kind === 'reworded');
}

/** 'same' links whose titles differ (实行 → 实施): same content under a new title. */
export function retitledLinks(links: readonly Link[], baseTitle: (id: string) => string, localTitle: (id: string) => string): Link[] {
  return links.filter((k) => k.kind === 'same' && baseTitle(k.base).trim() !== localTitle(k.local).trim());
}
