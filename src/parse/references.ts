// Documents a notice cites — 《title》 with the 文号 that follows it — so that a plan's parent can
// be identified (根据《…行动计划(2018—2022年)的通知》(浙政发﹝2018﹞16号)要求).
import type { Paragraph, Reference } from '../model.js';
import { findDocNumbers } from './docnumber.js';

const DOC_WORD = /(通知|计划|方案|意见|规划|办法|决定|条例|规定|细则|纲要|要点)(（[^（）]{0,16}）)?$/;
// An opening that names what it acts on by its subject, without title or 文号: 根据国家关于内地西藏班
// 扩大规模的部署, 按照省委省政府关于X的决策部署, 为贯彻落实国务院关于X的要求.
const SUBJECT = /(?:根据|按照|依据|贯彻落实|贯彻|落实)[^。；，《]{0,14}?关于([^，。；、《》“”]{4,60}?)的(?:决策部署|工作部署|部署|要求|精神|安排)/g;
// The transmittal sentence names the attached document itself, not a parent.
const TRANSMITTAL = /印发给你们|现印发|现将|予以印发|已经.{0,12}同意/;
/** What a sentence says right before a document it carries out: 为贯彻落实《…》, 根据《…》. */
const CITING = /(?:贯彻|落实|根据|按照|依据|遵照|执行)$/;

export function findReferences(paras: Paragraph[], preambleEnd: number, own: (string | undefined)[]): Reference[] {
  const owned = own.filter((s): s is string => !!s);
  const out: Reference[] = [];
  const seen = new Set<string>();
  paras.forEach((p, idx) => {
    const t = p.text;
    // (each test only on paragraphs that can pass it: a title needs 《, a 文号 needs 〔)
    const titled = t.includes('《');
    const transmittal = titled && TRANSMITTAL.test(t);
    const re = /《([^《》]{2,120})》/g;
    if (titled) for (const m of t.matchAll(re)) {
      const title = m[1];
      const after = t.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 24);
      const dn = findDocNumbers(after).find((h) => h.index <= 2);
      // (in the transmittal sentence, a title the plan is made to carry out is still cited: 为贯彻落实《X》，…现将《Y》印发给你们)
      const carried = transmittal && CITING.test(t.slice(Math.max(0, (m.index ?? 0) - 8), m.index));
      if (!dn && (idx >= preambleEnd || !DOC_WORD.test(title) || (transmittal && !carried))) continue;
      if (!dn && owned.some((o) => o === title || o.includes(title))) continue;
      const key = `${title}|${dn?.docNumber ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ title, docNumber: dn?.docNumber, line: p.line });
    }
    if (idx < preambleEnd && t.includes('关于') && !titled) {
      for (const m of t.matchAll(SUBJECT)) {
        if (seen.has(`|subject|${m[1]}`)) continue;
        seen.add(`|subject|${m[1]}`);
        out.push({ subject: m[1], line: p.line });
      }
    }
    // a bare 文号 cited in running text, e.g. （浙政发〔2018〕16号）
    if (t.includes('〔') && (idx < preambleEnd || /根据|按照|依据|贯彻/.test(t))) {
      for (const h of findDocNumbers(t)) {
        if (h.index === 0 || out.some((r) => r.docNumber === h.docNumber)) continue;
        if (t.length <= 30) continue; // the notice's own number line
        out.push({ docNumber: h.docNumber, line: p.line });
      }
    }
  });
  return out;
}
