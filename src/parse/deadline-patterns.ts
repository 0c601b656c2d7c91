// The building blocks of deadline recognition: one alternation of bounded patterns (no nested
// quantifiers, every repetition has a small upper bound) so a scan is linear in the text length,
// plus the numeral and calendar helpers that turn a match into ISO dates.

import { ISSUING_ACTS, YEAR_EVENTS } from '../vocabulary.js';

const SP = '[ \\u3000\\t]{0,2}'; // stray spaces left by PDF extraction: "2020 年底前"
const DIGIT = '[0-9０-９]';
const YEAR = `(?:${DIGIT}{4}|[〇零一二三四五六七八九]{4})`;
const MON = `(?:${DIGIT}{1,2}|十[一二]?|[一二三四五六七八九])`;
const DAY = `(?:${DIGIT}{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])`;
const COUNT = `(?:${DIGIT}{1,2}|[一二两三四五六七八九十半]{1,3})`;
/** Not inside a longer number: 12345政务热线 holds no year. */
const NOT_AFTER_NUM = '(?<![0-9０-９〇零一二三四五六七八九十两])';
/** A count of years that is not part of 每三年, 近三年, 连续两年, 用3年. */
const NOT_AFTER_COUNT = '(?<![0-9０-９〇零一二三四五六七八九十两半每近前后续这那第用过])';
/** Issuers whose rules a 执行…规定 requirement defers to. */
const AUTH =
  '党中央|中央|国务院|国家|上级|省市委|省委|省政府|市委|市政府|县委|县政府|区委|区政府|省|市|县|区|和|、|及|与|有关|相关|统一';
/** Words after a bare year that make it a target: 2022年全面实现…, 2020年基本建成… */
const VERBS = '全面|基本|实现|完成|建成|建立|达到|初步|率先|全部|形成|确保|前后|左右|提前';
/** What must follow 2018年 when no 到/从 precedes it (a cheap filter: 2018年政府工作报告 is no match). */
const DATE_MARK = `(?:${MON}${SP}月|上半年|下半年|第|[一二三四1-4１-４]${SP}季度|年|底|末|内|以内|之前|以前|前|起|开始|以后|以来|${VERBS})`;
/** The events of a year and the acts that issue a document (vocabulary.ts), longest first. */
const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const EVENT_WORDS = longestFirst(YEAR_EVENTS);
const ISSUE_WORDS = longestFirst(ISSUING_ACTS);
const CYCLE_PART = '[^、，,。；;\\n的]{1,6}';
/** Organs and areas whose 年度… names their own annual items (市政府年度重大事项), not a yearly act. */
const ANNUAL_OWNER = '政府|党委|党组|部门|单位|机关|[省市县区乡镇]委|对[省市县区乡镇]|[省市县区乡镇]级';

