// Time requirements (时间要求) in task text and key-task table cells, and how two of them compare.
// One linear scan with bounded patterns (deadline-patterns.ts); clause boundaries and 《》 spans are
// tracked with forward-only cursors, so a 5 MB line without punctuation stays linear too.
import type { Deadline, Frequency, FrequencyUnit } from '../model.js';
import {
  CELL_ONGOING,
  CELL_UNSPECIFIED,
  TARGET_VERB,
  GROUP,
  nextDeadline,
  PLAN_DOCUMENT_AFTER,
  cyclePoint,
  fivePlanYears,
  durationOf,
  inPlanParen,
  isPolicyTerm,
  iso,
  lastDay,
  monthSpan,
  readNumber,
} from './deadline-patterns.js';

type Found = Omit<Deadline, 'text' | 'clause'>;
/** A named group of the current match. */
type Groups = (name: string) => string | undefined;

const CLAUSE_SEP = '。；;！!？?，,\n\r';
const STOP_SEP = '。；;！!？?\n\r';
const SPACE = ' \u3000\t';
/** Clauses longer than this (text without punctuation) are cut to a window around the expression. */
const MAX_CLAUSE = 400;
const LEADING_NUMBER =
  /^(?:[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|[0-9０-９]{1,3}(?:[、．]|\.(?![0-9]))|[①-⑳])[ \u3000\t]{0,3}/;

/** What lets a bare month (5月) head a step of a schedule: the start of a clause (or of a step after 、), or 计划/拟/将/于 right before it. */
const SCHEDULE_BEFORE = /(?:^|[，,；;。：:、\n]|计划|拟|将|预计|力争|争取|于)[ \u3000\t]{0,2}$/;
/** …and an act right after it, not another month or a list: 5月、6月, 5月份的 */
const NOT_STEP_AFTER = /^[ \u3000\t]{0,2}(?:[、，,。；;和及与的份）)]|$)/;

/** 计划5月在沈阳地区试运行、6月向全省推广: each bare month (no day: 7月1日内容 is no step) a step of a schedule. */
function scheduleStep(text: string, s: number, g: Groups): boolean {
  const e = s + (g('month')?.length ?? 0);
  if (g('mD') !== undefined || !SCHEDULE_BEFORE.test(text.slice(Math.max(0, s - 4), s)) || NOT_STEP_AFTER.test(text.slice(e, e + 3))) return false;
  // 每年3月、6月开展: a month listed after a cycle's month belongs to the cycle
  return !(text[s - 1] === '、' && /每[^，,。；;]{0,12}$/.test(text.slice(Math.max(0, s - 14), s)));
}

/** The words of one schedule step: from its month to the next 、，。； (5月在沈阳地区试运行). */
function stepClause(text: string, s: number): string {
  let i = s;
  while (i < text.length && i - s < MAX_CLAUSE && !'、，,。；;\n'.includes(text[i])) i++;
  return text.slice(s, i).trim();
}

const yearEnd = (y: number): Found => ({ kind: 'by', date: iso(y, 12, 31) });

/** Date parts shared by 2018年… and a month without a year: [start, end] of the named period. */
function period(y: number, g: Groups, p: 'd' | 'm'): [string?, string?] | undefined {
  const month = g(`${p}M`);
  if (month !== undefined) {
    const m = readNumber(month);
    const dayText = g(`${p}D`);
    const day = dayText === undefined ? undefined : readNumber(dayText);
    const span = monthSpan(y, m, day, g(`${p}Ms`));
    return span[1] ? span : undefined;
  }
  const half = g('dH');
  if (half) return half === '上半年' ? [iso(y, 1, 1), iso(y, 6, 30)] : [iso(y, 7, 1), iso(y, 12, 31)];
  const quarter = g('dQ');
  if (quarter) {
    const q = readNumber(quarter);
    return [iso(y, q * 3 - 2, 1), monthSpan(y, q * 3)[1]];
  }
  if (g('dE') === '年中') return [iso(y, 1, 1), iso(y, 6, 30)];
  return [iso(y, 1, 1), iso(y, 12, 31)];
}

