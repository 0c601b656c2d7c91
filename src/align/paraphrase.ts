// Rule 10 of the aligner: heavy paraphrase. A lower level rewrites whole sentences and adds its own
// places, programmes and numbers while keeping the base measure, so a rewritten task, a partial
// carry or one half of a split falls below the content thresholds and shows as a dropped base task
// plus an added local task. Such a pair under corresponding parts is looked at together, n:m: every
// pair of them (and every pair of one of them with a linked task) whose content overlaps — a share
// of the content, or a rare phrase one task's title names and the other repeats — and that is among the best
// counterparts of both tasks, links.
import type { Task } from '../model.js';
import type { EvidenceTable } from './matrix.js';
import type { AlignOptions } from '../options.js';
import { longestShared, titlePhrase, topicOf } from './phrase.js';

export interface RuleState {
  base: Task[];
  local: Task[];
  ev: EvidenceTable;
  linkedBase: Set<number>;
  linkedLocal: Set<number>;
  /** the links so far, as [base index, local index] */
  pairs: () => [number, number][];
  isBanned: (i: number, j: number) => boolean;
  add: (i: number, j: number) => void;
}

/** The group a task sits in: the positions of its ancestors (a part, or part and project). */
const groupOf = (t: Task) => t.path.slice(0, -1).join('.');

/**
 * Which base and local groups correspond: a link already joins them, or one side has a single
 * group (a task table, a flat list) so that everything on the other side corresponds to it, or
 * one of them is off the spine of joined groups and the other stands in its stretch between spine
 * edges (base parts 一 二 三 against local parts 一 二 三 where only 一 and 三 are joined: 二 corresponds
 * to 二, and to 一 or 三 where the local level folded it in, as a reader lays the plans side by side).
 */
export function correspondence(s: Pick<RuleState, 'base' | 'local' | 'pairs'>): (i: number, j: number) => Correspondence {
  const bg = s.base.map(groupOf);
  const lg = s.local.map(groupOf);
  if (new Set(bg).size <= 1 || new Set(lg).size <= 1) return () => 'strict';
  const firstAt = (groups: string[]) => {
    const at = new Map<string, number>();
    groups.forEach((g, i) => at.has(g) || at.set(g, i));
    return at;
  };
  const bAt = firstAt(bg);
  const lAt = firstAt(lg);
  // joined groups, with how many links join them
  const joined = new Map<string, number>();
  for (const [i, j] of s.pairs()) joined.set(`${bg[i]}|${lg[j]}`, (joined.get(`${bg[i]}|${lg[j]}`) ?? 0) + 1);
  // the spine: the heaviest run of joined group pairs in the same order on both sides. A task the
  // local level moved to another part joins two groups off the spine; it must not put the parts
  // around it out of step (base 二 三 四 against local 二 三 四, with one task of 二 moved to 四)
  const edges = [...joined].map(([k, w]) => {
    const [b, l] = k.split('|');
    return { b, l, at: [bAt.get(b)!, lAt.get(l)!] as const, w };
  }).sort((x, y) => x.at[0] - y.at[0] || x.at[1] - y.at[1]);
  const weight = edges.map((e) => e.w);
  const prev = edges.map(() => -1);
  for (let x = 0; x < edges.length; x++) {
    for (let y = 0; y < x; y++) {
      if (edges[y].at[0] < edges[x].at[0] && edges[y].at[1] < edges[x].at[1] && weight[y] + edges[x].w > weight[x]) {
        weight[x] = weight[y] + edges[x].w;
        prev[x] = y;
      }
    }
  }
  const spine: (typeof edges)[number][] = [];
  let end = -1;
  weight.forEach((w, x) => (end < 0 || w > weight[end]) && (end = x));
  for (let x = end; x >= 0; x = prev[x]) spine.unshift(edges[x]);
  const onSpine = [new Set(spine.map((e) => e.b)), new Set(spine.map((e) => e.l))];
  // a group off the spine stands between two spine edges on its side; its counterparts are the other
  // side's groups from the first edge's to the second's, both included (a base part the local level
  // folded into its neighbour, a part it inserted, parts both rewrote beyond the main links)
  // each off-spine group's stretch on the other side: from the position of the spine edge before it
  // to that of the one after it, both included
  const stretch = (side: 0 | 1, at: number): [number, number] => {
    let lo = -Infinity;
    let hi = Infinity;
    for (const e of spine) {
      if (e.at[side] < at) lo = e.at[1 - side];
      else if (e.at[side] > at) {
        hi = e.at[1 - side];
        break;
      }
    }
    return [lo, hi];
  };
  // one verdict per pair of groups, found once (the rules ask it for every pair of tasks)
  const bGroups = [...bAt.keys()];
  const lGroups = [...lAt.keys()];
  const verdict: Correspondence[] = [];
  for (const gb of bGroups) {
    const b = bAt.get(gb)!;
    const bStretch = onSpine[0].has(gb) ? undefined : stretch(0, b);
    for (const gl of lGroups) {
      const l = lAt.get(gl)!;
      const lStretch = onSpine[1].has(gl) ? undefined : stretch(1, l);
      const c: Correspondence[] = [];
      if (bStretch && l >= bStretch[0] && l <= bStretch[1]) c.push(onSpine[1].has(gl) ? 'loose' : 'strict');
      if (lStretch && b >= lStretch[0] && b <= lStretch[1]) c.push(onSpine[0].has(gb) ? 'loose' : 'strict');
      verdict.push(joined.has(`${gb}|${gl}`) || c.includes('strict') ? 'strict' : c.includes('loose') ? 'loose' : 'none');
    }
  }
  const bIndex = new Map(bGroups.map((g, k) => [g, k]));
  const lIndex = new Map(lGroups.map((g, k) => [g, k]));
  const bOf = bg.map((g) => bIndex.get(g)!);
  const lOf = lg.map((g) => lIndex.get(g)!);
  return (i, j) => verdict[bOf[i] * lGroups.length + lOf[j]];
}

