// Shapes of the genre read in stop 41 (issues 27, 28, 32): a sentence written once for several items
// speaks only for those it names (以上第（一）至（四）项由A牵头) or, when it looks back (以上工作由B牵头),
// for the items before it; an action part whose items carry no note of their own holds tasks beside
// parts whose items do; 基本步骤 is a schedule; a plain duty handed to others as an encouragement (鼓励)
// is weakened; a word inside a title (《…鼓励…办法》) is no modal; a month with no year is of the year
// the other side dates; a share's level may follow it bare (城镇化率79.5%). The notices are short ones written for
// these rules (realistic in form, invented in content). Also: an item whose heading is only its title over
// paragraphs that each open with a lead sentence (a 规划's shape) holds one task per paragraph; 二○一一年
// (a circle for zero) is a date; 一、总体要求以… run together is a frame part.
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.js';
import { namedItems } from '../src/parse/closing-scope.js';
import { findObligations, findTargets } from '../src/parse/requirements.js';
import { readOwnerNote } from '../src/parse/owner-notes.js';
import { parseDateAtStart } from '../src/parse/dates.js';
import { compareDeadlines, extractDeadlines } from '../src/parse/deadlines.js';
import { diffNotices } from '../src/diff/index.js';
import { expectValid, validateParse } from './schema-support.js';

const HEAD = '某某县人民政府办公室关于印发某某县2022年主要指标任务分解的通知\n某政办〔2022〕11号\n各乡镇人民政府，县级各部门：\n现将有关事项通知如下。\n';
const TAIL = '某某县人民政府办公室\n2022年3月10日\n';
const parse = (body: string, name = 'plan.txt') => {
  const n = parseText(HEAD + body + TAIL, name, { asPlan: true });
  expectValid(validateParse, n, name);
  return n;
};

describe('the items a sentence names', () => {
  it('reads ranges and lists in either numbering', () => {
    expect([...namedItems('以上第（一）至（四）项指标由县发改局牵头汇总')!]).toEqual([1, 2, 3, 4]);
    expect([...namedItems('以上第1至5项由市发展改革委牵头')!]).toEqual([1, 2, 3, 4, 5]);
    expect([...namedItems('上述第1、3项由县财政局负责')!]).toEqual([1, 3]);
    expect([...namedItems('以上第5项由县商务局负责')!]).toEqual([5]);
    expect(namedItems('以上工作由县发改局牵头')).toBeUndefined();
  });
});

