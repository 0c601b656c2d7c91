// DOCX -> lines: word/document.xml read directly (fflate + xml.ts), one line per paragraph, table
// rows as `| a | b |`. Word keeps list numbers out of the text (numbering.xml: numFmt + lvlText
// per list level, counted per list); they are rebuilt here, or 一、/（一）/1. headings would vanish.
// Everything is read under the file's Budget (budget.ts): the three zip entries, XML elements, list
// levels and counters, table cells after spans and merges, and the text it all yields.
import { PlancmpError } from '../errors.js';
import type { Budget } from './budget.js';
import type { DocumentReader } from './kinds.js';
import { ZipPackage } from './zip.js';
import { child, decodeXml, descendants, elements, parseXml, type XmlElement, type XmlNode } from './xml.js';
import { chineseNumber } from '../vocabulary.js';
// (written in vocabulary.ts, where OCR repair reads numerals too; kept importable from here)
export { chineseNumber };

interface Level {
  start: number;
  fmt: string;
  text: string;
  legal: boolean;
}

interface ListDef {
  /** counters are shared by the lists of one abstract definition unless a list restarts them */
  key: string;
  levels: Level[];
}

const DIGITS = '〇一二三四五六七八九';


const letters = (n: number, a: string) => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(a.charCodeAt(0) + ((k - 1) % 26)) + s;
  return s;
};

function roman(n: number): string {
  const r: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of r) for (; n >= v; n -= v) out += s;
  return out;
}

/** A counter value in one of Word's number formats (w:numFmt). */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return fmt === 'ideographDigital' ? String(n).split('').map((d) => DIGITS[+d]).join('') : chineseNumber(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + +d));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, 'A');
    case 'lowerLetter':
      return letters(n, 'a');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n); // decimal and anything unknown
  }
}

const val = (el: XmlElement | undefined) => el?.attrs.val;

/** A list level's index (ilvl), within listLevels. */
function levelIndex(s: string | undefined, budget: Budget): number {
  const i = Number(s ?? 0);
  budget.check('listLevels', i + 1, (n) => `a numbered list uses level ${s} (ilvl), beyond Word's ${n} levels`);
  return i;
}

/** A list counter's start value, within listCounter. */
function startValue(s: string | undefined, budget: Budget): number {
  const n = Number(s ?? 1);
  budget.check('listCounter', n, (max) => `a numbered list starts at ${s}, beyond ±${max}`);
  return n;
}

function readLists(xml: string | undefined, budget: Budget): Map<string, ListDef> {
  const lists = new Map<string, ListDef>();
  if (!xml) return lists;
  const root = parseXml(xml, budget);
  const abstracts = new Map<string, Level[]>();
  for (const a of elements(root, 'abstractNum')) {
    const levels: Level[] = [];
    for (const l of elements(a, 'lvl')) {
      levels[levelIndex(l.attrs.ilvl, budget)] = {
        start: startValue(val(child(l, 'start')), budget),
        fmt: val(child(l, 'numFmt')) ?? 'decimal',
        text: val(child(l, 'lvlText')) ?? '',
        legal: child(l, 'isLgl') !== undefined,
      };
    }
    abstracts.set(a.attrs.abstractNumId, levels);
  }
  for (const n of elements(root, 'num')) {
    const abs = val(child(n, 'abstractNumId')) ?? '';
    const levels = [...(abstracts.get(abs) ?? [])];
    let restarts = false;
    for (const o of elements(n, 'lvlOverride')) {
      const i = levelIndex(o.attrs.ilvl, budget);
      const start = val(child(o, 'startOverride'));
      if (start !== undefined) startValue(start, budget);
      const lvl = child(o, 'lvl');
      if (lvl) levels[i] = { start: startValue(val(child(lvl, 'start')), budget), fmt: val(child(lvl, 'numFmt')) ?? 'decimal', text: val(child(lvl, 'lvlText')) ?? '', legal: false };
      if (start !== undefined && levels[i]) levels[i] = { ...levels[i], start: Number(start) };
      restarts ||= start !== undefined || lvl !== undefined;
    }
    lists.set(n.attrs.numId, { key: restarts ? `n${n.attrs.numId}` : `a${abs}`, levels });
  }
  return lists;
}

interface StyleNum {
  numId?: string;
  ilvl?: string;
  basedOn?: string;
}

function readStyles(xml: string | undefined, budget: Budget): Map<string, StyleNum> {
  const styles = new Map<string, StyleNum>();
  if (!xml) return styles;
  for (const s of elements(parseXml(xml, budget), 'style')) {
    const numPr = child(child(s, 'pPr'), 'numPr');
    styles.set(s.attrs.styleId, { numId: val(child(numPr, 'numId')), ilvl: val(child(numPr, 'ilvl')), basedOn: val(child(s, 'basedOn')) });
  }
  return styles;
}

/** Numbers paragraphs as Word would show them. */
class Numberer {
  private counters = new Map<string, number[]>();
  constructor(
    private lists: Map<string, ListDef>,
    private styles: Map<string, StyleNum>,
    private budget: Budget,
  ) {}

