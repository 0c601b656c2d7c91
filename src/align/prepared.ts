// Base-side work of a diff, done once per base and reused by every diff against it.
// A batch export diffs thousands of local plans against one base; the base's IDF counts, clauses,
// bigram sets and key-list row counts only depend on the base, so they are kept here,
// keyed by the identity of the base's arrays (a WeakMap: nothing outlives the Notice it came from).
// Everything stored is read-only; a cached value is dropped if the array it came from changed length.
import type { KeyListRow, Task } from '../model.js';
import { bigramSet, clauses, type DfTable, type Gram } from './text.js';
import { Vocab, dfOfIds, postingsOfIds, type Postings } from './encode.js';

const memo = new WeakMap<object, Map<string, { length: number; value: unknown }>>();

function once<T>(owner: readonly unknown[], name: string, make: () => T): T {
  let byName = memo.get(owner);
  if (!byName) memo.set(owner, (byName = new Map()));
  const hit = byName.get(name);
  if (hit && hit.length === owner.length) return hit.value as T;
  const value = make();
  byName.set(name, { length: owner.length, value });
  return value;
}

/** Document frequencies of bigrams over `docs`, to be extended by an Idf with the other side's documents. */
export function dfTable(docs: string[]): DfTable {
  const df = new Map<Gram, number>();
  for (const doc of docs) for (const g of bigramSet(doc)) df.set(g, (df.get(g) ?? 0) + 1);
  return { df, n: docs.length };
}

/** Task as one IDF document: title and text. */
export const taskDoc = (t: Task) => `${t.title}。${t.text}`;

/** The evidence matrix's base side (see encode.ts): the base's bigram ids, their document frequencies over the title + text documents, each task's clauses as ids with their lengths, and the index of the task texts. */
export interface EvidenceBase {
  vocab: Vocab;
  docDf: Int32Array;
  docs: number;
  clauses: Int32Array[][];
  clauseLengths: number[][];
  texts: Postings;
}

export function evidenceBase(tasks: Task[]): EvidenceBase {
  return once(tasks, 'evidence', () => {
    const v = new Vocab();
    const docs = tasks.map((t) => v.encode(taskDoc(t)));
    const texts = tasks.map((t) => v.encode(t.text));
    const cls = taskClauses(tasks);
    const clauseIds = cls.map((cs) => cs.map((c) => v.encode(c)));
    return { vocab: v, docDf: dfOfIds(docs, v.size), docs: tasks.length, clauses: clauseIds, clauseLengths: cls.map((cs) => cs.map((c) => c.length)), texts: postingsOfIds(texts, v.size) };
  });
}

/** DF over the tasks' texts alone (the deadline comparison's IDF). */
export function taskTextsDf(tasks: Task[]): DfTable {
  return once(tasks, 'textsDf', () => dfTable(tasks.map((t) => t.text)));
}

/** DF over the 重点任务 cells of key-list rows (the key-list alignment's IDF). */
export function keyRowsDf(rows: KeyListRow[]): DfTable {
  return once(rows, 'rowsDf', () => dfTable(rows.map((r) => r.task)));
}

/** The clauses of each task's text. */
export function taskClauses(tasks: Task[]): string[][] {
  return once(tasks, 'clauses', () => tasks.map((t) => clauses(t.text)));
}

/** Bigram sets of each task's title, and the inverted index bigram → tasks whose title holds it. */
export function titlePostings(tasks: Task[]): { sets: ReadonlySet<Gram>[]; postings: Map<Gram, number[]> } {
  return once(tasks, 'titlePostings', () => {
    const sets = tasks.map((t) => bigramSet(t.title));
    return { sets, postings: postingsOf(sets) };
  });
}

/** Bigram sets of key-list rows' 重点任务 cells, and the inverted index bigram → rows holding it. */
export function keyRowPostings(rows: KeyListRow[]): { sets: ReadonlySet<Gram>[]; postings: Map<Gram, number[]> } {
  return once(rows, 'rowPostings', () => {
    const sets = rows.map((r) => bigramSet(r.task));
    return { sets, postings: postingsOf(sets) };
  });
}

export function postingsOf(sets: ReadonlySet<Gram>[]): Map<Gram, number[]> {
  const postings = new Map<Gram, number[]>();
  sets.forEach((set, j) => {
    for (const g of set) {
      const list = postings.get(g);
      if (list) list.push(j);
      else postings.set(g, [j]);
    }
  });
  return postings;
}