/**
 * strict: the groups are joined, or both stand off the spine in the same stretch; loose: one is off
 * the spine and the other is a spine group at the end of its stretch (where it may have been folded
 * in) — enough for content, not for a shared phrase alone.
 */
export type Correspondence = 'strict' | 'loose' | 'none';

/** How many tasks of a side hold a phrase (memoized per side). */
function usesIn(tasks: Task[]): (p: string) => number {
  const seen = new Map<string, number>();
  return (p) => {
    let n = seen.get(p);
    if (n === undefined) {
      n = 0;
      for (const t of tasks) if (topicOf(t).includes(p)) n++;
      seen.set(p, n);
    }
    return n;
  };
}

export function linkParaphrases(s: RuleState, T: Readonly<AlignOptions>): void {
  const { base, local, ev } = s;
  const n = base.length;
  const m = local.length;
  if (!n || !m || (s.linkedBase.size === n && s.linkedLocal.size === m)) return;
  const corresponds = correspondence(s);
  const baseUses = usesIn(base);
  const localUses = usesIn(local);
  // each task's best score over all counterparts, linked or not
  const bestOfBase = new Float64Array(n);
  const bestOfLocal = new Float64Array(m);
  const best = (strength: Float64Array) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const v = strength[i * m + j];
        if (v > bestOfBase[i]) bestOfBase[i] = v;
        if (v > bestOfLocal[j]) bestOfLocal[j] = v;
      }
    }
  };
  best(ev.score);
  // the strength of a pair: its score, raised to the link floor when it shares a rare phrase — looked
  // for only where the raised pair would stand among the best of both tasks
  const strength = Float64Array.from(ev.score);
  // content, not a title built of the same policy words (健全行政问责工作机制 / 健全行政决策机制): a pair
  // without a share of shared content or a rare shared phrase has no strength here
  // (titles nearly the same, 强化配套金融支持 / 强化金融支持, are the same measure however briefly restated)
  for (let k = 0; k < n * m; k++) if (ev.cover[k] < T.paraphraseCover && ev.back[k] < T.paraphraseCover && ev.title[k] < T.paraphraseTitle) strength[k] = 0;
  const floor = T.paraphraseScore;
  const open = (i: number, j: number) => (!s.linkedBase.has(i) || !s.linkedLocal.has(j)) && !s.isBanned(i, j) && corresponds(i, j) !== 'none';
  // rare on each side: in a short plan two tasks are already a good share of all (a notice of five
  // items names its subject, 中小企业特色产业集群, in most of them)
  const cap = (count: number) => Math.max(1, Math.min(T.paraphrasePhraseUses, Math.floor(count * T.paraphrasePhraseShare)));
  const rare = (p: string) => p.length >= T.paraphrasePhrase && baseUses(p) <= cap(n) && localUses(p) <= cap(m);
  for (let i = 0; i < n; i++) {
    if (floor < T.paraphraseShare * bestOfBase[i]) continue;
    for (let j = 0; j < m; j++) {
      const k = i * m + j;
      const v = ev.score[k];
      if (v < T.paraphrasePhraseScore || v >= floor || floor < T.paraphraseShare * bestOfLocal[j] || !open(i, j) || corresponds(i, j) !== 'strict') continue;
      // a phrase a title names, else any the two texts share (read up to a cap: long texts share boilerplate anyway)
      if (rare(titlePhrase(base[i], local[j], T.paraphrasePhrase)) || rare(longestShared(topicOf(base[i]), topicOf(local[j]), 600))) strength[k] = Math.max(strength[k], floor);
    }
  }
  best(strength);
  const found: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const v = strength[i * m + j];
      if (v < T.paraphraseScore || !open(i, j)) continue;
      if (v >= T.paraphraseShare * bestOfBase[i] && v >= T.paraphraseShare * bestOfLocal[j]) found.push([i, j]);
    }
  }
  // a task still alone whose one clear counterpart (far ahead of the next) is taken already: a merge
  // (二者合一) or split the local level wrote in its own words — one-sided, so the other task's own
  // stronger partner does not hide it
  const clearBest = (count: number, strengthOf: (x: number) => number, allowed: (x: number) => boolean, min = T.paraphraseScore) => {
    let first = -1;
    let second = 0;
    for (let x = 0; x < count; x++) {
      const v = strengthOf(x);
      if (first < 0 || v > strengthOf(first)) {
        if (first >= 0) second = Math.max(second, strengthOf(first));
        first = x;
      } else if (v > second) second = v;
    }
    return first >= 0 && allowed(first) && strengthOf(first) >= min && strengthOf(first) >= T.paraphraseMargin * second ? first : -1;
  };
  for (let i = 0; i < n; i++) {
    if (s.linkedBase.has(i) || found.some(([a]) => a === i)) continue;
    const j = clearBest(m, (x) => strength[i * m + x], (x) => open(i, x));
    if (j >= 0) found.push([i, j]);
  }
  for (let j = 0; j < m; j++) {
    if (s.linkedLocal.has(j) || found.some(([, b]) => b === j)) continue;
    const i = clearBest(n, (x) => strength[x * m + j], (x) => open(x, j));
    if (i >= 0) found.push([i, j]);
  }
  // a local task still alone a good share of whose content one base task holds, far more than any
  // other: one half of a split in the local level's own words (其一 加强震情跟踪, 其二 建设监测系统 out of
  // one base measure), whatever that base task is linked to already
  for (let j = 0; j < m; j++) {
    if (s.linkedLocal.has(j) || found.some(([, b]) => b === j)) continue;
    const i = clearBest(n, (x) => ev.back[x * m + j], (x) => !s.isBanned(x, j) && corresponds(x, j) !== 'none', T.splitBack);
    if (i >= 0) found.push([i, j]);
  }
  for (const [i, j] of found) s.add(i, j);
}
