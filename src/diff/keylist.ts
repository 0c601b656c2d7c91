// Key lists (重点任务清单): align rows of the two lists, and tie each row to the body task it
// details, so a key-list 时间要求 can be compared with a local body task when the local plan has no
// key list of its own.
import type { KeyListRow, Link, Task } from '../model.js';
import { Idf, bigramSet, containment, dice } from '../align/text.js';
import { cmpId } from '../align/tasks.js';

const ROW_LINK = 0.55;
const ROW_LINK_SAME_TASK = 0.4;

/**
 * n:m links between key-list rows, by the wording of their 重点任务 cells. Then a row left without
 * a counterpart may link to the closest row that is also unlinked and details a linked body task:
 * such rows need less agreement in wording (全面推广政务钉钉 ↔ 全面应用政务钉钉系统，完成…整合).
 * `sameTask(b, l)` says whether the body tasks the two rows detail are linked.
 */
export function alignKeyLists(base: KeyListRow[], local: KeyListRow[], sameTask: (b: KeyListRow, l: KeyListRow) => boolean = () => false): Link[] {
  const idf = new Idf();
  for (const r of [...base, ...local]) idf.add(r.task);
  const lSets = local.map((r) => bigramSet(r.task));
  const bSets = base.map((r) => bigramSet(r.task));
  const links: Link[] = [];
  const weak: { i: number; j: number; near: number; link: Link }[] = [];
  base.forEach((b, i) => {
    local.forEach((l, j) => {
      const fwd = containment(b.task, lSets[j], idf);
      const rev = containment(l.task, bSets[i], idf);
      const d = dice(b.task, l.task);
      // a local row may join two provincial rows ("…试点，建立健全…体系"): containment either way counts
      const score = Math.max(d, 0.85 * Math.max(fwd, rev));
      const link: Link = { base: b.id, local: l.id, score: Math.round(score * 1000) / 1000, kind: d >= 0.9 ? 'same' : 'reworded' };
      if (score >= ROW_LINK && Math.min(fwd, rev) >= 0.3) links.push(link);
      else if (Math.max(fwd, rev) >= ROW_LINK_SAME_TASK && sameTask(b, l)) weak.push({ i, j, near: Math.max(fwd, rev), link });
    });
  });
  const linkedBase = new Set(links.map((k) => k.base));
  const linkedLocal = new Set(links.map((k) => k.local));
  for (const w of weak.sort((a, b) => b.near - a.near)) {
    if (linkedBase.has(w.link.base) || linkedLocal.has(w.link.local)) continue;
    links.push(w.link);
    linkedBase.add(w.link.base);
    linkedLocal.add(w.link.local);
  }
  const basesOf = new Map<string, number>();
  const localsOf = new Map<string, number>();
  for (const k of links) {
    basesOf.set(k.local, (basesOf.get(k.local) ?? 0) + 1);
    localsOf.set(k.base, (localsOf.get(k.base) ?? 0) + 1);
  }
  for (const k of links) {
    if ((basesOf.get(k.local) ?? 0) > 1) k.kind = 'merged';
    else if ((localsOf.get(k.base) ?? 0) > 1) k.kind = 'split';
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
