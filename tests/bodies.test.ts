// The table of government bodies (src/bodies/bodies.tsv) and what owner comparison makes of it:
// names unique per level, former names pointing to current bodies, counterparts an analyst expects
// (编办 = 编委办, 国务院办公厅 = 市府办, 工业和信息化部 = 市经信局), read once per process.
import { describe, it, expect } from 'vitest';
import { bareName, bodiesOf, bodyTable, bodyTableLoads, LEVELS } from '../src/bodies/table.js';
import { counterpart } from '../src/diff/owners.js';
import { subjectsOf } from '../src/diff/inline-units.js';
import { diffNotices } from '../src/diff/index.js';
import { compareOwners } from '../src/diff/owners.js';
import type { Notice, Task } from '../src/model.js';
import { loadBase, parseFile } from '../src/pipeline.js';
import { ownerSectionText, ownerSectionMarkdown } from '../src/render/owners.js';
import { colorsAt } from '../src/render/color.js';
import { runCli } from './helpers.js';

describe('the body table', () => {
  const t = bodyTable();
  const current = new Set(t.rows.filter((r) => r.bodies.length === 1).map((r) => r.bodies[0]));

  it('has the State Council and Party bodies plans name', () => {
    for (const b of ['工业和信息化部', '国家卫生健康委员会', '中国人民银行', '国家机关事务管理局', '文化和旅游部', '中央机构编制委员会办公室', '中央组织部', '国务院办公厅', '国家数据局', '国家金融监督管理总局'])
      expect(current, b).toContain(b);
    expect(t.rows.length).toBeGreaterThan(100);
  });

  it('gives every name to one body within its level', () => {
    expect(t.repeats).toEqual([]);
    for (const level of LEVELS) expect(t.byLevel[level].size, level).toBeGreaterThan(50);
  });

  it('points every former name, and every part of a merged local body, to a current body', () => {
    for (const row of t.rows) {
      if (row.bodies.length > 1) for (const b of row.bodies) expect(current, `line ${row.line}: ${b}`).toContain(b);
      for (const f of row.former) expect(bodiesOf(f)?.every((b) => current.has(b)), `line ${row.line}: ${f}`).toBe(true);
      for (const c of row.carried) expect(current, `line ${row.line}: carried by ${c}`).toContain(c);
    }
    // no former name is also a current name at some level
    for (const [name] of t.former) for (const level of LEVELS) expect(t.byLevel[level].has(name), `${name} (${level})`).toBe(false);
  });

  it('is read once per process, however many names are looked up', () => {
    for (const u of ['省编办', '市编委办', '区委编办', '国家发展改革委', '市发改委', '某某局']) bodiesOf(u);
    expect(bodyTableLoads()).toBe(1);
  });

  it('as the build stores it (dist/bodies/bodies.prebuilt.json) gives the same lookups as the table file', async () => {
    const built = (await import('../dist/bodies/table.js')) as typeof import('../src/bodies/table.js');
    const b = built.bodyTable();
    expect(built.bodyTableWasStored()).toBe(true);
    const lines = (m: Map<string, { line: number } | null>) => [...m].map(([k, r]) => [k, r?.line ?? null]);
    for (const level of LEVELS) expect(lines(b.byLevel[level]), level).toEqual(lines(t.byLevel[level]));
    expect(lines(b.former)).toEqual(lines(t.former));
    expect(lines(b.cores)).toEqual(lines(t.cores));
    expect(b.branches.map((x) => [x.re.source, x.row.line])).toEqual(t.branches.map((x) => [x.re.source, x.row.line]));
    for (const u of ['人行舟山市中支', '省编办', '市场监管部门', '杭州海关']) expect(built.bodiesOf(u), u).toEqual(bodiesOf(u));
  });

  it('takes off the place and the level, not a name’s own 市 or 区', () => {
    expect(bareName('浙江省舟山市经信委')).toMatchObject({ level: 'city', rest: '经信委' });
    expect(bareName('中共中央组织部')).toMatchObject({ level: 'national', rest: '组织部' });
    expect(bareName('市城市管理局').rest).toBe('城市管理局');
    expect(bareName('市场监管总局').rest).toBe('市场监管总局');
    // a town's office is read with the county's; 乡村 is no town
    expect(bareName('镇财政分局')).toMatchObject({ level: 'county', rest: '财政分局' });
    expect(bareName('市乡村振兴局')).toMatchObject({ level: 'city', rest: '乡村振兴局' });
  });
});

