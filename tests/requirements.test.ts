// Numeric targets and obligation strength (issue 32): what each task requires, read at parse time,
// and what a lower level weakened, compared over linked tasks.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.js';
import { diffNotices } from '../src/diff/index.js';
import { findObligations, findTargets, numberOf } from '../src/parse/requirements.js';
import { compareRequirements } from '../src/diff/requirements.js';
import { DEFAULT_DIFF_OPTIONS } from '../src/options.js';
import type { Link, Notice } from '../src/model.js';
import { runCli } from './helpers.js';
import { expectValid, validateDiff } from './schema-support.js';

const BASE = 'fixtures/requirements/guobanfa-written-base.txt';
const LOCAL = 'fixtures/requirements/city-written-local.txt';

describe('targets in a task', () => {
  it.each([
    ['网上可办率达到90%以上', { indicator: '网上可办率', bound: 'min', value: 90, unit: '%' }],
    ['企业开办时间压缩至3个工作日以内', { indicator: '企业开办时间', bound: 'max', value: 3, unit: '个工作日' }],
    ['每年培训窗口人员1000人次', { indicator: '每年培训窗口人员', bound: 'min', value: 1000, unit: '人次' }],
    ['到2020年，建成三个示范区', { bound: 'min', value: 3, unit: '个' }],
    ['小微企业贷款增速不低于各项贷款平均增速，贷款户数不少于5000户', { indicator: '贷款户数', value: 5000, unit: '户' }],
    ['85%以上事项实现网上审批', { indicator: '事项实现网上审批', value: 85 }],
    ['力争达到95%', { value: 95, hedged: true }],
    ['按研发投入的10%给予补助', { indicator: '研发投入', value: 10, unit: '%' }],
    // what an amount pays for is written after it; the verb before it names nothing
    ['对入选项目给予最高100万元的资助', { indicator: '入选项目…资助', value: 1000000, unit: '元' }],
    ['可按规定享受最高60万元的购房补贴', { indicator: '购房补贴', value: 600000, unit: '元' }],
    // a list in brackets does not end the clause; the item number and the currency name nothing
    ['（3）跨省（自治区、直辖市）社会团体应有10万元以上资金', { indicator: '跨省（自治区、直辖市）社会团体应有…资金', value: 100000 }],
    ['基金会基金数额不少于210万元人民币', { indicator: '基金会基金数额', value: 2100000 }],
    ['单家企业最高可获得3000元', { bound: 'max', value: 3000, unit: '元' }],
    ['为青年人才提供免租住房最长3年', { bound: 'max', value: 3, unit: '年' }],
    ['每家银行至少推出1款专属信贷产品', { value: 1, unit: '款' }],
    ['重点设防城市达到抗御7级左右地震的能力', { value: 7, unit: '级' }],
    // a time limit for doing something, and an amount a body is to give
    ['保险分支机构审批3个工作日内办结', { bound: 'max', value: 3, unit: '个工作日' }],
    ['已转制企业五年内免征房产税', { bound: 'max', value: 5, unit: '年' }],
    ['对获评的每个设区市给予100万元', { bound: 'min', value: 1000000, unit: '元' }],
    ['负责人年龄一般不超过70周岁', { bound: 'max', value: 70, unit: '周岁' }],
    // a range is one figure, its high end the value; 半 is a half before a unit of time; 万 may leave
    // its 元 unwritten before what the money pays; a comparator may take two bridge words (最高可资助)
    ['每区重点打造1—2个特色社区', { text: '1—2个', value: 2, unit: '个' }],
    ['提供最长半个月免费住宿', { text: '最长半个月', bound: 'max', value: 0.5, unit: '个月' }],
    ['给予最高100万的运营补助', { text: '最高100万', bound: 'max', value: 1000000, unit: '元' }],
    ['符合条件的最高可资助20万元', { text: '最高可资助20万元', bound: 'max', value: 200000 }],
    // how long a benefit lasts, right after the verb that grants it
    ['入驻企业可免费享受3个月的模型使用', { text: '3个月', value: 3, unit: '个月' }],
    ['为外地来郑创新创业青年提供7天免费住宿', { text: '7天', value: 7, unit: '天' }],
    ['对进入沙盒的OPC给予1—3年观察期', { text: '1—3年', value: 3, unit: '年' }],
    // a bare count after the verb that makes it (修复, 创建), in 处 / 公顷 / kg; a verb alone names nothing
    ['修复30座公园水体水生态', { value: 30, unit: '座' }],
    ['创建20个特色小区', { value: 20, unit: '个' }],
    ['建立3个示范点', { indicator: '示范点', value: 3, unit: '个' }],
    ['每年需根据重大决策确定1-2个重点课题', { text: '1-2个', value: 2, unit: '个' }],
    ['存放气瓶总重量超过60kg', { indicator: '存放气瓶总重量', value: 60, unit: 'kg' }],
    // a list of what is done may sit between the verb and its count (幼儿园、中小学20所), and it may be long
    ['新建和改扩建幼儿园、中小学20所', { value: 20, unit: '所' }],
    ['开展惠民演出、文化下乡、文化进万家等活动200场次', { value: 200, unit: '场次' }],
    ['完成老旧楼院维修改造，电梯加装245部', { value: 245, unit: '部' }],
  ])('%s', (text, want) => {
    expect(findTargets(text)).toEqual([expect.objectContaining(want)]);
  });

  it('every figure of a list under one verb counts', () => {
    expect(findTargets('打造儿童户外游戏空间100处、宠物友好公园10座，开放草坪及林下空间60公顷以上').map((t) => `${t.indicator}:${t.value}${t.unit}`)).toEqual(['打造儿童户外游戏空间:100处', '宠物友好公园:10座', '开放草坪及林下空间:60公顷']);
  });

  it('a day of the week is not a count (每周三项目协调日), nor a figure a quotation opens with (“36条办法”, “四个舟山”)', () => {
    expect(findTargets('建立每周三项目协调日制度')).toEqual([]);
    // a rate of change is a target: 增长12%, 下降3.5%, 提高1.5个百分点 (growth without a figure is none)
    expect(findTargets('地区生产总值增长12%，单位地区生产总值能耗下降3.5%，服务业比重提高1.5个百分点，居民收入稳步增长').map((t) => `${t.value}${t.unit}`)).toEqual(['12%', '3.5%', '1.5个百分点']);
    expect(findTargets('严格执行我省“36条办法”。建设“四个舟山”，建立“五大会战”五张清单')).toEqual([]);
  });

  it('dates, years, ordinals and bare numbers are not targets', () => {
    expect(findTargets('2020年底前完成，第3个阶段开展评估，投入5%的资金')).toEqual([]);
    expect(findTargets('形成一批可复制的经验，深化“最多跑一次”改革，每年确定一个课题')).toEqual([]);
    // a span counted from an event is a deadline's
    expect(findTargets('各类文件须于文件形成之日起10天内公开发布')).toEqual([]);
    // and so is a span the act is to be done in (在…内): when it is due, not a standard kept
    expect(findTargets('中选药品应在2—3年内完成替代，注销须在5个工作日内向主管单位备案，确保1年内完成合同用量')).toEqual([]);
    expect(findTargets('企业开办1个工作日内办结').map((t) => t.text)).toEqual(['1个工作日内']);
    // what is already done is a state
    expect(findTargets('全省已建成6个示范社区，已经达到90%以上')).toEqual([]);
    expect(findTargets('集群标准机架达到5万架').map((t) => [t.value, t.unit])).toEqual([[50000, '架']]);
    // a span after any other verb is when something is due, not how long a benefit lasts
    expect(findTargets('各地开展3个月专项整治')).toEqual([]);
    // 万 with no unit and nothing paid after it is no amount; 上半年 is a date
    expect(findTargets('全市人口达到100万，上半年完成验收')).toEqual([]);
    // once a period is a frequency, not an amount (ten a year is one)
    expect(findTargets('每年举办1次创业大赛，每季度至少开展1期沙龙，每年发布1批场景清单')).toEqual([]);
    expect(findTargets('每年举办赛会活动10场以上').map((t) => t.value)).toEqual([10]);
  });

  it('reads Chinese numerals', () => {
    expect([numberOf('三'), numberOf('十五'), numberOf('一百二十'), numberOf('两千'), numberOf('12.5')]).toEqual([3, 15, 120, 2000, 12.5]);
  });
});

