// Issue 30: reports that never say something false — one test per defect an analyst met reading the
// text report, the HTML page and the CSVs of real plans.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { FX, runCli } from './helpers.js';
import { parseFile } from '../src/pipeline.js';
import { diffNotices } from '../src/diff/index.js';
import { buildReport } from '../src/render/report.js';
import { csvCell } from '../src/render/csv.js';

const GUOFA = 'fixtures/real/guofa-2018-42-nongjihua-zhidao-yijian.govcn.html';
const JIANGXI = 'fixtures/pairs/jiangxi-nongjihua-shishi-yijian.txt';
const DOC = '/work/shared/real/binary/hainan-nongnongcai-2024-nongji-butie-notice.doc';
const EN = { NO_COLOR: '1', LANG: 'en_US.UTF-8' };
const run = (args: string[]) => runCli(args, { env: EN });
const tmp = () => mkdtempSync(join(tmpdir(), 'plancmp-truth-'));

/** Section headings of the text report with their counts: "Reworded (12)" → ['Reworded', 12]. */
function sections(out: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of out.split('\n')) {
    const x = /^([A-Z][^(]*?)(?: \([^)]*\))? \((\d+)\)$/.exec(line);
    if (x) m.set(x[1], Number(x[2]));
  }
  return m;
}

describe('1. key-list rows a plan without a key list does not restate are "not restated", never "removed"', () => {
  it('HTML chips and table cells, the diff CSV and the tidy CSV', async () => {
    const html = await run(['diff', FX.zhoushan, '--format', 'html']);
    const $ = cheerio.load(html.out);
    const d = JSON.parse((await run(['diff', FX.zhoushan, '--format', 'json'])).out);
    const quiet = d.deadlineChanges.filter((c: { notRestated?: boolean }) => c.notRestated).length;
    expect(quiet).toBe(35);
    const removedChips = $('.dlchanges li .chip').filter((_, e) => /removed/.test($(e).text())).length;
    const removedReal = d.deadlineChanges.filter((c: { change: string; notRestated?: boolean }) => c.change === 'removed' && !c.notRestated).length;
    expect(removedChips).toBe(removedReal);
    expect($('.dlchanges li .chip').filter((_, e) => /not restated/.test($(e).text())).length).toBe(quiet);
    expect($('tr[data-st="not-restated"]').length).toBe(quiet);

    const csv = (await run(['diff', FX.zhoushan, '--format', 'csv'])).out;
    expect(csv).toContain(':not-restated');
    expect(csv).not.toMatch(/L\d+\/[^,;]*:removed/);
    const dir = tmp();
    const tidy = join(dir, 'tidy.csv');
    await run(['report', FX.zhoushan, '--csv', tidy, '--tidy']);
    const text = readFileSync(tidy, 'utf8');
    expect(text).toContain('not-restated L');
    expect(text).not.toMatch(/removed L\d+/);
  });
});

