// HTML page -> plain notice text, one paragraph per line, table rows as `| a | b |` lines.
// cheerio only parses (no scripts, no fetching). Every walk over the tree uses an explicit
// stack, so hostile nesting cannot overflow the call stack.
import { capAttributes, MAX_ATTRIBUTES } from './html-attrs.js';
import { createRequire } from 'node:module';
import type * as CheerioModule from 'cheerio/slim';

// cheerio/slim parses with htmlparser2 only: no parse5, no undici HTTP client (the full entry takes
// ~130 ms to load, slim ~30 ms). Plain-text notices (most runs) never need it, so load on first use.
const requireCjs = createRequire(import.meta.url);
let cheerioModule: typeof CheerioModule | undefined;
function cheerio(): typeof CheerioModule {
  cheerioModule ??= requireCjs('cheerio/slim') as typeof CheerioModule;
  return cheerioModule;
}
import type { Warning } from '../model.js';
import { PlancmpError } from '../errors.js';

// Structural view of the domhandler nodes cheerio produces (domhandler is not our dependency).
interface DomNode {
  type: string;
  parent: DomNode | null;
}
interface DomText extends DomNode {
  data: string;
}
interface DomElement extends DomNode {
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

const isElement = (n: DomNode): n is DomElement => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const isText = (n: DomNode): n is DomText => n.type === 'text';

/** Never visible notice text. */
const DROP = new Set(
  'script style noscript iframe template object embed svg canvas head title meta link select button input textarea option'.split(' '),
);
/** Page chrome, removed unless it holds most of the page's Chinese text (ASP.NET pages wrap everything in a <form>). */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form']);
const CHROME_RE =
  /nav|menu|foot|header|breadcrumb|crumb|share|sidebar|toolbar|copyright|banner|login|search|related|print|qrcode|ewm|bottom|logo|location|position|dayin|guanbi|fenxiang|daohang|dibu|toubu|weizhi/i;
const HIDDEN_RE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const BLOCK = new Set(
  'p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr td th table tbody thead tfoot caption section article blockquote pre hr center address figure figcaption main nav header footer aside form fieldset legend details summary body html'.split(
    ' ',
  ),
);
/** Body containers of common Chinese government site templates, most specific first. */
const CONTAINERS = [
  '#zoom', '.zoom', '#UCAP-CONTENT', '.TRS_Editor', '.TRS_UEDITOR', '.pages_content', '#fontzoom',
  '.article-content', '.article', '#content', '.content', '.main-text', '.con_txt', 'article', 'main',
];
const META_LABELS = [
  '文件编号', '发文字号', '索引号', '发布机构', '发文机关', '发文单位', '成文日期', '发布日期', '发文日期', '文号',
  '文件編號', '發文字號', '索引號', '發布機構', '發佈機構', '發文機關', '發文單位', '發布日期', '發佈日期', '發文日期', '文號',
];
// A label may be written with spaces between its characters (索 引 号).
const META_RE = new RegExp(`(${META_LABELS.map((l) => [...l].join('\\s*')).join('|')})\\s*[:：]?`, 'g');
const DOC_WORD_RE = /通知|方案|计划|計劃|意见|意見|办法|辦法|决定|決定|规划|規劃|规定|規定|细则|細則|纲要|綱要|通告|公告|批复|批覆|报告|報告/;

function cjkCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

interface Counts {
  cjk: number;
  /** CJK characters inside <a>. */
  link: number;
  anchors: number;
}

/**
 * Post-order pass: CJK / link-CJK / anchor counts for every element under root, ignoring `skip`.
 * `own` holds the CJK count of each element's own text nodes, kept between passes over one page.
 */
function measure(root: DomElement, skip: Set<DomElement>, own: Map<DomElement, number>): Map<DomElement, Counts> {
  const order: DomElement[] = [];
  walk(root, (el) => {
    if (skip.has(el)) return false;
    order.push(el);
  });
  // Reverse pre-order visits every child before its parent.
  const counts = new Map<DomElement, Counts>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    let text = own.get(el);
    if (text === undefined) {
      text = 0;
      for (const c of el.children) if (isText(c)) text += cjkCount(c.data);
      own.set(el, text);
    }
    const k: Counts = { cjk: text, link: 0, anchors: el.name === 'a' ? 1 : 0 };
    for (const c of el.children) {
      if (isElement(c)) {
        const ck = counts.get(c);
        if (!ck) continue;
        k.cjk += ck.cjk;
        k.link += ck.link;
        k.anchors += ck.anchors;
      }
    }
    if (el.name === 'a') k.link = k.cjk;
    counts.set(el, k);
  }
  return counts;
}

