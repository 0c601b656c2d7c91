// Where the tasks of a notice are, by the genre (issue 25): part roles from what a part is in the
// plan, owner notes that mark a level only when they close most of its items, a part with no
// items as one measure, runs under one note, owner lists split on 等和, task tables by their
// columns, and notices that are not plans. The notices here are short ones written for these
// rules (realistic in form, invented in content); real notices are checked in real-notices.test.ts.
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.js';
import { splitUnits } from '../src/parse/units.js';
import { expectValid, validateParse } from './schema-support.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'plancmp-genre-'));
const tmpFile = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

const HEAD = '某某市人民政府办公室关于印发某某市政务服务提升行动方案的通知\n某政办发〔2020〕12号\n各县（市、区）人民政府，市政府各部门：\n现将《某某市政务服务提升行动方案》印发给你们，请认真贯彻执行。\n某某市人民政府办公室\n2020年3月2日\n某某市政务服务提升行动方案\n';
const parse = (body: string, head = HEAD) => {
  const n = parseText(head + body, 'plan.txt');
  expectValid(validateParse, n, 'plan.txt');
  return n;
};
const titles = (body: string, head?: string) => parse(body, head).tasks.map((t) => t.title);

describe('part roles', () => {
  const plan = [
    '一、总体要求',
    '（一）指导思想。以习近平新时代中国特色社会主义思想为指导，深化改革。',
    '（二）工作目标。到2021年底，政务服务事项全部实现网上可办。',
    '二、加强审核管理',
    '（三）规范审核流程。建立统一的审核标准，明确审核时限。',
    '（四）强化安全保障。落实网络安全责任制，定期开展风险评估。',
    '三、完善政务服务保障政策',
    '（五）加大经费支持。将平台运行维护经费纳入年度预算。',
    '四、实施步骤',
    '（六）动员部署阶段。2020年4月底前完成。',
    '五、保障措施',
    '（七）加强组织领导。成立工作专班，统筹推进各项工作。',
    '（八）强化督促检查。将落实情况纳入年度考核。',
  ].join('\n');

  it('takes the items of every part that states measures, whatever its title, and no others', () => {
    expect(titles(plan)).toEqual(['规范审核流程', '强化安全保障', '加大经费支持']);
  });

  it('a part of definitions (一、核心定义) frames the plan', () => {
    const defined = ['一、核心定义', '（一）一人公司。指由一名自然人股东设立的有限责任公司。', '（二）创业社区。指集办公、居住、服务于一体的空间载体。', plan.replace(/^([一二三四五])、/gm, (_m, n: string) => `${'二三四五六'['一二三四五'.indexOf(n)]}、`)].join('\n');
    expect(titles(defined)).toEqual(['规范审核流程', '强化安全保障', '加大经费支持']);
  });

  it('a frame title naming what it frames (一、改革工作的指导思想 / 二、清理的原则) is a frame, an action part ending in 目标 is not', () => {
    const named = plan.replace('一、总体要求', '一、审核改革工作的指导思想').replace('二、加强审核管理', '二、审核改革的基本原则');
    expect(titles(named)).toEqual(['加大经费支持']);
    expect(titles(plan.replace('二、加强审核管理', '二、加快实现审核目标'))).toEqual(['规范审核流程', '强化安全保障', '加大经费支持']);
  });

  it('a part on how the work is organised (五、组织形式 / 组织机构) is a safeguard part before a schedule', () => {
    const organised = plan
      .replace('五、保障措施', '五、组织形式')
      .replace('四、实施步骤\n（六）动员部署阶段。2020年4月底前完成。\n', '')
      .replace('（七）加强组织领导。成立工作专班，统筹推进各项工作。', '（七）成立联合采购小组。由各试点城市组成联合采购小组。')
      .replace('（八）强化督促检查。将落实情况纳入年度考核。', '（八）设立联合采购办公室。办公室设在市医保局。') + '\n六、工作安排\n（九）动员部署阶段。2020年4月底前完成。';
    expect(titles(organised)).toEqual(['规范审核流程', '强化安全保障', '加大经费支持']);
  });

  it('a frame part followed by the part two numbers on lost the heading between them: its measure items are tasks', () => {
    const lost = plan.replace('二、加强审核管理\n', '').replace('三、完善政务服务保障政策\n', '').replace('一、总体要求\n（一）指导思想。以习近平新时代中国特色社会主义思想为指导，深化改革。\n（二）工作目标。到2021年底，政务服务事项全部实现网上可办。\n', '一、总体要求\n以习近平新时代中国特色社会主义思想为指导，深化改革。\n').replace('四、实施步骤\n（六）动员部署阶段。2020年4月底前完成。\n', '').replace('五、保障措施', '三、保障措施');
    expect(titles(lost)).toEqual(['规范审核流程', '强化安全保障', '加大经费支持']);
    // with no gap the frame part keeps its role
    expect(titles(lost.replace('三、保障措施', '二、保障措施'))).toEqual([]);
  });

  it('a part that only hands the measures to bodies (三、职责分工) holds no task; one listing each body\'s measures (items, or a paragraph per body) does', () => {
    const duty = parse(['一、主要任务', '（一）建设社区。建设实体社区。', '（二）开放场景。开放应用场景。', '二、职责分工', '本方案各项任务由县经信局牵头，县发改局、县科技局按职责分工负责，各镇（街道）负责落实。', '三、附则', '本方案自印发之日起施行。'].join('\n'));
    expect(duty.tasks.map((t) => t.title)).toEqual(['建设社区', '开放场景']);
    // and that sentence gives every task its owners and roles
    expect(duty.tasks[0]).toMatchObject({ lead: ['县经信局', '各镇〔街道〕'], assist: ['县发改局', '县科技局'] });
    const listed = parse(['一、主要任务', '（一）建设社区。建设实体社区。', '二、职责分工', '（一）县经信局。负责统筹推进社区建设。', '（二）县科技局。负责科技服务支撑。'].join('\n'));
    expect(listed.tasks).toHaveLength(3);
    const paragraphs = parse(['一、主要任务', '（一）建设社区。建设实体社区。', '（二）开放场景。开放应用场景。', '二、职责分工', '区应急局负责避难场所的规划和建设指导。', '区绿化市容局负责公园绿地避难场所的改造。'].join('\n'));
    expect(paragraphs.tasks.length).toBeGreaterThan(2);
    // an opening paragraph, a paragraph per body (区民防办：负责…), then the list of attached tables
    const perBody = parse(['一、主要任务', '（一）建设社区。建设实体社区。', '（二）开放场景。开放应用场景。', '二、职责分工', '按照条块结合、属地负责的原则，各部门按职责做好工作。', '区民防办：负责制定应急避难场所专业规划。', '区教育局：负责推进在学校建设应急避难场所。', '各镇政府、街道办事处：按照规划推进建设。', '附表：1、建设推进计划表', '2、建设项目表'].join('\n'));
    expect(perBody.tasks.map((t) => t.title)).toEqual(['建设社区', '开放场景', '区民防办', '区教育局', '各镇政府、街道办事处']);
    // the body that opens a paragraph owns it, as a note would say (参与 assists)
    expect(perBody.tasks.slice(2).map((t) => [t.unitsFrom, t.lead, t.assist])).toEqual([
      ['task', ['区民防办'], []],
      ['task', ['区教育局'], []],
      ['task', ['各镇政府', '街道办事处'], []],
    ]);
    const assisting = parse(['一、主要任务', '（一）县发展改革局：负责统筹规划。', '（二）县应急管理局：参与规划的制定。'].join('\n'));
    expect(assisting.tasks.map((t) => [t.lead, t.assist])).toEqual([[['县发展改革局'], []], [[], ['县应急管理局']]]);
  });

  it('a part on the scope of the work (三、治理范围) frames the plan; one on how it is organised (二、组织架构) holds no task wherever it stands', () => {
    const n = parse(['一、工作目标', '全面消除重大隐患。', '二、组织架构', '成立治理工作领导小组，由分管副区长任组长。', '三、治理范围', '全区高层建筑。', '四、工作措施', '（一）全面排查。摸清底数。', '（二）集中整治。消除隐患。'].join('\n'));
    expect(n.tasks.map((t) => t.title)).toEqual(['全面排查', '集中整治']);
  });

  it('a part whose items are kinds (模式创新型 / 场景应用型) defines a typology, not measures; 数字化转型 is a measure', () => {
    const typed = plan.replace('二、加强审核管理', '二、两类服务主体\n（甲）平台服务型：提供审核平台服务。\n（乙）场景应用型：开放审核应用场景。\n三、加强审核管理').replace(/^（甲）/m, '（一）').replace(/^（乙）/m, '（二）');
    expect(titles(typed)).toEqual(['规范审核流程', '强化安全保障', '加大经费支持']);
    const turned = plan.replace('（三）规范审核流程。', '（三）数字化转型。').replace('（四）强化安全保障。', '（四）绿色化转型。');
    expect(titles(turned)).toEqual(['数字化转型', '绿色化转型', '加大经费支持']);
  });

  it('lists each part with its role and why in taskShape, and text output shows them', async () => {
    const n = parse(plan);
    expect(n.taskShape?.parts.map((p) => [p.number, p.role, p.tasks])).toEqual([
      ['一', 'frame', 0],
      ['二', 'action', 2],
      ['三', 'action', 1],
      ['四', 'schedule', 0],
      ['五', 'safeguard', 0],
    ]);
    expect(n.taskShape).toMatchObject({ plan: true, kind: '行动方案', basis: 'numbering' });
    expect(n.taskShape?.why).toMatch(/no owner notes/);
    const f = tmpFile('roles.txt', HEAD + plan);
    const r = await run(['parse', f, '--format', 'text']);
    expect(r.out).toMatch(/五、保障措施 {2}safeguard — a safeguard title: 保障措施/);
    expect(r.out).toMatch(/二、加强审核管理 {2}action — states measures · 2 tasks/);
  });

  it('items of a safeguard part that carry owner notes are tasks', () => {
    const noted = plan.replace('统筹推进各项工作。', '统筹推进各项工作。（市政府办公室负责）').replace('纳入年度考核。', '纳入年度考核。（市督考办负责）')
      .replace('明确审核时限。', '明确审核时限。（市政务服务局负责）').replace('风险评估。', '风险评估。（市委网信办负责）').replace('年度预算。', '年度预算。（市财政局负责）');
    expect(titles(noted)).toEqual(['规范审核流程', '强化安全保障', '加大经费支持', '加强组织领导', '强化督促检查']);
  });

  it('an indicator part and an opening exhortation part hold no tasks', () => {
    const body = ['一、充分认识推进政务公开的重要意义', '政务公开是建设法治政府的重要制度。', '二、指标体系', '（一）网上可办率。指可网上办理事项占全部事项的比例。', '（二）群众满意度。指评价中满意的比例。', '三、重点任务', '（三）推进决策公开。完善重大决策预公开制度。', '（四）推进执行公开。公开重点改革任务的执行措施。'].join('\n');
    expect(titles(body)).toEqual(['推进决策公开', '推进执行公开']);
  });

  it('a closing part titled by its theme (督查) is a safeguard part; before the plan’s own 保障措施 it states measures', () => {
    const closing = ['一、推进简政放权', '（一）精简审批事项。', '（二）下放审批权限。', '二、加强对政策落实工作的督查指导', '（一）开展自查和督查。', '（二）做好培训宣传工作。'].join('\n');
    expect(titles(closing)).toEqual(['精简审批事项', '下放审批权限']);
    const before = closing.replace('（二）做好培训宣传工作。', '（二）做好培训宣传工作。\n三、保障措施\n（一）加强组织领导。');
    expect(titles(before)).toEqual(['精简审批事项', '下放审批权限', '开展自查和督查', '做好培训宣传工作']);
  });

  it('an action part with no items is one task; a part titled 主要任务 with unnumbered text is not', () => {
    const body = ['一、总体要求', '坚持问题导向。', '二、制定政策落实的配套制度和具体实施办法', '各地区、各部门要在2020年底前制定具体实施办法。', '三、深入推进放权工作', '（一）推动预算调剂权落实到位。', '（二）推动技术路线决策权落实到位。'].join('\n');
    const n = parse(body);
    expect(n.tasks.map((t) => [t.id, t.title])).toEqual([
      ['2', '制定政策落实的配套制度和具体实施办法'],
      ['3.1', '推动预算调剂权落实到位'],
      ['3.2', '推动技术路线决策权落实到位'],
    ]);
    expect(n.taskShape?.why).toMatch(/1 action part with no items is one measure/);
    expect(titles('一、总体要求\n坚持问题导向。\n二、主要任务\n加强建设，推进改革。\n三、保障措施\n加强领导。')).toEqual([]);
  });
});

