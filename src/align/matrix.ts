// Pairwise evidence that a local task carries a base task: how much of the base task's content
// (clause by clause) reappears in the local task, the reverse, and how well the titles agree.
// A local item often joins two provincial titles with a comma ("健全政务标准，推广移动政务"), so each
// comma-separated part of a local title is compared on its own.
import type { Task } from '../model.js';
import { bigramSet, diceOf } from './text.js';
import { dfOfIds, flatClauses, postingsOfIds, type FlatClauses, type Postings, type Vocab } from './encode.js';
import { evidenceBase, localSide, titlePostings, type EvidenceBase } from './prepared.js';

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
 * cover[f][j]: length-weighted mean over the clauses of text f (`from`, as ids, with their lengths)
 * of their IDF containment in text j (`to`, through its inverted index). Each clause is scored
 * against all texts in one pass over its bigrams.
 * Each text's row depends on that text alone. Written into `out`: cover[f][j] at f × n + j, or,
 * `transposed` into a table of `stride` columns, at j × stride + col[f] (col: the column of each
 * text of `from`), so either side lands in the table's base-major order.
 */
function coverMatrix(from: FlatClauses, to: Postings, n: number, W: Float64Array, out: Float64Array, transposed?: { col: ArrayLike<number>; stride: number }): void {
  const { start, items, ids } = to;
  const { grams, clauseStart, lengths, textStart } = from;
  // a text sharing no bigram with a clause keeps acc 0 and adds exactly +0 to its num (weights are > 0)
  const acc = new Float64Array(n);
  const num = new Float64Array(n);
  const rows = textStart.length - 1;
  for (let f = 0; f < rows; f++) {
    num.fill(0);
    let den = 0;
    for (let c = textStart[f]; c < textStart[f + 1]; c++) {
      acc.fill(0);
      // the clause's IDF weight, summed in its bigrams' order (as Idf.weighted)
      let total = 0;
      for (let k = clauseStart[c], kEnd = clauseStart[c + 1]; k < kEnd; k++) {
        const id = grams[k];
        const wk = W[id];
        total += wk;
        if (id >= ids) continue;
        for (let x = start[id], end = start[id + 1]; x < end; x++) acc[items[x]] += wk;
      }
      const w = lengths[c];
      den += w;
      if (total === 0) continue;
      for (let j = 0; j < n; j++) {
        const kj = acc[j] / total;
        // a clause half-present is mostly rewording noise; a clause mostly present is carried
        num[j] += w * (kj >= 0.5 ? kj : kj * 0.5);
      }
    }
    if (den > 0) for (let j = 0; j < n; j++) num[j] /= den;
    if (transposed) {
      const { stride } = transposed;
      const col = transposed.col[f];
      for (let j = 0; j < n; j++) out[j * stride + col] = num[j];
    } else out.set(num, f * n);
  }
}

/**
 * titles[i][j]: the best dice between base title i and local title j or one of its parts, counted
 * through an index of the base titles' bigrams (the same counts and quotients as dice()), written
 * at i × m + j of `out` (zeroed).
 */
function titleMatrix(base: Task[], lTitles: string[][], out: Float64Array): void {
  const { sets, postings } = titlePostings(base);
  const shared = new Int32Array(base.length);
  const m = lTitles.length;
  for (let j = 0; j < m; j++) {
    const parts = lTitles[j];
    for (let q = 0; q < parts.length; q++) {
      const P = bigramSet(parts[q]);
      shared.fill(0);
      for (const g of P) {
        const list = postings.get(g);
        if (list) for (let x = 0; x < list.length; x++) shared[list[x]]++;
      }
      for (let i = 0; i < base.length; i++) {
        const k = i * m + j;
        out[k] = Math.max(out[k], diceOf(sets[i].size, P.size, shared[i]));
      }
    }
  }
}

/** The evidence of every pair in flat arrays, pair (i, j) at i × m + j: what PairEvidence holds, without an object per pair. */
export interface EvidenceTable {
  /** base tasks */
  n: number;
  /** local tasks */
  m: number;
  cover: Float64Array;
  back: Float64Array;
  title: Float64Array;
  score: Float64Array;
}

// a base's clauses in flat arrays, made once per prepared base side
const flatOf = new WeakMap<EvidenceBase, FlatClauses>();
function flatBaseClauses(b: EvidenceBase): FlatClauses {
  let f = flatOf.get(b);
  if (!f) flatOf.set(b, (f = flatClauses(b.clauses, b.clauseLengths)));
  return f;
}

export function evidenceTable(base: Task[], local: Task[]): EvidenceTable {
  const { table, fillBack } = evidence(base, local);
  fillBack(local.map((_, j) => j));
  return table;
}