const nonLink = (k: Counts | undefined) => (k ? k.cjk - k.link : 0);

// The document root has no attribs.
const attr = (el: DomElement, name: string): string => el.attribs?.[name] ?? '';
const idClass = (el: DomElement): string => `${attr(el, 'id')} ${attr(el, 'class')}`;

/** Index in CONTAINERS of the first selector el matches, or -1. */
function containerRank(el: DomElement): number {
  const id = attr(el, 'id').toLowerCase();
  const classes = attr(el, 'class').toLowerCase().split(/\s+/);
  return CONTAINERS.findIndex((sel) => {
    const want = sel.slice(1).toLowerCase();
    if (sel[0] === '#') return id === want;
    if (sel[0] === '.') return classes.includes(want);
    return el.name === sel;
  });
}

/** Pre-order walk over elements (explicit stack); `visit` returns false to skip a subtree. */
function walk(root: DomElement, visit: (el: DomElement) => boolean | void): void {
  const stack: DomElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (visit(el) === false) continue;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (isElement(c) && !DROP.has(c.name)) stack.push(c);
    }
  }
}

function chromeSet(body: DomElement, counts: Map<DomElement, Counts>): Set<DomElement> {
  const total = counts.get(body)?.cjk ?? 0;
  const skip = new Set<DomElement>();
  walk(body, (el) => {
    if (el === body) return true;
    const chrome = CHROME_TAGS.has(el.name) || CHROME_RE.test(idClass(el)) || HIDDEN_RE.test(attr(el, 'style'));
    if (!chrome || (counts.get(el)?.cjk ?? 0) > total * 0.5) return true;
    skip.add(el);
    return false;
  });
  return skip;
}

/** The element holding the notice: a known container, else the smallest element with most of the text. */
function findBody(body: DomElement, counts: Map<DomElement, Counts>): DomElement {
  const total = nonLink(counts.get(body));
  // Best element per container selector, in one pass.
  const best: Array<DomElement | undefined> = [];
  walk(body, (el) => {
    if (!counts.has(el)) return false;
    const rank = containerRank(el);
    const prev = best[rank];
    if (rank >= 0 && (!prev || nonLink(counts.get(el)) > nonLink(counts.get(prev)))) best[rank] = el;
  });
  const known = best.find((el) => el && nonLink(counts.get(el)) >= Math.max(50, total * 0.4));
  if (known) return known;
  // Descend while one child still holds 70% of the page's non-link text: stops above the
  // paragraphs (and a sibling key-task table), below the page wrappers.
  let cur = body;
  for (;;) {
    let next: DomElement | undefined;
    for (const c of cur.children) {
      if (isElement(c) && counts.has(c) && nonLink(counts.get(c)) >= total * 0.7) next = c;
    }
    if (!next) return cur;
    cur = next;
  }
}

