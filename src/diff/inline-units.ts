// Owners a task's text implies when it carries no owner note: the bodies named as the subjects of
// its sentences — “国家卫生健康委推行…”, “人民银行、银保监会要…”, “由市商务局牵头…”. Shown as
// inferred wherever they are used (OwnerChange.basis 'inferred').
import type { Task } from '../model.js';
import { subjectNames } from '../bodies/table.js';

// what may stand before a subject at the start of a clause
const LEAD_IN = /^(?:同时|并|另外|此外|其中|由|请|要求)?/;
// after a body name, what shows it is not the subject: 教育部门 (departments), 财政部的 (possessive), 和 (a list goes on below)
const NOT_SUBJECT = /^[门的所属之]/;
const DEPT_TAIL = /(?:等(?:有关|相关)?|有关|相关)?(?:行政|主管)?部门$/;
// levels before a department written once for all (市、区房屋管理部门; 省、市、县三级财政部门; 各级教育部门)
const LEVELS_BEFORE = /^(?:[省市县区乡镇](?:、[省市县区乡镇])+(?:[两三四五]级)?|各级|[省市县区]级)(?=[\u4e00-\u9fff]{2,}部门)/;
const JOINER = /^(?:、|和|及|与|以及|，会同|会同)/;
// collectives a sentence may make its subject (“各地区、各部门要…”, “有关部门要…”, “地方各级人民政府…”,
// “各级行政执法机关要…”):
// implied owners too, compared as collectives (a local plan's 市卫生健康委 is one of 有关部门)
// The implementing level itself (各地区、各部门, 地方各级人民政府, 各有关部门, 行政机关) is how a plan
// addresses everyone who carries it out, not a body it hands the task to: such a subject names no
// owner, and a lower level that hands the task to its 市司法局 has added one. 有关部门 / 相关部门 /
// 有关单位 (the relevant ones) do name owners, as a catch-all any named local body falls under.
const IMPLEMENTING = /^(?:各|地方|县级以上|(?:行政执法|行政|执法)机关)|各级|机关$/;
const COLLECTIVE = /(?:地方)?(?:各级|各)?(?:行政执法|行政|执法)机关|(?:县级以上)?(?:地方)?各级(?:人民)?政府|各(?:省、自治区、直辖市|省级|市级|县级|有关)?(?:人民)?政府|各地区|各地方|各(?:有关)?部门|有关部门(?:和单位)?|相关部门|各(?:有关)?单位|有关单位/y;

// a body the table lacks, named as the genre names bodies and followed by what a subject does: a
// level's own office (市规划资源局要, 区住房城乡建设管理委会同) or a function's departments (绿化市容部门要,
// 城管执法、林业等部门要); a plan of a city or a district names its own bodies, which no national table holds
const FN = '(?:(?![及和与的之其府])[\\u4e00-\\u9fff]){2,8}?';
const GENERIC = new RegExp(
  `(?:${FN}(?:、${FN}){0,8}(?:等(?:有关|相关)?)?(?:行政|主管)?部门|[省市县区](?!场|民|区|级|内|外)[\\u4e00-\\u9fff]{1,10}?(?:委员会|办公室|局|委|厅|办|中心|总队|支队))(?=要|应|须|负责|牵头|会同|、|和|及|与)`,
  'y',
);
// what a generic name may not start with: a verb or a collective (督促各部门, 各有关部门)
const NOT_NAME = /^(?:各|有关|相关|其他|地方|当地|本级|上级|督促|指导|组织|协调|推动|会同|加强|由|请|要求|按照|依托|支持|鼓励|引导)/;
// a sector's departments named by what they oversee (行业主管部门, 省级中小企业主管部门) are a catch-all, not one body
const CATCH_ALL = /行业|主管|级/;

/** A body the table lacks, named at the start of `s` (see GENERIC). */
function genericAt(s: string): RegExpExecArray | null {
  if (NOT_NAME.test(s)) return null;
  GENERIC.lastIndex = 0;
  const m = GENERIC.exec(s);
  return m && !CATCH_ALL.test(m[0]) ? m : null;
}

const cache = new WeakMap<Task, string[]>();

/** The bodies a task's sentences name as their subjects, in order of first appearance. */
export function inlineUnits(t: Task): string[] {
  let out = cache.get(t);
  if (!out) {
    out = subjectsOf(t.text || t.title);
    cache.set(t, out);
  }
  return out;
}

export function subjectsOf(text: string): string[] {
  const out: string[] = [];
  const re = subjectNames();
  for (const clause of text.split(/[。；;！？!?\n，,：:]/)) {
    let s = clause.trim().replace(LEAD_IN, '').replace(LEVELS_BEFORE, '');
    const found: string[] = [];
    for (;;) {
      re.lastIndex = 0;
      COLLECTIVE.lastIndex = 0;
      const m = re.exec(s) ?? COLLECTIVE.exec(s) ?? genericAt(s);
      if (!m) break;
      const after = s.slice(m[0].length);
      if (NOT_SUBJECT.test(after)) break;
      // 发展改革、财政等部门 names each function's department
      if (/[、和及与]/.test(m[0]) && m[0].endsWith('部门')) for (const f of m[0].replace(DEPT_TAIL, '').split(/[、和及与]/)) found.push(`${f}部门`);
      else found.push(m[0]);
      const j = JOINER.exec(after);
      if (!j) {
        s = after;
        break;
      }
      s = after.slice(j[0].length);
    }
    // a subject is followed by what it does; a name that ends the clause is an object or a list
    if (found.length && s.length >= 1) for (const u of found) if (!out.includes(u) && !IMPLEMENTING.test(u)) out.push(u);
  }
  return out;
}
