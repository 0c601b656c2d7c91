// Lines that Tesseract read from a page image, repaired the way a reader of a scanned notice would:
// what OCR typically gets wrong in the layout of GB/T 9704 documents (公文), not what one document says.
//  - heading and item markers: the mark after a numeral read as a comma or a full stop, with spaces
//    around (`二 ,主要任务` → `二、主要任务`, `(一 )` → `（一）`, `1 .加强` → `1.加强`), the brackets of
//    （一） read as 〈〉【】 or C, a numeral that is none (（二一）) one character off the next of its series;
//  - Latin look-alikes of digits inside numbers (Tesseract's chi_sim reads 0 as O/o, 1 as l/I/|):
//    `2O18年` → `2018年`, `l2月` → `12月`, and a lone `l.` / `(l)` marker;
//  - the dash of a —— bullet read as the numeral 一 (`一一坚持…` → `——坚持…`);
//  - page numbers read with the dashes of `— 3 —` turned into 一, - or _ (`一3一-`);
//  - a running header or footer repeated at the top or bottom of most pages, read a little
//    differently on each (one character more or less), dropped as for text PDFs;
//  - owner notes (（责任单位：…）): the （ read as 人, C, 〈 or 【, a character of the label misread
//    (真任单位), the ： read as ; , . or 、; the aside 〔党组〕 read as 【党组]; a note broken over two
//    lines by a wrapped line the layout did not join; a unit name with one character wrong where
//    the document writes it right elsewhere or bodies.tsv knows the right one (市政府法制欠 → 市政府法制办);
//  - quotation marks set by what stands either side of them, not only by pairing in the line;
//  - in a scan of a page with pinyin glosses (發(fā)), the glosses' remains (Imen), (wb, Uing)).
// The lines come after width unification (width.ts), so brackets and commas are already full-width.
// Every change is counted by kind: the `ocr` warning says how many were made.

import { ASSIST_UNIT_LABELS, chineseNumber, chineseNumeral, GUIDE_UNIT_LABELS, LEAD_UNIT_LABELS, PLAIN_UNIT_LABELS, RESPONSIBLE_UNIT_LABELS, ROLE_WORDS, UNIT_END } from '../vocabulary.js';
import type { Paragraph } from '../model.js';
import { opensElement } from './rejoin.js';
import { bareName, bodiesOf, bodyTable, LEVELS } from '../bodies/table.js';

export interface OcrLine {
  text: string;
  /** the page it was read from */
  page: number;
}

export type RepairKind = 'marker' | 'digit' | 'bracket' | 'quote' | 'gloss' | 'dash' | 'note' | 'unit' | 'stop' | 'page-number' | 'running-line';

export interface OcrRepairs {
  /** the lines, repaired; null where a line was dropped (a page number, a running header or footer) */
  lines: (string | null)[];
  counts: Record<RepairKind, number>;
}

const CN = '一二三四五六七八九十';
const HAN = '\\u4e00-\\u9fff';

// A page number as OCR reads `— 3 —` or `- 3 -`: the dashes as 一, -, —, _, ~ or a dot, spaces anywhere
const PAGE_NUMBER = /^[\s一—–\-_~.·・]*\d{1,3}[\s一—–\-_~.·・]*$/;

/** Digits with Latin look-alikes among them (at least one real digit), as a whole number. */
const LOOKALIKE_NUMBER = /(?<![A-Za-z])([0-9OolI|]*[0-9][0-9OolI|]*)(?![A-Za-z])/g;
const DIGIT_OF: Record<string, string> = { O: '0', o: '0', l: '1', I: '1', '|': '1' };

interface Rule {
  kind: RepairKind;
  re: RegExp;
  /** the repaired text of the match, or the match itself when it is already right */
  to: (m: RegExpExecArray) => string;
}

