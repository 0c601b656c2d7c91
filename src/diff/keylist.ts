// Key lists (重点任务清单): align rows of the two lists. The body task each row details is found at
// parse time (KeyListRow.bodyTask, src/parse/keylist-tasks.ts), so a key-list 时间要求 can be compared
// with a local body task when the local plan has no key list of its own.
//
// Rows are linked competitively, in three passes:
//  1. exact partners (the same 重点任务 wording) pair one-to-one and take no other partner;
//  2. rows that agree strongly pair one-to-one, best first; a second partner is only added when the
//     wording really merges (the local row holds both base rows) or splits (the base row holds both);
//  3. rows still alone that detail linked body tasks pair on much weaker agreement — a row rewritten
//     within its task. A row may link to two when those two are all the rows of one task still
//     alone (rewritten as two); a lone row facing several rows of its linked task condenses that
//     task and goes to the row restating the task's title, if that row qualifies.
import type { KeyListRow, Link, Task } from '../model.js';
import { dice, diceOf } from '../align/text.js';
import { IdIdf, Vocab, containmentsOfIds, dfOfIds, postingsOfIds } from '../align/encode.js';
import { cmpId } from '../align/tasks.js';
import { keyRowsBase } from '../align/prepared.js';
import { DEFAULT_DIFF_OPTIONS, type KeyListOptions } from '../options.js';