describe('owner notes mark a level only when they close most of its items', () => {
  const items = Array.from({ length: 8 }, (_, i) => `（${'一二三四五六七八'[i]}）推进第${i + 1}项改革。要完善制度，加强管理。`);

  it('one bracket that mentions 负责 inside a sentence neither makes a level nor names an owner', () => {
    const body = ['一、完善制度体系', ...items.slice(0, 4), '二、健全标准体系', ...items.slice(4)].join('\n').replace('要完善制度，', '要完善证书制度（技工院校内由人力资源社会保障部门负责），');
    const n = parse(body);
    expect(n.tasks).toHaveLength(8);
    expect(n.tasks.every((t) => t.units.length === 0)).toBe(true);
    expect(n.taskShape?.why).toMatch(/1 owner note too few to mark a level/);
  });

  it('notes on most items make their level the task level', () => {
    const noted = items.map((t, i) => (i === 3 ? t : `${t}（市发展改革委负责）`));
    const n = parse(['一、完善制度体系', ...noted].join('\n'));
    expect(n.taskShape).toMatchObject({ basis: 'owner-notes', unit: 'project' });
    expect(n.tasks).toHaveLength(8);
  });

  it('mixed depths: a group with no items but its own note is one task (runs and all) beside groups of noted items; an item whose noted sub-items carry the notes gives them', () => {
    const n = parse([
      '二、主要任务',
      '（一）以规划为引领，构建绿色网络体系',
      '加快编制公园城市规划，完善生态空间格局。（牵头单位：区绿化市容局；配合单位：区水务局）',
      '（二）以新城建设为契机，优化生态空间',
      '一是完善绿地系统结构。二是推进示范区建设。（牵头单位：区绿化市容局；配合单位：新城公司）',
      '（三）完善城乡公园体系',
      '1.完善公园体系。构建五级公园体系。（牵头单位：区绿化市容局）',
      '2.推进“公园+”建设。以公园为基底注入多元功能。',
      '（1）以“公园+”推动功能融合。加强公园与体育融合。（牵头单位：区体育局）',
      '（2）以“+公园”推动品质提升。以公园带动产城融合。（牵头单位：区经委）',
      '3.推进共建共享。开放单位绿地。（牵头单位：区绿委办）',
      '（四）完善体制机制',
      '1.理顺管理体制。健全公园管理机构。（牵头单位：区绿化市容局）',
      '2.提升服务水平。延长开放时间。（牵头单位：区绿化市容局）',
    ].join('\n'));
    expect(n.tasks.map((t) => `${t.id} ${t.title} ${t.lead.join('、')}`)).toEqual([
      '1 以规划为引领，构建绿色网络体系 区绿化市容局',
      '2 以新城建设为契机，优化生态空间 区绿化市容局',
      '3.1 完善公园体系 区绿化市容局',
      '3.2.1 以“公园+”推动功能融合 区体育局',
      '3.2.2 以“+公园”推动品质提升 区经委',
      '3.3 推进共建共享 区绿委办',
      '4.1 理顺管理体制 区绿化市容局',
      '4.2 提升服务水平 区绿化市容局',
    ]);
  });
});