const MARK_AFTER = `(?=[${HAN}（(“《])`;
const RULES: Rule[] = [
  // 二，主要任务 / 二 .主要任务 / 二 、 → 二、 (a part heading: a numeral alone, then the title)
  { kind: 'marker', re: new RegExp(`^([${CN}]{1,3})(\\s*)([，,.．、·])(\\s*)${MARK_AFTER}`), to: (m) => ((m[3] === '、' || m[3] === '.') && !m[2] && !m[4] ? m[0] : `${m[1]}、`) },
  // （ 一 ） / (一） / （一)、 → （一）; its brackets read as 〈 〉 【 】 〔 〕 or C, the numeral 一 as a dash
  { kind: 'marker', re: new RegExp(`^[（(]\\s*([${CN}]{1,3})\\s*[）)]\\s*`), to: (m) => `（${m[1]}）` },
  { kind: 'marker', re: new RegExp(`^[〈<【〔C]\\s*([${CN}]{1,3})\\s*[）)〉>】〕](?=[${HAN}])|^[（(〈<【〔C]\\s*[-—–_~]\\s*[）)〉>】〕](?=[${HAN}])`), to: (m) => `（${m[1] ?? '一'}）` },
  // -、总体要求 → 一、总体要求 (a single dash before a 、 opens no bullet: the numeral 一)
  { kind: 'marker', re: new RegExp(`^[-—–_~]\\s*[、，,]\\s*(?=[${HAN}])`), to: () => '一、' },
  // 人三）/ 入二）/ 三）: the opening bracket read as 人, 入 or 八, or lost (a numeral and ）never open a line)
  { kind: 'marker', re: new RegExp(`^[人入八]?\\s*([${CN}]{1,3})\\s*[）)]\\s*(?=[${HAN}])`), to: (m) => `（${m[1]}）` },
  // 1 . / 1，/ 1 、 → 1. (an item: one or two digits, then its text)
  { kind: 'marker', re: new RegExp(`^(\\d{1,2})(\\s*)([.．，,、])(\\s*)${MARK_AFTER}`), to: (m) => ((m[3] === '、' || m[3] === '.') && !m[2] && !m[4] ? m[0] : `${m[1]}.`) },
  // ( 3 ) → （3）
  { kind: 'marker', re: /^[（(]\s*(\d{1,2})\s*[）)]\s*/, to: (m) => `（${m[1]}）` },
  // a lone look-alike as an item number: l. / I. / (l) → 1. / （1）
  { kind: 'digit', re: new RegExp(`^[lI|i\\]!]\\s*[.．，,、]\\s*${MARK_AFTER}`), to: () => '1.' },
  { kind: 'digit', re: /^[（(]\s*[lI|]\s*[）)]\s*/, to: () => '（1）' },
  // 新政发2018] 46号 / 浙政办发(2O18) 16 号 → 新政发〔2018〕46号: the 发文字号 of GB/T 9704, its year's
  // 〔〕 read as ] [ ( ) or lost, spaces around the numbers
  {
    kind: 'bracket',
    re: new RegExp(`^([${HAN}]{1,10}[发函字办])\\s*[〔\\[(（【]?\\s*((?:19|20)\\d\\d)\\s*[〕\\])）】]?\\s*(\\d{1,4})\\s*号$`),
    to: (m) => `${m[1]}〔${m[2]}〕${m[3]}号`,
  },
  // 一一坚持 / 一—坚持 / - -坚持 → ——坚持 (the bullet of 总体要求's principles)
  { kind: 'dash', re: new RegExp(`^[一—–\\-－]\\s*[一—–\\-－]\\s*(?=[${HAN}])`), to: (m) => (m[0] === '——' ? m[0] : '——') },
];

// Tesseract mixes up the angle and tortoise-shell brackets that close a short aside in a unit's name
// (各县〈区〉政府, 党委〔党组〕): 《〈<〔 and 》〉>〕 for one another, or one doubled. A pair that does
// not match is one aside: 〔 〕 (width.ts's form). A 《…》 of one character between Han characters is
// not a title (titles are names of documents), so it is such an aside too.
// (）is also read as ] or ）], with a speck before it: 区J） / 区1〕.)
const OPENS = '《〈<〔（【\\[';
const CLOSES = '》〉>〕）】\\]';
const PAIRS = new Set(['《》', '〈〉', '<>', '〔〕', '（）', '【】']);
const ASIDE = `[${HAN}][${HAN}、]{0,5}`;
const BRACKET_RULES: { re: RegExp; to: (m: string[]) => string }[] = [
  // 党委【党组] / 县【市、区] → 〔: Tesseract's 〔 is often 【; inside a name (after a Han character) 【 opens no heading label
  { re: new RegExp(`(?<=[${HAN}])【(?=[〔（]?${ASIDE}[${CLOSES}])`, 'g'), to: () => '〔' },
  // 市、区J） / 市、区1〕 → 市、区）: a speck read as a letter or a 1 at the closing bracket of a list aside
  { re: new RegExp(`(?<=[（〔【][${HAN}]{1,4}、[${HAN}、]{1,6})[JjlI|1](?=[${CLOSES}])`, 'g'), to: () => '' },
  // 〔党组》 / 《区〕 / 〈区） / （市、区] → 〔党组〕 / 〔区〕 / 〔市、区〕: the two halves of different pairs
  { re: new RegExp(`([${OPENS}])(${ASIDE})([${CLOSES}])`, 'g'), to: (m) => (PAIRS.has(m[1] + m[3]) || (m[1] === '《' && m[3] === '》') ? m[0] : `〔${m[2]}〕`) },
  // 《〔党组〕 / 《〈党组〉 / （（党组） → 〔党组〕 / 〈党组〉 / （党组）: an opening bracket doubled
  { re: new RegExp(`[${OPENS}](?=[${OPENS}]${ASIDE}[${CLOSES}])`, 'g'), to: () => '' },
  // （市、区）] / 〔区〕〕 → one closing bracket (〔党组〕） and （区）） close an aside and then a list: kept)
  { re: new RegExp(`(?<=[〔（]${ASIDE}[〕）])\\]|(?<=〔${ASIDE}〕)〕`, 'g'), to: () => '' },
  // 县《区》政府 → 县〔区〕政府
  { re: new RegExp(`(?<=[${HAN}])[《〈<]([${HAN}])[》〉>](?=[${HAN}])`, 'g'), to: (m) => `〔${m[1]}〕` },
];