describe('2. every carried base task appears in exactly one section', () => {
  it('江西 vs 国发〔2018〕42号: the partial link has a section of its own, and the sections add up to "carried"', async () => {
    const [base, local] = await Promise.all([parseFile(GUOFA), parseFile(JIANGXI)]);
    const d = diffNotices(base, local);
    const r = buildReport(d, base, local);
    const ids = [
      ...r.merged.flatMap((g) => g.bases.map((b) => b.id)),
      ...r.split.map((g) => g.base.id),
      ...r.reworded.map((w) => w.base.id),
      ...r.retitled.map((w) => w.base.id),
      ...r.partial.map((w) => w.base.id),
      ...r.unchanged.map((t) => t.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(r.carried);
    expect(r.partial.map((p) => p.base.id)).toEqual(['6.1']);

    const out = (await run(['diff', GUOFA, JIANGXI])).out;
    expect(out).toMatch(/carried 16\/18 .* partial 1 /);
    expect(out).toMatch(/^ {2}6\.1 提高农机作业便利程度 → 4\.3 /m);
  });

  it('on the seeds, the text sections list each carried task once', async () => {
    for (const f of [FX.zhoushan, FX.huzhou, FX.province]) {
      const [base, local] = [(await import('../src/pipeline.js')).loadBase(), await parseFile(f)];
      const r = buildReport(diffNotices(base, local), base, local);
      const ids = [...r.merged.flatMap((g) => g.bases.map((b) => b.id)), ...r.split.map((g) => g.base.id), ...r.reworded.map((w) => w.base.id), ...r.retitled.map((w) => w.base.id), ...r.partial.map((w) => w.base.id), ...r.unchanged.map((t) => t.id)];
      expect(ids.length, f).toBe(r.carried);
      expect(new Set(ids).size, f).toBe(ids.length);
    }
  });
});

describe('3. a rewording whose title stayed says what changed in the text', () => {
  it('2.1 → 1.1 完善农机装备创新体系 (same title) shows the text change', async () => {
    const out = (await run(['diff', GUOFA, JIANGXI])).out;
    const line = out.split('\n').find((l) => l.startsWith('  2.1 → 1.1'))!;
    expect(line).not.toContain('完善农机装备创新体系 → 完善农机装备创新体系');
    expect(line).toMatch(/same title; text: .*「[^」]+」/);
    const md = (await run(['diff', GUOFA, JIANGXI, '--format', 'md'])).out;
    expect(md).toMatch(/\| 2\.1 \| 1\.1 \| 完善农机装备创新体系 \| 完善农机装备创新体系 \(same title; text: /);
  });
});

describe('4. a document against itself has no findings', () => {
  it('the same .doc twice: no merge, no split, no citation of itself, in every format', async () => {
    const text = await run(['diff', DOC, DOC]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/merged 0 · split 0 · reworded 0 · retitled 0 · deadline changes 0/);
    expect(text.out).toContain('is the same document as the base');
    expect(text.out).not.toContain('cites the base');
    const d = JSON.parse((await run(['diff', DOC, DOC, '--format', 'json'])).out);
    expect(d.summary).toMatchObject({ merged: 0, split: 0, dropped: 0, added: 0, reworded: 0, retitled: 0, deadlineChanges: 0, ownerChanges: 0 });
    expect(d.parentage).toMatchObject({ citesBase: false, sameDocument: true });
    expect(d.links.every((k: { base: string; local: string; kind: string }) => k.base === k.local && k.kind === 'same')).toBe(true);
    const html = (await run(['diff', DOC, DOC, '--format', 'html'])).out;
    expect(cheerio.load(html)('.badge.cites').length).toBe(0);
    expect((await run(['diff', DOC, DOC, '--quiet'])).code).toBe(0);
  });
});

describe('5. swapped arguments are caught', () => {
  it('diff LOCAL BASE, where the "base" cites the "local" by 文号: exit 2 with the right order; --force goes on', async () => {
    const r = await run(['diff', JIANGXI, GUOFA]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('look swapped');
    expect(r.err).toContain(`plancmp diff ${GUOFA} ${JIANGXI}`);
    const forced = await run(['diff', JIANGXI, GUOFA, '--force', '--stat']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('carried');
  });

  it('a city plan given as the base of a provincial plan is caught by level', async () => {
    const r = await run(['diff', FX.zhoushan, FX.province, '--direct']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('lower level');
  });
});

describe('6. a plan of another parent gets the hint, not a report', () => {
  it('diff LOCAL on a plan citing 国发〔2018〕42号: exit 2, nothing on stdout; --force gives the report', async () => {
    const r = await run(['diff', JIANGXI]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('国发〔2018〕42号');
    expect(r.err).toContain('plancmp diff PARENT');
    const forced = await run(['diff', JIANGXI, '--force', '--stat']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('thematic overlap');
  });
});

describe('7. the level of the base comes from its issuer', () => {
  it('a 国务院 base without a key list: "national", no "provincial", no "0 rows"', async () => {
    const dir = tmp();
    const f = join(dir, 'r.html');
    await run(['report', '--base', GUOFA, JIANGXI, '--html', f]);
    const $ = cheerio.load(readFileSync(f, 'utf8'));
    const text = $('body').text();
    expect(text).not.toContain('provincial');
    expect(text).not.toMatch(/\b0 rows\b/);
    expect(text).toContain('national');
    expect($('#deadlines').text()).toContain('The base plan has no key list');
  });
});

describe('8. truncated and unrelated plans are marked and left out of coverage figures', () => {
  it('overview and chart of 舟山 + 新昌 (truncated) + 黑河 (another family)', async () => {
    const dir = tmp();
    const f = join(dir, 'r.html');
    await run(['report', FX.zhoushan, FX.xinchang, FX.heihe, '--html', f]);
    const $ = cheerio.load(readFileSync(f, 'utf8'));
    const rows = $('#overview-table tbody tr');
    const cells = (k: number) => rows.eq(k).find('td');
    // 舟山: a coverage with its bar
    expect(cells(0).eq(4).find('.bar').length).toBe(1);
    // 新昌: 2 dropped, 25 not in the copy; no coverage bar
    expect(cells(1).eq(4).find('.bar').length).toBe(0);
    expect(cells(1).eq(4).text()).toContain('truncated copy');
    expect(cells(1).eq(5).text()).toMatch(/^2\s*\+ 25 not in copy/);
    // 黑河: no share, no bar
    expect(cells(2).eq(4).find('.bar').length).toBe(0);
    expect(cells(2).eq(4).text()).not.toMatch(/44%/);
    // nor dropped, added, merged, split or reworded counts: its links are thematic overlap
    for (const k of [5, 6, 7, 8, 9]) expect(cells(2).eq(k).text().trim()).toBe('—');
    // the chart draws 舟山 only and says why the others are left out
    const chart = $('#share-chart');
    expect(chart.find('.chart-legend li').length).toBe(1);
    expect(chart.text()).toMatch(/Left out of the chart: 新昌县 \(truncated copy\), .* \(different family\)/);
    const text = (await run(['diff', FX.xinchang, '--stat'])).out;
    expect(text).toMatch(/dropped 2 · not in this copy 25 ·/);
  });
});

describe('9. CSV cells a spreadsheet would turn into dates or numbers stay text', () => {
  it('fractions, ranges, long digit strings, trailing zeros are written as ="…"', () => {
    expect(csvCell('3/3')).toBe('"=""3/3"""');
    expect(csvCell('1-2')).toBe('"=""1-2"""');
    expect(csvCell('2018-04-28')).toBe('"=""2018-04-28"""');
    expect(csvCell('330100000000123456')).toBe('"=""330100000000123456"""');
    expect(csvCell('1.10')).toBe('"=""1.10"""');
    expect(csvCell('0571')).toBe('"=""0571"""');
    // what reads the same either way stays plain
    for (const v of ['2.1', '0.875', '41', 'L18', '舟山市', '']) expect(csvCell(v)).toBe(v);
  });

  it('carried_by in the coverage CSV', async () => {
    const dir = tmp();
    const f = join(dir, 'm.csv');
    await run(['report', FX.zhoushan, FX.huzhou, '--csv', f]);
    const text = readFileSync(f, 'utf8');
    expect(text).toContain('"=""2/2"""');
    expect(text).not.toMatch(/,2\/2,/);
  });
});

describe('10. warnings: one line per kind, one name per code', () => {
  it('25 tasks without units are one line in parse text and check, and check calls the rule no-units', async () => {
    const parse = (await run(['parse', DOC, '--format', 'text'])).out;
    expect(parse.match(/no-units/g)?.length).toBe(1);
    expect(parse).toContain('and 24 more like it');
    const check = await run(['check', DOC]);
    expect(check.out.match(/no-units/g)?.length).toBe(1);
    expect(check.out).not.toContain('task-without-units');
    expect(check.out).toContain('26 warnings');
    const json = JSON.parse((await run(['check', DOC, '--format', 'json'])).out);
    expect(json[0].findings.filter((f: { rule: string }) => f.rule === 'no-units').length).toBe(25);
    // the old name still works in --rule
    const off = await run(['check', DOC, '--rule', 'task-without-units=off']);
    expect(off.out).not.toContain('no-units');
  });
});

describe('11. plancmp knows its own HTML report', () => {
  it('parse and diff refuse it with one line', async () => {
    for (const args of [['parse', 'examples/report-example.html'], ['diff', 'examples/report-example.html']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain('is a plancmp report, not a notice');
    }
  });
});
