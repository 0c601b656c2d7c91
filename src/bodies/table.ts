// The table of government bodies (bodies.tsv beside this file): which current body a unit name
// stands for, at any level — 工业和信息化部, 省经济和信息化厅 and 市经信局 are one body, 省编办 and
// 市编委办 another, 人行舟山市中支 a branch of 人民银行. Read once per process, when first asked.
// The build stores the derived lookups (every name without its place and level) beside the compiled
// code (prebuild.ts): deriving them is ~10 ms of a cold `plancmp diff`, reading them ~1 ms.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Level = 'national' | 'province' | 'city' | 'county';
export const LEVELS: readonly Level[] = ['national', 'province', 'city', 'county'];

export interface BodyRow {
  /** The current body; several for a local body that merges the work of several national ones. */
  bodies: string[];
  kind: string;
  /** Names as written in the table, per level. */
  names: Record<Level, string[]>;
  former: string[];
  branches: string[];
  /** Bodies whose counterparts carry this body's work as a brand where it has no office of its own. */
  carried: string[];
  line: number;
}

export interface BodyTable {
  rows: BodyRow[];
  /** Per level: the name without place or level → the row (the first, when a name repeats: the test finds those). */
  byLevel: Record<Level, Map<string, BodyRow>>;
  /** Former names (without place or level) → the row. */
  former: Map<string, BodyRow>;
  branches: { re: RegExp; row: BodyRow }[];
  /** Names that repeat within a level or among former names, with the rows that share them. */
  repeats: string[];
  /** The function word of every name (市场监管 of 市场监管局, 财政 of 财政部) → its row, for 市场监管部门; null when two rows share it. */
  cores: Map<string, BodyRow | null>;
}

export const BODIES_FILE = fileURLToPath(new URL('../../src/bodies/bodies.tsv', import.meta.url));
/** The derived lookups, stored by the build with the table text and code they were derived by. */
const PREBUILT_FILE = fileURLToPath(new URL('./bodies.prebuilt.json', import.meta.url));
const CODE_FILE = fileURLToPath(import.meta.url);

let table: BodyTable | undefined;
let loads = 0;
let stored = false;

/** Whether this process's table came from the build's stored lookups (false before it is read). */
export function bodyTableWasStored(): boolean {
  return stored;
}

/** How often the table file was read in this process (once, or never when no owner was compared). */
export function bodyTableLoads(): number {
  return loads;
}

export function bodyTable(): BodyTable {
  if (!table) {
    const text = readFileSync(BODIES_FILE, 'utf8');
    const prebuilt = readPrebuilt(text);
    stored = prebuilt !== undefined;
    table = prebuilt ?? parseTable(text);
    loads++;
  }
  return table;
}

/** The table as stored: rows once, every lookup as [key, row index] (-1 for a core two rows share). */
interface StoredTable {
  text: string;
  code: string;
  rows: BodyRow[];
  byLevel: Record<Level, [string, number][]>;
  former: [string, number][];
  branches: [string, number][];
  repeats: string[];
  cores: [string, number][];
}

/**
 * The stored table, when it was derived from this very table text by this very code (a `tsc` or
 * an edited bodies.tsv since the build, or running from src/, derives it afresh); never throws.
 */
function readPrebuilt(text: string): BodyTable | undefined {
  if (!import.meta.url.includes('/dist/')) return undefined;
  try {
    const s = JSON.parse(readFileSync(PREBUILT_FILE, 'utf8')) as StoredTable;
    if (s.text !== text || s.code !== readFileSync(CODE_FILE, 'utf8')) return undefined;
    const row = (i: number) => s.rows[i];
    const map = (pairs: [string, number][]) => new Map(pairs.map(([k, i]) => [k, row(i)]));
    const byLevel = {} as Record<Level, Map<string, BodyRow>>;
    for (const l of LEVELS) byLevel[l] = map(s.byLevel[l]);
    return {
      rows: s.rows,
      byLevel,
      former: map(s.former),
      branches: s.branches.map(([re, i]) => ({ re: new RegExp(re), row: row(i) })),
      repeats: s.repeats,
      cores: new Map(s.cores.map(([k, i]) => [k, i < 0 ? null : row(i)])),
    };
  } catch {
    return undefined;
  }
}