describe('owner notes in the forms plans write them', () => {
  it('a customs office is a unit (省商务厅、武汉海关按职责分工负责); a note opened by 由 is a note', () => {
    const n = parse(['一、主要任务', '（一）开展平行进口试点。（省商务厅、武汉海关按职责分工负责）', '（二）优化通关服务。（由黄埔海关负责）', '（三）推广保税仓储。（省商务厅负责）'].join('\n'));
    expect(n.tasks.map((t) => t.units.join('、'))).toEqual(['省商务厅、武汉海关', '黄埔海关', '省商务厅']);
  });
  it('beside a lead, bodies acting 按职责分工负责 assist; alone they all lead; 负责落实 leads either way', () => {
    const n = parse(['一、主要任务', '（一）落实实名服务。（市人社局牵头，市教育局、市团委等按职责分工负责，各县（市、区）政府负责落实）', '（二）维护就业权益。（市人社局、市教育局按职责分工负责）'].join('\n'));
    expect(n.tasks.map((t) => [t.lead.join('、'), t.assist.join('、')])).toEqual([
      ['市人社局、各县〔市、区〕政府', '市教育局、市团委'],
      ['市人社局、市教育局', ''],
    ]);
  });

  it('runs written one per paragraph (一是推进屋顶光伏。…) are tasks titled without their marker', () => {
    const n = parse(['一、主要任务', '（一）全面推进屋顶光伏建设', '一是推进公共机构屋顶光伏。办公楼屋顶应装尽装。（责任单位：街道管理办）', '二是建成整区域光伏试点。持续推进试点项目建设。（责任单位：街道自治办）'].join('\n'));
    expect(n.tasks.map((t) => t.title)).toEqual(['推进公共机构屋顶光伏', '建成整区域光伏试点']);
  });

  it('a run with no note of its own is closed by the next note: 一是…。二是…。由A牵头…。三是…。由B负责。', () => {
    const n = parse(['一、主要任务', '（一）开展排查整改。一是全面摸底排查。逐一摸底，建立台账。二是分类推进整改。逐一整改到位。由市教育局牵头，市财政局配合，各镇人民政府负责落实。三是开展督查通报。每季度开展1次督查。由市政府督查室负责。', '（二）加强队伍建设。一是配齐人员。配备专职人员。二是加强培训。每年培训1次。由市人社局牵头，市财政局配合。三是严格考核。纳入年度考核。由市委组织部负责。'].join('\n'));
    expect(n.tasks.map((t) => t.units.join('、'))).toEqual([
      '市教育局、市财政局、各镇人民政府', '市教育局、市财政局、各镇人民政府', '市政府督查室',
      '市人社局、市财政局', '市人社局、市财政局', '市委组织部',
    ]);
  });

  it('an item closed by the sentence 由A负责落实 names A; 由A负责 inside a sentence names nobody', () => {
    const n = parse(['一、主要任务', '（一）制定方案。各县市区要制定具体工作方案。由各县市区人民政府负责落实。', '（二）保障经费。所需经费由市财政局负责保障，纳入年度预算。'].join('\n'));
    expect(n.tasks.map((t) => t.units.join('、'))).toEqual(['各县市区人民政府', '']);
  });
});

describe('owner notes of a bureau\'s plan (its offices, its lower bureaus)', () => {
  it('labels name offices (牵头指导处室：…，责任科室：…) as they name departments', () => {
    const n = parse(['一、主要任务', '（一）强化认证监管。开展获证组织检查。（牵头指导处室：市局认证监督管理处；配合处室：执法稽查处）', '（二）强化抽查。开展产品质量抽查。（责任科室：产品质量安全监管科）'].join('\n'));
    expect(n.tasks.map((t) => [t.lead.join('、'), t.assist.join('、'), t.units.join('、')])).toEqual([
      ['市局认证监督管理处', '执法稽查处', '市局认证监督管理处、执法稽查处'],
      ['', '', '产品质量安全监管科'],
    ]);
  });
  it('a lower bureau that 组织落实 leads; 以下均需X落实 with an aside before 不再单独列出 puts X on every later task', () => {
    const n = parse(['一、主要任务', '（一）加强气瓶监管', '1．加强制造环节监管。开展证后检查。（市局特种设备安全监察处牵头，执法稽查处按职责分工负责；区市场监管局组织落实。以下均需区市场监管局落实，市局执法总队负责化学工业区内的监管工作，不再单独列出）', '2．加强充装环节监管。开展充装检查。（市局特种设备安全监察处牵头）'].join('\n'));
    expect(n.tasks.map((t) => [t.lead.join('、'), t.impliedUnits.join('、')])).toEqual([
      ['市局特种设备安全监察处、区市场监管局', ''],
      ['市局特种设备安全监察处', '区市场监管局'],
    ]);
  });
});

