// The pieces the document readers share: the page layout (lines, paragraphs, tables, furniture),
// Word's list-number formats, OFD glyph advances, the small XML parser, and detection by content.
import { describe, it, expect } from 'vitest';
import { layoutPages, type PageContent, type Rule, type TextRun } from '../src/read/layout.js';
import { chineseNumber, formatNumber } from '../src/read/docx.js';
import { deltas } from '../src/read/ofd.js';
import { tsvRuns } from '../src/read/ocr.js';
import { parseXml, textOf } from '../src/read/xml.js';
import { detectKind, zipNames } from '../src/read/kinds.js';
import { tableRow } from '../src/read/doc.js';
import { zipSync, strToU8 } from 'fflate';

const SIZE = 12;
const LEFT = 90;
const RIGHT = 90 + 30 * SIZE; // 30 characters a line
/** A run of CJK text at a line position, one em per character. */
const run = (text: string, x: number, y: number): TextRun => ({ text, x, y, w: [...text].length * SIZE, size: SIZE });

/** Typesets paragraphs onto pages of `perPage` lines: first-line indent 2 em, wrapped at 30 em. */
function pages(paragraphs: string[], perPage: number, furniture: (n: number) => TextRun[] = () => []): PageContent[] {
  const lines: { text: string; x: number }[] = [];
  for (const p of paragraphs) {
    const chars = [...p];
    let first = true;
    while (chars.length) {
      const room = first ? 28 : 30;
      lines.push({ text: chars.splice(0, room).join(''), x: first ? LEFT + 2 * SIZE : LEFT });
      first = false;
    }
  }
  const out: PageContent[] = [];
  for (let i = 0; i < lines.length; i += perPage) {
    const n = out.length + 1;
    const runs = lines.slice(i, i + perPage).map((l, k) => run(l.text, l.x, 120 + k * 20));
    out.push({ width: 595, height: 842, runs: [...runs, ...furniture(n)], rules: [] });
  }
  return out;
}

describe('layoutPages', () => {
  const para1 = '一、总体要求';
  const para2 = '深入贯彻落实党中央、国务院决策部署，坚持稳中求进工作总基调，以推动高质量发展为主题，全面推进各项工作落实见效，确保各项任务按期完成。';
  const para3 = '（一）加强组织领导。各地要高度重视，建立工作机制，明确责任分工，抓好工作落实，定期调度进展情况，及时研究解决工作推进中遇到的困难和问题。';

  it('joins lines wrapped at the right margin (also across a page), keeps indented paragraphs apart', () => {
    const out = layoutPages(pages([para1, para2, para3], 4));
    expect(out.map((l) => l.text)).toEqual([para1, para2, para3]);
    expect(out.map((l) => l.page)).toEqual([1, 1, 2]);
  });

  it('an item after a line that ends with a closed note (OCR: ASCII brackets) opens a paragraph even when its indent is lost', () => {
    // a scan turned slightly: the item's first line starts at the body's left edge, the note ran to the margin
    const note = '（牵头单位：县住房城乡建设局；配合单位：县财政局、各乡镇政府)';
    const line = (t: string) => t.padEnd(30, '全').slice(0, 30);
    const runs = [run(line('1.健全垃圾收运处置体系。按照户分类的模式，配齐保洁员和'), LEFT, 120), run(note.padStart(30, '全'), LEFT, 140), run(line('2.开展非正规垃圾堆放点排查整治。全面排查河道沿岸'), LEFT, 160)];
    const out = layoutPages([{ width: 595, height: 842, runs, rules: [] }]);
    expect(out.length).toBe(2);
    expect(out[1].text.startsWith('2.开展')).toBe(true);
  });

  it('drops page numbers and running headers in the margins, in their usual forms', () => {
    for (const form of [(n: number) => `— ${n} —`, (n: number) => `-${n}-`, (n: number) => `第${n}页 共3页`, (n: number) => `${n}/3`]) {
      const out = layoutPages(pages([para1, para2, para3, para2], 3, (n) => [run('某某市人民政府文件', LEFT, 50), run(form(n), 280, 800)]));
      expect(out.map((l) => l.text)).toEqual([para1, para2, para3, para2]);
    }
  });

  it('keeps a number that is part of the text, and a title that appears once', () => {
    const p = pages(['关于印发实施方案的通知', para2], 10);
    p[0].runs.push(run('2018', LEFT, 300));
    const out = layoutPages(p);
    expect(out.map((l) => l.text)).toContain('关于印发实施方案的通知');
    expect(out.map((l) => l.text)).toContain('2018'); // a bare number in the body is not a page number
  });

  it('puts no spaces between CJK glyphs, keeps the space between Latin words, splits wide gaps', () => {
    const out = layoutPages([
      {
        width: 595,
        height: 842,
        rules: [],
        runs: [run('加强', LEFT, 200), run('政治', LEFT + 2 * SIZE + 1, 200), { text: 'PM2.5', x: LEFT + 4 * SIZE + 2, y: 200, w: 30, size: SIZE }, { text: 'level', x: LEFT + 4 * SIZE + 36, y: 200, w: 30, size: SIZE }],
      },
    ]);
    expect(out[0].text).toBe('加强政治PM2.5 level');
  });

  it('rebuilds a bordered table cell by cell: wrapped cells stay in their row, a centred 序号 too', () => {
    const cols = [LEFT, LEFT + 3 * SIZE, LEFT + 15 * SIZE, LEFT + 25 * SIZE, LEFT + 32 * SIZE];
    const rows = [200, 225, 275];
    const rules: Rule[] = [];
    // borders drawn cell by cell, as browsers and office suites do
    for (const y of rows) for (let c = 0; c + 1 < cols.length; c++) rules.push({ x0: cols[c], x1: cols[c + 1], y0: y - 0.5, y1: y + 0.5 });
    for (let r = 0; r + 1 < rows.length; r++) for (const x of cols) rules.push({ x0: x - 0.5, x1: x + 0.5, y0: rows[r], y1: rows[r + 1] });
    const runs = [
      run('序号', cols[0] + 2, 217),
      run('重点任务', cols[1] + 2, 217),
      run('责任单位', cols[2] + 2, 217),
      run('时间要求', cols[3] + 2, 217),
      run('1', cols[0] + 2, 255), // vertically centred
      run('开展重大行政决策目录', cols[1] + 2, 243),
      run('化管理', cols[1] + 2, 263),
      run('省法制办', cols[2] + 2, 255),
      run('每年开展', cols[3] + 2, 255),
    ];
    const out = layoutPages([{ width: 595, height: 842, runs, rules }]);
    expect(out.map((l) => l.text)).toEqual(['| 序号 | 重点任务 | 责任单位 | 时间要求 |', '| 1 | 开展重大行政决策目录化管理 | 省法制办 | 每年开展 |']);
  });
});

