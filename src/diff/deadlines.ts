// Deadline changes between linked content. Every explicit time requirement attached to a linked
// pair on either side is listed — 'same' included — so a reader can see what was checked:
//  - body text vs body text, across all links of a task (a merged local item may carry the
//    deadline of any of its base tasks);
//  - key-list 时间要求 vs key-list 时间要求 for linked rows;
//  - when the local plan has no key list: base key-list 时间要求 vs the local body task that
//    carries the row's task. A row the local text does not restate is 'removed' with notRestated
//    (the local plan simply has no table to carry it), counted apart from real changes.
import type { Deadline, DeadlineChange, KeyListRow, Link, Notice, Task } from '../model.js';
import { compareDeadlines, isRegularDuty } from '../parse/deadlines.js';
import { IdIdf, dfOfIds } from '../align/encode.js';
import { isHeadlineRow } from './keylist.js';
import { evidenceBase, knownIds, localSide, once } from '../align/prepared.js';
import { DEFAULT_DIFF_OPTIONS, type DeadlineOptions } from '../options.js';

const EXPLICIT = new Set(['by', 'range', 'from', 'recurring', 'duration', 'event']);
const explicit = (d: Deadline) => EXPLICIT.has(d.kind);

/** Kinds of requirement a rewrite stays within: a date, a cycle, a length of time. */
// (an event of the year, 放暑假前, is answered by a date: 7月10日前)
const FAMILY: Record<string, string> = { by: 'date', range: 'date', from: 'date', event: 'date', recurring: 'cycle', duration: 'length' };


/** The sentences (between 。；) of a task's text. */
const sentencesOf = (text: string) => text.split(/[。；]/);

/**
 * The base-side strings this comparison looks up, once per base: each task's text, its sentences,
 * its explicit deadlines' clauses and their sentences, and each key-list row's task, as ids (those
 * whose bigrams the base vocabulary holds); each task's sentences; each id's document frequency
 * over the task texts.
 */
function baseStrings(base: Notice): { ids: ReadonlyMap<string, Int32Array>; sentences: Map<Task, string[]>; textDf: Int32Array } {
  const make = () => {
    // each id's document frequency over the base's task texts (read off the index of the texts)
    const { start, ids } = evidenceBase(base.tasks).texts;
    const textDf = new Int32Array(ids);
    for (let k = 0; k < ids; k++) textDf[k] = start[k + 1] - start[k];
    const sentences = new Map(base.tasks.map((t) => [t, sentencesOf(t.text)]));
    const strings: string[] = [];
    for (const t of base.tasks) {
      strings.push(t.text, ...sentences.get(t)!);
      for (const d of t.deadlines) if (explicit(d)) strings.push(d.clause, sentenceOf(t.text, d.clause));
    }
    for (const r of base.keyList) strings.push(r.task);
    return { rows: base.keyList, ids: knownIds(evidenceBase(base.tasks).vocab, strings), sentences, textDf };
  };
  const hit = once(base.tasks, 'deadlineStrings', make);
  // keyed by the task array: made afresh if the notice's key list is another array
  return hit.rows === base.keyList ? hit : make();
}

/** How well two deadline clauses speak of the same thing (either way round). */
function clauseMatch(a: string, b: string, idf: IdIdf): number {
  return Math.max(idf.containment(a, b), idf.containment(b, a));
}

interface Req {
  task: Task;
  d: Deadline;
  /** position among the task's explicit deadlines (ties prefer the same position: a self-diff) */
  at: number;
}

interface Candidate {
  b: Req;
  l: Req;
  s: number;
}

const reqs = (t: Task): Req[] => t.deadlines.filter(explicit).map((d, at) => ({ task: t, d, at }));

/**
 * The words a requirement is matched by: its clause, or — when the clause is the deadline alone (a
 * task table's 完成时限 cell: 每年1月15日前) — the task's own text, which says what is due.
 */
function wordsOf(r: Req): string {
  return r.d.clause.replace(/\s/g, '') === r.d.text.replace(/\s/g, '') ? `${r.task.title}。${r.task.text}` : r.d.clause;
}