describe('obligation clauses in a task', () => {
  it('gives each clause with a modal word its strength class', () => {
    const o = findObligations('各地区必须建立台账，确保按期完成；力争年底前全覆盖，鼓励社会资本参与。可以先行试点，不得变相收费，要加强督查。');
    expect(o.map((x) => [x.word, x.strength])).toEqual([
      ['必须', 'binding'], ['确保', 'binding'], ['力争', 'encouraged'], ['鼓励', 'encouraged'], ['可以', 'permitted'], ['不得', 'prohibited'], ['要', 'expected'],
    ]);
  });

  it('a modal character inside another word or sense is not one', () => {
    expect(findObligations('这是重要举措，主要内容是要素保障，满足群众需求，积极争取国家资金')).toEqual([]);
    expect(findObligations('行政许可决定信息公开，推进可持续发展，提高可行性')).toEqual([]);
    // 支持 as a noun: a system of support, support given or provided
    expect(findObligations('构建创业投资基金支持体系，加大信贷支持力度，提供安居支持')).toEqual([]);
    expect(findObligations('推进可视化管理')).toEqual([]);
    // 可 inside a word (可燃, 可回收, 可复制), 禁止 naming a kind of thing (禁止使用的气瓶, 禁止类)
    expect(findObligations('加强可燃气体探测器监管，推进可回收物分类，形成可复制经验')).toEqual([]);
    expect(findObligations('查处使用禁止使用的气瓶的行为，严控禁止类项目')).toEqual([]);
    expect(findObligations('可视情采用约谈方式').map((o) => o.word)).toEqual(['可']);
    // 可支配收入 is an income one may spend, not a permission
    expect(findObligations('城镇居民人均可支配收入增长7%')).toEqual([]);
    expect(findObligations('城镇居民人均可支配收入力争增长7%').map((o) => o.word)).toEqual(['力争']);
    // what is not banned is no ban
    expect(findObligations('对负面清单以外、法律法规未明确禁止的领域，实行包容审慎监管')).toEqual([]);
    expect(findObligations('各镇街可视情设立服务驿站').map((x) => x.word)).toEqual(['可']);
    // after a modal, 支持 is the verb it governs: a permission to support, not an encouragement
    expect(findObligations('市级财政可通过专项资金渠道支持文化企业发展').map((x) => x.word)).toEqual(['可']);
    // 严格执行 and 切实保障 are verbs with an adverb, not modal words
    expect(findObligations('严格执行省级平台建设标准，切实保障职工合法权益')).toEqual([]);
  });

  it('支持 before the name of whom it supports is the encouragement, whatever script the name is in', () => {
    expect(findObligations('支持OPC参与公共数据产品再开发，支持5G基站共建共享').map((x) => [x.word, x.strength])).toEqual([['支持', 'encouraged'], ['支持', 'encouraged']]);
  });

  it('a word inside brackets is a note or a condition, not the strength of its clause', () => {
    expect(findObligations('允许银行将交易所出具的纸质交易凭证（须经交易双方确认）替代贸易合同').map((x) => x.word)).toEqual(['允许']);
    expect(findObligations('做好宣传（省应急管理厅牵头）')).toEqual([]);
  });

  it('引导 with nothing it guides after it is a noun or a plain verb, not an encouragement', () => {
    expect(findObligations('开展实践引导、分类指导，发挥市级产业引导基金作用')).toEqual([]);
    expect(findObligations('引导社会资本投资文化产业').map((x) => x.strength)).toEqual(['encouraged']);
  });

  it('杜绝 puts an end to a fault, an aim like 避免, not a ban', () => {
    expect(findObligations('杜绝答非所问、空洞说教').map((x) => x.strength)).toEqual(['expected']);
  });
});

