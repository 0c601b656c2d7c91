// Responsibility units: split a list such as
//   "省编办、省发展改革委、省法制办和其他省级部门，各市、县〔市、区〕政府"
// into units, never inside brackets and never inside a compound that names several levels at
// once ("各市、县〔市、区〕政府" is one unit).

import { ASSIST_UNIT_LABELS, GUIDE_UNIT_LABELS, LEAD_UNIT_LABELS, PLAIN_UNIT_LABELS, RESPONSIBLE_UNIT_LABELS, UNIT_END, UNIT_START } from '../vocabulary.js';

const OPEN = /[（(〈<［[【｛{]/g;
const CLOSE = /[）)〉>］\]】｝}]/g;
const ANY_BRACKET = /[（(〈<［[【｛{）)〉>］\]】｝}]/;

/** Nested brackets inside unit names come as （）〈〉<>〔〕; unify them to 〔〕 as GB/T 9704 prints them. */
export function unifyUnitBrackets(s: string): string {
  // most lists hold no bracket at all: no copy then
  if (!ANY_BRACKET.test(s)) return s;
  return s.replace(OPEN, '〔').replace(CLOSE, '〕');
}

// A fragment that is only an administrative level ("各市", "县", "各乡镇") names no unit by itself:
// it is the first half of a compound such as 各市、县〔市、区〕政府.
const BARE_LEVEL = /^各?(?:有关|相关)?[省市县区乡镇街道]{1,3}$/;
const NOBODY = /^(?:[—–\-－―/／\\]+|无|暂无|空)$/;

const LABEL = new RegExp(`^(?:${[...PLAIN_UNIT_LABELS, ...RESPONSIBLE_UNIT_LABELS, ...LEAD_UNIT_LABELS, ...ASSIST_UNIT_LABELS, ...GUIDE_UNIT_LABELS].join('|')})[：:]?`);

export function stripUnitLabel(s: string): { label?: string; rest: string } {
  const m = LABEL.exec(s);
  if (!m) return { rest: s };
  return { label: m[0].replace(/[：:]$/, ''), rest: s.slice(m[0].length) };
}

const JOINS_ANOTHER = /^(?:其他|各|有关|相关)/;
// …but 市政府及各部门党委（党组） names the party bodies of both: the suffix is shared, not a second unit
const SHARED_PARTY = /^[^、，,；;\s]*?党(?:委|组)(?:〔党(?:委|组)〕)?(?=$|[、，,；;\s])/;

export function splitUnits(list: string): string[] {
  const s = unifyUnitBrackets(stripUnitLabel(list.trim()).rest);
  const parts: string[] = [];
  let depth = 0;
  let from = 0; // the current part is s[from..i): sliced once, not built a character at a time
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3014 /* 〔 */) depth++;
    else if (c === 0x3015 /* 〕 */) depth = Math.max(0, depth - 1);
    if (depth === 0 && (c === 0x3001 /* 、 */ || c === 0xff0c /* ， */ || c === 0x2c /* , */ || c === 0xff1b /* ； */ || c === 0x3b /* ; */ || c === 0x20)) {
      parts.push(s.slice(from, i));
      from = i + 1;
      continue;
    }
    // "省法制办和其他省级部门", "区级有关部门和各镇人民政府": 和/及 before 其他 / 各 / 有关 / 相关 joins two
    // units (no name holds 和各 or 和有关 inside)
    if (depth === 0 && (c === 0x548c /* 和 */ || c === 0x53ca /* 及 */) && JOINS_ANOTHER.test(s.slice(i + 1, i + 3)) && !SHARED_PARTY.test(s.slice(i + 1))) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
    // "A、B等和地方各级人民政府": 等 closes a list and 和/及/与 adds one more unit; a 和 inside a
    // name (文化和旅游部, 中央和国家机关工委) has no 等 before it and never splits
    // "区司法局等有关部门": the body named, then the collective 等 opens (有关部门 / 相关单位 / 各…)
    if (depth === 0 && c === 0x7b49 /* 等 */ && i > from && JOINS_ANOTHER.test(s.slice(i + 1, i + 3))) {
      parts.push(s.slice(from, i));
      from = i + 1;
      continue;
    }
    if (depth === 0 && c === 0x7b49 /* 等 */ && /[和及与]/.test(s[i + 1] ?? '') && i > from) {
      parts.push(s.slice(from, i));
      from = i + 2;
      i++;
    }
  }
  parts.push(s.slice(from));
  const units: string[] = [];
  let pending = '';
  for (const raw of parts) {
    const p = raw.trim().replace(/。$/, '');
    // an empty cell of a 分工表 (配合单位 “—”, “/”, “无”) names nobody
    if (!p || NOBODY.test(p)) continue;
    if (BARE_LEVEL.test(p)) {
      pending = pending ? `${pending}、${p}` : p;
      continue;
    }
    units.push(pending ? `${pending}、${p}` : p);
    pending = '';
  }
  if (pending) units.push(pending);
  return expandElided(units);
}

// 武汉、襄阳、宜昌市人民政府: place names that share the level and body written once after the last
const BARE_PLACE = /^[\u4e00-\u9fff]{2,4}$/;
const PLACE_BODY = /^[\u4e00-\u9fff]{2,4}?([省市县区州](?:人民政府|政府|委|局|办))$/;

function expandElided(units: string[]): string[] {
  if (units.length < 2) return units;
  let out: string[] | undefined;
  for (let i = units.length - 1, shared: string | undefined; i >= 0; i--) {
    const u = units[i];
    const m = PLACE_BODY.exec(u);
    if (m) {
      shared = m[1];
      continue;
    }
    if (shared && BARE_PLACE.test(u) && !UNIT_END.test(u) && !UNIT_START.test(u) && !BARE_LEVEL.test(u)) {
      (out ??= units.slice())[i] = u + shared;
      continue;
    }
    shared = undefined;
  }
  return out ?? units;
}


/** Does a bare bracket like (各市、县〔市、区〕政府党组，省政府各部门党委〔党组〕) list responsible units? */
export function looksLikeUnitList(inner: string): boolean {
  const { label, rest: labelled } = stripUnitLabel(inner);
  if (label) return true;
  // "市府办牵头，市发改委配合": the role words come after the unit names
  const rest = labelled.replace(/(?:牵头|配合|参与|协同|协助|协办|负责)(?=[，,；;]|$)/g, '');
  if (/[。；]/.test(rest) || rest.length > 200) return false;
  const units = splitUnits(rest);
  if (units.length === 0) return false;
  const ok = units.filter((u) => UNIT_END.test(u) || UNIT_START.test(u)).length;
  return ok / units.length >= 0.6;
}
