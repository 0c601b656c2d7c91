// Which tasks a sentence written once for several of them speaks for. 以上 / 上述 look back: a
// sentence after part one (以上工作由A牵头) is not the owner of part two's items. One that names its
// items (以上第（一）至（四）项指标由A牵头汇总, 以上第1、3项由B负责, 上述第5项…) is theirs only; one of the
// whole plan (本方案各项任务由…, 各项任务均由…) speaks for every task, wherever it stands.
import type { Task } from '../model.js';
import { numberOf } from './requirements.js';

const ITEM = '[（(]?([一二三四五六七八九十百]+|\\d{1,3})[）)]?';
/** 以上第（一）至（四）项, 以上第1—4项, 上述第1、3项, 以上第5项: the items named, as written. */
const NAMED_ITEMS = new RegExp(`^(?:以上|上述)第?${ITEM}(?:项)?((?:(?:至|到|[—－~～-]|[、和及])第?${ITEM}项?)*)项`);
const NEXT_ITEM = new RegExp(`(至|到|[—－~～-]|[、和及])第?${ITEM}`, 'g');
/** Words of a sentence that looks back at what was listed before it. */
export const LOOKS_BACK = /^(?:以上|上述)/;
/** Words that open a sentence for several tasks: those that look back, and those of the whole plan. */
export const FOR_SEVERAL = '以上|上述|本方案|本实施方案|本实施意见|本计划|各项';

/** The item numbers a sentence names (以上第（一）至（四）项 → 1, 2, 3, 4), or undefined when it names none. */
export function namedItems(text: string): Set<number> | undefined {
  const m = NAMED_ITEMS.exec(text);
  if (!m) return undefined;
  const out = new Set<number>([numberOf(m[1])]);
  let last = numberOf(m[1]);
  for (const n of m[2].matchAll(NEXT_ITEM)) {
    const value = numberOf(n[2]);
    // a range (至, —) takes every item between; a list (、, 和) only the one it names
    if (/[、和及]/.test(n[1])) out.add(value);
    else for (let k = last + 1; k <= value && k - last <= MAX_RANGE; k++) out.add(k);
    last = value;
  }
  return out;
}
/** A range longer than this is a misreading, not a list of items (以上第1至2000项). */
const MAX_RANGE = 200;

/**
 * The tasks a sentence on `line` speaks for, among `tasks` (in document order): the items it names
 * that come before it (the nearest run of each number), the tasks before it when it looks back
 * (以上, 上述), and all of them otherwise.
 */
export function tasksSpokenFor(tasks: Task[], text: string, line: number): Task[] {
  const items = namedItems(text);
  if (items) {
    const before = tasks.filter((t) => t.line < line);
    const nearest = new Map<number, Task>();
    for (const t of before) {
      const n = /^[一二三四五六七八九十百\d]+$/.test(t.number) ? numberOf(t.number) : NaN;
      if (items.has(n)) nearest.set(n, t);
    }
    return [...nearest.values()];
  }
  return LOOKS_BACK.test(text) ? tasks.filter((t) => t.line < line) : tasks;
}

/**
 * The order sentences for several tasks are applied in: those that look back in document order (each
 * takes the open tasks before it), then those of the whole plan, the last first (the plan's last word stands).
 */
export function inSpeakingOrder<T extends { text: string }>(found: T[]): T[] {
  const back = found.filter((s) => LOOKS_BACK.test(s.text));
  const whole = found.filter((s) => !LOOKS_BACK.test(s.text)).reverse();
  return [...back, ...whole];
}