describe('counterparts by the real names of bodies', () => {
  it.each([
    ['省编办', '市编委办'],
    ['省编办', '区委编办'],
    ['省政府办公厅', '市府办'],
    ['国务院办公厅', '省政府办公厅'],
    ['工业和信息化部', '市经信局'],
    ['工业和信息化部', '省经济和信息化厅'],
    ['人民银行', '人行成都分行'],
    ['人民银行', '人行舟山市中支'],
    ['国管局', '市机关事务管理局'],
    ['文化和旅游部', '市文化广电旅游局'],
    ['银保监会', '四川银保监局'],
    ['国家税务总局', '国家税务总局浙江省税务局'],
    ['海关总署', '杭州海关'],
    ['国家统计局', '国家统计局舟山调查队'],
    ['省质监局', '市市场监管局'],
    ['市工商局', '区工商分局'],
    ['省数据管理中心', '市大数据发展管理局'],
    ['国家卫生计生委', '市卫生健康委'],
    ['省法制办', '县司法局'],
    ['发展改革委', '区发展和改革局'],
    ['市规划局', '市规划局番禺区分局'],
    ['国家知识产权局', '省市场监管局（省知识产权局）'],
    ['省政府研究室', '新区政研室'],
    ['市住保房管局', '区住建局'],
    ['省公务员局', '市人力社保局'],
    // a level word taken off leaves the function: 绿化市容, not a place named 绿化市
    ['区绿化市容局', '镇绿化市容管理所'],
    ['浙江省舟山市发展改革委', '市发展改革委'],
    // a Shanghai district's 建设管理委 carries the city's 交通委 and 住房城乡建设管理委
    ['市交通委', '区建设管理委'],
    // a town's offices: its 经济发展办公室 carries 发改, 经信 and 商务; 财政分局, 统计站, 科技办 the county bureaus'
    ['发改委', '镇经济发展局'],
    ['商务局', '镇经济发展办公室'],
    ['财政局', '镇财政分局'],
    ['统计局', '镇统计站'],
    ['科技局', '镇科技办'],
  ])('%s → %s', (b, l) => expect(counterpart(b, l)).toBe(true));
  it.each([
    ['省编办', '市府办'],
    ['省政府研究室', '市府办'],
    ['省法制办', '市府办'],
    ['农业农村部', '省自然资源厅'],
    ['市金融办', '区经贸局'],
    ['工业和信息化部', '市商务局'],
    ['省政府办公厅', '市委办'],
    ['银保监会', '省地方金融监管局'],
    ['区绿化市容局', '镇财政所'],
    ['财政局', '镇经济发展局'],
    ['农业农村部', '镇统计站'],
  ])('%s is not %s', (b, l) => expect(counterpart(b, l)).toBe(false));
});

it('two names of one office written side by side (市经信局市新经济委) stand for either', () => {
  expect(counterpart('市经信局市新经济委', '区经信局')).toBe(true);
  expect(counterpart('市经信局市新经济委', '区新经济委')).toBe(true);
  expect(counterpart('市经信局市新经济委', '区科技局')).toBe(false);
});

it('a city 人才工作局 is the district 委人才办 (the 人才办 under the brand a city gives it)', () => {
  expect(counterpart('市人才工作局', '区委人才办')).toBe(true);
  expect(counterpart('市人才工作局', '区人社局')).toBe(false);
});