// Chinese quotation marks as Tesseract writes them: “ as " ` ' * or “, ” as " or ”, and some lost.
// Each is set by what stands beside it: a mark before 。，、；：）or at the end closes; one at the start
// or after an opening bracket or punctuation, before Han text, opens. One between two Han characters is
// the other of the mark before it (a quote opened is closed next). A * or ' only where a quote can
// open (before a Han character, a closing mark further on).
const QUOTE = new RegExp(`[\`"“”]|[*'](?=[${HAN}][^*'"”]*["”])`, 'g');
const ITEM_HEAD = new RegExp(`^((?:[（(]?[${CN}\\d]{1,3}[）)、.．]|——))([${HAN}]{2,8})`);
const CLOSE_AFTER = /[。，、；：！？）》〕…—]/;
const OPEN_BEFORE = /[（《〔：，。、；！？—]/;
function repairQuotes(t: string, count: (k: RepairKind) => void): string {
  if (!/[`"'“”*]/.test(t)) return t;
  const marks = [...t.matchAll(QUOTE)];
  if (marks.length === 0) return t;
  // only in Chinese text (not inches, not code): a mark with wide text on one side
  const wide = (at: number) => WIDE.test(t[at - 1] ?? '') || WIDE.test(t[at + 1] ?? '');
  const sides = marks.map((m) => {
    const before = t[m.index! - 1] ?? '';
    const after = t[m.index! + 1] ?? '';
    return after === '' || CLOSE_AFTER.test(after) ? '”' : before === '' || OPEN_BEFORE.test(before) ? '“' : '';
  });
  // 1.赢在广州"大学生… : the first mark of an item that opens with a short name closes it (its “ lost)
  const head = ITEM_HEAD.exec(t);
  // (not when another mark follows in its clause: 1.深化"基层治理”建设 opens there)
  if (head && marks[0].index === head[0].length && !sides[0] && marks[0][0] !== '“' && !/^[^，。；：！？]*[`"'“”]/.test(t.slice(head[0].length + 1))) sides[0] = '”';
  let open = false;
  let out = '';
  let last = 0;
  marks.forEach((m, k) => {
    const at = m.index!;
    // between two Han characters: the other of the mark before (or a curly one as read); but a quote that opens would need a
    // later mark to close it, and OCR loses an opening “ far more often than a closing one
    // (a curly mark as Tesseract read it is kept there)
    const curly = m[0] === '“' || m[0] === '”' ? m[0] : '';
    const want = sides[k] || curly || (open ? '”' : sides.slice(k + 1).some((x) => x !== '“') ? '“' : '”');
    open = want === '“';
    if (m[0] === want || !wide(at)) return;
    count('quote');
    out += t.slice(last, at) + want;
    last = at + 1;
  });
  t = last === 0 ? t : out + t.slice(last);
  // 1.赢在广州”大学生… → 1.“赢在广州”大学生…
  const lost = ITEM_HEAD.exec(t);
  if (lost && t[lost[0].length] === '”') {
    count('quote');
    t = `${lost[1]}“${t.slice(lost[1].length)}`;
  }
  return t;
}

/**
 * An aside whose closing bracket OCR lost (各县〔区政府): closed after the same aside as it stands
 * closed elsewhere in the document (〔区〕), the longest that fits. `asides` are those seen closed.
 */
export function closeAsides(t: string, asides: ReadonlySet<string>, count: (k: RepairKind) => void): string {
  if (asides.size === 0 || !/[〔《〈（]/.test(t)) return t;
  // （ opens unit lists and remarks too: only where the line has a （ more than it has ）
  const paren = (t.match(/（/g)?.length ?? 0) > (t.match(/）/g)?.length ?? 0);
  return t.replace(new RegExp(`(?<=[${HAN}])([〔《〈（])([${HAN}]{1,6})(?=[、，；。）]|$)`, 'g'), (m, o: string, rest: string) => {
    if (o === '（' && !paren) return m;
    for (let n = Math.min(4, rest.length - 1); n >= 1; n--) {
      if (asides.has(rest.slice(0, n))) {
        count('bracket');
        return `〔${rest.slice(0, n)}〕${rest.slice(n)}`;
      }
    }
    return m;
  });
}

/** The short asides closed in 〔…〕 in these texts (after the bracket repairs): 区, 街道, 党组… */
export function asidesOf(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(new RegExp(`〔([${HAN}]{1,4})〕`, 'g'))) out.add(m[1]);
  return out;
}

// Han characters chi_sim reads for one another, where the wrong reading makes no word of an
// administration's name: 县 read as 具 before 府, 委, 级, 政, 直, 长, 发 or （市 (具体 and 工具 are left alone).
// And 县 opening a unit of an owner list (（具编办、…）): no unit's name starts with 具.
const HAN_CONFUSIONS: { re: RegExp; to: string }[] = [
  { re: /具(?=[府委级政直长发])/g, to: '县' },
  // 各区、具（市）人民政府: 县 before the aside of 县（市、区）
  { re: /具(?=[（〔(][市区])/g, to: '县' },
  { re: new RegExp(`(?<=[（：、，；])具(?![体备有])(?=[${HAN}]{1,9}[、，；）])`, 'g'), to: '县' },
];

const WIDE = new RegExp(`[${HAN}\\u3000-\\u303f\\uff00-\\uffef]`);

/** Repairs one line; `count` is told about each change. */
export function repairLine(text: string, count: (k: RepairKind) => void): string {
  let t = text;
  for (const r of RULES) {
    const m = r.re.exec(t);
    if (!m) continue;
    const to = r.to(m);
    if (to === m[0]) continue; // already in its canonical form: no repair
    count(r.kind);
    t = to + t.slice(m[0].length);
  }
  return repairInline(t, count);
}

/**
 * The repairs inside a line (brackets, look-alike digits): run on every OCR line, and again on the
 * paragraphs re-joined from them (an aside broken over two lines, `党委《` / `〔党组〕`).
 */
export function repairInline(text: string, count: (k: RepairKind) => void): string {
  let t = text;
  for (const c of HAN_CONFUSIONS) {
    t = t.replace(c.re, () => {
      count('digit');
      return c.to;
    });
  }
  // a pinyin gloss after a character (a web page's 發(fā) printed and scanned): OCR loses its tone
  // marks (（xu6）, 〔shh〕), so normalize's pinyin stripper no longer knows it; lower case, unlike
  // an acronym in brackets (（PPP）)
  if (/[a-z]/.test(t)) {
    t = t.replace(new RegExp(`(?<=[${HAN}])\\s*[（(〔]\\s*[a-z][A-Za-z0-9]{0,5}\\s*[）)〕]`, 'g'), () => {
      count('gloss');
      return '';
    });
  }
  if (/[《〈<〔（【[]/.test(t)) {
    for (const r of BRACKET_RULES) {
      t = t.replace(r.re, (...m) => {
        const to = r.to(m as string[]);
        if (to !== m[0]) count('bracket');
        return to;
      });
    }
  }
  if (/[OolI|]/.test(t)) {
    t = t.replace(LOOKALIKE_NUMBER, (m: string, _g: string, at: number) => {
      const digits = m.replace(/[^0-9]/g, '').length;
      // a number, not a word with a digit in it (O2O): more digits than letters, in Chinese text
      if (digits === m.length || digits < m.length - digits || m.length < 2) return m;
      if (!WIDE.test(t[at - 1] ?? '') && !WIDE.test(t[at + m.length] ?? '')) return m;
      count('digit');
      return m.replace(/[OolI|]/g, (c) => DIGIT_OF[c]);
    });
  }
  return repairQuotes(roleWords(leadMarks(splitLabels(repairNotes(t, count), count), count), count), count);
}

// Owner notes. The labels that open one, and a label with one character misread (真任单位, 牵头单佳).
// (a role word alone, 牵头：, is a label too, but one character off it is any word: 带头, 源头)
const NOTE_LABELS = [...PLAIN_UNIT_LABELS, ...RESPONSIBLE_UNIT_LABELS, ...LEAD_UNIT_LABELS, ...ASSIST_UNIT_LABELS, ...GUIDE_UNIT_LABELS].filter((l) => l.length > 2);
const oneOff = (a: string, b: string) => a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1;
// the （ of a note as read: a bracket of another kind, or 人 入 八 C (its stroke read as a character)
const NOTE_OPENS = '（〈<【〔《';
const NOTE_OPEN_MISREAD = '人入八Cc';
const NOTE_LABEL = new RegExp(
  `([${NOTE_OPENS}${NOTE_OPEN_MISREAD}]?)(${NOTE_LABELS.map((l) => [...l].map((_, i) => `${l.slice(0, i)}[${HAN}]${l.slice(i + 1)}`).join('|')).join('|')})((?:\\s*[：；，.、:;]){0,2})`,
  'g',
);
/**
 * （责任单位：… as Tesseract reads it — 人责任单位：, 〈责任单位；, （真任单位：, 。责任单位：…） — set right:
 * the note's （, the label, its ：. A misread label needs a colon after it, a misread bracket a
 * sentence before it; a label in running text (由牵头单位负责) is left alone.
 */
function repairNotes(t: string, count: (k: RepairKind) => void): string {
  if (!/单位|部门|主体/.test(t)) return t;
  return t.replace(NOTE_LABEL, (m, open: string, word: string, colon: string, at: number) => {
    const label = NOTE_LABELS.includes(word) ? word : NOTE_LABELS.find((l) => oneOff(l, word));
    if (!label || (label !== word && !colon)) return m;
    const prev = t[at - 1] ?? '';
    const boundary = prev === '' || /[。；！？）]/.test(prev);
    let opened: string;
    if (open === '') {
      if (/[；，]/.test(prev) && colon) opened = ''; // a second label in a note: （牵头单位：…；配合单位，…
      else if (prev === '' && colon && !/^[^（]*）/.test(t.slice(at + m.length))) opened = ''; // a note as a line of its own: 责任单位；…
      else if (boundary && colon && /^[^（]*）/.test(t.slice(at + m.length))) opened = '（'; // the （ lost
      else if (label === word) return m;
      else opened = '';
    } else if (NOTE_OPENS.includes(open)) opened = '（';
    else if (boundary) opened = '（';
    else return m;
    const to = `${opened}${label}${colon ? '：' : ''}`;
    if (to === m) return m;
    count('note');
    return to;
  });
}

// A second label in a note whose ； Tesseract read as ： or lost (（牵头单位：县水利局：配合单位：… /
// （牵头单位：县水利局配合单位：…): the ； back before it.
const LABELS_ALT = NOTE_LABELS.join('|');
const SECOND_LABEL = new RegExp(`(?<=（(?:${LABELS_ALT})：[^（）；]*?[${HAN}])[：:]?(?=(?:${LABELS_ALT})：)`, 'g');
function splitLabels(t: string, count: (k: RepairKind) => void): string {
  if (!t.includes('（')) return t;
  return t.replace(SECOND_LABEL, () => {
    count('note');
    return '；';
  });
}

// The lead mark after a unit in a 分工 table's cell (市工业和信息化局（牵头）) with 牵 misread (过头, 这头)
// or its （ lost: the mark back.
// In a note that names roles in words (（省大数据中心牵头，省司法厅配合）) the same misread 牵 before the ，.
const LEAD_MARK = new RegExp(`(?<=[${HAN}])(?:[（(〈]?[${HAN}]头|[${HAN}]?头)[）)〉]|(?<=[${HAN}])[${HAN}]头(?=[，、；])`, 'g');
function leadMarks(t: string, count: (k: RepairKind) => void): string {
  if (!t.includes('头')) return t;
  return t.replace(LEAD_MARK, (m: string, at: number) => {
    // (words that end in 头 and may follow a name: 带头, 源头, 龙头, 街头, 口头, 码头)
    if (m === '（牵头）' || m === '牵头' || /[带源龙街口码]头/.test(m) || !UNIT_END.test(t.slice(Math.max(0, at - 8), at))) return m;
    // (unbracketed: only inside a note's brackets)
    const bracketed = /[）)〉]$/.test(m);
    if (!bracketed && t.lastIndexOf('（', at) <= t.lastIndexOf('）', at)) return m;
    count('note');
    return bracketed ? '（牵头）' : '牵头';
  });
}

// The role word that closes a note of units (（…、国管局指导）) read one character off (旨导): the role
// word back, where the note lists two units or more and the word follows a unit's name.
const ROLES = [...new Set(ROLE_WORDS.map((r) => r.word).filter((w) => w.length === 2))];
const ROLE_END = new RegExp(`（([^（）。；]{2,120}、[^（）。；]{2,60}?)([${HAN}]{2})）`, 'g');
function roleWords(t: string, count: (k: RepairKind) => void): string {
  if (!t.includes('、')) return t;
  return t.replace(ROLE_END, (m: string, units: string, word: string) => {
    if (ROLES.includes(word) || !UNIT_END.test(units)) return m;
    const role = ROLES.filter((r) => oneOff(r, word));
    if (role.length !== 1) return m;
    count('note');
    return `（${units}${role[0]}）`;
  });
}

/**
 * An owner note broken over two paragraphs (a wrapped line the layout did not join: `（责任单位：省编办、
 * 各市、县〔市、区〕` / `政府）`): the short paragraph that closes the bracket the one before left open
 * is joined to it; so is a note of units and a role alone after a sentence (`…减少资源浪费。` /
 * `（商务部、国管局指导）`).
 */
export function joinBrokenNotes(paragraphs: Paragraph[], isOcr: (line: number) => boolean, count: (k: RepairKind) => void): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev && isOcr(p.line) && ((openNote(prev.text) && closesNote(p.text)) || (isOcr(prev.line) && /。$/.test(prev.text) && NOTE_ALONE.test(p.text)))) {
      prev.text += p.text;
      prev.lines.push(...p.lines);
      count('note');
      continue;
    }
    out.push(p);
  }
  return out;
}
/** A note of units and their role alone (（商务部、国管局指导）): wrapped off the sentence it closes, its （ not seen as indented. */
const NOTE_ALONE = new RegExp(`^（[^（）。；：]{2,100}(?:${ROLES.join('|')})）$`);
/** The paragraph ends inside a bracket that reads as a note (no sentence in it, not long). */
function openNote(t: string): boolean {
  const open: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '（') open.push(i);
    else if (t[i] === '）') open.pop();
  }
  if (open.length === 0) return false;
  const tail = t.slice(open[open.length - 1] + 1);
  return tail.length > 0 && tail.length <= 80 && !/[。！？]/.test(tail);
}
/** A short paragraph that closes a bracket it did not open, and is no heading or item. */
function closesNote(t: string): boolean {
  const close = t.indexOf('）');
  if (t.length > 40 || close < 0 || opensElement(t)) return false;
  const before = t.slice(0, close);
  return !before.includes('（') && !/[。！？]/.test(before);
}