const ALTERNATIVES = [
  // 年初有清单、年中有督查、年末有考评、全年有台账: one yearly cycle
  `(?<cycle>年初${CYCLE_PART}[、，,]${SP}(?:年中${CYCLE_PART}[、，,]${SP})?年末${CYCLE_PART}(?:[、，,]${SP}全年${CYCLE_PART})?)`,
  // a stage of months: 1997年4―6月, 2019年4月至6月, 1997年10月——1998年2月 (compared by its end)
  `(?<months>${NOT_AFTER_NUM}(?<mrY1>${YEAR})${SP}年${SP}(?<mrM1>${MON})${SP}月?${SP}(?:[—―]{1,2}|[-－–~～]|至|到)${SP}(?:(?<mrY2>${YEAR})${SP}年${SP})?(?<mrM2>${MON})${SP}月(?:${SP}(?:底|末))?)`,
  // 2018—2022年, 2018年至2020年, 从2018年到2020年
  `(?<range>(?:从|自)?${SP}${NOT_AFTER_NUM}(?<rY1>${YEAR})${SP}(?<rN1>年)?${SP}(?:[—―]{1,2}|[-－–~～]|至|到)${SP}(?<rY2>${YEAR})${SP}(?<rN2>年)?(?:${SP}(?:底|末))?(?:${SP}(?:之前|以前|前))?)`,
  // 到2022年, 2018年9月底前, 2019年上半年, 2019年一季度, 2018年起, 自2018年起
  // (a year heading a clause with no mark after it is read too: 2026年打造…20款 is a target year when the clause sets an amount)
  // (and a year an aim is set for: 力争2025年…不低于3.5人)
  `(?<dated>(?:(?<dPre>(?:(?:力争|争取)${SP})?(?:截至|截止到|截止|直到|到|至))|(?<=(?<dAim>力争|争取)${SP}[在于]?${SP})(?=${YEAR}${SP}年)|(?<dFrom>从|自)|(?=${YEAR}${SP}年${SP}${DATE_MARK})|(?<=(?:^|[，,；;。：:\n])[在于]?)(?=${YEAR}${SP}年))${SP}${NOT_AFTER_NUM}(?<dY>${YEAR})${SP}年${SP}` +
    `(?:(?<dM>${MON})${SP}(?:月|(?=底))(?:${SP}(?<dD>${DAY})${SP}[日号])?(?:${SP}(?<dMs>底|末|上旬|中旬|下旬))?` +
    `|(?<dH>上半年|下半年)|第?${SP}(?<dQ>[一二三四1-4１-４])${SP}季度(?:末|底)?|(?<dE>年?(?:底|末)|年中)|(?<dIn>内|以内)(?![容部涵在]))?` +
    `(?:${SP}(?<dBefore>之前|以前|前)|(?<dStart>${SP}(?:起|开始|以后|以来)))?)`,
  // “九五”期间, “十四五”末: a five-year-plan period (compared by its end)
  `(?<fyp>(?<fN>[一二三四五六七八九十]{1,2})五${SP}[”"」’']?${SP}(?<fPart>期间|时期|期末|末))`,
  // 年底前 / 今年底 / 年内 without a year: the document's year (not 两年内, 多年内: a count of years)
  `(?<bare>(?<![0-9０-９〇零一二三四五六七八九十每年])(?<bY>今|本|当|明)?年${SP}(?:(?:底|末)${SP}(?<bBefore>之前|以前|前)?|(?<![两半几多近上去前往]年)(?<bIn>内)(?![容部涵在外]|${SP}(?:持续|长期|常态|不断|逐步))))`,
  // 今明两年 (this year and next): the end of the next year
  `(?<twoY>今明两年)`,
  // 10月底前, 6月30日前, 明年3月底前
  `(?<month>(?<![0-9０-９〇零一二三四五六七八九十年个度第])(?<mY>今年|本年|当年|明年)?(?<mM>${MON})${SP}月(?:${SP}(?<mD>${DAY})${SP}[日号])?(?:${SP}(?<mMs>底|末|上旬|中旬|下旬))?(?:${SP}(?<mBefore>之前|以前|前)|(?<mStart>${SP}(?:起|开始)))?)`,
  // 每年, 每年度, 每季度, 每月, 每半年, 每两年, 每两周, 每年年底前, 每年12月底; 每1—2周 (the longer cycle)
  `(?<every>每${SP}(?:个${SP})?(?:(?:[1-4１-４一二三四]${SP}[—–－~～至-]${SP})?(?<eN>半|[一两二三四五2-5２-５])${SP}个?${SP})?(?<eU>年度|年|季度|季|月|周|星期|旬|天|日)` +
    `(?:${SP}(?:年(?:底|末|初|中)|上半年|下半年|第?[一二三四1-4]季度末?|底|末|初|(?:${MON}${SP}月)?(?:${SP}${DAY}${SP}[日号])?(?:${SP}(?:底|末|初|上旬|中旬|下旬))?)${SP}(?:之前|以前|前)?)?)`,
  // 次月10日前, 下月底前: each month, by a day of the month after (a monthly report or settlement)
  `(?<nextMonth>(?:次|下)${SP}月${SP}(?:${DAY}${SP}[日号]|底|末)${SP}(?:之前|以前|前))`,
  // 月度抵扣, 月度调度: done each month (not 本月度, 上月度: one month named)
  `(?<monthly>(?<![本上下当该每])月度(?=${SP}[\u4e00-\u9fff]))`,
  // 一年一次, 两年一度, 半年一次
  `(?<per>${NOT_AFTER_NUM}(?<pN>[一两二三半])${SP}年${SP}一${SP}[次度])`,
  // 逐年, 逐季, 逐月
  `(?<step>逐(?<sU>年|季|月))`,
  // 分月、季、年进行通报: reports at several periods, the shortest first (one period alone, 分年度实施, is a phasing)
  `(?<split>分${SP}(?<spU>月|季度|季|周|年度|年)(?:${SP}[、，,和及]?${SP}(?:月|季度|季|周|年度|年)){1,3}${SP}(?:进行|开展|报送|通报|报告|公布|考核|评估|调度))`,
  // 按年度, 按季度, 按月
  `(?<perUnit>按照?${SP}(?<uU>年度|季度|月度|季|月(?!份)|周))`,
  // 年度 as in 制订年度…计划 (not 2018年度, 本年度, 上年度; not 市政府年度重大事项, 省对市年度考核事项,
  // where 年度 qualifies an organ's or area's existing set of items rather than asking for a yearly act)
  // (nor 年度及以上中长期合同 / 年度合同: the term a contract runs, not a yearly act;
  //  nor 年度中央财政资金, 财政年度…资金, 年度预算: the year's money, allotted, not an act done each
  // year; nor 完成年度计划, a plan's year already set; nor 年度销售收入 / 年度实际销售额 / 年度运营绩效, the
  // year's figures a subsidy is measured by)
  `(?<annual>(?<![0-9０-９〇零一二三四五六七八九十每本上下当今明去前该半跨财])(?<!${ANNUAL_OWNER}|财政|完成)年度(?!${SP}(?:中央|省级|市级|县级|地方)?${SP}(?:财政|预算|资金|经费|专项|投资|补助|转移支付|销售|收入|营收|营业|产值|利润|税收|实际|消耗|用量|运营|绩效|总量|总额|及以上|以上|中长期|合同|协议)))`,
  // 全年至少撰写1篇
  `(?<whole>全年(?=${SP}(?:至少|不少于|不低于)))`,
  // 用3年时间, 力争用三年时间, 经过两年左右努力
  `(?<use>(?:(?:力争|争取)${SP})?(?:用|经过|通过|利用)${SP}(?<uN>${COUNT})${SP}个?${SP}(?<uT>年|月)${SP}半?${SP}(?:左右)?${SP}的?${SP}(?:时间|努力))`,
  // 3年内, 三个月内
  `(?<within>${NOT_AFTER_COUNT}(?<wN>${COUNT})${SP}个?${SP}(?<wT>年|月)${SP}(?:之内|以内|内)(?![容部涵在]))`,
  // (之日起)10天内, (受理后)10个工作日内: a short count after 后/起 is a time limit, unlike 前三年
  // (not 7月1日内: a day count never follows 月)
  `(?<withinDays>(?<![0-9０-９〇零一二三四五六七八九十两半每近第月])(?<wdN>${COUNT})${SP}个?${SP}(?:工作日|天|日|周|星期)${SP}(?:之内|以内|内)(?![容部涵在]))`,
  // 三年轮训行动, 三年攻坚
  `(?<campaign>${NOT_AFTER_COUNT}(?<cN>${COUNT})${SP}年${SP}(?:轮训|攻坚|行动)(?:行动)?)`,
  // 执行党中央和省委规定, 执行国家规定, 按上级规定执行
  `(?<follows>执行${SP}(?:${AUTH}){1,8}${SP}的?${SP}规定|按照?${SP}(?:${AUTH}){1,8}${SP}规定执行)`,
  // a time set by an event of the year, not the calendar: 放暑假前, 毕业生离校前, 离校后3个月内, 汛期前,
  // 春节期间, 重大节日期间 (answered by a date, it is changed; the same event on both sides is no change)
  // (not 2013年汛期前, the year's own; not 离校2年内未就业 / 毕业5年内的高校毕业生: who qualifies, not when)
  `(?<event>(?<!年)(?:毕业生?)?(?:${EVENT_WORDS})(?:${SP}(?:之前|以前|前(?!后)|期间)|${SP}后?${SP}(?:${COUNT})${SP}个?${SP}(?:月|年|天|日|周|工作日)${SP}(?:之内|以内|内)(?!的|高校|未就业|[\u4e00-\u9fff]{0,2}(?:毕业生|学生))))`,
  // a time counted from a document to come: 省出台文件后2个月完成, 方案印发后30日内 (an event too)
  `(?<issued>(?:${ISSUE_WORDS})${SP}(?:文件|方案|政策|意见|办法|细则|通知|规划)?${SP}后${SP}(?:${COUNT})${SP}个?${SP}(?:月|天|日|周|工作日)(?:${SP}(?:之内|以内|内))?)`,
  // 适时完成 (a bare 适时 only counts in a 时间要求 cell)
  `(?<timely>适时${SP}(?:完成|出台|开展|启动|组建))`,
];

