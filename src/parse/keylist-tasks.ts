// Which body task each key-list row details: a fact about one notice, found once at parse time and
// stored on the row (KeyListRow.bodyTask), so diff and every renderer read it instead of recomputing.
import type { KeyListRow, Task } from '../model.js';
import { bigramSet, content, type Gram } from '../align/text.js';
import { DEFAULT_READ_PARSE_OPTIONS, type KeyListTaskOptions } from '../options.js';
import { mapList } from './lists.js';

/** The id of the body task each row details (best IDF containment of the row in the task text), by row id. */
export function rowTasks(rows: KeyListRow[], tasks: Task[], T: Readonly<KeyListTaskOptions> = DEFAULT_READ_PARSE_OPTIONS.keyListTasks): Map<string, string> {
  const out = new Map<string, string>();
  if (rows.length === 0 || tasks.length === 0) return out;
  const docs = mapList(tasks, (t) => `${t.title}。${t.text}`);
  // The tasks holding each bigram, in task order, built once: a row then visits only the tasks that
  // share a bigram with it instead of every task. The number of tasks holding a bigram is its
  // document frequency, so the IDF weights are those of align/text.ts's Idf over the task texts
  // (same formula, same order of additions): each task's sum is what containment() computes.
  // Only the rows' bigrams are ever looked up, so only they are indexed, in an open-addressing table
  // of int32 keys: every bigram of every task is probed once, and a probe is a few array reads.
  const rowGrams = mapList(rows, (r) => [...bigramSet(r.task)]);
  const index = new GramIndex(rowGrams);
  // each task's bigrams read straight off its text: no set is made (or kept) per task, as only the
  // rows' bigrams count; `seen` keeps a task from being listed twice for one bigram. The tasks
  // holding each bigram are then laid out bigram by bigram in one array (holder[off[g]..off[g+1]),
  // tasks in order): no array per bigram.
  const size = index.size;
  const seen = new Int32Array(size).fill(-1);
  let hits = new Int32Array(1024); // the bigram numbers each task holds, task after task
  let nh = 0;
  const docEnd = new Int32Array(docs.length);
  const hold = (g: Gram, k: number): void => {
    if (!index.mayHold(g)) return;
    const at = index.find(g);
    if (at >= 0 && seen[at] !== k) {
      seen[at] = k;
      if (nh === hits.length) {
        const more = new Int32Array(hits.length * 2);
        more.set(hits);
        hits = more;
      }
      hits[nh++] = at;
    }
  };
  for (let k = 0; k < docs.length; k++) {
    const doc = docs[k];
    if (LEVEL_HINT.test(doc)) {
      // a level word may be rewritten (全省 → 全域): the bigrams of content() itself
      const c = content(doc);
      if (c.length === 1) hold(c.charCodeAt(0), k);
      for (let i = 0; i + 1 < c.length; i++) hold((c.charCodeAt(i) << 16) | c.charCodeAt(i + 1), k);
    } else {
      // content() only drops what is not content: pairs of consecutive content code units
      let prev = -1;
      let count = 0;
      for (let i = 0; i < doc.length; i++) {
        const u = doc.charCodeAt(i);
        if (IS_CONTENT[u] === 0) continue;
        if (prev >= 0) hold((prev << 16) | u, k);
        prev = u;
        count++;
      }
      if (count === 1) hold(prev, k);
    }
    docEnd[k] = nh;
  }
  const off = new Int32Array(size + 1);
  for (let x = 0; x < nh; x++) off[hits[x] + 1]++;
  for (let g = 0; g < size; g++) off[g + 1] += off[g];
  const next = off.slice(0, size);
  const holder = new Int32Array(nh);
  for (let k = 0, x = 0; k < docs.length; k++) for (; x < docEnd[k]; x++) holder[next[hits[x]]++] = k;
  const n = docs.length;
  const num = new Float64Array(tasks.length);
  rows.forEach((r, ri) => {
    const grams = rowGrams[ri];
    const ats = grams.map((g) => index.find(g));
    const weights = mapList(ats, (at) => Math.log((n + 1) / (off[at + 1] - off[at] + 0.5)));
    const total = weights.reduce((a, b) => a + b, 0);
    num.fill(0);
    if (total !== 0) {
      for (let j = 0; j < grams.length; j++) {
        const w = weights[j];
        for (let i = off[ats[j]], end = off[ats[j] + 1]; i < end; i++) num[holder[i]] += w;
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

// content()'s characters (align/text.ts: CJK U+3400–U+9FFF, ASCII letters and digits) and the
// characters of its level words (全/我/级), as code-unit tables
const IS_CONTENT = new Uint8Array(0x10000);
IS_CONTENT.fill(1, 0x3400, 0x9fff + 1);
IS_CONTENT.fill(1, 0x30, 0x39 + 1);
IS_CONTENT.fill(1, 0x41, 0x5a + 1);
IS_CONTENT.fill(1, 0x61, 0x7a + 1);
const LEVEL_HINT = /[全我级]/;

/** A set of bigrams numbered 0..size-1 (open addressing, linear probing). */
class GramIndex {
  readonly size: number;
  private readonly keys: Int32Array;
  private readonly slots: Int32Array; // number of the key + 1; 0 = empty
  private readonly mask: number;
  /** 32 - log2(capacity): the slot is the product's top bits (its low bits depend only on the second character). */
  private readonly shift: number;
  /** 65,536 bits: bit (g × 0x85ebca6b) >>> 16 set for every g in the set. */
  private readonly filter = new Int32Array(2048);

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
          const f = Math.imul(g, 0x85ebca6b) >>> 16;
          this.filter[f >>> 5] |= 1 << (f & 31);
        }
      }
    }
    this.size = size;
  }

  /** False when g is surely not in the set (one bit of a filter; most bigrams of a task are not). */
  mayHold(g: Gram): boolean {
    const h = Math.imul(g, 0x85ebca6b) >>> 16;
    return (this.filter[h >>> 5] & (1 << (h & 31))) !== 0;
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
