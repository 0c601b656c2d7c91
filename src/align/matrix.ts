// Pairwise evidence that a local task carries a base task: how much of the base task's content
// (clause by clause) reappears in the local task, the reverse, and how well the titles agree.
// A local item often joins two provincial titles with a comma ("健全政务标准，推广移动政务"), so each
// comma-separated part of a local title is compared on its own.
import type { Task } from '../model.js';
import { Idf, bigramSet, clauses, diceOf, type Gram } from './text.js';
import { postingsOf, taskClauses, taskDoc, taskDocsDf, taskPostings, titlePostings } from './prepared.js';

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
  const n = to.length;
  const acc = new Float64Array(n);
  // the texts a clause shares a bigram with: every other text adds exactly 0 to num[j]
  const touched = new Int32Array(n);
  const stamp = new Int32Array(n);
  let clause = 0;
  return from.map((cls) => {
    const num = new Float64Array(n);
    let den = 0;
    for (const c of cls) {
      const { grams, weights, total } = idf.weighted(c);
      const mark = ++clause;
      let nt = 0;
      for (let k = 0; k < grams.length; k++) {
        const list = postings.get(grams[k]);
        if (!list) continue;
        const wk = weights[k];
        for (let x = 0; x < list.length; x++) {
          const j = list[x];
          if (stamp[j] !== mark) {
            stamp[j] = mark;
            acc[j] = 0;
            touched[nt++] = j;
          }
          acc[j] += wk;
        }
      }
      const w = c.length;
      den += w;
      if (total === 0) continue;
      for (let t = 0; t < nt; t++) {
        const j = touched[t];
        const kj = acc[j] / total;
        // a clause half-present is mostly rewording noise; a clause mostly present is carried
        num[j] += w * (kj >= 0.5 ? kj : kj * 0.5);
      }
    }
    if (den > 0) for (let j = 0; j < n; j++) num[j] /= den;
    return num;
  });
}

/**
 * titles[i][j]: the best dice between base title i and local title j or one of its parts, counted
 * through an index of the base titles' bigrams (the same counts and quotients as dice()).
 */
function titleMatrix(base: Task[], lTitles: string[][]): Float64Array[] {
  const { sets, postings } = titlePostings(base);
  const shared = new Int32Array(base.length);
  return lTitles.map((parts) => {
    const best = new Float64Array(base.length);
    for (const p of parts) {
      const P = bigramSet(p);
      shared.fill(0);
      for (const g of P) {
        const list = postings.get(g);
        if (list) for (let x = 0; x < list.length; x++) shared[list[x]]++;
      }
      for (let i = 0; i < base.length; i++) best[i] = Math.max(best[i], diceOf(sets[i].size, P.size, shared[i]));
    }
    return best;
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
  const titles = titleMatrix(base, local.map((t) => titleParts(t.title))); // [local][base]
  return base.map((_, i) =>
    local.map((_, j) => {
      const title = titles[j][i];
      const score = 0.7 * cover[i][j] + 0.3 * title;
      return { cover: cover[i][j], back: back[j][i], title, score };
    }),
  );
}