// Wide (CJK, full-width) characters: a source line break between two of them is not a space.
const WIDE = '\u2010-\u201f\u2026\u3000-\u9fff\uf900-\ufaff\uff00-\uffef';
const JOIN_RE = new RegExp(`(?<=[${WIDE}])[ \n]*\n[ \n]*(?=[${WIDE}])`, 'g');
const ZERO_WIDTH = /[\u200B-\u200D\uFEFF]/g;
/** A part or group heading (一、 / （一）) at the start of a source line within a block. */
const HEADING_MARK = '(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])';
const HEADING_LINE = new RegExp(`\\n[ \\u3000]*${HEADING_MARK}`);
const HEADING_AT = new RegExp(`[ \\u3000]*${HEADING_MARK}`, 'y');
/** A source line that is a heading and nothing more (一、各地自查): short, no sentence in it. */
const HEADING_ALONE = new RegExp(`^[ \\u3000]*${HEADING_MARK}[^。！？；\\n]{1,30}$`);
const SENTENCE_END = /[。！？；：]$/;
const SOURCE_LINE_BREAK = /[ \t]*\n[ \t\n]*/g;
/** What Lines.add removes or folds: zero-width characters and whitespace runs. */
const NEEDS_CLEANING = /[\u200B-\u200D\uFEFF \t\n\r\f\v\u00A0]/;

class Lines {
  readonly lines: string[] = [];
  private cur = '';
  add(s: string): void {
    // Keep source line breaks as '\n' until the line is done, so they can vanish between CJK.
    if (!NEEDS_CLEANING.test(s)) this.cur += s; // most text nodes: nothing to remove or fold
    else this.cur += s.replace(ZERO_WIDTH, '').replace(/[ \t\n\r\f\v\u00A0]+/g, (m) => (/[\n\r]/.test(m) ? '\n' : ' '));
  }
  /** Text inside <pre>: its newlines are line breaks. */
  addPre(s: string): void {
    s.split(/\r\n|\r|\n/).forEach((part, i) => {
      if (i) this.break();
      this.add(part);
    });
  }
  break(): void {
    const text = this.cur;
    this.cur = '';
    // a page that keeps the document's paragraphs as source lines in one block (a CMS template,
    // <b>一、各地自查</b> then the part's text on the next line): a heading of GB/T 9704 starts a
    // paragraph where the source line before it ends a sentence or is itself a heading
    if (text.includes('\n') && HEADING_LINE.test(text)) {
      let from = 0; // where the paragraph being gathered starts
      let line = 0; // where the source line before the break starts
      for (const m of text.matchAll(SOURCE_LINE_BREAK)) {
        const end = m.index + m[0].length;
        const last = text.slice(line, m.index).trim();
        HEADING_AT.lastIndex = end;
        if (SENTENCE_END.test(last) ? HEADING_AT.test(text) : HEADING_ALONE.test(last)) {
          this.push(text.slice(from, m.index));
          from = end;
        }
        line = end;
      }
      this.push(text.slice(from));
      return;
    }
    this.push(text);
  }
  private push(text: string): void {
    // Only ASCII spaces are trimmed: leading U+3000 indentation is the normalizer's business.
    // (each replacement only where its pattern can match: JOIN_RE needs a '\n', the others a ' ' or '\n')
    let line = text;
    if (line.includes('\n')) line = line.replace(JOIN_RE, '');
    if (line.includes(' ') || line.includes('\n')) line = line.replace(/[ \n]+/g, ' ').replace(/^ | $/g, '');
    if (/\S/.test(line)) this.lines.push(line); // \s includes U+3000: indentation-only lines go
  }
}

/** Plain text of an element on one line (table cells). */
function inlineText(root: DomElement): string {
  const parts: string[] = [];
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) parts.push(n.data);
    else if (isElement(n) && !DROP.has(n.name)) {
      if (BLOCK.has(n.name)) parts.push(' ');
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  return parts
    .join('')
    .replace(ZERO_WIDTH, '')
    .replace(/[ \t\n\r\f\v\u00A0]+/g, (m) => (/[\n\r]/.test(m) ? '\n' : ' '))
    .replace(JOIN_RE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '｜'); // a literal bar would split the cell downstream
}

