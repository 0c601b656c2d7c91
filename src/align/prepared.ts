// Base-side work of a diff, done once per base and reused by every diff against it.
// A batch export diffs thousands of local plans against one base; the base's IDF counts, clauses,
// bigram sets and key-list row counts only depend on the base, so they are kept here,
// keyed by the identity of the base's arrays (a WeakMap: nothing outlives the Notice it came from).
// Everything stored is read-only; a cached value is dropped if the array it came from changed length.
import type { KeyListRow, Task } from '../model.js';
import { bigramSet, clauses, type Gram } from './text.js';
import { Vocab, dfOfIds, postingsOfIds, type Postings } from './encode.js';

const memo = new WeakMap<object, Map<string, { length: number; value: unknown }>>();

export function once<T>(owner: readonly unknown[], name: string, make: () => T): T {
  let byName = memo.get(owner);
  if (!byName) memo.set(owner, (byName = new Map()));
  const hit = byName.get(name);
  if (hit && hit.length === owner.length) return hit.value as T;
  const value = make();
  byName.set(name, { length: owner.length, value });
  return value;
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
    // room for a local plan's bigrams too: each diff copies the table instead of growing it
    v.reserve(v.size);
    return { vocab: v, docDf: dfOfIds(docs, v.size), docs: tasks.length, clauses: clauseIds, clauseLengths: cls.map((cs) => cs.map((c) => c.length)), texts: postingsOfIds(texts, v.size) };
  });
}

/**
 * One diff's local side shared by its stages: the base's vocabulary extended by the local plan's
 * bigrams, and each local task text's content() and ids. Kept for the local task array while it is
 * diffed against the same base with the same texts.
 */
export interface LocalSide {
  vocab: Vocab;
  /** encodeText() of each task text (its ids, and the length and first character of its content). */
  encoded: { ids: Int32Array; length: number; first: number }[];
  texts: Int32Array[];
}

const sides = new WeakMap<object, { base: Task[]; texts: string[]; side: LocalSide }>();

/** Drop the shared local side of `local` (diffNotices does, once its stages are done: it is the size of a vocabulary). */
export function forgetLocalSide(local: Task[]): void {
  sides.delete(local);
}

export function localSide(base: Task[], local: Task[]): LocalSide {
  const hit = sides.get(local);
  if (hit && hit.base === base && hit.texts.length === local.length && local.every((t, j) => t.text === hit.texts[j])) return hit.side;
  const vocab = new Vocab(evidenceBase(base).vocab);
  const encoded = local.map((t) => vocab.encodeText(t.text));
  const side = { vocab, encoded, texts: encoded.map((e) => e.ids) };
  sides.set(local, { base, texts: local.map((t) => t.text), side });
  return side;
}

/**
 * encode() of each string in a base's vocabulary, for the strings all of whose bigrams have an id
 * there: a vocabulary extended from it (a diff's) gives them the same ids, so they need not be
 * encoded again per diff. The others are left out (a diff encodes them in its own vocabulary).
 */
