// With `check --snapshot DIR --diff`, a snapshot also pins the file's diff against the base: which
// base task links to which local task and how, what is dropped and added, and each deadline
// comparison. A change in the aligner then shows up as named links, not as a wall of JSON.
import type { Notice, PlanDiff } from '../model.js';
import { goneSubject, type Change, type IdMap, type SnapshotLines } from './snapshot.js';

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

/** `2.1→2.1 merged` → its parts; the local side may be a task or a key-list row id. */
function parts(entry: string): { base: string; local: string; rest: string } | undefined {
  const m = /^(.*?)→(\S*)(?: (.*))?$/.exec(entry);
  return m ? { base: m[1], local: m[2], rest: m[3] ?? '' } : undefined;
}

/** The stored entry with its local id as the current parse numbers it (tasks matched by content). */
function translate(entry: string, ids: IdMap): string {
  const p = parts(entry);
  const now = p && ids.get(p.local);
  return p && now && now !== p.local ? `${p.base}→${now}${p.rest ? ` ${p.rest}` : ''}` : entry;
}

const subjectOf = (id: string) => (/^L\d/.test(id) ? `key list ${id}` : `task ${id}`);


/** Differences between two diff projections; `titles` names task ids for the reader. */
export function diffDiffSections(before: SnapshotDiff | undefined, after: SnapshotDiff | undefined, base?: Notice, local?: Notice, ids: IdMap = new Map(), lines?: SnapshotLines): Change[] {
  if (!before && !after) return [];
  if (!before) return [{ area: 'diff', message: 'the snapshot has no diff section (run with --update to add it)', subject: 'diff', line: 1 }];
  if (!after) return [{ area: 'diff', message: 'the snapshot has a diff section but --diff was not given', subject: 'diff', line: 1 }];
  const bTitle = new Map(base?.tasks.map((t) => [t.id, t.title]) ?? []);
  const lTitle = new Map(local?.tasks.map((t) => [t.id, t.title]) ?? []);
  const named = (id: string, m: Map<string, string>) => (m.has(id) ? `${id} (${m.get(id)})` : id);
  const lineOf = (id: string) => (/^L\d/.test(id) ? lines?.keyList.get(id) : lines?.tasks.get(id));
  // the stored local ids renumbered as the current parse numbers the same tasks: a deleted task
  // leaves its own entries behind, not a shifted copy of every later one
  const old: SnapshotDiff = {
    ...before,
    links: before.links.map((x) => translate(x, ids)),
    added: before.added.map((x) => ids.get(x) ?? x),
    deadlineChanges: before.deadlineChanges.map((x) => translate(x, ids)),
  };
  const out: Change[] = [];
  const about = (local: string): Pick<Change, 'subject' | 'line'> => ({ subject: subjectOf(local), line: lineOf(local) });
  // a stored entry is about the task its local id now names, or (not matched) a task that vanished;
  // `origin` takes a translated entry back to the stored one
  const origin = new Map<string, string>();
  for (const list of [before.links, before.deadlineChanges]) for (const x of list) origin.set(translate(x, ids), x);
  const aboutOld = (storedLocal: string): Pick<Change, 'subject' | 'line'> => {
    const now = ids.get(storedLocal);
    return now ? about(now) : { subject: goneSubject(subjectOf(storedLocal)) };
  };
  /** The stored local id of a (translated) stored entry. */
  const storedLocal = (x: string) => parts(origin.get(x) ?? x)?.local ?? x;
  /** A base task's entries belong with the local task it was (or is now) linked to. */
  const viaLinks = (baseId: string): Pick<Change, 'subject' | 'line'> => {
    const was = before.links.map(parts).find((p) => p && p.base === baseId);
    if (was) return aboutOld(was.local);
    const now = after.links.map(parts).find((p) => p && p.base === baseId);
    return now ? about(now.local) : { subject: 'diff', line: 1 };
  };
  if (old.base !== after.base) out.push({ area: 'diff', message: `diff base changed: ${old.base ?? '(none)'} → ${after.base ?? '(none)'}`, subject: 'diff', line: 1 });
  /** Entries only before (where: of a stored entry) and only now (of a current one). */
  const set = (area: string, a: string[], b: string[], name: (x: string) => string, was: (x: string) => Pick<Change, 'subject' | 'line'>, now: (x: string) => Pick<Change, 'subject' | 'line'>) => {
    const gone = a.filter((x) => !b.includes(x));
    const came = b.filter((x) => !a.includes(x));
    // the same pair of tasks with another kind or class is one change: `link 2.1→2.1 same → merged`
    const pair = (x: string) => (parts(x)?.rest ? `${parts(x)!.base}→${parts(x)!.local}` : undefined);
    for (const x of gone) {
      const k = pair(x);
      const y = k === undefined ? -1 : came.findIndex((c) => pair(c) === k);
      if (y < 0) out.push({ area: 'diff', id: x, message: `${area} ${name(x)} vanished`, ...was(x) });
      else {
        out.push({ area: 'diff', id: x, message: `${area} ${k} ${parts(x)!.rest} → ${parts(came[y])!.rest}`, ...now(came[y]) });
        came.splice(y, 1);
      }
    }
    for (const x of came) out.push({ area: 'diff', id: x, message: `${area} ${name(x)} appeared`, ...now(x) });
  };
  const localOf = (x: string) => parts(x)?.local ?? x;
  set('link', old.links, after.links, (x) => x, (x) => aboutOld(storedLocal(x)), (x) => about(localOf(x)));
  set('dropped task', old.dropped, after.dropped, (x) => named(x, bTitle), viaLinks, viaLinks);
  // added holds bare local ids: the translated one names a current task, an untranslated one a vanished task
  set('added task', old.added, after.added, (x) => named(x, lTitle), (x) => (before.added.includes(x) && !ids.has(x) ? aboutOld(x) : about(x)), about);
  set('deadline comparison', old.deadlineChanges, after.deadlineChanges, (x) => x, (x) => aboutOld(storedLocal(x)), (x) => about(localOf(x)));
  return out;
}