describe('which word changes count', () => {
  // one linked task each side: what the strength comparison alone reports
  const one = (base: string, local: string) => {
    const notice = (text: string) => ({ tasks: [{ id: '1', text, targets: findTargets(text), obligations: findObligations(text) }] }) as unknown as Notice;
    return compareRequirements(notice(base), notice(local), [{ base: '1', local: '1' } as Link], DEFAULT_DIFF_OPTIONS.requirements).strengthChanges.map((c) => `${c.baseWord || '∅'}→${c.localWord || '∅'} ${c.change}`);
  };
  it.each([
    // the parent's encouragement of others done plainly, or a plain duty given 要/必须, is style
    ['支持高校开设智算课程', '推动高校开设智算课程', []],
    ['建设人才公寓', '支持建设人才公寓', []],
    // …but an encouragement of the lower levels themselves that the lower level states as its own duty was taken up
    // (since stop 44: the blind sets mark it so, pairs-AN and -AK among them)
    ['支持各地建设人才公寓', '建设人才公寓', ['支持→∅ strengthened']],
    ['各地要建设人才公寓', '各地建设人才公寓', []],
    // 要坚决 is as firm as 一律
    ['确属无力维护的要坚决关停', '确属无力维护的一律关停', []],
    ['确属无力维护的要关停', '确属无力维护的一律关停', ['要→一律 strengthened']],
    // an aim the lower level states plainly is what implementing it means; the reverse hedges a duty
    ['探索建立容错机制', '建立容错机制', []],
    // an aim or a permission the lower level puts on a plain duty, with no clause of its own to pair
    // with, hedges it; beside the duty restated outright it is an addition
    ['加快完成铁路道口“平改立”', '力争2023年底前完成2处道口“平改立”', ['∅→力争 weakened']],
    ['对创业失败的，落实就业援助和社会救助等保障措施', '对创业失败的，可按规定给予就业援助', ['∅→可 weakened']],
    ['力争年底前完成改造', '力争年内完成改造，探索分批实施', []],
    ['建立容错机制', '探索建立容错机制', ['∅→探索 weakened']],
    ['确保合理诉求得到有效解决', '力争合理诉求得到有效解决', ['确保→力争 weakened']],
    ['鼓励银行推出算力贷产品', '市级银行要推出算力贷产品', ['鼓励→要 strengthened']],
    ['鼓励有条件的地市组建创新中心', '有条件的县可组建创新中心', ['鼓励→可 weakened']],
    // 应 binds as 要 does, and less than 必须
    ['服务应依托已有平台', '服务必须依托已有平台', ['应→必须 strengthened']],
    ['服务应依托已有平台', '服务要依托已有平台', []],
    ['科研仪器按有关规定执行', '科研仪器必须按有关规定执行', ['∅→必须 strengthened']],
    ['确保按期完成改造任务', '按期完成改造任务', ['确保→∅ weakened']],
    ['不得刊登商业广告', '原则上不刊登商业广告', ['不得→原则上不 weakened']],
    // 原则上 leaves exceptions open: just below the same duty stated outright
    // an aim the lower level only may take up (可探索) is weaker than the aim
    ['探索建立政府搭台、企业参与的众创模式', '可探索建立政府搭台、企业参与的众创模式', ['探索→可 weakened']],
    ['原则上一人只能担任一个社会团体的法定代表人', '一人只能担任一个社会团体的法定代表人', ['原则上→∅ strengthened']],
    ['在年度督查中实行免督查', '在年度督查中原则上实行免督查', ['∅→原则上 weakened']],
    // the lower level's own discretion (可) made a duty, and the reverse; a latitude granted to others (允许) restated plainly is none
    ['不足部分可由省财政予以补贴', '不足部分由省财政予以补贴', ['可→∅ strengthened']],
    ['免收车辆通行费和停车费', '免收车辆通行费和停车费，各市可结合实际减免', []],
    ['允许在综合保税区内开展保税展示业务', '在综合保税区内开展保税展示业务', []],
    // a ban the lower level no longer states anywhere is removed; one kept in other words is not
    ['规范收费行为，不得收取规定之外的附加费用', '规范收费行为', ['不得→∅ prohibition-removed']],
    ['规范收费行为，不得收取规定之外的附加费用', '规范收费行为，一律不收取附加费用', []],
    // a ban or a must the lower level adds to a carried task binds it harder
    ['加强网站安全检测', '加强网站安全检测，严禁未经检测的网站上线运行', ['∅→严禁 strengthened']],
    ['未经审核的文件不得提交集体审议', '未经审核的文件一律不得提交市政府常务会议审议', []],
  ])('%s → %s', (base, local, want) => {
    expect(one(base, local)).toEqual(want);
  });
});