export function compareDeadlineSets(base: Notice, local: Notice, links: Link[], keyListLinks: Link[], T: Readonly<DeadlineOptions> = DEFAULT_DIFF_OPTIONS.deadlines): DeadlineChange[] {
  // IDF over the task texts of both plans: the base's counts once per base, the local texts' ids
  // as the task alignment encoded them
  const { vocab, texts } = localSide(base.tasks, local.tasks);
  const prepared = baseStrings(base);
  const df = new Int32Array(vocab.size);
  df.set(prepared.textDf);
  const idf = new IdIdf(vocab, dfOfIds(texts, vocab.size, df), base.tasks.length + local.tasks.length, prepared.ids);
  const mainLocal = mainCounterparts(links);
  const { out, answered } = pairBodyDeadlines(base, local, links, mainLocal, idf, T);

  if (local.keyList.length > 0) {
    const bRow = new Map(base.keyList.map((r) => [r.id, r]));
    const lRow = new Map(local.keyList.map((r) => [r.id, r]));
    for (const k of keyListLinks) {
      const b = bRow.get(k.base);
      const l = lRow.get(k.local);
      if (!b || !l) continue;
      const c = rowChange(b.deadline, l.deadline);
      if (c) out.push(change(b.id, l.id, b.deadline.text, l.deadline.text, c, 'keyList'));
    }
  } else {
    for (const c of keyListVsBody(base, local, mainLocal, idf, answered, T, prepared.sentences)) out.push(c);
  }
  return dedupe(out);
}

/**
 * Body deadlines of linked tasks, paired both ways: every candidate pair of requirements is ranked
 * by wording agreement and taken best first, one-to-one, so a base requirement cannot take the
 * local one a later base requirement restates more closely. Requirements still alone on both sides
 * of one link pair on weaker agreement: a rewritten requirement (年初有清单、年中有督查、年末有考评 →
 * 每月通报、每季度公布、年底考核) is one 'changed' entry, not 'removed' + 'added'.
 */
