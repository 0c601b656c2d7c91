// Which body task each key-list row details: a fact about one notice, found once at parse time and
// stored on the row (KeyListRow.bodyTask), so diff and every renderer read it instead of recomputing.
import type { KeyListRow, Task } from '../model.js';
import { Idf, bigramSet, containment } from '../align/text.js';
import { DEFAULT_READ_PARSE_OPTIONS, type KeyListTaskOptions } from '../options.js';

/** The id of the body task each row details (best IDF containment of the row in the task text), by row id. */
export function rowTasks(rows: KeyListRow[], tasks: Task[], T: Readonly<KeyListTaskOptions> = DEFAULT_READ_PARSE_OPTIONS.keyListTasks): Map<string, string> {
  const out = new Map<string, string>();
  if (rows.length === 0 || tasks.length === 0) return out;
  const idf = new Idf();
  for (const t of tasks) idf.add(`${t.title}。${t.text}`);
  const sets = tasks.map((t) => bigramSet(`${t.title}。${t.text}`));
  for (const r of rows) {
    let first = { k: -1, c: -1 };
    let second = -1;
    sets.forEach((s, k) => {
      const c = containment(r.task, s, idf);
      if (c > first.c) {
        second = first.c;
        first = { k, c };
      } else if (c > second) second = c;
    });
    // a row restates its task closely, or at least far more closely than any other task
    if (first.k >= 0 && (first.c >= T.close || (first.c >= T.weak && first.c >= T.margin * Math.max(second, 0)))) out.set(r.id, tasks[first.k].id);
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
