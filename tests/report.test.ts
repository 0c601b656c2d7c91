import { runCli } from './helpers.js';
// plancmp report: the HTML report and the coverage CSV for many local plans, and diff --format html.
// The HTML must be self-contained (no URL of any kind), carry no event-handler attributes, and show
// every piece of document text escaped — a scraped notice is untrusted input.
import { describe, it, expect, beforeAll } from 'vitest';
import { Writable, Readable } from 'node:stream';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { highlightTexts } from '../src/render/html/textdiff.js';
import { esc } from '../src/render/html/escape.js';
import { placeName } from '../src/render/coverage.js';

const run = (args: string[]) => runCli(args);

export const SEEDS = [
  'fixtures/000_5b73fe2b8637f3d3.txt',
  'fixtures/001_2a7fecd8e03c454a.txt',
  'fixtures/003_921a6ce2908064d7.txt',
  'fixtures/004_0ece2a694517dc78.txt',
];

/** Any reference that would reach the network: a scheme URL, a protocol-relative //host, or a fetch in CSS. */
const EXTERNAL = [/https?:\/\//i, /\/\/[a-z0-9-]+(\.[a-z0-9-]+)+/i, /\burl\s*\(/i, /@import/i, /@font-face/i, /<(link|img|iframe|object|embed|base)\b/i];
const HANDLER_ATTR = /\bon[a-z]+\s*=/i;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('plancmp report on the four seed plans', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plancmp-report-'));
  const htmlFile = join(dir, 'report.html');
  const csvFile = join(dir, 'matrix.csv');
  let page = '';
  let $: cheerio.CheerioAPI;
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    result = await run(['report', ...SEEDS, '--html', htmlFile, '--csv', csvFile]);
    page = readFileSync(htmlFile, 'utf8');
    $ = cheerio.load(page);
  });

  it('exits 0 and says what it wrote', () => {
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toContain(htmlFile);
    expect(result.out).toContain(csvFile);
  });

  it('is one self-contained file: no external URL, font, stylesheet or script', () => {
    for (const re of EXTERNAL) expect(page, String(re)).not.toMatch(re);
    expect($('script[src], link, img, iframe').length).toBe(0);
    expect($('script').length).toBe(1);
    $('[href]').each((_, el) => expect($(el).attr('href')).toMatch(/^#[a-z0-9-]+$/));
    expect(page).toContain('"Noto Sans CJK SC"');
  });

  it('has no inline event-handler attributes', () => {
    expect(page).not.toMatch(HANDLER_ATTR);
    $('*').each((_, el) => {
      for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) expect(name).not.toMatch(/^on/i);
    });
  });

  it('has an overview row per plan with the different-family badge where it applies', () => {
    const rows = $('#overview-table tbody tr');
    expect(rows).toHaveLength(4);
    expect(rows.eq(0).text()).toContain('舟政办发〔2018〕150号');
    expect(rows.eq(1).text()).toContain('湖政发〔2018〕20号');
    expect(rows.eq(3).find('.badge.family')).toHaveLength(1);
    expect($('#overview-table tbody .badge.family')).toHaveLength(1);
    expect(rows.eq(0).find('a').attr('href')).toBe('#plan-1');
  });

  it('has a coverage matrix with one column per plan and one row per base task', () => {
    expect($('#coverage-matrix thead th.plan-col')).toHaveLength(4);
    expect($('#coverage-matrix tbody tr.task-row')).toHaveLength(41);
    expect($('#coverage-matrix tbody tr.group')).toHaveLength(10);
    const r21 = $('#coverage-matrix tr.task-row[data-base="2.1"] td.st');
    expect(r21).toHaveLength(4);
    expect(r21.eq(0).hasClass('st-merged')).toBe(true); // 舟山 2.1 = 16号 2.1 + 2.2
    expect(r21.eq(0).text()).toContain('2.1');
    expect($('#coverage-matrix tr.task-row[data-base="6.1"] td.st').eq(0).hasClass('st-dropped')).toBe(true);
    expect($('#coverage-matrix tr.task-row[data-base="7.2"] td.st').eq(0).hasClass('st-partial')).toBe(true);
    expect($('#coverage-matrix tr.task-row[data-base="2.1"] td.st a').eq(0).attr('href')).toBe('#plan-1-b-2-1');
  });

  it('has a key-list deadline matrix with one row per base key-list row', () => {
    expect($('#deadline-matrix tbody tr.kl-row')).toHaveLength(49);
    expect($('#deadline-matrix thead th.plan-col')).toHaveLength(4);
    const l6 = $('#deadline-matrix tbody tr.kl-row').eq(5);
    expect(l6.find('th').text()).toBe('L6');
    expect(l6.find('td.st').eq(1).hasClass('dl-earlier')).toBe(true); // 湖州 L7: 2018—2020年 vs 2018—2022年
  });

  it('has a side-by-side page per plan with highlighted changes, units on both sides and deadline changes', () => {
    expect($('section.plan-page:not(.source-page)')).toHaveLength(4);
    expect($('section.source-page')).toHaveLength(5); // the base and each plan, for the line links
    const zs = $('#plan-1');
    expect(zs.find('table.sbs tr#plan-1-b-2-1 td.side.base .task')).toHaveLength(2); // 2.1 and 2.2 merged into one local task
    expect(zs.find('table.sbs tr#plan-1-b-2-1 td.side.local .task')).toHaveLength(1);
    expect(zs.find('table.sbs del').length).toBeGreaterThan(0);
    expect(zs.find('table.sbs ins').length).toBeGreaterThan(0);
    expect(zs.find('tr#plan-1-b-1-1 td.side.base .unit').length).toBeGreaterThan(0);
    expect(zs.find('tr#plan-1-b-1-1 td.side.local .unit').length).toBeGreaterThan(0);
    expect(zs.find('tr#plan-1-b-6-1').hasClass('row-dropped')).toBe(true);
    expect(zs.find('#plan-1-deadlines tbody tr').length).toBeGreaterThan(40);
    expect($('#plan-4 .warn').text()).toContain('different family');
    // every anchor the matrices link to exists
    const ids = $('[id]').map((_, el) => $(el).attr('id')).get();
    const count = new Map<string, number>();
    for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
    const hrefs = $('a[href^="#"]').map((_, el) => $(el).attr('href')!.slice(1)).get();
    expect(hrefs.filter((id) => count.get(id) !== 1)).toEqual([]);
    expect(hrefs.some((id) => /^src-plan-\d+-l\d+$/.test(id))).toBe(true); // tasks link to their source lines
  });

  it('writes the coverage matrix as CSV: BOM (a file, for Excel), CRLF, one row per base task, one column per plan', () => {
    const text = readFileSync(csvFile, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(42);
    const [header, ...body] = rows;
    expect(header.slice(0, 4)).toEqual(['base_id', 'project', 'base_title', 'carried_by']);
    expect(header.slice(4)).toHaveLength(4);
    expect(header[4]).toContain('舟政办发〔2018〕150号');
    for (const r of body) expect(r).toHaveLength(8);
    expect(body.map((r) => r[0])).toContain('10.3');
    expect(body.find((r) => r[0] === '2.1')![4]).toBe('merged 2.1');
    expect(body.find((r) => r[0] === '6.1')![4]).toBe('dropped');
    // Xinchang (third column) is truncated after its 4.2: what follows is not in the copy, not dropped
    expect(body.find((r) => r[0] === '2.2')![6]).toBe('dropped');
    expect(body.filter((r) => r[6] === 'not in copy').map((r) => r[0])[0]).toBe('4.3');
  });
});