function pairBodyDeadlines(base: Notice, local: Notice, links: Link[], mainLocal: Map<string, string>, idf: IdIdf, T: Readonly<DeadlineOptions>) {
  const bTask = new Map(base.tasks.map((t) => [t.id, t]));
  const lTask = new Map(local.tasks.map((t) => [t.id, t]));
  const linkScore = new Map(links.map((k) => [`${k.base}|${k.local}`, k.score]));
  // links of each task, grouped once (a filter per task is quadratic on large plans)
  const basesOfLocal = new Map<string, Task[]>();
  const linkedBase = new Set<string>();
  for (const k of links) {
    const b = bTask.get(k.base);
    if (!b || !lTask.has(k.local)) continue;
    linkedBase.add(k.base);
    (basesOfLocal.get(k.local) ?? basesOfLocal.set(k.local, []).get(k.local)!).push(b);
  }
  const reqsOf = new Map<Task, Req[]>();
  const reqsFor = (t: Task) => reqsOf.get(t) ?? reqsOf.set(t, reqs(t)).get(t)!;

  const strong: Candidate[] = [];
  const weak: Candidate[] = [];
  for (const k of links) {
    const b = bTask.get(k.base);
    const l = lTask.get(k.local);
    if (!b || !l) continue;
    for (const br of reqsFor(b)) {
      for (const lr of reqsFor(l)) {
        const s = clauseMatch(wordsOf(br), wordsOf(lr), idf);
        const need = compareDeadlines(br.d, lr.d) === 'same' ? T.sameRequirementMatch : T.clauseMatch;
        if (s >= need) strong.push({ b: br, l: lr, s });
        else if (s >= T.rewriteMatch && FAMILY[br.d.kind] === FAMILY[lr.d.kind]) weak.push({ b: br, l: lr, s });
      }
    }
  }
  const rank = (x: Candidate, y: Candidate) =>
    y.s - x.s ||
    (linkScore.get(`${y.b.task.id}|${y.l.task.id}`) ?? 0) - (linkScore.get(`${x.b.task.id}|${x.l.task.id}`) ?? 0) ||
    Math.abs(x.b.at - x.l.at) - Math.abs(y.b.at - y.l.at);
  // one map per side: a notice diffed against itself shares its Deadline objects between the sides
  const pairOfBase = new Map<Deadline, Candidate>();
  const pairOfLocal = new Map<Deadline, Candidate>();
  const take = (list: Candidate[]) => {
    for (const c of list.sort(rank)) {
      if (pairOfBase.has(c.b.d) || pairOfLocal.has(c.l.d)) continue;
      pairOfBase.set(c.b.d, c);
      pairOfLocal.set(c.l.d, c);
    }
  };
  take(strong);
  take(weak);
  take(leftoverDates(links, bTask, lTask, reqsFor, pairOfBase, pairOfLocal));
  const halves = splitHalves(links, bTask, lTask, pairOfBase, pairOfLocal, strong, weak, idf, T, sentenceOf);

  const out: DeadlineChange[] = [];
  /** links whose base ongoing duty a local time answered */
  const timed = new Set<string>();
  /** local deadline → the base body deadline it answers */
  const answered = new Map<Deadline, Deadline>();
  // a requirement written as several expressions in one clause (每月通报…、每季度公布…) is answered
  // once: its other expressions are not separate additions or removals
  const pairedClauses = new Set<string>();
  for (const c of pairOfBase.values()) {
    pairedClauses.add(`b|${c.b.task.id}|${c.b.d.clause}`);
    pairedClauses.add(`l|${c.l.task.id}|${c.l.d.clause}`);
  }
  for (const b of base.tasks) {
    if (!linkedBase.has(b.id)) continue;
    for (const br of reqsFor(b)) {
      const c = pairOfBase.get(br.d);
      if (c) {
        answered.set(c.l.d, br.d);
        out.push(change(b.id, c.l.task.id, br.d.clause, c.l.d.clause, compareDeadlines(br.d, c.l.d), 'body'));
      } else if (!pairedClauses.has(`b|${b.id}|${br.d.clause}`)) {
        // 力争于2023年底前 → 完成时限：长期坚持: the time was not dropped but made open-ended (as 持续推进 → a
        // date is changed); a regular duty read from running text (常态化开展) answers no date
        const l = lTask.get(mainLocal.get(b.id)!);
        const open = l && !reqsFor(l).some((r) => !pairOfLocal.has(r.d)) ? ongoingOf(l) : undefined;
        if (open && !isRegularDuty(open)) out.push(change(b.id, l!.id, br.d.clause, open.clause, 'changed', 'body'));
        else out.push(change(b.id, mainLocal.get(b.id)!, br.d.clause, '', 'removed', 'body'));
      }
      for (const h of halves.get(br.d) ?? []) {
        if (h.lr) answered.set(h.lr.d, br.d);
        out.push(change(b.id, h.local.id, br.d.clause, h.lr?.d.clause ?? '', h.lr ? compareDeadlines(br.d, h.lr.d) : 'removed', 'body'));
      }
    }
  }
  // a local requirement closely worded on a base requirement already answered in the same link
  const secondAnswer = new Map<Deadline, Candidate>();
  for (const c of strong) {
    const first = pairOfBase.get(c.b.d);
    if (first && first.l.task === c.l.task && first.l.d !== c.l.d && !secondAnswer.has(c.l.d)) secondAnswer.set(c.l.d, c);
  }
  for (const l of local.tasks) {
    const bases = basesOfLocal.get(l.id);
    if (!bases) continue;
    // A row merging several base tasks answers each of them: a base task that set no time gets the
    // row's own time (its 完成时限 cell, which governs the whole row) as new to it (4.2 without a time
    // + 4.3 by 2019年12月底前 → one row by 2019年11月底前: earlier for 4.3, added for 4.2). A time
    // inside the text belongs to the content its clause speaks of, attributed below.
    const silent = bases.filter((b) => reqsFor(b).length === 0);
    const governsRow = (lr: Req) => wordsOf(lr) !== lr.d.clause;
    const isPaired = (lr: Req) => pairOfLocal.has(lr.d) || halves.taken.has(lr.d) || pairedClauses.has(`l|${l.id}|${lr.d.clause}`);
    const listed: Deadline[] = [];
    // answered requirements first: an unanswered one that restates an answered date adds nothing
    for (const lr of [...reqsFor(l)].sort((x, y) => Number(isPaired(y)) - Number(isPaired(x)))) {
      // the same date written twice (in the text and in the 完成时限 cell) is one requirement
      if (listed.some((d) => sameDate(d, lr.d))) continue;
      listed.push(lr.d);
      const paired = isPaired(lr);
      // 到2028年举办100场、评选100个 → 自2026年起每年举办10场 + 到2028年评选30个: one base requirement
      // restated as two; the one it was not paired with still answers it, closely worded
      const also = paired ? undefined : secondAnswer.get(lr.d);
      if (also) {
        answered.set(lr.d, also.b.d);
        out.push(change(also.b.task.id, l.id, also.b.d.clause, lr.d.clause, compareDeadlines(also.b.d, lr.d), 'body'));
        continue;
      }
      const to = new Set(governsRow(lr) ? silent : []);
      // attribute a new requirement to the base task whose content its clause speaks of, too
      if (!paired) to.add(bases.reduce((a, c) => (idf.containment(lr.d.clause, c.text) > idf.containment(lr.d.clause, a.text) ? c : a)));
      else if (bases.length < 2) continue;
      for (const b of bases) {
        if (!to.has(b)) continue;
        // 持续推进 → 2026年11月底前: a time set where the base said the work goes on (a regular duty,
        // 定期研究, is answered by a cycle only: a date for setting something up is new to it)
        const going = ongoingOf(b);
        const open = going && !(isRegularDuty(going) && lr.d.kind !== 'recurring') ? going : undefined;
        out.push(open ? change(b.id, l.id, open.clause, lr.d.clause, 'changed', 'body') : change(b.id, l.id, '', lr.d.clause, 'added', 'body'));
        if (open) timed.add(`${b.id}|${l.id}`);
      }
    }
  }
  for (const c of ongoingChanges(links, bTask, lTask, reqsFor, timed)) out.push(c);
  return { out, answered };
}

