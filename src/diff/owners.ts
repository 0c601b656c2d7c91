// Who is responsible, base against local, for every link. A unit's local counterpart is found from
// how unit names are built — a level prefix (国家 / 省 / 江西省 / 市 / 区 …), a function word
// (工业和信息化 / 农业农村 / 发展改革), a kind of body (部 / 厅 / 局 / 委 / 办) — never from a list
// of one province's departments: 工业和信息化部 → 省工业和信息化厅, 市委组织部 → 区委组织部,
// 市场监管总局 → 省市场监管局, 人民银行 → 人民银行南昌中心支行.
import type { Link, Notice, OwnerChange, Task } from '../model.js';
import { bigramSet } from '../align/text.js';

/** Governments and collectives: the implementing government itself, its subordinate governments, 有关部门. */
type Tag = 'gov' | 'subgov' | 'generic';

interface UnitKey {
  unit: string;
  /** (always present, undefined for a named unit: every key has one shape) */
  tag: Tag | undefined;
  /** The function part of the name, with level, place and kind of body taken off. */
  core: string;
}

const LEVEL_PREFIX = /^(?:国家|国务院|中央|全国|中共|省级|市级|县级|区级|各级|省|自治区|直辖市|市(?!场)|县|区|镇|乡|街道)/;
// a place name before the level word: 江西省 / 许昌市 / 番禺区 (not 市场监管局's 市)
const PLACE_PREFIX = /^[\u4e00-\u9fff]{2,4}?(?:省|自治区|市(?!场)|县|区)(?=[\u4e00-\u9fff]{2,})/;
const BODY_SUFFIX = /(?:中心支行|分行|支行|总局|分局|局|厅|部|委员会|委|办公室|办公厅|办|总署|署|总社|社|中心)$/;
const SUBGOV = /^各(?:有关)?.{0,12}(?:政府|区|县|市|镇|乡|街|管委会)|^(?:地方各级|各地)/;
const GENERIC = /^(?:各|有关|相关|其他|其余)(?:有关)?(?:单位|部门|方面|机构|部委)$|有关部门$|有关单位$|各有关单位$/;

// Unit names recur across the tasks of a plan and across plans: each name's key is derived once
// (a pure function of the name; bounded caches, cleared when full).
const CACHE_MAX = 20000;
const keys = new Map<string, UnitKey>();

function keyOf(unit: string): UnitKey {
  let k = keys.get(unit);
  if (!k) {
    if (keys.size >= CACHE_MAX) keys.clear();
    k = deriveKey(unit);
    keys.set(unit, k);
  }
  return k;
}

function deriveKey(unit: string): UnitKey {
  const s = unit.replace(/[〔（(][^〔〕（）()]*[〕）)]/g, '').replace(/\s+/g, '');
  if (GENERIC.test(s)) return { unit, tag: 'generic', core: '' };
  if (SUBGOV.test(s)) return { unit, tag: 'subgov', core: '' };
  if (/政府(?:办公厅|办公室)?$/.test(s) && !/办公[厅室]$/.test(s)) return { unit, tag: 'gov', core: '' };
  let core = s;
  // 人民银行南昌中心支行 / 南京海关: a vertical body's branch keeps the body's name
  if (/人民银行/.test(core)) return { unit, tag: undefined, core: '人民银行' };
  for (let k = 0; k < 3; k++) {
    const before = core;
    core = core.replace(LEVEL_PREFIX, '');
    if (core === before) core = core.replace(PLACE_PREFIX, '');
    if (core === before) break;
  }
  // 团市委 → 团委, 市委组织部 → 委组织部 = 区委组织部
  core = core.replace(/^团[省市县区]委/, '团委').replace(/^(党|人大|政协)?[省市县区]委/, '$1委');
  const stripped = core.replace(BODY_SUFFIX, '');
  return { unit, tag: undefined, core: stripped.length >= 2 ? stripped : core };
}

/** 城管 for 城市管理, 发改 for 发展改革: the short name's characters in order, the first one shared. */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 2 || short.length >= long.length || short[0] !== long[0]) return false;
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

function similar(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  if (Math.min(a.length, b.length) >= 2 && (a.includes(b) || b.includes(a))) return true;
  if (abbreviates(a, b) || abbreviates(b, a)) return true;
  const A = bigramSet(a);
  const B = bigramSet(b);
  let both = 0;
  for (const g of A) if (B.has(g)) both++;
  return A.size + B.size > 0 && (2 * both) / (A.size + B.size) >= 0.5;
}

const pairs = new Map<string, Map<string, boolean>>();
let pairCount = 0;

/** Is `local` the local counterpart of `base`? */
export function counterpart(base: string, local: string): boolean {
  let row = pairs.get(base);
  if (!row) {
    if (pairCount >= CACHE_MAX) {
      pairs.clear();
      pairCount = 0;
    }
    pairs.set(base, (row = new Map()));
  }
  let c = row.get(local);
  if (c === undefined) {
    c = isCounterpart(base, local);
    row.set(local, c);
    pairCount++;
  }
  return c;
}

