// Who is responsible, base against local, for every link. A unit's local counterpart is found first
// in the table of government bodies (bodies.tsv: 工业和信息化部 = 省经济和信息化厅 = 市经信局, 编办 =
// 编委办, 国务院办公厅 = 省政府办公厅 = 市府办, 人民银行 → 人行舟山市中支, former names → the current
// body), then, for names the table does not know, from how unit names are built — a level prefix
// (国家 / 省 / 江西省 / 市 / 区 …), a function word (工业和信息化 / 农业农村 / 发展改革), a kind of
// body (部 / 厅 / 局 / 委 / 办): 市委组织部 → 区委组织部, 市城管委 → 区城市管理局.
// Governments and collectives (the implementing government, 各县（市、区）政府, 功能区管委会, 有关部门)
// never lead. A collective one side names and the other does not makes the entry owner-added or
// owner-dropped and is listed apart (groupsAdded / groupsDropped): the base's subordinate governments
// (各县（市、区）政府) are dropped only where the local plan names no government; a base catch-all
// (有关部门) covers the departments the local plan names.
import type { Link, Notice, OwnerChange, Task } from '../model.js';
import { bigramSet } from '../align/text.js';
import { bodiesOf, carriersOf } from '../bodies/table.js';
import { inlineUnits } from './inline-units.js';

/** The implementing government itself, its subordinate governments, development zones' committees, 有关部门. */
type Tag = 'gov' | 'subgov' | 'zones' | 'generic';

interface UnitKey {
  unit: string;
  /** (always present, undefined for a named unit: every key has one shape) */
  tag: Tag | undefined;
  /** The function part of the name, with level, place and kind of body taken off. */
  core: string;
}

const LEVEL_PREFIX = /^(?:国家|国务院|中央|全国|中共|省级|市级|县级|区级|各级|省|自治区|直辖市|市(?!场)|县|区|镇|乡|街道)/;
// a place name before the level word: 江西省 / 许昌市 / 番禺区 (not 市场监管局's 市)
const PLACE_PREFIX = /^[\u4e00-\u9fff]{2,4}?(?:省|自治区|市(?![场容])|县|区)(?=[\u4e00-\u9fff]{2,})/;
// (处 / 科 / 股: a bureau's internal offices, 疾控处 at the province = 疾病预防控制科 in the city)
const BODY_SUFFIX = /(?:中心支行|分行|支行|总局|分局|局|厅|部|委员会|委|办公室|办公厅|办|总署|署|总社|社|中心|处|科|股)$/;
// (市直园区管委会: the parks the city administers itself)
const ZONES = /^[省市县区]?(?:直属?)?各?(?:[省市县区]级)?(?:有关)?(?:功能区|开发区|开发园区|园区|产业园区|产业集聚区|高新区|经济开发区|经济技术开发区|经开区|产业园)(?:管委会|管理委员会|管理机构)$/;
const SUBGOV = /^各(?:有关)?.{0,12}(?:政府|区|县|市|镇|乡|街|管委会)|^(?:地方各级|各地|各级)/;
// a collective: 有关部门, 市级有关部门, 市政府各部门党委（党组）, 相关行政执法单位, 其他省级部门, 各项目牵头单位
const GENERIC = /(?:各|有关|相关|其他|其余|主要|级|所属|成员)[\u4e00-\u9fff]{0,8}?(?:部门|单位|机构|方面|部委|处室|科室)(?:党委|党组)*$|^(?:国务院|[省市县区]政府|[省市县区]直)(?:部门|部委|单位)$|^(?:地方)?(?:各级|各)?(?:行政执法|行政|执法)机关$/;

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
  // 省编办等省级单位: the named unit stands for the list
  const s = unit.replace(/[〔（(][^〔〕（）()]*[〕）)]/g, '').replace(/\s+/g, '').replace(/(.{2,})等.{0,8}(?:单位|部门)$/, '$1');
  if (ZONES.test(s)) return { unit, tag: 'zones', core: '' };
  if (GENERIC.test(s)) return { unit, tag: 'generic', core: '' };
  if (SUBGOV.test(s)) return { unit, tag: 'subgov', core: '' };
  // the government (省政府, 许昌市人民政府, 试点城市政府) or the Party committee (市委, 党中央) that issues the plan
  if (/政府(?:党组)?$|^(?:党中央|中共中央|国务院|中央|(?:中共)?(?:[\u4e00-\u9fff]{2,6}?)?[省市县区]委)$/.test(s)) return { unit, tag: 'gov', core: '' };
  let core = s;
  // 人民银行南昌中心支行 / 南京海关: a vertical body's branch keeps the body's name
  if (/人民银行/.test(core)) return { unit, tag: undefined, core: '人民银行' };
  // places come first (浙江省舟山市…), a level word after them (区绿化市容局): once a level word is
  // off, what follows is the function (绿化市容, not a place 绿化市)
  let leveled = false;
  for (let k = 0; k < 3; k++) {
    const before = core;
    core = core.replace(LEVEL_PREFIX, '');
    if (core !== before) leveled = true;
    else if (!leveled) core = core.replace(PLACE_PREFIX, '');
    if (core === before) break;
  }
  // 市局认证监督管理处: an office of the bureau at that level (局 is the bureau, not the office's name)
  if (leveled) core = core.replace(/^局(?=[\u4e00-\u9fff]{3,})/, '');
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

