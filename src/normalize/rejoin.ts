// PDF extraction breaks lines at page ends in mid-sentence ("…责任主" / "体和配套措施"), and often
// leaves a blank line between the halves. Re-join a line with the next when the first is running
// text that has not ended and the next does not open a new structural element.
import type { Paragraph } from '../model.js';
import { HEADING_PATTERNS, META_LABELS } from '../vocabulary.js';

export interface Line {
  text: string;
  line: number;
}

const FOOTER_FIELD = /^(?:附件|附：|抄送|抄报|印发|主送|联系人|发布机构|文件编号|发文字号|成文日期|索引号)/;
const META_FIELD = new RegExp(`^(?:${META_LABELS.join('|')})\\s*[：:]`);
const DOC_NUMBER_LINE = /^[\u4e00-\u9fff]{1,12}〔\d{4}〕\d{1,5}号$/;

/** A web page's metadata field (索引号：… / 发文字号：…) or a 文号 alone: never continued by the next line. */
export function isFieldLine(t: string): boolean {
  return META_FIELD.test(t) || DOC_NUMBER_LINE.test(t);
}

/** Does this line open a structural element (heading, numbered item, table row, footer field)? */
export function opensElement(t: string): boolean {
  return (
    (HEADING_PATTERNS.some((p) => p.re.test(t)) && !/^\d{1,3}\s/.test(t)) ||
    t.startsWith('——') ||
    t.startsWith('|') ||
    isTableRow(t) ||
    FOOTER_FIELD.test(t) ||
    isFieldLine(t) ||
    /^\d{4}年\d{1,2}月\d{1,2}日/.test(t)
  );
}

/** Three or more | in the line (found by indexOf: this runs on every line and paragraph, several times). */
/**
 * A row of a tab-separated table (a 分工表 pasted from a spreadsheet: 序号⇥工作任务⇥牵头单位) as the
 * `| a | b | c |` row the table readers take; other lines as they are. Needs two tabs between three
 * cells, so a tab used as an indent is not a table.
 */
export function tabsAsCells(line: string): string {
  if (!line.includes('\t')) return line;
  const cells = line.trim().split(/\t+/);
  return cells.length >= 3 ? `| ${cells.map((c) => c.trim()).join(' | ')} |` : line;
}

export function isTableRow(t: string): boolean {
  let i = t.indexOf('|');
  if (i < 0) return false;
  i = t.indexOf('|', i + 1);
  return i >= 0 && t.indexOf('|', i + 1) >= 0;
}

const HEADING_MARKER = /^(?:[一二三四五六七八九十]{1,3}|\d{1,3})、/;

/**
 * A heading that is only a title (（一）以规划为引领，构建区域绿色网络体系): short, no sentence end.
 * It is complete on its line; the text under it is its own paragraph, even when a page break
 * falls between them. (A title long enough to wrap runs to the full width of the page.)
 */
const SHORT_TITLE = 26;
const TITLE_LEVELS = HEADING_PATTERNS.filter((p) => p.level === 'part' || p.level === 'project');
function isHeadingTitle(t: string): boolean {
  return t.length <= SHORT_TITLE && !/[。；！？]/.test(t) && TITLE_LEVELS.some((p) => p.re.test(t));
}

/** A document title's close (…关于印发…方案的通知): complete even with a 、 in it (“双随机、一公开”), never broken text. */
const TITLE_END = /关于.*的(?:通知|意见|指导意见|实施意见|决定|批复|复函|函)$/;

const TERMINAL = new Set(['。', '！', '？', '；', '：', '）', '」', '』', '】', '〕', '…']);

/**
 * Group non-empty normalized lines into paragraphs, joining page-break splits.
 * What the join test asks of the paragraph so far (its last character, table shape, length,
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
  let field = false;
  let title = false;
  let last = '';
  const finish = () => {
    if (cur && parts.length > 1) cur.text = parts.join('');
  };
  for (const l of lines) {
    if (l.text.length === 0) continue;
    const joinable = cur !== undefined && !TERMINAL.has(last) && pipes < 3 && !bar && !field && !title && length >= 12 && punct && !opensElement(l.text) && !(last === '知' || last === '见' || last === '定' || last === '复' || last === '函' ? TITLE_END.test(parts.join('')) : false);
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
      field = isFieldLine(l.text);
      title = isHeadingTitle(l.text);
    }
    for (let i = pipes < 3 ? l.text.indexOf('|') : -1; i >= 0 && pipes < 3; i = l.text.indexOf('|', i + 1)) pipes++;
    // the 、 of a heading marker (二、) is not sentence punctuation: a heading alone on its line
    // (二、制定配套制度) is a complete paragraph, not the start of a sentence broken at a page end
    punct ||= /[，。、；：]/.test(l.text.replace(HEADING_MARKER, ''));
    last = l.text[l.text.length - 1];
  }
  finish();
  return out;
}