/** Rows of a data table, or undefined for a layout table (nested tables, one column, long cells). */
function dataRows(table: DomElement, counts: Map<DomElement, Counts>): DomElement[][] | undefined {
  const rows: DomElement[][] = [];
  let layout = false;
  walk(table, (el) => {
    if (layout) return false;
    if (el !== table && el.name === 'table') layout = true;
    if (el.name !== 'tr') return true;
    const cells = el.children.filter((c): c is DomElement => isElement(c) && (c.name === 'td' || c.name === 'th'));
    if (cells.some((c) => (counts.get(c)?.cjk ?? 0) > 400)) layout = true;
    rows.push(cells);
    return true; // descend to notice nested tables
  });
  if (layout || !rows.some((r) => r.length >= 2)) return undefined;
  return rows;
}

/**
 * Cell texts row by row with rowspan/colspan expanded, so every row has its cells under the right
 * header: key lists often merge a 类别 column over several rows, which would otherwise shift every
 * following cell of those rows one column to the left.
 */
function spanGrid(rows: DomElement[][]): string[][] {
  const grid: string[][] = [];
  const pending: { text: string; left: number }[] = []; // per column: text carried down by rowspan
  for (const cells of rows) {
    const row: string[] = [];
    let col = 0;
    const fillCarried = () => {
      while (pending[col] && pending[col].left > 0) {
        row[col] = pending[col].text;
        pending[col].left--;
        col++;
      }
    };
    for (const cell of cells) {
      fillCarried();
      const text = inlineText(cell);
      const colspan = Math.min(Math.max(1, Number(cell.attribs?.colspan) || 1), 50);
      const rowspan = Math.min(Math.max(1, Number(cell.attribs?.rowspan) || 1), 1000);
      for (let k = 0; k < colspan; k++) {
        row[col] = text;
        if (rowspan > 1) pending[col] = { text, left: rowspan - 1 };
        col++;
      }
    }
    fillCarried();
    grid.push(Array.from(row, (t) => t ?? ''));
  }
  return grid;
}

/** Lines of text under root; `skip` elements (chrome, link lists) are left out. */
function render(root: DomElement, counts: Map<DomElement, Counts>, skip: (el: DomElement) => boolean): string[] {
  const out = new Lines();
  const stack: Array<{ node: DomNode; exit?: true }> = [{ node: root }];
  let pre = 0;
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (isText(node)) {
      if (pre) out.addPre(node.data);
      else out.add(node.data);
      continue;
    }
    if (!isElement(node)) continue;
    const el = node;
    if (exit) {
      if (el.name === 'pre') pre--;
      if (BLOCK.has(el.name)) out.break();
      continue;
    }
    if (DROP.has(el.name) || (el !== root && skip(el))) continue;
    if (el.name === 'br' || el.name === 'hr') {
      out.break();
      continue;
    }
    if (el.name === 'table') {
      const rows = dataRows(el, counts);
      if (rows) {
        out.break();
        for (const texts of spanGrid(rows)) {
          if (texts.some((t) => t)) out.lines.push(`| ${texts.join(' | ')} |`);
        }
        continue;
      }
    }
    if (BLOCK.has(el.name)) out.break();
    if (el.name === 'pre') pre++;
    stack.push({ node: el, exit: true });
    for (let i = el.children.length - 1; i >= 0; i--) stack.push({ node: el.children[i] });
  }
  out.break();
  return out.lines;
}