describe('who leads', () => {
  const task = (id: string, units: string[], notes: { text: string; lead: string[]; assist: string[] }[]): Task => ({
    id, path: [1], numbers: ['1'], headings: [], number: '1', project: '', projectNumber: '', title: id, text: '', units,
    lead: notes.flatMap((n) => n.lead), assist: notes.flatMap((n) => n.assist), guide: [], unitsFrom: 'task',
    ownerNotes: notes.map((n) => ({ ...n, units, guide: [], line: 1 })), impliedUnits: [], deadlines: [], line: 1,
  });
  const notice = (tasks: Task[]) => ({ schema: 'plancmp.parse/1', source: { file: 'x', encoding: 'utf-8', format: 'text', converted: 'none' }, meta: {}, references: [], sections: [], tasks, keyList: [], warnings: [] }) as unknown as Notice;
  const judge = (b: Task, l: Task) => compareOwners(notice([b]), notice([l]), [{ base: b.id, local: l.id, score: 1, kind: 'same' }])[0];

  it('takes the first unit of a note that marks no lead against a local 牵头 (列第一位者为牵头单位)', () => {
    const b = task('1', ['教育部', '人力资源社会保障部'], [{ text: '（教育部、人力资源社会保障部负责）', lead: ['教育部', '人力资源社会保障部'], assist: [] }]);
    const l = task('1', ['市人社局', '市教育局'], [{ text: '（市人社局牵头，市教育局配合）', lead: ['市人社局'], assist: ['市教育局'] }]);
    expect(judge(b, l)).toMatchObject({ change: 'reassigned', baseLeads: ['教育部'], localLeads: ['市人社局'] });
    const kept = task('1', ['市教育局', '市人社局'], [{ text: '（市教育局牵头，市人社局配合）', lead: ['市教育局'], assist: ['市人社局'] }]);
    expect(judge(b, kept)).toMatchObject({ change: 'mapped' });
  });

  it('reads units listed alike on both sides as co-owners', () => {
    const b = task('1', ['工业和信息化部', '市场监管总局'], [{ text: '（工业和信息化部、市场监管总局负责）', lead: ['工业和信息化部', '市场监管总局'], assist: [] }]);
    const l = task('1', ['市市场监管局', '市经信局'], [{ text: '（市市场监管局、市经信局负责）', lead: ['市市场监管局', '市经信局'], assist: [] }]);
    expect(judge(b, l)).toMatchObject({ change: 'mapped', basis: 'table' });
  });

  it('takes any unit of a plain list (责任单位：A、B、C) as the lead a local 牵头 may name', () => {
    const b = task('1', ['科技厅', '财政厅', '省数据集团'], [{ text: '（责任单位：科技厅、财政厅、省数据集团）', lead: [], assist: [] }]);
    const second = task('1', ['市财政局', '市科技局'], [{ text: '（市财政局牵头，市科技局配合）', lead: ['市财政局'], assist: ['市科技局'] }]);
    // 省数据集团 (a provincial company the table does not know) has no counterpart: dropped, not excused
    expect(judge(b, second)).toMatchObject({ change: 'owner-dropped', unmatched: ['省数据集团'] });
    // nor is a body the lower level has no office of (国际发展合作署 in a province)
    const national = task('1', ['商务部', '国际发展合作署'], [{ text: '（商务部牵头，国际发展合作署配合）', lead: ['商务部'], assist: ['国际发展合作署'] }]);
    const province = task('1', ['省商务厅'], [{ text: '（省商务厅负责）', lead: ['省商务厅'], assist: [] }]);
    expect(judge(national, province)).toMatchObject({ change: 'owner-dropped', unmatched: ['国际发展合作署'] });
    const other = task('1', ['市商务局', '市科技局'], [{ text: '（市商务局牵头，市科技局配合）', lead: ['市商务局'], assist: ['市科技局'] }]);
    expect(judge(b, other)).toMatchObject({ change: 'reassigned', localLeads: ['市商务局'] });
  });

  it('counts collectives as added or dropped but never as a lead; the base governments are dropped only where the local plan names none', () => {
    const b = task('1', ['省编办', '各市、县（市、区）政府'], [{ text: '（省编办、各市、县（市、区）政府负责）', lead: ['省编办', '各市、县（市、区）政府'], assist: [] }]);
    // the city hands the task to its own subordinates: the base's governments are carried
    const l = task('1', ['市编委办', '各县（区）政府', '功能区管委会'], [{ text: '（市编委办、各县（区）政府、功能区管委会负责）', lead: ['市编委办', '各县（区）政府', '功能区管委会'], assist: [] }]);
    const e = judge(b, l);
    expect(e).toMatchObject({ change: 'owner-added', groupsAdded: ['功能区管委会'] });
    expect(e.unmatched).toBeUndefined();
    expect(e.groupsDropped).toBeUndefined();
    // it keeps the task to its departments: the base's governments are not carried (a collective, listed
    // apart), and what it adds is kept on the entry beside the drop
    const own = task('1', ['市编委办', '市财政局'], [{ text: '（市编委办牵头，市财政局配合）', lead: ['市编委办'], assist: ['市财政局'] }]);
    const e2 = judge(b, own);
    expect(e2).toMatchObject({ change: 'owner-dropped', groupsDropped: ['各市、县（市、区）政府'], added: ['市财政局'] });
    expect(e2.unmatched).toBeUndefined();
    // 各县（区）政府 is added where the base names no government, and 有关单位 not carried is dropped
    const b2 = task('1', ['省编办', '各有关单位'], [{ text: '（省编办、各有关单位负责）', lead: ['省编办', '各有关单位'], assist: [] }]);
    const l2 = task('1', ['市编委办', '各县（区）政府'], [{ text: '（市编委办、各县（区）政府负责）', lead: ['市编委办', '各县（区）政府'], assist: [] }]);
    expect(judge(b2, l2)).toMatchObject({ change: 'owner-dropped', groupsDropped: ['各有关单位'], groupsAdded: ['各县（区）政府'] });
  });

  it('keeps the lead with the collectives that lead on both sides, whichever department coordinates', () => {
    // 以下均需各区县政府、开发园区管委会落实 (implied, leading) → once for all: 由县经信局牵头…，各镇乡（街道）、县级开发园区管委会负责落实
    const b = { ...task('1', ['市科技局', '市经信局'], [{ text: '（责任单位：市科技局、市经信局）', lead: ['市科技局'], assist: ['市经信局'] }]), impliedUnits: ['各区县政府', '开发园区管委会'] };
    const l = task('1', ['县经信局', '县发改局', '各镇乡（街道）', '县级开发园区管委会'], [{ text: '由县经信局牵头，县发改局按职责分工负责，各镇乡（街道）、县级开发园区管委会负责落实', lead: ['县经信局', '各镇乡（街道）', '县级开发园区管委会'], assist: ['县发改局'] }]);
    expect(judge(b, l).change).not.toBe('reassigned');
    // without the collectives the department taking the lead is a reassignment (市科技局 → 县经信局)
    const bare = task('1', ['县经信局', '县发改局'], [{ text: '由县经信局牵头，县发改局按职责分工负责', lead: ['县经信局'], assist: ['县发改局'] }]);
    expect(judge({ ...b, impliedUnits: [] }, bare)).toMatchObject({ change: 'reassigned', baseLeads: ['市科技局'], localLeads: ['县经信局'] });
  });

  it('reads a base catch-all (有关部门) as covering the departments the local plan names', () => {
    const b = task('1', ['各有关部门和单位'], [{ text: '（各有关部门和单位负责）', lead: ['各有关部门和单位'], assist: [] }]);
    const l = task('1', ['省就业工作领导小组办公室', '省级各有关部门'], [{ text: '（省就业工作领导小组办公室牵头，省级各有关部门配合）', lead: ['省就业工作领导小组办公室'], assist: ['省级各有关部门'] }]);
    expect(judge(b, l)).toMatchObject({ change: 'mapped' });
  });

  it('counts every unit of a local task as added when the base task names none and its sentences no body', () => {
    const b = task('1', [], []);
    const l = task('1', ['市医保局', '各公立医疗机构'], [{ text: '（责任单位：市医保局、各公立医疗机构）', lead: [], assist: [] }]);
    expect(judge(b, l)).toMatchObject({ change: 'owner-added', basis: 'inferred', unmatched: ['市医保局'], groupsAdded: ['各公立医疗机构'], baseInferred: [] });
  });

  it('reads the subjects of a base task without notes as its owners (有关部门要…, 国家卫生健康委推行…)', () => {
    const l = task('1', ['市卫生健康委', '市财政局'], [{ text: '（市卫生健康委牵头，市财政局配合）', lead: ['市卫生健康委'], assist: ['市财政局'] }]);
    const collective = { ...task('1', [], []), text: '有关部门要加强指导，推行电子健康卡。' };
    expect(judge(collective, l)).toMatchObject({ change: 'mapped', basis: 'inferred', baseInferred: ['有关部门'] });
    const named = { ...task('1', [], []), text: '国家卫生健康委推行电子健康卡。' };
    const alone = task('1', ['市卫生健康委'], [{ text: '（市卫生健康委负责）', lead: ['市卫生健康委'], assist: [] }]);
    expect(judge(named, alone)).toMatchObject({ change: 'mapped', basis: 'inferred', baseInferred: ['国家卫生健康委'] });
    // a body named beside the counterpart of the sentence's subject is one the lower level added
    expect(judge(named, l)).toMatchObject({ change: 'owner-added', basis: 'inferred', unmatched: ['市财政局'] });
    const other = { ...task('1', [], []), text: '人力资源社会保障部推行电子社保卡。' };
    expect(judge(other, l)).toMatchObject({ change: 'reassigned', basis: 'inferred' });
  });

  it('judges the lead and the units of a split task over both halves, every link the same verdict', () => {
    const b = task('1', ['工业和信息化部', '商务部'], [{ text: '（工业和信息化部牵头，商务部配合）', lead: ['工业和信息化部'], assist: ['商务部'] }]);
    const l1 = task('1', ['市经信局'], [{ text: '（市经信局牵头）', lead: ['市经信局'], assist: [] }]);
    const l2 = task('2', ['市商务局'], [{ text: '（市商务局牵头）', lead: ['市商务局'], assist: [] }]);
    const links = [{ base: '1', local: '1', score: 1, kind: 'split' as const }, { base: '1', local: '2', score: 1, kind: 'split' as const }];
    // the base lead's counterpart leads one half: the lead is carried
    const [first, second] = compareOwners(notice([b]), notice([l1, l2]), links);
    expect(first).toMatchObject({ change: 'mapped' });
    expect(second).toMatchObject({ change: 'mapped' });
    // no half led by it: both links say the task was handed over
    const l3 = task('1', ['市发改委', '市经信局'], [{ text: '（市发改委牵头，市经信局配合）', lead: ['市发改委'], assist: ['市经信局'] }]);
    const both = compareOwners(notice([b]), notice([l3, l2]), links);
    expect(both.map((c) => c.change)).toEqual(['reassigned', 'reassigned']);
    expect(both[0].localLeads).toEqual(['市发改委', '市商务局']);
    // a body one half adds is added on both links: the group is judged as one
    const l4 = task('2', ['市商务局', '市财政局'], [{ text: '（市商务局牵头，市财政局配合）', lead: ['市商务局'], assist: ['市财政局'] }]);
    const added = compareOwners(notice([b]), notice([l1, l4]), links);
    expect(added.map((c) => [c.change, c.unmatched])).toEqual([['owner-added', ['市财政局']], ['owner-added', ['市财政局']]]);
  });

  it('units a 以下均需…落实 note puts on a task are its owners: governments the city plan names none of are dropped, its 各区县政府 carry them', () => {
    const b = { ...task('2', ['省经信厅'], [{ text: '（责任单位：省经信厅）', lead: [], assist: [] }]), impliedUnits: ['各市、县〔市、区〕人民政府'] };
    const none = task('2', ['市经信局'], [{ text: '（责任单位：市经信局）', lead: [], assist: [] }]);
    expect(judge(b, none)).toMatchObject({ change: 'owner-dropped', groupsDropped: ['各市、县〔市、区〕人民政府'] });
    const counties = task('2', ['市经信局', '各区〔县、市〕人民政府'], [{ text: '（责任单位：市经信局、各区〔县、市〕人民政府）', lead: [], assist: [] }]);
    expect(judge(b, counties)).toMatchObject({ change: 'mapped' });
  });

  it('splits a list closed by 等和 a government (商务部等和各省级人民政府负责)', () => {
    const b = task('1', ['商务部', '发展改革委等和各省级人民政府'], [{ text: '（商务部、发展改革委等和各省级人民政府负责）', lead: ['商务部', '发展改革委等和各省级人民政府'], assist: [] }]);
    const l = task('1', ['市商务局', '市发改委'], [{ text: '（市商务局牵头，市发改委配合）', lead: ['市商务局'], assist: ['市发改委'] }]);
    // 发展改革委 is the city's 市发改委; the provinces' governments, named by no government of the city, are not carried
    const e = judge(b, l);
    expect(e).toMatchObject({ change: 'owner-dropped', groupsDropped: ['各省级人民政府'] });
    expect(e.unmatched).toBeUndefined();
  });
});

