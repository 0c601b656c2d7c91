// 发文字号: issuer code + 〔year〕 + serial + 号. Pages print it with stray spaces or other brackets
// (浙政发﹝2018﹞16号, 浙政发[2018]48 号); normalization has already turned the year brackets into 〔〕
// and dropped spaces next to Chinese text, so one pattern covers them.
const DOC_NO = /([\u4e00-\u9fff]{1,10}?)〔((?:19|20)\d{2})〕(\d{1,4})号/;
const DOC_NO_G = new RegExp(DOC_NO.source, 'g');

export interface DocNumberHit {
  docNumber: string;
  index: number;
}

/** Every 文号 in a text, normalized to 浙政发〔2018〕16号. */
export function findDocNumbers(text: string): DocNumberHit[] {
  const out: DocNumberHit[] = [];
  if (!text.includes('〔')) return out; // the pattern needs one; most paragraphs have none
  for (const m of text.matchAll(DOC_NO_G)) {
    // the issuer code is the run of CJK characters right before 〔; cut words such as 根据/的通知 off it
    const code = trimIssuerCode(m[1]);
    out.push({ docNumber: `${code}〔${m[2]}〕${Number(m[3])}号`, index: m.index ?? 0 });
  }
  return out;
}

function trimIssuerCode(code: string): string {
  // The run of characters before 〔 may carry the words before the code: 根据浙政发, 印发舟政办发.
  const cut = /^.*(?:根据|按照|依据|印发|转发|贯彻|落实|通知|要求|以及|和|及|与|的|见)/.exec(code);
  const c = cut && cut[0].length < code.length ? code.slice(cut[0].length) : code;
  return c.length > 6 ? c.slice(-6) : c;
}

/** Normalize a 文号 the way findDocNumbers does (for comparison of citations). */
export function normalizeDocNumber(s: string): string | undefined {
  return findDocNumbers(s)[0]?.docNumber;
}

// An order's number: 国令第707号, 浙江省人民政府令第388号. A regulation is issued under one instead of
// a 文号; read for the notice's own number only (a citation of an order is not a parent plan).
const ORDER_NO = /^(?:中华人民共和国)?([\u4e00-\u9fff]{1,14}?)令第(\d{1,5})号$/;

/** The order number a header line (or two, 国务院令 / 第707号) gives, normalized to 国令第707号. */
export function findOrderNumber(text: string): string | undefined {
  const m = ORDER_NO.exec(text.replace(/\s+/g, ''));
  if (!m) return undefined;
  return `${m[1] === '国务院' ? '国' : m[1]}令第${Number(m[2])}号`;
}