/**
 * Two key-list rows' 时间要求, open-ended times read as the body's are: 长期坚持 = 持续推进, none → 长期坚持
 * added, a date → 长期坚持 and 持续推进 → a date changed (undefined: neither row sets a time).
 */
function rowChange(b: Deadline, l: Deadline): DeadlineChange['change'] | undefined {
  const bo = b.kind === 'ongoing';
  const lo = l.kind === 'ongoing';
  if (bo || lo) return bo && lo ? 'same' : bo ? (explicit(l) ? 'changed' : 'removed') : explicit(b) ? 'changed' : 'added';
  if (!explicit(b) && !explicit(l)) return undefined;
  return !explicit(l) ? 'removed' : !explicit(b) ? 'added' : compareDeadlines(b, l);
}

/** A time field saying the work goes on (完成时限：长期坚持 / 持续推进), first of the task's. */
function ongoingOf(t: Task): Deadline | undefined {
  return t.deadlines.find((d) => d.kind === 'ongoing');
}

/**
 * Open-ended duties on each link, kept apart from the pairing of times so that 长期坚持 never takes
 * the place of a dated requirement: 持续推进 → 长期坚持 same; no time → 长期坚持 added; 持续推进 → no
 * time at all removed. A dated base requirement the local task leaves open-ended is already changed.
 */
function ongoingChanges(links: Link[], bTask: Map<string, Task>, lTask: Map<string, Task>, reqsFor: (t: Task) => Req[], timed: Set<string>): DeadlineChange[] {
  const out: DeadlineChange[] = [];
  for (const k of links) {
    const b = bTask.get(k.base);
    const l = lTask.get(k.local);
    if (!b || !l || timed.has(`${b.id}|${l.id}`)) continue;
    const bo = ongoingOf(b);
    const lo = ongoingOf(l);
    if (bo && lo) out.push(change(b.id, l.id, bo.clause, lo.clause, 'same', 'body'));
    // a regular duty read from running text (常态化开展) only answers a time; alone it is no change
    else if (lo && !isRegularDuty(lo) && !reqsFor(b).length) out.push(change(b.id, l.id, '', lo.clause, 'added', 'body'));
    else if (bo && !isRegularDuty(bo) && !reqsFor(l).length) out.push(change(b.id, l.id, bo.clause, '', 'removed', 'body'));
  }
  return out;
}