function dated(g: Groups, text: string, at: number, end: number): Found | null {
  const y = readNumber(g('dY')!);
  if (!iso(y, 1, 1) || g('dStart')?.trim() === '以来') return null;
  const [start, last] = period(y, g, 'd') ?? [];
  if (!last) return null;
  if (g('dStart') || g('dFrom')) return { kind: 'from', start };
  // (a year an aim is set for says when: 力争2025年…不低于3.5人; so does one set off by a comma at the
  // head of a sentence: 2024年，选取部分机构开展试点)
  const marked = g('dPre') || g('dAim') || g('dM') || g('dH') || g('dQ') || g('dE') || g('dIn') || g('dBefore') || yearSetOff(text, at, end);
  // a bare year (2018年政府工作报告) is no requirement, unless a target verb follows it or it heads a
  // clause that sets an amount: 2026年打造面向OPC的公共数据产品20款
  if (!marked && (yearBreakdown(text, at, end) || (!TARGET_VERB.test(text.slice(end, end + 8)) && !yearTarget(text, at, end)))) return null;
  return { kind: 'by', date: last };
}

function monthOnly(g: Groups, text: string, s: number, docYear?: number): Found | null {
  // 3月 alone is no requirement, unless it heads a step of a schedule: 计划5月试运行，6月向全省推广
  if (!g('mMs') && !g('mBefore') && !g('mStart') && !scheduleStep(text, s, g)) return null;
  const y = docYear === undefined ? undefined : docYear + (g('mY') === '明年' ? 1 : 0);
  const span = period(y ?? 2000, g, 'm'); // 2000 only validates month/day when the year is unknown
  if (!span) return null;
  if (g('mStart')) return y === undefined ? { kind: 'from' } : { kind: 'from', start: span[0] };
  return y === undefined ? { kind: 'by' } : { kind: 'by', date: span[1] };
}

const EVERY_FREQ: Record<string, Frequency> = {
  年度: 'yearly', 年: 'yearly', 季度: 'quarterly', 季: 'quarterly', 月: 'monthly', 月度: 'monthly',
  周: 'weekly', 星期: 'weekly', 旬: 'ten-daily', 天: 'daily', 日: 'daily',
};

/** 每三个月 → every-3-months: the unit of a frequency, counted. */
const UNITS: Partial<Record<Frequency, FrequencyUnit>> = { yearly: 'years', quarterly: 'quarters', monthly: 'months', 'ten-daily': 'ten-day-periods', weekly: 'weeks', daily: 'days' };

function everyFrequency(n: string | undefined, unit: string): Frequency {
  const base = EVERY_FREQ[unit];
  if (!n) return base;
  const k = readNumber(n);
  if (k === 1) return base;
  if (k === 0.5) return unit.startsWith('年') ? 'half-yearly' : unit === '月' ? 'half-monthly' : base;
  if (unit.startsWith('年') && k === 2) return 'biennial';
  if ((unit === '周' || unit === '星期') && k === 2) return 'biweekly';
  return `every-${k}-${UNITS[base] ?? 'days'}`;
}

