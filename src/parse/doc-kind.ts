// The kind (文种) of a notice, and whether it is a plan at all. GB/T 9704 titles end with the kind:
// …实施方案, …的意见, …的批复; a 通知 that 印发s or 转发s a document takes that document's kind.
// A reply, decision, bulletin, regulation or contingency plan has no tasks, whatever lists it holds;
// a body written in articles (第一条 …) is a regulation, whatever it is called.
import type { Meta, Paragraph } from '../model.js';
import { HEADED_ARTICLE, IMPLEMENTED_KINDS, NON_PLAN_KINDS, PLAN_KINDS } from '../vocabulary.js';

export interface DocKind {
  kind?: string;
  plan: boolean;
  /** Named as a plan by its title (or its attached plan's); false for a 通知 of arrangements or no title. */
  named: boolean;
  why: string;
  /** What made it a non-plan: its title's kind, a body in articles, or an order's 文号. */
  by?: 'title' | 'articles' | 'order';
}

// longest first: 实施方案 before 方案, 复函 before 函
const KINDS = [...PLAN_KINDS, ...NON_PLAN_KINDS].sort((a, b) => b.length - a.length);
const NON_PLAN = new Set(NON_PLAN_KINDS);
const IMPLEMENTED = new Set(IMPLEMENTED_KINDS);
const ARTICLE = /^第[一二三四五六七八九十百零〇]{1,5}条/;
/** …（2018—2022年）, （试行）, （暂行）, （征求意见稿） after the kind. */
const TITLE_TAIL = /(?:[（(][^（）()]{0,20}[）)]|[”"’」》\s])+$/;

const FORWARDED_AS_POLICY = new Set(['报告', '请示', '纪要']);

/** The kind a title ends with; a 通知 that 印发s or 转发s a document takes that document's kind. */
export function titleKind(title: string): string | undefined {
  let t = title.replace(TITLE_TAIL, '');
  const printed = /(?:印发|转发|颁布|公布)(.+?)的通知$/.exec(t);
  if (printed) t = printed[1].replace(/^[《“"]|[》”"]$/g, '').replace(TITLE_TAIL, '');
  for (const k of KINDS) {
    if (!t.endsWith(k)) continue;
    // a 报告 or 请示 forwarded to be carried out (转发…关于…的报告的通知) becomes policy: a plan's measures
    return printed && FORWARDED_AS_POLICY.has(k) && /转发/.test(title) ? '通知' : k;
  }
  return undefined;
}

/** A kind that is not a plan's, named by one of the first short lines (某某市物业管理若干规定). */
function headKind(paras: Paragraph[]): string | undefined {
  for (const p of paras.slice(0, 4)) {
    if (p.text.length > 50 || /[，。；：！？]/.test(p.text)) continue;
    const k = titleKind(p.text);
    if (k && NON_PLAN.has(k) && k !== '令') return k;
  }
  return undefined;
}

/**
 * The kind to parse by when the caller compares the notice as a plan: a 规定 / 办法 / 决定 named so
 * by its title only (no articles) is read for its numbered measures, and a 通知 as if it were named a
 * plan (its parts state what the lower level implements).
 */
export function kindAsPlan(k: DocKind): DocKind {
  // a 通知 of arrangements compared with the plan that implements it: its parts are its measures
  if (k.plan) return k.named ? k : { ...k, named: true };
  if (k.by !== 'title' || !k.kind || !IMPLEMENTED.has(k.kind)) return k;
  return { kind: k.kind, plan: true, named: true, why: `a ${k.kind} read as a plan: its numbered items are the measures a lower level implements` };
}

export function documentKind(meta: Meta, paras: Paragraph[], noticeEnd = paras.length): DocKind {
  // the attached plan's own title names what the body is; the notice title what it is sent as
  const fromPlan = meta.planTitle ? titleKind(meta.planTitle) : undefined;
  const fromTitle = meta.title ? titleKind(meta.title) : undefined;
  // no title found (a regulation printed without 关于): a short first line may still name a kind
  const fromHead = fromPlan || fromTitle ? undefined : headKind(paras);
  const kind = fromPlan && (!fromTitle || fromTitle === '通知' || NON_PLAN.has(fromPlan)) ? fromPlan : fromTitle ?? fromPlan ?? fromHead;
  if (kind && NON_PLAN.has(kind)) return { kind, plan: false, named: false, why: `its title names it a ${kind}, not a plan`, by: 'title' };
  let articles = 0;
  let headed = 0;
  // (articles after the notice's end belong to the next notice of a file that holds several)
  for (let i = 0; i < noticeEnd; i++)
    if (ARTICLE.test(paras[i].text)) {
      articles++;
      if (HEADED_ARTICLE.test(paras[i].text)) headed++;
    }
  // a plan's measures numbered as articles, each headed by its title (若干措施: 第一条 培育OPC创新主体。…)
  const measures = !!kind && kind !== '通知' && headed * 3 >= articles * 2;
  if (articles >= 3 && !measures) return { kind: kind ?? '条例', plan: false, named: false, why: 'its body is written in articles (第一条 …), as a regulation is', by: 'articles' };
  if (/令第\d+号$/.test(meta.docNumber ?? '')) return { kind: '令', plan: false, named: false, why: 'it is issued as an order (令), not a plan', by: 'order' };
  const named = !!kind && kind !== '通知';
  return { kind, plan: true, named: named || (!meta.title && !meta.planTitle), why: kind ? `a ${kind}` : 'no kind in its title' };
}
