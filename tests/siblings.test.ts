// Local vs local: two plans of one parent compared through it (plancmp diff [--parent BASE] A B).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFile } from '../src/pipeline.js';
import { diffSiblings } from '../src/chain/siblings.js';
import { ajv, expectValid } from './schema-support.js';
import { FX, runCli } from './helpers.js';

const schema = JSON.parse(readFileSync(new URL('../schema/siblings.v1.json', import.meta.url), 'utf8'));
ajv.addSchema(schema);
const validate = ajv.getSchema(schema.$id)!;

const CITY = 'fixtures/chain/jiaxing-city-plan.txt';
const HAIYAN = 'fixtures/chain/haiyan-county-plan.txt';
const JIASHAN = 'fixtures/chain/jiashan-county-plan.txt';

describe('two county plans of one city plan, side by side', () => {
  it('says for each city task whether both, only A, only B or neither kept it, and who set the earlier deadline', async () => {
    const [city, a, b] = await Promise.all([CITY, HAIYAN, JIASHAN].map((f) => parseFile(f)));
    const d = diffSiblings(city, a, b, 'option');
    expectValid(validate, d, 'siblings');
    const t = (id: string) => d.tasks.find((x) => x.id === id)!;
    // 移动政务: both kept, 海盐 asks for it a month earlier
    expect(t('4.5')).toMatchObject({ status: 'both', earlier: 'a', a: { tasks: ['3.2'], due: '2018-08-31' }, b: { tasks: ['3.2'], due: '2018-09-30' } });
    // the city's own 长三角 task reaches both counties
    expect(t('6.4')).toMatchObject({ status: 'both', a: { tasks: ['4.2'] }, b: { tasks: ['3.3'] } });
    // 改进政府立法工作: a county makes no laws, neither keeps it
    expect(t('5.1').status).toBe('neither');
    // merged by 海盐 into 加强政治和思想建设, not taken up by 嘉善
    expect(t('1.2')).toMatchObject({ status: 'only-a', a: { tasks: ['1.1'], kinds: ['merged'] }, b: { tasks: [] } });
    expect(t('3.2')).toMatchObject({ status: 'only-b', b: { tasks: ['2.2'] } });
    expect(d.addedA.map((x) => x.title)).toEqual(['建立村（社区）便民服务代办全覆盖机制']);
    expect(d.addedB.map((x) => x.title)).toEqual(['深化县域科学发展示范点建设']);
    const s = d.summary;
    expect(s.both + s.onlyA + s.onlyB + s.neither).toBe(s.parentTasks);
    expect(s).toMatchObject({ parentTasks: 41, earlierA: 2, earlierB: 0 });
    expect(d.warnings).toEqual([]);
  });
});

describe('plancmp diff A B with two plans of one parent', () => {
  it('--parent: text side by side, JSON valid against schema/siblings.v1.json, CSV one row per parent task', async () => {
    const text = await runCli(['diff', '--parent', CITY, HAIYAN, JIASHAN]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/both kept 10 · only A 13 · only B 3 · neither 15/);
    expect(text.out).toContain('A earlier');
    const json = await runCli(['diff', '--parent', CITY, HAIYAN, JIASHAN, '--format', 'json']);
    const d = JSON.parse(json.out);
    expectValid(validate, d, 'siblings via CLI');
    expect(d.parentFrom).toBe('option');
    const csv = await runCli(['diff', '--parent', CITY, HAIYAN, JIASHAN, '--format', 'csv']);
    expect(csv.out.trim().split('\r\n')).toHaveLength(1 + 41 + 2);
    expect((await runCli(['diff', '--parent', CITY, HAIYAN, JIASHAN, '--fail-on', 'added'])).code).toBe(1);
  });

  it('two city plans of 16号 are compared through the embedded base; --direct aligns them as base and local', async () => {
    const r = await runCli(['diff', FX.zhoushan, FX.huzhou, '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expectValid(validate, d, 'embedded siblings');
    expect(d).toMatchObject({ schema: 'plancmp.siblings/1', parentFrom: 'embedded', parent: { docNumber: '浙政发〔2018〕16号' } });
    const direct = JSON.parse((await runCli(['diff', FX.zhoushan, FX.huzhou, '--format', 'json', '--direct'])).out);
    expect(direct.schema).toBe('plancmp.diff/1');
  });

  it('a plan and its own implementation stay a plain diff', async () => {
    const r = await runCli(['diff', CITY, HAIYAN, '--format', 'json']);
    expect(JSON.parse(r.out).schema).toBe('plancmp.diff/1');
    const base = await runCli(['diff', FX.province, FX.zhoushan, '--format', 'json']);
    expect(JSON.parse(base.out).schema).toBe('plancmp.diff/1');
  });

  it('refuses --parent with one file, with --direct, and formats it cannot give, in one line', async () => {
    for (const args of [
      ['diff', '--parent', CITY, HAIYAN],
      ['diff', '--parent', CITY, HAIYAN, JIASHAN, '--direct'],
      ['diff', '--parent', CITY, HAIYAN, JIASHAN, '--format', 'html'],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});
