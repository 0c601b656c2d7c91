// GB/T 9704 header and footer elements: 版头 (issuer + 文件), 发文字号, 标题, 主送, 成文日期,
// and the 版记 (抄送, 印发机关, 印发日期). Government web pages may instead carry a metadata block
// (文件编号：… / 发布机构：… / 成文日期：…), which wins when present.
import type { Meta, Paragraph } from '../model.js';
import { findDocNumbers, findOrderNumber } from './docnumber.js';
import { isDateLine, parseDateAtStart } from './dates.js';
import { META_LABELS } from '../vocabulary.js';

// A label may be written with spaces between its characters (索 引 号), and several fields may share a line.
const LABEL_RE = new RegExp(`(${[...META_LABELS].sort((a, b) => b.length - a.length).map((l) => [...l].join('\\s*')).join('|')})\\s*[：:]`, 'g');
const META_START = new RegExp(`^(?:${META_LABELS.map((l) => [...l].join('\\s*')).join('|')})\\s*[：:]`);
const NOTICE_TITLE_END = /(通知|意见|决定|批复|函|通报|公告|通告|报告|请示|规定|办法|命令|决议|答复|回复|条例|预案|细则|纪要)$/;
const PLAN_TITLE_END = /(方案|计划|规划|意见|办法|细则|要点|纲要|措施|举措)(（[^（）]{0,16}）)?$/;

/** Fields of a web page's metadata table: 发文机关：国务院  成文日期：2018年12月21日 … */
function metadataBlock(paras: Paragraph[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of paras.slice(0, 60)) {
    if (!META_START.test(p.text)) continue;
    const marks = [...p.text.matchAll(LABEL_RE)];
    marks.forEach((m, k) => {
      const label = m[1].replace(/\s+/g, '');
      const value = p.text.slice((m.index ?? 0) + m[0].length, k + 1 < marks.length ? marks[k + 1].index : undefined).trim();
      if (value && !out.has(label)) out.set(label, value);
    });
  }
  return out;
}

/** Is `short` (市政府) written out in full by `full` (衢州市人民政府): its characters in order? */
function abbreviates(short: string, full: string): boolean {
  let i = 0;
  for (const c of full) if (c === short[i]) i++;
  return i === short.length && full.length > short.length;
}

/** The signature above a 成文日期 line, searched from `from` on: 国务院 / 2018年12月21日. */
function signatureDate(paras: Paragraph[], from: number, to: number): { index: number; issuer?: string } | undefined {
  for (let i = Math.max(from, 0); i < Math.min(to, paras.length); i++) {
    if (!isDateLine(paras[i].text)) continue;
    const sig = paras[i - 1];
    const issuer = sig && sig.text.length <= 30 && !hasSentencePunct(sig.text) && !isDateLine(sig.text) ? sig.text : undefined;
    return { index: i, issuer };
  }
  return undefined;
}

function hasSentencePunct(t: string): boolean {
  return /[，。；：！？]/.test(t);
}

/** The notice title: "…关于印发…的通知", possibly wrapped in 《》 or preceded by its 文号 on a web page. */
function findTitle(header: Paragraph[]): string | undefined {
  const isTitle = (t: string) => t.length >= 6 && t.length <= 120 && !/[。；]/.test(t) && t.includes('关于') && NOTICE_TITLE_END.test(t);
  for (let i = 0; i < header.length; i++) {
    let t = header[i].text;
    const dn = findDocNumbers(t)[0];
    if (dn && dn.index === 0) t = t.replace(/^[\u4e00-\u9fff]{1,10}?〔\d{4}〕\d{1,4}号/, '');
    t = t.replace(/^《(.*)》$/, '$1');
    if (isTitle(t)) return t;
    // a title set on two or three lines: 国务院办公厅关于印发“无废城市”建设 / 试点工作方案的通知
    if (!t.includes('关于') || hasSentencePunct(t) || t.length > 60) continue;
    for (let j = i + 1; j < Math.min(i + 3, header.length); j++) {
      const n = header[j].text;
      if (hasSentencePunct(n) || n.length > 60 || findDocNumbers(n)[0]) break;
      t += n;
      if (isTitle(t)) return t;
    }
  }
  return undefined;
}

/** The attached plan's own title, which PDFs and pages may spread over two or three lines. */
function findPlanTitle(header: Paragraph[], after: number): string | undefined {
  for (let i = after; i < header.length; i++) {
    const t = header[i].text;
    // a masthead (…人民政府文件) or a 文号 line opens no title: with no date line above, they come first
    const notTitle = (x: string) => /文件$/.test(x) || !!findDocNumbers(x)[0];
    if (t.length > 70 || hasSentencePunct(t) || isDateLine(t) || /^（此件/.test(t) || t.startsWith('|') || notTitle(t)) continue;
    let title = t;
    let j = i + 1;
    while (!PLAN_TITLE_END.test(title) && j < header.length && j <= i + 2) {
      const n = header[j].text;
      if (n.length > 50 || hasSentencePunct(n) || notTitle(n)) break;
      title += n;
      j++;
    }
    // a year span printed on its own line under the title: （2018—2022年）
    if (j < header.length && /^（[^（）]{0,16}年）$/.test(header[j].text)) title += header[j].text;
    if (PLAN_TITLE_END.test(title)) return title;
  }
  return undefined;
}