describe('document text is escaped', () => {
  it('a task title with <script> and an attribute break-out comes out as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancmp-hostile-'));
    const file = join(dir, 'hostile.txt');
    const src = readFileSync(SEEDS[0], 'utf8').replace('1. 加强政治建设。', `1. 加强<script>alert(1)</script>政治建设" onmouseover="alert(2)' & <img src=//evil.example/x>。`);
    writeFileSync(file, src);
    const out = join(dir, 'r.html');
    const r = await run(['report', file, '--html', out]);
    expect(r.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).not.toMatch(/<script>alert/);
    expect(page).toContain('&lt;script&gt;alert');
    expect(page).not.toContain('" onmouseover="');
    expect(page).toContain('&quot; onmouseover&#61;&quot;');
    expect(page).not.toMatch(HANDLER_ATTR);
    for (const re of EXTERNAL) expect(page, String(re)).not.toMatch(re);
    const $ = cheerio.load(page);
    expect($('script')).toHaveLength(1);
    expect($('img')).toHaveLength(0);
    // the text survives, as text
    expect($('#plan-1 tr#plan-1-b-1-1 td.side.local').text()).toContain('<script>alert');
    expect($('#plan-1 tr#plan-1-b-1-1 td.side.local').text()).toContain('" onmouseover="');
  });

  it('esc covers the HTML specials and the characters that could spell a URL or an attribute', () => {
    expect(esc(`<a href="x" onclick='y'>&//=\``)).toBe('&lt;a href&#61;&quot;x&quot; onclick&#61;&#39;y&#39;&gt;&amp;&#47;&#47;&#61;&#96;');
  });
});