/** `label：value` pairs (文件编号, 索引号, 发布日期 …) from lines like `| 索 引 号： | 0001/2018 |`. */
function metadata(lines: string[]): string[] {
  const found = new Map<string, string>();
  for (const line of lines) {
    // one loop onto a literal (no list between, one array shape in every tier)
    const tokens: string[] = [];
    for (const part of line.split('|')) {
      const t = part.trim();
      if (t) tokens.push(t);
    }
    tokens.forEach((tok, i) => {
      const hits = [...tok.matchAll(META_RE)];
      hits.forEach((m, j) => {
        const label = m[1].replace(/\s+/g, '');
        const start = m.index! + m[0].length;
        let value = tok.slice(start, j + 1 < hits.length ? hits[j + 1].index : undefined).trim();
        // A label alone in its cell takes the next cell as its value.
        if (!value && j === hits.length - 1 && m.index === 0 && i + 1 < tokens.length) {
          const next = tokens[i + 1];
          if (!next.match(META_RE)) value = next;
        }
        // Info bars run on: "发布日期：2018-06-30 浏览次数：123 【字体：大 中 小】".
        value = value.split(/\s*[\u4e00-\u9fff]{2,6}\s*[:：]|[【\[]/)[0].replace(/\s+/g, ' ').trim();
        if (value && value.length <= 80 && !found.has(label)) found.set(label, value);
      });
    });
  }
  // pushed onto a literal: the same packed array in every tier (an optimized map returns a holey one)
  const out: string[] = [];
  for (const [label, value] of found) out.push(`${label}：${value}`);
  return out;
}

/** The notice title from an <h1>/title-classed element or <title>, when the body lacks it. */
function title(root: DomElement, articleEl: DomElement, bodyText: string, counts: Map<DomElement, Counts>): string | undefined {
  const groups: DomElement[][] = [[], [], [], [], []];
  walk(root, (el) => {
    if (el === articleEl) return false;
    if (el.name === 'a') return false;
    if (el.name === 'h1') groups[0].push(el);
    else if (/title|biaoti/i.test(idClass(el)) && el.name !== 'body') groups[1].push(el);
    else if (el.name === 'h2') groups[2].push(el);
    else if (el.name === 'h3') groups[3].push(el);
    return true;
  });
  const titleEl = findTitleTag(root); // <head> is not walked (DROP)
  if (titleEl) groups[4].push(titleEl);
  const squashed = bodyText.replace(/\s+/g, '');
  for (const group of groups) {
    for (const el of group) {
      let t = inlineText(el);
      if (el.name === 'title') t = t.split(/\s[-_|－]\s|[_|｜]/)[0].trim();
      const k = counts.get(el);
      if (k && k.link > k.cjk / 2) continue; // a link to another notice
      if (cjkCount(t) < 6 || t.length > 120 || !DOC_WORD_RE.test(t)) continue;
      if (squashed.includes(t.replace(/\s+/g, ''))) return undefined;
      return t;
    }
  }
  return undefined;
}

function findTitleTag(root: DomElement): DomElement | undefined {
  const stack: DomElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.name === 'title') return el;
    if (el.name === 'body') continue;
    for (const c of el.children) if (isElement(c)) stack.push(c);
  }
  return undefined;
}

// Real pages nest a few dozen levels; parse5 slows down superlinearly on thousands. Tags of
// these names nested deeper than MAX_DEPTH are dropped before parsing (their text stays).
const CAPPED = new Set('div span font section article blockquote center ul ol dl table b i u em strong a small big'.split(' '));
const MAX_DEPTH = 500;

function capNesting(html: string): { html: string; capped: boolean } {
  // a tag name nested deeper than MAX_DEPTH needs more than MAX_DEPTH tags: a page with fewer '<' is kept as it is
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags <= MAX_DEPTH; i = html.indexOf('<', i + 1)) tags++;
  if (tags <= MAX_DEPTH) return { html, capped: false };
  const depth = new Map<string, number>();
  let capped = false;
  const out = html.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g, (tag, close: string, name: string) => {
    name = name.toLowerCase();
    if (!CAPPED.has(name) || tag.endsWith('/>')) return tag;
    const d = depth.get(name) ?? 0;
    if (close) {
      depth.set(name, Math.max(0, d - 1));
      return d > MAX_DEPTH ? '' : tag;
    }
    depth.set(name, d + 1);
    if (d + 1 <= MAX_DEPTH) return tag;
    capped = true;
    return '';
  });
  return { html: out, capped };
}