// The units named in owner notes (the bracket at the end of a task, or after a label), for snapping a
// name read once with one character wrong to the name the document writes elsewhere. Differences
// that make another body (省/市/县, 局/委/办) are never snapped.
const NOTE_SPAN = /（([^（）]{2,160})）/g;
// …and a note set as a paragraph of its own, without brackets (责任单位：市财政局、市税务局)
const NOTE_PARAGRAPH = new RegExp(`^((?:${NOTE_LABELS.join('|')})：)([^（）。]{2,160})`);
const UNIT_SEP = /([、，；：])/;
const DISTINCT = new Set([...'省市县区乡镇街局委办厅室处科部院所站中心会社队组府联协团庭行司支署']);
const looksUnit = (u: string) => u.length >= 4 && u.length <= 16 && new RegExp(`^[${HAN}〔〕]+$`).test(u);

function noteUnits(t: string, each: (u: string) => void): void {
  for (const m of t.matchAll(NOTE_SPAN)) for (const u of m[1].split(UNIT_SEP)) if (looksUnit(u)) each(u);
  const own = NOTE_PARAGRAPH.exec(t);
  if (own) for (const u of own[2].split(UNIT_SEP)) if (looksUnit(u)) each(u);
}

// The last character of a unit's name as OCR misreads it (办 as 闪 欠 兴 六, 局 as 后, 厅 as 斤): tried
// in its place when a name is no body of bodies.tsv and the document has no near spelling of it;
// a look-alike of chi_sim's that ends no unit's name is read as the character it looks like.
const UNIT_LAST = [...'局办厅委门室'];
// first characters that belong to a unit's name (省直各部门, 各县府部门, 全市各部门, 有关部门)
const SPECK_NOT = /^(?:[省市县区乡镇街各全中国其相]|有关)/;
const LAST_LOOKALIKE: Record<string, string> = { 闪: '办', 兴: '办', 欠: '办', 六: '办', 后: '局', 斤: '厅', 季: '委' };