const NAMED = ALTERNATIVES.join('|');
// Named groups document the patterns; the compiled regex uses plain numbered groups (exec is about
// twice as fast without building a groups object per match), looked up through GROUP.
const NAME = /\(\?<([A-Za-z0-9]+)>/g;
/** Capturing-group number of each named group (every capturing group in NAMED is named). */
export const GROUP: Record<string, number> = {};
let groupCount = 0;
for (const m of NAMED.matchAll(NAME)) GROUP[m[1]] = ++groupCount;
const NUMERAL = '[0-9０-９〇零一二三四五六七八九十两]';
// Every alternative starts with one of these characters (or words), and one starting with a numeral never
// follows another numeral: the leading lookaheads let the engine skip ordinary text quickly. Where
// a character can only start a word (全 only 全年, 执 only 执行), the lookahead asks for the word:
// 全面, 执法, 能力, 分类, 通知, 本地 then cost one comparison instead of a try of every alternative.
const FIRST =
  '(?:[0-9０-９〇零一二三四五六七八九十两半每按用到至从自]|年[初度底末内 \\u3000\\t]|[今本当明]年|今明两年|全年|执行|适时|逐[年季月]|[次下][ \\u3000\\t]*月|月度' +
  '|经过|通过|利用|力争|争取|截[至止]|直到|分[ \\u3000\\t月季周年]|' +
  // an event's or an issuing act's first two characters (放暑, 离校, 出台)
  [...new Set([...YEAR_EVENTS, ...ISSUING_ACTS].map((w) => w.slice(0, 2)))].join('|') +
  ')';
const SOURCE = `(?=${FIRST})(?:(?<!${NUMERAL})|(?!${NUMERAL}))(?:${NAMED.replace(NAME, '(')})`;

/** The one global regex matching every candidate time expression (tests compare nextDeadline with it). */
const DEADLINE_RE = new RegExp(SOURCE, 'g');

/** The global matcher, reset. */
export function deadlineRegex(): RegExp {
  DEADLINE_RE.lastIndex = 0;
  return DEADLINE_RE;
}

/** The same regex, tried at one position (sticky). */
const DEADLINE_AT = new RegExp(SOURCE, 'y');

// The same start conditions as the leading lookaheads, read from tables in the caller's loop: a
// regular expression that starts with a lookahead cannot skip ahead quickly and tried every one of
// the characters (some 30 ns each); a table read is about one.
const START = new Uint8Array(0x10000); // 1: may start a match; 2: only with one of NEXT[c] after it
const NEXT = new Map<number, string>();
const IS_NUMERAL = new Uint8Array(0x10000);
for (const ch of '0123456789０１２３４５６７８９〇零一二三四五六七八九十两') IS_NUMERAL[ch.charCodeAt(0)] = 1;
START['按'.charCodeAt(0)] = 1; // 按 SP then a period word or any of the issuers of 按…规定执行
// what may follow the first character of a match, alternative by alternative: a numeral starts a
// year (more numerals), a month (MON SP 月) or a count (COUNT SP 个? SP 年/月/工作日/天/日/周/星期/年一次)
const SPACES = ' \u3000\t';
const DIGITS = '0123456789０１２３４５６７８９';
const AFTER_COUNT = `${SPACES}年月个工天日周星`;
for (const [chars, next] of [
  [DIGITS, DIGITS + AFTER_COUNT],
  ['〇零一二三四五六七八九十两半', '〇零一二三四五六七八九十两半' + AFTER_COUNT],
  ['用', SPACES + DIGITS + '一二两三四五六七八九十半'],
  ['到至从自', SPACES + DIGITS + '〇零一二三四五六七八九'],
  ['每', `${SPACES}个半一两二三四五12345１２３４５年季月周星旬天日`],
  ['年', '初度底末内 \u3000\t'], ['本当明', '年'], ['今', '年明'], ['全', '年'], ['执', '行'], ['适', '时'], ['逐', '年季月'],
  ['经通', '过'], ['利', '用'], ['力', '争'], ['争', '取'], ['截', '至止'], ['直', '到'], ['分', ' \u3000\t月季周年'],
  ['次下', ' \u3000\t月'], ['月', '度'],
] as const) {
  for (const ch of chars) {
    START[ch.charCodeAt(0)] = 2;
    NEXT.set(ch.charCodeAt(0), next);
  }
}
// the events of a year and the acts that issue a document (放暑假前, 汛期前, 出台文件后2个月): each
// word's first character, with its second after it
for (const w of [...YEAR_EVENTS, ...ISSUING_ACTS]) {
  const c = w.charCodeAt(0);
  START[c] = 2;
  NEXT.set(c, (NEXT.get(c) ?? '') + w[1]);
}

/**
 * The first time expression at or after `from`: what the global regex's exec would return with
 * lastIndex = from (the leftmost position where the pattern matches), found by trying the sticky
 * regex only where the start conditions hold.
 */
export function nextDeadline(text: string, from: number): RegExpExecArray | null {
  const n = text.length;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = START[c];
    if (k === 0) continue;
    if (k === 2 && (i + 1 >= n || !NEXT.get(c)!.includes(text[i + 1]))) continue;
    if (IS_NUMERAL[c] === 1 && i > 0 && IS_NUMERAL[text.charCodeAt(i - 1)] === 1) continue;
    DEADLINE_AT.lastIndex = i;
    const m = DEADLINE_AT.exec(text);
    if (m !== null) return m;
  }
  return null;
}

