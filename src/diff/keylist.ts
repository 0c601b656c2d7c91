// Key lists (重点任务清单): align rows of the two lists, and tie each row to the body task it
// details, so a key-list 时间要求 can be compared with a local body task when the local plan has no
// key list of its own.
import type { KeyListRow, Link, Task } from '../model.js';
import { Idf, bigramSet, containment, dice } from '../align/text.js';
import { cmpId } from '../align/tasks.js';

const ROW_LINK = 0.55;
const ROW_LINK_SAME_TASK = 0.4;

/** n:m links between key-list rows, by the wording of their 重点任务 cells. */
/**
 * `sameTask(b, l)` says whether the body tasks the two rows detail are linked; rows of linked tasks
 * need less agreement in wording (全面推广政务钉钉 ↔ 全面应用政务钉钉系统，完成…整合).
 */
export function alignKeyLists(base: KeyListRow[], local: KeyListRow[], sameTask: (b: KeyListRow, l: KeyListRow) => boolean = () => false): Link[] {
  const idf = new Idf();
  for (const r of [...base, ...local]) idf.add(r.task);
  const lSets = local.map((r) => bigramSet(r.task));
  const bSets = base.map((r) => bigramSet(r.task));
  const links: Link[] = [];
  base.forEach((b, i) => {
    local.forEach((l, j) => {
      const fwd = containment(b.task, lSets[j], idf);
      const rev = containment(l.task, bSets[i], idf);
      const d = dice(b.task, l.task);
      // a local row may join two provincial rows ("…试点，建立健全…体系"): containment either way counts
      const score = Math.max(d, 0.85 * Math.max(fwd, rev));
      const strong = score >= ROW_LINK && Math.min(fwd, rev) >= 0.3;
      const withinTask = Math.max(fwd, rev) >= ROW_LINK_SAME_TASK && sameTask(b, l);
      if (strong || withinTask) {
        links.push({ base: b.id, local: l.id, score: Math.round(score * 1000) / 1000, kind: d >= 0.9 ? 'same' : 'reworded' });
      }
    });
  });
  const basesOf = (id: string) => links.filter((k) => k.local === id).length;
  const localsOf = (id: string) => links.filter((k) => k.base === id).length;
  for (const k of links) {
    if (basesOf(k.local) > 1) k.kind = 'merged';
    else if (localsOf(k.base) > 1) k.kind = 'split';
  }
  return links.sort((a, b) => cmpId(a.base, b.base) || cmpId(a.local, b.local));
}

/** The body task each key-list row details (best IDF containment of the row in the task text). */
export function rowTasks(rows: KeyListRow[], tasks: Task[]): Map<string, Task> {
  const idf = new Idf();
  for (const t of tasks) idf.add(`${t.title}。${t.text}`);
  const sets = tasks.map((t) => bigramSet(`${t.title}。${t.text}`));
  const out = new Map<string, Task>();
  for (const r of rows) {
    const scores = sets.map((s, k) => ({ k, c: containment(r.task, s, idf) })).sort((a, b) => b.c - a.c);
    const [first, second] = scores;
    // a row restates its task closely, or at least far more closely than any other task
    if (first && (first.c >= 0.5 || (first.c >= 0.25 && first.c >= 2 * (second?.c ?? 0)))) out.set(r.id, tasks[first.k]);
  }
  return out;
}