describe('shapes of task lists in reposts and 分解 notices', () => {
  it('⑴⑵ are sub-items, each owned by the unit line after it', () => {
    const n = parse(['一、主要目标和任务分工', '（一）主要指标。', '1.约束性指标。', '⑴九年义务教育巩固率达到97%。', '责任单位：省教育厅。', '⑵耕地保有量保持在6120万亩。', '责任单位：省国土资源厅。'].join('\n'));
    expect(n.tasks.map((t) => [t.title, t.units.join('、')])).toEqual([
      ['九年义务教育巩固率达到97%', '省教育厅'],
      ['耕地保有量保持在6120万亩', '省国土资源厅'],
    ]);
  });
  it('01 教育 themes, each over paragraphs closed by their time alone （年内持续推进）: the paragraphs are the tasks', () => {
    const n = parse(['01 教育', '启动品牌高中建设，遴选首批培育学校。（年内持续推进）', '保障随迁子女在公办学校就读。（2021年9月底前）', '02 医疗', '居民医保人均财政补助标准再增加30元。（年内持续推进）', '健全职工医保门诊共济保障机制。（年内持续推进）'].join('\n'));
    expect(n.tasks.map((t) => [t.id, t.deadlines.map((d) => d.kind).join('、')])).toEqual([
      ['1.1', 'ongoing'], ['1.2', 'by'], ['2.1', 'ongoing'], ['2.2', 'ongoing'],
    ]);
  });
  it('runs each closed by their own note in one paragraph (一是…（A牵头）二是…（B牵头）) are the tasks', () => {
    const n = parse(['一、主要目标', '（一）综合经济指标。一是地区生产总值增长7.5%以上。（镇经济发展局牵头，镇统计站配合）二是一般公共预算收入增长8%以上。（镇财政分局牵头）', '（二）工业指标。一是高新技术产业产值增长12%。（镇科技办牵头）二是新增高新技术企业5家。（镇科技办牵头，镇财政分局配合）'].join('\n'));
    expect(n.tasks.map((t) => t.lead.join('、'))).toEqual(['镇经济发展局', '镇财政分局', '镇科技办', '镇科技办']);
  });
  it('lead-sentence paragraphs owned by closing sentences with their time (由A牵头，B配合，长期坚持); one without takes the sentence for all, owners and time', () => {
    const n = parse(['一、稳定经济增长', '抓好财源建设。公共财政收入力争增长10%。由市财政局牵头，市地税局配合。', '促进消费和外贸。社会消费品零售总额增长14%以上。由市商务局负责，2013年9月底前完成。', '保持物价基本稳定。居民消费价格涨幅控制在3.5%左右。', '推进煤矿安全整治。开展安全隐患排查。由市煤炭局、市工信委分别牵头，市安监局配合，长期坚持。', '二、工作要求', '以上各项工作，除另有标注外，由市发展改革委牵头，各县（区）政府配合；除已明确完成时限的外，均须于2013年12月底前完成。'].join('\n'));
    expect(n.tasks.map((t) => [t.title, t.lead.join('、'), t.deadlines.map((d) => d.text).join('、')])).toEqual([
      ['抓好财源建设', '市财政局', '2013年12月底前'],
      ['促进消费和外贸', '市商务局', '2013年9月底前'],
      ['保持物价基本稳定', '市发展改革委', '2013年12月底前'],
      ['推进煤矿安全整治', '市煤炭局、市工信委', '长期坚持'],
    ]);
  });
  it('an action part written a level deeper than the rest: its noted items under a group without a note are tasks', () => {
    const n = parse(['一、主要目标', '（一）地区生产总值增长11%左右。（省发改委负责）', '（二）进出口总额增长8%左右。（省商务厅负责）', '（三）居民消费价格涨幅控制在3.5%左右。（省物价局负责）', '二、推进产业项目建设', '（一）全力推进产业项目建设。', '1.抓好600个省级重点产业项目。（省发改委主办，省工信委协办）', '2.重点抓好一批技术领先的项目。（省工信委主办，省发改委协办）'].join('\n'));
    expect(n.tasks.map((t) => [t.id, t.lead.join('、')])).toEqual([['1.1', '省发改委'], ['1.2', '省商务厅'], ['1.3', '省物价局'], ['2.1.1', '省发改委'], ['2.1.2', '省工信委']]);
  });
  it('headings that name who leads (（一）省审计厅牵头的工作) own what they hold; an item naming only its 协同单位 keeps that lead', () => {
    const n = parse(['一、省长负责的工作', '（一）省监察厅牵头的工作', '加强行政监察工作，落实党风廉政建设责任制。', '（二）省编办牵头的工作', '1.深化行政管理体制改革。', '2.积极稳妥地推进乡镇机构改革。', '协同单位：省财政厅、各市人民政府。'].join('\n'));
    expect(n.tasks.map((t) => [t.title, t.lead.join('、'), t.assist.join('、')])).toEqual([
      ['加强行政监察工作，落实党风廉政建设责任制', '省监察厅', ''],
      ['深化行政管理体制改革', '省编办', ''],
      ['积极稳妥地推进乡镇机构改革', '省编办', '省财政厅、各市人民政府'],
    ]);
  });
  it('a list written one 一是… per paragraph is a list of items; a lone 一是 opens a sentence', () => {
    expect(titles(['2019年为民兴办10件实事：', '一是实施扩大教育资源项目，新建幼儿园20所。', '二是实施农村公路建设项目，新建农村公路300公里。', '三是实施背街小巷整治工程，完成治理20条。'].join('\n'))).toEqual([
      '实施扩大教育资源项目，新建幼儿园20所', '实施农村公路建设项目，新建农村公路300公里', '实施背街小巷整治工程，完成治理20条',
    ]);
    expect(titles(['一、主要任务', '（一）完善绿地系统', '一是聚焦新城建设，完善绿地系统结构。大力推进绿道建设。', '（二）完善公园体系', '建设城市公园10座。'].join('\n'))).toEqual(['完善绿地系统', '完善公园体系']);
  });
  it('category parts of one 一是…二是… paragraph each, closed by 以上任务由A牵头: each run is a task owned by its part\'s sentence', () => {
    const n = parse(['一、社会事业类', '一是新建幼儿园4所，新增学位3000个。二是开展“两癌”免费检查2.5万人。', '以上任务由区教育局牵头，区卫生健康局配合，2019年11月底前完成。', '二、城乡建设类', '一是完成农村改厕3000户。二是维修改造老旧楼院8个。', '以上任务由区住建局牵头，各乡镇人民政府配合，2019年10月底前完成。'].join('\n'));
    expect(n.tasks.map((t) => [t.id, t.lead.join('、'), t.deadlines.map((d) => d.text).join('、')])).toEqual([
      ['1.1', '区教育局', '2019年11月底前'], ['1.2', '区教育局', '2019年11月底前'], ['2.1', '区住建局', '2019年10月底前'], ['2.2', '区住建局', '2019年10月底前'],
    ]);
  });
  it('one-line parts that are all measure (一、新增公办幼儿园学位4万个，…) are one task each', () => {
    expect(titles(['确定2022年为民办实事项目如下：', '一、新增公办幼儿园学位4万个，新增义务教育公办学校学位6万个。', '二、首批630所学校体育场试点向社会开放。', '三、抽调1000名中高级职称医师下基层服务。'].join('\n'))).toEqual([
      '新增公办幼儿园学位4万个，新增义务教育公办学校学位6万个', '首批630所学校体育场试点向社会开放', '抽调1000名中高级职称医师下基层服务',
    ]);
  });
  it('a note that names its lead as 主办 and its assistants as 协办', () => {
    const n = parse(['一、主要目标', '（一）公共财政收入增长13%左右。（省财政厅主办，省国税局、地税局协办）', '（二）地区生产总值增长11%左右。（省发改委负责）'].join('\n'));
    expect(n.tasks.map((t) => [t.lead.join('、'), t.assist.join('、')])).toEqual([['省财政厅', '省国税局、地税局'], ['省发改委', '']]);
  });
});