interface Pair {
  i: number;
  j: number;
  fwd: number; // share of the base row inside the local row
  rev: number; // share of the local row inside the base row
  dice: number;
  score: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Links between key-list rows by the wording of their 重点任务 cells (see the passes above).
 * `sameTask(b, l)` says whether the body tasks the two rows detail are linked; `ownerOf` names the
 * body task a row details (a row splits in two only within one task); `headline` says whether a row
 * restates its task's title.
 */
export function alignKeyLists(
  base: KeyListRow[],
  local: KeyListRow[],
  sameTask: (b: KeyListRow, l: KeyListRow) => boolean = () => false,
  ownerOf?: (r: KeyListRow, side: 'base' | 'local') => string | undefined,
  headline: (r: KeyListRow, side: 'base' | 'local') => boolean = () => false,
  T: Readonly<KeyListOptions> = DEFAULT_DIFF_OPTIONS.keyList,
): Link[] {
  // each pass a function of its own: a pass that meets a new shape of list (an empty filter() result
  // is a small-integer array) deoptimizes and is compiled again alone, not with the whole alignment
  const { pairs, idf } = scoredPairs(base, local, T);
  const st = new Partners(base.length, local.length);
  strongPasses(st, pairs, base, local, idf, T);
  withinTaskPass(st, pairs, base, local, sameTask, ownerOf, headline, T);
  return linksOf(st, base, local, T);
}

/** IDF over the rows of both lists (the base rows' ids and counts once per base), and every pair's
 * containment both ways and dice, through the index of each side. */
function scoredPairs(base: KeyListRow[], local: KeyListRow[], T: Readonly<KeyListOptions>): { pairs: Pair[]; idf: IdIdf } {
  const b = keyRowsBase(base);
  const vocab = new Vocab(b.vocab);
  const lRows: Int32Array[] = [];
  for (let j = 0; j < local.length; j++) lRows.push(vocab.encode(local[j].task));
  const df = new Int32Array(vocab.size);
  df.set(b.df);
  const idf = new IdIdf(vocab, dfOfIds(lRows, vocab.size, df), base.length + local.length);
  const lPostings = postingsOfIds(lRows, vocab.size);
  const shared: Int32Array[] = [];
  const fwdOf: Float64Array[] = [];
  for (let i = 0; i < base.length; i++) {
    shared.push(new Int32Array(local.length));
    fwdOf.push(containmentsOfIds(b.rows[i], lPostings, local.length, idf, shared[i]));
  }
  const revOf: Float64Array[] = [];
  for (let j = 0; j < lRows.length; j++) revOf.push(containmentsOfIds(lRows[j], b.postings, base.length, idf));
  return { pairs: candidatePairs(b.rows, lRows, fwdOf, revOf, shared, T), idf };
}

// best first; on a tie the row at the same position first, then list order (a self-diff pairs each row with itself)
const byScore = (a: Pair, b: Pair) => b.score - a.score || Math.abs(a.i - a.j) - Math.abs(b.i - b.j) || a.i - b.i || a.j - b.j;

/** The pairs taken so far, in order, and each row's partners. */
class Partners {
  readonly chosen: Pair[] = [];
  readonly isChosen = new Set<Pair>();
  readonly ofBase: Pair[][] = [];
  readonly ofLocal: Pair[][] = [];
  constructor(n: number, m: number) {
    for (let i = 0; i < n; i++) this.ofBase.push([]);
    for (let j = 0; j < m; j++) this.ofLocal.push([]);
  }
  take(p: Pair): void {
    this.chosen.push(p);
    this.isChosen.add(p);
    this.ofBase[p.i].push(p);
    this.ofLocal[p.j].push(p);
  }
  alone(p: Pair): boolean {
    return this.ofBase[p.i].length === 0 && this.ofLocal[p.j].length === 0;
  }
}

/** Passes 1 (exact partners) and 2 (strong agreement, one-to-one, then real merges and splits). */
function strongPasses(st: Partners, pairs: Pair[], base: KeyListRow[], local: KeyListRow[], idf: IdIdf, T: Readonly<KeyListOptions>): void {
  // 1. exact partners
  const exact = pairs.filter((p) => p.dice >= T.exactRow).sort(byScore);
  for (const p of exact) if (st.alone(p)) st.take(p);
  const exactBase = new Set(st.chosen.map((p) => p.i));
  const exactLocal = new Set(st.chosen.map((p) => p.j));

  // 2. strong agreement, one-to-one, then real merges and splits
  const strong = pairs
    .filter((p) => !exactBase.has(p.i) && !exactLocal.has(p.j))
    .filter((p) => p.score >= T.rowLink && Math.min(p.fwd, p.rev) >= T.rowLinkBothWays)
    .sort(byScore);
  for (const p of strong) if (st.alone(p)) st.take(p);
  for (const p of strong) {
    if (st.isChosen.has(p)) continue;
    const bLinks = st.ofBase[p.i];
    const lLinks = st.ofLocal[p.j];
    if (bLinks.length === 0 && lLinks.length > 0 && p.fwd >= T.partCover && mergeGain(local[p.j].task, lLinks.map((q) => base[q.i].task), base[p.i].task, idf) >= T.mergeGain) st.take(p);
    else if (lLinks.length === 0 && bLinks.length > 0 && p.rev >= T.partCover && mergeGain(base[p.i].task, bLinks.map((q) => local[q.j].task), local[p.j].task, idf) >= T.mergeGain) st.take(p);
  }
}

/** 3. rows still alone, within linked body tasks. */
function withinTaskPass(
  st: Partners,
  pairs: Pair[],
  base: KeyListRow[],
  local: KeyListRow[],
  sameTask: (b: KeyListRow, l: KeyListRow) => boolean,
  ownerOf: ((r: KeyListRow, side: 'base' | 'local') => string | undefined) | undefined,
  headline: (r: KeyListRow, side: 'base' | 'local') => boolean,
  T: Readonly<KeyListOptions>,
): void {
  const partnersOfBase = st.ofBase;
  const partnersOfLocal = st.ofLocal;
  const aloneBase = new Set<number>();
  for (let i = 0; i < base.length; i++) if (partnersOfBase[i].length === 0) aloneBase.add(i);
  const aloneLocal = new Set<number>();
  for (let j = 0; j < local.length; j++) if (partnersOfLocal[j].length === 0) aloneLocal.add(j);
  const bOwner = (i: number) => ownerOf?.(base[i], 'base');
  const lOwner = (j: number) => ownerOf?.(local[j], 'local');
  // how many rows of each task are still alone, per side (counted once: the sort below asks often)
  const countBy = (side: Set<number>, of: (k: number) => string | undefined) => {
    const m = new Map<string | undefined, number>();
    for (const k of side) m.set(of(k), (m.get(of(k)) ?? 0) + 1);
    return m;
  };
  const aloneLocalIn = countBy(aloneLocal, lOwner);
  const aloneBaseIn = countBy(aloneBase, bOwner);
  // a lone row facing several rows of the linked task condenses the task: it goes to the row that
  // restates the task's title (the headline row) when that row qualifies, else to the closest
  const condenses = (p: Pair) =>
    (aloneLocalIn.get(lOwner(p.j)) === 1 && headline(base[p.i], 'base')) || (aloneBaseIn.get(bOwner(p.i)) === 1 && headline(local[p.j], 'local'));
  const within = pairs
    .filter((p) => aloneBase.has(p.i) && aloneLocal.has(p.j))
    .filter((p) => Math.max(p.fwd, p.rev) >= T.rowLinkWithinTasks && sameTask(base[p.i], local[p.j]));
  // asked once per pair, not per comparison of the sort
  const condensing = new Set(within.filter(condenses));
  within.sort((a, b) => Number(condensing.has(b)) - Number(condensing.has(a)) || byScore(a, b));
  for (const p of within) if (st.alone(p)) st.take(p);
  // one row may link to two: a row rewritten as the two rows of one task that were still alone
  for (const p of within) {
    if (st.isChosen.has(p)) continue;
    const bLinks = partnersOfBase[p.i];
    const lLinks = partnersOfLocal[p.j];
    if (lLinks.length === 0 && bLinks.length === 1 && aloneLocal.has(bLinks[0].j) && lOwner(bLinks[0].j) === lOwner(p.j) && aloneLocalIn.get(lOwner(p.j)) === 2) st.take(p);
    else if (bLinks.length === 0 && lLinks.length === 1 && aloneBase.has(lLinks[0].i) && bOwner(lLinks[0].i) === bOwner(p.i) && aloneBaseIn.get(bOwner(p.i)) === 2) st.take(p);
  }
}

/** The links of the pairs taken, by id. */
function linksOf(st: Partners, base: KeyListRow[], local: KeyListRow[], T: Readonly<KeyListOptions>): Link[] {
  const links: Link[] = [];
  for (let k = 0; k < st.chosen.length; k++) {
    const p = st.chosen[k];
    const kind = st.ofLocal[p.j].length > 1 ? 'merged' : st.ofBase[p.i].length > 1 ? 'split' : p.dice >= T.exactRow ? 'same' : 'reworded';
    links.push({ base: base[p.i].id, local: local[p.j].id, score: round(p.score), kind });
  }
  return links.sort((a, b) => cmpId(a.base, b.base) || cmpId(a.local, b.local));
}

/**
 * The pairs of rows some pass of alignKeyLists can take (exact, strong, or within linked tasks), in
 * row order. A function of its own: the loop over every pair stays optimized whatever happens to the
 * large function around it.
 */
function candidatePairs(bRows: readonly Int32Array[], lRows: readonly Int32Array[], fwdOf: readonly Float64Array[], revOf: readonly Float64Array[], shared: readonly Int32Array[], T: Readonly<KeyListOptions>): Pair[] {
  const { rowContainWeight, exactRow, rowLink, rowLinkBothWays, rowLinkWithinTasks } = T;
  const pairs: Pair[] = [];
  for (let i = 0; i < bRows.length; i++) {
    const fwdRow = fwdOf[i];
    const sharedRow = shared[i];
    const bSize = bRows[i].length;
    for (let j = 0; j < lRows.length; j++) {
      const fwd = fwdRow[j];
      const rev = revOf[j][i];
      const d = diceOf(bSize, lRows[j].length, sharedRow[j]);
      // a local row may join two provincial rows ("…试点，建立健全…体系"): containment either way counts
      const score = Math.max(d, rowContainWeight * Math.max(fwd, rev));
      if (d >= exactRow || (score >= rowLink && Math.min(fwd, rev) >= rowLinkBothWays) || Math.max(fwd, rev) >= rowLinkWithinTasks) pairs.push({ i, j, fwd, rev, dice: d, score });
    }
  }
  return pairs;
}

/** How much more of `joined` the rows `parts` + `extra` explain than `parts` alone. */
function mergeGain(joined: string, parts: string[], extra: string, idf: IdIdf): number {
  const before = idf.containment(joined, parts.join('。'));
  const after = idf.containment(joined, [...parts, extra].join('。'));
  return after - before;
}

/** Whether a row restates the title of the task it details (the task's headline row). */
export function isHeadlineRow(r: KeyListRow, owner: Task | undefined, T: Readonly<KeyListOptions> = DEFAULT_DIFF_OPTIONS.keyList): boolean {
  return !!owner && dice(r.task, owner.title) >= T.headlineRow;
}
