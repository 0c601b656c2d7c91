// Implementation plans as they are really written (issue 27): a 重点任务分工方案 table, a county plan
// that cites nothing but is named after its base's subject, heavy paraphrase, splits whose halves move
// one deadline three ways, owners stated once for all tasks, and the evidence every link carries.
import { describe, expect, it } from 'vitest';
import { parseFile, parseText } from '../src/pipeline.js';
import { diffNotices } from '../src/diff/index.js';
import { namedAfterSubject } from '../src/diff/subject.js';
import { parentageLine } from '../src/render/report.js';
import { expectValid, validateDiff } from './schema-support.js';
import { fixture, runCli } from './helpers.js';

const TABLE = ['fixtures/real/govcn/13-guobanfa-2018-118.html', 'fixtures/rewritten/zhifa-sanxiang-fengong-fangan.txt'];
const COUNTY = ['fixtures/real/govcn/01-guofa-2019-5.html', 'fixtures/rewritten/shuangsuiji-county-shishi-fangan.txt'];

async function diffOf([b, l]: string[]) {
  return diffNotices(await parseFile(b), await parseFile(l));
}
const pairs = (d: { links: { base: string; local: string }[] }) => d.links.map((k) => `${k.base}-${k.local}`).sort();

describe('a 重点任务分工方案 table aligns like any plan', () => {
  it('rows restate, merge and split the base measures: every link, drop and addition as written', async () => {
    const d = await diffOf(TABLE);
    expect(pairs(d)).toEqual(
      ['2.1-T1', '2.2-T2', '2.3-T3', '2.3-T4', '2.3-T5', '2.3-T6', '3.1-T7', '3.2-T8', '3.3-T9', '4.1-T10', '4.2-T11', '4.3-T11', '4.4-T11', '5.1-T12', '5.2-T13'].sort(),
    );
    expect(d.dropped.map((x) => x.id)).toEqual(['3.4', '5.3']);
    expect(d.added.map((x) => x.id)).toEqual(['T14']);
    expectValid(validateDiff, d, 'table plan');
  });

  it('one base deadline split three ways: removed in one half, earlier in another, later in a third', async () => {
    const d = await diffOf(TABLE);
    const yearly = d.deadlineChanges.filter((c) => c.base === '2.3' && c.baseDeadline.includes('每年1月31日前'));
    expect(yearly.map((c) => `${c.local}:${c.change}`).sort()).toEqual(['T4:removed', 'T5:earlier', 'T6:later']);
    // the row's own words carry times too: 7个工作日 → 5个工作日 is earlier, 20个工作日 unchanged
    const days = d.deadlineChanges.filter((c) => c.base === '2.3' && c.local === 'T3');
    expect(days.map((c) => c.change).sort()).toEqual(['earlier', 'same']);
  });
});