describe('a sentence for some items', () => {
  const body =
    '一、经济发展指标\n（一）地区生产总值增长7%左右。\n（二）第一产业增加值增长3%。\n（三）第二产业增加值增长6%。\n' +
    '以上第（一）至（三）项指标由县发改局牵头汇总，县经信局、县农业农村局按职责分工负责，完成时限为2022年12月底前。\n' +
    '（四）全社会固定资产投资增长12%。（县发改局牵头，县住建局配合，2022年12月底前完成）\n（五）进出口总额增长5%。（县商务局负责）\n（六）地方一般公共预算收入增长7%以上。（县财政局牵头，县税务局配合）\n';
  it('owns the items it names, and gives them its time; the items after it keep their own notes and no time', () => {
    const n = parse(body);
    expect(n.tasks.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(n.tasks.slice(0, 3).map((t) => t.lead)).toEqual([['县发改局'], ['县发改局'], ['县发改局']]);
    expect(n.tasks[0].assist).toEqual(['县经信局', '县农业农村局']);
    expect(n.tasks.slice(0, 3).map((t) => t.deadlines.map((d) => d.date))).toEqual([['2022-12-31'], ['2022-12-31'], ['2022-12-31']]);
    expect(n.tasks[4].lead).toEqual(['县商务局']);
    expect(n.tasks[4].deadlines).toEqual([]);
    expect(n.tasks[5].deadlines).toEqual([]);
  });
  it('a sentence that looks back owns the items before it, not those after it', () => {
    const n = parse(
      '一、稳定增长\n1.推进重点项目建设，全年完成投资50亿元。\n2.抓好工业企业技改，完成技改项目30个。\n以上工作由县发改局牵头，县经信局配合，2022年11月底前完成。\n' +
        '二、改善民生\n3.新增城镇就业4500人。（县人社局牵头）\n4.完成农村危房改造300户。\n5.新建村级养老服务站12个。（县民政局牵头，各乡镇人民政府配合）\n',
    );
    expect(n.tasks.map((t) => t.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(n.tasks[1].lead).toEqual(['县发改局']);
    expect(n.tasks[1].deadlines.map((d) => d.date)).toEqual(['2022-11-30']);
    expect(n.tasks[3].units).toEqual([]);
    expect(n.tasks[3].deadlines).toEqual([]);
  });
});

describe('an action part whose items carry no note', () => {
  it('holds tasks beside the parts whose items are noted', () => {
    const n = parse(
      '一、拓宽投资领域\n1.梳理交通、水利等领域具有一定收益的项目，每年向民间资本推介项目不少于30个。\n2.对规模较小的城市基础设施新建项目，优先向民间资本推介。\n' +
        '二、营造公平环境\n3.严格落实招标投标制度规定。（县发改局牵头，县财政局配合）\n4.清理妨碍公平竞争的规定。（县市场监管局负责）\n三、强化要素保障\n5.推广“创新积分制”。（县科技局牵头）\n6.完成中小企业数字化改造100家。（县经信局牵头）\n',
    );
    expect(n.tasks.map((t) => t.number)).toEqual(['1', '2', '3', '4', '5', '6']);
  });
  it('a part of steps (基本步骤) holds none', () => {
    const n = parse(
      '一、基本步骤\n1.组织排查。各乡镇全面排查燃气安全隐患。\n2.建立台账。建立隐患排查整治台账。\n' +
        '二、重点任务\n3.整治瓶装液化气违规经营。（县住建局牵头，县市场监管局配合）\n4.打击“黑气瓶”。（县市场监管局牵头，县公安局配合）\n5.排查餐饮场所用气安全。（县商务局牵头）\n',
    );
    expect(n.tasks.map((t) => t.number)).toEqual(['3', '4', '5']);
  });
});

describe('the strength of a restated duty', () => {
  const base = (text: string) => parseText(`某某市人民政府关于推进公共服务的实施意见\n某政发〔2022〕3号\n一、重点任务\n（一）${text}（市商务局负责）\n（二）完善社区服务设施。（市民政局负责）\n某某市人民政府\n2022年3月1日\n`, 'base.txt', { asPlan: true });
  const local = (text: string) => parseText(`某某县人民政府关于推进公共服务的实施方案\n某政〔2022〕8号\n一、重点任务\n（一）${text}（县商务局负责）\n（二）完善社区服务设施。（县民政局负责）\n某某县人民政府\n2022年4月1日\n`, 'local.txt', { asPlan: true });
  it('a plain duty handed to others as an encouragement (鼓励) is weakened', () => {
    const d = diffNotices(base('推行企业办事“一照通办”，推进净菜上市。'), local('鼓励推行企业办事“一照通办”，推进净菜上市。'));
    expect(d.strengthChanges.map((c) => [c.baseWord, c.localWord, c.change])).toEqual([['', '鼓励', 'weakened']]);
  });
  it('a plain duty restated with 支持 (its own support) is no change', () => {
    const d = diffNotices(base('推进国有文化企业兼并重组、转型升级。'), local('支持国有文化企业兼并重组、转型升级。'));
    expect(d.strengthChanges).toEqual([]);
  });
  it('a word inside a title is not a modal of the clause', () => {
    expect(findObligations('用好《鼓励电动汽车充换电设施发展扶持办法》，出台区级补贴政策')).toEqual([]);
  });
});

describe('times and figures written short', () => {
  const one = (text: string) => extractDeadlines(text, undefined)[0];
  it('a month with no year is compared in the year the other side dates', () => {
    expect(compareDeadlines(one('11月底前进行项目建设'), one('2011年10月31日前完成项目建设'))).toBe('earlier');
    expect(compareDeadlines(one('11月底前进行项目建设'), one('2011年11月30日前完成'))).toBe('same');
    expect(compareDeadlines(one('2011年4月15日前确定名单'), one('4月底前确定名单'))).toBe('later');
  });
  it('the level of a share may follow its name with no comparator', () => {
    expect(findTargets('常住人口城镇化率79.5%。').map((t) => [t.indicator, t.value])).toEqual([['常住人口城镇化率', 79.5]]);
    // a bare figure after another noun still measures nothing
    expect(findTargets('全市共有学校5%。')).toEqual([]);
  });
});

describe('brackets that are no owner note', () => {
  it('a short name given to the bodies before it (以下统称…) names no owner', () => {
    expect(readOwnerNote('以下统称省级中小企业主管部门', true)).toBeUndefined();
    expect(readOwnerNote('以下简称市发展改革委', false)).toBeUndefined();
    expect(readOwnerNote('市发展改革委牵头，市财政局配合', true)?.fields.lead).toEqual(['市发展改革委']);
  });
});

describe('indicator statements written as lead sentences', () => {
  const base = parseText(
    '某某市人民政府关于下达2022年主要预期目标的通知\n某政发〔2022〕2号\n一、民生改善目标\n1.城镇居民人均可支配收入增长7.3%。（牵头单位：市人社局）\n2.农村居民人均可支配收入增长8.2%。（牵头单位：市农业农村局）\n3.城镇新增就业2万人。（牵头单位：市人社局）\n某某市人民政府\n2022年2月1日\n',
    'base.txt',
    { asPlan: true },
  );
  const local = parseText(
    '某某县人民政府办公室关于分解2022年主要预期目标的通知\n某府办〔2022〕6号\n一、民生改善目标\n城镇居民收入稳定增长。城镇居民人均可支配收入力争增长7%。（牵头单位：县人社局）\n农村居民收入较快增长。农村居民人均可支配收入增长8.2%。（牵头单位：县农业农村局）\n就业形势保持稳定。城镇新增就业1500人。（牵头单位：县人社局）\n某某县人民政府办公室\n2022年3月1日\n',
    'local.txt',
    { asPlan: true },
  );
  it('城镇 and 农村 income are two indicators: each links to its own', () => {
    const d = diffNotices(base, local);
    expect(d.links.map((l) => `${l.base}→${l.local}`)).toEqual(['1→1', '2→2', '3→3']);
  });
});

describe('a 规划 and an excerpt as national bases are printed', () => {
  const plan =
    '国务院关于印发某某保护规划的通知\n国发〔2011〕99号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n现将《某某保护规划》印发给你们，请认真贯彻执行。\n国务院\n二○一一年十二月十五日\n某某保护规划\n' +
    '一、总体要求以科学发展观为指导，坚持保护优先，全面提升生态环境质量。\n' +
    '二、切实解决突出环境问题\n（一）实施多种大气污染物综合控制。\n深化颗粒物污染控制。加强工业烟粉尘控制，推进燃煤电厂除尘设施改造。\n加强挥发性有机污染物和有毒废气控制。加强石化行业生产过程排放控制。\n推进城市大气污染防治。建立区域空气环境质量评价体系。\n' +
    '（二）加强土壤环境保护。\n加强土壤环境保护制度建设。完善土壤环境质量标准。\n强化土壤环境监管。深化土壤环境调查。\n';
  it('reads the date with a circle for zero, the frame part, and one task per lead-sentence paragraph', () => {
    expect(parseDateAtStart('二○一一年十二月十五日')).toBe('2011-12-15');
    const n = parseText(plan, 'plan.txt', { asPlan: true });
    expect(n.meta.date).toBe('2011-12-15');
    expect(n.tasks.map((t) => t.title)).toEqual(['深化颗粒物污染控制', '加强挥发性有机污染物和有毒废气控制', '推进城市大气污染防治', '加强土壤环境保护制度建设', '强化土壤环境监管']);
  });
  it('an item whose heading carries its own text stays one task', () => {
    const n = parseText(plan.replace('（一）实施多种大气污染物综合控制。', '（一）实施多种大气污染物综合控制。到2015年重点区域细颗粒物浓度明显下降。'), 'plan.txt', { asPlan: true });
    expect(n.tasks[0].title).toBe('实施多种大气污染物综合控制');
  });
});
