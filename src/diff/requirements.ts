// What the lower level weakened, beyond deadlines: numeric targets raised, lowered, removed or
// added, and obligations whose word got weaker (确保 → 力争, 应当 → 可以) or stronger, or a ban
// (不得) that disappeared. Compared over each group of linked tasks (a merge or a split compares the
// union of its tasks' clauses), clause to clause, best pair first, as deadlines are paired.
import type { Link, Notice, Obligation, StrengthChange, Target, TargetChange } from '../model.js';
import { containedShare, dice } from '../align/text.js';
import { AIM_WORDS, AMOUNT_NOUNS, HEDGE_WORDS, IN_PRINCIPLE, LOWER_LEVELS, TIME_UNITS, STRENGTH_RANK, WORD_RANK } from '../vocabulary.js';
import { clauseStrengths } from '../parse/requirements.js';
import { linkGroups } from './link-groups.js';
import type { RequirementOptions } from '../options.js';

interface Owned<T> {
  task: string;
  item: T;
}

/** Best pairs first (one-to-one) among candidates scoring at least `min`. */
function pairBest<A, B>(as: A[], bs: B[], score: (a: A, b: B) => number, min: number): { a: A; b: B }[] {
  const cands: { i: number; j: number; s: number }[] = [];
  as.forEach((a, i) => bs.forEach((b, j) => {
    const s = score(a, b);
    if (s >= min) cands.push({ i, j, s });
  }));
  cands.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: { a: A; b: B }[] = [];
  for (const c of cands) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    out.push({ a: as[c.i], b: bs[c.j] });
  }
  return out;
}

function collect<T>(ids: string[], byId: Map<string, Notice['tasks'][number]>, pick: (t: Notice['tasks'][number]) => T[] | undefined): Owned<T>[] {
  const out: Owned<T>[] = [];
  for (const id of ids) for (const item of pick(byId.get(id)!) ?? []) out.push({ task: id, item });
  return out;
}

/** A target with the words around it in its task (see contexts). */
interface Placed extends Target {
  context: string;
}

/**
 * Each target of a task with the words of its clause around it, figures left out: a measure of the
 * genre names what an amount pays for after it (给予最高50万元的购房补贴) and often nothing before it
 * but a verb (给予), so the indicator alone tells the several amounts of a task poorly apart. Targets
 * come in text order; each is looked for after the one before.
 */
function placed(task: Notice['tasks'][number]): Placed[] {
  let from = 0;
  return (task.targets ?? []).map((t) => {
    const at = task.text.indexOf(t.text, from);
    if (at < 0) return { ...t, context: t.indicator };
    const before = task.text.slice(Math.max(from, at - CONTEXT_BEFORE), at).split(/[。；;]/).pop()!;
    const after = task.text.slice(at + t.text.length, at + t.text.length + CONTEXT_AFTER).split(/[。；;，,、]/)[0];
    from = at + t.text.length;
    return { ...t, context: `${before}${after}`.replace(/[\d.%％]+/g, '') };
  });
}
/** How far a target's context reaches: the clause before it, and the few words after it. */
const CONTEXT_BEFORE = 24;
const CONTEXT_AFTER = 12;

/** How alike two targets are: what they measure (or the words around them), and the unit they count in. */
function targetScore(a: Placed, b: Placed): number {
  // a figure is restated only in its own unit or, for a span of time, in another unit of time
  if (a.unit !== b.unit && !(TIME.has(a.unit) && TIME.has(b.unit))) return 0;
  const same = a.unit === b.unit ? 0.3 : 0;
  // a cap (最高, 不超过) and a floor (不低于, 达到) of one unit are mostly different figures
  // (最高200万元入股支持, 基金规模不低于2000万元)
  const bound = a.bound === b.bound ? 0 : T_BOUND_MISMATCH;
  const ind = Math.max(a.indicator && b.indicator ? dice(a.indicator, b.indicator) : 0, dice(a.context, b.context));
  return ind + same + (a.value === b.value ? 0.1 : 0) - bound;
}
const TIME = new Set(TIME_UNITS);
const T_BOUND_MISMATCH = 0.2;

/** The scale word a target's number is written with (3万元: 万), '' for none. */
const scaleOf = (t: Target) => /\d(?:\.\d+)?([万亿])/.exec(t.text)?.[1] ?? '';

/**
 * A grade or an order of size written with no comparator (二级以上医疗机构, 百亿级企业): it says which
 * kind of thing is meant. Moved (三级以上企业 → 二级以上企业) it is a threshold lowered; named on one side
 * only, it adds or removes no target.
 */
const gradeOnly = (t: Target) => t.unit === '级' && /^[^达不超控至低高少多]*级/.test(t.text);