/** The names of bodies.tsv without place or level, by length (for nearBody). */
let bodyNames: Map<number, string[]> | undefined;
/**
 * A unit's name with one character misread inside (县工业和言息化局): the body of bodies.tsv its name
 * (place and level aside, four characters or more) is one character off, when there is one such body
 * and the two characters are not both ones that tell bodies apart (局/委, 省/市).
 */
export function nearBody(u: string): string | undefined {
  if (/[〔〕（）]/.test(u)) return undefined;
  const { rest } = bareName(u);
  if (rest.length < 4 || !u.endsWith(rest)) return undefined;
  if (!bodyNames) {
    bodyNames = new Map();
    const all = new Set<string>();
    for (const l of LEVELS) for (const k of bodyTable().byLevel[l].keys()) all.add(k);
    for (const k of all) (bodyNames.get(k.length) ?? bodyNames.set(k.length, []).get(k.length)!).push(k);
  }
  const hits = (bodyNames.get(rest.length) ?? []).filter((k) => {
    let diff = -1;
    for (let i = 0; i < k.length; i++) {
      if (k[i] === rest[i]) continue;
      if (diff >= 0) return false;
      diff = i;
    }
    return diff >= 0 && !(DISTINCT.has(k[diff]) && DISTINCT.has(rest[diff]));
  });
  return hits.length === 1 ? u.slice(0, u.length - rest.length) + hits[0] : undefined;
}