export function knownIds(vocab: Vocab, strings: Iterable<string>): Map<string, Int32Array> {
  const scratch = new Vocab(vocab);
  const out = new Map<string, Int32Array>();
  for (const s of strings) {
    if (out.has(s)) continue;
    const ids = scratch.encode(s);
    let inBase = true;
    for (let k = 0; k < ids.length; k++) if (ids[k] >= vocab.size) inBase = false;
    if (inBase) out.set(s, ids);
  }
  return out;
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

/** The key-list alignment's base side: the bigram ids of the rows' 重点任务 cells, their document frequencies and index. */
export interface KeyRowsBase {
  vocab: Vocab;
  rows: Int32Array[];
  df: Int32Array;
  postings: Postings;
}

function keyRowsFrom(vocab: Vocab, rows: Int32Array[]): KeyRowsBase {
  vocab.reserve(vocab.size); // room for a local list's bigrams
  return { vocab, rows, df: dfOfIds(rows, vocab.size), postings: postingsOfIds(rows, vocab.size) };
}

export function keyRowsBase(rows: KeyListRow[]): KeyRowsBase {
  return once(rows, 'keyRows', () => {
    const v = new Vocab();
    return keyRowsFrom(v, rows.map((r) => v.encode(r.task)));
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

// The embedded base's prepared side is stored at build time with its parse (src/base/prebuilt.ts)
// and adopted when the stored parse is loaded, so a single `plancmp diff` does none of it.

// Typed arrays are stored as base64 of their bytes (decoded by a builtin, no loop over numbers to
// run cold), in this machine's byte order, which the file records: another order parses afresh.

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const b64 = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function ints(s: string): Int32Array {
  const bytes = Buffer.from(s, 'base64');
  const out = new Int32Array(bytes.length >> 2);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

interface StoredVocab {
  keys: string;
  vals: string;
  shift: number;
  size: number;
}
const storeVocab = (v: Vocab): StoredVocab => {
  const t = v.table();
  return { keys: b64(t.keys), vals: b64(t.vals), shift: t.shift, size: t.size };
};
const adoptVocab = (s: StoredVocab) => Vocab.fromTable({ keys: ints(s.keys), vals: ints(s.vals), shift: s.shift, size: s.size });

/** Lists of ids as one array and where each list ends. */
interface StoredLists {
  ids: string;
  ends: number[];
}
function storeLists(lists: Int32Array[]): StoredLists {
  const ends: number[] = [];
  let n = 0;
  for (const l of lists) ends.push((n += l.length));
  const all = new Int32Array(n);
  let at = 0;
  for (const l of lists) {
    all.set(l, at);
    at += l.length;
  }
  return { ids: b64(all), ends };
}
function adoptLists(s: StoredLists): Int32Array[] {
  const all = ints(s.ids);
  return s.ends.map((end, k) => all.subarray(k ? s.ends[k - 1] : 0, end));
}

const storePostings = (p: Postings) => ({ start: b64(p.start), items: b64(p.items), ids: p.ids });
const adoptPostings = (s: { start: string; items: string; ids: number }): Postings => ({ start: ints(s.start), items: ints(s.items), ids: s.ids });

/** Everything above for one base notice, as JSON. */
export interface StoredBase {
  littleEndian: boolean;
  vocab: StoredVocab;
  docDf: string;
  docs: number;
  /** the clauses of all tasks in one list, and how many each task has */
  clauses: StoredLists;
  clauseCounts: number[];
  clauseLengths: number[][];
  texts: { start: string; items: string; ids: number };
  titles: number[][];
  rowVocab: StoredVocab;
  rows: StoredLists;
}

export function storeBase(tasks: Task[], rows: KeyListRow[]): StoredBase {
  const e = evidenceBase(tasks);
  const k = keyRowsBase(rows);
  return {
    littleEndian: LITTLE_ENDIAN,
    vocab: storeVocab(e.vocab),
    docDf: b64(e.docDf),
    docs: e.docs,
    clauses: storeLists(e.clauses.flat()),
    clauseCounts: e.clauses.map((cs) => cs.length),
    clauseLengths: e.clauseLengths,
    texts: storePostings(e.texts),
    titles: titlePostings(tasks).sets.map((s) => [...s]),
    rowVocab: storeVocab(k.vocab),
    rows: storeLists(k.rows),
  };
}

function seed(owner: readonly unknown[], name: string, value: unknown): void {
  let byName = memo.get(owner);
  if (!byName) memo.set(owner, (byName = new Map()));
  byName.set(name, { length: owner.length, value });
}

/** Adopt a stored prepared side for these arrays of the notice it was stored with (nothing when stored in another byte order). */
export function adoptBase(tasks: Task[], rows: KeyListRow[], s: StoredBase): void {
  if (s.littleEndian !== LITTLE_ENDIAN) return;
  const flat = adoptLists(s.clauses);
  let at = 0;
  seed(tasks, 'evidence', {
    vocab: adoptVocab(s.vocab),
    docDf: ints(s.docDf),
    docs: s.docs,
    clauses: s.clauseCounts.map((n) => flat.slice(at, (at += n))),
    clauseLengths: s.clauseLengths,
    texts: adoptPostings(s.texts),
  } satisfies EvidenceBase);
  const sets = s.titles.map((g) => new Set(g));
  seed(tasks, 'titlePostings', { sets, postings: postingsOf(sets) });
  const vocab = adoptVocab(s.rowVocab);
  const ids = adoptLists(s.rows);
  seed(rows, 'keyRows', { vocab, rows: ids, df: dfOfIds(ids, vocab.size), postings: postingsOfIds(ids, vocab.size) } satisfies KeyRowsBase);
}
