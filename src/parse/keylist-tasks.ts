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
  const holders = new Map<Gram, number[]>();
  for (let k = 0; k < docs.length; k++) {
    for (const g of bigramSet(docs[k])) {
      const list = holders.get(g);
      if (list) list.push(k);
      else holders.set(g, [k]);
    }
  }
  const n = docs.length;
  const num = new Float64Array(tasks.length);
  for (const r of rows) {
    const grams = [...bigramSet(r.task)];
    const weights = grams.map((g) => Math.log((n + 1) / ((holders.get(g)?.length ?? 0) + 0.5)));
    const total = weights.reduce((a, b) => a + b, 0);
    num.fill(0);
    if (total !== 0) {
      for (let j = 0; j < grams.length; j++) {
        const list = holders.get(grams[j]);
        if (!list) continue;
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
  }
  return out;
}

/** The rows with `bodyTask` set where a body task is found. */
export function attachRowTasks(rows: KeyListRow[], tasks: Task[]): KeyListRow[] {
  const owners = rowTasks(rows, tasks);
  return rows.map((r) => {
    const id = owners.get(r.id);
    return id ? { ...r, bodyTask: id } : r;
  });
}