function interpret(g: Groups, text: string, start: number, end: number, docYear?: number): Found | null {
  if (g('cycle') || g('annual') || g('whole')) return { kind: 'recurring', frequency: 'yearly' };
  if (g('months')) {
    const y1 = readNumber(g('mrY1')!);
    const m1 = readNumber(g('mrM1')!);
    const y2 = g('mrY2') ? readNumber(g('mrY2')!) : y1;
    const m2 = readNumber(g('mrM2')!);
    const start = iso(y1, m1, 1);
    const last = iso(y2, m2, lastDay(y2, m2));
    if (!start || !last || last < start) return null;
    return { kind: 'range', date: last, start, end: last };
  }
  if (g('range')) {
    const y1 = readNumber(g('rY1')!);
    const y2 = readNumber(g('rY2')!);
    if (!g('rN1') && !g('rN2')) return null;
    if (!iso(y1, 1, 1) || !iso(y2, 1, 1) || y2 < y1) return null;
    const last = iso(y2, 12, 31);
    return { kind: 'range', date: last, start: iso(y1, 1, 1), end: last };
  }
  if (g('dated')) return dated(g, text, start, end);
  if (g('fyp')) {
    const years = fivePlanYears(readNumber(g('fN')!));
    if (!years) return null;
    const last = iso(years[1], 12, 31);
    return g('fPart')!.endsWith('末') ? { kind: 'by', date: last } : { kind: 'range', date: last, start: iso(years[0], 1, 1), end: last };
  }
  if (g('bare')) {
    // 年末有考评 alone is no time; 到年底 / 至年底 is one
    if (!g('bY') && !g('bBefore') && !g('bIn') && !/[到至]$/.test(text.slice(Math.max(0, start - 1), start))) return null;
    if (docYear === undefined) return { kind: 'by' };
    return yearEnd(docYear + (g('bY') === '明' ? 1 : 0));
  }
  // (relative to a year the notice does not state: no time that can be compared)
  if (g('twoY')) return docYear === undefined ? null : yearEnd(docYear + 1);
  if (g('month')) return monthOnly(g, text, start, docYear);
  if (g('every')) return { kind: 'recurring', frequency: everyFrequency(g('eN'), g('eU')!) };
  if (g('per')) return { kind: 'recurring', frequency: everyFrequency(g('pN'), '年') };
  if (g('step')) return { kind: 'recurring', frequency: EVERY_FREQ[g('sU')!] };
  if (g('split')) return { kind: 'recurring', frequency: EVERY_FREQ[g('spU')!] };
  if (g('perUnit')) return { kind: 'recurring', frequency: EVERY_FREQ[g('uU')!] };
  if (g('nextMonth') || g('monthly')) return { kind: 'recurring', frequency: 'monthly' };
  if (g('campaign') && PLAN_DOCUMENT_AFTER.test(text.slice(end, end + 6))) return null; // 三年行动方案: a plan's name
  if (g('use') || g('within') || g('withinDays') || g('campaign')) return { kind: 'duration' };
  if (g('follows')) return { kind: 'follows' };
  if (g('timely')) return { kind: 'unspecified' };
  if (g('event') || g('issued')) return { kind: 'event' };
  return null;
}

function blank(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!SPACE.includes(t[i])) return false;
  return true;
}

/** Forward-only cursors over one text: clause boundaries and 《…》 spans. */
class Cursor {
  private scanned = 0;
  private lastSep = -1;
  private nextSep = -1;
  private nextStop = -1;
  private titles: [number, number][] = [];
  private title = 0;

  constructor(private readonly text: string) {
    for (let i = text.indexOf('《'); i >= 0; i = text.indexOf('《', i + 1)) {
      let close = text.indexOf('》', i + 1);
      if (close < 0) close = text.length;
      this.titles.push([i, close]);
      i = close;
      if (i >= text.length) break;
    }
  }

  inTitle(pos: number): boolean {
    while (this.title < this.titles.length && this.titles[this.title][1] < pos) this.title++;
    const t = this.titles[this.title];
    return t !== undefined && t[0] < pos && pos < t[1];
  }

  private find(from: number, seps: string): number {
    let i = from;
    while (i < this.text.length && !seps.includes(this.text[i])) i++;
    return i;
  }

  clause(s: number, e: number): string {
    const t = this.text;
    for (; this.scanned < s; this.scanned++) if (CLAUSE_SEP.includes(t[this.scanned])) this.lastSep = this.scanned;
    let left = this.lastSep + 1;
    if (this.nextSep < e) this.nextSep = this.find(e, CLAUSE_SEP);
    let right = this.nextSep;
    // 2022年底前，建立…体系: an expression that is a whole clause on its own, at the start of the
    // sentence part, continues to the sentence end so the clause reads as a complete requirement
    const alone = blank(t, e, right) && s - left <= 12 && t.slice(left, s).trim().replace(LEADING_NUMBER, '') === '';
    if (alone && (t[right] === '，' || t[right] === ',')) {
      if (this.nextStop < e) this.nextStop = this.find(e, STOP_SEP);
      right = this.nextStop;
    }
    if (right - left > MAX_CLAUSE) {
      left = Math.max(left, s - MAX_CLAUSE / 2);
      right = Math.min(right, e + MAX_CLAUSE / 2);
    }
    return t.slice(left, right).trim().replace(LEADING_NUMBER, '').trim();
  }
}

