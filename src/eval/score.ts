// Scoring a PlanDiff against a hand-made gold alignment (format: shared/gold/FORMAT.md).
import type { PlanDiff } from '../model.js';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface GoldFile {
  base: string;
  local: string;
  links: { base: string; local: string; kind?: string }[];
  dropped: string[];
  added: string[];
  deadlineChanges?: { base: string; local: string; change: string }[];
  keyListLinks?: { base: string; local: string; kind?: string }[];
}

export interface Score {
  links: Prf;
  linkKinds: { agree: number; of: number };
  dropped: Prf;
  added: Prf;
  keyListLinks?: Prf;
  /** Absent when the gold file lists no deadline entries (it then scores links only). */
  deadlines?: Prf;
  deadlinePairs?: Prf;
}

/** Precision/recall/F1 of two multisets of keys. Two empty sets agree perfectly. */
export function prf(predicted: string[], gold: string[]): Prf {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  for (const p of predicted) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      tp++;
      left.set(p, n - 1);
    }
  }
  const fp = predicted.length - tp;
  const fn = gold.length - tp;
  const precision = predicted.length ? tp / predicted.length : gold.length ? 0 : 1;
  const recall = gold.length ? tp / gold.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: r3(precision), recall: r3(recall), f1: r3(f1), tp, fp, fn };
}

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const pair = (k: { base: string; local: string }) => `${k.base}→${k.local}`;

export function scoreDiff(d: PlanDiff, g: GoldFile): Score {
  const goldKinds = new Map(g.links.map((k) => [pair(k), k.kind]));
  const matched = d.links.filter((k) => goldKinds.has(pair(k)));
  return {
    links: prf(d.links.map(pair), g.links.map(pair)),
    linkKinds: { agree: matched.filter((k) => goldKinds.get(pair(k)) === k.kind).length, of: matched.length },
    dropped: prf(d.dropped.map((x) => x.id), g.dropped),
    added: prf(d.added.map((x) => x.id), g.added),
    keyListLinks: g.keyListLinks ? prf(d.keyListLinks.map(pair), g.keyListLinks.map(pair)) : undefined,
    deadlines: g.deadlineChanges
      ? prf(
          d.deadlineChanges.map((c) => `${pair(c)}:${c.change}`),
          g.deadlineChanges.map((c) => `${pair(c)}:${c.change}`),
        )
      : undefined,
    deadlinePairs: g.deadlineChanges ? prf(d.deadlineChanges.map(pair), g.deadlineChanges.map(pair)) : undefined,
  };
}
