// What an owner note says, field by field. Plans write
//   （责任单位：市府办、市法制办）                         units, roles not told apart
//   （牵头单位：市府办；配合单位：市发改委、市财政局）      lead and assisting units
//   （市府办牵头，市发改委、市财政局配合）                  the same without labels
//   （生态环境部指导，试点城市政府负责落实）               guiding units and the lead
//   （农业农村部、工业和信息化部等负责）                   responsible units (等 dropped)
//   （责任单位：市府办；完成时间：2018年底前）              a deadline inside the bracket
import { splitUnits } from './units.js';
import { emptyList, trimmedParts } from './lists.js';
import {
  ASSIST_UNIT_LABELS,
  GUIDE_UNIT_LABELS,
  LEAD_UNIT_LABELS,
  OTHER_FIELD_LABELS,
  PLAIN_UNIT_LABELS,
  RESPONSIBLE_UNIT_LABELS,
  ROLE_WORDS,
  TIME_LABELS,
} from '../vocabulary.js';

const ALL_LABELS = [...PLAIN_UNIT_LABELS, ...RESPONSIBLE_UNIT_LABELS, ...LEAD_UNIT_LABELS, ...ASSIST_UNIT_LABELS, ...GUIDE_UNIT_LABELS, ...TIME_LABELS, ...OTHER_FIELD_LABELS];
const FIELD = new RegExp(`(${ALL_LABELS.join('|')})[：:]`, 'g');
const ROLE_SUFFIX = new RegExp(`(?:${ROLE_WORDS.map((r) => r.word).join('|')})$`);
const TIME_CLAUSE = /\d{4}年|年底|年内|月底|季度|长期|持续推进|持续实施|逐年|每年/;

export interface UnitFields {
  /** Every unit, in order of first appearance. */
  units: string[];
  lead: string[];
  assist: string[];
  guide: string[];
  /** Units said to be 负责 (responsible) without 牵头: a “列第一位者为牵头单位” rule splits them. */
  responsible: string[];
  /** Units listed with no role at all (责任单位：…, a bare list). */
  plain: string[];
  /** The text of a 完成时间/时限 field, or a time clause, if the note carries one. */
  time?: string;
  /** Whether the text named its fields (责任单位：…), which makes it a unit list beyond doubt. */
  labelled: boolean;
  /** Clauses that end in a role word (牵头 / 负责 / 参与 / 指导 …). */
  roleClauses: number;
  /** Clauses that are neither a field, a role clause, a time nor a plain unit list. */
  otherClauses: number;
}

function empty(): UnitFields {
  // lists with the array shape of full ones from the start (see lists.ts); time present from the start (undefined until a time field is read): one shape whether or not a note has one
  return { units: emptyList(), lead: emptyList(), assist: emptyList(), guide: emptyList(), responsible: emptyList(), plain: emptyList(), time: undefined, labelled: false, roleClauses: 0, otherClauses: 0 };
}

/** Append the units not yet in the list, in order. */
export function addUnique(list: string[], units: readonly string[]): void {
  // a loop, not push(...): a hostile bracket can hold more units than a call has arguments;
  // long lists are checked through a set, so 200,000 units stay linear
  if (list.length + units.length <= 64) {
    for (const u of units) if (!list.includes(u)) list.push(u);
    return;
  }
  const seen = new Set(list);
  for (const u of units) {
    if (seen.has(u)) continue;
    seen.add(u);
    list.push(u);
  }
}
const add = addUnique;

/**
 * The field labels in a note: what [...inner.matchAll(FIELD)] gives, without cloning the regex for
 * every note (FIELD is used here only, its lastIndex is 0 between calls, and it never matches empty).
 */
export function fieldMarks(inner: string): RegExpExecArray[] {
  const marks: RegExpExecArray[] = [];
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(inner); m !== null; m = FIELD.exec(inner)) marks.push(m);
  return marks;
}

/** FIELD's source, for tests. */
export const FIELD_SOURCE = FIELD.source;