/**
 * Time words that set no time for anything to be done (judged from what the clause says around them):
 *  - 每年发放…不少于200万元, 每年认定10家左右: an amount per year is a target, not a cycle of acts
 *    (每年举办1次 keeps its cycle: a count of times is how often);
 *  - 1个工作日内办结, 3日内答复: a processing time is a service target;
 *  - 五年内免征, 自2019年1月1日起施行 / 可继续免征: how long or from when a rule or benefit applies;
 *  - 距法定退休年龄五年以内: a distance in age;
 *  - 列入…年度计划: an existing annual plan that takes the item in;
 *  - 截至2018年底，已建成…: the date of a state already reached;
 *  - 2026年5月25日发布, 征求意见截止2026年6月24日: a publication date, a consultation's close.
 */
function notARequirement(found: Found, g: Groups, text: string, s: number, e: number): boolean {
  const after = text.slice(e, clauseEnd(text, e));
  const before = text.slice(clauseStart(text, s), s);
  if (g('every') && found.kind === 'recurring' && BOUND_AMOUNT.test(after) && !cyclePoint(g('every')!)) return true;
  if ((g('within') || g('withinDays')) && (PROCESSING_AFTER.test(after) || BENEFIT_AFTER.test(after) || DISTANCE_BEFORE.test(before))) return true;
  if (found.kind === 'from' && RULE_APPLIES_AFTER.test(after)) return true;
  if (g('dPre') && /^(?:截至|截止)/.test(g('dPre')!) && !g('dBefore') && STATE_AFTER.test(text.slice(e, e + 40).split(/[。；;]/)[0])) return true;
  if ((g('annual') || g('perUnit')) && (PLAN_INCLUSION_BEFORE.test(before) || AMOUNT_AFTER.test(after))) return true;
  // a day written whole and nothing after it but the act of publishing (not 2018年12月底前公布名单)
  if (g('dated') && g('dD') && !g('dBefore') && !g('dStart') && PUBLISHED_AFTER.test(after)) return true;
  if (g('dated') && CONSULTATION_BEFORE.test(before)) return true;
  return false;
}

function clauseEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from < 60 && !CLAUSE_SEP.includes(text[i])) i++;
  return i;
}

function clauseStart(text: string, to: number): number {
  let i = to;
  while (i > 0 && to - i < 60 && !CLAUSE_SEP.includes(text[i - 1])) i--;
  return i;
}

/** A year heading a sentence and set off by a comma: 2024年，选取部分机构开展试点. */
function yearSetOff(text: string, s: number, e: number): boolean {
  return /^[ \u3000]{0,2}[，,]/.test(text.slice(e, e + 3)) && CLAUSE_HEAD_BEFORE.test(text.slice(Math.max(0, s - 3), s));
}

/** A year at the head of a clause (after 在/于) whose clause sets an amount: 2026年打造…产品20款. */
function yearTarget(text: string, s: number, e: number): boolean {
  return CLAUSE_HEAD_BEFORE.test(text.slice(Math.max(0, s - 3), s)) && quota(text.slice(e, clauseEnd(text, e)));
}

/**
 * One step of a year-by-year breakdown of amounts (1996年招收100名，1997年招收110名，1998年达到110名):
 * each year names whose quota it is, not a time by which anything is due. (Stages without amounts,
 * 2020年基本建成…，2022年全面建成…, stay deadlines.)
 */
function yearBreakdown(text: string, s: number, e: number): boolean {
  if (!yearTarget(text, s, e)) return false;
  const end = clauseEnd(text, e);
  const start = clauseStart(text, s);
  const previous = start > 0 ? clauseStart(text, start - 1) : -1;
  const headsWithYear = (i: number) => i >= 0 && i < text.length && YEAR_HEAD.test(text.slice(i, i + 8));
  return headsWithYear(end + 1) || (previous >= 0 && headsWithYear(previous));
}
const YEAR_HEAD = /^[ \u3000\t]{0,2}[在于]?[0-9０-９]{4}[ \u3000\t]{0,2}年/;
const CLAUSE_HEAD_BEFORE = /(?:^|[，,；;。：:\n])[ \u3000\t]{0,2}[在于]?$/;