/**
 * Unit names in OCR'd owner notes read with one character wrong: one the document writes only
 * once, one character off a name it writes twice or more, is that name (市政府法制欠 → 市政府法制办);
 * else one a character off a body of bodies.tsv is that body (市财政后 → 市财政局, 县工业和言息化局 → 县工业和信息化局). A name
 * the bodies table knows (市民政局 beside 市财政局) is never changed.
 */
export function snapUnits(all: Paragraph[], ocr: Paragraph[], count: (k: RepairKind) => void): void {
  const seen = new Map<string, number>();
  for (const p of all) noteUnits(p.text, (u) => seen.set(u, (seen.get(u) ?? 0) + 1));
  const known = [...seen].filter(([, n]) => n >= 2).map(([u]) => u);
  const snap = (u: string): string => {
    if (bodiesOf(u)) return u;
    const ends = UNIT_END.test(u);
    // a name whose ending is no unit's (法制欠): the one name of the document it is a character off at
    // the end; else, read once, the one it is a character off anywhere among the names written twice
    const near = (ends ? ((seen.get(u) ?? 0) === 1 ? known : []) : [...seen.keys()]).filter((k) => {
      if (k.length !== u.length || k === u || !UNIT_END.test(k)) return false;
      const diff = [...u].map((c, i) => (c === k[i] ? -1 : i)).filter((i) => i >= 0);
      return diff.length === 1 && (ends ? !(DISTINCT.has(u[diff[0]]) && DISTINCT.has(k[diff[0]])) : diff[0] === u.length - 1);
    });
    if (near.length === 1) return near[0];
    // a speck before the name read as a character (有县府各部门), where the document writes the name twice or more
    if (ends && (seen.get(u) ?? 0) === 1 && (seen.get(u.slice(1)) ?? 0) >= 2 && !SPECK_NOT.test(u)) return u.slice(1);
    if (near.length > 1) return u;
    if (ends) return nearBody(u) ?? u;
    const bodies = UNIT_LAST.map((c) => u.slice(0, -1) + c).filter((k) => bodiesOf(k));
    if (bodies.length === 1) return bodies[0];
    const like = LAST_LOOKALIKE[u[u.length - 1]];
    return like ? u.slice(0, -1) + like : u;
  };
  // 市政务兴等市级有关部门: the name before 等 too
  const snapAll = (u: string): string => {
    const k = u.indexOf('等');
    return k >= 3 ? snap(u.slice(0, k)) + u.slice(k) : snap(u);
  };
  const snapList = (inner: string): string =>
    inner
      .split(UNIT_SEP)
      .map((u) => {
        if (!looksUnit(u)) return u;
        const to = snapAll(u);
        if (to !== u) count('unit');
        return to;
      })
      .join('');
  for (const p of ocr) {
    if (p.text.includes('（')) p.text = p.text.replace(NOTE_SPAN, (m, inner: string) => `（${snapList(inner)}）`);
    p.text = p.text.replace(NOTE_PARAGRAPH, (m, label: string, inner: string) => label + snapList(inner));
  }
}

