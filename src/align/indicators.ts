// Plans of indicators (主要预期目标分解: 地区生产总值增长12% / 进出口总额增长10% / 单位地区生产总值能耗
// 下降3.5%) are lists of short statements that all share their shape — a measured quantity, a
// comparator, a figure — so their words agree across different indicators. Two such statements are
// the same task only when they measure the same thing: the indicator's head noun (总额, 比重, 能耗)
// and most of its words. A pair that measures different things is never linked.
import type { Task } from '../model.js';
import { INDICATOR_CONTRASTS, TARGET_BEFORE, TARGET_VERBS } from '../vocabulary.js';
import { dice } from './text.js';

/** A task this short whose title states its figures is an indicator statement, nothing more. */
const STATEMENT_MAX = 60;
/** Share of the indicator's bigrams two statements must agree on to measure one thing. */
const SAME_INDICATOR = 0.4;
/** Words around the quantity that are not its name: a hedge before, a comparator after. */
const LEAD = /^(?:力争|确保|争取|其中|全年|年内|实现|完成)+/;
const ACTS = new RegExp(`(?:${[...TARGET_VERBS, '推进', '完善', '加强', '落实', '推荐', '申报', '遴选', '支持', '加快', '深化', '提升', '开发', '争创'].join('|')})`);
/**
 * A clause that is nothing but an investment named as a quantity (固定资产投资增长5.5%, 全市工业投资):
 * not the act of investing (投资5亿元建设), nor an act whose result it is (带动制造业投资1000亿元).
 */
const INVESTMENT_NAME = /^(?:全社会|全省|全市|全县|全区)?(?:固定资产|工业|民间|社会|产业|技改|技术改造|制造业|基础设施|房地产开发|房地产|外商|项目|交通|政府)投资(?:额|总额)?$/;
const HEDGE_END = /(?:力争|确保|争取|均|分别|稳定在|保持在|保持)+$/;
const COMPARATORS = [...TARGET_BEFORE.map((t) => t.word)].sort((a, b) => b.length - a.length);
/** Names the same quantity goes by (GDP / 地区生产总值). */
const SAME_NAMES: [RegExp, string][] = [
  [/GDP|国内生产总值|生产总值/g, '地区生产总值'],
  [/CPI/g, '居民消费价格'],
];

function nameOf(indicator: string): string {
  let s = indicator.replace(/[，,：:；;。\s]/g, '').replace(LEAD, '');
  for (let again = true; again; ) {
    const before = s;
    s = s.replace(HEDGE_END, '');
    for (const w of COMPARATORS) if (s.length > w.length + 1 && s.endsWith(w)) s = s.slice(0, -w.length);
    again = s !== before;
  }
  for (const [re, name] of SAME_NAMES) s = s.replace(re, name).replace(/地区地区/g, '地区');
  return s.replace(/的/g, '');
}

/** The quantities a task measures, when the task is an indicator statement; undefined otherwise. */
function measured(t: Task): string[] | undefined {
  if (!t.targets?.length || t.text.length > STATEMENT_MAX) return undefined;
  // the statement is the title, or the short text a lead sentence opens (城镇居民收入稳定增长。城镇居民
  // 人均可支配收入增长7%。)
  const statement = t.targets.some((x) => t.title.includes(x.text)) ? t.title : t.text;
  // the words of the statement's clause before each figure (城镇居民人均可支配收入、农民人均纯收入均增长12%:
  // each quantity of a list)
  const names: string[] = [];
  for (const x of t.targets) {
    const at = statement.indexOf(x.text);
    if (at < 0) continue;
    const clause = statement.slice(0, at).split(/[，,；;。]/).pop()!;
    // a clause that acts (推进…试点, 遴选首批…) counts what a measure makes, not a quantity measured
    if (!INVESTMENT_NAME.test(nameOf(clause)) && ACTS.test(clause)) continue;
    for (const n of clause.split('、').map(nameOf)) if (n.length >= 2) names.push(n);
  }
  return names.length ? names : undefined;
}

/**
 * One quantity under two names: the same head noun and most words alike, or one name the start or
 * the end of the other (社会消费品零售 / 社会消费品零售总额) — but not a name inside another
 * (地区生产总值 / 单位地区生产总值能耗 measure different things).
 */
function sameQuantity(a: string, b: string): boolean {
  // 城镇居民人均可支配收入 / 农村居民人均可支配收入: alike in all but the part of the whole they measure
  if (INDICATOR_CONTRASTS.some(([x, y]) => (a.includes(x) && b.includes(y) && !a.includes(y)) || (a.includes(y) && b.includes(x) && !a.includes(x)))) return false;
  // investment figures are parts of one whole (固定资产投资 / 工业投资 / 技改投资): a plan splits them
  if (a.endsWith('投资') && b.endsWith('投资')) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.startsWith(short) || long.endsWith(short)) return true;
  return a.slice(-2) === b.slice(-2) && !long.includes(short) && dice(a, b) >= SAME_INDICATOR;
}

/** Whether base task i and local task j are indicator statements of different quantities (never to be linked). */
export function indicatorClash(base: Task[], local: Task[]): (i: number, j: number) => boolean {
  const b = base.map(measured);
  const l = local.map(measured);
  if (!b.some(Boolean) || !l.some(Boolean)) return () => false;
  return (i, j) => {
    const x = b[i];
    const y = l[j];
    return !!x && !!y && !x.some((u) => y.some((v) => sameQuantity(u, v)));
  };
}