describe('report errors and exit codes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plancmp-report-err-'));

  it('a bad file is reported, the others still make the report, exit 3', async () => {
    const out = join(dir, 'partial.html');
    const r = await run(['report', SEEDS[0], 'nope/missing.txt', SEEDS[1], '--html', out]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('nope/missing.txt');
    expect(r.err).not.toMatch(/\n\s+at /);
    const $ = cheerio.load(readFileSync(out, 'utf8'));
    expect($('#coverage-matrix thead th.plan-col')).toHaveLength(2);
    expect($('#overview .warn').text()).toContain('nope/missing.txt');
  });

  it('a notice without tasks counts as a bad file', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '某某市人民政府关于召开会议的通知\n各单位：\n定于下周召开会议，请准时参加。\n');
    const out = join(dir, 'partial2.csv');
    const r = await run(['report', empty, SEEDS[2], '--csv', out]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('empty.txt');
    expect(parseCsv(readFileSync(out, 'utf8'))[0]).toHaveLength(5);
  });

  it('nothing readable: exit 2 and no report', async () => {
    const out = join(dir, 'none.html');
    const r = await run(['report', 'nope/a.txt', 'nope/b.txt', '--html', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('neither --html nor --csv: exit 2 with a hint', async () => {
    const r = await run(['report', SEEDS[0]]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--html');
  });

  it('--html - writes the report to standard output', async () => {
    const r = await run(['report', SEEDS[2], '--html', '-']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('<!DOCTYPE html>')).toBe(true);
  });
});

describe('plancmp diff --format html', () => {
  it('renders the pair with the report components, shown without :target', async () => {
    const r = await run(['diff', SEEDS[0], '--format', 'html']);
    expect(r.code).toBe(0);
    const $ = cheerio.load(r.out);
    expect($('section.plan-page.standalone')).toHaveLength(1);
    expect($('#overview-table tbody tr')).toHaveLength(1);
    expect($('table.sbs del').length).toBeGreaterThan(0);
    for (const re of EXTERNAL) expect(r.out, String(re)).not.toMatch(re);
    expect(r.out).not.toMatch(HANDLER_ATTR);
  });
});

describe('render helpers', () => {
  it('highlights changed characters with jsdiff, per task when several are joined', () => {
    const h = highlightTexts(['建立科学谋划体系。', '健全决策机制。'], ['建立科学谋划体系，健全行政决策机制。']);
    expect(h.left).toHaveLength(2);
    expect(h.right).toHaveLength(1);
    expect(h.right[0].value).toContain('<ins>行政</ins>');
    expect(h.left[0].value).toContain('建立科学谋划体系');
    const unrelated = highlightTexts(['加强政治建设'], ['完善社会保障']);
    expect(unrelated.left[0].value).toBe('<del>加强政治建设</del>');
  });

  it('names a column by the place in the issuer', () => {
    expect(placeName('舟山市人民政府办公室')).toBe('舟山市');
    expect(placeName('新昌县人民政府')).toBe('新昌县');
    expect(placeName('浙江省人民政府')).toBe('浙江省');
    expect(placeName(undefined)).toBeUndefined();
  });
});