/**
 * An amount in a clause: 不少于200万元, 10家左右, 20款. A count of times (开展2次) is how often, and
 * one of a batch, a session or a report (发布1批, 举办1场) is once per cycle, not an amount.
 */
function quota(after: string): boolean {
  const m = QUOTA_AFTER.exec(after);
  return m !== null && !(ONE.test(m[1]) && ONCE_UNITS.includes(m[2]));
}
const QUOTA_AFTER = /([0-9０-９.．一二两三四五六七八九十百千万]{1,8})[ \u3000]{0,2}(?:万|亿|千|百)?(元|亩|人次|名|人|家|个|件|项|场|篇|所|户|套|台|款|批|期|座|条|种|支|位|张|份|平方米|千瓦|卡时|课时|学时|小时|[PＰ]|%|％)/;
/** 每年发放不少于200万元, 每年最高5万元: an amount held to a bound, or money (每年确定10个左右重点课题 stays a yearly act) */
const BOUND_AMOUNT = /(?:不少于|不低于|不超过|不高于|最高|最多|至少|超过)[ \u3000]{0,2}[0-9０-９.．一二两三四五六七八九十百千万]{1,8}[ \u3000]{0,2}(?:万|亿|千|百)?(?:元|亩|人次|名|人|家|个|件|项|场|篇|所|户|套|台|款|批|期|座|条|种|支|位|张|份|平方米|千瓦|卡时|课时|学时|小时|[PＰ]|%|％)|[0-9０-９.．一二两三四五六七八九十百千万]{1,8}[ \u3000]{0,2}(?:万|亿)?元/;
const ONE = /^(?:1|１|一)$/;
const ONCE_UNITS = ['批', '期', '场', '份', '个', '项'];
/** 杭州市科学技术局2026年5月25日发布: the day a page or a document was published, not a time for a task. */
const PUBLISHED_AFTER = /^[ \u3000]{0,2}(?:发布|印发|公布|发文|修订|起草)[ \u3000]{0,2}$/;
/** 征求意见截止2026年6月24日: when comments on a draft close, not a time for a task. */
const CONSULTATION_BEFORE = /(?:征求意见|意见反馈|反馈意见|公示期)[^，,。；;]{0,4}$/;
/** 1个工作日内办结: the time a service takes. */
const PROCESSING_AFTER = /^[ \u3000]{0,2}(?:办结|办理|办毕|审结|答复|回复|反馈|出具|完成审批|审批|作出决定|予以答复)/;
/** 五年内免征: how long a benefit lasts. */
const BENEFIT_AFTER = /^[ \u3000]{0,2}(?:免征|减征|免收|减半|免于|免除|享受|有效)/;
/** 距国家法定退休年龄五年以内 */
const DISTANCE_BEFORE = /距离?[^，,。；;]{0,12}$/;
/** 自2019年1月1日起施行, 自2019年1月1日起可继续免征五年: when a rule or benefit applies. */
const RULE_APPLIES_AFTER = /^[ \u3000]{0,2}(?:[^，,。；;]{0,12}?(?:可继续)?(?:施行|生效|废止|免征|减征|免收|享受))/;
/** 截至2018年底，全省已建成100个: the date of a count already made, not a time anything is due */
const STATE_AFTER = /已经?|共有|现有|累计已/;
/** 年度药品总用量 / 年度Token（词元）消耗量: the year's amount, not a yearly act */
const AMOUNT_AFTER = /^[^，,。；;]{0,12}(?:总量|用量|总额|数量|消耗量|消费量|使用量|金额|费用)/;
/** 列入国民经济和社会发展计划和年度计划 */
const PLAN_INCLUSION_BEFORE = /(?:列入|纳入|编入)[^，,。；;]{0,30}$/;

/** 每年年末…报告年度…情况: the same recurring requirement mentioned twice in one clause. */
function repeats(prev: Deadline | undefined, d: Deadline): boolean {
  return (
    d.kind === 'recurring' &&
    prev?.kind === 'recurring' &&
    prev.frequency === d.frequency &&
    prev.clause === d.clause
  );
}

