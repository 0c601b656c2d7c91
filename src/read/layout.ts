// Fixed-layout pages (PDF, OFD) -> notice lines. The readers give positioned text runs (and the
// table rules drawn on the page); this rebuilds what a reader sees: lines by baseline, paragraphs
// wrapped at the right margin joined again, tables as `| a | b |` rows (one per table row, the form
// src/parse/keylist.ts reads), and running page furniture (page numbers, repeated headers and
// footers) dropped. Every output line remembers the page and the line on that page it starts on.

/** One run of text as placed on the page. Coordinates grow right and DOWN (top-left origin). */
export interface TextRun {
  text: string;
  /** left edge */
  x: number;
  /** baseline */
  y: number;
  /** advance width of the whole run */
  w: number;
  /** font size (em height) */
  size: number;
}

/** A ruling line (table border) drawn on the page. */
export interface Rule {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface PageContent {
  width: number;
  height: number;
  runs: TextRun[];
  rules: Rule[];
}

/** One line of the rebuilt text, with where it starts in the original. */
export interface PlacedLine {
  text: string;
  page: number;
  /** 1-based line on that page */
  line: number;
}

interface Line {
  runs: TextRun[];
  y: number;
  x0: number;
  x1: number;
  size: number;
  /** 1-based visual line on its page */
  n: number;
}

interface Block {
  /** a table row's cells, or undefined for a line of running text */
  cells?: string[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
  n: number;
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;
const isCjk = (c: string | undefined) => c !== undefined && CJK.test(c);

/** Runs on the same baseline (within 0.45 em) form a line, read left to right. */
function groupLines(runs: TextRun[]): Line[] {
  const sorted = runs.filter((r) => r.text.trim() !== '' && r.size > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const r of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(r.y - last.y) <= 0.45 * Math.max(r.size, last.size)) {
      last.runs.push(r);
      last.x0 = Math.min(last.x0, r.x);
      last.x1 = Math.max(last.x1, r.x + r.w);
      last.size = Math.max(last.size, r.size);
    } else {
      lines.push({ runs: [r], y: r.y, x0: r.x, x1: r.x + r.w, size: r.size, n: 0 });
    }
  }
  lines.forEach((l, i) => {
    l.runs.sort((a, b) => a.x - b.x);
    l.n = i + 1;
  });
  return lines;
}

/**
 * Text of runs in reading order: no space between CJK glyphs, one where Latin words were spaced.
 * The last character is kept aside: reading it from the growing text would flatten it on every
 * run, quadratic on a line of 100,000 glyph runs.
 */
function joinRuns(runs: TextRun[]): string {
  let out = '';
  let last = '';
  let end = -Infinity;
  for (const r of runs) {
    const text = r.text.replace(/\s+/g, ' ');
    const gap = r.x - end;
    if (out.length > 0 && gap > 0.2 * r.size && last !== ' ' && !text.startsWith(' ')) {
      const b = text.trimStart()[0];
      if (!(isCjk(last) && isCjk(b)) || gap > 0.8 * r.size) {
        out += ' ';
        last = ' ';
      }
    }
    out += text;
    if (text.length > 0) last = text[text.length - 1];
    end = Math.max(end, r.x + r.w);
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Runs split where the horizontal gap is wider than ~2 em: the cells of a borderless table line. */
function splitCells(runs: TextRun[]): TextRun[][] {
  const cells: TextRun[][] = [];
  let end = -Infinity;
  for (const r of runs) {
    if (cells.length === 0 || r.x - end > 2 * r.size) cells.push([]);
    cells[cells.length - 1].push(r);
    end = Math.max(end, r.x + r.w);
  }
  return cells;
}

const cellText = (t: string) => t.replace(/\|/g, '｜').trim();

const MAX_RULES = 4000;

interface Grid {
  top: number;
  bottom: number;
  left: number;
  right: number;
  rows: number[];
  cols: number[];
}

/** Tables drawn with borders: horizontal rules that share a left and right edge, with the vertical rules between them. */
function findGrids(rules: Rule[]): Grid[] {
  if (rules.length > MAX_RULES) return []; // a drawing or a hatch pattern, not a table; bounds the work
  const horiz = mergeRules(rules.filter((r) => r.y1 - r.y0 < 3), 'x').filter((r) => r.x1 - r.x0 > 20).sort((a, b) => a.y0 - b.y0);
  const vert = mergeRules(rules.filter((r) => r.x1 - r.x0 < 3), 'y').filter((r) => r.y1 - r.y0 > 5);
  const grids: Grid[] = [];
  const used = new Set<Rule>();
  for (const h of horiz) {
    if (used.has(h)) continue;
    // rules of one table overlap this one horizontally and are joined by vertical rules
    const group = horiz.filter((o) => !used.has(o) && o.x0 < h.x1 - 5 && o.x1 > h.x0 + 5);
    if (group.length < 2) continue;
    const left = Math.min(...group.map((g) => g.x0));
    const right = Math.max(...group.map((g) => g.x1));
    const ys = dedupe(group.map((g) => (g.y0 + g.y1) / 2));
    // keep a run of rules linked by vertical borders (a table, not two underlines far apart)
    const rows: number[] = [ys[0]];
    for (let i = 1; i < ys.length; i++) {
      const a = rows[rows.length - 1];
      const b = ys[i];
      const linked = vert.some((v) => v.y0 <= a + 3 && v.y1 >= b - 3 && v.x0 >= left - 3 && v.x1 <= right + 3);
      if (!linked) break;
      rows.push(b);
    }
    if (rows.length < 2) continue;
    for (const g of group) if ((g.y0 + g.y1) / 2 <= rows[rows.length - 1] + 1) used.add(g);
    const top = rows[0];
    const bottom = rows[rows.length - 1];
    const cols = dedupe(
      vert.filter((v) => v.y0 < bottom - 3 && v.y1 > top + 3 && v.x0 >= left - 3 && v.x1 <= right + 3).map((v) => (v.x0 + v.x1) / 2),
    );
    if (cols.length < 3) continue; // one column: a box around text, not a table
    grids.push({ top, bottom, left, right, rows, cols });
  }
  return grids;
}

/**
 * Joins collinear pieces that touch: browsers and office suites draw a table's borders cell by cell,
 * so one row border arrives as several short rules.
 */
function mergeRules(rules: Rule[], along: 'x' | 'y'): Rule[] {
  const [lo, hi, c0, c1] = along === 'x' ? (['x0', 'x1', 'y0', 'y1'] as const) : (['y0', 'y1', 'x0', 'x1'] as const);
  const sorted = [...rules].sort((a, b) => (a[c0] + a[c1]) / 2 - (b[c0] + b[c1]) / 2 || a[lo] - b[lo]);
  const out: Rule[] = [];
  for (const r of sorted) {
    const mid = (r[c0] + r[c1]) / 2;
    const same = out.find((o) => Math.abs((o[c0] + o[c1]) / 2 - mid) < 1.5 && r[lo] <= o[hi] + 2 && r[hi] >= o[lo] - 2);
    if (same) {
      same[lo] = Math.min(same[lo], r[lo]);
      same[hi] = Math.max(same[hi], r[hi]);
    } else out.push({ ...r });
  }
  return out;
}

function dedupe(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out[out.length - 1] > 2) out.push(v);
  return out;
}

function band(edges: number[], v: number): number {
  for (let i = 0; i + 1 < edges.length; i++) if (v >= edges[i] - 1 && v < edges[i + 1] + 1) return i;
  return -1;
}

/** One page's blocks: running-text lines, and table rows rebuilt from borders (or from wide gaps). */
function pageBlocks(page: PageContent, pageNo: number): Block[] {
  const lines = groupLines(page.runs);
  const grids = findGrids(page.rules);
  const blocks: Block[] = [];
  const gridRows = new Map<string, { block: Block; cells: TextRun[][][] }>();
  for (const line of lines) {
    const midY = line.y - line.size * 0.35;
    const grid = grids.find((g) => midY > g.top && midY < g.bottom && line.x0 >= g.left - 2 && line.x1 <= g.right + 2);
    if (grid) {
      const row = band(grid.rows, midY);
      const key = `${grids.indexOf(grid)}:${row}`;
      let entry = gridRows.get(key);
      if (!entry) {
        const block: Block = { cells: [], text: '', x0: grid.left, x1: grid.right, y: line.y, size: line.size, page: pageNo, n: line.n };
        entry = { block, cells: grid.cols.slice(1).map(() => []) };
        gridRows.set(key, entry);
        blocks.push(block);
      }
      for (const r of line.runs) {
        const col = band(grid.cols, r.x + Math.min(r.w, r.size) / 2);
        if (col < 0) continue;
        const cell = entry.cells[col];
        if (cell.length === 0 || Math.abs(cell[cell.length - 1][0].y - r.y) > 0.45 * r.size) cell.push([]);
        cell[cell.length - 1].push(r);
      }
      continue;
    }
    const parts = splitCells(line.runs);
    const block: Block = { text: joinRuns(line.runs), x0: line.x0, x1: line.x1, y: line.y, size: line.size, page: pageNo, n: line.n };
    if (parts.length >= 3) block.cells = parts.map((p) => cellText(joinRuns(p)));
    blocks.push(block);
  }
  for (const { block, cells } of gridRows.values()) {
    // lines inside one cell are wrapped text: joined without a break
    block.cells = cells.map((lines) => cellText(lines.map((l) => joinRuns(l)).join('')));
  }
  return blocks;
}

const PAGE_NUMBER = [
  /^[-—–－_~\s]*\d{1,4}[-—–－_~\s]*$/, // 3, -3-, — 3 —
  /^第\s*\d{1,4}\s*页\s*([,，/、]?\s*共\s*\d{1,4}\s*页)?$/, // 第3页 共11页
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // 3/11
  /^(page\s*)?\d{1,4}(\s*of\s*\d{1,4})?$/i,
];

const isPageNumber = (t: string) => PAGE_NUMBER.some((re) => re.test(t.trim()));

/** Drops page numbers and headers/footers repeated in the top or bottom margin of most pages. */
function dropFurniture(pages: Block[][], heights: number[]): Block[][] {
  const inMargin = (b: Block, p: number) => b.y < heights[p] * 0.12 || b.y > heights[p] * 0.88;
  const key = (b: Block) => b.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, number>();
  pages.forEach((blocks, p) => {
    const keys = new Set(blocks.filter((b) => !b.cells && inMargin(b, p)).map(key));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  });
  const repeated = (k: string) => pages.length >= 2 && (seen.get(k) ?? 0) >= Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((blocks, p) => {
    // only the first and last lines of a page can be furniture
    const edge = new Set([...blocks.slice(0, 3), ...blocks.slice(-3)]);
    return blocks.filter((b) => !(edge.has(b) && !b.cells && inMargin(b, p) && (isPageNumber(b.text) || repeated(key(b)))));
  });
}

// a sentence's or a closed note's end (（责任单位：…）); OCR writes the marks half-width (; : ) ?)
const TERMINAL = /[。！？；：）!?;:)]$/;
const OPENS = /^([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.、．](?!\d)|[①-⑳]|附件)/;

/** Left body margin (most common line start) and right margin (where full lines end). */
function margins(blocks: Block[]): { left: number; right: number } {
  const text = blocks.filter((b) => !b.cells && b.text.length >= 8);
  if (text.length === 0) return { left: 0, right: Infinity };
  const counts = new Map<number, number>();
  for (const b of text) counts.set(Math.round(b.x0), (counts.get(Math.round(b.x0)) ?? 0) + 1);
  const left = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  const ends = text.map((b) => b.x1).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.9)];
  return { left, right };
}