/** Build step (prebuild.ts): derive the lookups from the table file and store them. */
export function writePrebuiltTable(): void {
  const text = readFileSync(BODIES_FILE, 'utf8');
  const t = parseTable(text);
  const index = new Map(t.rows.map((r, i) => [r, i]));
  const pairs = (m: Map<string, BodyRow | null>) => [...m].map(([k, r]): [string, number] => [k, r ? index.get(r)! : -1]);
  const byLevel = {} as Record<Level, [string, number][]>;
  for (const l of LEVELS) byLevel[l] = pairs(t.byLevel[l]);
  const stored: StoredTable = {
    text,
    code: readFileSync(CODE_FILE, 'utf8'),
    rows: t.rows,
    byLevel,
    former: pairs(t.former),
    branches: t.branches.map((b) => [b.re.source, index.get(b.row)!]),
    repeats: t.repeats,
    cores: pairs(t.cores),
  };
  const tmp = `${PREBUILT_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(stored));
  renameSync(tmp, PREBUILT_FILE);
}

const split = (cell: string | undefined) => (cell ?? '').split('|').map((s) => s.trim()).filter(Boolean);

function parseTable(text: string): BodyTable {
  const rows: BodyRow[] = [];
  const lines = text.split(/\r?\n/);
  let header = true;
  lines.forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    if (header) {
      header = false; // the column names
      return;
    }
    const c = raw.split('\t');
    const city = split(c[4]);
    const county = c[5]?.trim() === '^' ? city : split(c[5]);
    rows.push({
      bodies: split(c[0].replace(/\+/g, '|')),
      kind: (c[1] ?? '').trim(),
      names: { national: split(c[2]), province: split(c[3]), city, county },
      former: split(c[6]),
      branches: split(c[7]),
      carried: split(c[8]),
      line: i + 1,
    });
  });
  const repeats: string[] = [];
  const byLevel = {} as Record<Level, Map<string, BodyRow>>;
  for (const level of LEVELS) {
    const m = new Map<string, BodyRow>();
    for (const row of rows)
      for (const n of row.names[level]) {
        const key = bareName(n).rest;
        const had = m.get(key);
        if (had && had !== row) repeats.push(`${level} ${key}: lines ${had.line} and ${row.line}`);
        else m.set(key, row);
      }
    byLevel[level] = m;
  }
  const former = new Map<string, BodyRow>();
  for (const row of rows)
    for (const n of row.former) {
      const key = bareName(n).rest;
      const had = former.get(key);
      if (had && had !== row) repeats.push(`former ${key}: lines ${had.line} and ${row.line}`);
      else former.set(key, row);
    }
  const branches: BodyTable['branches'] = [];
  for (const row of rows)
    for (const b of row.branches) {
      const re = new RegExp(`^${b.replace(/[.?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\u4e00-\\u9fff]{0,10}').replace(/\+/g, '[\\u4e00-\\u9fff]{1,10}')}$`);
      branches.push({ re, row });
    }
  const cores = new Map<string, BodyRow | null>();
  for (const row of rows) {
    if (row.bodies.length !== 1) continue;
    for (const n of [...LEVELS.flatMap((l) => row.names[l]), ...row.former]) {
      const core = coreOf(bareName(n).rest);
      if (!core) continue;
      const had = cores.get(core);
      cores.set(core, had === undefined || had === row ? row : null);
    }
  }
  return { rows, byLevel, former, branches, repeats, cores };
}

const KIND = /(?:委员会|办公室|办公厅|总局|总署|部|厅|局|委|办|署|中心)$/;

/** 市场监督管理局 → 市场监督管理, 财政部 → 财政; nothing for a name that is all kind (办公厅). */
function coreOf(rest: string): string | undefined {
  const core = rest.replace(/^委/, '').replace(KIND, '');
  return core.length >= 2 && core !== rest ? core : undefined;
}

const NATIONAL = /^(?:中共中央|中国共产党|中共|中央|国家|全国|中国)(?=[\u4e00-\u9fff]{2})/;
// a place and its level (浙江省 / 舟山市 / 番禺区 / 恩施州), or the level alone (省 / 市 / 县 / 区);
// two characters at least before the level word, so 城市管理局 and 社区 keep their 市 and 区
// 新区 alone: a state-level new area's short name for itself (舟山群岛新区 → 新区政研室), a city's level
// (a town's offices, 镇财政分局 / 乡统计站, are read with the county's: a town has no column of its own)
// (and a street's, 街道司法所 / 艾山街道党政办公室, likewise: a 街道办事处 is the district's agency in town)
const PLACE = /^(?:(?![省市县区])[\u4e00-\u9fff]{2,6}?(自治区|自治州|自治县|省|市|州|地区|盟|县|区|旗|街道)|(省|市(?!场)|县|区|新区|镇|乡(?!村)|街道))(?=[\u4e00-\u9fff]{2})/;
const LEVEL_OF: Record<string, Level> = { 省: 'province', 自治区: 'province', 市: 'city', 州: 'city', 自治州: 'city', 地区: 'city', 盟: 'city', 县: 'county', 区: 'county', 旗: 'county', 自治县: 'county', 新区: 'city', 镇: 'county', 乡: 'county', 街道: 'county' };

/** A unit name without its place and level: 浙江省舟山市经信委 → 经信委 (city), 中共中央组织部 → 组织部 (national). */
export function bareName(name: string): { level: Level | undefined; rest: string; stages: string[] } {
  let s = name.replace(/[〔（(［\[][^〔〕（）()［］\[\]]*[〕）)］\]]/g, '').replace(/\s+/g, '');
  s = s.replace(/^(?:共青)?团([省市县区])委/, '$1团委');
  const stages = [s];
  let level: Level | undefined;
  if (NATIONAL.test(s)) {
    s = s.replace(NATIONAL, '');
    level = 'national';
    stages.push(s);
  }
  for (let k = 0; k < 3; k++) {
    const m = PLACE.exec(s);
    if (!m) break;
    level = LEVEL_OF[m[1] ?? m[2]];
    s = s.slice(m[0].length);
    stages.push(s);
  }
  return { level, rest: s, stages };
}

/** 省发展改革委党组 → 省发展改革委; 市规划局番禺区分局 → 市规划局; 省编办等省级单位 → 省编办. */
function variants(rest: string): string[] {
  const out = [rest];
  const add = (s: string) => {
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  };
  add(rest.replace(/(?:党组|党委)+$/, ''));
  add(rest.replace(/^(.{2,}?[局委办厅])[\u4e00-\u9fff]{2,5}?(?:区|县|市)?分局$/, '$1'));
  for (const s of [...out]) if (s.startsWith('委')) add(s.slice(1));
  return out;
}

const found = new Map<string, string[] | null>();

/** The current bodies a unit name stands for, or undefined when the table does not know it. */
export function bodiesOf(unit: string): string[] | undefined {
  let r = found.get(unit);
  if (r === undefined) {
    if (found.size > 20000) found.clear();
    r = resolve(unit.replace(/等.{0,8}(?:单位|部门)$/, '')) ?? null;
    found.set(unit, r);
  }
  return r ?? undefined;
}

function resolve(unit: string): string[] | undefined {
  const t = bodyTable();
  const { level, rest, stages } = bareName(unit);
  // a name the levels use as it is comes first: 省地方金融监管局 is the province's 金融办, not a
  // branch +金融监管局 with 省地方 for a place
  const order = level ? [level, ...LEVELS.filter((l) => l !== level)] : LEVELS;
  for (const v of variants(rest)) {
    for (const l of order) {
      const row = t.byLevel[l].get(v);
      if (row) return row.bodies;
    }
  }
  // a branch with the place inside its name (人民银行南昌中心支行, 人行舟山市中支, 杭州海关)
  for (const s of stages) for (const b of t.branches) if (b.re.test(s)) return b.row.bodies;
  for (const v of variants(rest)) {
    const row = t.former.get(v);
    if (row) return row.bodies;
  }
  // a function's departments at every level: 市场监管部门, 人力资源社会保障行政部门, 财政部门
  const dept = /^(.{2,}?)(?:行政|主管|管理)?部门$/.exec(rest);
  const row = dept ? t.cores.get(dept[1]) : undefined;
  return row ? row.bodies : undefined;
}

let carriers: Map<string, string[]> | undefined;

/** The bodies whose counterparts carry a body's work as a brand (公务员局 → 人力资源和社会保障部, 中央组织部). */
export function carriersOf(body: string): string[] {
  if (!carriers) {
    carriers = new Map();
    for (const row of bodyTable().rows) if (row.bodies.length === 1 && row.carried.length) carriers.set(row.bodies[0], row.carried);
  }
  return carriers.get(body) ?? [];
}

let subjectPattern: RegExp | undefined;

/**
 * Body names as a sentence may write them, longest first, for finding a sentence's subject:
 * the national names as written (国家卫生健康委, 教育部), and the local ones behind a level word
 * or a place (市卫生健康委, 许昌市生态环境局).
 */
export function subjectNames(): RegExp {
  if (!subjectPattern) {
    const t = bodyTable();
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const national = new Set<string>();
    const local = new Set<string>();
    for (const row of t.rows) {
      for (const n of [...row.names.national, ...row.former]) if (n.length >= 3) national.add(n);
      for (const l of ['province', 'city', 'county'] as const) for (const n of row.names[l]) local.add(n);
      for (const n of row.former) local.add(n);
    }
    const byLength = (a: string, b: string) => b.length - a.length;
    const nat = [...national].sort(byLength).map(esc).join('|');
    const loc = [...local].sort(byLength).map(esc).join('|');
    const depts = [...t.cores].filter(([, row]) => row).map(([core]) => core).sort(byLength).map(esc).join('|');
    // 发展改革、财政、人力资源社会保障等部门: a list of functions sharing one 部门
    subjectPattern = new RegExp(`(?:(?:${depts})(?:[、和及与](?:${depts})){0,8}(?:等(?:有关|相关)?|有关|相关)?(?:行政|主管)?部门|${nat}|(?:[省市县区]|[\\u4e00-\\u9fff]{2,4}?[省市县区])委?(?:${loc}))`, 'y');
  }
  return subjectPattern;
}
