// What a task requires, clause by clause: its numeric targets (a comparator, a number and a unit,
// measuring an indicator: 网上可办率达到90%以上) and its obligation clauses (each requirement
// sentence with the strength of the word that states it: 确保 binding, 力争 encouraged, 不得
// prohibited). Read once per task at parse time; diff/requirements.ts compares them across links.
import type { Obligation, Target } from '../model.js';
import { AIM_WORDS, BENEFIT_VERBS, INDICATOR_GRANT, INDICATOR_LEAD, STRENGTH_RANK, STRENGTH_WORDS, TARGET_AFTER, TARGET_BEFORE, TARGET_BRIDGES, TARGET_UNITS, TARGET_VERBS, type StrengthClass } from '../vocabulary.js';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;
// a number, with 万 or 亿 folded into it (50万平方米, 10亿元)
// (半 only before a unit of time: 最长半个月, 半年内)
const NUMBER = '(\\d+(?:\\.\\d+)?[万亿]?|[一二两三四五六七八九十百千万亿]+|半(?=个月|年|日|天|小时))';
// the low end of a range, read as part of its figure (重点打造1—2个, 60%—70%): the high end is the value
const RANGE_LOW = '(?:\\d+(?:\\.\\d+)?[%％]?\\s*[—–－~～至-]\\s*)?';
const UNIT = `(${[...TARGET_UNITS].sort(byLength).map(esc).join('|')})`;
const BEFORE = `(${TARGET_BEFORE.map((t) => t.word).sort(byLength).join('|')})`;
const AFTER = `(${TARGET_AFTER.map((t) => t.word).sort(byLength).join('|')})`;
// a comparator before the number, or a bound word after its unit (90%以上), or both
// (the number is what the scan looks for; the comparator is read off the few characters before it)
// an amount in 万 or 亿 may leave its 元 unwritten (最高100万的运营补助): the unit group is then empty
// (余 / 多 between a figure and its unit says “more than”: 1.7万余个, 900余辆)
const TARGET = new RegExp(`${RANGE_LOW}${NUMBER}(?:余|多)?\\s*(?:${UNIT}|(?<=[万亿]))(?:\\s*${AFTER})?`, 'g');
const BENEFIT_END = new RegExp(`(?:${BENEFIT_VERBS.join('|')})$`);
/** Words after an amount that say it is money paid (最高100万的运营补助, 200万一次性认定补助). */
const PAID = /^[^，。；,;]{0,8}?(?:补助|补贴|奖励|资助|资金|奖金|经费|贷款|投资|基金)/;
const BEFORE_END = new RegExp(`${BEFORE}(?:${[...TARGET_BRIDGES].sort(byLength).join('|')}){0,2}\\s*$`);
const VERBS = [...TARGET_BEFORE.map((t) => t.word), ...TARGET_VERBS].join('|');
const ONLY_VERB = new RegExp(`^(?:${VERBS})$`);
// (a list of what is done may sit between the verb and its count: 开展惠民演出、文化下乡等活动200场次)
const VERB_BEFORE = new RegExp(`(?:${VERBS})[^，。；0-9]{0,20}$`);
/** How far a target's clause is looked for around it: an indicator is a few words, never a page. */
const CLAUSE_REACH = 40;
/** Between two figures of one list: 、 or 和, then what the next one counts (no clause break). */
const LISTED = /^[、和及][^，,。；;、0-9]{1,12}$/;
const TIME_UNIT = /^(?:天|日|小时|个工作日|个月|周|晚|年)$/;
const OCCURRENCE = /^(?:次|期|批|轮)$/;
const EVERY_PERIOD = /每(?:年度?|半年|季度?|月|周|旬)/;
const BOUND = new Map<string, 'min' | 'max'>([...TARGET_BEFORE, ...TARGET_AFTER].map((t) => [t.word, t.bound]));
/** Nouns that name a share, whose level may follow them bare (城镇化率79.5%). */
const SHARE_END = /(?:率|比重|比例|占比|份额)$/;
/** Words that hedge a target: 力争达到 90% is an aim, not a floor. */
const HEDGE = /力争|争取|努力|预计/;

const CN = new Map([...'一二三四五六七八九'].map((c, i) => [c, i + 1] as [string, number]).concat([['两', 2]]));
const CN_UNIT = new Map([['十', 10], ['百', 100], ['千', 1000], ['万', 10000], ['亿', 100000000]]);