/** Clause pairs one group may weigh (a merge of a few tasks has a few hundred). */
const MAX_CLAUSE_PAIRS = 250_000;
const NEGATION = /不|禁|免|杜绝|防止/;

/**
 * How surely two clauses state one requirement (0 when they cannot be compared). Both with a word:
 * the wording needs to agree less than when one side has none (a plain sentence pairs with many).
 * A permission (可以) against a plain sentence is not compared: 可 there mostly grants a power.
 */
function clauseScore(a: Obligation, b: Obligation, T: Readonly<RequirementOptions>): number {
  if (!a.word && !b.word) return 0;
  // a ban restates only a clause that negates something too (严禁 → 避免, 不得 → 原则上不): against a
  // positive duty (要支持IPv6 → 不得单独开发客户端) it is another requirement, however alike their words
  if ((a.strength === 'prohibited') !== (b.strength === 'prohibited') && !NEGATION.test(a.strength === 'prohibited' ? b.clause : a.clause)) return 0;
  // 允许 grants others a latitude that a plain restatement keeps (允许…开展 → 在…开展); 可 is the
  // lower level's own discretion, and a plain sentence makes it a duty
  if ((!a.word && b.word === '允许') || (!b.word && a.word === '允许')) return 0;
  const permission = (!a.word && b.strength === 'permitted') || (!b.word && a.strength === 'permitted');
  const s = dice(requirement(a), requirement(b));
  return s >= (permission ? T.clausePairPermission : a.word && b.word ? T.clausePairBothWords : T.clausePairMin) ? s : 0;
}

/** A must or a ban: what a lower level adds to a carried task to bind it harder (必须, 确保, 一律, 严禁). */
const mustOrBan = (o: Obligation) => o.strength === 'prohibited' || (o.strength === 'binding' && rank(o) > STRENGTH_RANK.expected);

/**
 * A plain sentence against 应当 / 要, or against 鼓励 / 支持 / 引导, is no change: plans drop and add
 * those words as a matter of style — a lower level's plain 及时注销 binds as its parent's 应及时注销
 * does, and its plain 建设示范社区 is what its parent's 支持建设示范社区 asked for. A must (必须, 确保,
 * 一律) added to or taken from a plain sentence is a change. An aim (力争, 探索) that the lower level
 * states plainly is what implementing it means, so no change either; a plain duty the lower level
 * hedges into an aim, or hands to others as an encouragement (鼓励, 倡导), is weakened. A permission
 * against a plain sentence is not compared (see clauseScore); a ban always counts.
 */
function plainAsWorded(a: Obligation, b: Obligation): boolean {
  // 原则上 added or dropped is a change, not style
  if (inPrinciple(a) !== inPrinciple(b)) return false;
  // an encouragement of the lower levels themselves (鼓励有条件的地方…, 支持各地…) that a lower level
  // states as its own plain duty is taken up, not restated: strengthened
  if (!b.word && a.strength === 'encouraged' && encouragesLowerLevels(a)) return false;
  const soft = (o: Obligation) => o.strength === 'encouraged';
  const same = (o: Obligation) => o.strength === 'binding' || o.strength === 'expected' || (soft(o) && !AIM_WORDS.includes(o.word));
  const must = (o: Obligation) => o.strength === 'binding' && rank(o) > STRENGTH_RANK.expected;
  return (!a.word && same(b) && !must(b) && !HEDGE_WORDS.includes(b.word)) || (!b.word && ((same(a) && !must(a)) || soft(a)));
}

/** Whether an encouragement speaks to the lower levels (鼓励有条件的地方…, 支持各区（县、市）…): those who implement the plan. */
const encouragesLowerLevels = (o: Obligation) => LOWER_LEVELS.test(o.clause.slice(o.clause.indexOf(o.word) + o.word.length));

/** The base clause without a word that a lower level's worded clause restates best (at least `min` alike), if any. */
function plainRestated(b: Owned<Obligation>, plain: Owned<Obligation>[], min: number): Owned<Obligation> | undefined {
  return pairBest([b], plain, (x, a) => dice(requirement(x.item), a.item.clause), min)[0]?.b;
}

/** An aim or a permission: what a lower level writes to hedge a duty it restates (力争, 探索, 可). */
const hedges = (o: Obligation) => AIM_WORDS.includes(o.word) || o.strength === 'permitted';

/** How binding a clause's word is, for comparing two clauses (原则上 lowers the word it qualifies). */
const rank = (o: Obligation) => (WORD_RANK[o.word] ?? STRENGTH_RANK[o.strength]) - (o.word !== '原则上' && IN_PRINCIPLE.pattern.test(o.clause) ? IN_PRINCIPLE.lowers : 0);
const inPrinciple = (o: Obligation) => IN_PRINCIPLE.pattern.test(o.clause);

