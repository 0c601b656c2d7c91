// 一是…；二是…；三是… runs inside a paragraph. Only a sequence that starts at 一是 and counts up
// clause by clause is a run; a stray 一是 in a sentence is not.
import { chineseNumeral } from '../vocabulary.js';

export interface Run {
  /** The numeral as written (一, 二 …). */
  number: string;
  value: number;
  /** Offsets in the paragraph: from the marker to the next marker (or the end). */
  start: number;
  end: number;
}

// (a run may follow the owner note that closes the run before it: …（A牵头）二是…)
const MARKER = /(^|[。；;，,：:\s）)])([一二三四五六七八九十]{1,3})是/g;

/** A run's text without its marker (一是，推进… → 推进…). */
export function withoutRunMarker(text: string): string {
  return text.replace(/^[一二三四五六七八九十]{1,3}是[，,：:]?/, '');
}

export function splitRuns(text: string): Run[] {
  if (!text.includes('一是') || !text.includes('二是')) return [];
  const runs: Run[] = [];
  for (const m of text.matchAll(MARKER)) {
    const value = chineseNumeral(m[2]);
    if (value !== runs.length + 1) continue;
    const start = (m.index ?? 0) + m[1].length;
    if (runs.length) runs[runs.length - 1].end = start;
    runs.push({ number: m[2], value, start, end: text.length });
  }
  return runs.length >= 2 ? runs : [];
}