/** Character bigrams, for comparing two readings of one running line. */
function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}
function similar(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 2 || Math.abs(a.length - b.length) > Math.max(2, 0.3 * Math.max(a.length, b.length))) return false;
  const A = bigrams(a);
  const B = bigrams(b);
  let common = 0;
  for (const [k, n] of A) common += Math.min(n, B.get(k) ?? 0);
  return (2 * common) / (a.length - 1 + b.length - 1) >= 0.7;
}

/**
 * Short lines that open or close most pages, read alike (digits aside): a running header or footer.
 * Looks at the first two and last two lines of every page.
 */
function runningLines(lines: OcrLine[]): Set<number> {
  const byPage = new Map<number, number[]>();
  lines.forEach((l, i) => (byPage.get(l.page) ?? byPage.set(l.page, []).get(l.page)!).push(i));
  const pages = [...byPage.values()];
  const drop = new Set<number>();
  if (pages.length < 3) return drop;
  const key = (i: number) => lines[i].text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const edges = pages.map((ix) => [...new Set([...ix.slice(0, 2), ...ix.slice(-2)])].filter((i) => key(i).length > 0 && key(i).length <= 30));
  const need = Math.max(3, Math.ceil(pages.length * 0.5));
  for (const [p, ix] of edges.entries()) {
    for (const i of ix) {
      if (drop.has(i)) continue;
      const same = edges.map((other, q) => (q === p ? i : other.find((j) => similar(key(i), key(j))))).filter((j) => j !== undefined);
      if (same.length >= need) for (const j of same) drop.add(j);
    }
  }
  return drop;
}

// A pinyin gloss as repairInline knows it (（xu6）), and what is left of one when OCR lost a bracket or
// read it as I or [ (部门Imen) / 务(wb 标准 / 经Uing) 济): the latter only in a scan of glossed text
// (a dozen whole glosses or more), where a lower-case Latin run beside a bracket is nothing else.
const GLOSS = new RegExp(`(?<=[${HAN}])\\s*[（(〔]\\s*[a-z][A-Za-z0-9]{0,5}\\s*[）)〕]`, 'g');
const GLOSS_REMAINS = new RegExp(`(?<=[${HAN}])\\s*(?:([（(\\[〔【{]|I(?=[a-z]))\\s*)?([A-Za-z][A-Za-z0-9@&]{0,6})\\s*([）)\\]〕】}])?`, 'g');
// (a tone read as a digit, the letters lost: 发(3)改委)
const GLOSS_DIGIT = new RegExp(`(?<=[${HAN}])[（(〔\\[]\\s*\\d\\s*[）)〕\\]]\\s*(?=[${HAN}])`, 'g');
function glossRemains(t: string, count: (k: RepairKind) => void): string {
  t = t.replace(GLOSS_DIGIT, () => {
    count('gloss');
    return '';
  });
  return t.replace(GLOSS_REMAINS, (m, open: string | undefined, word: string, close: string | undefined) => {
    if ((!open && !close) || !/[a-z]/.test(word)) return m;
    count('gloss');
    return '';
  });
}