/** Two dated requirements naming the same day (2026年底前 and 2026年12月底前). */
function sameDate(a: Deadline, b: Deadline): boolean {
  const dated = (d: Deadline) => d.kind === 'by' || d.kind === 'range';
  return dated(a) && dated(b) && a.date !== undefined && compareDeadlines(a, b) === 'same';
}

/**
 * Dated requirements still alone on both sides of one link, whatever their wording: a schedule
 * rewritten step by step (计划5月试运行、6月向全省推广 → 2026年5月底前接入…，7月底前在全市推广应用).
 * Paired in order of date, first with first, so each step is compared with the step in its place;
 * the base's later steps with no local step left are removed.
 */
function leftoverDates(links: Link[], bTask: Map<string, Task>, lTask: Map<string, Task>, reqsFor: (t: Task) => Req[], pairOfBase: Map<Deadline, Candidate>, pairOfLocal: Map<Deadline, Candidate>): Candidate[] {
  const out: Candidate[] = [];
  const byDate = (x: Req, y: Req) => (x.d.date ?? '').localeCompare(y.d.date ?? '') || x.at - y.at;
  const dated = (r: Req) => (r.d.kind === 'by' || r.d.kind === 'range') && r.d.date !== undefined;
  for (const k of links) {
    const b = bTask.get(k.base);
    const l = lTask.get(k.local);
    if (!b || !l) continue;
    const bs = reqsFor(b).filter((r) => dated(r) && !pairOfBase.has(r.d)).sort(byDate);
    const ls = reqsFor(l).filter((r) => dated(r) && !pairOfLocal.has(r.d)).sort(byDate);
    for (let i = 0; i < Math.min(bs.length, ls.length); i++) out.push({ b: bs[i], l: ls[i], s: 0 });
  }
  return out;
}

