// What the benchmark corpora share: a seeded random source and the edit that drops a task paragraph.
// Plain JavaScript ESM, used by bench/run.js and bench/chain.js.

/** mulberry32: a small seeded generator, so every run builds the same corpus. */
export function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A numbered task line: 1. / 1、 / 1． */
export const TASK_START = /^\s*\d{1,2}\s*[.．、]/;

/**
 * With p = 0.5, `text` without one numbered task paragraph (its line up to the next blank line or task
 * line); `undefined` when nothing was dropped. Draws from `rand` in the same order whatever the text.
 */
export function dropTaskParagraph(text, rand) {
  if (rand() >= 0.5) return undefined;
  const lines = text.split('\n');
  const starts = [];
  lines.forEach((l, i) => { if (TASK_START.test(l)) starts.push(i); });
  if (!starts.length) return undefined;
  const s = starts[Math.floor(rand() * starts.length)];
  let e = s + 1;
  while (e < lines.length && lines[e].trim() !== '' && !TASK_START.test(lines[e])) e++;
  lines.splice(s, e - s);
  return lines.join('\n');
}
