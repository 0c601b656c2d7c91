// The nearest counterpart of a task no link names, read off the aligner's evidence, so a report can
// say what the best candidate was and how far below the thresholds it stayed ("nearest: 5.3 …, 0.31").
import type { EvidenceTable, PairEvidence } from './matrix.js';

export interface Nearest {
  /** Index of the counterpart in the other plan's task list. */
  index: number;
  score: number;
}

/** Best-scoring local task for base task i (row of the evidence matrix); undefined when nothing scores. */
export function nearestLocal(evidence: PairEvidence[][], i: number): Nearest | undefined {
  let best: Nearest | undefined;
  evidence[i]?.forEach((e, j) => {
    if (e.score > 0 && (!best || e.score > best.score)) best = { index: j, score: e.score };
  });
  return best;
}

/** Best-scoring base task for local task j (column of the evidence matrix). */
export function nearestBase(evidence: PairEvidence[][], j: number): Nearest | undefined {
  let best: Nearest | undefined;
  evidence.forEach((row, i) => {
    const e = row[j];
    if (e && e.score > 0 && (!best || e.score > best.score)) best = { index: i, score: e.score };
  });
  return best;
}

/** nearestLocal() read off the evidence table. */
export function nearestLocalIn(t: EvidenceTable, i: number): Nearest | undefined {
  let best: Nearest | undefined;
  if (i < 0 || i >= t.n) return best;
  for (let j = 0; j < t.m; j++) {
    const score = t.score[i * t.m + j];
    if (score > 0 && (!best || score > best.score)) best = { index: j, score };
  }
  return best;
}

/** nearestBase() read off the evidence table. */
export function nearestBaseIn(t: EvidenceTable, j: number): Nearest | undefined {
  let best: Nearest | undefined;
  if (j < 0 || j >= t.m) return best;
  for (let i = 0; i < t.n; i++) {
    const score = t.score[i * t.m + j];
    if (score > 0 && (!best || score > best.score)) best = { index: i, score };
  }
  return best;
}