function isCounterpart(base: string, local: string): boolean {
  const b = keyOf(base);
  const l = keyOf(local);
  if (b.tag || l.tag) return b.tag === l.tag;
  return similar(b.core, l.core);
}

const exempt = (u: string) => !!keyOf(u).tag;

/** Lead units for comparison: the named leads, else the first unit listed (guide-only notes too). */
function leadsOf(tasks: Task[]): string[] {
  const out: string[] = [];
  for (const t of tasks) {
    const named = t.lead.filter((u) => !exempt(u));
    const first = [...t.units, ...t.impliedUnits].find((u) => !exempt(u));
    for (const u of named.length ? named : first ? [first] : []) if (!out.includes(u)) out.push(u);
  }
  return out;
}

function unitsOf(tasks: Task[]): string[] {
  const out: string[] = [];
  for (const t of tasks) for (const u of t.units) if (!out.includes(u)) out.push(u);
  return out;
}

/**
 * One entry per link. Merged and split links compare the units of the whole group, so only a unit
 * missing from every task of the group counts. A base unit whose counterpart the local plan names
 * nowhere (a body the lower level does not have) may vanish; governments and collectives never count.
 */
export function compareOwners(base: Notice, local: Notice, links: Link[]): OwnerChange[] {
  const bTask = new Map(base.tasks.map((t) => [t.id, t]));
  const lTask = new Map(local.tasks.map((t) => [t.id, t]));
  const basesOf = new Map<string, Task[]>();
  const localsOf = new Map<string, Task[]>();
  for (const k of links) {
    const b = bTask.get(k.base);
    const l = lTask.get(k.local);
    if (!b || !l) continue;
    (basesOf.get(k.local) ?? basesOf.set(k.local, []).get(k.local)!).push(b);
    (localsOf.get(k.base) ?? localsOf.set(k.base, []).get(k.base)!).push(l);
  }
  const everyLocalUnit = unitsOf(local.tasks);
  // whether the local plan names a counterpart of a base unit anywhere (asked once per unit)
  const namedLocally = new Map<string, boolean>();
  const anywhere = (u: string) => {
    let v = namedLocally.get(u);
    if (v === undefined) namedLocally.set(u, (v = everyLocalUnit.some((w) => counterpart(u, w))));
    return v;
  };
  // a group's units and leads, found once per group (a group serves each of its links)
  const unitsOfGroup = new Map<Task[], string[]>();
  const leadsOfGroup = new Map<Task[], string[]>();
  const groupUnits = (g: Task[]) => unitsOfGroup.get(g) ?? unitsOfGroup.set(g, unitsOf(g)).get(g)!;
  const groupLeads = (g: Task[]) => leadsOfGroup.get(g) ?? leadsOfGroup.set(g, leadsOf(g)).get(g)!;
  const out: OwnerChange[] = [];
  for (const k of links) {
    const bGroup = basesOf.get(k.local);
    const lGroup = localsOf.get(k.base);
    if (!bGroup || !lGroup) continue;
    const bUnits = groupUnits(bGroup);
    const lUnits = groupUnits(lGroup);
    const entry = (change: OwnerChange['change'], detail: string) => ownerEntry(k, bTask, lTask, change, detail);
    // a plan that names no unit on either side has nothing to compare
    if (!bUnits.length || !lUnits.length) {
      if (bUnits.length !== lUnits.length) {
        const change = lUnits.length ? 'owner-added' : 'owner-dropped';
        out.push(entry(change, lUnits.length ? `the base names no unit; the local plan names ${lUnits.join('、')}` : `the local plan names no unit for ${bUnits.join('、')}`));
      } else out.push(entry('mapped', ''));
      continue;
    }
    const bLeads = groupLeads(bGroup);
    const lLeads = groupLeads(lGroup);
    const missing = bUnits.filter((u) => !exempt(u) && !lUnits.some((v) => counterpart(u, v)) && anywhere(u));
    const extra = lUnits.filter((v) => !exempt(v) && !bUnits.some((u) => counterpart(u, v)));
    const leadKept = !bLeads.length || !lLeads.length || lLeads.some((v) => bLeads.some((u) => counterpart(u, v)));
    if (!leadKept) out.push(entry('reassigned', `lead ${bLeads.join('、')} → ${lLeads.join('、')}`));
    else if (missing.length) out.push(entry('owner-dropped', `no local counterpart for ${missing.join('、')}`));
    else if (extra.length) out.push(entry('owner-added', `no base counterpart for ${extra.join('、')}`));
    else out.push(entry('mapped', ''));
  }
  return out;
}

/** One entry of compareOwners: the entry's fields, in this order, then change and detail. */
function ownerEntry(k: Link, bTask: Map<string, Task>, lTask: Map<string, Task>, change: OwnerChange['change'], detail: string): OwnerChange {
  return { base: k.base, local: k.local, baseUnits: bTask.get(k.base)!.units, localUnits: lTask.get(k.local)!.units, change, detail };
}