describe('owners a base without owner notes implies', () => {
  it('reads the subjects of sentences, not the bodies they act on', () => {
    expect(subjectsOf('国家卫生健康委推行电子健康卡。支持教育部门开展培训。人民银行、银保监会要加大信贷支持。')).toEqual(['国家卫生健康委', '人民银行', '银保监会']);
    expect(subjectsOf('由市商务局牵头，加快建设。')).toEqual(['市商务局']);
    // the relevant ones (有关部门) as subjects are implied owners too; the implementing level
    // (各地区、各部门, 各级行政执法机关) addresses everyone and names nobody; a collective acted on is not a subject
    expect(subjectsOf('各地区、各部门要遵循发展规律。有关部门要加强指导。推动各地区开展试点。')).toEqual(['有关部门']);
    expect(subjectsOf('各级行政执法机关要明确审核机构。司法部负责制定统一的文书格式。')).toEqual(['司法部']);
    expect(subjectsOf('地方各级人民政府、各有关部门要做好抗震设防。')).toEqual([]);
  });

  it('a list of functions sharing one 部门, and levels written once before it, name each department', () => {
    expect(subjectsOf('发展改革、财政、人力资源社会保障等部门要加强协调。')).toEqual(['发展改革部门', '财政部门', '人力资源社会保障部门']);
    expect(subjectsOf('省、市、县三级财政部门要保障经费。各级教育部门要加强督导。')).toEqual(['财政部门', '教育部门']);
    // a list the sentence acts on is no subject
    expect(subjectsOf('会同发展改革、财政等部门')).toEqual([]);
  });

  it('a city or district plan\'s own bodies, which no table holds, are subjects where a subject\'s verb follows', () => {
    expect(subjectsOf('绿化市容部门要推动设施建设；房屋管理部门要做好拆房垃圾分拣。市住房城乡建设管理委要会同市交通委研究制订办法。')).toEqual(['绿化市容部门', '房屋管理部门', '市住房城乡建设管理委']);
    expect(subjectsOf('城管执法、规划资源、林业等部门要强化排查。区规划资源局、区绿化市容局要编制专项规划。')).toEqual(['城管执法部门', '规划资源部门', '林业部门', '区规划资源局', '区绿化市容局']);
    // a sector's departments (行业主管部门) are a catch-all; the implementing level and its own departments name nobody;
    // a name the sentence only acts on, or one no subject's verb follows, is no subject
    expect(subjectsOf('行业主管部门要加强监管。地方政府及其所属部门要坚持方向。督促施工部门要整改。市场主体要诚信经营。区域中心建设加快。')).toEqual([]);
  });

  it('a unit one half of a split names is added on every link of the group (the group is judged as one)', () => {
    const task = (id: string, units: string[]) => ({ id, title: id, text: '推进国家高新区扩区。', units, lead: units.slice(0, 1), assist: units.slice(1), guide: [], ownerNotes: [], impliedUnits: [], unitsFrom: 'task' });
    const base = { tasks: [task('1', ['科技部'])] } as unknown as Notice;
    const local = { tasks: [task('1', ['省科技厅']), task('2', ['省科技厅', '省自然资源厅'])] } as unknown as Notice;
    const [a, b] = compareOwners(base, local, [{ base: '1', local: '1' }, { base: '1', local: '2' }] as never);
    expect(a).toMatchObject({ change: 'owner-added', unmatched: ['省自然资源厅'] });
    expect(b).toMatchObject({ change: 'owner-added', unmatched: ['省自然资源厅'] });
  });

  it('a merged base task that names nobody is compared alone: its partner\'s owners were never its own', () => {
    const task = (id: string, units: string[], text = '推进建设。') => ({ id, title: id, text, units, lead: units.slice(0, 1), assist: units.slice(1), guide: [], ownerNotes: [], impliedUnits: [], unitsFrom: units.length ? 'task' : 'none' });
    const base = { tasks: [task('1', ['人力资源社会保障部']), task('2', [], '转制后妥善安置人员。')] } as unknown as Notice;
    const local = { tasks: [task('1', ['市人社局', '市财政局'])] } as unknown as Notice;
    const [a, b] = compareOwners(base, local, [{ base: '1', local: '1' }, { base: '2', local: '1' }] as never);
    expect(a).toMatchObject({ change: 'owner-added', unmatched: ['市财政局'] });
    expect(b).toMatchObject({ change: 'owner-added', unmatched: ['市人社局', '市财政局'], baseInferred: [] });
  });

  it('a base that addresses only the implementing level names no owner: the bodies a lower level names are added', () => {
    const notice = (text: string, units: string[]) =>
      ({ tasks: [{ id: '1', title: text, text, units, lead: units, assist: [], guide: [], ownerNotes: [], impliedUnits: [], unitsFrom: units.length ? 'task' : 'none' }] }) as unknown as Notice;
    const [c] = compareOwners(notice('各地区、各部门要全面推行合法性审核机制。', []), notice('全面推行合法性审核机制。', ['市司法局']), [{ base: '1', local: '1' } as never]);
    expect(c).toMatchObject({ change: 'owner-added', unmatched: ['市司法局'] });
  });
});

