// From one parent choice per notice to a forest: cycles broken at their weakest edge, levels assigned.
import type { ParentEvidence } from './types.js';

const STRENGTH: Record<ParentEvidence, number> = { 'cites-docnumber': 4, 'cites-title': 3, 'plan-name': 2, content: 1, none: 0 };

export interface Edge {
  parent: number | null;
  evidence: ParentEvidence;
  date?: string;
}

/**
 * Breaks every cycle (A cites B, B is named after A) by removing its weakest edge — the lowest
 * evidence, then the one whose parent is dated after its child, then the last in input order.
 * Returns the children whose edge was removed.
 */
export function breakCycles(edges: Edge[]): number[] {
  const removed: number[] = [];
  const state = new Uint8Array(edges.length); // 0 new, 1 on the current walk, 2 done
  for (let s = 0; s < edges.length; s++) {
    if (state[s]) continue;
    const walk: number[] = [];
    let v: number | null = s;
    while (v !== null && state[v] === 0) {
      state[v] = 1;
      walk.push(v);
      v = edges[v].parent;
    }
    if (v !== null && state[v] === 1) {
      const cycle = walk.slice(walk.indexOf(v));
      const weakest = cycle.reduce((a, b) => {
        const sa = STRENGTH[edges[a].evidence];
        const sb = STRENGTH[edges[b].evidence];
        if (sa !== sb) return sb < sa ? b : a;
        const la = late(edges, a);
        const lb = late(edges, b);
        if (la !== lb) return lb ? b : a;
        return b > a ? b : a;
      });
      edges[weakest] = { ...edges[weakest], parent: null, evidence: 'none' };
      removed.push(weakest);
    }
    for (const w of walk) state[w] = 2;
  }
  return removed;
}

function late(edges: Edge[], c: number): boolean {
  const p = edges[c].parent;
  return p !== null && !!edges[p].date && !!edges[c].date && edges[p].date! > edges[c].date!;
}

/** Depth of every node (0 for a root); edges must be acyclic. */
export function levels(parents: (number | null)[]): number[] {
  const out = new Array<number>(parents.length).fill(-1);
  const depth = (i: number): number => {
    const stack: number[] = [];
    let v: number | null = i;
    while (v !== null && out[v] < 0) {
      stack.push(v);
      v = parents[v];
    }
    let d = v === null ? -1 : out[v];
    while (stack.length) out[stack.pop()!] = ++d;
    return out[i];
  };
  for (let i = 0; i < parents.length; i++) depth(i);
  return out;
}

/** Children of every node, in input order. */
export function childrenOf(parents: (number | null)[]): number[][] {
  const out: number[][] = parents.map(() => []);
  parents.forEach((p, c) => {
    if (p !== null) out[p].push(c);
  });
  return out;
}

/** Every path from a root down to a node without children, for roots that have children. */
export function branches(parents: (number | null)[], children: number[][]): number[][] {
  const out: number[][] = [];
  const roots = parents.map((p, i) => (p === null ? i : -1)).filter((i) => i >= 0 && children[i].length > 0);
  for (const r of roots) {
    const stack: number[][] = [[r]];
    while (stack.length) {
      const path = stack.pop()!;
      const kids = children[path[path.length - 1]];
      if (!kids.length) out.push(path);
      else for (let k = kids.length - 1; k >= 0; k--) stack.push([...path, kids[k]]);
    }
  }
  return out;
}