describe('targets paired across a link', () => {
  const one = (base: string, local: string) => {
    const notice = (text: string) => ({ tasks: [{ id: '1', text, targets: findTargets(text), obligations: findObligations(text) }] }) as unknown as Notice;
    return compareRequirements(notice(base), notice(local), [{ base: '1', local: '1' } as Link], DEFAULT_DIFF_OPTIONS.requirements).targetChanges.map((c) => `${c.baseTarget || '∅'}→${c.localTarget || '∅'} ${c.change}`);
  };
  it('the only target of its unit on each side is one target, however its indicator is worded', () => {
    expect(one('为青年人才提供免租住房最长3年', '人才公寓免租期限最长4年')).toEqual(['最长3年→最长4年 raised']);
    // the same amount written at another scale
    expect(one('每个项目给予最高3万元补贴', '每个项目给予最高30000元补贴')).toEqual(['最高3万元→最高30000元 changed-unit']);
    expect(one('全省算力规模达3000P', '全市算力规模达到1000P')).toEqual(['达3000P→达到1000P lowered']);
    // two of a unit on one side: paired by what they measure, not by their unit alone
    // (a figure whose measure the lower level does not restate at all went with it: not a target removed)
    expect(one('基金会基金数额不少于210万元，社会团体资金不少于10万元', '社会团体资金不少于3万元')).toEqual(['不少于10万元→不少于3万元 lowered']);
    expect(one('基金会基金数额不少于210万元，社会团体资金不少于10万元', '社会团体资金不少于3万元，基金会基金数额由省民政厅核定')).toEqual(['不少于10万元→不少于3万元 lowered', '不少于210万元→∅ removed']);
    // several amounts of a measure: each paired by what it pays for, written after it; an amount is
    // never the restatement of a span of time (最高300万元的安居补贴 is not 最长5年的安居补贴)
    expect(one('对入选项目给予最高100万元的资助。新引进人才可享受最高60万元的购房补贴和最高300万元的安居补贴', '新引进人才可享受最高30万元的购房补贴。对入选项目给予最高50万元的资助')).toEqual(['最高100万元→最高50万元 lowered', '最高60万元→最高30万元 lowered']);
    expect(one('可享受最高300万元的安居补贴', '安居补贴最长5年')).toEqual(['∅→最长5年 added']);
  });
});