describe('a county plan that cites nothing, rewritten sentence by sentence', () => {
  it('is named after the base subject, and the text says that this decided the family', async () => {
    const d = await diffOf(COUNTY);
    expect(d.parentage.citesBase).toBe(false);
    expect(d.parentage.subject).toBe('市场监管领域全面推行部门联合双随机、一公开监管');
    expect(d.family).toMatchObject({ sameFamily: true, by: 'name' });
    const { out: stdout } = await runCli(['diff', ...COUNTY]);
    expect(stdout).toContain('~ does not cite the base (国发〔2019〕5号) but is named after its subject (市场监管领域全面推行部门联合双随机、一公开监管)');
  });

  it('a rewrite and a split half link instead of falling to dropped + added', async () => {
    const d = await diffOf(COUNTY);
    expect(pairs(d)).toEqual(['1-1', '2-2', '3-3', '4-4', '5-5', '6-6', '6-7']);
    expect(d.dropped.map((x) => x.id)).toEqual(['7']);
    expect(d.added.map((x) => x.id)).toEqual(['8']);
  });

  it('owners written once for all tasks in a closing sentence reach every task', async () => {
    const n = await parseFile(COUNTY[1]);
    for (const t of n.tasks) expect(t).toMatchObject({ unitsFrom: 'plan', lead: expect.arrayContaining(['县市场监管局']), assist: ['县发展改革委', '县司法局'] });
    expect(n.warnings.filter((w) => w.code === 'no-units')).toEqual([]);
  });

  it('where some tasks carry their own note, they keep it and the closing sentence assigns the rest', () => {
    const text = [
      '某某市人民政府办公室关于支持文化企业发展的实施意见',
      '一、加大财政支持',
      '（一）统筹专项资金。每年安排市级文化产业发展专项资金。',
      '（二）优化审批服务。实行“最多跑一次”。（牵头单位：市行政审批服务局；配合单位：市发展改革委）',
      '（三）支持文化出口。每年认定一批文化出口重点企业。',
      '二、保障措施',
      '以上各项政策措施由市委宣传部牵头，市财政局、市税务局配合，各区县（市）人民政府负责本辖区落实。',
    ].join('\n');
    const n = parseText(text, 'yijian.txt');
    expect(n.tasks.map((t) => [t.id, t.lead.join('、'), t.unitsFrom])).toEqual([
      ['1', '市委宣传部、各区县〔市〕人民政府', 'plan'],
      ['2', '市行政审批服务局', 'task'],
      ['3', '市委宣传部、各区县〔市〕人民政府', 'plan'],
    ]);
    // 按照职责分工负责落实 is a role, not part of the last unit's name
    const duty = parseText(text.replace('各区县（市）人民政府负责本辖区落实', '各区县（市）人民政府按照职责分工负责落实'), 'yijian.txt');
    expect(duty.tasks[0].units).toEqual(['市委宣传部', '市财政局', '市税务局', '各区县〔市〕人民政府']);
    // a sentence that only points back at the tasks' own notes names nobody
    const own = parseText(text.replace('以上各项政策措施由市委宣传部牵头，市财政局、市税务局配合，各区县（市）人民政府负责本辖区落实。', '以上各项任务由各牵头单位负责落实。'), 'yijian.txt');
    expect(own.tasks.map((t) => t.units.length)).toEqual([0, 2, 0]);
  });

  it('unnumbered paragraphs under parts: a note opened by 由 is the paragraph\'s own, a part without notes keeps its tasks', () => {
    const text = [
      '某某区人民政府办公室关于加快创业发展的实施意见',
      '一、建设创业载体',
      '打造创业社区。依托大学科技园建设创业社区，2026年底前建成投用。',
      '提供开办服务。在区政务服务中心开设开办专区。（由区政务服务办负责）',
      '二、集聚创业人才',
      '吸引人才创业。落实创业担保贷款及贴息政策。（由区人力社保局牵头，区财政局配合）',
      '推动能力提升。联合高校开设创业课程。',
      '三、强化要素支撑',
      '加大投融资支持。设立创业种子基金。',
      '加强场景对接。定期发布场景清单。',
      '四、保障措施',
      '以上各项任务由区经济信息委牵头，区级有关部门和各镇人民政府、街道办事处按职责分工负责落实。',
    ].join('\n');
    const n = parseText(text, 'yijian.txt');
    expect(n.tasks.map((t) => [t.id, t.title, t.lead.join('、'), t.unitsFrom])).toEqual([
      ['1.1', '打造创业社区', '区经济信息委、区级有关部门、各镇人民政府、街道办事处', 'plan'],
      ['1.2', '提供开办服务', '区政务服务办', 'task'],
      ['2.1', '吸引人才创业', '区人力社保局', 'task'],
      ['2.2', '推动能力提升', '区经济信息委、区级有关部门、各镇人民政府、街道办事处', 'plan'],
      ['3.1', '加大投融资支持', '区经济信息委、区级有关部门、各镇人民政府、街道办事处', 'plan'],
      ['3.2', '加强场景对接', '区经济信息委、区级有关部门、各镇人民政府、街道办事处', 'plan'],
    ]);
    expect(n.tasks[2].assist).toEqual(['区财政局']);
  });

  it('its title with a 、 inside quotes stays the title, not the start of the 主送 line', async () => {
    const n = await parseFile(COUNTY[1]);
    expect(n.meta.title).toBe('沭北县人民政府关于印发沭北县市场监管领域全面推行部门联合“双随机、一公开”监管工作实施方案的通知');
    expect(n.meta.recipients).toBe('各乡镇人民政府，县各有关部门');
  });
});

it('a masthead and 文号 above a title, with no date line, are not read into the plan title', () => {
  const n = parseText(['青川市人民政府文件', '', '青政发〔2019〕17号', '', '青川市人民政府关于贯彻落实国家职业教育改革实施方案的实施意见', '', '各县（市、区）人民政府：', '一、重点任务', '1.办好中等职业教育。改善办学条件。', ''].join('\n'));
  expect(n.meta.title).toBe('青川市人民政府关于贯彻落实国家职业教育改革实施方案的实施意见');
  expect(n.meta.planTitle ?? '').not.toContain('文件');
});