// Han characters chi_sim reads for a numeral of a heading marker: 入 人 八 for 六 or 八, 乙 for 二,
// 土 士 千 干 for 十 or 七, 囚 曰 for 四, 工 for 三 or 二. Only in a （）marker, and only as the next of the series.
const NUMERAL_LOOKALIKES = '入人乙土士千干囚曰工';
/**
 * A heading numeral that is no numeral (（二一） for （十一）, 十 read as 二, （入） for （六）): the next of its series
 * when that is one character off it. Series: parts 一、 and projects （一）, each counted from the last.
 */
function repairSeries(text: string, last: Map<string, number>, count: (k: RepairKind) => void): string {
  const m = new RegExp(`^(（?)([${CN}]{1,3}|[${NUMERAL_LOOKALIKES}])([、）])`).exec(text);
  if (!m || (m[1] === '') !== (m[3] === '、')) return text;
  // (a look-alike only in brackets: 人、财、物 opens no part)
  if (m[3] === '、' && !new RegExp(`^[${CN}]+$`).test(m[2])) return text;
  const kind = m[3];
  let v = chineseNumeral(m[2]);
  if (Number.isNaN(v)) {
    const want = chineseNumber((last.get(kind) ?? 0) + 1);
    if (want.length !== m[2].length || [...want].filter((c, i) => c !== m[2][i]).length !== 1) return text;
    v = (last.get(kind) ?? 0) + 1;
    count('marker');
    text = `${m[1]}${want}${m[3]}${text.slice(m[0].length)}`;
  }
  last.set(kind, v);
  if (kind === '、') last.delete('）'); // a new part counts its projects from （一）
  return text;
}

// A line that opens with an owner label and its colon (责任单位：…, 牵头单位：…) is a note of its own,
// as GB/T 9704 notices set one under the task it belongs to. The line before it ends a sentence: a
// 。 that Tesseract lost there (or read as . , ，) would have the two lines joined into one paragraph
// and the note read as part of the task's text.
const NOTE_LINE = new RegExp(`^(?:${NOTE_LABELS.join('|')})：`);
const ENDED = /[。！？；：）〕】」』…]$/;
function endBeforeNotes(lines: (string | null)[], count: (k: RepairKind) => void): void {
  let prev = -1;
  lines.forEach((t, i) => {
    if (t === null) return;
    const before = prev >= 0 ? lines[prev]! : '';
    if (prev >= 0 && NOTE_LINE.test(t) && !ENDED.test(before) && new RegExp(`[${HAN}”\\d%.,，．、]$`).test(before)) {
      lines[prev] = before.replace(/[.,，．、]$/, '') + '。';
      count('stop');
    }
    prev = i;
  });
}

/** Repairs the lines OCR read (after width unification), dropping page numbers and running lines. */
export function repairOcr(lines: OcrLine[]): OcrRepairs {
  const counts: Record<RepairKind, number> = { marker: 0, digit: 0, bracket: 0, quote: 0, gloss: 0, dash: 0, note: 0, unit: 0, stop: 0, 'page-number': 0, 'running-line': 0 };
  const running = runningLines(lines);
  let glosses = 0;
  for (const l of lines) if (/[a-z]/.test(l.text)) glosses += l.text.match(GLOSS)?.length ?? 0;
  const glossed = glosses >= 12;
  const series = new Map<string, number>();
  const out = lines.map((l, i) => {
    if (PAGE_NUMBER.test(l.text) && l.text.trim() !== '') {
      counts['page-number']++;
      return null;
    }
    if (running.has(i)) {
      counts['running-line']++;
      return null;
    }
    const t = repairSeries(repairLine(l.text, (k) => counts[k]++), series, (k) => counts[k]++);
    return glossed && /[A-Za-z]/.test(t) ? glossRemains(t, (k) => counts[k]++) : t;
  });
  endBeforeNotes(out, (k) => counts[k]++);
  return { lines: out, counts };
}

/** `37 repairs (12 heading markers, 20 look-alike digits, …)`, for the ocr warning. */
export function describeRepairs(counts: Record<RepairKind, number>): string {
  const names: Record<RepairKind, string> = {
    marker: 'heading or item markers',
    digit: 'look-alike characters (digits read as letters, 县 as 具)',
    quote: 'quotation marks',
    gloss: 'pinyin glosses dropped',
    bracket: 'mismatched brackets',
    dash: 'dashes read as 一',
    note: 'owner note brackets, labels or breaks',
    unit: 'unit names read with one character wrong',
    stop: 'full stops lost at a line end',
    'page-number': 'page numbers dropped',
    'running-line': 'running headers or footers dropped',
  };
  const parts = (Object.keys(names) as RepairKind[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${names[k]}`);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return `${total} OCR ${total === 1 ? 'repair' : 'repairs'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
