// Shapes of the genre read in stop 40 (issues 27 and 28): plans that number nothing (one sentence's
// clauses, paragraphs after 具体如下：), paragraphs owned by one closing line beside noted ones, owner
// notes in 〔〕 and labels without 单位 (牵头：), times set by a year's events (放暑假前) and by 年内, a
// street's offices as the district's counterparts. The notices are short ones written for these rules
// (realistic in form, invented in content).
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.js';
import { splitUnits } from '../src/parse/units.js';
import { extractDeadlines, compareDeadlines } from '../src/parse/deadlines.js';
import { diffNotices } from '../src/diff/index.js';
import { expectValid, validateParse } from './schema-support.js';

const HEAD = '某某区人民政府关于落实重点工作的实施意见\n某政发〔2023〕9号\n各街道办事处，区政府各部门：\n为贯彻落实市政府有关部署，结合我区实际，现提出如下实施意见。\n';
const TAIL = '某某区人民政府\n2023年4月8日\n';
const parse = (body: string, head = HEAD, name = 'plan.txt') => {
  const n = parseText(head + body + TAIL, name, { asPlan: true });
  expectValid(validateParse, n, name);
  return n;
};

describe('paragraphs owned by one closing line (以上工作由A牵头)', () => {
  const body =
    '一、服务企业发展\n落实企业用电直供政策，年内帮助30户重点企业纳入直供范围。\n抓好4个重大文化项目，确保年内全部开工。\n以上工作由区发改委牵头，区商务局、区工信局按职责分工负责。\n' +
    '二、民生服务\n新建社区便民服务网点20个。（区商务局牵头，各街道办事处配合，2023年10月底前完成）\n完成28条背街小巷改造。（区住建局牵头，区城管局配合，2023年11月底前完成）\n';
  it('are tasks beside the noted paragraphs of the other parts, each owned by the line', () => {
    const n = parse(body);
    expect(n.tasks.map((t) => t.id)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(n.tasks[0].lead).toEqual(['区发改委']);
    expect(n.tasks[1].assist).toEqual(['区商务局', '区工信局']);
    expect(n.tasks[2].lead).toEqual(['区商务局']);
  });
  it('年内 in a task is the end of the document year', () => {
    const n = parse(body);
    expect(n.tasks[0].deadlines.map((d) => [d.text, d.date])).toEqual([['年内', '2023-12-31']]);
  });
});

describe('plans that number nothing', () => {
  it('a sentence of targets after 目标是： gives one task per clause', () => {
    const n = parse('2023年经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业3万人以上；居民消费价格涨幅3%左右；粮食产量稳定在50万吨以上。\n');
    expect(n.tasks.map((t) => t.title)).toEqual(['地区生产总值增长6%左右', '城镇新增就业3万人以上', '居民消费价格涨幅3%左右', '粮食产量稳定在50万吨以上']);
    expect(n.taskShape.why).toMatch(/one list sentence/);
  });
  it('a sentence of fewer than four clauses is prose, not a list', () => {
    expect(parse('工作目标是：提升服务水平；优化营商环境。\n').tasks).toEqual([]);
  });
  it('the paragraphs after 具体如下： are the tasks, up to the source line', () => {
    const head = '省政府工作报告提出十件民生实事\n本报记者 某某\n昨日，省政府工作报告提出2023年民生实事项目清单。具体如下：\n';
    const n = parseText(head + '建设筹集保障性租赁住房10万套，改造城镇老旧小区4000个以上。\n新建乡镇社区养老服务综合体100个。\n新增3岁以下婴幼儿托位4万个。\n来源：某某日报\n', 'news.txt', { asPlan: true });
    expect(n.tasks.map((t) => t.title)).toEqual(['建设筹集保障性租赁住房10万套，改造城镇老旧小区4000个以上', '新建乡镇社区养老服务综合体100个', '新增3岁以下婴幼儿托位4万个']);
  });
  it('numbered plans are read as before: the fallbacks only speak when no task was found', () => {
    const n = parse('一、重点任务\n（一）推进政务服务。主要目标是：网上可办率达到90%；一网通办率达到80%；材料压减30%；时限压减50%。（区政务办牵头）\n（二）优化审批流程。（区审批局牵头）\n');
    expect(n.tasks.map((t) => t.id)).toEqual(['1', '2']);
  });
});

describe('owner notes', () => {
  it('〔〕 brackets and labels without 单位 (牵头：A；配合：B) are notes', () => {
    const n = parse('一、重点任务\n1.承接下放的行政权力事项，建立承接台账。〔牵头单位：区政府办公室，责任单位：区政府有关部门〕\n2.对已承接事项每半年开展一次运行评估。（牵头：街道便民服务中心；配合：街道司法所；时限：每半年）\n');
    expect(n.tasks[0].lead).toEqual(['区政府办公室']);
    expect(n.tasks[1].lead).toEqual(['街道便民服务中心']);
    expect(n.tasks[1].assist).toEqual(['街道司法所']);
  });
  it('a time the text and the time field both state is one deadline', () => {
    const n = parse('一、重点任务\n1.对已承接事项每半年开展一次运行评估。（牵头：街道便民服务中心；时限：每半年）\n2.年内举办促消费活动10场。（牵头单位：区商务局；完成时限：2023年12月底前）\n');
    expect(n.tasks[0].deadlines.map((d) => d.text)).toEqual(['每半年']);
    expect(n.tasks[1].deadlines.map((d) => d.date)).toEqual(['2023-12-31']);
  });
  it('区司法局等有关部门 names the bureau and the collective', () => {
    expect(splitUnits('区司法局等有关部门')).toEqual(['区司法局', '有关部门']);
    expect(splitUnits('商务部、发展改革委等和各省级人民政府')).toEqual(['商务部', '发展改革委', '各省级人民政府']);
  });
});

describe('times set by events of the year', () => {
  const kinds = (s: string) => extractDeadlines(s, 2016).map((d) => [d.text, d.kind]);
  it('放暑假前, 毕业生离校前, 离校后3个月内, 汛期前 are times', () => {
    expect(kinds('确保放暑假前完成')).toEqual([['放暑假前', 'event']]);
    expect(kinds('在毕业生离校前出台相关政策')).toEqual([['毕业生离校前', 'event']]);
    expect(kinds('毕业生离校后3个月内提供就业服务')).toEqual([['毕业生离校后3个月内', 'event']]);
  });
  it('who qualifies (离校2年内未就业, 毕业5年内的) and 离校前后 are no time; 2013年汛期前 is the year\'s', () => {
    const events = (s: string) => kinds(s).filter((k) => k[1] === 'event');
    expect(events('对离校2年内未就业高校毕业生给予补贴')).toEqual([]);
    expect(events('对毕业5年内的高校毕业生')).toEqual([]);
    expect(kinds('强化离校前后信息衔接')).toEqual([]);
    expect(kinds('2013年汛期前完成堤防加固').map((k) => k[1])).not.toContain('event');
  });
  it('an event answered by a date is changed; 年内持续推进 is no date; 两年内 is a length', () => {
    const [event] = extractDeadlines('放暑假前完成', 2016);
    const [date] = extractDeadlines('7月10日前完成', 2016);
    expect(compareDeadlines(event, date)).toBe('changed');
    expect(extractDeadlines('年内持续推进', 2021)).toEqual([]);
    expect(extractDeadlines('两年内完成', 2021).map((d) => d.kind)).toEqual(['duration']);
  });
  it('a year\'s end with no year is the end of the year the other side dates', () => {
    const [end] = extractDeadlines('年底前实现全覆盖');
    const [nov] = extractDeadlines('2023年11月底前完成');
    expect(end.date).toBeUndefined();
    expect(compareDeadlines(end, nov)).toBe('earlier');
    expect(compareDeadlines(nov, end)).toBe('later');
  });
});

describe('a street implementing its district\'s plan', () => {
  const base = parseText(
    '某某区人民政府办公室关于印发优化营商环境重点任务分工方案的通知\n某政办发〔2021〕5号\n各街道办事处，区政府各部门：\n现将方案印发给你们。\n某某区人民政府办公室\n2021年4月10日\n优化营商环境重点任务分工方案\n一、重点任务\n' +
      '1.规范行政备案事项管理，编制并公布行政备案事项清单。（牵头单位：区政府办公室；责任单位：区司法局）\n2.深化投资审批制度改革，优化“一张表单”申报模式。（牵头单位：区行政审批服务局）\n3.开展行政许可案卷评查，提高案卷质量。（牵头单位：区司法局；责任单位：区政府有关部门）\n',
    'base.txt',
    { asPlan: true },
  );
  const local = parseText(
    '某某街道办事处关于印发优化营商环境重点任务落实方案的通知\n某办发〔2021〕11号\n各社区居委会：\n现将方案印发给你们。\n某某街道办事处\n2021年4月25日\n优化营商环境重点任务落实方案\n一、重点任务\n' +
      '1.规范行政备案事项管理，编制并公布街道备案事项清单。（牵头：街道党政办公室；配合：街道司法所）\n2.深化投资审批服务，推行“一张表单”申报模式。（牵头：街道便民服务中心）\n3.开展行政许可案卷评查，提高案卷质量。（牵头：街道司法所）\n',
    'local.txt',
    { asPlan: true },
  );
  const d = diffNotices(base, local);
  const change = (b: string) => d.ownerChanges.find((c) => c.base === b)?.change;
  it('党政办公室, 司法所 and 便民服务中心 are the counterparts of the district\'s office, 司法局 and 审批局', () => {
    expect(change('1')).toBe('mapped');
    expect(change('2')).toBe('mapped');
  });
  it('a base 有关部门 the street does not restate is dropped, a collective apart', () => {
    const c = d.ownerChanges.find((x) => x.base === '3')!;
    expect(c.change).toBe('owner-dropped');
    expect(c.groupsDropped).toEqual(['区政府有关部门']);
  });
});

describe('a 目标责任分解书 and a list of themes', () => {
  it('主要目标 | 主要责任单位 | 责任单位: a task per row, the main bodies lead, the row\'s marker no part of its title', () => {
    const head = '《某某省妇女发展规划（2021—2030年）》目标责任分解书\n';
    const n = parseText(
      head +
        '| 领域 | 主要目标 | 主要责任单位 | 责任单位 |\n| 妇女与健康 | 1.提高孕产妇医疗保健水平。孕产妇死亡率控制在12/10万以内。 | 省卫生健康委 | 省财政厅、省医保局 |\n| 妇女与健康 | ——妇女常见病筛查率达到80%以上。 | 省卫生健康委 | 省妇联 |\n| 妇女与教育 | 2.教育工作全面贯彻性别平等原则。 | 省教育厅 | 省妇联 |\n',
      'targets.txt',
      { asPlan: true },
    );
    expect(n.tasks.map((t) => t.title)).toEqual(['提高孕产妇医疗保健水平', '妇女常见病筛查率达到80%以上', '教育工作全面贯彻性别平等原则']);
    expect(n.tasks[0].lead).toEqual(['省卫生健康委']);
    expect(n.tasks[0].assist).toEqual(['省财政厅', '省医保局']);
  });
  it('1 医疗卫生 / 2 教育助学: a number and a short title alone on a line head what follows; 5个工作日 does not', () => {
    const head = '2024年省政府十方面民生实事\n省政府工作报告公布了2024年十方面民生实事。\n';
    const n = parseText(head + '1 医疗卫生\n为全省60岁以上老年人免费接种流感疫苗。\n2 教育助学\n开工建设高校基础设施改造提升项目208个。\n3 养老帮困\n全面推行长期护理保险制度。\n', 'themes.txt', { asPlan: true });
    expect(n.tasks.map((t) => t.id)).toEqual(['1', '2', '3']);
    const m = parseText(head + '一、优化服务\n1.压缩办理时限。\n5个工作日\n办结率达到100%。\n', 'plain.txt', { asPlan: true });
    expect(m.tasks.map((t) => t.title)).toEqual(['压缩办理时限']);
  });
});

describe('a city task table\'s times and columns', () => {
  const kind = (s: string) => extractDeadlines(s, 2016).map((d) => [d.text, d.kind, d.date ?? '']);
  it('a time counted from a document to come (省出台文件后2个月完成, 方案印发后30日内) is an event\'s', () => {
    expect(kind('省出台文件后2个月完成')).toEqual([['出台文件后2个月', 'event', '']]);
    expect(kind('方案印发后30日内报送')).toEqual([['印发后30日内', 'event', '']]);
  });
  it('2016年6底前 (月 left out) is the end of June', () => {
    expect(kind('2016年6底前')).toEqual([['2016年6底前', 'by', '2016-06-30']]);
  });
  it('常态工作 in a time column is open-ended, and 数据提供单位 assists', () => {
    const n = parseText(
      '某某市2022年目标任务责任分解方案\n| 序号 | 目标任务 | 牵头单位 | 数据提供单位 | 完成时限 |\n| 1 | 地区生产总值增长7%左右 | 市发改委 | 市统计局 | 常态工作 |\n| 2 | 规模以上工业增加值增长8% | 市经信局 | 市统计局 | 2022年12月底前 |\n| 3 | 社会消费品零售总额增长9% | 市商务局 | 市统计局 | 2022年12月底前 |\n',
      'table.txt',
      { asPlan: true },
    );
    expect(n.tasks[0].deadlines.map((d) => d.kind)).toEqual(['ongoing']);
    expect(n.tasks[0].assist).toEqual(['市统计局']);
  });
});

describe('an excerpt that begins at a later part (四、 first)', () => {
  it('keeps its parts and their items, numbered as written', () => {
    const head = '国务院关于印发某某规划的通知\n国发〔2011〕99号\n各省、自治区、直辖市人民政府：\n现将《某某规划》印发给你们，请认真贯彻执行。\n国务院\n2011年12月15日\n某某规划\n';
    const body =
      '四、切实解决突出问题\n（一）强化生态保护。加强重点生态功能区的保护和管理，制定管理办法。\n（二）提升自然保护区建设水平。开展自然保护区基础调查与评估。\n' +
      '五、加强重点领域风险防控\n（一）推进重金属污染防治。加强重点企业监管，严格执行排放标准。\n（二）加强危险废物管理。完善危险废物经营许可制度。\n';
    const n = parseText(head + body, 'excerpt.txt', { asPlan: true });
    expect(n.sections.map((s) => s.number)).toEqual(['四', '五']);
    expect(n.tasks.map((t) => t.title)).toEqual(['强化生态保护', '提升自然保护区建设水平', '推进重金属污染防治', '加强危险废物管理']);
  });
});

describe('a trailing 分工表 numbered as the items are (（一）), and times set once per part', () => {
  it('gives each item its row: lead, assist and time; a dash is no time', () => {
    const body =
      '一、精简审批事项\n（一）梳理公布区级行政许可事项清单，逐项明确实施机关和办理时限。\n（二）承接落实上级下放的行政许可事项，做到放得下、接得住。\n（三）推行“一业一证”改革，在10个行业实现“一证准营”。\n' +
      '附件：重点任务分工表\n| 序号 | 任务 | 牵头单位 | 配合单位 | 完成时限 |\n' +
      '| （一） | 梳理公布区级行政许可事项清单 | 区政府办公室 | 区直有关部门 | 2023年6月底前 |\n' +
      '| （二） | 承接落实下放行政许可事项 | 区行政审批服务局 | 区直有关部门 | 长期坚持 |\n' +
      '| （三） | 推行“一业一证”改革 | 区市场监管局 | 区行政审批服务局 | — |\n';
    const n = parse(body);
    expect(n.tasks.map((t) => [t.lead, t.assist, t.deadlines.map((d) => d.kind)])).toEqual([
      [['区政府办公室'], ['区直有关部门'], ['by']],
      [['区行政审批服务局'], ['区直有关部门'], ['ongoing']],
      [['区市场监管局'], ['区行政审批服务局'], []],
    ]);
  });

  it('reads a sentence for a part’s items as theirs, not the last item’s text, its exception and its open-ended time included', () => {
    const body =
      '一、规范监管执法\n1.开展行政执法公示制度落实情况抽查，抽查覆盖面不低于30%。\n2.2024年3月底前制定区级行政裁量权基准。\n以上任务由区司法局牵头，区市场监管局配合，除另有时限要求外，于2023年9月底前完成。\n' +
      '二、压实主体责任\n3.加大对侵犯知识产权违法行为的打击力度。\n4.每年3月15日前组织开展消费者权益保护集中宣传。\n以上任务由区市场监管局牵头，区公安分局配合，长期坚持。\n';
    const n = parse(body);
    expect(n.tasks.map((t) => t.assist)).toEqual([['区市场监管局'], ['区市场监管局'], ['区公安分局'], ['区公安分局']]);
    expect(n.tasks[1].text).not.toMatch(/以上任务/);
    expect(n.tasks.map((t) => t.deadlines.map((d) => d.date ?? d.kind))).toEqual([['2023-09-30'], ['2024-03-31'], ['ongoing'], expect.arrayContaining(['recurring'])]);
  });

  it('starts a group’s items again at 1. even where the item opens with a year (1．2021年6月底前…)', () => {
    const body =
      '一、放要放出活力\n（一）梳理审批事项。\n1．编制公布行政许可事项清单。（区政府办公室负责）\n2．2021年6月底前建立行政许可设定审查机制。（区司法局负责）\n' +
      '（二）精简重复审批。\n1．2021年6月底前研究提出新一批取消下放事项。（区政府办公室牵头）\n2．深化投资审批制度改革。（区发展改革局负责）\n';
    const n = parse(body);
    expect(n.tasks.map((t) => t.id)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(n.tasks[2].deadlines.map((d) => d.date)).toEqual(['2021-06-30']);
  });
});

describe('a part of unnumbered measures owned by one sentence for the part (以上第一部分任务由A牵头)', () => {
  const head = '某某县人民政府办公室关于印发某某县促进经济稳增长工作方案的通知\n某政办发〔2014〕23号\n各乡镇人民政府，县政府各有关部门：\n现将《某某县促进经济稳增长工作方案》印发给你们，请认真贯彻执行。\n某某县人民政府办公室\n2014年8月5日\n某某县促进经济稳增长工作方案\n';
  const body =
    '一、抓好重大交通项目建设\n全力做好高速公路县境内征地拆迁工作，2014年8月底前完成征地拆迁。\n实施农村公路畅通工程，今明两年新建改建农村公路120公里。\n推进火车站站前广场及货场改造，提升货运集疏能力。\n以上第一部分任务由县发改局牵头，县交通运输局配合。\n' +
    '二、改善城镇基础设施\n实施县城供热管网改造工程，2014年9月30日前完成12公里老旧管网改造。（县住建局负责）\n';
  it('holds one task per paragraph, each owned by the sentence', () => {
    const n = parseText(head + body, 'plan.txt', { asPlan: true });
    expect(n.tasks.map((t) => t.id)).toEqual(['1.1', '1.2', '1.3', '2']);
    expect(n.tasks.slice(0, 3).map((t) => t.lead)).toEqual([['县发改局'], ['县发改局'], ['县发改局']]);
  });

  it('implements a base titled without 关于 (黑龙江省促进经济稳增长的若干措施) whose subject it is named after', () => {
    const base = '黑龙江省促进经济稳增长的若干措施\n为应对经济下行压力，省政府决定采取以下措施。\n一、推进重大基础设施建设\n（一）加快高速公路建设，今明两年投资270亿元。\n（二）加快农村公路建设，建设农村公路约6000公里。\n二、改善城镇基础设施\n（三）实施城市供热管网改造工程。\n';
    const d = diffNotices(parseText(base, 'base.txt', { asPlan: true }), parseText(head + body, 'plan.txt', { asPlan: true }));
    expect(d.family?.sameFamily).toBe(true);
    expect(d.family.by).toBe('name');
  });
});
