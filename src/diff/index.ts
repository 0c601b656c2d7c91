// Diff: two Notices → PlanDiff (links, dropped, added, key-list links, deadline changes, summary).
import type { DocRef, KeyListRow, Link, NearestTask, Notice, PlanDiff, Task, Warning } from '../model.js';
import { alignTable } from '../align/tasks.js';
import { forgetLocalSide } from '../align/prepared.js';
import { DEFAULT_DIFF_OPTIONS, resolveDiffOptions, type DiffOptions } from '../options.js';
import { alignKeyLists, isHeadlineRow } from './keylist.js';
import { compareDeadlineSets } from './deadlines.js';
import { checkParentage } from './parentage.js';
import { judgeFamily } from './family.js';
import { compareOwners } from './owners.js';
import { compareRequirements } from './requirements.js';
import { overlapLinks } from '../align/overlap.js';
import { attachEvidence } from './evidence.js';
import { nearestBaseIn, nearestLocalIn, type Nearest } from '../align/nearest.js';
import type { EvidenceTable } from '../align/matrix.js';
import { mergedGroups, retitledLinks, rewordedLinks, splitGroups } from './groups.js';

export { loadPairs, parsePairs } from './pairs.js';

/** What diffNotices takes: analyst pins and bans, and any thresholds to use instead of the defaults. */
export type { DiffOptions };

/** How key-list rows tie to body tasks (KeyListRow.bodyTask, found at parse time) and whether two rows detail linked tasks. */
function rowsOfLinkedTasks(base: Notice, local: Notice, links: Link[]) {
  const linked = new Set(links.map((k) => `${k.base}|${k.local}`));
  const tasks = { base: new Map(base.tasks.map((t) => [t.id, t])), local: new Map(local.tasks.map((t) => [t.id, t])) };
  return {
    sameTask: (b: KeyListRow, l: KeyListRow) => !!b.bodyTask && !!l.bodyTask && linked.has(`${b.bodyTask}|${l.bodyTask}`),
    ownerOf: (r: KeyListRow) => r.bodyTask,
    headline: (r: KeyListRow, side: 'base' | 'local') => isHeadlineRow(r, r.bodyTask ? tasks[side].get(r.bodyTask) : undefined),
  };
}

/** The analyst's pinned links stand whatever the family. */
function withPins(overlaps: Link[], aligned: Link[]): Link[] {
  const manual = aligned.filter((k) => k.manual);
  if (!manual.length) return overlaps;
  const pinned = new Set(manual.map((k) => `${k.base}|${k.local}`));
  return [...manual, ...overlaps.filter((k) => !pinned.has(`${k.base}|${k.local}`))];
}

/**
 * { ...k, baseLine, localLine }, built field by field (a spread per link was a slow copy): the keys
 * of a Link as alignTable and overlapLinks make them, in their order.
 */
function withLines(k: Link, baseLine: number | undefined, localLine: number | undefined): Link {
  const out: Link = { base: k.base, local: k.local, score: k.score, kind: k.kind };
  if ('manual' in k) out.manual = k.manual;
  out.baseLine = baseLine;
  out.localLine = localLine;
  return out;
}

/** Both notices hold the same tasks (ids, titles, texts) and key list: one document given twice. */
function sameDocument(base: Notice, local: Notice): boolean {
  if (base.tasks.length !== local.tasks.length || base.keyList.length !== local.keyList.length) return false;
  for (let i = 0; i < base.tasks.length; i++) {
    const b = base.tasks[i];
    const l = local.tasks[i];
    if (b.id !== l.id || b.title !== l.title || b.text !== l.text) return false;
  }
  for (let i = 0; i < base.keyList.length; i++) if (base.keyList[i].task !== local.keyList[i].task || base.keyList[i].id !== local.keyList[i].id) return false;
  return base.tasks.length > 0;
}

