// Many-to-many alignment of local tasks with base tasks.
//
// A link means the local task carries out (all or part of) the base task's content. Evidence is
// the pair matrix (content cover both ways + title agreement). The rules, in order:
//  1. analyst pins and bans (--pairs) are honoured first;
//  2. every base task links to its best local task when the evidence is strong enough (main link);
//  3. further links are added where the base content is substantially carried elsewhere too
//     (merges, where one local item carries several base tasks; splits, the reverse);
//  4. a local task with no link yet links to its best base task if that evidence is strong.
// 5. a base task that would be dropped links to the one local task that clearly carries part of it;
// 6. and a local task that would be added, to the one base task that clearly supplies part of it.
// Kinds then follow from the shape: n:1 merged, 1:n split, weak secondary partial, else same or
// reworded by title agreement.
import type { Link, LinkKind, Task } from '../model.js';
import { evidence, evidenceObjects, type EvidenceTable, type PairEvidence } from './matrix.js';
import { dice } from './text.js';
import { linkParaphrases } from './paraphrase.js';
import { indicatorClash } from './indicators.js';
import { DEFAULT_DIFF_OPTIONS, type AlignOptions } from '../options.js';

export interface PairRules {
  pin: { base: string; local: string; kind?: LinkKind }[];
  ban: { base: string; local: string }[];
}

export interface Alignment {
  links: Link[];
  evidence: PairEvidence[][];
}

/** `options`: the thresholds (src/options.ts, DEFAULT_DIFF_OPTIONS.align unless the caller gives others). */
export function alignTasks(base: Task[], local: Task[], rules: PairRules = { pin: [], ban: [] }, options: Readonly<AlignOptions> = DEFAULT_DIFF_OPTIONS.align): Alignment {
  const { links, table } = alignTable(base, local, rules, options);
  // the evidence as objects, made when first read (diffNotices reads the table)
  let evidence: PairEvidence[][] | undefined;
  const out = { links } as Alignment;
  Object.defineProperty(out, 'evidence', { enumerable: true, configurable: true, get: () => (evidence ??= evidenceObjects(table)) });
  return out;
}

/**
 * alignTasks() with the evidence as one table (matrix.ts EvidenceTable). With `allBack` false the
 * table's back cover holds only the local tasks the rules read it for (those the rules up to 5 leave
 * unlinked), 0 elsewhere: diffNotices reads no other.
 */