describe('times a group states for its items', () => {
  it('an item with no time of its own is due by the date its group opens with; one with its own keeps it; a cycle is not inherited', () => {
    const n = parse([
      '二、主要任务',
      '（一）推进光伏与设施一体化发展。力争于2023年底前，推进光伏与交通设施一体化。',
      '1.公交场站光伏。在公交停车场建设光伏。（责任单位：市交通委）',
      '2.港口光伏。2024年6月底前在港区建设光伏。（责任单位：上港集团）',
      '（二）加强运行管理。每年开展一次评估。',
      '1.完善运维机制。建立运维制度。（责任单位：市交通委）',
    ].join('\n'));
    expect(n.tasks.map((t) => `${t.id} ${t.deadlines.map((d) => d.text).join('、')}`)).toEqual(['1.1 2023年底前', '1.2 2024年6月底前', '2.1 ']);
  });
});

describe('note fields', () => {
  it('items marked 1﹒ with 牵头责任单位 / 协同责任单位 lines (and the 牵头负责领导, a person, read past)', () => {
    const n = parse(['一、确保完成主要目标', '1﹒全省生产总值增长7%以上。', '牵头负责领导：刘某。', '牵头责任单位：省发展改革委。', '协同责任单位：省财政厅、省统计局。', '2﹒一般公共预算收入增长7%左右。', '牵头负责领导：王某。', '牵头责任单位：省财政厅。', '协同责任单位：省税务局。'].join('\n'));
    expect(n.tasks.map((t) => [t.id, t.lead.join('、'), t.assist.join('、')])).toEqual([
      ['1', '省发展改革委', '省财政厅、省统计局'],
      ['2', '省财政厅', '省税务局'],
    ]);
  });

  it('a sentence about this one measure may lead in its owner sentence, and its time is the measure\'s (此项工作长期坚持，由A牵头，B配合)', () => {
    const n = parse(['一、强化设施支撑', '严格项目准入管理。新建数据中心PUE不高于1.25。此项工作长期坚持，由市发展改革委牵头，市经信局配合，各区县人民政府负责落实。', '推广算力普惠服务。2026年9月底前发放算力券。由市发展改革委牵头，市财政局配合。'].join('\n'));
    expect(n.tasks.map((t) => [t.lead.join('、'), t.deadlines.map((d) => `${d.kind}:${d.text}`).join('、')])).toEqual([
      ['市发展改革委、各区县人民政府', 'ongoing:长期坚持'],
      ['市发展改革委', 'by:2026年9月底前'],
    ]);
  });

  it('an action part written a level shallower than the noted items of another (二、（一）…（A牵头）) gives its groups as tasks', () => {
    const n = parse([
      '一、聚焦重点，开展集中攻坚',
      '（一）气瓶隐患排查',
      '1．加强气瓶制造单位监管。开展监督检查。（区局特种设备科牵头，执法大队配合）',
      '2．加强充装单位监管。每季度检查一次。（区局特种设备科牵头）',
      '（二）燃气产品隐患排查',
      '1．强化液化气质量监管。开展抽检。（区局质量科牵头）',
      '二、综合施策，提升监管效能',
      '（一）落实充装单位主体责任。督促配备安全总监。（区局特种设备科负责）',
      '（二）规范工程收费行为。整治违规收费。（执法大队负责）',
      '三、工作要求',
      '（一）加强组织领导。成立工作专班。',
    ].join('\n'));
    expect(n.tasks.map((t) => `${t.id} ${t.title}`)).toEqual(['1.1.1 加强气瓶制造单位监管', '1.1.2 加强充装单位监管', '1.2.1 强化液化气质量监管', '2.1 落实充装单位主体责任', '2.2 规范工程收费行为']);
  });

  it('责任部门 beside 配合部门 leads; a note that also puts groups on every later task keeps its own units', () => {
    const n = parse(['一、主要任务', '（一）编制绿化专项规划。（责任部门：镇规划建设办；配合部门：镇水务站；完成时限：2022年6月底前）', '（二）建设数据资源池。（责任单位：市数据局，各县区人民政府，以下均涉及各县区、功能区，不再重复列出）', '（三）开放公共数据。（责任单位：市数据局）'].join('\n'));
    expect(n.tasks.map((t) => [t.lead, t.assist])).toEqual([[['镇规划建设办'], ['镇水务站']], [[], []], [[], []]]);
    expect(n.tasks[1].units).toEqual(['市数据局', '各县区人民政府']);
    expect(n.tasks[2].impliedUnits).toEqual(['各县区、功能区']);
  });

  it('以下均需地方落实 points back at the governments the note has just named', () => {
    const n = parse(['一、主要任务', '（一）建设开源组织。支持成立开源联盟。（责任单位：省经信厅、省科技厅，各市、县（市、区）人民政府，以下均需地方落实不再重复列出）', '（二）打造开源社区。培育开源社区。（责任单位：省经信厅）'].join('\n'));
    expect(n.tasks[1].impliedUnits).toEqual(['各市、县〔市、区〕人民政府']);
  });
});

