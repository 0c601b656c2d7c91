// Pairwise evidence that a local task carries a base task: how much of the base task's content
// (clause by clause) reappears in the local task, the reverse, and how well the titles agree.
// A local item often joins two provincial titles with a comma ("健全政务标准，推广移动政务"), so each
// comma-separated part of a local title is compared on its own.
import type { Task } from '../model.js';
import { Idf, bigramSet, clauses, containment, dice, type Gram } from './text.js';

export interface PairEvidence {
  /** Share of the base task's content found in the local task (0..1). */
  cover: number;
  /** Share of the local task's content found in the base task (0..1). */
  back: number;
  /** Best title agreement between the base title and the local title or one of its parts (0..1). */
  title: number;
  /** One number to rank candidates by. */
  score: number;
}

function titleParts(title: string): string[] {
  const parts = title.split(/[，、；]/).map((p) => p.trim()).filter((p) => p.length >= 2);
  return parts.length > 1 ? [title, ...parts] : [title];
}

/** Length-weighted mean over the clauses of `from` of their IDF containment in `to`. */
function clauseCover(fromClauses: string[], to: ReadonlySet<Gram>, idf: Idf): number {
  let num = 0;
  let den = 0;
  for (const c of fromClauses) {
    const w = c.length;
    const k = containment(c, to, idf);
    // a clause half-present is mostly rewording noise; a clause mostly present is carried
    num += w * (k >= 0.5 ? k : k * 0.5);
    den += w;
  }
  return den === 0 ? 0 : num / den;
}

export function evidenceMatrix(base: Task[], local: Task[]): PairEvidence[][] {
  const idf = new Idf();
  for (const t of [...base, ...local]) idf.add(`${t.title}。${t.text}`);
  const bClauses = base.map((t) => clauses(t.text));
  const lClauses = local.map((t) => clauses(t.text));
  const bSets = base.map((t) => bigramSet(t.text));
  const lSets = local.map((t) => bigramSet(t.text));
  const lTitles = local.map((t) => titleParts(t.title));
  return base.map((b, i) =>
    local.map((l, j) => {
      const cover = clauseCover(bClauses[i], lSets[j], idf);
      const back = clauseCover(lClauses[j], bSets[i], idf);
      // a loop, not Math.max(...): a title may list more parts than a call has arguments
      let title = 0;
      for (const p of lTitles[j]) title = Math.max(title, dice(b.title, p));
      const score = 0.7 * cover + 0.3 * title;
      return { cover, back, title, score };
    }),
  );
}