describe('Word list numbers', () => {
  it('counts in Chinese as Word does', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
  });
  it('formats the other list styles', () => {
    expect(formatNumber(3, 'decimal')).toBe('3');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(28, 'lowerLetter')).toBe('ab');
  });
});

describe('small parts', () => {
  it('OFD DeltaX expands g N d', () => {
    expect(deltas('g 3 4.2 1 g 2 0.5')).toEqual([4.2, 4.2, 4.2, 1, 0.5, 0.5]);
  });
  it('Tesseract TSV words become runs on their line, in points', () => {
    const tsv = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext', '5\t1\t1\t1\t1\t1\t300\t400\t50\t50\t96\t加强', '5\t1\t1\t1\t1\t2\t352\t402\t50\t48\t95\t建设'].join('\n');
    const runs = tsvRuns(tsv, 72 / 300);
    expect(runs.map((r) => r.text)).toEqual(['加强', '建设']);
    expect(runs[0].y).toBe(runs[1].y);
  });
  it('the XML parser decodes entities and CDATA and drops namespace prefixes', () => {
    const root = parseXml('<?xml version="1.0"?><w:document xmlns:w="x"><w:t a="1 &amp; 2">甲&lt;乙&#x4E19;<![CDATA[<丁>]]></w:t></w:document>');
    expect(root.name).toBe('document');
    const t = root.children[0] as { name: string; attrs: Record<string, string> };
    expect(t.name).toBe('t');
    expect(t.attrs.a).toBe('1 & 2');
    expect(textOf(root)).toBe('甲<乙丙<丁>');
  });
  it('detects formats by content, zip members by the central directory', () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'word/document.xml': strToU8('<x/>') });
    expect(zipNames(docx)).toContain('word/document.xml');
    expect(detectKind(docx, 'notice.bin')?.format).toBe('docx');
    expect(detectKind(zipSync({ 'OFD.xml': strToU8('<x/>') }), 'a.zip')?.format).toBe('ofd');
    expect(detectKind(Buffer.from('%PDF-1.7\n'), 'notice.txt')?.format).toBe('pdf');
    expect(detectKind(Buffer.from('一、总体要求'), 'notice.pdf')).toBeUndefined(); // text named .pdf is read as text
    expect(detectKind(zipSync({ 'a.txt': strToU8('x') }), 'a.zip')).toBeUndefined();
  });
  it('DOC table cells (tab-separated) become a row only with three or more cells', () => {
    expect(tableRow('1\t严控会议经费\t省财政厅\t每年推进\t\t')).toBe('| 1 | 严控会议经费 | 省财政厅 | 每年推进 |');
    expect(tableRow('海南省农业农村厅\t海南省财政厅')).toBe('海南省农业农村厅 海南省财政厅');
  });
});

describe('DOC tables', () => {
  it('rows that word-extractor runs together (cell marks as tabs, a second tab ends a row) come apart', async () => {
    const { splitRows } = await import('../src/read/doc.js');
    expect(splitRows('1\t严控会议经费\t省财政厅\t每年推进\t\t2\t严控公文\t省政府办公厅\t每年推进\t\t')).toEqual(['| 1 | 严控会议经费 | 省财政厅 | 每年推进 |', '| 2 | 严控公文 | 省政府办公厅 | 每年推进 |']);
    expect(splitRows('海南省农业农村厅\t海南省财政厅')).toEqual(['海南省农业农村厅 海南省财政厅']);
  });
});
