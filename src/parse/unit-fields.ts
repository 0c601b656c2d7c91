// What a task's unit bracket (or a unit line under it) says, field by field. Besides the plain
// （责任单位：市府办、市法制办）, plans write
//   （牵头单位：市府办；配合单位：市发改委、市财政局）      lead and assisting units
//   （市府办牵头，市发改委、市财政局配合）                  the same without labels
//   （责任单位：市府办；完成时间：2018年底前）              a deadline inside the bracket
import { splitUnits } from './units.js';

const LEAD = '牵头单位|牵头部门|责任单位|责任部门|主责单位|负责单位|责任主体|实施单位|主办单位';
const ASSIST = '配合单位|配合部门|协办单位|参与单位|协同单位|协助单位';
const TIME = '完成时间|完成时限|完成期限|时间要求|时间节点|时限要求|时限';
const FIELD = new RegExp(`(${LEAD}|${ASSIST}|${TIME})[：:]`, 'g');
const IS_LEAD = new RegExp(`^(?:${LEAD})$`);
const IS_ASSIST = new RegExp(`^(?:${ASSIST})$`);
const LEAD_ROLE = /^(.+?)(?:牵头|负责|主责)$/;
const ASSIST_ROLE = /^(.+?)(?:配合|参与|协同|协助|协办)$/;

export interface UnitFields {
  units: string[];
  lead: string[];
  assist: string[];
  /** The text of a 完成时间/时限 field, if the bracket carries one. */
  time?: string;
  /** Whether the text named its fields (责任单位：…), which makes it a unit list beyond doubt. */
  labelled: boolean;
}

export function parseUnitFields(inner: string): UnitFields {
  const lead: string[] = [];
  const assist: string[] = [];
  const plain: string[] = [];
  let time: string | undefined;
  const marks = [...inner.matchAll(FIELD)];
  // text before the first label (usually nothing) counts as plain units
  const head = marks.length ? inner.slice(0, marks[0].index) : inner;
  for (const part of roleParts(head)) (part.role === 'lead' ? lead : part.role === 'assist' ? assist : plain).push(...part.units);
  marks.forEach((m, k) => {
    const value = inner.slice((m.index ?? 0) + m[0].length, k + 1 < marks.length ? marks[k + 1].index : undefined).replace(/[；;，,。\s]+$/, '');
    if (new RegExp(`^(?:${TIME})$`).test(m[1])) time = value;
    else if (IS_ASSIST.test(m[1])) assist.push(...splitUnits(value));
    else if (IS_LEAD.test(m[1]) && /^(牵头|主责)/.test(m[1])) lead.push(...splitUnits(value));
    else plain.push(...splitUnits(value));
  });
  const named = lead.length + assist.length > 0;
  return {
    units: [...lead, ...plain.filter((u) => !lead.includes(u)), ...assist],
    lead: named ? lead : [],
    assist: named ? assist : [],
    time,
    labelled: marks.length > 0,
  };
}

/** "市府办牵头，市发改委、市财政局配合": clauses between ，；, each naming its role at its end. */
function roleParts(text: string): { role?: 'lead' | 'assist'; units: string[] }[] {
  if (!/牵头|配合|参与|协同|协助|协办|负责|主责/.test(text)) return [{ units: splitUnits(text) }];
  return text
    .split(/[，,；;]/)
    .filter((c) => c.trim())
    .map((c) => {
      const t = c.trim();
      const l = LEAD_ROLE.exec(t);
      if (l) return { role: 'lead' as const, units: splitUnits(l[1]) };
      const a = ASSIST_ROLE.exec(t);
      if (a) return { role: 'assist' as const, units: splitUnits(a[1]) };
      return { units: splitUnits(t) };
    });
}
