// Which body task each key-list row details: a fact about one notice, found once at parse time and
// stored on the row (KeyListRow.bodyTask), so diff and every renderer read it instead of recomputing.
import type { KeyListRow, Task } from '../model.js';
import { bigramSet, type Gram } from '../align/text.js';
import { DEFAULT_READ_PARSE_OPTIONS, type KeyListTaskOptions } from '../options.js';

/** The id of the body task each row details (best IDF containment of the row in the task text), by row id. */
export function rowTasks(rows: KeyListRow[], tasks: Task[], T: Readonly<KeyListTaskOptions> = DEFAULT_READ_PARSE_OPTIONS.keyListTasks): Map<string, string> {
  const out = new Map<string, string>();
  if (rows.length === 0 || tasks.length === 0) return out;
  const docs = tasks.map((t) => `${t.title}。${t.text}`);
  // The tasks holding each bigram, in task order, built once: a row then visits only the tasks that
  // share a bigram with it instead of every task. The number of tasks holding a bigram is its
  // document frequency, so the IDF weights are those of align/text.ts's Idf over the task texts
  // (same formula, same order of additions): each task's sum is what containment() computes.
  // Only the rows' bigrams are ever looked up, so only they are indexed, in an open-addressing table
  // of int32 keys: every bigram of every task is probed once, and a probe is a few array reads.
  const rowGrams = rows.map((r) => [...bigramSet(r.task)]);
  const index = new GramIndex(rowGrams);
  const holders: number[][] = Array.from({ length: index.size }, () => []);
  for (let k = 0; k < docs.length; k++) {
    for (const g of bigramSet(docs[k])) {
      const at = index.find(g);
      if (at >= 0) holders[at].push(k);
    }
  }
  const n = docs.length;
  const num = new Float64Array(tasks.length);
  rows.forEach((r, ri) => {
    const grams = rowGrams[ri];
    const lists = grams.map((g) => holders[index.find(g)]);
    const weights = lists.map((list) => Math.log((n + 1) / (list.length + 0.5)));
    const total = weights.reduce((a, b) => a + b, 0);
    num.fill(0);
    if (total !== 0) {
      for (let j = 0; j < grams.length; j++) {
        const list = lists[j];
        const w = weights[j];
        for (let i = 0; i < list.length; i++) num[list[i]] += w;
      }
    }
    let firstK = -1;
    let firstC = -1;
    let second = -1;
    for (let k = 0; k < tasks.length; k++) {
      const c = total === 0 ? 0 : num[k] / total; // containment of the row in task k
      if (c > firstC) {
        second = firstC;
        firstK = k;
        firstC = c;
      } else if (c > second) second = c;
    }
    // a row restates its task closely, or at least far more closely than any other task
    if (firstK >= 0 && (firstC >= T.close || (firstC >= T.weak && firstC >= T.margin * Math.max(second, 0)))) out.set(r.id, tasks[firstK].id);
  });
  return out;
}

/** A set of bigrams numbered 0..size-1 (open addressing, linear probing). */
class GramIndex {
  readonly size: number;
  private readonly keys: Int32Array;
  private readonly slots: Int32Array; // number of the key + 1; 0 = empty
  private readonly mask: number;
  /** 32 - log2(capacity): the slot is the product's top bits (its low bits depend only on the second character). */
  private readonly shift: number;

  constructor(groups: Gram[][]) {
    let count = 0;
    for (const g of groups) count += g.length;
    let cap = 16;
    let shift = 28;
    while (cap < count * 2) {
      cap *= 2;
      shift--;
    }
    this.keys = new Int32Array(cap);
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.shift = shift;
    let size = 0;
    for (const grams of groups) {
      for (const g of grams) {
        let h = Math.imul(g, 0x9e3779b1) >>> shift;
        while (this.slots[h] !== 0 && this.keys[h] !== g) h = (h + 1) & this.mask;
        if (this.slots[h] === 0) {
          this.keys[h] = g;
          this.slots[h] = ++size;
        }
      }
    }
    this.size = size;
  }

  /** The number of g, or -1. */
  find(g: Gram): number {
    let h = Math.imul(g, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const slot = this.slots[h];
      if (slot === 0) return -1;
      if (this.keys[h] === g) return slot - 1;
      h = (h + 1) & this.mask;
    }
  }
}

/** The rows with `bodyTask` set where a body task is found. */
export function attachRowTasks(rows: KeyListRow[], tasks: Task[]): KeyListRow[] {
  const owners = rowTasks(rows, tasks);
  return rows.map((r) => {
    const id = owners.get(r.id);
    return id ? { ...r, bodyTask: id } : r;
  });
}