/** Whether two units are counterparts, and what says so: the body table, or the name-building rules. */
interface Relation {
  same: boolean;
  basis: 'table' | 'name-rule';
}

const pairs = new Map<string, Map<string, Relation>>();
let pairCount = 0;

function relation(base: string, local: string): Relation {
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
    c = relate(base, local);
    row.set(local, c);
    pairCount++;
  }
  return c;
}

/** Is `local` the local counterpart of `base`? */
export function counterpart(base: string, local: string): boolean {
  return relation(base, local).same;
}

/** What the table or the rules say of one unit: 'table' when the table knows it. */
export function basisOf(unit: string): 'table' | 'name-rule' {
  return keyOf(unit).tag || !bodiesOf(unit) ? 'name-rule' : 'table';
}

/**
 * The names a unit goes by: 省市场监管局（省知识产权局） is both bodies (one body carrying another's
 * brand); a bracket that is not a body's name (各镇（街）) adds nothing.
 */
function namesOf(unit: string): string[] {
  const inner = [...unit.matchAll(/[〔（(]([^〔〕（）()]+)[〕）)]/g)].map((m) => m[1]).filter((n) => n.length >= 3 && BODY_SUFFIX.test(n));
  if (inner.length) return [unit, ...inner];
  // 市经信局市新经济委: two names of one office written side by side, without the bracket
  const twin = TWIN_NAMES.exec(unit);
  return twin ? [unit, twin[1], twin[2]] : [unit];
}
const TWIN_NAMES = /^([省市区县][^省市区县、]{1,10}?(?:局|委|厅|办|部))([省市区县][^、]{2,12}?(?:局|委|厅|办|部|中心))$/;

function relate(base: string, local: string): Relation {
  const bs = namesOf(base);
  const ls = namesOf(local);
  if (bs.length === 1 && ls.length === 1) return relateNames(base, local);
  let out: Relation | undefined;
  for (const b of bs)
    for (const l of ls) {
      const r = relateNames(b, l);
      if (r.same && (!out || r.basis === 'table')) out = r;
    }
  return out ?? relateNames(base, local);
}

function relateNames(base: string, local: string): Relation {
  const b = keyOf(base);
  const l = keyOf(local);
  if (b.tag || l.tag) return { same: b.tag === l.tag, basis: 'name-rule' };
  const bb = bodiesOf(base);
  const lb = bodiesOf(local);
  // both known: the table decides (省编办 = 市编委办; 农业农村部 ≠ 省自然资源厅 however alike the names;
  // 省公务员局 = 市人力社保局, the department that carries it as a brand)
  if (bb && lb) return { same: bb.some((x) => lb.includes(x) || carriersOf(x).some((c) => lb.includes(c))), basis: 'table' };
  return { same: similar(b.core, l.core), basis: 'name-rule' };
}

const exempt = (u: string) => !!keyOf(u).tag;
const isGroup = (u: string) => {
  const t = keyOf(u).tag;
  return t === 'subgov' || t === 'zones' || t === 'generic';
};

/**
 * 商务部、发展改革委等和各省级人民政府 (a note's list ending in 等和 a government): the bodies and the
 * government, as the note means them.
 */
function expand(units: readonly string[]): string[] {
  const out: string[] = [];
  for (const u of units)
    for (const part of u.split(/等(?:和|及|与|以及)/)) {
      const p = part.replace(/等$/, '');
      if (p && !out.includes(p)) out.push(p);
    }
  return out;
}