function docRef(n: Notice): DocRef {
  return { file: n.source.file, docNumber: n.meta.docNumber, title: n.meta.title, issuer: n.meta.issuer, date: n.meta.date };
}

export function diffNotices(base: Notice, local: Notice, opts: DiffOptions = {}): PlanDiff {
  // no threshold given (the usual case): the frozen defaults themselves, read only, not copies
  const T = opts.align || opts.overlap || opts.keyList || opts.deadlines || opts.family || opts.parentage || opts.requirements ? resolveDiffOptions(opts) : DEFAULT_DIFF_OPTIONS;
  const alignment = alignTable(base.tasks, local.tasks, opts.pairs, T.align, false); // reads no back cover of the table
  // the same document twice (a self-diff) has no findings: each task is itself, whatever the aligner
  // makes of two near-identical tasks inside it
  const identical = sameDocument(base, local);
  const aligned = identical ? base.tasks.map((t): Link => ({ base: t.id, local: t.id, score: 1, kind: 'same' })) : alignment.links;
  const parentage = identical ? { citesBase: false, namesBase: false, sameDocument: true, cited: local.references } : checkParentage(base, local, T.parentage);
  const family = judgeFamily(aligned, base.tasks.length, local.tasks.length, parentage, T.family);
  // a plan of another family carries no base task: what it shares are thematic counterparts
  const chosen = family.sameFamily ? aligned : withPins(overlapLinks(base.tasks, local.tasks, T.overlap), aligned);
  // every reference carries its source line, so a reader can open the notice at that task
  const bLine = new Map(base.tasks.map((t) => [t.id, t.line]));
  const lLine = new Map(local.tasks.map((t) => [t.id, t.line]));
  // pushed, not map()ped: an empty map() result is an array of another shape, and every loop over
  // the links below deoptimized the first time a plan without links reached it
  const links: Link[] = [];
  for (let x = 0; x < chosen.length; x++) links.push(withLines(chosen[x], bLine.get(chosen[x].base), lLine.get(chosen[x].local)));
  attachEvidence(links, base.tasks, local.tasks, alignment.table, alignment.fillBack);
  const linkedBase = new Set(links.map((k) => k.base));
  const linkedLocal = new Set(links.map((k) => k.local));
  const dropped = droppedTasks(base, local, linkedBase, alignment.table);
  const added = addedTasks(base, local, linkedLocal, alignment.table);
  const rowTies = base.keyList.length && local.keyList.length ? rowsOfLinkedTasks(base, local, links) : undefined;
  const keyListLinks = rowTies ? alignKeyLists(base.keyList, local.keyList, rowTies.sameTask, rowTies.ownerOf, rowTies.headline, T.keyList) : [];
  const deadlineChanges = compareDeadlineSets(base, local, links, keyListLinks, T.deadlines);
  forgetLocalSide(local.tasks); // the alignment's encoding of the local texts, reused by the deadlines
  const ownerChanges = compareOwners(base, local, links);
  // targets and obligations are compared only between tasks that carry one another (not thematic overlaps)
  const { targetChanges, strengthChanges } = family.sameFamily ? compareRequirements(base, local, links, T.requirements) : { targetChanges: [], strengthChanges: [] };

  const warnings: Warning[] = [];
  for (const w of local.warnings) {
    if (w.code === 'truncated') warnings.push({ ...w, message: `local plan: ${w.message}; base tasks after that point show as dropped but may simply be missing from this copy` });
    if (w.code === 'no-tasks') warnings.push({ ...w, message: `local plan: ${w.message}` });
  }
  if (parentage.warning) warnings.push({ code: 'other-parent', line: 0, message: parentage.warning });

  return {
    schema: 'plancmp.diff/1',
    base: docRef(base),
    local: docRef(local),
    links,
    dropped,
    added,
    keyListLinks,
    deadlineChanges,
    ownerChanges,
    targetChanges,
    strengthChanges,
    parentage,
    family,
    summary: {
      ...summaryOf(base, local, links, linkedBase, dropped, added, deadlineChanges, ownerChanges),
      targetChanges: targetChanges.length,
      targetsWeaker: targetChanges.filter((c) => c.weaker || c.change === 'removed').length,
      weakened: strengthChanges.filter((c) => c.change !== 'strengthened').length,
    },
    warnings,
  };
}

