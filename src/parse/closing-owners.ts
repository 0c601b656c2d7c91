// An owner stated once for all tasks: a plan whose items carry no owner notes often closes (or
// opens) with one sentence that assigns them all — “以上工作由县市场监管局牵头，县发展改革委、县司法局
// 配合，各有关部门负责落实。”, “本方案各项任务由市司法局牵头组织实施”. Every task without units of its
// own that the sentence speaks for (closing-scope.ts) takes the units and roles of that sentence.
import type { Paragraph, Task } from '../model.js';
import { readOwnerNote, type FoundNote } from './owner-notes.js';
import { noteRoles } from './tasks.js';
import { addUnique } from './unit-fields.js';
import { FOR_SEVERAL, LOOKS_BACK, inSpeakingOrder, namedItems, tasksSpokenFor } from './closing-scope.js';

/** 以上工作由…, 上述各项任务由…, 本方案由…, 各项任务均由…: a sentence that speaks for every task. */
// (an exception may come between: 以上各项工作，除另有标注外，由…牵头)
// (or for the items it names: 以上第（一）至（四）项指标由…, see closing-scope.ts; or for its part: 以上第一部分任务由…)
const ALL_TASKS = new RegExp(`(?:${FOR_SEVERAL})(?:第[^由。；]{1,24}?项|第[一二三四五六七八九十\\d]{1,3}(?:部分|方面)|本部分)?(?:各项|所列|确定的|提出的)?(?:政策措施|工作任务|工作|任务|措施|政策|指标)?(?:[，,]?(?:除另有标注外|除另有标注的外|另有标注的除外|除特别注明外|除另有明确外)[，,]?)?(?:均|统一)?由([^。；]{4,160}?)(?:。|；|$)`);
/** A clause of such a sentence that makes an exception: 除另有时限要求外, 另有规定的除外. */
const EXCEPTION = /^除.*外$|除外$/;
/** 由各牵头单位负责: a sentence that points back at the tasks' own notes names nobody. */
const OWN_NOTES = /^各?(?:牵头|责任|配合|相关责任|有关责任)单位$/;

/**
 * One paragraph's sentence for all the tasks before it (以上任务由区教育局牵头，区文体局配合，2019年11月底前完成。),
 * read as an owner note: closing a part of 一是…二是… measures, it owns that part's measures.
 */
export function sentenceForAll(text: string): FoundNote | undefined {
  if (!LOOKS_BACK.test(text) || namedItems(text)) return undefined;
  const m = ALL_TASKS.exec(text);
  const note = m ? forAllNote(m) : undefined;
  return note && { text: m![0], start: m!.index, end: m!.index + m![0].length, fields: note.fields, firstIsLead: note.firstIsLead, implied: note.implied, trailing: true };
}

/** The owner note of an ALL_TASKS match, unless it names only the tasks' own units (由各牵头单位负责). */
function forAllNote(m: RegExpExecArray) {
  // an exception between its clauses (除另有时限要求外) names no body
  const named = m[1].split(/[，,]/).filter((c) => !EXCEPTION.test(c)).join('，');
  const note = readOwnerNote(named.replace(/(?:组织实施|组织落实|统筹推进)$/, ''), false);
  return note && note.fields.units.length && !note.fields.units.every((u) => OWN_NOTES.test(u)) ? note : undefined;
}

/**
 * Fill the units of tasks that have none from the sentences that assign them (以上工作由A牵头，B配合);
 * returns how many were filled. Sentences that look back fill, in document order, the open tasks
 * before them (or the items they name); one of the whole plan then fills the rest.
 */
export function ownersForAll(tasks: Task[], paras: Paragraph[], from: number): number {
  // tasks with notes of their own keep them; the sentences speak for the rest
  if (!tasks.some((t) => !t.units.length)) return 0;
  const found = paras.slice(Math.max(0, from)).flatMap((p) => {
    const m = ALL_TASKS.exec(p.text);
    const note = m ? forAllNote(m) : undefined;
    return note ? [{ text: p.text.slice(m!.index), line: p.line, note }] : [];
  });
  let filled = 0;
  for (const { text, line, note } of inSpeakingOrder(found)) {
    const roles = noteRoles({ ...note, text: '', start: 0, end: 0, trailing: false }, false);
    for (const t of tasksSpokenFor(tasks, text, line)) {
      if (t.units.length) continue;
      addUnique(t.units, note.fields.units);
      addUnique(t.lead, roles.lead);
      addUnique(t.assist, roles.assist);
      addUnique(t.guide, roles.guide);
      t.unitsFrom = 'plan';
      filled++;
    }
  }
  return filled;
}