/** 3, 12.5, 50万, 三, 十五, 一百二十, 两千 → the number. */
export function numberOf(s: string): number {
  if (s === '半') return 0.5;
  if (/^\d/.test(s)) return Number(s.replace(/[万亿]$/, '')) * (s.endsWith('亿') ? 1e8 : s.endsWith('万') ? 1e4 : 1);
  let total = 0;
  let digit = 0;
  for (const c of s) {
    const u = CN_UNIT.get(c);
    if (u === undefined) {
      digit = CN.get(c) ?? 0;
      continue;
    }
    if (u >= 10000) {
      total = (total + (digit || 0)) * u;
    } else total += (digit || 1) * u;
    digit = 0;
  }
  return total + digit;
}

/** Marks that end a clause; a list of one verb's objects (幼儿园、中小学20所) runs on past 、. */
const CLAUSE_MARK = /[。；;，,：:！？、]/;
const LIST_CLAUSE_MARK = /[。；;，,：:！？]/;

/**
 * Where the clause before `from` starts: at the last `marks` character outside brackets, at most
 * CLAUSE_REACH characters back (a list inside brackets, 跨省（自治区、直辖市）法人社会团体, does not end it).
 */
function clauseStart(text: string, from: number, marks: RegExp): number {
  let start = from;
  const first = Math.max(0, from - CLAUSE_REACH);
  let depth = 0;
  for (; start > first; start--) {
    const c = text[start - 1];
    if (c === '）' || c === ')') depth++;
    else if ((c === '（' || c === '(') && depth > 0) depth--;
    else if (depth === 0 && marks.test(c)) break;
  }
  return start;
}

/**
 * The clause a position sits in: from the last 。；，：、 outside brackets (or the start) before it to the next one
 * after, at most CLAUSE_REACH characters either way (a text without punctuation stays linear).
 */
function clauseAround(text: string, from: number, to: number): { start: number; end: number } {
  const start = clauseStart(text, from, CLAUSE_MARK);
  let end = to;
  const last = Math.min(text.length, to + CLAUSE_REACH);
  while (end < last && !/[。；;，,！？、]/.test(text[end])) end++;
  return { start, end };
}