/** Requirements only recognised when they make up a 时间要求 cell on their own. */
export const CELL_UNSPECIFIED = /适时|根据[^，。；,;]{0,8}需要|视情况?|按需|另行通知|待定/;
/** A time field saying the work goes on without end (完成时限：长期坚持 / 持续推进 / 常态化): a deadline of its own kind. */
export const CELL_ONGOING = /长期坚持|持续推进|长期|常态化|常态工作|常态|持续开展|持续/;

export const TARGET_VERB = new RegExp(`^${SP}(?:${VERBS})`);

/** A plan or document name right before a parenthesis holding its period: 行动计划（2018—2020年）. */
const PLAN_NAME_END = /(?:计划|规划|方案|纲要|意见|办法|行动|工程|条例|规则|细则|规定|决定|通知|战略|要点|[”》」"])$/;

const CN_DIGITS = '〇零一二三四五六七八九';

function cnDigit(ch: string): number {
  if (ch === '两') return 2;
  const i = CN_DIGITS.indexOf(ch);
  return i < 0 ? NaN : i <= 1 ? 0 : i - 1;
}

/** 2018, ２０１８, 二〇一八, 十二, 二十一, 两, 半 (0.5) → number (NaN when unreadable). */
export function readNumber(s: string): number {
  let arabic = s.length > 0 ? 0 : -1;
  for (let i = 0; i < s.length && arabic >= 0; i++) {
    const c = s.charCodeAt(i);
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : -1;
    arabic = d < 0 ? -1 : arabic * 10 + d;
  }
  if (arabic >= 0) return arabic; // ASCII or full-width digits
  if (s === '半') return 0.5;
  const ten = s.indexOf('十');
  if (ten >= 0) {
    const hi = ten === 0 ? 1 : cnDigit(s.slice(0, ten));
    const lo = ten === s.length - 1 ? 0 : cnDigit(s.slice(ten + 1));
    return hi * 10 + lo;
  }
  let n = 0;
  for (const ch of s) n = n * 10 + cnDigit(ch);
  return n;
}

/** The years of the n-th five-year plan (九五 → 9 → 1996—2000); the third began in 1966. */
export function fivePlanYears(n: number): [number, number] | undefined {
  if (!(n >= 3 && n <= 40)) return undefined;
  const first = 1966 + 5 * (n - 3);
  return [first, first + 4];
}

const pad = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function lastDay(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : MONTH_DAYS[month - 1];
}

/** ISO date, or undefined when the parts do not make a calendar date. */
export function iso(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1900 && year <= 2199 && month >= 1 && month <= 12)) return undefined;
  if (!(day >= 1 && day <= lastDay(year, month))) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A month reference (上旬/中旬/下旬/底 or a day) → [first day, last day] of what it names. */
export function monthSpan(year: number, month: number, day?: number, part?: string): [string?, string?] {
  if (day !== undefined) return [iso(year, month, day), iso(year, month, day)];
  if (part === '上旬') return [iso(year, month, 1), iso(year, month, 10)];
  if (part === '中旬') return [iso(year, month, 11), iso(year, month, 20)];
  if (part === '下旬') return [iso(year, month, 21), iso(year, month, lastDay(year, month))];
  return [iso(year, month, 1), month >= 1 && month <= 12 ? iso(year, month, lastDay(year, month)) : undefined];
}

const SPACE = ' \u3000\t';

/** 行动计划（2018—2020年）, or a subtitle line that is only （2018—2022 年）: a plan's period, not a requirement. */
export function inPlanParen(text: string, s: number, e: number): boolean {
  let i = s - 1;
  while (i >= 0 && SPACE.includes(text[i])) i--;
  if (text[i] !== '（' && text[i] !== '(') return false;
  let j = e;
  while (j < text.length && SPACE.includes(text[j])) j++;
  if (text[j] !== '）' && text[j] !== ')') return false;
  let k = i - 1;
  while (k >= 0 && SPACE.includes(text[k])) k--;
  return k < 0 || text[k] === '\n' || PLAN_NAME_END.test(text.slice(Math.max(0, k - 1), k + 1));
}

/**
 * Whether a period is the policy's own term (执行期限为2019年1月1日至2023年12月31日, 有效期至2025年底):
 * how long the measures apply, not a time by which anything is to be done.
 */
export function isPolicyTerm(text: string, s: number): boolean {
  // the term word, then only its dates before this one (…为2019年1月1日至 2023年12月31日)
  return /(?:执行期限|实施期限|有效期限?|执行期|施行期限)[为至到：:]?[^，,。；;]{0,16}$/.test(text.slice(Math.max(0, s - 24), s));
}

/** Length of a duration in months: 用3年时间 → 36, 三个月内 → 3, 一年半 → 18. */
export function months(text: string): number | undefined {
  const d = durationOf(text);
  return d?.unit === 'month' ? d.amount : undefined;
}

/**
 * Length of a duration, in the unit it can be compared in: months (年, 月), days (天, 日, 周) or
 * working days (工作日, which no calendar count equals): 用3年时间 → 36 month, 10个工作日内 → 10 workday.
 */
export function durationOf(text: string): { amount: number; unit: 'month' | 'day' | 'workday' } | undefined {
  const m = /([0-9０-９]{1,3}|[一二两三四五六七八九十半]{1,3})个?(工作日|年|月|周|星期|天|日)(半?)/.exec(text);
  if (!m) return undefined;
  const n = readNumber(m[1]);
  if (Number.isNaN(n)) return undefined;
  const half = m[3] ? 0.5 : 0;
  switch (m[2]) {
    case '年':
      return { amount: (n + half) * 12, unit: 'month' };
    case '月':
      return { amount: n + half, unit: 'month' };
    case '周':
    case '星期':
      return { amount: n * 7, unit: 'day' };
    case '工作日':
      return { amount: n, unit: 'workday' };
    default:
      return { amount: n, unit: 'day' };
  }
}

/** What a plan's name ends with: 三年行动方案 names a plan, it sets no time for a task. */
export const PLAN_DOCUMENT_AFTER = new RegExp(`^${SP}(?:方案|计划|规划|纲要|意见|实施方案)`);

/**
 * The point within its cycle a recurring requirement names, as MM-DD (每年12月底 → 12-31, 每年年底 →
 * 12-31, 每年上半年 → 06-30), or undefined when it names none (每年, 每季度).
 */
export function cyclePoint(text: string): string | undefined {
  const compact = text.replace(/\s/g, '');
  const m = /每[^年季月周旬]{0,3}(?:年度|年)(.*)$/.exec(compact);
  if (!m) {
    // 每月10日前 / 次月10日前: a day of the month, in order (00-10 before 00-12; 月底 is 00-31)
    const monthDay = /(?:每[^年季月周旬]{0,3}|^[次下])月(?:(\d{1,2})[日号]|[底末])/.exec(compact);
    if (monthDay) return `00-${pad(monthDay[1] ? Number(monthDay[1]) : 31)}`;
    // 每季度末: a point in another shorter cycle, compared as written (末 and 底 alike)
    const short = /每[^年季月周旬]{0,3}(?:季度|季(?!度)|月|周|旬)(.+)$/.exec(compact);
    return short ? short[1].replace(/底/g, '末').replace(/之?前$|以前$/, '') : undefined;
  }
  const rest = m[1];
  if (/^年?(?:底|末)|^下半年/.test(rest)) return '12-31';
  if (/^年?初/.test(rest)) return '01-31';
  if (/^年中|^上半年/.test(rest)) return '06-30';
  const q = /^第?([一二三四1-4])季度/.exec(rest);
  if (q) return `${pad(readNumber(q[1]) * 3)}-${pad(lastDay(2001, readNumber(q[1]) * 3))}`;
  const md = new RegExp(`^(${MON})月(?:(${DAY})[日号])?(上旬|中旬|下旬)?`).exec(rest);
  if (!md) return undefined;
  const month = readNumber(md[1]);
  if (!(month >= 1 && month <= 12)) return undefined;
  const day = md[2] ? readNumber(md[2]) : md[3] === '上旬' ? 10 : md[3] === '中旬' ? 20 : lastDay(2001, month);
  return `${pad(month)}-${pad(day)}`;
}