describe('family by name', () => {
  const named = (b: string, l: string) => !!namedAfterSubject([b], [l], 0.8);
  it.each([
    ['国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '沭阳县市场监管领域全面推行部门联合“双随机、一公开”监管工作实施方案'],
    ['国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见', '某某市贯彻落实全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的实施意见'],
    ['国务院关于印发国家职业教育改革实施方案的通知', '浙江省职业教育改革实施方案'],
  ])('%s ← %s', (b, l) => expect(named(b, l)).toBe(true));
  it.each([
    // same field, another subject
    ['国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '某某县市场监管领域信用监管工作实施方案'],
    // the subject without an implementing genre word is a mention, not a name
    ['国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '某某县关于在市场监管领域全面推行部门联合“双随机、一公开”监管的通知'],
  ])('not %s ← %s', (b, l) => expect(named(b, l)).toBe(false));
});

describe('family by the subject an opening names', () => {
  // written in the genre: a notice that cites neither 文号 nor title, but says what it acts on
  const base = ['国务院办公厅', '国办发〔1997〕9号', '国务院办公厅转发农业部关于加强乡镇畜牧兽医站建设有关问题请示的通知', '各省、自治区、直辖市人民政府：',
    '农业部《关于加强乡镇畜牧兽医站建设有关问题的请示》已经国务院同意，现转发给你们，请认真贯彻执行。',
    '一、稳定乡镇畜牧兽医站机构和队伍',
    '（一）乡镇畜牧兽医站是县级畜牧兽医行政主管部门的派出机构，其机构设置要保持稳定，各地不得随意撤并、下放或改变其性质。',
    '（二）乡镇畜牧兽医站的人员编制由省级机构编制部门会同畜牧兽医行政主管部门核定，人员经费按原渠道解决，不得挤占挪用。',
    '二、改善乡镇畜牧兽医站的服务条件',
    '（一）各地要多渠道筹集资金，逐步改善乡镇畜牧兽医站的站舍、冷藏、检测和交通等基础设施条件，中央财政对贫困地区给予适当补助。',
    '（二）建立乡镇畜牧兽医站技术人员培训制度，有计划地组织防疫、检疫和诊疗技术培训，培训合格的方可上岗。',
    '三、加强动物防疫和检疫工作',
    '（一）乡镇畜牧兽医站要认真做好辖区内畜禽的强制免疫工作，建立免疫档案，确保免疫密度达到90%以上。',
    '（二）乡镇畜牧兽医站负责辖区内动物及动物产品的产地检疫，严格执行检疫规程，出具检疫证明。',
    '国务院办公厅', '1997年3月10日'].join('\n');
  const local = (opening: string) => ['某某省人民政府办公厅', '某政办发〔1997〕21号', '某某省人民政府办公厅关于进一步办好全省乡镇畜牧兽医站的通知', '各市、县人民政府，省政府各部门：', opening,
    '一、保持机构队伍稳定',
    '（一）全省乡镇畜牧兽医站作为县级畜牧兽医行政主管部门的派出机构，机构设置保持稳定，一律不得撤并、下放或改变性质。',
    '（二）乡镇畜牧兽医站人员编制由省编委会同省畜牧局核定，人员经费由县级财政按原渠道足额安排，不得挤占挪用。',
    '二、改善服务条件',
    '（一）落实基础设施建设资金。省财政每年安排专项资金，市、县财政给予配套，用于改善站舍、冷藏和检测设备，三年内完成全省站舍改造。',
    '（二）抓好技术人员培训。省畜牧局每年组织一次全省乡镇兽医技术人员轮训，考核合格后持证上岗。',
    '三、做好动物防疫检疫',
    '（一）乡镇畜牧兽医站要做好畜禽强制免疫，建立免疫档案，免疫密度达到95%以上。',
    '（二）乡镇畜牧兽医站负责动物及动物产品的产地检疫，严格执行检疫规程，出具检疫证明。',
    '某某省人民政府办公厅', '1997年4月2日'].join('\n');
  it('根据国家关于X的部署 names the base: cited by its subject, and the text says so', () => {
    const d = diffNotices(parseText(base, 'base.txt'), parseText(local('根据国家关于加强乡镇畜牧兽医站建设的部署，结合我省实际，现就有关事项通知如下：'), 'local.txt'));
    expect(d.parentage).toMatchObject({ citesBase: true, by: 'subject' });
    expect(d.family).toMatchObject({ sameFamily: true, by: 'subject' });
    expect(parentageLine(d)).toContain("its opening names the base's subject");
    expect(d.links.length).toBeGreaterThanOrEqual(3);
  });
  it('another subject in the opening is no citation', () => {
    const d = diffNotices(parseText(base, 'base.txt'), parseText(local('根据国家关于深化农村综合改革的部署，结合我省实际，现就有关事项通知如下：'), 'local.txt'));
    expect(d.parentage.by).not.toBe('subject');
  });
});

describe('every link carries its evidence', () => {
  it('in JSON: both shares and the shared phrase, valid against the schema', async () => {
    const d = await diffOf(TABLE);
    for (const k of d.links) {
      expect(k.evidence, `${k.base}→${k.local}`).toBeDefined();
      expect(k.evidence!.baseShare + k.evidence!.localShare).toBeGreaterThan(0);
    }
    expect(d.links.find((k) => k.base === '4.3')!.evidence!.phrase).toBe('明确审核内容');
  });

  it('thematic overlap (another family) is backed by its phrase', async () => {
    const d = diffNotices(await parseFile('fixtures/002_2cdac00586eece9b.txt'), await fixture('heihe'));
    expect(d.family.by).toBe('thematic');
    for (const k of d.links) expect(k.evidence?.phrase?.length ?? 0, `${k.base}→${k.local}`).toBeGreaterThanOrEqual(3);
  });

  it('in text (--verbose) and in the HTML page', async () => {
    const text = await runCli(['diff', ...TABLE, '--verbose', '--color=never']);
    expect(text.out).toMatch(/4\.3\s+T11\s+merged .*\[“明确审核内容” · \d+% of base, \d+% of local\]/);
    const page = await runCli(['diff', ...TABLE, '--format', 'html']);
    expect(page.out).toContain('<div class="evidence muted small">“明确审核内容” · ');
  });
});

it('a synthetic split: one yearly deadline tightened and loosened in two halves, compared by month and day', () => {
  const base = parseText(plan(['建立统计报告制度。各部门应当于每年3月31日前公开本部门执法统计数据并报送执法统计报告。']));
  const local = parseText(plan(['公开执法统计数据。各部门于每年3月15日前公开本部门执法统计数据。', '报送执法统计报告。各部门于每年4月30日前报送本部门执法统计报告。']));
  const d = diffNotices(base, local);
  expect(pairs(d)).toEqual(['1-1', '1-2']);
  expect(d.deadlineChanges.map((c) => `${c.local}:${c.change}`).sort()).toEqual(['1:earlier', '2:later']);
});

function plan(items: string[]): string {
  return ['某某市人民政府关于印发某某工作方案的通知', '', '一、主要任务', ...items.map((t, i) => `${i + 1}.${t}`), ''].join('\n');
}

it('一是/二是 runs whose owners are sentences (由A牵头，B配合。) are tasks; a group without runs is one task', () => {
  const n = parseText(
    [
      '某某市人民政府办公室关于印发某某市支持创业发展工作方案的通知',
      '',
      '一、主要任务',
      '（一）建设创业载体。重点抓好两项工作。一是建设创业社区。依托闲置楼宇建成首个创业社区。由市科技局牵头，市财政局配合。二是优化开办服务。推行一网通办。由市市场监管局（市知识产权局）牵头，市税务局配合。',
      '（二）强化金融支持。为符合条件的创业者提供担保贷款。由市财政局（市金融服务中心）牵头，市人社局配合。',
      '二、工作要求',
      '各牵头单位要细化工作措施。',
      '',
    ].join('\n'),
  );
  expect(n.tasks.map((t) => `${t.id} ${t.title} ${t.lead.join('、')}`)).toEqual([
    '1.1 建设创业社区 市科技局',
    '1.2 优化开办服务 市市场监管局〔市知识产权局〕',
    '2 强化金融支持 市财政局〔市金融服务中心〕',
  ]);
});

it('a task moved to another part does not put the parts around it out of step for paraphrase links', async () => {
  const { correspondence } = await import('../src/align/paraphrase.js');
  const at = (...paths: number[][]) => paths.map((path) => ({ path }) as unknown as import('../src/model.js').Task);
  // base parts 二 三 四 (tasks 2.1 2.2 2.3 | 3.1 3.2 | 4.1 4.2), local parts 一 二 三 in the same order;
  // base 2.3 moved into local part 三, and base 2.1 / 2.2 rewritten beyond the main links
  const base = at([2, 1], [2, 2], [2, 3], [3, 1], [3, 2], [4, 1], [4, 2]);
  const local = at([1, 1], [1, 2], [2, 1], [2, 2], [3, 1], [3, 2], [3, 3]);
  const links: [number, number][] = [[2, 4], [3, 2], [4, 3], [5, 5], [6, 6]];
  const corresponds = correspondence({ base, local, pairs: () => links });
  expect(corresponds(0, 0)).toBe('strict'); // base 二 and local 一: off the spine (三↔二, 四↔三), before it on both sides
  expect(corresponds(1, 1)).toBe('strict');
  expect(corresponds(0, 2)).toBe('loose'); // local 二 ends base 二's stretch: content may link there, a shared phrase alone may not
  expect(corresponds(5, 0)).toBe('none'); // base 四 is on the spine with local 三, far from local 一
  expect(corresponds(2, 4)).toBe('strict'); // the moved task's own parts stay joined
});
