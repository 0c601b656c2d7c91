// Test inputs made from the text fixtures: the same notice as a DOCX with Word auto-numbering,
// as HTML (printed to PDF by chromium in the tests), and as an OFD laid out by a small typesetter.
// Nothing here knows the parser: they only re-publish the text in another format.
// Plain JavaScript so that bench/run.js can use it too.
import { zipSync, strToU8 } from 'fflate';
import { AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
const cellsOf = (line) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
/** A fixture's text as paragraphs and tables (markdown separator rows dropped). */
export function blocks(text) {
  const out = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line)
      continue;
    if (line.startsWith('|')) {
      const cells = cellsOf(line);
      if (cells.every((c) => /^:?-+:?$/.test(c)))
        continue;
      const last = out[out.length - 1];
      if (last?.kind === 'table')
        last.rows.push(cells);
      else
        out.push({ kind: 'table', rows: [cells] });
    }
    else
      out.push({ kind: 'p', text: line });
  }
  return out;
}
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The notice as a printable page: one <p> per paragraph (first-line indent), bordered tables. */
export function toHtml(text) {
  const body = blocks(text)
    .map((b) => b.kind === 'p'
    ? `<p>${escape(b.text)}</p>`
    : `<table>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</table>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 12pt; line-height: 1.6; }
  p { margin: 0; text-indent: 2em; text-align: justify; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 10.5pt; }
  td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
  </style></head><body>${body}</body></html>`;
}
// ---- DOCX with Word list numbering -------------------------------------------------------------
const CN = '一二三四五六七八九';
function chinese(s) {
  if (s === '十')
    return 10;
  if (s.startsWith('十'))
    return 10 + CN.indexOf(s[1]) + 1;
  if (s.includes('十'))
    return (CN.indexOf(s[0]) + 1) * 10 + (s.length > 2 ? CN.indexOf(s[2]) + 1 : 0);
  return CN.indexOf(s) + 1;
}
const LEVELS = [
  { re: /^([一二三四五六七八九十]{1,3})、\s*/, value: (m) => chinese(m[1]) },
  { re: /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*/, value: (m) => chinese(m[1]) },
  { re: /^(\d{1,2})[.．、](?!\d)\s*/, value: (m) => Number(m[1]) },
  { re: /^[（(](\d{1,2})[）)]\s*/, value: (m) => Number(m[1]) },
];
/**
 * A DOCX whose heading and item numbers are Word list numbering (numbering.xml), not text: a
 * paragraph gets the list when Word's counter would show the number written in the fixture,
 * otherwise its number stays typed (as in real files that mix both).
 */
export async function toDocx(text) {
  const counters = [];
  const children = [];
  for (const b of blocks(text)) {
    if (b.kind === 'table') {
      children.push(new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
      }));
      continue;
    }
    let numbered;
    for (let level = 0; level < LEVELS.length && !numbered; level++) {
      const m = LEVELS[level].re.exec(b.text);
      if (!m || m[0].length === b.text.length)
        continue;
      if (LEVELS[level].value(m) !== (counters[level] ?? 0) + 1)
        break;
      counters[level] = (counters[level] ?? 0) + 1;
      counters.length = level + 1;
      numbered = new Paragraph({ text: b.text.slice(m[0].length), numbering: { reference: 'plan', level } });
    }
    children.push(numbered ?? new Paragraph(b.text));
  }
  const level = (n, format, t) => ({
    level: n,
    format,
    text: t,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.NOTHING,
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [
            level(0, LevelFormat.CHINESE_COUNTING, '%1、'),
            level(1, LevelFormat.CHINESE_COUNTING, '（%2）'),
            level(2, LevelFormat.DECIMAL, '%3.'),
            level(3, LevelFormat.DECIMAL, '（%4）'),
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
// ---- OFD typesetter ----------------------------------------------------------------------------
const PAGE = { w: 210, h: 297, left: 25, right: 25, top: 30, bottom: 30 };
const SIZE = 4.2; // mm, about 12 pt
const LEAD = 7; // mm between baselines
const em = (c) => (/[\x20-\x7e]/.test(c) ? 0.5 : 1);
/** Breaks text into lines no wider than `width` mm (the first line `indent` mm narrower). */
function wrap(text, width, indent = 0) {
  const lines = [];
  let cur = '';
  let used = indent;
  // a run of Latin letters or digits is never broken (as in a real typesetter); CJK breaks anywhere
  for (const token of text.match(/[A-Za-z0-9]+|[\s\S]/gu) ?? []) {
    const w = [...token].reduce((a, c) => a + em(c) * SIZE, 0);
    if (used + w > width && cur) {
      lines.push(cur);
      cur = '';
      used = 0;
    }
    cur += token;
    used += w;
  }
  if (cur)
    lines.push(cur);
  return lines;
}
/**
 * An OFD package of the notice: A4 pages, justified-free left-aligned lines with a two-character
 * first-line indent, tables as bordered grids (PathObjects), a page number `— n —` at the foot
 * and a running header on every page.
 */
export function toOfd(text, header = '政府文件') {
  let id = 1;
  const pages = [[]];
  let y = PAGE.top;
  const width = PAGE.w - PAGE.left - PAGE.right;
  const textObject = (s, x, baseline) => {
    // DeltaX: the advance after each glyph but the last
    const dx = [...s].slice(0, -1).map((c) => (em(c) * SIZE).toFixed(2));
    return `<ofd:TextObject ID="${id++}" Boundary="${x.toFixed(2)} ${(baseline - SIZE).toFixed(2)} ${width} ${SIZE * 1.5}" Font="1" Size="${SIZE}"><ofd:TextCode X="0" Y="${SIZE.toFixed(2)}"${dx.length ? ` DeltaX="${dx.join(' ')}"` : ''}>${escape(s)}</ofd:TextCode></ofd:TextObject>`;
  };
  const rule = (x0, y0, x1, y1) => `<ofd:PathObject ID="${id++}" Boundary="0 0 ${PAGE.w} ${PAGE.h}" LineWidth="0.25"><ofd:AbbreviatedData>M ${x0.toFixed(2)} ${y0.toFixed(2)} L ${x1.toFixed(2)} ${y1.toFixed(2)}</ofd:AbbreviatedData></ofd:PathObject>`;
  const newPage = () => {
    pages.push([]);
    y = PAGE.top;
  };
  const page = () => pages[pages.length - 1];
  const cellText = (s, x, baseline, size) => {
    const dx = [...s].slice(0, -1).map((c) => (em(c) * size).toFixed(2));
    return `<ofd:TextObject ID="${id++}" Boundary="${x.toFixed(2)} ${(baseline - size).toFixed(2)} 100 ${size * 1.5}" Font="1" Size="${size}"><ofd:TextCode X="0" Y="${size.toFixed(2)}"${dx.length ? ` DeltaX="${dx.join(' ')}"` : ''}>${escape(s)}</ofd:TextCode></ofd:TextObject>`;
  };
  for (const b of blocks(text)) {
    if (b.kind === 'p') {
      wrap(b.text, width, 2 * SIZE).forEach((line, i) => {
        if (y + LEAD > PAGE.h - PAGE.bottom)
          newPage();
        y += LEAD;
        page().push(textObject(line, PAGE.left + (i === 0 ? 2 * SIZE : 0), y));
      });
      continue;
    }
    const n = Math.max(...b.rows.map((r) => r.length));
    // a narrow first column (序号), the rest shared by the others
    const cols = [0, 12, ...Array.from({ length: n - 1 }, (_, k) => 12 + ((width - 12) * (k + 1)) / (n - 1))].map((c) => PAGE.left + c);
    const cellSize = SIZE * 0.85;
    let tableTop = y + 2;
    const drawTop = () => page().push(rule(cols[0], tableTop, cols[n], tableTop));
    drawTop();
    for (const row of b.rows) {
      const wrapped = row.map((c, k) => wrapCell(c, cols[k + 1] - cols[k] - 2, cellSize));
      const h = Math.max(1, ...wrapped.map((l) => l.length)) * cellSize * 1.4 + 2;
      if (tableTop + h > PAGE.h - PAGE.bottom) {
        newPage();
        tableTop = y + 2;
        drawTop();
      }
      wrapped.forEach((lines, k) => {
        // vertically centred, as tables often are
        const offset = (h - lines.length * cellSize * 1.4) / 2;
        lines.forEach((l, i) => page().push(cellText(l, cols[k] + 1, tableTop + offset + (i + 1) * cellSize * 1.4 - cellSize * 0.3, cellSize)));
      });
      for (const x of cols.slice(0, n + 1))
        page().push(rule(x, tableTop, x, tableTop + h));
      tableTop += h;
      page().push(rule(cols[0], tableTop, cols[n], tableTop));
    }
    y = tableTop + 2;
  }
  function wrapCell(s, w, size) {
    const lines = [];
    let cur = '';
    let used = 0;
    for (const c of s) {
      if (used + em(c) * size > w && cur)
        (lines.push(cur), (cur = ''), (used = 0));
      cur += c;
      used += em(c) * size;
    }
    if (cur)
      lines.push(cur);
    return lines;
  }
  const files = {};
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  files['OFD.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
  files['Doc_0/Document.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${ns}><ofd:CommonData><ofd:MaxUnitID>${id + pages.length * 3}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${PAGE.w} ${PAGE.h}</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>${pages
    .map((_, i) => `<ofd:Page ID="${1000 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`)
    .join('')}</ofd:Pages></ofd:Document>`);
  pages.forEach((objects, i) => {
    const furniture = [textObject(header, PAGE.left, 18), textObject(`— ${i + 1} —`, PAGE.w / 2 - 8, PAGE.h - 15)];
    files[`Doc_0/Pages/Page_${i}/Content.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ns}><ofd:Content><ofd:Layer ID="${id++}">${[...furniture, ...objects].join('')}</ofd:Layer></ofd:Content></ofd:Page>`);
  });
  return zipSync(files);
}