/**
 * The notice of an HTML page, as the read stage hands it on: throws `html-no-notice` when the page
 * holds none (a list, search or login page, or one whose content a script loads).
 */
export function htmlNotice(html: string, file: string): { text: string; warnings: Warning[] } {
  // plancmp's own report (src/render/html/shell.ts marks it) quotes whole notices: never one itself
  if (/<meta\s+name=["']?generator["']?\s+content=["']?plancmp\b/i.test(html.slice(0, 4096))) {
    throw new PlancmpError('plancmp-report', 'this is a plancmp report, not a notice', file, 'give the notices the report was made from');
  }
  const { text, warnings, found } = htmlToText(html);
  if (!found) throw new PlancmpError('html-no-notice', 'no notice text found in this HTML page', file, 'check that the page is the notice itself, not a list, search or login page');
  return { text, warnings };
}

/**
 * Extracts the notice from an HTML page: metadata lines (索引号：…) first, then the title if
 * the body lacks it, then the body. `found` is false when the body has little Chinese.
 */
export function htmlToText(html: string): { text: string; warnings: Warning[]; found: boolean } {
  const warnings: Warning[] = [];
  const attrs = capAttributes(html);
  if (attrs.cut) warnings.push({ code: 'html-many-attributes', line: 0, message: `${attrs.cut} element(s) had more than ${MAX_ATTRIBUTES} attributes; the rest were dropped` });
  const cap = capNesting(attrs.html);
  if (cap.capped) {
    warnings.push({ code: 'html-deep-nesting', line: 0, message: `elements nested more than ${MAX_DEPTH} deep were flattened` });
  }
  // htmlparser2 (cheerio/slim) parses what is written, where a browser's parser first turns CR LF
  // into LF and implies <body> around a bare fragment (a page body saved from a database field)
  const source = cap.html.replace(/\r\n?/g, '\n');
  let $ = cheerio().load(source);
  let root = $.root()[0] as unknown as DomElement;
  if (!hasTag(root, 'body')) {
    $ = cheerio().load(`<body>${source}</body>`);
    root = $.root()[0] as unknown as DomElement;
  }
  const page = findTag(root, 'body');

  const own = new Map<DomElement, number>();
  const all = measure(page, new Set(), own);
  const chrome = chromeSet(page, all);
  // without chrome the second pass would count exactly what the first did
  const counts = chrome.size === 0 ? all : measure(page, chrome, own);
  const article = findBody(page, counts);

  // Link lists (related articles, "上一篇/下一篇") inside the article are chrome too.
  const linkList = (el: DomElement) => {
    if (chrome.has(el)) return true;
    const k = counts.get(el);
    if (!k || el.name === 'p' || el.name === 'a') return false;
    return k.cjk >= 20 && k.link > k.cjk * 0.6 && k.anchors >= 3;
  };
  const bodyLines = render(article, counts, linkList);
  const bodyText = bodyLines.join('\n');

  // Metadata blocks are often styled like chrome, so look for them outside the article ignoring `chrome`.
  const outside = article === page ? [] : render(page, all, (el) => el === article);
  const meta = metadata(outside);
  const heading = article === page ? undefined : title(root, article, bodyText, all);

  const found = nonLink(counts.get(article)) >= 50;
  const lines = [...meta, ...(heading ? [heading] : []), ...bodyLines];
  return { text: lines.length ? lines.join('\n') + '\n' : '', warnings, found };
}

function hasTag(root: DomElement, name: string): boolean {
  let found = false;
  walk(root, (el) => {
    if (found) return false;
    if (el.name === name) found = true;
  });
  return found;
}

function findTag(root: DomElement, name: string): DomElement {
  let found: DomElement | undefined;
  walk(root, (el) => {
    if (found) return false;
    if (el.name === name) found = el;
  });
  return found ?? root;
}