/** A note that names its leads apart from the rest (A牵头，B配合; A负责，B参与): its leads are leads as written. */
const marksLeads = (n: Task['ownerNotes'][number]) => /牵头|主办|主责/.test(n.text) || (n.lead.length > 0 && n.assist.length > 0);
/** A task that says who leads: by a note, or by a task table's 牵头单位 column (its `lead`, no notes). */
const taskMarksLeads = (t: Task) => t.ownerNotes.some(marksLeads) || (!t.ownerNotes.length && t.lead.length > 0);

/**
 * Lead units for comparison: those a note marks as leading (A、B牵头，C配合); when no note of the task
 * does (A、B、C负责, A、B指导, 责任单位：A、B), the first unit listed, as 列第一位者为牵头单位 says.
 */
function leadsOf(tasks: Task[], inferred: boolean): string[] {
  const out: string[] = [];
  const add = (u: string | undefined) => {
    if (u && !exempt(u) && !out.includes(u)) out.push(u);
  };
  for (const t of tasks) {
    if (inferred) {
      // a sentence's subjects are all it says of who leads
      for (const u of inlineUnits(t)) add(u);
      continue;
    }
    const before = out.length;
    // beside notes that name their leads, a note naming one body alone has that body lead it
    const marked = t.ownerNotes.some(marksLeads);
    for (const n of t.ownerNotes) if (marksLeads(n) || (marked && n.units.length === 1 && n.lead.length === 1)) expand(n.lead).forEach(add);
    if (!t.ownerNotes.length) expand(t.lead).forEach(add);
    // A、B负责；C、D负责: the first unit of each part of the note
    if (out.length === before)
      for (const n of t.ownerNotes)
        for (const part of n.text.split(/[；;]/)) add(expand(n.units).find((u) => !exempt(u) && part.includes(u.replace(/[〔（(].*$/, ''))));
    if (out.length === before) add([...expand(t.units), ...t.impliedUnits].find((u) => !exempt(u)));
  }
  return out;
}

/** The units of a group of tasks; when none names any, those its sentences name as subjects (inferred). */
interface Side {
  units: string[];
  leads: string[];
  inferred: boolean;
  /** Whether a note of these tasks says who leads (牵头), or they are listed alike (负责, 责任单位：A、B). */
  marks: boolean;
  /**
   * Listed alike as responsible (A、B、C按职责分工负责): the first listed leads, as 列第一位者为牵头单位
   * says. A plain list (责任单位：A、B、C) or 指导 units say nothing of who leads.
   */
  ranked: boolean;
  /** Kinds of collective that lead (各县（市、区）政府 负责落实; 以下均需各开发园区管委会落实): subgov, zones. */
  leadGroups: Set<Tag>;
}

/** Collectives a task's notes make leads: those with the lead role, those a 以下均需…落实 note puts on it, every one when no note tells roles. */
function leadGroupsOf(tasks: Task[]): Set<Tag> {
  const out = new Set<Tag>();
  for (const t of tasks)
    for (const u of [...(t.lead.length ? t.lead : t.units), ...t.impliedUnits]) {
      const tag = keyOf(u).tag;
      if (tag === 'subgov' || tag === 'zones') out.add(tag);
    }
  return out;
}

function sideOf(tasks: Task[]): Side {
  const units: string[] = [];
  // the units the notes name, and those a 以下均需…落实 note puts on the tasks without repeating them
  for (const t of tasks) for (const list of [t.units, t.impliedUnits]) for (const u of expand(list)) if (!units.includes(u)) units.push(u);
  const marks = tasks.some(taskMarksLeads);
  const ranked = tasks.some((t) => t.ownerNotes.some((n) => n.lead.length > 0 && /负责/.test(n.text)));
  if (units.length) return { units, leads: leadsOf(tasks, false), inferred: false, marks, ranked, leadGroups: leadGroupsOf(tasks) };
  for (const t of tasks) for (const u of inlineUnits(t)) if (!units.includes(u)) units.push(u);
  return { units, leads: leadsOf(tasks, true), inferred: units.length > 0, marks, ranked, leadGroups: new Set() };
}

/**
 * One entry per link. Merged and split links compare the units of the whole group, so only a unit
 * missing from every task of the group counts (a merged base task that names nobody is compared alone). A base unit whose counterpart the local plan names
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
  // a group's units and leads, found once per group (a group serves each of its links)
  const sides = new Map<Task[], Side>();
  const side = (g: Task[]) => sides.get(g) ?? sides.set(g, sideOf(g)).get(g)!;
  // a local plan without any owner note has dropped no owner: it names none anywhere
  const localNotes = local.tasks.some((t) => t.units.length > 0);
  const out: OwnerChange[] = [];
  for (const k of links) {
    const bGroup = basesOf.get(k.local);
    const lGroup = localsOf.get(k.base);
    if (!bGroup || !lGroup) continue;
    const bt = bTask.get(k.base)!;
    // a base task of a merge that names no unit of its own is compared alone: its partners' owners
    // were never its own, so every unit the local task gives it is the lower level's (or inferred
    // from its own sentences)
    out.push(judge(k, bt, lTask.get(k.local)!, side(bt.units.length || bGroup.length === 1 ? bGroup : [bt]), side(lGroup), localNotes));
  }
  return out;
}

function judge(k: Link, bt: Task, lt: Task, b: Side, l: Side, localNotes: boolean): OwnerChange {
  const entry = (change: OwnerChange['change'], detail: string, basis: OwnerChange['basis']): OwnerChange => {
    const e: OwnerChange = { base: k.base, local: k.local, baseUnits: bt.units, localUnits: lt.units, change, detail, basis };
    if (b.inferred) e.baseInferred = b.units;
    if (l.inferred) e.localInferred = l.units;
    return e;
  };
  const inferred = b.inferred || l.inferred;
  // a merge or a split is judged over its whole group, both ways: a unit one half of a split names is
  // added on every link of the group (as a base unit is dropped only when no task of it carries it) —
  // the reading readers mark (fixtures/blind/README.md, issue 28's truth); l.units are the group's
  if (!b.units.length || !l.units.length) {
    if (b.units.length && !l.units.length && !inferred && localNotes) return entry('owner-dropped', `the local plan names no unit for ${b.units.join('、')}`, 'name-rule');
    // the base names no unit and its sentences no body: every unit the local plan gives the task is its own
    const own = l.units.filter((v) => !exempt(v) || isGroup(v));
    if (!b.units.length && own.length && !l.inferred) {
      const named = own.filter((v) => !isGroup(v));
      const e = entry('owner-added', `the base names no unit${named.length ? `; no base counterpart for ${named.join('、')}` : ''}`, 'inferred');
      e.baseInferred = [];
      if (named.length) e.unmatched = named;
      const groups = own.filter(isGroup);
      if (groups.length) e.groupsAdded = groups;
      return e;
    }
    return entry('mapped', b.units.length ? '' : 'the base names no unit', inferred ? 'inferred' : 'name-rule');
  }
  const used = new Set<'table' | 'name-rule'>();
  const rel = (u: string, v: string) => {
    const r = relation(u, v);
    if (r.same) used.add(r.basis);
    return r.same;
  };
  const groups = groupChanges(b.units, l.units);
  const withGroups = (e: OwnerChange) => {
    if (groups.added.length) e.groupsAdded = groups.added;
    if (groups.dropped.length) e.groupsDropped = groups.dropped;
    return e;
  };
  // Who leads. When neither side says (A、B负责 against 责任单位：A、B), the units listed are co-owners:
  // none was handed over while a named base unit is carried. When the base says nothing of roles
  // (责任单位：A、B、C) and the local plan names a lead, that lead may be any base unit's counterpart;
  // when the base names its leads (A牵头) or ranks its units (A、B负责: A leads), the local lead must be
  // the counterpart of one of them.
  const roleless = !b.marks && !l.marks && !b.inferred;
  // who leads on the local side: the leads of the whole group, as its units are (a base lead whose
  // counterpart leads one half of a split is carried; every link of a group gets the group's verdict,
  // the reading of issue 28's truth and of the blind sets since pairs-K)
  const localLeads = l.leads;
  const baseOwners = !b.marks && !b.inferred && !b.ranked ? b.units.filter((u) => !exempt(u)) : b.leads;
  const leadKept = roleless
    ? !b.leads.length || !l.leads.length || b.units.some((u) => !exempt(u) && l.units.some((v) => !exempt(v) && rel(u, v)))
    : !baseOwners.length || !localLeads.length || localLeads.some((v) => baseOwners.some((u) => rel(u, v))) ||
      // collectives leading on both sides (各区县政府 → 各镇乡（街道）负责落实) carry the lead down: the task
      // stays with the governments that carry it out, whichever department coordinates
      [...b.leadGroups].some((g) => l.leadGroups.has(g));
  const basisNow = (units: string[]): OwnerChange['basis'] =>
    inferred ? 'inferred' : units.every((u) => basisOf(u) === 'table') && !used.has('name-rule') ? 'table' : 'name-rule';
  if (!leadKept) {
    // co-owners: the named units the base listed, and those the local plan put in their place
    const from = roleless ? b.units.filter((u) => !exempt(u)) : baseOwners;
    const to = roleless ? l.units.filter((v) => !exempt(v)) : localLeads;
    const e = entry('reassigned', `${roleless ? 'owners' : 'lead'} ${from.join('、')}${b.inferred ? ' (inferred)' : ''} → ${to.join('、')}`, basisNow([...from, ...to]));
    e.baseLeads = from;
    e.localLeads = to;
    return withGroups(e);
  }
  // units inferred from sentences say who acts, not every unit involved: only the lead is compared,
  // and a body the lower level names beside their counterparts is added (国家卫生健康委建立… →
  // 省卫生健康委、省大数据局: 省大数据局 added), unless the base's subject is a catch-all (有关部门)
  if (inferred) {
    if (b.inferred && !l.inferred && !b.units.some((u) => keyOf(u).tag === 'generic')) {
      const extra = l.units.filter((v) => !exempt(v) && !b.units.some((u) => rel(u, v)));
      if (extra.length) {
        const e = entry('owner-added', `no base counterpart for ${extra.join('、')}`, 'inferred');
        e.unmatched = extra;
        return withGroups(e);
      }
    }
    return withGroups(entry('mapped', '', 'inferred'));
  }
  // a body the lower level has no office of (国际发展合作署, 北京冬奥组委) not carried is dropped all the same
  const missing = b.units.filter((u) => !exempt(u) && !l.units.some((v) => rel(u, v)));
  // a base catch-all (有关部门, 其他省级部门) covers the departments the local plan names
  const catchAll = b.units.some((u) => keyOf(u).tag === 'generic');
  const uncovered = l.units.filter((v) => !exempt(v) && !b.units.some((u) => rel(u, v)));
  const extra = catchAll ? [] : uncovered;
  // (but is not carried by them: a base 有关部门 the local plan does not restate is dropped all the same,
  // as readers mark it, whatever departments the local plan names instead)
  const named = [...b.units, ...l.units].filter((u) => !exempt(u));
  // a collective carried or not is a change too, reported on its own line (功能区管委会 added to 9 tasks)
  if (missing.length || groups.dropped.length) {
    const also = extra.length ? `; no base counterpart for ${extra.join('、')}` : '';
    const e = entry('owner-dropped', `${missing.length ? `no local counterpart for ${missing.join('、')}` : `collective not carried: ${groups.dropped.join('、')}`}${also}`, basisNow(named));
    if (missing.length) e.unmatched = missing;
    if (extra.length) e.added = extra;
    return withGroups(e);
  }
  if (extra.length || groups.added.length) {
    const e = entry('owner-added', extra.length ? `no base counterpart for ${extra.join('、')}` : `collective added: ${groups.added.join('、')}`, basisNow(named));
    if (extra.length) e.unmatched = extra;
    return withGroups(e);
  }
  return withGroups(entry('mapped', '', basisNow(named)));
}

/**
 * Collectives one side names and the other does not (功能区管委会 added; 各有关单位 not restated). The
 * governments are one kind for what is added: a local plan's 各县（区）政府 is added only where the base
 * names none. The base's subordinate governments (各省级人民政府, 各县（市、区）政府) are dropped where the
 * local plan names no government, its own or its subordinates': it handed the task to its departments
 * (as the readers of every blind set since pairs-B mark it).
 */
function groupChanges(bUnits: string[], lUnits: string[]): { added: string[]; dropped: string[] } {
  const kind = (u: string) => (keyOf(u).tag === 'gov' || keyOf(u).tag === 'subgov' ? 'gov' : keyOf(u).tag);
  const kinds = (us: string[]) => new Set(us.filter((u) => keyOf(u).tag).map(kind));
  const bt = kinds(bUnits);
  const lt = kinds(lUnits);
  return {
    added: lUnits.filter((u) => isGroup(u) && !bt.has(kind(u))),
    dropped: bUnits.filter((u) => isGroup(u) && !lt.has(kind(u))),
  };
}