/**
 * The evidence table without its back cover, and what fills in the back cover of given local tasks
 * (each local task's column depends on that task alone): the aligner reads back cover only for local
 * tasks its first rules leave unlinked, and the local clauses are encoded only for those.
 */
export function evidence(base: Task[], local: Task[]): { table: EvidenceTable; fillBack: (tasks: readonly number[]) => void } {
  // the base side is prepared once per base (prepared.ts); only the local side is computed here
  const b = evidenceBase(base);
  const { vocab: v, encoded, texts } = localSide(base, local); // shared with the deadline comparison
  // the title + text documents (taskDoc), as sets: they only count document frequencies
  const docs = localDocs(v, local, encoded, texts);
  // IDF over the title + text documents of both plans (as Idf with the base's counts as prior)
  const size = v.size;
  const df = new Int32Array(size);
  df.set(b.docDf);
  dfOfIds(docs, size, df);
  const N = local.length + b.docs;
  const logOf = logsOf(N);
  let W = weightsOf(df, logOf);
  const n = base.length;
  const m = local.length;
  const table: EvidenceTable = { n, m, cover: new Float64Array(n * m), back: new Float64Array(n * m), title: new Float64Array(n * m), score: new Float64Array(n * m) };
  const bClauses = flatBaseClauses(b);
  coverMatrix(bClauses, postingsOfIds(texts, size), m, W, table.cover); // [base][local]
  titleMatrix(base, localTitles(local), table.title);
  scoresOf(table);
  const filled = new Uint8Array(m);
  const fillBack = (tasks: readonly number[]) => {
    const todo = tasks.filter((j) => !filled[j]);
    if (!todo.length) return;
    for (const j of todo) filled[j] = 1;
    const lClauses = v.clausesOf(todo.map((j) => local[j].text));
    // a bigram only a clause holds (a level word unified across a clause break) is in no document:
    // its weight is that of document frequency 0, as when every clause was encoded before the weights
    if (v.size > W.length) {
      const grown = new Float64Array(v.size).fill(logOf[0]);
      grown.set(W);
      W = grown;
    }
    coverMatrix(lClauses, b.texts, n, W, table.back, { col: todo, stride: m }); // [local][base], stored [base][local]
  };
  return { table, fillBack };
}

// The loops of evidence() are functions of their own: a loop in it made V8 compile the whole large
// function on the stack (OSR) on its first calls, code that then deoptimized on call after call.

/** The title + text documents (taskDoc) of the local tasks, as sets of ids. */
function localDocs(v: Vocab, local: Task[], encoded: readonly { length: number; first: number }[], texts: readonly Int32Array[]): Int32Array[] {
  const docs: Int32Array[] = [];
  for (let j = 0; j < local.length; j++) docs.push(v.joined(local[j].title, local[j].text, encoded[j].length, encoded[j].first, texts[j]));
  return docs;
}

/** A weight per document frequency (0..N): the same quotient and log as per id, computed once. */
function logsOf(N: number): Float64Array {
  const logOf = new Float64Array(N + 1);
  for (let d = 0; d <= N; d++) logOf[d] = Math.log((N + 1) / (d + 0.5));
  return logOf;
}

/** The weight of each id, by its document frequency. */
function weightsOf(df: Int32Array, logOf: Float64Array): Float64Array {
  const W = new Float64Array(df.length);
  for (let k = 0; k < df.length; k++) W[k] = logOf[df[k]];
  return W;
}

function localTitles(local: Task[]): string[][] {
  const out: string[][] = [];
  for (let j = 0; j < local.length; j++) out.push(titleParts(local[j].title));
  return out;
}

function scoresOf(t: EvidenceTable): void {
  const { cover, title, score } = t;
  const nm = t.n * t.m;
  for (let k = 0; k < nm; k++) score[k] = 0.7 * cover[k] + 0.3 * title[k];
}

/** The evidence of every pair as objects, row by row (base task i, local task j). */
export function evidenceObjects(t: EvidenceTable): PairEvidence[][] {
  const rows: PairEvidence[][] = [];
  for (let i = 0; i < t.n; i++) {
    const row: PairEvidence[] = [];
    for (let j = 0; j < t.m; j++) {
      const k = i * t.m + j;
      row.push({ cover: t.cover[k], back: t.back[k], title: t.title[k], score: t.score[k] });
    }
    rows.push(row);
  }
  return rows;
}

export function evidenceMatrix(base: Task[], local: Task[]): PairEvidence[][] {
  return evidenceObjects(evidenceTable(base, local));
}