describe('runs and owner lists', () => {
  it('一是…二是…三是 runs under one closing note: each run is a task carrying that note', () => {
    const body = [
      '一、重点任务',
      '（一）优化营商环境。一是压减审批时限（市政务服务局负责）；二是推行告知承诺（市司法局负责）。',
      '（二）强化要素保障。一是保障用地需求；二是保障用能需求；三是保障资金需求（市自然资源局、市发展改革委负责）。',
    ].join('\n');
    const n = parse(body);
    expect(n.tasks.map((t) => [t.title, t.units.join('、')])).toEqual([
      ['压减审批时限', '市政务服务局'],
      ['推行告知承诺', '市司法局'],
      ['保障用地需求', '市自然资源局、市发展改革委'],
      ['保障用能需求', '市自然资源局、市发展改革委'],
      ['保障资金需求', '市自然资源局、市发展改革委'],
    ]);
  });

  it('runs closed by an owner sentence (由A牵头，B配合) are the tasks (the items of a parent rewritten as runs); closed by a bracket note, the item is the task', () => {
    const sentence = parse([
      '二、治理任务',
      '（一）规范配建规划。一是将配套设施纳入规划，按标准配建。二是严把规划条件关，未明确的不得出让。由市自然资源局牵头，市教育局配合。',
      '（二）按期移交收回。一是完成移交收回，对挪作他用的限期收回。二是办理产权登记，纳入国有资产管理。由市教育局牵头，市财政局配合，各镇人民政府负责落实。',
    ].join('\n'));
    expect(sentence.tasks.map((t) => [t.title, t.lead.join('、'), t.assist.join('、')])).toEqual([
      ['将配套设施纳入规划，按标准配建', '市自然资源局', '市教育局'],
      ['严把规划条件关，未明确的不得出让', '市自然资源局', '市教育局'],
      ['完成移交收回，对挪作他用的限期收回', '市教育局、各镇人民政府', '市财政局'],
      ['办理产权登记，纳入国有资产管理', '市教育局、各镇人民政府', '市财政局'],
    ]);
    const bracket = parse([
      '二、治理任务',
      '（一）规范配建规划。一是将配套设施纳入规划，按标准配建。二是严把规划条件关，未明确的不得出让。（市自然资源局牵头，市教育局配合）',
      '（二）按期移交收回。一是完成移交收回，对挪作他用的限期收回。二是办理产权登记，纳入国有资产管理。（市教育局牵头，市财政局配合）',
    ].join('\n'));
    expect(bracket.tasks.map((t) => t.title)).toEqual(['规范配建规划', '按期移交收回']);
  });

  it('a list of places that share the body written once names each body; an empty 分工表 cell names nobody', () => {
    expect(splitUnits('省自然资源厅，武汉、襄阳、宜昌市人民政府')).toEqual(['省自然资源厅', '武汉市人民政府', '襄阳市人民政府', '宜昌市人民政府']);
    // a level list stays one compound, and function names before a department are not places
    expect(splitUnits('各市、县人民政府')).toEqual(['各市、县人民政府']);
    expect(splitUnits('—')).toEqual([]);
    expect(splitUnits('郑州海关、／')).toEqual(['郑州海关']);
  });

  it('splits a list on 等和 but never on a 和 inside a name', () => {
    expect(splitUnits('文化和旅游部、工业和信息化部、中央和国家机关工委等和地方各级人民政府')).toEqual(['文化和旅游部', '工业和信息化部', '中央和国家机关工委', '地方各级人民政府']);
    const n = parse('一、重点任务\n（一）推进文旅融合。加强资源整合。（文化和旅游部、国家发展改革委等和地方各级人民政府负责）\n（二）推进产业升级。（工业和信息化部负责）');
    expect(n.tasks[0].units).toEqual(['文化和旅游部', '国家发展改革委', '地方各级人民政府']);
  });
});

describe('task tables', () => {
  it('a row with fewer cells than its header (a merged cell lost) puts its time and its owners in their columns', () => {
    const n = parse([
      '一、工作任务',
      '| 序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |',
      '| 1 | 做好疫情信息发布 | 重点发布权威信息 | 应急处、监督处等按职责分工落实 | 长期推进 |',
      '| 2 | 做好疫苗接种信息公开 | 疾控处 | 长期推进 |',
      '| 3 | 推进预算公开 | 财务处 | 2021年8月前 |',
    ].join('\n'));
    expect(n.tasks.map((t) => [t.id, t.units.slice(0, 2).join('、'), t.deadlines.map((d) => d.text).join('、')])).toEqual([
      ['T1', '应急处、监督处', '长期推进'],
      ['T2', '疾控处', '长期推进'],
      ['T3', '财务处', '2021年8月前'],
    ]);
  });

  it('a 分工表 of owners only whose 序号 repeats the items\' markers (（一）…) gives each item its row', () => {
    const n = parse([
      '一、建设创业载体',
      '（一）打造创业社区。盘活闲置楼宇，建设创业社区。',
      '（二）开设创业专区。在现有创业园区开设专区。',
      '二、强化资金支持',
      '（三）落实创业担保贷款。支持创业者申报担保贷款。',
      '附件',
      '重点任务分工表',
      '| 序号 | 牵头单位 | 配合单位 | 完成时限 |',
      '| （一） | 市人力资源社会保障局 | 各县（市、区）人民政府 | 2026年12月底前 |',
      '| （二） | 市人力资源社会保障局 | 市科技局 | 长期坚持 |',
      '| （三） | 市人力资源社会保障局 | 市财政局、人民银行某某市分行 | 长期坚持 |',
    ].join('\n'));
    expect(n.tasks.map((t) => [t.title, t.lead.join('、'), t.assist.join('、')])).toEqual([
      ['打造创业社区', '市人力资源社会保障局', '各县〔市、区〕人民政府'],
      ['开设创业专区', '市人力资源社会保障局', '市科技局'],
      ['落实创业担保贷款', '市人力资源社会保障局', '市财政局、人民银行某某市分行'],
    ]);
  });

  it('a 分工方案 whose body only frames: the table without a 序号 column is the task list, each column to its field', () => {
    const body = [
      '一、工作要求',
      '各地各部门要高度重视，认真抓好落实。',
      '二、有关事项',
      '请于每季度末报送进展情况。',
      '附件',
      '重点任务分工表',
      '| 重点任务 | 主要内容 | 牵头单位 | 配合单位 | 完成时限 |',
      '| 一、放管服改革 | 一、放管服改革 | 一、放管服改革 | 一、放管服改革 | 一、放管服改革 |',
      '| 推行证明事项告知承诺制 | 全面梳理证明事项清单 | 市司法局 | 市政务服务局 | 2020年6月底前 |',
      '| 推进电子证照应用 | 实现常用证照电子化 | 市大数据局 | 市公安局、市民政局 | 2020年12月底前 |',
      '| 压缩企业开办时间 | 企业开办压缩至1个工作日 | 市市场监管局 | 市税务局 | 2020年9月底前 |',
    ].join('\n');
    const n = parse(body, HEAD.replace('行动方案', '重点任务分工方案').replace('行动方案', '重点任务分工方案'));
    expect(n.taskShape).toMatchObject({ unit: 'table', basis: 'table' });
    expect(n.tasks.map((t) => [t.id, t.title, t.lead.join('、'), t.assist.join('、'), t.deadlines[0]?.date])).toEqual([
      ['T1', '推行证明事项告知承诺制', '市司法局', '市政务服务局', '2020-06-30'],
      ['T2', '推进电子证照应用', '市大数据局', '市公安局、市民政局', '2020-12-31'],
      ['T3', '压缩企业开办时间', '市市场监管局', '市税务局', '2020-09-30'],
    ]);
  });
});

