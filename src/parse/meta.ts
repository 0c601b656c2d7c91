// GB/T 9704 header and footer elements: 版头 (issuer + 文件), 发文字号, 标题, 主送, 成文日期,
// and the 版记 (抄送, 印发机关, 印发日期). Government web pages may instead carry a metadata block
// (文件编号：… / 发布机构：… / 成文日期：…), which wins when present.
import type { Meta, Paragraph } from '../model.js';
import { findDocNumbers } from './docnumber.js';
import { isDateLine, parseDateAtStart } from './dates.js';

const META_LINE = /^(文件编号|发文字号|文号|发布机构|发文机关|发文单位|成文日期|发文日期|发布日期|标题|名称|主题|索引号|主题分类|公文种类)[：:](.*)$/;
const NOTICE_TITLE_END = /(通知|意见|决定|批复|函|通报|公告|通告|报告|请示|规定|办法|命令|决议)$/;
const PLAN_TITLE_END = /(方案|计划|规划|意见|办法|细则|要点|纲要)(（[^（）]{0,16}）)?$/;

function metadataBlock(paras: Paragraph[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of paras.slice(0, 60)) {
    const m = META_LINE.exec(p.text);
    if (m && m[2].trim() && !out.has(m[1])) out.set(m[1], m[2].trim());
  }
  return out;
}

function hasSentencePunct(t: string): boolean {
  return /[，。；：！？]/.test(t);
}

/** The notice title: "…关于印发…的通知", possibly wrapped in 《》 or preceded by its 文号 on a web page. */
function findTitle(header: Paragraph[]): string | undefined {
  for (const p of header) {
    let t = p.text;
    const dn = findDocNumbers(t)[0];
    if (dn && dn.index === 0) t = t.replace(/^[\u4e00-\u9fff]{1,10}?〔\d{4}〕\d{1,4}号/, '');
    t = t.replace(/^《(.*)》$/, '$1');
    if (t.length >= 6 && t.length <= 120 && !/[。；]/.test(t) && t.includes('关于') && NOTICE_TITLE_END.test(t)) return t;
  }
  return undefined;
}

/** The attached plan's own title, which PDFs and pages may spread over two or three lines. */
function findPlanTitle(header: Paragraph[], after: number): string | undefined {
  for (let i = after; i < header.length; i++) {
    const t = header[i].text;
    if (t.length > 70 || hasSentencePunct(t) || isDateLine(t) || /^（此件/.test(t) || t.startsWith('|')) continue;
    let title = t;
    let j = i + 1;
    while (!PLAN_TITLE_END.test(title) && j < header.length && j <= i + 2) {
      const n = header[j].text;
      if (n.length > 50 || hasSentencePunct(n)) break;
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

export function parseMeta(paras: Paragraph[], bodyStart: number): MetaResult {
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

  meta.title = block.get('标题') ?? block.get('名称') ?? findTitle(header);

  const dateIndex = header.findIndex((p) => isDateLine(p.text));
  if (dateIndex >= 0) {
    meta.date = parseDateAtStart(header[dateIndex].text);
    const sig = header[dateIndex - 1];
    if (!meta.issuer && sig && sig.text.length <= 30 && !hasSentencePunct(sig.text)) meta.issuer = sig.text;
  }
  const blockDate = block.get('成文日期') ?? block.get('发文日期');
  if (blockDate && parseDateAtStart(blockDate)) meta.date = parseDateAtStart(blockDate);
  if (!meta.issuer && meta.title) {
    const m = /^(.{2,30}?)关于/.exec(meta.title);
    if (m) meta.issuer = m[1];
  }

  const recipients = header.find((p) => p.text.endsWith('：') && !META_LINE.test(p.text) && !p.text.includes('。') && p.text.length <= 120);
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