/** Every time requirement written in a task's text, in order of appearance. */
export function extractDeadlines(text: string, docYear?: number): Deadline[] {
  const out: Deadline[] = [];
  if (!text) return out;
  let cursor: Cursor | undefined; // made at the first match: most texts hold none
  for (let m = nextDeadline(text, 0); m !== null; m = nextDeadline(text, m.index + Math.max(m[0].length, 1))) {
    if (m[0].length === 0) continue;
    const s = m.index;
    const e = s + m[0].length;
    cursor ??= new Cursor(text);
    if (cursor.inTitle(s)) continue;
    const match = m;
    const found = interpret((name) => match[GROUP[name]], text, s, e, docYear);
    if (!found) continue;
    if ((found.kind === 'by' || found.kind === 'range' || found.kind === 'from') && (inPlanParen(text, s, e) || isPolicyTerm(text, s))) continue;
    if (notARequirement(found, (name) => match[GROUP[name]], text, s, e)) continue;
    const step = match[GROUP.month] !== undefined && !match[GROUP.mMs] && !match[GROUP.mBefore] && !match[GROUP.mStart] && !match[GROUP.mD];
    const d: Deadline = { text: m[0].trim(), ...found, clause: step ? stepClause(text, s) : cursor.clause(s, e) };
    if (!repeats(out[out.length - 1], d)) out.push(d);
  }
  const withDuties = text.includes('常态化') || text.includes('定期') ? withRegularDuties(text, out, cursor) : out;
  // 此项工作长期坚持 / 该项任务持续推进: the measure's own time said in a sentence, as a time field would
  const open = ONGOING_SENTENCE.exec(text);
  if (open && !withDuties.some((d) => d.kind === 'ongoing' && !isRegularDuty(d))) return [...withDuties, { text: open[1], kind: 'ongoing', clause: open[0] }];
  return withDuties;
}

const ONGOING_SENTENCE = /(?:此项|该项|本项)(?:工作|任务)(长期坚持|持续推进|长期推进|常态化推进)/;

/** 常态化举办 / 定期发布: a duty done regularly, no cycle named (an adverb before the act; 常态化推进机制 names a mechanism). */
// (不定期 is the opposite: now and then, no cycle)
const REGULAR_DUTY = /(?<!不)(?:常态化|定期)(?:开展|举办|组织|发布|公布|监测|推进|召开|实施|更新|梳理|排查|检查|督查|督导|巡查|宣传|培训|对接|举行|征集|评估|通报|调度|走访|路演|调研|总结|跟进|报告|报送|分析|会商|研究)(?![^，,。；;、]{0,4}(?:机制|制度|体系))/g;

/**
 * A regular duty read from running text (常态化举办 in a sentence), not from a time field: it answers a
 * cycle the other plan names (常态化举办 → 每年举办: changed), but alone it says how the work is done,
 * not a time the lower level kept or dropped.
 */
export function isRegularDuty(d: Deadline): boolean {
  // a time field's 常态化 is the word alone; running text's is the word with its act (常态化举办)
  return d.kind === 'ongoing' && /^(?:常态化|定期)./.test(d.text);
}

/** The deadlines with each regular duty added in its place, unless its clause names a cycle already (每年常态化开展). */
function withRegularDuties(text: string, out: Deadline[], cursor: Cursor | undefined): Deadline[] {
  const found: { at: number; d: Deadline }[] = [];
  REGULAR_DUTY.lastIndex = 0;
  for (let m = REGULAR_DUTY.exec(text); m; m = REGULAR_DUTY.exec(text)) {
    cursor ??= new Cursor(text);
    if (cursor.inTitle(m.index)) continue;
    const clause = cursor.clause(m.index, m.index + m[0].length);
    if (out.some((d) => d.clause === clause) || found.some((f) => f.d.clause === clause)) continue;
    found.push({ at: m.index, d: { text: m[0], kind: 'ongoing', clause } });
  }
  if (!found.length) return out;
  const placed = out.map((d) => ({ at: text.indexOf(d.clause), d }));
  return [...placed, ...found].sort((a, b) => a.at - b.at).map((x) => x.d);
}