export interface MetaResult {
  meta: Meta;
  /** Index of the paragraph holding the 成文日期 in the header, -1 if none. */
  dateIndex: number;
}

export function parseMeta(paras: Paragraph[], bodyStart: number, bodyEnd = paras.length): MetaResult {
  const meta: Meta = {};
  const header = paras.slice(0, bodyStart);
  const block = metadataBlock(paras);

  const masthead = header.slice(0, 6).find((p) => /^[\u4e00-\u9fff]{2,30}文件$/.test(p.text));
  if (block.get('发布机构') || block.get('发文机关') || block.get('发文单位')) {
    meta.issuer = block.get('发布机构') ?? block.get('发文机关') ?? block.get('发文单位');
  } else if (masthead) {
    meta.issuer = masthead.text.replace(/文件$/, '');
  }

  const numbered = block.get('发文字号') ?? block.get('文件编号') ?? block.get('文号');
  if (numbered && findDocNumbers(numbered)[0]) {
    meta.docNumber = findDocNumbers(numbered)[0].docNumber;
  } else if (numbered && findOrderNumber(numbered)) {
    meta.docNumber = findOrderNumber(numbered);
  } else {
    for (const p of header) {
      const hit = findDocNumbers(p.text)[0];
      // the notice's own number stands alone or opens the line; citations sit inside sentences
      if (hit && (hit.index === 0 || p.text.length <= 30)) {
        meta.docNumber = hit.docNumber;
        break;
      }
    }
  }

  // a regulation's header: 中华人民共和国国务院令 / 第707号, on one line or two
  for (let i = 0; !meta.docNumber && i < Math.min(header.length, 12); i++) {
    const t = header[i].text;
    const order = findOrderNumber(t) ?? (t.endsWith('令') && i + 1 < header.length ? findOrderNumber(t + header[i + 1].text) : undefined);
    if (order) meta.docNumber = order;
  }

  meta.title = block.get('标题') ?? block.get('名称') ?? findTitle(header);

  const dateIndex = header.findIndex((p) => isDateLine(p.text));
  // the signature and 成文日期 stand above the attached plan, or after the body when nothing is attached
  const signed = dateIndex >= 0 ? signatureDate(header, dateIndex, dateIndex + 1) : signatureDate(paras, bodyEnd, paras.length);
  if (signed) {
    meta.date = parseDateAtStart(paras[signed.index].text);
    const sig = signed.issuer;
    // prefer the full name: a table's 市政府 is the signature's 衢州市人民政府
    if (sig && (!meta.issuer || abbreviates(meta.issuer, sig))) meta.issuer = sig;
  }
  const blockDate = block.get('成文日期') ?? block.get('发文日期');
  if (blockDate && parseDateAtStart(blockDate)) meta.date = parseDateAtStart(blockDate);
  if (!meta.issuer && meta.title) {
    // 国务院办公厅转发国家地震局关于…的通知: the issuer is the one who forwards
    const m = /^(.{2,30}?)(?:转发|关于)/.exec(meta.title);
    if (m) meta.issuer = m[1];
  }

  // 主送 ends with ：; an article (第三条…所得：) of a regulation does too, and is not one
  const recipients = header.find((p) => p.text.endsWith('：') && !META_START.test(p.text) && !p.text.includes('。') && p.text.length <= 120 && !/^第[一二三四五六七八九十百零〇]+条/.test(p.text));
  if (recipients) meta.recipients = recipients.text.replace(/：$/, '');

  const planTitle = findPlanTitle(header, dateIndex >= 0 ? dateIndex + 1 : 0);
  if (planTitle && planTitle !== meta.title) meta.planTitle = planTitle;
  if (!meta.title) meta.title = planTitle;

  parseFooter(paras, bodyStart, meta);
  return { meta, dateIndex };
}

/** 版记: 抄送：… then the printing office and 2018年5月10日印发 (on one line or two). */
function parseFooter(paras: Paragraph[], from: number, meta: Meta): void {
  for (let i = from; i < paras.length; i++) {
    const t = paras[i].text;
    if (/^抄送[：:]/.test(t)) meta.copyTo = t.replace(/^抄送[：:]/, '').replace(/。$/, '');
    const m = /^(.*?)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)印发$/.exec(t);
    if (m) {
      meta.printedDate = parseDateAtStart(m[2]);
      const org = m[1].trim() || (i > from && paras[i - 1].text.length <= 30 && !hasSentencePunct(paras[i - 1].text) ? paras[i - 1].text : '');
      if (org) meta.printedBy = org;
    }
  }
}
