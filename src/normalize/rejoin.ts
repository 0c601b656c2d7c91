// PDF extraction breaks lines at page ends in mid-sentence ("…责任主" / "体和配套措施"), and often
// leaves a blank line between the halves. Re-join a line with the next when the first is running
// text that has not ended and the next does not open a new structural element.
import type { Paragraph } from '../model.js';

export interface Line {
  text: string;
  line: number;
}

/** Does this line open a structural element (heading, numbered item, table row, footer field)? */
export function opensElement(t: string): boolean {
  return (
    /^[一二三四五六七八九十]{1,3}[、.]/.test(t) ||
    /^（[一二三四五六七八九十]{1,3}）/.test(t) ||
    /^\d{1,3}[.、](?!\d)/.test(t) ||
    /^（\d{1,3}）/.test(t) ||
    /^[①-⑳]/.test(t) ||
    t.startsWith('——') ||
    t.startsWith('|') ||
    isTableRow(t) ||
    /^(附件|附：|抄送|抄报|印发|主送|联系人|发布机构|文件编号|发文字号|成文日期|索引号)/.test(t) ||
    /^\d{4}年\d{1,2}月\d{1,2}日/.test(t)
  );
}

export function isTableRow(t: string): boolean {
  let pipes = 0;
  for (let i = 0; i < t.length && pipes < 3; i++) if (t[i] === '|') pipes++;
  return pipes >= 3;
}

const TERMINAL = new Set(['。', '！', '？', '；', '：', '）', '」', '』', '】', '〕', '…']);

function isRunningText(t: string): boolean {
  return t.length >= 12 && /[，。、；：]/.test(t);
}

export function shouldJoin(prev: string, next: string): boolean {
  if (prev.length === 0 || next.length === 0) return false;
  if (TERMINAL.has(prev[prev.length - 1])) return false;
  if (isTableRow(prev) || prev.startsWith('|')) return false;
  if (!isRunningText(prev)) return false;
  return !opensElement(next);
}

/**
 * Group non-empty normalized lines into paragraphs, joining page-break splits.
 * What shouldJoin asks of the paragraph so far (its last character, table shape, length,
 * punctuation) is kept up to date as lines are appended: re-reading a paragraph that grows by +=
 * would make a long run of joined lines quadratic.
 */
export function rejoin(lines: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let parts: string[] = [];
  let cur: Paragraph | undefined;
  let length = 0;
  let punct = false;
  let pipes = 0;
  let bar = false;
  let last = '';
  const finish = () => {
    if (cur && parts.length > 1) cur.text = parts.join('');
  };
  for (const l of lines) {
    if (l.text.length === 0) continue;
    const joinable = cur !== undefined && !TERMINAL.has(last) && pipes < 3 && !bar && length >= 12 && punct && !opensElement(l.text);
    if (cur && joinable) {
      parts.push(l.text);
      cur.lines.push(l.line);
      length += l.text.length;
    } else {
      finish();
      cur = { text: l.text, line: l.line, lines: [l.line] };
      out.push(cur);
      parts = [l.text];
      length = l.text.length;
      punct = false;
      pipes = 0;
      bar = l.text.startsWith('|');
    }
    for (let i = 0; i < l.text.length && pipes < 3; i++) if (l.text[i] === '|') pipes++;
    punct ||= /[，。、；：]/.test(l.text);
    last = l.text[l.text.length - 1];
  }
  finish();
  return out;
}