  /** The number text of a paragraph (e.g. 一、 or （二）), or '' when it is not in a list. */
  label(pPr: XmlElement | undefined): string {
    const numPr = child(pPr, 'numPr');
    let numId = val(child(numPr, 'numId'));
    let ilvl = val(child(numPr, 'ilvl'));
    // a list given by the paragraph style (heading styles often carry the outline numbering)
    for (let s = val(child(pPr, 'pStyle')), guard = 0; s && guard < 20 && (numId === undefined || ilvl === undefined); guard++) {
      const st = this.styles.get(s);
      numId ??= st?.numId;
      ilvl ??= st?.ilvl;
      s = st?.basedOn;
    }
    if (!numId || numId === '0') return '';
    const list = this.lists.get(numId);
    const level = levelIndex(ilvl, this.budget);
    const def = list?.levels[level];
    if (!list || !def || def.fmt === 'bullet') return '';
    const counts = this.counters.get(list.key) ?? [];
    counts[level] = counts[level] === undefined ? def.start : counts[level] + 1;
    this.budget.check('listCounter', counts[level], (max) => `a numbered list counts beyond ${max}`);
    counts.length = level + 1; // deeper levels restart
    this.counters.set(list.key, counts);
    return def.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      const d = list.levels[i];
      const n = counts[i] ?? d?.start ?? 1;
      return formatNumber(n, def.legal || !d ? 'decimal' : d.fmt);
    });
  }
}

const SKIP = new Set(['del', 'delText', 'instrText', 'Fallback', 'footnoteReference', 'endnoteReference', 'commentReference', 'pPr', 'rPr']);

/** Visible text of a paragraph: runs, tabs and breaks; deleted text and field codes left out. */
function paragraphText(p: XmlElement): string {
  let out = '';
  const stack: XmlNode[] = [...p.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') continue;
    if (SKIP.has(n.name)) continue;
    if (n.name === 't') out += n.children.filter((c): c is string => typeof c === 'string').join('');
    else if (n.name === 'tab' || n.name === 'ptab') out += ' ';
    else if (n.name === 'br' || n.name === 'cr') out += n.attrs.type === 'page' ? '' : '\n';
    else if (n.name === 'noBreakHyphen') out += '-';
    else for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]);
  }
  return out;
}

const MAX_DEPTH = 20;

class Walker {
  lines: string[] = [];
  constructor(
    private numberer: Numberer,
    private budget: Budget,
  ) {}

  /** Every line goes through here: the text a file yields is bounded (numbering labels, merged cells). */
  private emit(line: string): void {
    this.budget.spend('textChars', line.length, (n) => `it yields more than ${n} characters of text`);
    this.lines.push(line);
  }

  para(p: XmlElement): string {
    return this.numberer.label(child(p, 'pPr')) + paragraphText(p);
  }

  block(el: XmlElement, depth: number): void {
    for (const c of elements(el)) {
      if (c.name === 'p') this.emit(this.para(c));
      else if (c.name === 'tbl') this.table(c, depth);
      else if (depth < MAX_DEPTH && (c.name === 'sdt' || c.name === 'sdtContent' || c.name === 'customXml' || c.name === 'ins' || c.name === 'smartTag')) this.block(c, depth + 1);
    }
  }

  /** Paragraphs of a cell on one line (nested tables flattened). */
  cellText(tc: XmlElement): string {
    return descendants(tc, 'p')
      .map((p) => this.para(p).replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' ')
      .replace(/\|/g, '｜');
  }

  table(tbl: XmlElement, depth: number): void {
    const above: string[] = []; // per grid column: the text a vertical merge continues
    for (const tr of elements(tbl, 'tr')) {
      const cells: string[] = [];
      for (const tc of elements(tr, 'tc')) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.min(Math.max(1, Number(val(child(tcPr, 'gridSpan')) ?? 1)), 50);
        const vMerge = child(tcPr, 'vMerge');
        const col = cells.length;
        this.budget.spend('tableCells', span, (n) => `its tables have more than ${n} cells`);
        const text = vMerge && vMerge.attrs.val !== 'restart' ? (above[col] ?? '') : this.cellText(tc);
        for (let k = 0; k < span; k++) {
          cells.push(k === 0 ? text : '');
          above[col + k] = k === 0 ? text : '';
        }
      }
      if (cells.some((c) => c !== '')) this.emit(cells.length >= 2 ? `| ${cells.join(' | ')} |` : cells[0]);
    }
    void depth;
  }
}

export const read: DocumentReader = async (bytes, file, _opts, budget) => {
  const zip = new ZipPackage(bytes, budget);
  const text = (name: string) => {
    const part = zip.read(name);
    return part ? decodeXml(part) : undefined;
  };
  const documentXml = text('word/document.xml');
  if (!documentXml) throw new PlancmpError('damaged', 'is a zip file without word/document.xml, not a Word document', file, 'check that it is a .docx notice; save it again from Word or WPS');
  const walker = new Walker(new Numberer(readLists(text('word/numbering.xml'), budget), readStyles(text('word/styles.xml'), budget), budget), budget);
  const body = child(parseXml(documentXml, budget), 'body');
  if (body) walker.block(body, 0);
  return { lines: walker.lines, warnings: [], encoding: 'utf-8' };
};