/** Lines (and table rows) of the whole document, wrapped paragraphs joined, furniture dropped. */
export function layoutPages(pages: PageContent[]): PlacedLine[] {
  const perPage = dropFurniture(
    pages.map((p, i) => pageBlocks(p, i + 1)),
    pages.map((p) => p.height),
  );
  const all = perPage.flat();
  const { left, right } = margins(all);
  const out: PlacedLine[] = [];
  let prev: Block | undefined;
  for (const b of all) {
    if (b.cells) {
      out.push({ text: `| ${b.cells.join(' | ')} |`, page: b.page, line: b.n });
      prev = undefined;
      continue;
    }
    const wraps =
      prev !== undefined &&
      prev.x1 >= right - 2 * prev.size && // the previous line ran to the right margin
      prev.x0 <= left + 3 * prev.size && // from the left one (a right-aligned signature or date does not)
      b.x0 <= left + 0.6 * b.size && // this one is not indented (a new paragraph is)
      Math.abs(b.size - prev.size) < 0.2 * b.size &&
      !(TERMINAL.test(prev.text) && OPENS.test(b.text));
    if (wraps) {
      const last = out[out.length - 1];
      const glue = /[A-Za-z0-9]$/.test(last.text) && /^[A-Za-z0-9]/.test(b.text) ? ' ' : '';
      last.text += glue + b.text;
    } else {
      out.push({ text: b.text, page: b.page, line: b.n });
    }
    prev = b;
  }
  return out;
}
