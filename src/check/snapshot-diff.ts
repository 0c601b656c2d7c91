// With `check --snapshot DIR --diff`, a snapshot also pins the file's diff against the base: which
// base task links to which local task and how, what is dropped and added, and each deadline
// comparison. A change in the aligner then shows up as named links, not as a wall of JSON.
import type { Notice, PlanDiff } from '../model.js';
import type { Change } from './snapshot.js';

export interface SnapshotDiff {
  base: string | null;
  /** "2.1→2.1 merged" */
  links: string[];
  dropped: string[];
  added: string[];
  /** "L18→4.4 same" */
  deadlineChanges: string[];
}

export function projectDiff(d: PlanDiff): SnapshotDiff {
  return {
    base: d.base.docNumber ?? null,
    links: d.links.map((k) => `${k.base}→${k.local} ${k.kind}`),
    dropped: d.dropped.map((x) => x.id),
    added: d.added.map((x) => x.id),
    deadlineChanges: d.deadlineChanges.map((c) => `${c.base}→${c.local} ${c.change}`),
  };
}

function setChange(area: string, before: string[], after: string[], name: (x: string) => string): Change[] {
  const out: Change[] = [];
  for (const x of before) if (!after.includes(x)) out.push({ area: 'diff', id: x, message: `${area} ${name(x)} vanished` });
  for (const x of after) if (!before.includes(x)) out.push({ area: 'diff', id: x, message: `${area} ${name(x)} appeared` });
  return out;
}

/** Differences between two diff projections; `titles` names task ids for the reader. */
export function diffDiffSections(before: SnapshotDiff | undefined, after: SnapshotDiff | undefined, base?: Notice, local?: Notice): Change[] {
  if (!before && !after) return [];
  if (!before) return [{ area: 'diff', message: 'the snapshot has no diff section (run with --update to add it)' }];
  if (!after) return [{ area: 'diff', message: 'the snapshot has a diff section but --diff was not given' }];
  const bTitle = new Map(base?.tasks.map((t) => [t.id, t.title]) ?? []);
  const lTitle = new Map(local?.tasks.map((t) => [t.id, t.title]) ?? []);
  const named = (id: string, m: Map<string, string>) => (m.has(id) ? `${id} (${m.get(id)})` : id);
  const out: Change[] = [];
  if (before.base !== after.base) out.push({ area: 'diff', message: `diff base changed: ${before.base ?? '(none)'} → ${after.base ?? '(none)'}` });
  out.push(...setChange('link', before.links, after.links, (x) => x));
  out.push(...setChange('dropped task', before.dropped, after.dropped, (x) => named(x, bTitle)));
  out.push(...setChange('added task', before.added, after.added, (x) => named(x, lTitle)));
  out.push(...setChange('deadline comparison', before.deadlineChanges, after.deadlineChanges, (x) => x));
  return out;
}