/**
 * The year an undated plan speaks from: the first year of the period its title names
 * (实施方案（2026-2028年） → 2026), so 5月 and 年底前 in it have a year. Undefined when it names none.
 */
export function periodStartYear(title: string | undefined): number | undefined {
  const m = title ? PERIOD_IN_TITLE.exec(title) : null;
  return m ? readNumber(m[1]) : undefined;
}
/** The year a title's work is for: 2026年工作要点, 2026年度重点工作任务清单, 2011年县政府重点工作任务分解表. */
export function workYear(title: string | undefined): number | undefined {
  const m = title ? WORK_YEAR.exec(title) : null;
  return m ? readNumber(m[1]) : undefined;
}
const WORK_YEAR = /([0-9０-９]{4})[ \u3000]{0,2}年度?[^，。；（(]{0,16}?(?:工作要点|工作任务|重点工作|工作计划|任务清单|实施计划|工作安排|重点任务|任务分解|责任分解|工作清单)/;
const PERIOD_IN_TITLE = /[（(][ \u3000]{0,2}([0-9０-９]{4})[ \u3000]{0,2}年?[ \u3000]{0,2}(?:[—―]{1,2}|[-－–~～]|至|到)[ \u3000]{0,2}[0-9０-９]{4}[ \u3000]{0,2}年?[ \u3000]{0,2}[）)]/;

/** The 时间要求 cell of a key-task table: its first requirement, with the whole cell as the clause. */
export function parseDeadlineCell(cell: string, docYear?: number): Deadline {
  // a time field written as a clause (2013年9月30日前完成) is the time alone: it governs the whole task
  const clause = cell.trim().replace(/(?<=[前底日月年])完成$/, '');
  // a month alone in a time cell (12月, 9月份) is the month's end, as 12月底前 would say
  const month = /^(\d{1,2})月份?$/.exec(clause);
  const first = extractDeadlines(month ? `${month[1]}月底前` : clause, docYear)[0];
  if (first && month) return { ...first, text: clause, clause };
  if (first) return { ...first, clause };
  const ongoing = CELL_ONGOING.exec(clause);
  if (ongoing) return { text: ongoing[0], kind: 'ongoing', clause };
  const vague = CELL_UNSPECIFIED.exec(clause);
  if (vague) return { text: vague[0], kind: 'unspecified', clause };
  return { text: clause, kind: 'other', clause };
}

/** The date a dated requirement is measured by: the deadline, a range's end, a start. */
function measure(d: Deadline): string | undefined {
  if (d.kind === 'by') return d.date;
  if (d.kind === 'range') return d.end ?? d.date;
  if (d.kind === 'from') return d.start;
  return undefined;
}

/** 10月底前, 4月15日前, 3月下旬, 12月 written with no year: its month, and its day or part of the month. */
const MONTH_NO_YEAR = /^(\d{1,2})月(?:(\d{1,2})[日号]|(上旬|中旬|下旬|底|末))?/;
const PART_DAY: Record<string, number> = { 上旬: 10, 中旬: 20 };
/** 年底前 / 年末 / 年内 / 今年底 with no year written: the end of some year. */
const YEAR_END = /^(?:今|本|当)?年(?:底|末|内)/;

/**
 * An undated 'by' read in the year `dated` (YYYY-MM-DD) names, when a notice states no year of its own:
 * 年底前 → that year's end, 10月底前 / 4月15日前 → that month and day (undefined for any other time).
 */
function inYearOf(dated: string, d: Deadline): string | undefined {
  if (d.kind !== 'by') return undefined;
  const year = Number(dated.slice(0, 4));
  if (YEAR_END.test(d.text)) return `${year}-12-31`;
  const m = MONTH_NO_YEAR.exec(d.text);
  if (!m) return undefined;
  const month = Number(m[1]);
  if (!(month >= 1 && month <= 12)) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[2] ? Math.min(Number(m[2]), last) : (PART_DAY[m[3] ?? ''] ?? last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Local relative to base: 'earlier'/'later' compare end dates; kinds that cannot be compared are 'changed'. */
export function compareDeadlines(base: Deadline, local: Deadline): 'same' | 'earlier' | 'later' | 'changed' {
  const kinds = new Set([base.kind, local.kind]);
  if (kinds.has('from') && kinds.has('recurring')) return 'same'; // both open-ended, ongoing
  // 到2028年举办100场 → 自2026年起每年举办: a start is no deadline, neither earlier nor later than one
  if (kinds.has('from') && kinds.size === 2) return 'changed';
  let a = measure(base);
  let b = measure(local);
  // a time with no year on one side is of the year the other side dates (年底前 → 2023年11月底前 is earlier)
  if (a && !b) b = inYearOf(a, local);
  if (b && !a) a = inYearOf(b, base);
  if (a && b) return b < a ? 'earlier' : b > a ? 'later' : 'same';
  if (base.kind !== local.kind) return 'changed';
  switch (base.kind) {
    case 'recurring': {
      if ((base.frequency ?? '') !== (local.frequency ?? '')) {
        // 每季度 → 每半年: a longer cycle asks less often (later); an unknown cycle is only changed
        const a = periodDays(base.frequency);
        const b = periodDays(local.frequency);
        return a && b && a !== b && sameAct(base, local) ? (b < a ? 'earlier' : 'later') : 'changed';
      }
      // 每年12月底清理 → 每年清理: the date within the cycle was dropped (or added, or moved)
      const a = cyclePoint(base.text);
      const b = cyclePoint(local.text);
      if (a === b) return 'same';
      const dated = /^\d\d-\d\d$/;
      if (!a || !b || !dated.test(a) || !dated.test(b)) return 'changed'; // 每季度末 vs 每季度初: no order kept
      return b < a ? 'earlier' : 'later';
    }
    case 'duration': {
      const a = durationOf(base.text);
      const b = durationOf(local.text);
      if (!a || !b || a.unit !== b.unit) return a?.unit === b?.unit ? 'same' : 'changed';
      return b.amount < a.amount ? 'earlier' : b.amount > a.amount ? 'later' : 'same';
    }
    case 'follows':
    case 'ongoing': // 长期坚持 and 持续推进 say the same
    case 'unspecified':
      return 'same';
    default: // an undated 'by' (10月底前 without the year), an event (放暑假前) or 'other': compare as written
      return base.text.replace(/\s/g, '') === local.text.replace(/\s/g, '') ? 'same' : 'changed';
  }
}

const UNIT_DAYS: Record<string, number> = { years: 365, quarters: 91, months: 30, 'ten-day-periods': 10, weeks: 7, days: 1 };
const NAMED_DAYS: Record<string, number> = { yearly: 365, 'half-yearly': 182, biennial: 730, quarterly: 91, monthly: 30, 'half-monthly': 15, 'ten-daily': 10, weekly: 7, biweekly: 14, daily: 1 };

/** Words of a cycle and its points (每季度, 按月, 年初, 定期, 一次), left out when comparing acts. */
const CYCLE_WORDS = /[每按逐]?(?:年度|季度|半年|年|季|月|周|旬|日|天)(?:初|中|末|底)?|定期|[一两二三四1-9]次/g;

/** Bigrams of a clause with its time words taken out: what is done, not how often. */
function actGrams(d: Deadline): Set<string> {
  const t = d.clause.replace(CYCLE_WORDS, '').replace(/[^\u4e00-\u9fff]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/**
 * Two cycles of one act (每季度发布清单 → 每半年发布清单) are ordered by their length; a schedule
 * rewritten as other acts (年初有清单、年末有考评 → 每月通报) is only changed.
 */
function sameAct(a: Deadline, b: Deadline): boolean {
  const x = actGrams(a);
  const y = actGrams(b);
  if (!x.size || !y.size) return false;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size) >= 0.6;
}

/** How many days a cycle lasts (undefined when the cycle is unknown). */
function periodDays(f: Deadline['frequency']): number | undefined {
  if (!f) return undefined;
  if (NAMED_DAYS[f]) return NAMED_DAYS[f];
  const m = /^every-(\d+)-(.+)$/.exec(f);
  return m && UNIT_DAYS[m[2]] ? Number(m[1]) * UNIT_DAYS[m[2]] : undefined;
}

export function sameDeadline(a: Deadline, b: Deadline): boolean {
  return compareDeadlines(a, b) === 'same';
}
