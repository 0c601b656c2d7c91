// The longest phrase two tasks share once the policy verbs every plan uses are cut out: the
// evidence a reader checks a link by (学习型机关, 执法记录仪, 检查对象名录库).
import type { Task } from '../model.js';
import { content } from './text.js';
import { BOILERPLATE } from './overlap.js';

/** A task's title and text as content with boilerplate cut to `cut` (a character no content holds). */
export function topicText(t: Task, cut: string): string {
  return content(`${t.title}。${t.text}`).replace(BOILERPLATE, cut);
}

const topicCache = new WeakMap<Task, string>();
/** topicText with '|' cuts, kept per task (the base side is asked again and again). */
export function topicOf(t: Task): string {
  let s = topicCache.get(t);
  if (s === undefined) topicCache.set(t, (s = topicText(t, '|')));
  return s;
}

/**
 * The longest common substring of `a` and `b` that crosses no cut ('|' in either), by dynamic
 * programming over one row; texts longer than `cap` characters are read up to `cap`.
 */
export function longestShared(a: string, b: string, cap = 1500): string {
  const A = a.length > cap ? a.slice(0, cap) : a;
  const B = b.length > cap ? b.slice(0, cap) : b;
  let prev = new Uint16Array(B.length + 1);
  let row = new Uint16Array(B.length + 1);
  let best = 0;
  let end = 0;
  for (let x = 1; x <= A.length; x++) {
    const ca = A.charCodeAt(x - 1);
    for (let y = 1; y <= B.length; y++) {
      if (ca !== 124 && ca === B.charCodeAt(y - 1)) {
        const v = prev[y - 1] + 1;
        row[y] = v;
        if (v > best) {
          best = v;
          end = x;
        }
      } else row[y] = 0;
    }
    const t = prev;
    prev = row;
    row = t;
  }
  return A.slice(end - best, end);
}

/** The longest shared topic phrase of two tasks ('' when they share none of `min` characters). */
export function sharedPhrase(b: Task, l: Task, min = 3): string {
  const p = longestShared(topicOf(b), topicOf(l));
  return p.length >= min ? p : '';
}

const titleCache = new WeakMap<Task, string[]>();
/** The topic pieces of a task's title (boilerplate cut out), kept per task. */
function titlePieces(t: Task): string[] {
  let p = titleCache.get(t);
  if (!p) titleCache.set(t, (p = content(t.title).replace(BOILERPLATE, '|').split('|').filter((x) => x.length >= 2)));
  return p;
}

function longestIn(pieces: string[], text: string, min: number): string {
  let best = '';
  for (const p of pieces) {
    for (let i = 0; i + Math.max(min, best.length + 1) <= p.length; i++) {
      let k = Math.max(min, best.length + 1);
      if (!text.includes(p.slice(i, i + k))) continue;
      while (i + k < p.length && text.includes(p.slice(i, i + k + 1))) k++;
      best = p.slice(i, i + k);
    }
  }
  return best;
}

/** The longest phrase one task's title names (boilerplate cut) and the other task's title or text holds. */
export function titlePhrase(b: Task, l: Task, min = 3): string {
  const x = longestIn(titlePieces(b), topicOf(l), min);
  const y = longestIn(titlePieces(l), topicOf(b), Math.max(min, x.length + 1));
  return y.length > x.length ? y : x;
}
