// Bounds on what one task can carry, so that a hostile or broken notice (150,000 units in one
// bracket, 16 MB of 12月31日底前) gives a warning and a parse of ordinary size instead of a stack
// overflow, gigabytes of memory or an output JSON.stringify cannot build. Real plans stay far
// below: the largest seen name about 40 units and 6 deadlines in one task.
import type { Task, Warning } from '../model.js';

export const MAX_UNITS_PER_TASK = 500;
export const MAX_DEADLINES_PER_TASK = 200;

/** Keeps the first `max` units and deadlines of a task; warns once per list with the count dropped. */
export function boundTask(t: Task, warnings: Warning[]): void {
  const cap = (list: string[]) => (list.length > MAX_UNITS_PER_TASK ? list.slice(0, MAX_UNITS_PER_TASK) : list);
  if (t.units.length > MAX_UNITS_PER_TASK || t.ownerNotes.some((n) => n.units.length > MAX_UNITS_PER_TASK)) {
    const n = Math.max(t.units.length, ...t.ownerNotes.map((x) => x.units.length));
    warnings.push({ code: 'too-many-units', line: t.line, message: `task ${t.id} names ${n} units; only the first ${MAX_UNITS_PER_TASK} are kept` });
    t.units = cap(t.units);
    t.lead = cap(t.lead);
    t.assist = cap(t.assist);
    t.guide = cap(t.guide);
    t.impliedUnits = cap(t.impliedUnits);
    for (const o of t.ownerNotes) {
      o.units = cap(o.units);
      o.lead = cap(o.lead);
      o.assist = cap(o.assist);
      o.guide = cap(o.guide);
    }
  }
  if (t.deadlines.length > MAX_DEADLINES_PER_TASK) {
    warnings.push({ code: 'too-many-deadlines', line: t.line, message: `task ${t.id} has ${t.deadlines.length} deadlines; only the first ${MAX_DEADLINES_PER_TASK} are kept` });
    t.deadlines = t.deadlines.slice(0, MAX_DEADLINES_PER_TASK);
  }
}