/** The same requirement written twice in one task (年度… and 年度… again) is one entry. */
function dedupe(list: DeadlineChange[]): DeadlineChange[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = [c.base, c.local, c.baseDeadline, c.localDeadline, c.change, c.compared].join('\u0000');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Base key-list rows against the local body, when the local plan has no key list.
 * A row anchored in its task's own body sentence (严控公文、会议数量 → 2018年起…会议数量…不得增加) is
 * answered by whatever local requirement answers that sentence — several rows may share it. Other
 * rows are matched to local clauses by wording, best first, one local clause per row.
 */
function keyListVsBody(base: Notice, local: Notice, mainLocal: Map<string, string>, idf: IdIdf, answered: Map<Deadline, Deadline>, T: Readonly<DeadlineOptions>, sentences: Map<Task, string[]>): DeadlineChange[] {
  const bTask = new Map(base.tasks.map((t) => [t.id, t]));
  const ownerOf = (r: KeyListRow) => (r.bodyTask ? bTask.get(r.bodyTask) : undefined);
  const lTask = new Map(local.tasks.map((t) => [t.id, t]));
  const answerOf = new Map<Deadline, { d: Deadline; task: Task }>();
  for (const t of local.tasks) for (const e of t.deadlines) if (answered.has(e)) answerOf.set(answered.get(e)!, { d: e, task: t });

  const result = new Map<KeyListRow, DeadlineChange>();
  const open: { r: KeyListRow; l: Task }[] = [];
  for (const r of base.keyList) {
    if (!explicit(r.deadline)) continue;
    const owner = ownerOf(r);
    const l = owner && lTask.get(mainLocal.get(owner.id) ?? '');
    if (!owner || !l) continue; // the row's task was dropped: no linked pair to compare
    const anchor = ownSentenceAnswer(r, owner, answerOf, idf, T, sentences);
    if (anchor) result.set(r, change(r.id, anchor.task.id, r.deadline.text, anchor.d.clause, compareDeadlines(r.deadline, anchor.d), 'keyListVsBody'));
    else open.push({ r, l });
  }

  // A clause several rows qualify for goes to the row that restates its task's title, if that row
  // qualifies (the local plan restated the task, not one item of it), else to the closest row.
  const candidates: { r: KeyListRow; l: Task; e: Deadline; s: number; row: number; headline: boolean }[] = [];
  open.forEach(({ r, l }, row) => {
    const headline = isHeadlineRow(r, ownerOf(r));
    for (const e of l.deadlines.filter(explicit)) {
      const s = rowClauseMatch(r, l, e, answered, idf);
      if (s >= T.clauseMatch) candidates.push({ r, l, e, s, row, headline });
    }
  });
  const usedClause = new Set<string>();
  for (const c of candidates.sort((x, y) => Number(y.headline) - Number(x.headline) || y.s - x.s || x.row - y.row)) {
    const key = `${c.l.id}|${c.e.clause}`;
    if (result.has(c.r) || usedClause.has(key)) continue;
    usedClause.add(key);
    result.set(c.r, change(c.r.id, c.l.id, c.r.deadline.text, c.e.clause, compareDeadlines(c.r.deadline, c.e), 'keyListVsBody'));
  }
  // no local requirement restates the row's time: the local plan simply has no table to carry it
  // (its body may well repeat the row's task item, as the provincial body does, without the time)
  for (const { r, l } of open) if (!result.has(r)) result.set(r, { ...change(r.id, l.id, r.deadline.text, '', 'removed', 'keyListVsBody'), notRestated: true });
  return base.keyList.filter((r) => result.has(r)).map((r) => result.get(r)!);
}

/**
 * The local requirement answering the body sentence a key-list row restates: among the deadlines of
 * the row's own task, the one whose sentence holds most of the row's wording, if it was paired.
 */
function ownSentenceAnswer(r: KeyListRow, owner: Task, answerOf: Map<Deadline, { d: Deadline; task: Task }>, idf: IdIdf, T: Readonly<DeadlineOptions>, sentences: Map<Task, string[]>) {
  let best: { d: Deadline; s: number } | undefined;
  // the sentence must be the row's best home in its task, not merely one that shares its words
  const home = Math.max(0, ...(sentences.get(owner) ?? sentencesOf(owner.text)).map((x) => idf.containment(r.task, x)));
  for (const d of owner.deadlines.filter(explicit)) {
    // the row restates the sentence's time too: 2018年9月底前出台 is not the 年度 of the next sentence
    if (compareDeadlines(r.deadline, d) !== 'same') continue;
    const s = idf.containment(r.task, sentenceOf(owner.text, d.clause));
    if (s >= T.rowSentence && s >= home && (!best || s > best.s)) best = { d, s };
  }
  return best && answerOf.get(best.d);
}

/**
 * How well a local requirement answers a key-list row. A local clause that already answers a base
 * body deadline is only the row's counterpart if the row restates that same requirement: the row
 * 开展…试点 (2018年7月底前) is not answered by 2022年全面实现… just because both speak of 政务公开.
 */
function rowClauseMatch(r: KeyListRow, l: Task, e: Deadline, answered: Map<Deadline, Deadline>, idf: IdIdf): number {
  const bodyDeadline = answered.get(e);
  if (bodyDeadline && compareDeadlines(r.deadline, bodyDeadline) !== 'same') return 0;
  // a requirement of the same kind may be phrased around the clause: look at its whole sentence
  const comparable = compareDeadlines(r.deadline, e) !== 'changed';
  return Math.max(clauseMatch(r.task, e.clause, idf), comparable ? clauseMatch(r.task, sentenceOf(l.text, e.clause), idf) : 0);
}

/** The sentence (between 。；) of `text` that contains `clause`. */
function sentenceOf(text: string, clause: string): string {
  const at = text.indexOf(clause);
  if (at < 0) return clause;
  const start = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at)) + 1;
  const ends = [text.indexOf('。', at + clause.length), text.indexOf('；', at + clause.length)].filter((k) => k >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length);
}