export function parseUnitFields(inner: string): UnitFields {
  const out = empty();
  const marks = fieldMarks(inner);
  // text before the first label (usually nothing) is read clause by clause
  const head = marks.length ? inner.slice(0, marks[0].index) : inner;
  if (head.trim()) readClauses(head, out);
  marks.forEach((m, k) => {
    const value = inner.slice((m.index ?? 0) + m[0].length, k + 1 < marks.length ? marks[k + 1].index : undefined).replace(/[；;，,。\s]+$/, '');
    const label = m[1];
    out.labelled = true;
    if (TIME_LABELS.includes(label)) {
      out.time = value;
      return;
    }
    if (OTHER_FIELD_LABELS.includes(label)) return;
    const units = splitUnits(value);
    add(out.units, units);
    if (ASSIST_UNIT_LABELS.includes(label)) add(out.assist, units);
    else if (LEAD_UNIT_LABELS.includes(label)) add(out.lead, units);
    else if (GUIDE_UNIT_LABELS.includes(label)) add(out.guide, units);
    else if (RESPONSIBLE_UNIT_LABELS.includes(label)) add(out.responsible, units);
    else add(out.plain, units);
  });
  // 牵头部门：A；责任部门：B、C — beside a named lead, the other responsible units assist
  if (out.lead.length && out.plain.length) {
    add(out.assist, out.plain);
    out.plain = emptyList();
  } else if (out.assist.length && out.plain.length) {
    // 责任部门：A；配合部门：B — beside units named as assisting, the responsible ones lead
    add(out.lead, out.plain);
    out.plain = emptyList();
  }
  return out;
}

/** Role words that name the one lead (牵头落实 names the bodies that carry a measure out, any number). */
const NAMED_LEAD = ['牵头', '牵头负责', '牵头汇总'];

/** A shared duty, not the carrying out (按职责分工负责落实 leads whatever else the note says). */
const BY_DUTY = /^按(?:照)?职责(?:分工)?负责$/;

/** "市府办牵头，市发改委、市财政局配合": clauses between ，；, each naming its role at its end. */
function readClauses(text: string, out: UnitFields): void {
  const clauses = trimmedParts(text.split(/[，,；;]/));
  // a unit list itself uses ， between groups (市委组织部、各有关单位，各区、县级市): glue role-less
  // clauses onto the next clause that names a role
  let pending = '';
  // units that act 按职责分工负责 (by their duties): beside a named lead they are its partners
  const byDuty: string[] = [];
  for (const c of clauses) {
    if (TIME_CLAUSE.test(c) && !ROLE_SUFFIX.test(c)) {
      out.time = out.time ? `${out.time}，${c}` : c;
      continue;
    }
    const role = ROLE_WORDS.find((r) => c.endsWith(r.word) && c.length > r.word.length);
    if (!role) {
      pending = pending ? `${pending}、${c}` : c;
      continue;
    }
    out.roleClauses++;
    let names = c.slice(0, -role.word.length).replace(/等$/, '');
    if (pending) {
      names = `${pending}、${names}`;
      pending = '';
    }
    // "A会同B负责": A leads, B assists
    const together = names.split('会同');
    const first = splitUnits(together[0]).flatMap(dropEtc);
    const rest = together.slice(1).flatMap((t) => splitUnits(t)).flatMap(dropEtc);
    add(out.units, first);
    add(out.units, rest);
    if (role.role === 'guide') add(out.guide, first);
    else if (role.role === 'assist') add(out.assist, first);
    else if (NAMED_LEAD.includes(role.word) || together.length > 1) add(out.lead, first);
    else {
      add(out.responsible, first);
      if (BY_DUTY.test(role.word)) add(byDuty, first);
    }
    add(out.assist, rest);
  }
  // 人力资源社会保障部牵头，教育部等按职责分工负责: beside a lead, those acting by their duties assist
  if (out.lead.length && byDuty.length) {
    out.responsible = out.responsible.filter((u) => !byDuty.includes(u));
    add(out.assist, byDuty.filter((u) => !out.lead.includes(u)));
  }
  if (pending) {
    const units = splitUnits(pending).flatMap(dropEtc);
    add(out.plain, units);
    add(out.units, units);
  }
}

/** "农业农村部等" → 农业农村部; "财政部等有关部门" → 财政部 and 有关部门 (a unit of its own). */
function dropEtc(u: string): string[] {
  const m = /^(.+?)等((?:有关|相关|其他).+)$/.exec(u);
  if (m) return [m[1], m[2]];
  return [u.replace(/等$/, '') || u];
}