describe('Zhoushan against 16号', () => {
  it('flags no pair of counterparts, and every entry says what it rests on', async () => {
    const d = diffNotices(loadBase(), await parseFile('fixtures/000_5b73fe2b8637f3d3.txt'));
    const changed = d.ownerChanges.filter((o) => o.change !== 'mapped');
    const said = changed.map((o) => o.detail).join('\n');
    // 编办 and 编委办 are one body, 政府办公厅 and 府办 too
    expect(said).not.toMatch(/省编办 → 市编委办|省政府办公厅 → 市府办|no base counterpart for [^\n]*市编委办/);
    // (4.1's 省编办 is 市编委办; the city names none of its counties for it: a collective not carried, apart)
    expect(changed.find((o) => o.base === '4.1')).toMatchObject({ change: 'owner-dropped', groupsDropped: ['各市、县〔市、区〕政府'] });
    expect(changed.find((o) => o.base === '4.1')?.unmatched).toBeUndefined();
    // collectives are never a lead nor among the named units: listed apart, each making its entry owner-added
    expect(changed.flatMap((o) => [...(o.unmatched ?? []), ...(o.localLeads ?? [])]).join()).not.toMatch(/功能区管委会|各部门|有关部门/);
    const zones = d.ownerChanges.filter((o) => o.groupsAdded?.includes('功能区管委会'));
    expect(zones.length).toBeGreaterThanOrEqual(9);
    for (const o of zones) expect(o.change).not.toBe('mapped');
    for (const o of d.ownerChanges) expect(['table', 'name-rule', 'inferred']).toContain(o.basis);
  });
});