// The parts of diffNotices below are functions of their own: each is compiled (and, meeting a new
// shape of list, compiled again) alone, not with the whole diff.

/** The best-scoring counterpart of an unlinked task, read off the aligner's evidence. */
function counterpart(tasks: Task[], n: Nearest | undefined): NearestTask | undefined {
  return n && { id: tasks[n.index].id, title: tasks[n.index].title, line: tasks[n.index].line, score: Math.round(n.score * 1000) / 1000 };
}

/** The base tasks no link carries, in order. */
function droppedTasks(base: Notice, local: Notice, linkedBase: Set<string>, table: EvidenceTable): PlanDiff['dropped'] {
  // In a truncated copy, base tasks after the last one the copy still carries may only be missing.
  const truncated = !!local.truncated;
  let lastCarried = -1;
  for (let i = 0; i < base.tasks.length; i++) if (linkedBase.has(base.tasks[i].id)) lastCarried = i;
  const dropped: PlanDiff['dropped'] = [];
  for (let i = 0; i < base.tasks.length; i++) {
    const t = base.tasks[i];
    if (linkedBase.has(t.id)) continue;
    const d: PlanDiff['dropped'][number] = { id: t.id, title: t.title };
    if (truncated && i > lastCarried) d.afterTruncation = true;
    d.line = t.line;
    const nearest = counterpart(local.tasks, nearestLocalIn(table, i));
    if (nearest) d.nearest = nearest;
    dropped.push(d);
  }
  return dropped;
}

/** The local tasks no link carries, in order. */
function addedTasks(base: Notice, local: Notice, linkedLocal: Set<string>, table: EvidenceTable): PlanDiff['added'] {
  const added: PlanDiff['added'] = [];
  for (let j = 0; j < local.tasks.length; j++) {
    const t = local.tasks[j];
    if (linkedLocal.has(t.id)) continue;
    const a: PlanDiff['added'][number] = { id: t.id, title: t.title, line: t.line };
    const nearest = counterpart(base.tasks, nearestBaseIn(table, j));
    if (nearest) a.nearest = nearest;
    added.push(a);
  }
  return added;
}

function titleOf(tasks: Notice['tasks']): (id: string) => string {
  const m = new Map(tasks.map((t) => [t.id, t.title]));
  return (id: string) => m.get(id) ?? '';
}

function summaryOf(
  base: Notice,
  local: Notice,
  links: Link[],
  linkedBase: Set<string>,
  dropped: PlanDiff['dropped'],
  added: PlanDiff['added'],
  deadlineChanges: PlanDiff['deadlineChanges'],
  ownerChanges: PlanDiff['ownerChanges'],
): PlanDiff['summary'] {
  return {
    baseTasks: base.tasks.length,
    localTasks: local.tasks.length,
    linked: linkedBase.size,
    dropped: dropped.length,
    added: added.length,
    merged: mergedGroups(links).length,
    split: splitGroups(links).length,
    reworded: rewordedLinks(links).length,
    retitled: retitledLinks(links, titleOf(base.tasks), titleOf(local.tasks)).length,
    deadlineChanges: deadlineChanges.filter((c) => c.change !== 'same' && !c.notRestated).length,
    deadlinesNotRestated: deadlineChanges.filter((c) => c.notRestated).length,
    coverage: base.tasks.length ? Math.round((linkedBase.size / base.tasks.length) * 1000) / 1000 : 0,
    ownerChanges: ownerChanges.filter((c) => c.change !== 'mapped').length,
    localUnits: new Set(local.tasks.flatMap((t) => t.units)).size,
  };
}