/** Each base task's strongest local counterpart. */
export function mainCounterparts(links: Link[]): Map<string, string> {
  const best = new Map<string, Link>();
  for (const k of links) {
    const cur = best.get(k.base);
    if (!cur || k.score > cur.score) best.set(k.base, k);
  }
  return new Map([...best].map(([b, k]) => [b, k.local]));
}

function change(base: string, local: string, baseDeadline: string, localDeadline: string, c: DeadlineChange['change'], compared: DeadlineChange['compared']): DeadlineChange {
  return { base, local, baseDeadline, localDeadline, change: c, compared };
}

interface Half {
  local: Task;
  /** the half's own requirement answering the base one; none: the half carries the requirement's sentence without a time */
  lr?: Req;
}

/**
 * A base task split over several local tasks: each half answers the base requirement on its own.
 * One base deadline (每年1月31日前) may be tightened in one half (每年1月15日前), loosened in
 * another (每年2月底前) and dropped in a third that restates its sentence without a time. The
 * one-to-one pairing gives the requirement to its best half; here every other half of the split
 * whose still-unpaired requirement speaks of it (a candidate pair above) is paired too, and a half
 * with no requirement left that restates the requirement's sentence has it 'removed'.
 */
const dated = (d: Deadline) => (d.kind === 'by' || d.kind === 'range') && d.date !== undefined;

function splitHalves(
  links: Link[],
  bTask: Map<string, Task>,
  lTask: Map<string, Task>,
  pairOfBase: Map<Deadline, Candidate>,
  pairOfLocal: Map<Deadline, Candidate>,
  strong: Candidate[],
  weak: Candidate[],
  idf: IdIdf,
  T: Readonly<DeadlineOptions>,
  sentence: (text: string, clause: string) => string,
): Map<Deadline, Half[]> & { taken: Set<Deadline> } {
  const out = new Map<Deadline, Half[]>() as Map<Deadline, Half[]> & { taken: Set<Deadline> };
  out.taken = new Set();
  const localsOf = new Map<string, Task[]>();
  for (const k of links) {
    const l = lTask.get(k.local);
    if (l && bTask.has(k.base)) (localsOf.get(k.base) ?? localsOf.set(k.base, []).get(k.base)!).push(l);
  }
  // candidates by base requirement, best first (the lists are sorted by take())
  const byBase = new Map<Deadline, Candidate[]>();
  for (const c of [...strong, ...weak]) (byBase.get(c.b.d) ?? byBase.set(c.b.d, []).get(c.b.d)!).push(c);
  for (const [id, halves] of localsOf) {
    if (halves.length < 2) continue;
    const b = bTask.get(id)!;
    const single = reqs(b).length === 1 && dated(reqs(b)[0].d);
    for (const br of reqs(b)) {
      const paired = pairOfBase.get(br.d)?.l.task;
      const said = sentence(b.text, br.d.clause);
      for (const l of halves) {
        if (l === paired) continue;
        const c = (byBase.get(br.d) ?? []).find((x) => x.l.task === l && !pairOfLocal.has(x.l.d) && !out.taken.has(x.l.d));
        if (c) {
          out.taken.add(c.l.d);
          (out.get(br.d) ?? out.set(br.d, []).get(br.d)!).push({ local: l, lr: c.l });
        } else if (paired) {
          const free = reqs(l).filter((r) => !pairOfLocal.has(r.d) && !out.taken.has(r.d));
          // a half under one date of its own, where the base task has one date for all of it
          // (“十四五”期间 → 2022年6月底前): its time, tightened or loosened
          const own = single && free.length === 1 && dated(free[0].d) ? free[0] : undefined;
          if (own) {
            out.taken.add(own.d);
            (out.get(br.d) ?? out.set(br.d, []).get(br.d)!).push({ local: l, lr: own });
          } else if (!free.length && idf.containment(l.text, said) >= T.clauseMatch) (out.get(br.d) ?? out.set(br.d, []).get(br.d)!).push({ local: l });
        }
      }
    }
  }
  return out;
}
