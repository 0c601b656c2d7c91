// Shapes of the genre read in stop 44: a city 工作方案 whose attached 分解表 restarts its 序号 under
// group rows, an action part written a level shallower than the others, parts that say where a plan
// starts from or whom it serves (现状分析, 服务对象, 空间布局, 附件), items headed by what they build
// (1.打造…中心：…), and a page that keeps its paragraphs as source lines of one block. The notices are
// short ones written for these rules (realistic in form, invented in content).
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.js';
import { diffNotices } from '../src/diff/index.js';
import { htmlToText } from '../src/read/html.js';
import { expectValid, validateParse } from './schema-support.js';

const HEAD = '某某市人工智能创新发展工作方案\n';
const parse = (body: string, name = 'plan.txt') => {
  const n = parseText(HEAD + body, name, { asPlan: true });
  expectValid(validateParse, n, name);
  return n;
};

describe('a task table whose 序号 start again under group rows', () => {
  const table =
    '附1\n重点任务分解表\n|序号|重点任务|具体工作|责任单位|完成时限|\n' +
    '|一|特色赛道（AI+农业）| | | |\n|1|构建智慧种养体系|推动园区构建智慧种养全流程体系。|市农业农村局| |\n|2|赋能品牌升级|支持茶企搭建产业大脑。|市农业农村局、市国资委| |\n' +
    '|二|特色赛道（AI+制造）| | | |\n|1|打造AI赋能工厂|鼓励龙头企业部署智能控制系统。|市经信局| |\n|2|攻坚核心零部件|支持骨干企业攻关关键部件。|市经信局、市科技局| |\n|3|推进智慧交通|支持开展自动驾驶应用。|市交通运输局| |\n';
  const body = '一、现状分析\n（一）产业基础初具规模。2025年全市规上企业40家。\n（二）存在的主要短板。龙头企业偏少。\n二、特色赛道\n一是发展AI+农业。二是发展AI+制造。\n三、保障措施\n（一）加强组织领导。\n' + table;

  it('are tasks T<group>.<序号>, titled by the task cell (具体工作 is their content), with the group as project', () => {
    const n = parse(body);
    expect(n.tasks.map((t) => t.id)).toEqual(['T1.1', 'T1.2', 'T2.1', 'T2.2', 'T2.3']);
    expect(n.tasks.map((t) => t.title)).toEqual(['构建智慧种养体系', '赋能品牌升级', '打造AI赋能工厂', '攻坚核心零部件', '推进智慧交通']);
    expect(n.tasks[3]).toMatchObject({ project: '特色赛道（AI+制造）', units: ['市经信局', '市科技局'] });
    expect(n.warnings.filter((w) => w.code === 'numbering-repeat')).toEqual([]);
  });

  it('name a renamed row by its new id in its no-units warning', () => {
    const n = parse(body.replace('|1|构建智慧种养体系|推动园区构建智慧种养全流程体系。|市农业农村局| |', '|1|构建智慧种养体系|推动园区构建智慧种养全流程体系。| | |'));
    expect(n.warnings.filter((w) => w.code === 'no-units').map((w) => w.message)).toEqual(['task T1.1 (构建智慧种养体系) names no responsible unit']);
  });

  it('keep T<序号> where the 序号 run on through the groups', () => {
    const n = parse(body.replace('|1|打造', '|3|打造').replace('|2|攻坚', '|4|攻坚').replace('|3|推进', '|5|推进'));
    expect(n.tasks.map((t) => t.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
  });

  it('a list of what the plan asks of a higher level (政策诉求 | 建议责任单位) is no task table', () => {
    const asks = '附件2\n政策诉求清单\n|序号|特色领域|工作举措|政策诉求|建议责任单位（省级部门）|\n|1|智能终端|建设产业园|争取专项资金|省发展改革委|\n|2|商贸物流|建设物流枢纽|争取试点|省商务厅|\n|3|影视文化|建设影视基地|争取政策|省委宣传部|\n';
    const n = parse('一、主要任务\n（一）建设智算中心。加快项目建设。\n（二）发展数据产业。培育数据企业。\n二、保障措施\n加强领导。\n' + asks);
    expect(n.tasks.map((t) => t.title)).toEqual(['建设智算中心', '发展数据产业']);
  });
});

describe('a task list whose 重点举措 cell spans several numbered rows', () => {
  const list =
    '某某市人工智能创新发展2026年工作任务清单\n|序号|重点举措|实施路径|完成时限|责任单位|配合单位|\n' +
    '|1|攻坚算力扩容（2项）|争取智算中心通过窗口指导，力争全市算力规模突破3000PFlops。|12月|市发展改革委|相关县（市、区）政府|\n' +
    '|2| |启动万卡机房建设。|9月|某某县政府|/|\n|3|完善算力产业链条（1项）|绘制算力产业图谱，引进培育优质企业5家。|12月份|市投资促进局|市经信局|\n';
  it('has one task per row, each titled by its own 实施路径, the merged cell as its project; a month alone in the time cell is its end', () => {
    const n = parse(list);
    expect(n.tasks.map((t) => t.title)).toEqual(['攻坚算力扩容（2项）', '启动万卡机房建设', '完善算力产业链条（1项）']);
    expect(n.tasks[1]).toMatchObject({ id: 'T2', project: '攻坚算力扩容（2项）', units: ['某某县政府'] });
    expect(n.tasks[0].text).toContain('突破3000PFlops');
    expect(n.tasks.map((t) => t.deadlines.map((d) => [d.kind, d.text]))).toEqual([[['by', '12月']], [['by', '9月']], [['by', '12月份']]]);
  });

  it('a 简要描述 column is the row\'s content, not its title', () => {
    const n = parse('|序号|数据集名称|建设主体|简要描述|责任单位|拟投入运营时间|\n|1|临床诊疗数据集|省卫生健康信息中心|归集治理门诊、住院等临床诊疗数据。|省卫生健康委|2025年12月|\n|2|眼病专科数据集|某某医院|归集治理眼科影像等多模态数据。|省卫生健康委|2026年2月|\n');
    expect(n.tasks.map((t) => t.title)).toEqual(['临床诊疗数据集', '眼病专科数据集']);
    expect(n.tasks[0].text).toContain('归集治理门诊');
  });
});

describe('parts and items of a plan', () => {
  it('an action part written a level shallower than the others holds its own items as tasks', () => {
    const n = parse(
      '一、发展目标\n到2027年，产业规模突破200亿元。\n二、特色赛道\n赛道一：智能终端\n1.聚焦智能家居：推动企业研发新品。\n2.聚焦新型显示：引进显示项目。\n赛道二：商贸物流\n1.打造贸易枢纽：升级商贸大模型。\n2.构建服务体系：推动数字化改造。\n' +
        '三、支撑能力建设\n（一）强化算力基础。统筹算力布局。\n（二）加强人才引育。引进领军人才。\n四、保障措施\n（一）加强组织领导。\n',
    );
    expect(n.tasks.map((t) => t.title)).toEqual(['聚焦智能家居', '聚焦新型显示', '打造贸易枢纽', '构建服务体系', '强化算力基础', '加强人才引育']);
  });

  it('an item headed by what it builds (1.打造长三角智算中心：…) names no body', () => {
    const n = parse('一、主要任务\n1.打造长三角智算中心：加快推进重点项目建设。\n2.建设数据服务中心：培育数据企业。\n二、保障措施\n加强领导。\n');
    expect(n.tasks.map((t) => t.units)).toEqual([[], []]);
    // a body opening its duty still is one (区民防办：负责…)
    const m = parse('一、职责分工\n区民防办：负责制定应急预案。\n区财政局：负责保障经费。\n');
    expect(m.tasks.map((t) => t.units)).toEqual([['区民防办'], ['区财政局']]);
  });

  it('parts that say where the plan starts from, whom it serves, where it is laid out, or what it appends hold no tasks', () => {
    const n = parse(
      '一、现状分析\n（一）产业基础初具规模。企业集聚。\n（二）存在的主要短板。人才不足。\n二、服务对象与主体认定\n（一）对内培育对象。本地创业者。\n（二）对外服务对象。外地团队。\n三、空间布局\n（一）高新区。集聚研发企业。\n（二）中心城区。集聚服务企业。\n' +
        '四、主要任务\n（一）设立创业服务专窗。提供一站式服务。\n（二）发放创意验证券。支持产品验证。\n五、支持对象与范围\n在本市注册的一人公司。\n六、附件\n1.路径表\n2.政策诉求清单\n',
    );
    expect(n.tasks.map((t) => t.title)).toEqual(['设立创业服务专窗', '发放创意验证券']);
  });

  it('a closing part of training and publicity alone is measures of its own, not a safeguard part', () => {
    const n = parse('一、加强统筹规划\n（一）强化统筹管理。建立工作专班。\n（二）注重集约建设。统一建设平台。\n二、做好业务培训和宣传引导\n（一）加强业务培训。开展应用培训。\n（二）强化用户反馈。建立反馈渠道。\n（三）做好宣传引导。宣传典型案例。\n');
    expect(n.tasks).toHaveLength(5);
    // with leadership or supervision among its items it closes the plan as its safeguard part
    const m = parse('一、加强统筹规划\n（一）强化统筹管理。建立工作专班。\n（二）注重集约建设。统一建设平台。\n二、抓好工作落实\n（一）加强组织领导。压实责任。\n（二）强化督查考核。定期督查。\n（三）做好宣传引导。宣传典型案例。\n');
    expect(m.tasks).toHaveLength(2);
  });
});

describe('a page that keeps the paragraphs as source lines of one block', () => {
  it('starts a paragraph at each heading whose line follows a sentence end or is a heading alone', () => {
    const html =
      '<html><body><div class="content">各市（州）人民政府，省政府各部门：\n现将有关通知转发你们，请立即开展自查，现就有关工作通知如下。\n<b>一、各地自查</b>\n各市（州）要对本地区贯彻实施情况开展逐项自查。\n<b>二、部门自查</b>\n省级部门要按照职责分工进行深入自查。\n<b>三、重点抽查</b>\n省政府将对重点地区开展抽查。\n特此通知。\n</div></body></html>';
    const text = htmlToText(html).text;
    expect(text.split('\n').filter((l) => /^[一二三]、/.test(l))).toEqual(['一、各地自查', '二、部门自查', '三、重点抽查']);
    // lines wrapped inside a sentence stay one paragraph
    const wrapped = htmlToText('<html><body><div>各地要按照督查的内容和重点，\n对本地区贯彻实施情况开展自查。</div></body></html>').text;
    expect(wrapped.trim()).toBe('各地要按照督查的内容和重点，对本地区贯彻实施情况开展自查。');
  });
});

describe('the plan a transmittal sentence says it carries out', () => {
  it('is cited, and the document the sentence transmits is not', () => {
    const n = parseText(
      '某某区人民政府办公室关于印发《某某区人工智能创新发展2026年工作任务清单》的通知\n某政办发〔2026〕31号\n各街道办事处：\n为贯彻落实《某某市人工智能创新发展工作方案》，经区政府同意，现将《某某区人工智能创新发展2026年工作任务清单》印发给你们，请认真抓好落实。\n某某区人民政府办公室\n2026年4月15日\n' +
        '|序号|工作任务|完成时限|牵头单位|\n|1|融入全市算力集群。推动算力节点建设。|2026年10月底前|区发展改革局|\n|2|开展精准招商。引进企业2家。|2026年12月底前|区投资促进局|\n',
      'list.txt',
    );
    expect(n.references.map((r) => r.title)).toEqual(['某某市人工智能创新发展工作方案']);
  });
});

describe("times of monthly work and of a year's task list", () => {
  it('次月10日前 and 月度 are monthly; a day of the month moved later or earlier is told so', async () => {
    const { extractDeadlines, compareDeadlines } = await import('../src/parse/deadlines.js');
    const one = (s: string) => extractDeadlines(s, 2025)[0];
    expect([one('于次月10日前完成审核'), one('违规费用月度抵扣')].map((d) => [d.kind, d.frequency])).toEqual([['recurring', 'monthly'], ['recurring', 'monthly']]);
    expect(extractDeadlines('本月度完成', 2025)).toEqual([]);
    expect(compareDeadlines(one('次月10日前审核'), one('次月12日前审核'))).toBe('later');
    expect(compareDeadlines(one('次月底前抵扣'), one('次月20日前抵扣'))).toBe('earlier');
    expect(compareDeadlines(one('每月10日前报送'), one('每月5日前报送'))).toBe('earlier');
    expect(compareDeadlines(one('违规费用月度抵扣'), one('违规费用按季度抵扣'))).toBe('later');
  });

  it('a notice with no date is of the year its task list is for (2026年工作任务清单): its months are that year\'s', () => {
    const n = parseText('某某市人工智能创新发展工作方案\n附件1\n人工智能创新发展2026年工作任务清单\n|序号|重点举措|完成时限|责任单位|\n|1|争取智算中心通过窗口指导。|12月|市发展改革委|\n|2|启动机房建设。|9月|某某县政府|\n', 'list.txt', { asPlan: true });
    expect(n.tasks.map((t) => t.deadlines[0].date)).toEqual(['2026-12-31', '2026-09-30']);
  });
});

describe('measures numbered as articles, radical glyphs, and items that are kinds', () => {
  it('a 若干措施 whose measures are articles headed by a title (第一条 培育创新主体。…) is a plan; a regulation\'s articles are not', () => {
    const measures = parseText('某某区关于支持智能体产业发展的十条措施\n为加快发展，制定以下措施。\n第一条 培育创新主体。对新认定的企业给予奖励。\n第二条 建设创业平台。支持建设孵化平台。\n第三条 强化算力普惠。发放算力券。\n', 'm.txt');
    expect(measures.tasks.map((t) => t.title)).toEqual(['培育创新主体', '建设创业平台', '强化算力普惠']);
    const rule = parseText('某某市物业管理实施细则\n第一条 为了规范物业管理活动，根据有关规定，制定本细则。\n第二条 本细则适用于本市行政区域内的物业管理。\n第三条 市住房城乡建设局负责本细则的组织实施。\n', 'r.txt');
    expect(rule.tasks).toEqual([]);
  });

  it('reads the Kangxi and supplement radical glyphs of a PDF printed from a web page as the ideographs they draw', () => {
    const n = parseText('某省运力提升行动方案\n⼀、发展⽬标\n到2027年，建成全光运力网络。\n⼆、重点任务\n1.建设⾼效互通的全光运⼒⽹络。推动光纤部署。\n2.提升与⻓三⻆枢纽节点的互联⽔平。试点建设专线。\n三、强化组织保障\n（一）加强组织领导。\n', 'p.txt');
    expect(n.tasks.map((t) => t.title)).toEqual(['建设高效互通的全光运力网络', '提升与长三角枢纽节点的互联水平']);
  });

  it('a part whose items are kinds (高风险类 / 中风险类 / 低风险类) is a typology, not measures', () => {
    const n = parse('一、工作机制\n（一）高风险类。每周走访一次。\n（二）中风险类。每月走访一次。\n（三）低风险类。每季度走访一次。\n二、工作措施\n（一）逐级落实责任。层层签订责任书。\n（二）动态排查定级。建立台账。\n三、工作要求\n（一）加强领导。\n');
    expect(n.tasks.map((t) => t.title)).toEqual(['逐级落实责任', '动态排查定级']);
  });
});

describe('what the lower level takes up of what it was encouraged to do', () => {
  const BASE = '关于支持智算云创新发展的实施意见\n浙某发〔2030〕1号\n一、主要任务\n（一）发放模型券。支持有条件的地方发放模型券，降低企业用云成本。\n（二）开设智算课程。支持高校开设智算云课程。\n（三）规范处方审核。所有处方均应当经药师审核通过后方可进入调配环节。\n（四）推动医疗机构开设药学门诊。推动二级以上医疗机构开设药学门诊。\n';
  const LOCAL = '某某市关于支持智算云创新发展的实施方案\n某政发〔2030〕9号\n为贯彻落实《关于支持智算云创新发展的实施意见》（浙某发〔2030〕1号），制定本方案。\n一、主要任务\n（一）发放模型券。市财政发放模型券，降低企业用云成本。\n（二）开设智算课程。推动在本市高校开设智算云课程。\n（三）规范处方审核。所有处方经药师审核通过后方可进入调配环节。\n（四）推动医疗机构开设药学门诊。推动全市医疗机构开设药学门诊，覆盖率达到80%。\n';
  const d = diffNotices(parseText(BASE, 'b.txt'), parseText(LOCAL, 'l.txt'));
  it('an encouragement of the lower levels themselves (支持有条件的地方…) stated as the local plan\'s own duty is strengthened; one of others (支持高校…) restated plainly is not', () => {
    expect(d.strengthChanges.map((c) => [c.base, c.change, c.baseWord])).toEqual([['1', 'strengthened', '支持']]);
  });
  it('方可 (only then) is no permission, and a grade that names the kind of body (二级以上医疗机构) adds or removes no target', () => {
    expect(d.targetChanges.map((c) => [c.base, c.change, c.localTarget])).toEqual([['4', 'added', '达到80%']]);
  });
});

describe('a file that holds several notices', () => {
  it('is judged by its first: the articles of a regulation printed after it do not make it one', () => {
    const n = parseText(
      '关于加强首诊和转诊服务的通知\n（某卫办发〔2024〕21号）\n各省卫生健康委：\n为提升医疗服务连续性，现就有关事项通知如下。\n一、总体目标\n到2027年，转诊服务更加规范。\n二、主要任务\n（一）完善首诊负责制。接诊医师要提供诊疗服务。\n（二）明确转诊服务规则。各地要制定转诊规则。\n三、工作要求\n各地要高度重视。\n某卫生健康委办公厅2024年10月28日\n' +
        '关于印发医疗机构检查检验结果互认管理办法的通知\n（某卫发〔2022〕6号）\n各省卫生健康委：\n现将《医疗机构检查检验结果互认管理办法》印发给你们。\n第一条 为了规范互认工作，根据有关规定，制定本办法。\n第二条 本办法适用于各级医疗机构。\n第三条 各级卫生健康行政部门负责本办法的实施。\n',
      'two.txt',
    );
    expect(n.tasks.map((t) => t.title)).toEqual(['完善首诊负责制', '明确转诊服务规则']);
  });
});

describe('a group of lead-sentence paragraphs with one line for them all', () => {
  it('holds a task per paragraph, each owned and timed by the line', () => {
    const n = parse(
      '一、总体目标\n到2028年，营业收入突破3000亿元。\n二、重点任务\n（一）集聚高端商务人才\n深化商务人才产教融合。支持高校开设微专业。\n引进全球商务服务人才。打造海外人才服务平台。\n以上工作由区人才局牵头，区教育局配合，2027年12月底前完成。\n' +
        '（二）搭建专业服务平台\n办好专业服务品牌活动。每年举办行业论坛。\n建设企业出海服务港。集聚出海服务机构。\n以上工作由区商务委牵头，区科委配合，持续推进。\n三、保障措施\n加强组织领导。\n',
    );
    expect(n.tasks.map((t) => t.title)).toEqual(['深化商务人才产教融合', '引进全球商务服务人才', '办好专业服务品牌活动', '建设企业出海服务港']);
    expect(n.tasks.map((t) => t.lead[0])).toEqual(['区人才局', '区人才局', '区商务委', '区商务委']);
    expect(n.tasks[0].deadlines.map((d) => d.date)).toEqual(['2027-12-31']);
  });
});
