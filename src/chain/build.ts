// Notices in, chain out: a parent per notice (with its evidence), the forest, a diff per edge and
// the task lineages of every branch. Diffs are computed once per edge, so the cost is one diff
// per notice with a parent (plus a few candidate diffs for notices found by content only).
import type { Notice, PlanDiff } from '../model.js';
import { diffNotices } from '../diff/index.js';
import { CHAIN_DEFAULTS, type ChainOptions } from './options.js';
import { ParentFinder, type ParentChoice } from './parents.js';
import { branches, breakCycles, childrenOf, levels } from './tree.js';
import { traceBranch } from './lineage.js';
import type { ChainEntry, ChainFailure, ChainNode, ChainResult, Lineage } from './types.js';

export interface BuiltChain extends ChainResult {
  /** The diff of every notice against its parent (by input index), for renderers that show more. */
  diffs: (PlanDiff | undefined)[];
}

export interface BuildHooks {
  /** Called as notices are placed and diffed against their parents (done of total). */
  onProgress?: (done: number, total: number) => void;
}

export function buildChain(notices: Notice[], options: Partial<ChainOptions> = {}, failed: ChainFailure[] = [], warnings: string[] = [], hooks: BuildHooks = {}): BuiltChain {
  const opts = { ...CHAIN_DEFAULTS, ...options };
  const finder = new ParentFinder(notices, opts);
  const total = notices.length * 2;
  const choices: ParentChoice[] = notices.map((_, i) => {
    hooks.onProgress?.(i, total);
    return finder.find(i);
  });
  const edges = choices.map((c, i) => ({ parent: c.parent, evidence: c.evidence, date: notices[i].meta.date }));
  for (const c of breakCycles(edges)) {
    const was = choices[c];
    choices[c] = { parent: null, evidence: 'none', notes: [...was.notes, `its ${was.evidence} link to ${notices[was.parent!].source.file} was removed: it closed a cycle`] };
  }
  const parents = choices.map((c) => c.parent);
  const depth = levels(parents);
  const kids = childrenOf(parents);

  const diffs = choices.map((c, i) => {
    hooks.onProgress?.(notices.length + i, total);
    if (c.parent === null) return undefined;
    const p = notices[c.parent];
    if (!p.tasks.length || !notices[i].tasks.length) return undefined;
    return c.diff ?? diffNotices(p, notices[i]);
  });

  const entries: ChainEntry[] = notices.map((n, i) => {
    const c = choices[i];
    const notes = [...c.notes];
    if (c.parent !== null && !diffs[i]) notes.push(n.tasks.length ? 'the parent has no tasks to compare' : 'no tasks found in this notice');
    const e: ChainEntry = {
      file: n.source.file,
      docNumber: n.meta.docNumber,
      title: n.meta.title,
      issuer: n.meta.issuer,
      date: n.meta.date,
      tasks: n.tasks.length,
      parent: c.parent === null ? null : notices[c.parent].source.file,
      evidence: c.evidence,
      level: depth[i],
      summary: diffs[i]?.summary ?? null,
      notes,
    };
    if (c.detail) e.evidenceDetail = c.detail;
    if (c.citedParent) e.citedParent = c.citedParent;
    return e;
  });

  const node = (i: number): ChainNode => ({ ...entries[i], children: kids[i].map(node) });
  const roots = parents.map((p, i) => (p === null ? i : -1)).filter((i) => i >= 0).map(node);

  const lineages = branches(parents, kids).flatMap((path) => {
    // an edge without a diff (a notice without tasks) cuts the branch: each run of diffed edges is traced on its own
    const out: Lineage[] = [];
    let start = 0;
    for (let k = 1; k <= path.length; k++) {
      if (k < path.length && diffs[path[k]]) continue;
      if (k - start >= 2) out.push(...traceBranch(path.slice(start, k).map((i, j) => ({ notice: notices[i], diff: j ? diffs[i] : undefined })), depth[path[start]]));
      start = k;
    }
    return out;
  });
  // a branch cut short by a notice without tasks can repeat the lineages of a sibling branch
  const seen = new Set<string>();
  const unique = lineages.filter((l) => (seen.has(l.id) ? false : (seen.add(l.id), true)));

  return { schema: 'plancmp.chain/1', entries, roots, lineages: unique, failed, warnings, diffs };
}