describe('a lower level that weakens what it carries', () => {
  const base = parseText(readFileSync(BASE, 'utf8'), BASE);
  const local = parseText(readFileSync(LOCAL, 'utf8'), LOCAL);

  it('reports every lowered target and weakened word, clause beside clause, and nothing else', () => {
    const d = diffNotices(base, local);
    expectValid(validateDiff, d, 'requirements diff');
    expect(d.targetChanges.map((t) => [t.base, t.local, t.baseTarget, t.localTarget, t.change, t.weaker])).toEqual([
      ['1', '1', '达到90%以上', '达到80%以上', 'lowered', true],
      ['2', '2', '压缩至3个工作日以内', '压缩至5个工作日以内', 'raised', true],
      ['4', '4', '1000人次', '500人次', 'lowered', true],
    ]);
    expect(d.strengthChanges.map((s) => [s.base, s.baseWord, s.localWord, s.change])).toEqual([
      ['1', '必须', '要', 'weakened'],
      ['2', '确保', '力争', 'weakened'],
      ['3', '不得', '原则上不', 'weakened'],
      ['4', '应当', '可以', 'weakened'],
    ]);
    expect(d.strengthChanges[2]).toMatchObject({ baseClause: '各地区不得向企业收取任何费用', localClause: '各地区原则上不向企业收取费用' });
    expect(d.summary).toMatchObject({ targetChanges: 3, targetsWeaker: 3, weakened: 4 });
    // a ban restated without any negation is gone
    const gone = parseText(readFileSync(LOCAL, 'utf8').replace('原则上不向企业收取费用', '向企业收取合理费用'), LOCAL);
    expect(diffNotices(base, gone).strengthChanges[2]).toMatchObject({ baseWord: '不得', change: 'prohibition-removed' });
  });

  it('the reverse diff strengthens and raises', () => {
    const d = diffNotices(local, base);
    expect(d.strengthChanges.map((s) => s.change)).toEqual(['strengthened', 'strengthened', 'strengthened', 'strengthened']);
    expect(d.strengthChanges[2]).toMatchObject({ baseClause: '各地区原则上不向企业收取费用', localWord: '不得' });
    expect(d.targetChanges.every((t) => t.weaker === false)).toBe(true);
  });

  it('a notice against itself, and every seed against itself, has no changes', () => {
    for (const f of [BASE, 'fixtures/002_2cdac00586eece9b.txt', 'fixtures/000_5b73fe2b8637f3d3.txt', 'fixtures/001_2a7fecd8e03c454a.txt']) {
      const n = parseText(readFileSync(f, 'utf8'), f);
      const d = diffNotices(n, n);
      expect([d.targetChanges, d.strengthChanges], f).toEqual([[], []]);
    }
  });

  it('rewording that keeps the word keeps the strength (property)', () => {
    const fillers = ['进一步', '切实', '全面', '认真', '加快', '扎实', '全市', '各部门'];
    const words = ['确保', '必须', '力争', '不得', '可以', '应当'];
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.array(fc.constantFrom(...fillers), { maxLength: 3 }), fc.array(fc.constantFrom(...fillers), { maxLength: 3 }), (word, pre, post) => {
        const head = '某市人民政府关于推进政务公开的实施方案\n一、重点任务\n';
        const b = parseText(`${head}（一）推进政务公开。各单位${word}按时公开政府信息目录，定期更新。（市政府办公室负责）\n`, 'b.txt');
        const l = parseText(`${head}（一）推进政务公开。${pre.join('')}各单位${word}${post.join('')}按时公开政府信息目录，定期更新。（市府办负责）\n`, 'l.txt');
        expect(diffNotices(b, l).strengthChanges).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('--fail-on target:lowered / strength:weakened make a CI step fail; text and Markdown show the section', async () => {
    const fail = await runCli(['diff', BASE, LOCAL, '--quiet', '--fail-on', 'strength:weakened']);
    expect(fail.code).toBe(1);
    const pass = await runCli(['diff', BASE, LOCAL, '--quiet', '--fail-on', 'strength:strengthened,target:added']);
    expect(pass.code).toBe(0);
    const bad = await runCli(['diff', BASE, LOCAL, '--fail-on', 'target:halved']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown target class "halved"/);
    const text = await runCli(['diff', BASE, LOCAL]);
    expect(text.out).toMatch(/Target changes \(3\)\n {2}lowered \(2\)\n {4}1 → 1 {2}网上可办率: 达到90%以上 → 达到80%以上 \(asks less\)/);
    expect(text.out).toMatch(/weakened \(4\)\n {4}1 → 1 {2}各地区【必须】将依申请政务服务事项全部纳入平台办理 → 各县（市、区）【要】将/);
    const md = await runCli(['diff', BASE, LOCAL, '--format', 'md']);
    expect(md.out).toMatch(/## Obligation strength \(4\)/);
  });

  it('the HTML page marks the changed word in the row and lists every change; CSV has a column each', async () => {
    const page = (await runCli(['diff', BASE, LOCAL, '--format', 'html'])).out;
    // the row of task 1 carries both kinds, filterable, the two words marked
    expect(page).toMatch(/data-st="[^"]*\btarget\b[^"]*\bstrength\b/);
    expect(page).toContain('各地区<mark class="word">必须</mark>将依申请政务服务事项全部纳入平台办理 → 各县（市、区）<mark class="word">要</mark>将');
    expect(page).toMatch(/id="[^"]*-requirements"/);
    expect(page.match(/<tr data-st="(?:lowered|raised|removed|added|changed-unit|weakened|strengthened|prohibition-removed)">/g)).toHaveLength(7);
    const csv = (await runCli(['diff', BASE, LOCAL, '--format', 'csv'])).out.split('\r\n');
    expect(csv[0]).toMatch(/,target_changes,strength_changes$/);
    expect(csv.find((r) => r.startsWith('1,'))).toMatch(/,1:lowered,1:weakened$/);
  });
});
