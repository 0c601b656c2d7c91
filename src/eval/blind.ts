// Scoring plancmp against blind base/local pair sets (fixtures/blind: each written by someone who
// never read the code, then kept out of sight until the work it measures was done; see each set's
// INDEX.md). Scores a folder of pairs/ and truth/; tests/blind-sets.test.ts holds the floors. The truth format is fixtures/pairs' (links, dropped, added, deadlineChanges,
// ownerChanges, targetChanges, strengthChanges, with baseTasks / localTasks titles to map ids).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../pipeline.js';
import { diffNotices } from '../diff/index.js';
import { remapGold, type TitledGold } from './remap.js';
import { prf, type Prf } from './score.js';

interface Change {
  base: string;
  local: string;
  change: string;
  baseTarget?: string | null;
  localTarget?: string | null;
  baseWord?: string | null;
  localWord?: string | null;
  baseClause?: string | null;
  localClause?: string | null;
}
type Truth = TitledGold & { deadlineChanges?: Change[]; ownerChanges?: Change[]; targetChanges?: Change[]; strengthChanges?: Change[] };

export interface PairScore {
  pair: string;
  links: Prf;
  dropped: Prf;
  added: Prf;
  deadlines: Prf;
  owners?: Prf;
  /** target and strength changes: true positives, predictions, truths (pooled over a set) */
  targets: [number, number, number];
  strength: [number, number, number];
}

const key = (c: { base: string; local: string; change: string }) => `${c.base}→${c.local}:${c.change}`;
const numbers = (...ss: (string | null | undefined)[]) => (ss.join('').match(/\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+/g) ?? []).sort();
/** every number of the prediction is in the truth's (the truth quotes more of the sentence) */
function within(a: string[], b: string[]): boolean {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.length > 0 && a.every((x) => {
    const n = left.get(x) ?? 0;
    left.set(x, n - 1);
    return n > 0;
  });
}
function matched<P, G>(pred: P[], truth: G[], same: (p: P, g: G) => boolean): [number, number, number] {
  const used = new Set<number>();
  let tp = 0;
  for (const p of pred) {
    const i = truth.findIndex((g, k) => !used.has(k) && same(p, g));
    if (i >= 0) {
      used.add(i);
      tp++;
    }
  }
  return [tp, pred.length, truth.length];
}

export async function scoreSet(dir: string): Promise<PairScore[]> {
  const out: PairScore[] = [];
  for (const f of readdirSync(join(dir, 'truth')).filter((x) => x.endsWith('.json')).sort()) {
    const raw = JSON.parse(readFileSync(join(dir, 'truth', f), 'utf8')) as Truth;
    const base = await parseFile(join(dir, 'pairs', raw.base.split('/').pop()!), { asPlan: true });
    const local = await parseFile(join(dir, 'pairs', raw.local.split('/').pop()!), { asPlan: true });
    const d = diffNotices(base, local);
    const t = remapGold(raw, base, local) as Truth;
    const pair = (k: { base: string; local: string }) => `${k.base}→${k.local}`;
    const tt = (raw.targetChanges ?? []).filter((c) => c.change !== 'same');
    const st = (raw.strengthChanges ?? []).filter((c) => c.change !== 'same');
    out.push({
      pair: f,
      links: prf(d.links.map(pair), t.links.map(pair)),
      dropped: prf(d.dropped.map((x) => x.id), t.dropped),
      added: prf(d.added.map((x) => x.id), t.added),
      deadlines: prf(d.deadlineChanges.filter((c) => c.change !== 'same' && !c.notRestated).map(key), (t.deadlineChanges ?? []).filter((c) => c.change !== 'same').map(key)),
      owners: t.ownerChanges ? prf(d.ownerChanges.filter((c) => c.change !== 'mapped').map(key), t.ownerChanges.filter((c) => c.change !== 'mapped').map(key)) : undefined,
      targets: matched(d.targetChanges, tt, (p, g) => p.change === g.change && within(numbers(p.baseTarget, p.localTarget), numbers(g.baseTarget, g.localTarget))),
      strength: matched(d.strengthChanges, st, (p, g) => p.change === g.change && `${g.baseWord ?? ''}${g.baseClause ?? ''}`.includes(p.baseWord ?? '') && `${g.localWord ?? ''}${g.localClause ?? ''}`.includes(p.localWord ?? '')),
    });
  }
  return out;
}

/** Mean F1 over the pairs of a set (links, dropped, added, deadlines, owners) and pooled F1 and precision of targets and strength. */
export function summary(rows: PairScore[]) {
  const mean = (pick: (r: PairScore) => Prf | undefined) => {
    const v = rows.map(pick).filter((x): x is Prf => !!x).map((x) => x.f1);
    return v.reduce((a, b) => a + b, 0) / v.length;
  };
  const pooled = (pick: (r: PairScore) => [number, number, number]) => {
    const [tp, pred, truth] = rows.map(pick).reduce((a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]], [0, 0, 0]);
    const p = pred ? tp / pred : 1;
    const r = truth ? tp / truth : 1;
    return { f1: p + r ? (2 * p * r) / (p + r) : 0, precision: p };
  };
  return {
    links: mean((r) => r.links),
    linkPrecision: rows.reduce((a, r) => a + r.links.precision, 0) / rows.length,
    dropped: mean((r) => r.dropped),
    added: mean((r) => r.added),
    deadlines: mean((r) => r.deadlines),
    owners: mean((r) => r.owners),
    targets: pooled((r) => r.targets),
    strength: pooled((r) => r.strength),
  };
}