describe('a task table whose columns go from the group to the task', () => {
  it('重点任务 | 任务分组 | 具体任务: the last is the task, the first its group', () => {
    const n = parse([
      '某某省人工智能发展重点任务清单',
      '| 序号 | 重点任务 | 任务分组 | 具体任务 | 牵头单位 | 配合单位 | 完成时限 |',
      '| 1 | 推动芯片全链发展 | 推动芯片国产化。 | 设立省重大科技专项支持芯片研发攻关。 | 省科技厅 | 省经信厅 | 2026年12月 |',
      '| 2 | 推动芯片全链发展 | 推动芯片国产化。 | 支持骨干企业开展芯片设计工具链攻关。 | 省经信厅 | 省科技厅 | 持续推进 |',
    ].join('\n'));
    expect(n.tasks.map((t) => [t.id, t.project, t.title, t.lead.join('、')])).toEqual([
      ['T1', '推动芯片全链发展', '设立省重大科技专项支持芯片研发攻关', '省科技厅'],
      ['T2', '推动芯片全链发展', '支持骨干企业开展芯片设计工具链攻关', '省经信厅'],
    ]);
  });
});

describe('numbered items run together in one paragraph (a PDF or a page that lost its line breaks)', () => {
  it('a paragraph that opens with 1. and holds 2. 3. after sentence ends is those items; figures (2.5%) and a lone marker split nothing', () => {
    const n = parse([
      '一、重点任务',
      '1.建设数据平台。2026年底前建成市级平台，投资增长2.5%。2.推进数据共享。打通部门系统，共享率达到90%。（市大数据局负责）3.加强安全保障。落实等级保护制度。',
      '二、保障措施',
      '加强组织领导。',
    ].join('\n'));
    expect(n.tasks.map((t) => [t.id, t.title])).toEqual([
      ['1', '建设数据平台'],
      ['2', '推进数据共享'],
      ['3', '加强安全保障'],
    ]);
    expect(n.tasks[1].units).toEqual(['市大数据局']);
    // one item mentioning a second marker in passing is one paragraph
    expect(titles(['一、重点任务', '1.建设数据平台。按照《方案》第2.3条执行，2.推进共享另行部署。', '2.加强安全保障。落实等级保护制度。'].join('\n'))).toEqual(['建设数据平台', '加强安全保障']);
  });
});

describe('a task table whose rows go on under one merged 序号 and task cell', () => {
  it('each further row with its own content and owners is a task of that group (T1.1, T1.2), titled by its content', () => {
    const n = parse([
      '任务分工表',
      '| 序号 | 工作事项 | 主要内容 | 牵头单位 | 配合单位 | 完成时限 |',
      '| 1 | 扩大服务覆盖面 | 建成社区服务站50个。 | 市民政局 | 各县（市、区）政府 | 2021年底前 |',
      '|  |  | 推动服务站向农村延伸。 | 各县（市、区）政府 | 市民政局 | 持续推进 |',
      '| 2 | 加强队伍建设 | 每年培训社工1000人次。 | 市人力社保局 | 市民政局 | 每年 |',
      '|  |  | 落实社工岗位补贴。 | 市财政局 | 市人力社保局 | 2022年6月底前 |',
      '|  |  | 建立社工职级体系。 | 市人力社保局 |  | 2022年底前 |',
      '| 3 | 强化经费保障 | 将服务经费列入预算。 | 市财政局 |  | 长期坚持 |',
    ].join('\n'));
    expect(n.tasks.map((t) => [t.id, t.project, t.title, t.lead.join('、')])).toEqual([
      ['T1.1', '扩大服务覆盖面', '建成社区服务站50个', '市民政局'],
      ['T1.2', '扩大服务覆盖面', '推动服务站向农村延伸', '各县〔市、区〕政府'],
      ['T2.1', '加强队伍建设', '每年培训社工1000人次', '市人力社保局'],
      ['T2.2', '加强队伍建设', '落实社工岗位补贴', '市财政局'],
      ['T2.3', '加强队伍建设', '建立社工职级体系', '市人力社保局'],
      ['T3', '', '强化经费保障', '市财政局'],
    ]);
    expect(n.tasks[3].deadlines.map((d) => d.date)).toEqual(['2022-06-30']);
    // a first row without owners is warned of under the id it ends with
    const bare = parse(['任务分工表', '| 序号 | 工作事项 | 主要内容 | 牵头单位 | 配合单位 | 完成时限 |', '| 1 | 扩大服务覆盖面 | 建成社区服务站50个。 |  |  | 2021年底前 |', '|  |  | 推动服务站向农村延伸。 | 各县（市、区）政府 | 市民政局 | 持续推进 |'].join('\n'));
    expect(bare.warnings.filter((w) => w.code === 'no-units').map((w) => w.message)).toEqual(['task T1.1 (建成社区服务站50个) names no responsible unit']);
  });
});

describe('owners in an attached 分工表 that restates the items row for row', () => {
  it('the body stays the task list; each task takes its row’s owners and deadline, marked as from the table', () => {
    const body = [
      '一、主要任务',
      '（一）推进数据共享。建成市级数据共享平台。',
      '（二）推进业务协同。打通部门业务系统。',
      '二、保障措施',
      '加强组织领导。',
      '附件',
      '任务分工表',
      '| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |',
      '| 1 | 推进数据共享 | 市大数据局 | 市发展改革委 | 2021年6月底前 |',
      '| 2 | 推进业务协同 | 市政务服务局 | 市大数据局 | 2021年12月底前 |',
    ].join('\n');
    const n = parse(body);
    expect(n.tasks.map((t) => [t.id, t.lead.join('、'), t.assist.join('、'), t.unitsFrom, t.deadlines.map((d) => d.date).join()])).toEqual([
      ['1', '市大数据局', '市发展改革委', 'table', '2021-06-30'],
      ['2', '市政务服务局', '市大数据局', 'table', '2021-12-31'],
    ]);
    expect(n.warnings.some((w) => w.code === 'no-units')).toBe(false);
  });

  it('a 分工表 of numbers and owners only (序号 | 牵头单位 | 配合单位) gives each numbered task its owners', () => {
    const body = [
      '一、主要任务',
      '1.推进数据共享。建成市级数据共享平台。',
      '2.推进业务协同。打通部门业务系统。',
      '二、强化支撑',
      '3.加强队伍建设。配齐专业人员。',
      '某某市人民政府办公室',
      '2021年3月1日',
      '附件',
      '重点任务分工表',
      '| 序号 | 牵头单位 | 配合单位 |',
      '| 1 | 市大数据局 | 市发展改革委 |',
      '| 2 | 市政务服务局 | 市大数据局 |',
      '| 3 | 市人力社保局 | 市委编办 |',
    ].join('\n');
    const n = parse(body);
    expect(n.tasks.map((t) => [t.id, t.title, t.lead.join('、'), t.assist.join('、'), t.unitsFrom])).toEqual([
      ['1.1', '推进数据共享', '市大数据局', '市发展改革委', 'table'],
      ['1.2', '推进业务协同', '市政务服务局', '市大数据局', 'table'],
      ['2.1', '加强队伍建设', '市人力社保局', '市委编办', 'table'],
    ]);
  });

  it('a table pasted with tabs is read as one (序号⇥工作任务⇥牵头单位⇥配合单位⇥完成时限)', () => {
    const body = [
      '一、主要任务',
      '（一）推进数据共享。建成市级数据共享平台。',
      '（二）推进业务协同。打通部门业务系统。',
      '附件',
      '任务分工表',
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
      '1\t推进数据共享\t市大数据局\t市发展改革委\t2021年6月底前',
      '2\t推进业务协同\t市政务服务局\t市大数据局\t2021年12月底前',
    ].join('\n');
    expect(parse(body).tasks.map((t) => [t.id, t.lead.join('、'), t.unitsFrom])).toEqual([
      ['1', '市大数据局', 'table'],
      ['2', '市政务服务局', 'table'],
    ]);
    // a tab as an indent is not a table
    expect(parse('一、主要任务\n（一）\t推进数据共享。建成平台。（责任单位：市大数据局）').tasks.map((t) => t.title)).toEqual(['推进数据共享']);
  });
});

