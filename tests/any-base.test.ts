// Diff of any base against its implementation, across structures (fixtures/pairs: local plans
// written for the three real notices, with hand-made truth), owners compared by counterpart, and
// thematic overlap with a plan of another family.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile, parseText, loadBase } from '../src/pipeline.js';
import { diffNotices } from '../src/diff/index.js';
import { counterpart } from '../src/diff/owners.js';
import { content } from '../src/align/text.js';
import { remapGold, type TitledGold } from '../src/eval/remap.js';
import { scoreDiff, prf } from '../src/eval/score.js';
import { expectValid, validateDiff } from './schema-support.js';
import { fixture, runCli } from './helpers.js';

const DIR = 'fixtures/pairs';
const pairs = readdirSync(DIR).filter((f) => f.endsWith('.json'));

async function run(goldFile: string) {
  const raw = JSON.parse(readFileSync(`${DIR}/${goldFile}`, 'utf8')) as TitledGold & { ownerChanges: { base: string; local: string; change: string }[] };
  const base = await parseFile(`fixtures/real/${raw.base}`);
  const local = await parseFile(`${DIR}/${raw.local}`);
  const gold = remapGold(raw, base, local);
  const d = diffNotices(base, local);
  return { gold, d, base, local };
}

// floors measured when the rules were set (links F1 0.970 / 0.930 / 1.000 with precision 1.0)
const FLOOR: Record<string, { links: number; dropped: number; added: number; owners: number }> = {
  'jiangxi-nongjihua-shishi-yijian.vs-guofa-2018-42.json': { links: 0.96, dropped: 0.8, added: 1, owners: 0.9 },
  'panyu-rencai-jiju-shishi-fangan.vs-guangzhou-rencai-2012.json': { links: 0.92, dropped: 0.7, added: 0.5, owners: 0.6 },
  // owners 0.88: this truth reads 6.2 (（商务部指导，供销合作总社参与）（生态环境部指导） → 市生态环境局牵头) as
  // reassigned; the blind set marked for issue 28 reads it as mapped, and so does plancmp: the base names no lead,
  // only bodies that guide, and the local lead is the counterpart of one of them
  'xuchang-wufei-chengshi-shishi-fangan.vs-guobanfa-2018-128.json': { links: 1, dropped: 1, added: 1, owners: 0.88 },
};

describe.each(pairs)('%s', (goldFile) => {
  it('links, dropped and added agree with the truth; no wrong link', async () => {
    const { gold, d } = await run(goldFile);
    const s = scoreDiff(d, gold);
    expect(s.links.precision).toBe(1);
    expect(s.links.f1).toBeGreaterThanOrEqual(FLOOR[goldFile].links);
    expect(s.dropped.recall).toBe(1);
    expect(s.added.recall).toBe(1);
    expect(s.dropped.f1).toBeGreaterThanOrEqual(FLOOR[goldFile].dropped);
    expect(s.added.f1).toBeGreaterThanOrEqual(FLOOR[goldFile].added);
    expectValid(validateDiff, d, goldFile);
  });

  it('finds the unexpected owner changes (everything but mapped)', async () => {
    const { gold, d } = await run(goldFile);
    const key = (c: { base: string; local: string; change: string }) => `${c.base}→${c.local}:${c.change}`;
    const s = prf(d.ownerChanges.filter((c) => c.change !== 'mapped').map(key), gold.ownerChanges.filter((c) => c.change !== 'mapped').map(key));
    expect(s.f1).toBeGreaterThanOrEqual(FLOOR[goldFile].owners);
    // one entry per link
    expect(d.ownerChanges.map((c) => `${c.base}→${c.local}`).sort()).toEqual(d.links.map((k) => `${k.base}→${k.local}`).sort());
    expect(d.summary.ownerChanges).toBe(d.ownerChanges.filter((c) => c.change !== 'mapped').length);
  });
});

describe('owner counterparts come from how unit names are built', () => {
  it.each([
    ['工业和信息化部', '省工业和信息化厅'],
    ['工业和信息化部', '市工业和信息化局'],
    ['国家发展改革委', '许昌市发展改革委'],
    ['市场监管总局', '省市场监督管理局'],
    ['人民银行', '人民银行南昌中心支行'],
    ['团市委', '团区委'],
    ['市委组织部', '区委组织部'],
    ['市城管委', '区城市管理局'],
    ['各省级人民政府', '各市、县（市、区）人民政府'],
    ['试点城市政府', '许昌市人民政府'],
    // a bureau's internal offices one level down: 处 → 科, abbreviated or not, 市局 naming the bureau
    ['疾控处', '疾病预防控制科'],
    ['政法处', '政策法规科'],
    ['应急处', '卫生应急科'],
    ['市局认证监督管理处', '认证监管科'],
  ])('%s → %s', (b, l) => expect(counterpart(b, l)).toBe(true));
  it.each([
    ['农业农村部', '省自然资源厅'],
    ['市金融办', '区经贸局'],
    ['市场监管总局', '市生态环境局'],
    ['疾控处', '医政医管科'],
    ['市局认证监督管理处', '网络交易监管科'],
  ])('%s is not %s', (b, l) => expect(counterpart(b, l)).toBe(false));

  it('a lead taken over by another unit is reassigned; a unit not carried is dropped even where the level has none', async () => {
    const { d } = await run('jiangxi-nongjihua-shishi-yijian.vs-guofa-2018-42.json');
    const base = (id: string) => d.ownerChanges.find((c) => c.base === id)!;
    // （六） 市场监管总局 first-listed (列第一位者为牵头单位) → 省工业和信息化厅 leads
    expect(base('2.4')).toMatchObject({ change: 'reassigned' });
    // 国际发展合作署 has no provincial office: not carried all the same (this pair's truth calls it mapped;
    // the blind set marked for issue 28 counts such units dropped, and so does plancmp)
    expect(base('2.3')).toMatchObject({ change: 'owner-dropped', unmatched: ['国际发展合作署'] });
    // 商务部's counterpart 省商务厅 exists in the local plan, but not on this task
    expect(base('2.2')).toMatchObject({ change: 'owner-dropped', detail: expect.stringContaining('商务部') });
  });
});