export function alignTable(
  base: Task[],
  local: Task[],
  rules: PairRules = { pin: [], ban: [] },
  options: Readonly<AlignOptions> = DEFAULT_DIFF_OPTIONS.align,
  allBack = true,
): { links: Link[]; table: EvidenceTable; fillBack: (tasks: readonly number[]) => void } {
  const { table: ev, fillBack } = evidence(base, local);
  if (allBack) fillBack(local.map((_, j) => j));
  const T = options;
  const banned = new Set(rules.ban.map((b) => `${b.base}|${b.local}`));
  const chosen = new Map<string, { i: number; j: number; manual: boolean; kind?: LinkKind }>();
  const key = (i: number, j: number) => `${base[i].id}|${local[j].id}`;
  // asked for every pair several times: with no bans (the usual case) no key is built; indicator
  // statements of different quantities (增长12% of 进出口总额 / of 社会消费品零售总额) are never linked
  const clash = indicatorClash(base, local);
  const isBanned = banned.size ? (i: number, j: number) => banned.has(key(i, j)) || clash(i, j) : clash;
  // which base and local tasks have a link so far (links are only ever added)
  const linkedBase = new Set<number>();
  const linkedLocal = new Set<number>();
  const add = (i: number, j: number, manual = false, kind?: LinkKind) => {
    if (!isBanned(i, j) || manual) {
      chosen.set(key(i, j), { i, j, manual, kind });
      linkedBase.add(i);
      linkedLocal.add(j);
    }
  };

  const bIndex = new Map(base.map((t, i) => [t.id, i]));
  const lIndex = new Map(local.map((t, j) => [t.id, j]));
  for (const p of rules.pin) {
    const i = bIndex.get(p.base);
    const j = lIndex.get(p.local);
    if (i !== undefined && j !== undefined) add(i, j, true, p.kind);
  }

  const strong = (k: number) => ev.score[k] >= T.main || (ev.title[k] >= T.titleMatch && ev.cover[k] >= T.titleCover);
  base.forEach((_, i) => {
    let best = -1;
    for (let j = 0; j < local.length; j++) {
      if (isBanned(i, j)) continue;
      if (best < 0 || ev.score[i * ev.m + j] > ev.score[i * ev.m + best]) best = j;
    }
    if (best >= 0 && (strong(i * ev.m + best) || clearMutualBest(ev, i, best, T))) add(i, best);
    for (let j = 0; j < local.length; j++) {
      if (j !== best && !isBanned(i, j) && (ev.cover[i * ev.m + j] >= T.extraCover || (ev.title[i * ev.m + j] >= T.titleMatch && ev.cover[i * ev.m + j] >= T.titleCover))) add(i, j);
    }
  });
  // 5. a base task about to be reported dropped, part of whose content one local task clearly carries
  base.forEach((_, i) => {
    if (linkedBase.has(i)) return;
    const row = i * ev.m;
    const order: number[] = [];
    for (let j = 0; j < local.length; j++) if (!isBanned(i, j)) order.push(j);
    order.sort((a, b) => ev.score[row + b] - ev.score[row + a]);
    const [first, second] = order;
    // weak evidence, so demand structure too: the two tasks sit under corresponding projects
    const sameProject = first !== undefined && dice(base[i].project, local[first].project) >= T.sameTitle;
    if (first !== undefined && sameProject && ev.cover[row + first] >= T.partialCover && (second === undefined || ev.score[row + first] >= T.partialMargin * ev.score[row + second])) add(i, first);
  });
  // back cover is read from here on, for local tasks still unlinked only (links are only added)
  const unlinked: number[] = [];
  for (let j = 0; j < local.length; j++) if (!linkedLocal.has(j)) unlinked.push(j);
  fillBack(unlinked);
  local.forEach((_, j) => {
    if (linkedLocal.has(j)) return;
    let best = -1;
    for (let i = 0; i < base.length; i++) {
      if (isBanned(i, j)) continue;
      if (best < 0 || ev.back[i * ev.m + j] > ev.back[best * ev.m + j]) best = i;
    }
    if (best >= 0 && ev.back[best * ev.m + j] >= T.extraCover && ev.score[best * ev.m + j] >= T.main * T.laxFactor) add(best, j);
  });
  // 6. the mirror of rule 5: a local task about to be reported added, part of whose content one base
  //    task under the corresponding project clearly supplies (湖州 行政复议机制创新 ← 依法化解社会矛盾纠纷)
  // the two base tasks that supply most of local task j (by back cover), banned pairs left out
  const bestSuppliers = (j: number) => {
    let first = -1;
    let second = -1;
    for (let i = 0; i < base.length; i++) {
      if (isBanned(i, j)) continue;
      if (first < 0 || ev.back[i * ev.m + j] > ev.back[first * ev.m + j]) {
        second = first;
        first = i;
      } else if (second < 0 || ev.back[i * ev.m + j] > ev.back[second * ev.m + j]) second = i;
    }
    return { first, second };
  };
  local.forEach((_, j) => {
    if (linkedLocal.has(j)) return;
    const { first, second } = bestSuppliers(j);
    if (first < 0 || dice(base[first].project, local[j].project) < T.sameTitle) return;
    const back = ev.back[first * ev.m + j];
    if (back >= T.partialCover && (second < 0 || back >= T.partialMargin * ev.back[second * ev.m + j])) add(first, j);
  });

  // 7. across structures a lower level often rewrites one part of a long base task as a task of its
  //    own: nearly all of the local task's content is in one base task, and in no other to compare
  local.forEach((_, j) => {
    if (linkedLocal.has(j)) return;
    const { first, second } = bestSuppliers(j);
    if (first < 0) return;
    const back = ev.back[first * ev.m + j];
    if (back >= T.carriedBack && (second < 0 || back >= T.carriedMargin * ev.back[second * ev.m + j])) add(first, j);
  });

  // 8. a would-be-added local task that merges two would-be-dropped base tasks: each carries a good
  //    part of it, and it is each one's best counterpart
  // depends on the evidence and the bans only (not on the links so far): found once per base task
  const bestLocal = new Map<number, number>();
  const bestLocalOf = (i: number) => {
    let best = bestLocal.get(i);
    if (best === undefined) {
      best = -1;
      for (let j = 0; j < local.length; j++) if (!isBanned(i, j) && (best < 0 || ev.score[i * ev.m + j] > ev.score[i * ev.m + best])) best = j;
      bestLocal.set(i, best);
    }
    return best;
  };
  local.forEach((_, j) => {
    if (linkedLocal.has(j)) return;
    const parts = base
      .map((_, i) => i)
      .filter((i) => !linkedBase.has(i) && !isBanned(i, j) && ev.back[i * ev.m + j] >= T.mergedPart && bestLocalOf(i) === j);
    if (parts.length < 2) return;
    const total = parts.reduce((a, i) => a + ev.back[i * ev.m + j], 0);
    if (total >= T.mergedTotal) for (const i of parts) add(i, j);
  });
  // 9. a would-be-dropped base task and a would-be-added local task that are each other's best
  //    counterpart, ahead of every alternative on both sides: the same task rewritten
  base.forEach((_, i) => {
    if (linkedBase.has(i)) return;
    const j = bestLocalOf(i);
    if (j < 0 || linkedLocal.has(j)) return;
    const s = ev.score[i * ev.m + j];
    if (s < T.rewrittenScore) return;
    for (let k = 0; k < local.length; k++) if (k !== j && ev.score[i * ev.m + k] * T.rewrittenMargin > s) return;
    for (let k = 0; k < base.length; k++) if (k !== i && ev.score[k * ev.m + j] * T.rewrittenMargin > s) return;
    add(i, j);
  });

  // 10. heavy paraphrase: what is still dropped or added, looked at with its counterparts n:m
  linkParaphrases({ base, local, ev, linkedBase, linkedLocal, pairs: () => [...chosen.values()].map((c) => [c.i, c.j] as [number, number]), isBanned, add }, T);

  // 11. a lower level joins neighbouring measures into one item (or splits one into neighbouring
  //     items): a task still alone whose clear best counterpart already carries the task next to it,
  //     under the same heading, is the other half of that merge (split)
  const linkedTo = (side: 'base' | 'local', x: number) => [...chosen.values()].filter((c) => (side === 'base' ? c.j === x : c.i === x)).map((c) => (side === 'base' ? c.i : c.j));
  base.forEach((_, i) => {
    if (linkedBase.has(i)) return;
    const { best, next } = ranked(local.length, (j) => (isBanned(i, j) ? -1 : ev.score[i * ev.m + j]));
    if (best < 0 || !linkedLocal.has(best) || ev.score[i * ev.m + best] < T.adjacentScore || ev.score[i * ev.m + best] < T.adjacentMargin * next) return;
    if (linkedTo('base', best).some((k) => Math.abs(k - i) === 1 && base[k].project === base[i].project)) add(i, best);
  });
  local.forEach((_, j) => {
    if (linkedLocal.has(j)) return;
    const { best, next } = ranked(base.length, (i) => (isBanned(i, j) ? -1 : ev.back[i * ev.m + j]));
    if (best < 0 || !linkedBase.has(best) || ev.score[best * ev.m + j] < T.adjacentScore || ev.back[best * ev.m + j] < T.adjacentMargin * next) return;
    if (linkedTo('local', best).some((k) => Math.abs(k - j) === 1 && local[k].project === local[j].project)) add(best, j);
  });

  const pairs = [...chosen.values()];
  // the links of each base and each local task, grouped once (not filtered per link)
  const basesOf = new Map<number, number[]>();
  const localsOf = new Map<number, number[]>();
  for (const p of pairs) {
    (basesOf.get(p.j) ?? basesOf.set(p.j, []).get(p.j)!).push(p.i);
    (localsOf.get(p.i) ?? localsOf.set(p.i, []).get(p.i)!).push(p.j);
  }
  // pushed, not map()ped: an empty map() result is an array of another shape (sort() deoptimized on it)
  const links: Link[] = [];
  for (const { i, j, manual, kind } of pairs) {
    const link: Link = { base: base[i].id, local: local[j].id, score: round(ev.score[i * ev.m + j]), kind: kind ?? classify(i, j, basesOf.get(j)!, localsOf.get(i)!, ev, T) };
    if (manual) link.manual = true;
    links.push(link);
  }
  links.sort((a, b) => cmpId(a.base, b.base) || cmpId(a.local, b.local));
  return { links, table: ev, fillBack };
}