describe('the owner-changes section of the reports', () => {
  it('is quiet by default: one line per pattern, collectives apart; --owners all lists every link', async () => {
    const d = diffNotices(loadBase(), await parseFile('fixtures/000_5b73fe2b8637f3d3.txt'));
    const c = colorsAt(0);
    const grouped = ownerSectionText(d, c);
    // fits on one screen, and no unit is repeated once per task
    expect(grouped.length).toBeLessThanOrEqual(40);
    expect(grouped.filter((l) => l.includes('功能区管委会'))).toHaveLength(1);
    expect(grouped.find((l) => l.includes('功能区管委会'))).toMatch(/功能区管委会 added to (\d+) tasks: 2\.1, /);
    // neither plan says who leads: the units listed are co-owners, and 市府办 joins 新区政研室 (the
    // city's 政府研究室) on 2.1 and 2.2, 市法制办 on 2.3 and 2.4
    expect(grouped.filter((l) => /市府办 added to 4 tasks: 2\.1, 2\.2→2\.1, 2\.3→2\.2, 2\.4→2\.2/.test(l))).toHaveLength(1);
    expect(grouped.filter((l) => /省政府办公厅 → 新区督考办: 3\.1, 3\.2→3\.1, 3\.3→3\.1/.test(l))).toHaveLength(1);
    const all = ownerSectionText(d, c, 'all');
    expect(all.length).toBe(2 + d.ownerChanges.length);
    expect(all.some((l) => /10\.2 → 10\.2 {2}mapped {2}\[table\]/.test(l))).toBe(true);
    const md = ownerSectionMarkdown(d)!;
    expect(md.body.split('\n').filter((l) => l.includes('功能区管委会'))).toHaveLength(1);
    expect(md.body).toMatch(/\| collective added \| 功能区管委会 \|/);
  });

  it('shows the grouped view in the HTML report, and marks owners inferred from a base without notes in HTML and CSV', async () => {
    const html = (await runCli(['diff', 'fixtures/000_5b73fe2b8637f3d3.txt', '--format', 'html'], { env: { NO_COLOR: '1' } })).out;
    const table = /<table class="owner-groups">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table.match(/功能区管委会/g)).toHaveLength(1);
    expect(table).toMatch(/省政府办公厅 → 新区督考办<\/td><td class="small">3\.1, 3\.2→3\.1, 3\.3→3\.1</);
    // 国发〔2019〕5号 carries no owner notes: its tasks' owners are read from the text, and said so
    const county = ['fixtures/real/govcn/01-guofa-2019-5.html', 'fixtures/rewritten/shuangsuiji-county-shishi-fangan.txt'];
    const csv = (await runCli(['diff', ...county, '--format', 'csv'])).out.split('\r\n');
    const cell = csv.find((l) => l.startsWith('1,'))!;
    expect(cell).toMatch(/,1:owner-added 县市场监管局、县发展改革委、县司法局、各有关部门 \(inferred\),[^,]*,[^,]*$/);
    const page = (await runCli(['diff', ...county, '--format', 'html'])).out;
    expect(/<table class="owner-groups">[\s\S]*?<\/table>/.exec(page)?.[0]).toContain('(inferred)');
    expect(page).toContain('(owners inferred from the text)');
  });
});
