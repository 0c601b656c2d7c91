// The workbook: `report --xlsx FILE` and `diff --format xlsx`, read back with exceljs.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FX, runCli } from './helpers.js';

const SEEDS = [FX.zhoushan, FX.huzhou, FX.xinchang, FX.heihe];
const ZH_SHEETS = ['概况', '删减', '新增', '合并与拆分', '时限变化', '责任单位变化汇总', '责任单位变化', '指标变化', '约束力度变化', '对照表'];
const run = (args: string[]) => runCli(args, { env: { NO_COLOR: '1' } });
const tmp = () => mkdtempSync(join(tmpdir(), 'plancmp-xlsx-'));

async function read(file: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === 'string') await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb;
}

const text = (ws: ExcelJS.Worksheet, row: number, col: number) => String(ws.getRow(row).getCell(col).value ?? '');

describe('report --xlsx', () => {
  it('one sheet per section, each with a frozen header, filters, widths; row counts match the diffs', async () => {
    const dir = tmp();
    const f = join(dir, 'report.xlsx');
    const r = await run(['report', ...SEEDS, '--xlsx', f, '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${f} (workbook: 4 plans × 41 base tasks)`);
    // written under a temporary name and renamed: nothing else is left in the directory
    expect(readdirSync(dir)).toEqual(['report.xlsx']);
    const wb = await read(f);
    expect(wb.worksheets.map((w) => w.name)).toEqual(ZH_SHEETS);
    const diffs = await Promise.all(SEEDS.map(async (s) => JSON.parse((await run(['diff', s, '--format', 'json'])).out)));
    const sum = (f: (d: any) => number) => diffs.reduce((a, d) => a + f(d), 0);
    const rows = (name: string) => wb.getWorksheet(name)!.actualRowCount - 1;
    expect(rows('概况')).toBe(4);
    expect(rows('删减')).toBe(sum((d) => d.dropped.length));
    expect(rows('新增')).toBe(sum((d) => d.added.length));
    expect(rows('时限变化')).toBe(sum((d) => d.deadlineChanges.filter((c: any) => c.change !== 'same').length));
    expect(rows('责任单位变化')).toBe(sum((d) => d.ownerChanges.filter((o: any) => o.change !== 'mapped').length));
    expect(rows('指标变化')).toBe(sum((d) => d.targetChanges.length));
    expect(rows('约束力度变化')).toBe(sum((d) => d.strengthChanges.length));
    expect(rows('约束力度变化')).toBeGreaterThan(0); // Zhoushan hedges three duties into 探索
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      expect(ws.columns.every((c) => (c.width ?? 0) >= 7), ws.name).toBe(true);
    }
    // one cell per sheet
    const ov = wb.getWorksheet('概况')!;
    expect(text(ov, 1, 1)).toBe('方案');
    expect([text(ov, 2, 1), text(ov, 2, 2), ov.getRow(2).getCell(6).value]).toEqual(['舟山市', '舟政办发〔2018〕150号', 40]);
    // the truncated copy (新昌) and the plan of another family (黑河) have no coverage figure
    expect([text(ov, 4, 1), ov.getRow(4).getCell(6).value]).toEqual(['新昌县', null]);
    const dropped = wb.getWorksheet('删减')!;
    expect([text(dropped, 2, 1), text(dropped, 2, 2), text(dropped, 2, 3), text(dropped, 2, 5)]).toEqual(['舟山市', '6.1', '推进“互联网+政务服务”', '删减']);
    expect(dropped.getColumn(3).alignment?.wrapText).toBe(true);
    const added = wb.getWorksheet('新增')!;
    expect(text(added, 1, 2)).toBe('本地编号');
    const groups = wb.getWorksheet('合并与拆分')!;
    expect([text(groups, 2, 2), text(groups, 2, 3), text(groups, 2, 5)]).toEqual(['合并', '2.1', '2.1']);
    const dl = wb.getWorksheet('时限变化')!;
    expect(text(dl, 1, 6)).toBe('变化');
    expect(['时限提前', '时限推迟', '时限改变', '时限删去', '新增时限', '未重述']).toContain(text(dl, 2, 6));
    const owners = wb.getWorksheet('责任单位变化')!;
    expect(text(owners, 2, 4)).toMatch(/牵头单位改变|责任单位减少|责任单位增加/);
    expect(text(owners, 1, 8)).toBe('依据');
    expect(['机构表', '名称规则', '据正文推断']).toContain(text(owners, 2, 8));
    // the grouped view: 舟山's 功能区管委会, added to many tasks, is one row that lists them
    const grouped = wb.getWorksheet('责任单位变化汇总')!;
    const zones = [...Array(grouped.actualRowCount).keys()].map((k) => k + 1).filter((r) => text(grouped, r, 1) === '舟山市' && text(grouped, r, 3) === '功能区管委会');
    expect(zones).toHaveLength(1);
    expect(text(grouped, zones[0], 2)).toBe('集体单位 增加');
    expect(Number(grouped.getRow(zones[0]).getCell(4).value)).toBeGreaterThanOrEqual(9);
    expect(text(grouped, zones[0], 5).split(', ').length).toBe(Number(grouped.getRow(zones[0]).getCell(4).value));
    expect(rows('责任单位变化汇总')).toBeLessThan(rows('责任单位变化'));
    // 对照表: the base text and the local text side by side, wrapped
    const sbs = wb.getWorksheet('对照表')!;
    expect([text(sbs, 1, 3), text(sbs, 1, 6)]).toEqual(['上级方案原文', '本地方案原文']);
    expect(text(sbs, 2, 3)).toMatch(/^加强政治建设。/);
    expect(text(sbs, 2, 6)).toContain('政治建设');
    expect(sbs.getColumn(3).alignment?.wrapText).toBe(true);
    expect(sbs.getColumn(6).alignment?.wrapText).toBe(true);
  });

  it('-o FILE.xlsx picks the workbook; English sheet names with --lang en', async () => {
    const dir = tmp();
    const f = join(dir, 'r.xlsx');
    expect((await run(['report', FX.zhoushan, '-o', f, '--lang', 'en'])).code).toBe(0);
    const wb = await read(f);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Overview', 'Dropped', 'Added', 'Merged and split', 'Deadline changes', 'Owner changes grouped', 'Owner changes', 'Target changes', 'Obligation strength', 'Side by side']);
  });

  it('a workbook that cannot be written is an error naming it, and leaves nothing behind', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'not-a-dir'), 'x');
    const r = await run(['report', FX.zhoushan, '--xlsx', join(dir, 'not-a-dir', 'r.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('r.xlsx');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['not-a-dir']);
  });
});

describe('diff --format xlsx', () => {
  it('the workbook of one pair, to a file with -o or to a pipe', async () => {
    const dir = tmp();
    const f = join(dir, 'd.xlsx');
    expect((await run(['diff', FX.zhoushan, '--format', 'xlsx', '-o', f, '--lang', 'zh'])).code).toBe(0);
    const wb = await read(f);
    expect(wb.worksheets.map((w) => w.name)).toEqual(ZH_SHEETS);
    expect(wb.getWorksheet('删减')!.actualRowCount - 1).toBe(1);
    const chunks: Buffer[] = [];
    const stdout = Object.assign(new Writable({ write: (c, _e, cb) => (chunks.push(Buffer.from(c)), cb()) }), { isTTY: false });
    const { execute } = await import('../src/cli/main.js');
    const { Readable } = await import('node:stream');
    const code = await execute(['diff', FX.zhoushan, '--format', 'xlsx', '--lang', 'zh'], { stdout, stderr: new Writable({ write: (_c, _e, cb) => cb() }), stdin: Readable.from([]), env: {} });
    expect(code).toBe(0);
    const piped = await read(Buffer.concat(chunks));
    expect(piped.worksheets.map((w) => w.name)).toEqual(ZH_SHEETS);
  });

  it('is not written to a terminal', async () => {
    const stdout = Object.assign(new Writable({ write: (_c, _e, cb) => cb() }), { isTTY: true });
    let err = '';
    const stderr = new Writable({ write: (c, _e, cb) => ((err += c), cb()) });
    const { execute } = await import('../src/cli/main.js');
    const { Readable } = await import('node:stream');
    const code = await execute(['diff', FX.zhoushan, '--format', 'xlsx'], { stdout, stderr, stdin: Readable.from([]), env: {} });
    expect(code).toBe(2);
    expect(err).toContain('-o FILE');
  });
});