/** The index with the highest value (-1 when none is ≥ 0) and the next highest value. */
function ranked(n: number, value: (x: number) => number): { best: number; next: number } {
  let best = -1;
  let top = -1;
  let next = 0;
  for (let x = 0; x < n; x++) {
    const v = value(x);
    if (v < 0) continue;
    if (v > top) {
      if (best >= 0) next = Math.max(next, top);
      best = x;
      top = v;
    } else next = Math.max(next, v);
  }
  return { best, next };
}

/**
 * A reworded task shares little wording with its source (提升科学谋划能力 for 建立科学谋划体系), but
 * when each is the other's best counterpart by a wide margin, nothing else in either plan competes.
 */
function clearMutualBest(ev: EvidenceTable, i: number, j: number, T: Readonly<AlignOptions>): boolean {
  const s = ev.score[i * ev.m + j];
  if (s < T.mutual) return false;
  for (let k = 0; k < ev.m; k++) if (k !== j && ev.score[i * ev.m + k] * T.mutualMargin > s) return false;
  for (let k = 0; k < ev.n; k++) if (k !== i && ev.score[k * ev.m + j] * T.mutualMargin > s) return false;
  return true;
}

/** basesOfLocal: base tasks linked to local j; localsOfBase: local tasks linked to base i (in link order). */
function classify(i: number, j: number, basesOfLocal: number[], localsOfBase: number[], ev: EvidenceTable, T: Readonly<AlignOptions>): LinkKind {
  const k = i * ev.m + j;
  const cover = ev.cover[k];
  const title = ev.title[k];
  // the strongest counterpart of this base task: a weaker second one only carries part of it
  const bestLocal = localsOfBase.reduce((a, b) => (ev.score[i * ev.m + b] > ev.score[i * ev.m + a] ? b : a), j);
  const bestBase = basesOfLocal.reduce((a, b) => (ev.score[b * ev.m + j] > ev.score[a * ev.m + j] ? b : a), i);
  if (localsOfBase.length > 1 && bestLocal !== j && cover < T.partial) return 'partial';
  if (basesOfLocal.length > 1) {
    if (bestBase !== i && cover < T.partial && title < T.titleMatch) return 'partial';
    return 'merged';
  }
  if (localsOfBase.length > 1) return 'split';
  if (title >= T.sameTitle && cover >= T.sameCover) return 'same';
  // one-to-one but different title: reworded when either the wording or the title still agrees
  return cover >= T.partial * T.laxFactor || title >= T.rewordedTitle ? 'reworded' : 'partial';
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// the numbers of an id, parsed once per id (sorts compare each id many times; bounded, cleared when full)
const parts = new Map<string, number[]>();
function idParts(id: string): number[] {
  let p = parts.get(id);
  if (!p) {
    if (parts.size >= 20000) parts.clear();
    p = id.replace(/^L/, '').split('.').map(Number);
    parts.set(id, p);
  }
  return p;
}

/** Order ids "2.10" after "2.9", "L10" after "L9". */
export function cmpId(a: string, b: string): number {
  const pa = idParts(a);
  const pb = idParts(b);
  for (let k = 0; k < Math.max(pa.length, pb.length); k++) {
    const d = (pa[k] ?? 0) - (pb[k] ?? 0);
    if (d) return d;
  }
  return a.localeCompare(b);
}
