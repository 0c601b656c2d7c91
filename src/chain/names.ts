// Plan names and levels, derived from how Chinese notice titles are built:
//   [issuer] 关于印发 [plan name] 的通知,  plan name = [place + 政府] name [（years）] [实施方案|实施意见|…]
// A lower level names its plan after the parent's: 新昌县人民政府“两强三提高”建设行动计划实施方案 implements
// 政府“两强三提高”建设行动计划, and 江西省…关于加快推进农业机械化…的实施意见 the subject of 国务院关于加快推进
// 农业机械化…的指导意见. Keys keep only Chinese, letters and digits so punctuation and quote
// styles do not matter.
import type { Notice } from '../model.js';
import { content } from '../align/text.js';

/** Suffixes that turn a parent's plan name into an implementing plan's name. */
const IMPLEMENTING = /(?:的)?(?:贯彻落实|具体|细化)?(?:实施方案|实施意见|实施细则|实施办法|工作方案|推进方案|行动方案|落实方案|分工方案|任务分工)$/;
/** A place and its government (or an office of it) at the start of a name: 新昌县人民政府, 浙江省人民政府办公厅, bare 政府. */
const ISSUER_PREFIX = /^(?:[\u4e00-\u9fff]{1,12}?(?:自治区|特别行政区|省|市|县|区|州|盟|旗|镇|乡))?(?:人民)?政府(?:办公厅|办公室)?/;

/** Plan name from a notice title: 关于印发X的通知 → X; 关于X的实施意见 → X的实施意见 → kept. */
export function planName(title: string): string {
  let t = title.replace(/^.*?关于(?:印发|转发)/, '').replace(/的通知$/, '');
  if (t === title) t = title.replace(/^.*?关于/, '');
  return t;
}

/** Comparable key of a plan name: years, issuer prefix and punctuation dropped. */
export function nameKey(name: string): string {
  let t = planName(name)
    .replace(/[（(][^（）()]*\d{4}[^（）()]*[）)]/g, '')
    .replace(/\d{4}\s*[-—–～~至]\s*\d{4}\s*年?/g, '');
  t = content(t);
  t = t.replace(ISSUER_PREFIX, '');
  return t;
}

/** The key a notice's own name gives when read as "implementing plan of X": X's key, or undefined. */
export function implementedKey(name: string): string | undefined {
  const k = nameKey(name);
  const stripped = k.replace(IMPLEMENTING, '');
  return stripped !== k ? stripped : undefined;
}

/** What an opinion or decision is about: 关于X的（指导/实施）意见 → X, the name a lower level's X实施方案 carries. */
const SUBJECT_OF = /(?:的)?(?:指导意见|实施意见|若干意见|意见|决定)$/;

/** The key of the subject a notice's name states (X of 关于X的意见), or undefined when it names no opinion or decision. */
export function subjectKey(name: string): string | undefined {
  const k = nameKey(name);
  const stripped = k.replace(SUBJECT_OF, '');
  return stripped !== k && stripped ? stripped : undefined;
}

/** The names a notice goes by: its plan title and the plan name inside its notice title. */
export function noticeNames(n: Notice): string[] {
  const out = new Set<string>();
  for (const t of [n.meta.planTitle, n.meta.title]) if (t) out.add(t);
  return [...out];
}

/** Whether a cited title is a plan-like document a notice could implement (not a law or a speech). */
export function planLike(title: string): boolean {
  return /(?:计划|方案|规划|意见|纲要|决定|通知|办法|细则|要点)/.test(title);
}

/**
 * Administrative level of the issuer, from the place word its name is built with: 0 central
 * (国务院, 中共中央, ministries), 1 province, 2 prefecture city, 3 county/district, 4 township;
 * undefined when the notice does not say. Used only to keep a parent from sitting below its child.
 */
export function adminLevel(n: Notice): number | undefined {
  const who = n.meta.issuer ?? (n.meta.title ? n.meta.title.replace(/关于.*$/, '') : '');
  const s = who || '';
  if (!s) return undefined;
  if (/^(?:国务院|中共中央|全国|国家|中华人民共和国)/.test(s) || (/(?:部|总局|委员会)$/.test(s) && !/[省市县区]/.test(s))) return 0;
  if (/(?:乡|镇|街道)(?:人民政府|政府|办事处|党委)/.test(s)) return 4;
  if (/(?:县|旗)(?:人民政府|政府|委|办)|[^市省]区(?:人民政府|政府)/.test(s)) return 3;
  if (/(?:自治区|省)(?:人民政府|政府|委|办)/.test(s)) return 1;
  if (/(?:市|州|盟)(?:人民政府|政府|委|办)/.test(s)) return /^(?:北京|上海|天津|重庆)/.test(s) ? 1 : 2;
  return undefined;
}