/** 一是, 对, 按规定 … at the start; 给予, 最高可 … at the end (vocabulary.ts): words that name no measure. */
// (and the number of a list item: （3）全国性社会团体…, 3.有50个以上的成员)
const LEAD_WORDS = new RegExp(`^(?:${[...INDICATOR_LEAD, ...INDICATOR_GRANT].sort(byLength).join('|')}|[（(]?\\d{1,2}[）).、]|[的和及与、（(])+`);
const GRANT_WORDS = new RegExp(`(?:${[...INDICATOR_GRANT].sort(byLength).join('|')}|的)+$`);
/** What a figure's own clause says after it, up to the next figure or clause mark (最高50万元的购房补贴: 购房补贴). */
const TAIL = /^的?([^，,。；;：:、！？\d（(]{1,12})/;
const NEXT_FIGURE = /(?:[和及与或并、]|最高|最多|最长|不超过|不低于|不少于|至少|给予|可)+$/;

/**
 * What a figure measures: the words of its clause before it (网上可办率达到90%), without a year, a
 * region and the words that open a clause or grant an amount; where nothing is left, or the figure
 * is an amount paid (元: what it pays for is written after it, 给予最高50万元的购房补贴), the words
 * after it too (85%以上事项实现网上审批). Words before it that follow another figure of the clause
 * are that figure's (最高60万元的购房补贴和最高300万元的安居补贴): the words after it decide.
 */
function indicatorOf(text: string, from: number, at: number, after: number, end: number, unit: string, afterFigure: boolean): string {
  let head = text.slice(from, at).replace(/^(?:到|至|截至)?\d{4}年(?:底|末)?[前，,]?/, '').replace(/^(?:全市|全省|全县|全区|全国)/, '').trim();
  head = head.replace(LEAD_WORDS, '').replace(GRANT_WORDS, '').trim();
  // the tail stops before the next figure of the clause (购房补贴和最高300万元…: 购房补贴)
  // (人民币 after 元 is the currency, not what the amount is for)
  const tail = (TAIL.exec(text.slice(after, end))?.[1].trim() ?? '').replace(/^人民币的?/, '').replace(NEXT_FIGURE, '');
  if (!tail) return head;
  // a head that is only the verb (建立3个示范点) says what is done, the tail what is counted
  if (!head || afterFigure || ONLY_VERB.test(head)) return tail;
  return unit === '元' ? `${head}…${tail}` : head;
}


/** Whether `at` falls between an opening “ and its closing ” within the same clause. */
function insideQuote(text: string, at: number): boolean {
  const open = text.lastIndexOf('“', at);
  return open >= 0 && text.lastIndexOf('”', at) < open && !/[。；]/.test(text.slice(open, at));
}

export function findTargets(text: string): Target[] {
  const out: Target[] = [];
  let prevEnd = 0; // where the figure before this one ends: its words are not this one's measure
  for (const m of text.matchAll(TARGET)) {
    const [counted, num, written, after] = m;
    const found = m.index ?? 0;
    const lastEnd = prevEnd;
    prevEnd = found + counted.length;
    // a comparator ends right before the number: 达到90%, 不少于 50 个
    const lead = BEFORE_END.exec(text.slice(Math.max(0, found - 9), found));
    const before = lead?.[1];
    // 万 or 亿 with no unit is an amount of money only after a comparator and before what it pays
    if (!written && (!before || !PAID.test(text.slice(found + counted.length)))) continue;
    const unit = written ?? '元';
    // how long a benefit lasts (可免费享受3个月的模型使用, 提供7天免费住宿, 给予1—3年观察期): a span
    // of time right after the verb that grants it, with what it grants after it
    const benefit = !before && !after && TIME_UNIT.test(unit) && BENEFIT_END.test(text.slice(Math.max(0, found - 4), found));
    // 年 counts years only after a comparator (最长3年) or as a limit (五年内免征): a bare 2020年 is a date
    if (unit === '年' && ((!before && !benefit && after !== '内' && after !== '以内') || numberOf(num) >= 100)) continue;
    // a rate of something (按研发投入的10%, 费用的30%) is a target without a comparator
    // and so is the level of a share named right before it (常住人口城镇化率79.5%, 占GDP比重47.1%)
    const rate = unit === '%' || unit === '％' ? text[found - 1] === '的' || SHARE_END.test(text.slice(Math.max(0, found - 2), found)) : false;
    const at = found - (lead ? lead[0].length : 0);
    const all = text.slice(at, found) + counted;
    // a bare 1000人次 counts when its clause names what is done to reach it (每年培训窗口人员1000人次)
    const verb = !before && !after && !rate ? VERB_BEFORE.exec(text.slice(clauseStart(text, at, LIST_CLAUSE_MARK), at)) : null;
    // the next figure of a list under one verb (打造游戏空间100处、宠物友好公园10座)
    const listed = !before && !after && !verb && out.length > 0 && lastEnd > 0 && LISTED.test(text.slice(lastEnd, at));
    if (!before && !after && !verb && !rate && !benefit && !listed) continue; // a bare 5% or 3个 measures nothing
    // a span counted from an event (自文件形成之日起10天内) is a deadline's, not a target
    if (!before && /起$/.test(text.slice(Math.max(0, at - 1), at))) continue;
    // a span of time the act is to be done in (须在5个工作日内备案, 在2—3年内调整到位, 确保1年内完成)
    // is when it is due, a deadline's; a span a service keeps (3个工作日内办结, 24小时内配送到位) stays a target
    if (TIME_UNIT.test(unit) && (after === '内' || after === '以内') && /(?:在|确保)$/.test(text.slice(Math.max(0, at - 2), at))) continue;
    // a bare span of time after a verb is a deadline's (自文件形成之日起10天), not a target
    if (verb && TIME_UNIT.test(unit) && !benefit) continue;
    // a date or a count of years is not a target: 2020年 is never matched (年 is not a unit), and a
    // number glued to the word before it (第3个) is an ordinal
    if (!before && /[第前近]$/.test(text.slice(0, at))) continue;
    // a count in words inside or against a quotation is a name (建设“四个舟山”, 建立“五大会战”五张清单)
    // (and any figure a quotation opens with: 我省“36条办法”)
    if (!before && (text[at - 1] === '“' || (/^[一二两三四五六七八九十]+$/.test(num) && (/[“”"]$/.test(text.slice(Math.max(0, at - 1), at)) || insideQuote(text, at))))) continue;
    // 每周三 / 星期五 is a day of the week (建立每周三项目协调日制度), not three of anything
    if (/(?:周|星期|礼拜)$/.test(text.slice(Math.max(0, at - 2), at)) && /^[一二三四五六日天]$/.test(num)) continue;
    // what is already done (已建成6个, 已经达到90%) is a state, not a target
    if (/已(?:经)?(?:累计)?$/.test(text.slice(Math.max(0, at - 4), at)) || (!before && /已(?:经)?[\u4e00-\u9fff]{0,2}$/.test(text.slice(Math.max(0, at - 4), at)))) continue;
    const value = numberOf(num);
    if (!Number.isFinite(value) || value === 0) continue;
    // 一批, 一个, 最多跑一次: 一 and 两 in words are articles and slogans, not counts
    if (value <= 2 && !/^(?:\d|半)/.test(num) && !after) continue;
    const { start, end } = clauseAround(text, at, at + all.length);
    // once or twice a period (每年举办1次, 每季度至少开展1期, 每年发布1批) is how often, a deadline's
    // frequency, not an amount to reach
    if (value <= 2 && OCCURRENCE.test(unit) && EVERY_PERIOD.test(text.slice(start, at))) continue;
    const indicator = indicatorOf(text, Math.max(start, lastEnd), at, at + all.length, end, unit, start < lastEnd);
    const bound = BOUND.get(after ?? '') ?? BOUND.get(before ?? '') ?? 'min';
    const t: Target = { text: all, indicator, bound, value, unit: unit === '％' ? '%' : unit };
    if (HEDGE.test(text.slice(start, at + all.length))) t.hedged = true;
    out.push(t);
  }
  return out;
}

// every strength word with its class, longest first; words that are parts of other words are
// excluded by the guard after (重要 is not 要, 可行 is not 可)
const WORDS: { word: string; cls: StrengthClass }[] = STRENGTH_WORDS.flatMap((c) => c.words.map((word) => ({ word, cls: c.cls }))).sort((a, b) => byLength(a.word, b.word));
const WORD = new RegExp(WORDS.map((w) => esc(w.word)).join('|'), 'g');
const CLASS_OF = new Map(WORDS.map((w) => [w.word, w.cls]));
const AIM = new Set(AIM_WORDS);
const QUALIFIERS = new Set(STRENGTH_WORDS.filter((c) => c.qualifier).flatMap((c) => c.words));
/** How strongly a word states its clause: a qualifier (有条件的) below any modal word. */
const weight = (w: { word: string; cls: StrengthClass }) => (QUALIFIERS.has(w.word) ? 0 : STRENGTH_RANK[w.cls]);

/**
 * The modal words of a text, in order. A candidate that is part of another word is skipped one
 * character at a time, so that the word after it is still seen (服务必须: not 务必, but 必须).
 */
function* modalWords(text: string): Generator<{ word: string; cls: StrengthClass; at: number }> {
  const re = new RegExp(WORD.source, 'g');
  // a word inside brackets belongs to a note, a gloss or a condition (（须经交易双方确认）, （省应急
  // 管理厅牵头）), not to the clause the brackets sit in, and one inside 《》 to a title (用好《鼓励
  // 电动汽车充换电设施发展扶持办法》): how deep in brackets the scan is
  let depth = 0;
  let scanned = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (; scanned < m.index; scanned++) {
      const c = text[scanned];
      if (c === '（' || c === '(' || c === '《') depth++;
      else if ((c === '）' || c === ')' || c === '》') && depth > 0) depth--;
    }
    if (depth === 0 && isModalAt(text, m[0], m.index)) yield { word: m[0], cls: CLASS_OF.get(m[0])!, at: m.index };
    else re.lastIndex = m.index + 1;
  }
}
/**
 * Characters around a modal word that make it part of another word (重要, 主要, 要素, 需求, 必需), or
 * another sense: 争取 before 国家/资金/项目/试点 is applying for something, not aiming at a result;
 * 未（明确）禁止 says what is not banned, 禁止使用的气瓶 / 禁止类 names a kind of thing (可燃, 可回收, 可复制 likewise; 方可, only then, is a condition); 引导 with no object after it (宣传引导、, 引导基金) is a
 * noun or the plain verb guide, not an encouragement of others (引导社会资本投资).
 */
const NOT_MODAL_BEFORE: Record<string, RegExp> = { 禁止: /(?:未|不|非|无|未明确|没有)$/, 务必: /[服业事任政公财商医税警党村校法家内外债劳防特义]$/, 要: /[重主必首紧纪摘简提概需扼险只]$/, 需: /[必急所供亟]$/, 须: /[必]$/, 支持: /[的和与及面能可否予供贷金策居术融]$/, 应: /[相响供适对反效答呼回感顺]$/, 可: /[许认不宁方]$/ };
const NOT_MODAL_AFTER: Record<string, RegExp> = { 要: /^[素点件求闻害领务紧]/, 需: /^[求要]/, 须: /^知/, 支持: /^(?:$|[，。；,;、）)]|力|体系|政策|资金|措施|方式|服务)/, 引导: /^(?:$|[，。；,;、）)]|基金|资金|作用|机制)/, 应: /^[用急对收付变聘届试答]/, 可: /^(?:[行能持靠及信用见观控比燃达]|视化|再生|回收|降解|追溯|复制|推广|操作|量化|循环|穿戴|替代|支配|感知|承受|负担|预期|预见|核查|计量|信赖|转化)/, 禁止: /^(?:的|类|[\u4e00-\u9fff]{2}的)/, 争取: /^(?:国家|中央|省|市|上级|资金|项目|支持|试点|政策|列入|纳入)/ };

/** Whether a strength word found at `at` is a modal there, not part of another word or sense. */
function isModalAt(text: string, word: string, at: number): boolean {
  const pre = NOT_MODAL_BEFORE[word];
  const post = NOT_MODAL_AFTER[word];
  return !(pre?.test(text.slice(Math.max(0, at - 3), at)) || post?.test(text.slice(at + word.length, at + word.length + 4)));
}

/** The strongest modal word of a clause, if it has one. */
function strongestWord(clause: string): { word: string; cls: StrengthClass } | undefined {
  let best: { word: string; cls: StrengthClass } | undefined;
  for (const w of modalWords(clause)) {
    // after a modal (可通过…支持, 要鼓励), 支持 / 鼓励 is the verb the modal governs, not a modal of its own
    // (可探索, 可以争取: an aim the lower level may take up is a permission)
    if (best && w.cls === 'encouraged' && (!AIM.has(w.word) || best.cls === 'permitted')) continue;
    if (!best || weight(w) > weight(best)) best = { word: w.word, cls: w.cls };
  }
  return best;
}

/**
 * The clauses of a text (between 。；，！？), each with its modal word. A word governs the clauses that
 * follow it in its sentence (要加强A，推进B: B is 要 too); a sentence without one is a plain
 * imperative, word '' and strength 'expected'.
 */
export function clauseStrengths(text: string): (Obligation & { own: boolean })[] {
  const out: (Obligation & { own: boolean })[] = [];
  for (const sentence of text.split(/[。；;！？]/)) {
    let carried: { word: string; cls: StrengthClass } | undefined;
    for (const raw of sentence.split(/[，,]/)) {
      const clause = raw.trim();
      if (clause.length < 2) continue;
      const own = strongestWord(clause);
      if (own) carried = own;
      const w = own ?? carried;
      out.push({ clause: clause.length > 120 ? `${clause.slice(0, 119)}…` : clause, word: w?.word ?? '', strength: w?.cls ?? 'expected', own: !!own });
    }
  }
  return out;
}

const CLAUSE_END = /[。；;！？，,]/;

/**
 * Each requirement clause of a task that states its strength with a word of its own: one scan of
 * the words over the text, each word's clause found around it (most task texts have none).
 */
export function findObligations(text: string): Obligation[] {
  const out: Obligation[] = [];
  let clauseStart = -1;
  let clauseEnd = 0;
  let best: { word: string; cls: StrengthClass; end: number } | undefined;
  const flush = () => {
    if (!best) return;
    const clause = text.slice(clauseStart, best.end).trim();
    if (clause.length >= 2) out.push({ clause: clause.length > 120 ? `${clause.slice(0, 119)}…` : clause, word: best.word, strength: best.cls });
    best = undefined;
  };
  for (const { word, cls, at } of modalWords(text)) {
    // the clause around the word: back to the last clause mark (never past the clause before), on
    // to the next; a word inside the current clause needs no scan (linear over the text)
    if (at >= clauseEnd) {
      flush();
      let start = at;
      while (start > clauseEnd && !CLAUSE_END.test(text[start - 1])) start--;
      clauseStart = start;
      clauseEnd = at + word.length;
      while (clauseEnd < text.length && !CLAUSE_END.test(text[clauseEnd])) clauseEnd++;
    }
    if (best && cls === 'encouraged' && (!AIM.has(word) || best.cls === 'permitted')) continue; // a verb after a modal, as above
    if (!best || weight({ word, cls }) > weight(best)) best = { word, cls, end: clauseEnd };
  }
  flush();
  return out;
}