describe('parts without items whose paragraphs each open with a lead sentence', () => {
  it('give one task per paragraph; a closing sentence about all of them is none', () => {
    const body = [
      '一、总体要求',
      '坚持依法审核，确保规范性文件合法有效。',
      '二、严格落实审核措施',
      '明确审核范围。凡涉及公民权利义务的规范性文件均纳入审核。',
      '规范报送材料。起草单位报送审核时应当提交起草说明。',
      '三、健全审核工作机制',
      '完善审核方式。审核机构可以采用书面审查方式。',
      '加强审核队伍建设。各部门要配齐审核人员。',
      '以上各项任务由市司法局牵头，市政府各部门配合。',
      '四、保障措施',
      '加强组织领导。各部门要高度重视。',
    ].join('\n');
    const n = parse(body);
    expect(n.tasks.map((t) => [t.id, t.title, t.lead.join('、')])).toEqual([
      ['2.1', '明确审核范围', '市司法局'],
      ['2.2', '规范报送材料', '市司法局'],
      ['3.1', '完善审核方式', '市司法局'],
      ['3.2', '加强审核队伍建设', '市司法局'],
    ]);
  });

  it('a part of one paragraph, or of paragraphs without lead sentences, stays one task', () => {
    const body = ['一、加快平台建设', '围绕数据共享，建设市级平台，推动业务协同。', '二、推进业务协同', '各部门要打通业务系统，实现数据互认。', '推进电子证照共享，减少重复提交。'].join('\n');
    expect(parse(body).tasks.map((t) => t.id)).toEqual(['1', '2']);
  });
});

describe('notices that are not plans', () => {
  const cases: [string, string, string][] = [
    ['批复', '国务院关于同意设立某某经济开发区的批复\n国函〔2019〕12号\n某某省人民政府：\n你省关于设立某某经济开发区的请示收悉。现批复如下：\n一、同意设立某某经济开发区。\n二、开发区要坚持集约发展。由省人民政府负责指导。\n三、有关部门要加强指导。\n国务院\n2019年2月1日', '批复'],
    ['复函', '国务院办公厅关于某某问题的复函\n国办函〔2019〕8号\n某某部：\n来函收悉。经国务院同意，现函复如下：\n一、原则同意你部意见。\n二、请你部会同有关部门负责做好相关工作。\n国务院办公厅\n2019年1月5日', '复函'],
    ['答复', '关于政协某某届某次会议第123号提案的答复\n某政函〔2020〕45号\n张某委员：\n您提出的关于加快发展托育服务的提案收悉，现答复如下：\n一、关于完善政策体系。我委负责牵头制定托育服务政策。\n二、关于加大投入。将积极争取资金支持。\n某某市发展和改革委员会\n2020年7月1日', '答复'],
    ['决定', '国务院关于表彰某某奖获得者的决定\n国发〔2019〕3号\n一、授予某某等同志某某奖。\n二、希望受表彰的同志再接再厉。\n国务院\n2019年1月8日', '决定'],
    ['办法', '某某省人民政府关于印发某某省政府投资项目管理办法的通知\n某政发〔2019〕9号\n某某省政府投资项目管理办法\n一、总则\n（一）为规范政府投资行为，制定本办法。\n（二）发展改革部门负责政府投资项目的综合管理。\n二、项目审批\n（三）项目单位应当编制项目建议书。\n某某省人民政府\n2019年3月1日', '办法'],
    ['预案', '某某市人民政府办公室关于印发某某市突发事件总体应急预案的通知\n某政办发〔2018〕30号\n1.总则\n1.1编制目的\n1.2适用范围\n2.组织体系\n2.1市应急委员会负责统一领导全市突发事件应对工作。\n某某市人民政府办公室\n2018年5月1日', '预案'],
    ['转发 a 办法', '国务院办公厅转发某某部关于某某资金管理办法的通知\n国办发〔2019〕20号\n某某资金管理办法\n第一章　总则\n第一条为规范资金管理，制定本办法。\n第二条本办法适用于中央财政资金。\n第三条财政部负责资金分配。\n国务院办公厅\n2019年4月1日', '办法'],
    ['articles', '某某市物业管理若干规定\n第一条为了规范物业管理活动，制定本规定。\n第二条本市行政区域内的物业管理活动适用本规定。\n第三条市住房城乡建设部门负责物业管理活动的监督管理。\n（一）制定物业服务标准；\n（二）监督物业服务合同履行。', '规定'],
  ];

  it.each(cases)('%s: no tasks, one not-a-plan line naming the kind, header still read', (_, text, kind) => {
    const n = parseText(text, 'n.txt');
    expectValid(validateParse, n, 'n.txt');
    expect(n.tasks).toEqual([]);
    expect(n.taskShape).toMatchObject({ plan: false, basis: 'not-a-plan', kind });
    expect(n.warnings.filter((w) => w.code === 'not-a-plan').map((w) => w.message)).toEqual([expect.stringMatching(new RegExp(`^not a plan \\(${kind}\\)`))]);
    expect(n.warnings.some((w) => w.code === 'no-tasks')).toBe(false);
  });

  it('reads a regulation’s order number as its 文号 (国令第707号), from one line or two', () => {
    const reg = '中华人民共和国国务院令\n第707号\n现公布某某条例，自2019年1月1日起施行。\n总理　某某\n2018年12月18日\n某某条例\n第一条为了规范，制定本条例。\n第二条本条例适用于全国。\n第三条国务院有关部门负责实施。';
    const n = parseText(reg, 'reg.txt');
    expect(n.meta.docNumber).toBe('国令第707号');
    expect(n.taskShape).toMatchObject({ plan: false, kind: '条例' });
  });

  it('diff with a non-plan on either side says so and exits 2', async () => {
    const pifu = tmpFile('pifu.txt', cases[0][1]);
    const plan = 'fixtures/shapes/s6-numbered-under-parts-province-fangan.txt';
    for (const args of [[pifu, plan], [plan, pifu], [pifu]]) {
      const r = await run(['diff', ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/is not a plan \(批复\): there are no tasks to compare/);
    }
  });
});