describe('alignment ignores what a level rewrites', () => {
  it('全国 / 全省 / 全市 and 国家级 / 省级 compare as the same word', () => {
    expect(content('推动全国农机装备产业发展')).toBe(content('推动全省农机装备产业发展'));
    expect(content('建设国家级示范区')).toBe(content('建设市级示范区'));
  });
});

describe('a plan of another family', () => {
  it('Heihe against 16号: thematic counterparts backed by a shared concrete phrase, none called same', async () => {
    const d = diffNotices(loadBase(), await fixture('heihe'));
    expect(d.family.sameFamily).toBe(false);
    expect(d.links.length).toBeGreaterThanOrEqual(15);
    expect(d.links.every((k) => k.kind === 'overlap')).toBe(true);
    for (const [b, l] of [
      ['5.4', '1.9'], // 依法化解社会矛盾纠纷
      ['9.1', '1.6'], // 全面推进政务公开
      ['10.1', '2.2'], // 学习型机关
      ['1.5', '5.1'], // 党风廉政建设主体责任
      ['3.3', '4.1'], // 政务督查
    ]) {
      expect(d.links).toContainEqual(expect.objectContaining({ base: b, local: l, kind: 'overlap' }));
    }
    expectValid(validateDiff, d, 'heihe');
  });

  it('an analyst pin stands even when the plans are of different families', async () => {
    const d = diffNotices(loadBase(), await fixture('heihe'), { pairs: { pin: [{ base: '1.2', local: '2.1' }], ban: [] } });
    expect(d.links).toContainEqual(expect.objectContaining({ base: '1.2', local: '2.1', manual: true }));
  });
});

describe('diff LOCAL against the embedded base', () => {
  it('a plan that implements another parent is told to compare with it', async () => {
    const r = await runCli(['diff', `${DIR}/jiangxi-nongjihua-shishi-yijian.txt`]);
    expect(r.err).toMatch(/implements .*国发〔2018〕42号.*plancmp diff PARENT/);
  });
});

describe('plans of indicators (主要预期目标分解)', () => {
  const plan = (issuer: string, rows: string[]) =>
    parseText([`${issuer}关于分解落实2018年主要预期目标的通知`, '某政发〔2018〕3号', '各有关单位：', '现将主要预期目标分解如下。', '一、主要预期目标', ...rows.map((r, k) => `${k + 1}.${r}`), `${issuer}`, '2018年2月1日'].join('\n'), 'plan.txt');
  it('links statements of one quantity however its figure changed, never two quantities that share their words', () => {
    const base = plan('某某市人民政府', ['地区生产总值增长12%。（责任单位：市发改委）', '服务业增加值占地区生产总值的比重提高1.5个百分点。（责任单位：市发改委）', '社会消费品零售总额增长17%。（责任单位：市商务局）', '进出口总额增长10%。（责任单位：市商务局）', '城镇居民人均可支配收入、农民人均纯收入均增长12%以上。（责任单位：市统计局）']);
    const local = plan('某某县人民政府', ['地区生产总值力争增长13%。（责任单位：县发改局）', '社会消费品零售总额增长18%。（责任单位：县商务局）', '单位地区生产总值能耗下降3.5%。（责任单位：县发改局）', '新兴产业产值占规模以上工业总产值的比重提高6个百分点。（责任单位：县工信局）', '城镇居民人均可支配收入增长12%以上。（责任单位：县统计局）', '农民人均纯收入增长13%以上。（责任单位：县统计局）']);
    const d = diffNotices(base, local);
    const title = (ts: { id: string; title: string }[], id: string) => ts.find((t) => t.id === id)!.title.slice(0, 6);
    expect(d.links.map((k) => `${title(base.tasks, k.base)}→${title(local.tasks, k.local)}`).sort()).toEqual(
      ['地区生产总值→地区生产总值', '城镇居民人均→城镇居民人均', '城镇居民人均→农民人均纯收', '社会消费品零→社会消费品零'].sort(),
    );
    expect(d.dropped.map((t) => t.title.slice(0, 5)).sort()).toEqual(['服务业增加', '进出口总额'].sort());
  });

  it('固定资产投资 is a quantity, not the act of investing: a figure of the same size elsewhere does not stand for it; its parts (工业投资) do', () => {
    const base = plan('某某市人民政府', ['地区生产总值增长5.5%以上。（责任单位：市发改委）', '固定资产投资增长5.5%。（责任单位：市发改委）', '居民消费价格涨幅2%左右。（责任单位：市发改委）']);
    const local = plan('某某区人民政府', ['地区生产总值力争增长6%。（责任单位：区发改局）', '工业投资增长8%以上。（责任单位：区经信局）', '社会消费品零售总额增长5.5%。（责任单位：区商务局）']);
    const d = diffNotices(base, local);
    const title = (ts: { id: string; title: string }[], id: string) => ts.find((t) => t.id === id)!.title.slice(0, 4);
    expect(d.links.map((k) => `${title(base.tasks, k.base)}→${title(local.tasks, k.local)}`).sort()).toEqual(['固定资产→工业投资', '地区生产→地区生产'].sort());
    expect(d.added.map((t) => t.title.slice(0, 4))).toEqual(['社会消费']);
  });
});
