// --shard K/N: run one of N parts of an export, so N machines (or N jobs of a job array) can share a
// corpus without talking to each other. An input belongs to shard (h mod N) + 1, where h is the first
// 32 bits of the sha256 of its name (the path relative to the directory or pattern given, or the path
// itself) — not of its position in the list, so every machine computes the same split from its own
// listing, a file added to the corpus never moves the others, and the same corpus mounted at another
// place splits alike. Each shard keeps the sorted order; concatenating the shards' JSONL gives every
// record of the single run exactly once.
import { createHash } from 'node:crypto';
import { PlancmpError } from '../errors.js';

export interface Shard {
  /** 1-based shard number. */
  k: number;
  n: number;
}

/** `"2/8"` → { k: 2, n: 8 }; anything else is a usage error. */
export function parseShard(spec: string): Shard {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(spec);
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) {
    throw new PlancmpError('usage', `--shard: "${spec}" is not K/N with 1 ≤ K ≤ N`, undefined, 'e.g. --shard 3/8 runs the third of eight parts');
  }
  return { k, n };
}

/** The shard (1..n) a name belongs to. */
export function shardOf(name: string, n: number): number {
  return (createHash('sha256').update(name).digest().readUInt32BE(0) % n) + 1;
}

/** The inputs (and their output names, index for index) of one shard, in their original order. */
export function pickShard<T extends { inputs: string[]; names: string[] }>(found: T, shard: Shard): T {
  const keep = found.inputs.map((_, i) => shardOf(found.names[i] ?? found.inputs[i], shard.n) === shard.k);
  return { ...found, inputs: found.inputs.filter((_, i) => keep[i]), names: found.names.filter((_, i) => keep[i]) };
}