/** The clause with its modal word taken out: what is required, whatever its strength. */
const requirement = (o: Obligation) => (o.word ? o.clause.replace(o.word, '') : o.clause);
export function compareRequirements(base: Notice, local: Notice, links: readonly Link[], T: Readonly<RequirementOptions>): { targetChanges: TargetChange[]; strengthChanges: StrengthChange[] } {
  const targetChanges: TargetChange[] = [];
  const strengthChanges: StrengthChange[] = [];
  const bById = new Map(base.tasks.map((t) => [t.id, t]));
  const lById = new Map(local.tasks.map((t) => [t.id, t]));
  for (const g of linkGroups(links)) {
    if (!g.base.every((id) => bById.has(id)) || !g.local.every((id) => lById.has(id))) continue;
    const bt = collect(g.base, bById, placed);
    const lt = collect(g.local, lById, placed);
    // the only target of its unit on both sides of a group measures the same thing, however its
    // indicator is worded (在2—3年内完成 → 4年内完成): it pairs at the floor
    const unitCount = (xs: Owned<Placed>[], unit: string) => xs.reduce((n, x) => n + (x.item.unit === unit ? 1 : 0), 0);
    const pairScore = (a: Owned<Placed>, b: Owned<Placed>) => {
      const s = targetScore(a.item, b.item);
      return a.item.unit === b.item.unit && unitCount(bt, a.item.unit) === 1 && unitCount(lt, b.item.unit) === 1 ? Math.max(s, T.targetPairMin) : s;
    };
    const pairs = bt.length * lt.length > MAX_CLAUSE_PAIRS ? [] : pairBest(bt, lt, pairScore, T.targetPairMin);
    const pairedB = new Set(pairs.map((p) => p.a));
    const pairedL = new Set(pairs.map((p) => p.b));
    for (const { a, b } of pairs) {
      // the same amount in another unit or scale (五年 → 60个月, 3万元 → 30000元) is changed-unit
      const change = a.item.unit !== b.item.unit || scaleOf(a.item) !== scaleOf(b.item) ? (b.item.value === a.item.value || a.item.unit !== b.item.unit ? 'changed-unit' : b.item.value > a.item.value ? 'raised' : 'lowered') : b.item.value > a.item.value ? 'raised' : b.item.value < a.item.value ? 'lowered' : undefined;
      if (!change) continue;
      const c: TargetChange = { base: a.task, local: b.task, baseTarget: a.item.text, localTarget: b.item.text, indicator: a.item.indicator || b.item.indicator, change };
      // a floor lowered or a cap raised asks less of the lower level
      if (change !== 'changed-unit') c.weaker = (change === 'lowered') === (a.item.bound === 'min');
      targetChanges.push(c);
    }
    if (bt.length * lt.length > MAX_CLAUSE_PAIRS) continue;
    // a figure is removed where the lower level restates what it measures without it; a measure it
    // did not carry at all (the rest of a partial carry) took its figures along, and is not a target change
    let localText: string | undefined;
    // what it measures, without the words every amount is paid with (补助, 一次性奖励): a 补助 the
    // lower level pays for something else does not restate this one
    const carried = (a: Owned<Placed>) => {
      const what = a.item.indicator.replace(AMOUNT_NOUNS, '');
      const share = containedShare(what, (localText ??= g.local.map((id) => lById.get(id)!.text).join('。')));
      // and more than one pair of characters of it: one shared word (项目) restates nothing
      return share >= T.targetCarried && share * (what.length - 1) >= 2;
    };
    for (const a of bt) if (!pairedB.has(a) && carried(a) && !gradeOnly(a.item)) targetChanges.push({ base: a.task, local: g.local[0], baseTarget: a.item.text, localTarget: '', indicator: a.item.indicator, change: 'removed' });
    for (const b of lt) if (!pairedL.has(b) && !gradeOnly(b.item)) targetChanges.push({ base: g.base[0], local: b.task, baseTarget: '', localTarget: b.item.text, indicator: b.item.indicator, change: 'added' });

    // every clause of the group, each with its word or the implicit imperative of a plan sentence:
    // 必须 → (no word) weakens, 力争 → (no word) firms up, 不得 → 原则上不 removes a ban
    const bc = collect(g.base, bById, (t) => clauseStrengths(t.text));
    const lc = collect(g.local, lById, (t) => clauseStrengths(t.text));
    // every clause against every clause: a group of hundreds of long tasks is not compared clause by clause
    if (bc.length * lc.length > MAX_CLAUSE_PAIRS) continue;
    const opairs = pairBest(bc, lc, (a, b) => clauseScore(a.item, b.item, T), 0.001);
    const pairedBc = new Set(opairs.map((p) => p.a));
    const pairedLc = new Set(opairs.map((p) => p.b));
    // a ban the group no longer states anywhere (no clause of the lower level keeps a negation of
    // its requirement) was removed; a must or a ban the lower level adds to a carried task, with
    // no counterpart clause, binds it harder — told against the base clause it restates, if any
    for (const a of bc) {
      if (pairedBc.has(a) || !a.item.own || a.item.strength !== 'prohibited') continue;
      const kept = lc.some((b) => NEGATION.test(b.item.clause) && dice(requirement(a.item), requirement(b.item)) >= T.clausePairBothWords);
      if (!kept) strengthChanges.push({ base: a.task, local: g.local[0], baseClause: a.item.clause, localClause: '', baseWord: a.item.word, localWord: '', change: 'prohibition-removed' });
    }
    for (const b of lc) {
      if (pairedLc.has(b) || !b.item.own || !mustOrBan(b.item)) continue;
      // the base already binds this requirement as hard somewhere in the group: a rewording
      // (any shared wording: 不得提交集体审议 → 一律不得提交市政府常务会议…审议)
      if (bc.some((a) => rank(a.item) >= rank(b.item) && dice(requirement(a.item), requirement(b.item)) >= T.clausePairBothWords / 2)) continue;
      const near = plainRestated(b, bc.filter((a) => !a.item.word), T.clausePairBothWords);
      strengthChanges.push({ base: near?.task ?? g.base[0], local: b.task, baseClause: near?.item.clause ?? '', localClause: b.item.clause, baseWord: '', localWord: b.item.word, change: 'strengthened' });
    }
    // an aim (力争, 探索) or a permission (可) the lower level puts on a carried task, with no
    // counterpart clause and nothing as soft anywhere in the base's tasks, hedges what the base asked
    // outright (加快完成平改立 → 力争2023年底前完成2处平改立): weakened, told against the base clause
    // it restates, if any
    for (const b of lc) {
      if (pairedLc.has(b) || !b.item.own || !hedges(b.item)) continue;
      if (bc.some((a) => a.item.word && rank(a.item) <= rank(b.item))) continue;
      const plain = bc.filter((a) => !a.item.word);
      const near = plainRestated(b, plain, 0.001);
      // the base clause it restates (or, where it restates none, every base clause) stated outright
      // beside it: the hedge is an addition (免收通行费和停车费，各市可结合实际减免)
      const outright = (a: Owned<Obligation>) => lc.some((c) => c !== b && !c.item.word && dice(c.item.clause, a.item.clause) >= T.clausePairMin);
      if (near ? outright(near) : plain.length > 0 && plain.every(outright)) continue;
      strengthChanges.push({ base: near?.task ?? g.base[0], local: b.task, baseClause: near?.item.clause ?? '', localClause: b.item.clause, baseWord: '', localWord: b.item.word, change: 'weakened' });
    }
    for (const { a, b } of opairs) {
      const from = rank(a.item);
      const to = rank(b.item);
      // a word one clause carries over from the one before it is compared, but a change is told at
      // the clause that states its word (要加强A，推进B → 力争加强A，推进B is one change, not two)
      if (from === to || plainAsWorded(a.item, b.item) || (!a.item.own && !b.item.own)) continue;
      // a ban restated without any negation is gone; one softened (原则上不, 避免) is weakened
      const change = a.item.strength === 'prohibited' && !NEGATION.test(b.item.clause) ? 'prohibition-removed' : to < from ? 'weakened' : 'strengthened';
      // the same word with 原则上 on one side only: the qualifier is what changed (原则上只能 → 只能)
      const onlyQualifier = a.item.word === b.item.word && inPrinciple(a.item) !== inPrinciple(b.item);
      const shown = (o: Obligation) => (onlyQualifier ? (inPrinciple(o) ? '原则上' : '') : o.word);
      strengthChanges.push({ base: a.task, local: b.task, baseClause: a.item.clause, localClause: b.item.clause, baseWord: shown(a.item), localWord: shown(b.item), change });
    }
  }
  const order = (x: { base: string; local: string }, y: { base: string; local: string }) => cmp(x.base, y.base) || cmp(x.local, y.local);
  return { targetChanges: targetChanges.sort(order), strengthChanges: strengthChanges.sort(order) };
}

/** Ids compared position by position (2.10 after 2.9). */
function cmp(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? '';
    const q = y[i] ?? '';
    if (p === q) continue;
    const n = Number(p.replace(/^\D+/, ''));
    const m = Number(q.replace(/^\D+/, ''));
    return Number.isFinite(n) && Number.isFinite(m) && n !== m ? n - m : p < q ? -1 : 1;
  }
  return 0;
}
