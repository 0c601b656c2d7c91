// Pairwise evidence that a local task carries a base task: how much of the base task's content
// (clause by clause) reappears in the local task, the reverse, and how well the titles agree.
// A local item often joins two provincial titles with a comma ("健全政务标准，推广移动政务"), so each
// comma-separated part of a local title is compared on its own.
import type { Task } from '../model.js';
import { Idf, bigramSet, clauses, dice, type Gram } from './text.js';
import { postingsOf, taskClauses, taskDoc, taskDocsDf, taskPostings } from './prepared.js';

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

/**
 * cover[i][j]: length-weighted mean over the clauses of from[i] of their IDF containment in to[j].
 * Computed through an inverted index (bigram → the `to` texts that hold it), so each clause is
 * scored against all texts in one pass over its bigrams instead of one pass per text.
 */
function coverMatrix(from: string[][], to: ReadonlySet<Gram>[], idf: Idf, postings = postingsOf(to)): Float64Array[] {
  const acc = new Float64Array(to.length);
  return from.map((cls) => {
    const num = new Float64Array(to.length);
    let den = 0;
    for (const c of cls) {
      const { grams, weights, total } = idf.weighted(c);
      acc.fill(0);
      for (let k = 0; k < grams.length; k++) {
        const list = postings.get(grams[k]);
        if (list) for (const j of list) acc[j] += weights[k];
      }
      const w = c.length;
      den += w;
      if (total === 0) continue;
      for (let j = 0; j < to.length; j++) {
        const kj = acc[j] / total;
        // a clause half-present is mostly rewording noise; a clause mostly present is carried
        num[j] += w * (kj >= 0.5 ? kj : kj * 0.5);
      }
    }
    if (den > 0) for (let j = 0; j < to.length; j++) num[j] /= den;
    return num;
  });
}

export function evidenceMatrix(base: Task[], local: Task[]): PairEvidence[][] {
  // the base side is prepared once per base (prepared.ts); only the local side is computed here
  const idf = new Idf(taskDocsDf(base));
  for (const t of local) idf.add(taskDoc(t));
  const bClauses = taskClauses(base);
  const lClauses = local.map((t) => clauses(t.text));
  const b = taskPostings(base);
  const cover = coverMatrix(bClauses, local.map((t) => bigramSet(t.text)), idf); // [base][local]
  const back = coverMatrix(lClauses, b.sets, idf, b.postings); // [local][base]
  const lTitles = local.map((t) => titleParts(t.title));
  return base.map((b, i) =>
    local.map((_, j) => {
      // a loop, not Math.max(...): a title may list more parts than a call has arguments
      let title = 0;
      for (const p of lTitles[j]) title = Math.max(title, dice(b.title, p));
      const score = 0.7 * cover[i][j] + 0.3 * title;
      return { cover: cover[i][j], back: back[j][i], title, score };
    }),
  );
}
