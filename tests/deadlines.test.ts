import { describe, it, expect } from 'vitest';
import { compareDeadlines, extractDeadlines, parseDeadlineCell, periodStartYear, sameDeadline } from '../src/parse/deadlines.js';

const one = (text: string, docYear?: number) => {
  const found = extractDeadlines(text, docYear);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0];
};
const cell = (text: string, docYear?: number) => parseDeadlineCell(text, docYear);

describe('extractDeadlines: what is not a time requirement', () => {
  it('a policy’s own term (执行期限为…至…, 有效期至…) is how long it applies, not a deadline', () => {
    expect(extractDeadlines('本规定执行期限为2019年1月1日至2023年12月31日。', 2019)).toEqual([]);
    expect(extractDeadlines('本办法有效期至2025年底。各地要在2019年底前完成清理。', 2019).map((d) => d.text)).toEqual(['2019年底前']);
  });
});

describe('extractDeadlines: time words that set no time (issue 27)', () => {
  const texts = (t: string, y?: number) => extractDeadlines(t, y).map((d) => d.text);
  it('an amount per year is a target, a count of times per year a cycle', () => {
    expect(texts('每年发放算力券不少于200万元')).toEqual([]);
    expect(texts('单个企业每年最高补贴5万元')).toEqual([]);
    expect(texts('每年培训创业者不少于1000人次')).toEqual([]);
    expect(texts('每年举办1次创业大赛')).toEqual(['每年']);
    expect(texts('每年发布1批典型案例')).toEqual(['每年']);
    expect(texts('每年至少开展2次')).toEqual(['每年']);
    expect(texts('每年3月底前报送1份报告，补助不少于10万元')).toEqual(['每年3月底前']);
  });
  it('a year’s amount, a publication date and a consultation’s close set no time', () => {
    expect(texts('按不超过模型调用产生的年度Token（词元）消耗量对应实际费用的30%给予补贴')).toEqual([]);
    expect(texts('为每家企业每年提供不少于1000卡时的免费算力服务')).toEqual([]);
    expect(texts('杭州市科学技术局2026年5月25日发布', 2026)).toEqual([]);
    expect(texts('征求意见截止2026年6月24日', 2026)).toEqual([]);
    expect(texts('2026年6月底前发布实施细则', 2026)).toEqual(['2026年6月底前']);
  });
  it('常态化 before an act is a regular duty of kind ongoing; 常态化…机制 names a mechanism', () => {
    expect(extractDeadlines('常态化举办创业大赛、技术沙龙等活动')).toMatchObject([{ kind: 'ongoing', text: '常态化举办' }]);
    expect(extractDeadlines('建立常态化推进机制')).toEqual([]);
    expect(extractDeadlines('每年常态化开展培训').map((d) => d.kind)).toEqual(['recurring']);
  });
  it('a processing time, a benefit period, a distance in age, a rule taking effect', () => {
    expect(texts('实现企业开办1个工作日内办结')).toEqual([]);
    expect(texts('转制为企业后，五年内免征企业所得税')).toEqual([]);
    expect(texts('自2019年1月1日起可继续免征五年企业所得税')).toEqual([]);
    expect(texts('本办法自2019年1月1日起施行')).toEqual([]);
    expect(texts('对距国家法定退休年龄五年以内的人员')).toEqual([]);
    expect(texts('受理后10个工作日内报送审核意见')).toEqual(['10个工作日内']);
  });
  it('an annual plan that takes an item in, and a year’s amount, are no yearly act', () => {
    expect(texts('必须列入国民经济和社会发展计划和年度计划')).toEqual([]);
    expect(texts('按照公立医疗机构年度药品总用量的60%估算')).toEqual([]);
    expect(texts('制订年度工作计划')).toEqual(['年度']);
  });
  it('截至 a date of a state already reached is no deadline; 截止…前 is one', () => {
    expect(texts('截至2018年底，全省已建成示范社区100个')).toEqual([]);
    expect(texts('截止2019年6月底前完成清理')).toEqual(['截止2019年6月底前']);
  });
  it('a year-by-year breakdown of quotas sets no deadline; a single year heading an amount does', () => {
    expect(texts('以1995年招生80名为基数，1996年招收100名，1997年招收110名，1998年达到110名的招生规模。')).toEqual([]);
    expect(texts('2020年基本建成甲乙体系，2022年全面建成丙丁体系。')).toEqual(['2020年', '2022年']);
    expect(one('有序推进数据开放，2026年打造公共数据产品20款。')).toMatchObject({ kind: 'by', date: '2026-12-31', text: '2026年' });
    expect(texts('认真落实2018年政府工作报告')).toEqual([]);
  });
});

describe('extractDeadlines: schedules and plan periods (issue 27)', () => {
  it('reads each bare month that heads a step of a schedule, with its own clause', () => {
    expect(extractDeadlines('联合高校建设服务平台，计划5月在沈阳地区试运行、6月向全省推广。', 2026)).toEqual([
      { text: '5月', kind: 'by', date: '2026-05-31', clause: '5月在沈阳地区试运行' },
      { text: '6月', kind: 'by', date: '2026-06-30', clause: '6月向全省推广' },
    ]);
    expect(extractDeadlines('每年3月、6月开展', 2026).map((d) => d.text)).toEqual(['每年3月']);
    expect(extractDeadlines('5月份的数据和3月的报表', 2026)).toEqual([]);
  });
  it('reads a five-year-plan period by its end', () => {
    expect(one('经过“九五”期间的努力，使其具备抗御能力')).toMatchObject({ kind: 'range', start: '1996-01-01', end: '2000-12-31' });
    expect(one('到“十四五”末，全面建成')).toMatchObject({ kind: 'by', date: '2025-12-31' });
    expect(extractDeadlines('列入“九五”计划和“十四五”规划')).toEqual([]);
  });
  it('reads X年提前完成 as a target year', () => {
    expect(one('确保1997年提前完成扩招任务')).toMatchObject({ kind: 'by', date: '1997-12-31' });
  });
  it('takes an undated plan’s year from the period in its title', () => {
    expect(periodStartYear('辽宁省人工智能OPC培育发展实施方案（2026-2028年）')).toBe(2026);
    expect(periodStartYear('某某行动计划（2018—2020年）')).toBe(2018);
    expect(periodStartYear('某某实施方案')).toBeUndefined();
  });
});

describe('extractDeadlines: by', () => {
  it('reads 2018年底 with its clause', () => {
    expect(one('全面推广政务钉钉，2018年底实现政务钉钉全覆盖。')).toEqual({
      text: '2018年底',
      kind: 'by',
      date: '2018-12-31',
      clause: '2018年底实现政务钉钉全覆盖',
    });
  });

  it('reads 2020年底前, also with a stray space', () => {
    for (const t of ['启动编制重点领域基本公共服务标准，2020年底前建成基本公共服务标准体系。', '启动编制重点领域基本公共服务标准，2020 年底前建成基本公共服务标准体系。']) {
      const d = one(t);
      expect(d.kind).toBe('by');
      expect(d.date).toBe('2020-12-31');
      expect(d.clause.replace(' ', '')).toBe('2020年底前建成基本公共服务标准体系');
    }
  });

  it('extends a clause that is only the time expression to the end of the sentence', () => {
    const d = one('全面建立乡镇（街道）综合信息指挥室。2022年底前，建立乡镇（街道）全面覆盖、功能集成、互联互通、运行协同的基层治理体系。');
    expect(d).toMatchObject({ text: '2022年底前', kind: 'by', date: '2022-12-31' });
    expect(d.clause).toBe('2022年底前，建立乡镇（街道）全面覆盖、功能集成、互联互通、运行协同的基层治理体系');
  });

  it('strips a leading sentence number from the clause', () => {
    const d = one('1．2022年底前，建立基层治理体系；加强考核。');
    expect(d.clause).toBe('2022年底前，建立基层治理体系');
  });

  it('reads month, day, half-year and quarter deadlines', () => {
    const cases: [string, string][] = [
      ['2018年9月底前', '2018-09-30'],
      ['2018年年底', '2018-12-31'],
      ['2018年末', '2018-12-31'],
      ['2018年12月底前全覆盖', '2018-12-31'],
      ['2018年9月前', '2018-09-30'],
      ['2019年2月底前', '2019-02-28'],
      ['2018年6月30日前', '2018-06-30'],
      ['2019年上半年', '2019-06-30'],
      ['2019年一季度', '2019-03-31'],
      ['2019年第三季度', '2019-09-30'],
      ['2018年内完成', '2018-12-31'],
      ['二〇一八年十二月底前', '2018-12-31'],
      ['２０１９年６月底前', '2019-06-30'],
      ['截至2018年底', '2018-12-31'],
    ];
    for (const [text, date] of cases) expect(one(`开展试点，${text}完成。`), text).toMatchObject({ kind: 'by', date });
  });

  it('reads 今明两年 (this year and next) as the end of the next year, and nothing where the notice states no year', () => {
    expect(extractDeadlines('今明两年新建改建农村公路120公里', 2014)).toEqual([expect.objectContaining({ kind: 'by', date: '2015-12-31', text: '今明两年' })]);
    expect(extractDeadlines('今明两年新建改建农村公路120公里')).toEqual([]);
    // 到年底 is the document year's end; 年末 alone is no time
    expect(extractDeadlines('到年底，生活垃圾分类覆盖率达到90%', 2019)).toEqual([expect.objectContaining({ kind: 'by', date: '2019-12-31' })]);
    expect(extractDeadlines('年末有考评', 2019)).toEqual([]);
  });

  it('reads 到2022年 / 力争到2022年 and a year followed by an achievement verb', () => {
    const d = one('力争到 2022 年，基本建立机构设置科学、职能定位准确、运行高效透明的现代政府，基本建立科学的指标体系。');
    expect(d).toMatchObject({ kind: 'by', date: '2022-12-31', text: '力争到 2022 年' });
    expect(d.clause).toBe('力争到 2022 年，基本建立机构设置科学、职能定位准确、运行高效透明的现代政府，基本建立科学的指标体系');
    expect(one('到2022年，政府职能转变基本完成。')).toMatchObject({ text: '到2022年', date: '2022-12-31' });
    const v = one('开展基层政务公开标准化规范化试点，2022 年全面实现基层政务公开标准化规范化。');
    expect(v).toMatchObject({ kind: 'by', date: '2022-12-31', clause: '2022 年全面实现基层政务公开标准化规范化' });
  });

  it('reads month-only deadlines with the document year, and omits the date without one', () => {
    expect(one('经济效益好的，10月底前启动转制。', 2018)).toMatchObject({ kind: 'by', date: '2018-10-31', text: '10月底前' });
    expect(one('7月底前完成。', 2019)).toMatchObject({ date: '2019-07-31' });
    const undated = one('12月底前完成。');
    expect(undated.kind).toBe('by');
    expect(undated.date).toBeUndefined();
    expect(one('经济效益好的，年底前启动转制。', 2017)).toMatchObject({ kind: 'by', text: '年底前', date: '2017-12-31' });
  });

  it('keeps the sentence part of a clause that does not start with the expression', () => {
    const d = one('（一）各市、县（市、区）政府和省级各部门要于2018年6月底前，制订本行动计划实施方案。');
    expect(d).toMatchObject({ date: '2018-06-30', clause: '各市、县（市、区）政府和省级各部门要于2018年6月底前' });
  });

  it('does not read a bare year as a deadline', () => {
    expect(extractDeadlines('认真落实2018年政府工作报告，2018年以来成效明显。')).toEqual([]);
  });
});

describe('extractDeadlines: range and from', () => {
  it('reads year ranges written in every common way', () => {
    for (const t of ['2018—2022年', '2018-2022年', '2018年—2022年', '2018至2022年', '2018～2022年', '2018年到2022年', '从2018年到2022年']) {
      expect(one(`开展高端智库建设试点，${t}分批推开。`), t).toMatchObject({
        kind: 'range',
        start: '2018-01-01',
        end: '2022-12-31',
        date: '2022-12-31',
      });
    }
  });

  it('skips periods in cited titles and plan-name parentheses', () => {
    expect(extractDeadlines('深入贯彻落实《县乡法治政府建设行动计划（2018—2020年）》')).toEqual([]);
    expect(extractDeadlines('浙江省人民政府关于印发政府“两强三提高” 建设行动计划(2018—2022年)的通知')).toEqual([]);
    expect(extractDeadlines('政府“两强三提高”建设行动计划 (2018-2022年)实施方案')).toEqual([]);
    expect(extractDeadlines('(2018—2022 年)')).toEqual([]);
    expect(extractDeadlines('认真实施《浙江省公务员三年行动计划》和《2018年度工作要点》')).toEqual([]);
  });

  it('reads 2018年起 as a start', () => {
    const d = one('深入整治“四风”难题，严把办文办会关，2018年起各级政府文件、会议数量和会议经费原则上不得增加。');
    expect(d).toEqual({
      text: '2018年起',
      kind: 'from',
      start: '2018-01-01',
      clause: '2018年起各级政府文件、会议数量和会议经费原则上不得增加',
    });
    expect(one('从2018年起逐步推开。')).toMatchObject({ kind: 'from', text: '从2018年起', start: '2018-01-01' });
    expect(one('自2019年7月起全面推行。')).toMatchObject({ kind: 'from', start: '2019-07-01' });
  });

  it('reads 前开始 as a deadline, not a start', () => {
    expect(cell('2018年9月底前开始运行')).toMatchObject({ kind: 'by', date: '2018-09-30', text: '2018年9月底前' });
  });
});

describe('extractDeadlines: recurring', () => {
  it('reads 每年 inside a clause with an amount', () => {
    const d = one('提高科学谋划的前瞻性和精准度。省级各部门、各级政府每年确定10个左右重点课题，切实将课题成果转化为政策或工作举措。');
    expect(d).toEqual({ text: '每年', kind: 'recurring', frequency: 'yearly', clause: '省级各部门、各级政府每年确定10个左右重点课题' });
  });

  it('reads 年度 as a yearly requirement', () => {
    expect(one('制订年度重大行政决策第三方评估计划，对重大行政决策执行情况进行客观、公正、独立的第三方评估。')).toMatchObject({
      text: '年度',
      kind: 'recurring',
      frequency: 'yearly',
      clause: '制订年度重大行政决策第三方评估计划',
    });
  });

  it('reads a stage of months as one period, compared by its end', () => {
    expect(extractDeadlines('第一阶段（1997年4―6月）为自查阶段').map((d) => [d.kind, d.start, d.date])).toEqual([['range', '1997-04-01', '1997-06-30']]);
    expect(extractDeadlines('2019年4月至6月开展排查').map((d) => [d.kind, d.date])).toEqual([['range', '2019-06-30']]);
    expect(extractDeadlines('第三阶段（1997年10月——1998年2月）为审定阶段').map((d) => [d.kind, d.start, d.date])).toEqual([['range', '1997-10-01', '1998-02-28']]);
  });

  it('a year set off by a comma at the head of a sentence, or after 力争, says when', () => {
    expect(extractDeadlines('畅通医保结算渠道。2024年，选取部分基层医疗卫生机构试点，开展按人头付费改革。').map((d) => [d.kind, d.date])).toEqual([['by', '2024-12-31']]);
    expect(extractDeadlines('优先保障基层用人需求，力争2025年每千常住人口基层卫生人员数不低于3.5人。').map((d) => [d.kind, d.date])).toEqual([['by', '2025-12-31']]);
    // a year that names a report or a plan stays no time
    expect(extractDeadlines('认真总结2023年工作情况，做好经验推广。')).toEqual([]);
  });

  it('年度 of money allotted, or of a plan already set, asks for no yearly act', () => {
    expect(extractDeadlines('在分配年度中央财政资金时予以适当倾斜，中央财政年度污染防治有关专项资金下达后予以奖励')).toEqual([]);
    // the year's figures a subsidy is measured by
    expect(extractDeadlines('按不超过年度销售收入的20%给予补助，根据年度运营绩效给予最高20万元运营资助')).toEqual([]);
    // the term a contract runs (年度及以上中长期合同, 年度合同) is no yearly act
    expect(extractDeadlines('鼓励市场主体签订中长期合同特别是年度及以上中长期合同，为提升年度中长期合同签约比例提供保障')).toEqual([]);
    expect(extractDeadlines('对认定为完成年度计划、成效显著的地区予以表扬')).toEqual([]);
  });

  it('reads the yearly management cycle as one requirement', () => {
    const d = one('实行重点工作“执行台账”管理，实现年初有清单、年中有督查、年末有考评、全年有台账的闭环管理。');
    expect(d).toMatchObject({ kind: 'recurring', frequency: 'yearly', text: '年初有清单、年中有督查、年末有考评、全年有台账' });
  });

  it('reads each frequency', () => {
    const cases: [string, string][] = [
      ['市政府党组一般每月安排两次学习会', 'monthly'],
      ['每季度通报一次', 'quarterly'],
      ['建立每周三项目协调日制度', 'weekly'],
      ['每半年报告一次', 'half-yearly'],
      ['每两年评估一次', 'biennial'],
      ['每两周至少安排1次专题学习', 'biweekly'],
      ['逐年提高比例', 'yearly'],
      ['推进落实情况要按年度向省政府报告', 'yearly'],
      ['市政府班子成员全年至少撰写1篇学习心得', 'yearly'],
    ];
    for (const [text, frequency] of cases) expect(one(text), text).toMatchObject({ kind: 'recurring', frequency });
    expect(one('市政府党组一般每月安排两次学习会').clause).toBe('市政府党组一般每月安排两次学习会');
  });

  it('counts 每年年底前 once', () => {
    expect(one('各有关单位要于每年年底前向市政府书面报告。')).toMatchObject({ kind: 'recurring', frequency: 'yearly', text: '每年年底前' });
    expect(one('各有关单位要于每年年末向市政府书面报告年度专题学习情况。').text).toBe('每年年末');
  });
});

describe('extractDeadlines: duration, follows, unspecified, non-deadlines', () => {
  it('reads durations', () => {
    const d = one('加强政府数字化转型顶层设计，力争用3年时间基本完成我市政府数字化转型工作，推进现代化。');
    expect(d).toMatchObject({ kind: 'duration', text: '力争用3年时间', clause: '力争用3年时间基本完成我市政府数字化转型工作' });
    expect(one('力争用三年时间完成。').kind).toBe('duration');
    expect(one('全面完成全市“公务员学法用法三年轮训行动”计划。')).toMatchObject({ kind: 'duration', text: '三年轮训行动' });
    expect(one('3年内全部完成。')).toMatchObject({ kind: 'duration', text: '3年内' });
  });

  it('reads 执行…规定 and 适时 with an action', () => {
    expect(one('研究制定聘任制公务员管理办法，执行国家规定。')).toMatchObject({ kind: 'follows', text: '执行国家规定' });
    expect(one('适时开展行动计划实施情况第三方评估和群众满意度测评。')).toMatchObject({ kind: 'unspecified', text: '适时开展' });
  });

  it('skips things that are not time requirements', () => {
    for (const t of [
      '深化12345政务热线改革。',
      '深化 12345 政务热线改革。',
      '定期对政府规章进行清理。',
      '形成面向基层、择优选拔、频次合理的常态化机制。',
      '按照国家统一部署，积极推进公务员分类改革。',
      '严格执行中央八项规定实施细则。',
      '结合政府机构改革，适时进行通报。',
      '对连续两年考评未达标单位进行问责，两年以上的事业单位核减编制。',
    ]) {
      expect(extractDeadlines(t), t).toEqual([]);
    }
  });

  it('keeps several deadlines in order', () => {
    const found = extractDeadlines('2018年底前全面应用，2019年底前完成整合；每年开展评估。');
    expect(found.map((d) => [d.kind, d.date ?? d.frequency])).toEqual([
      ['by', '2018-12-31'],
      ['by', '2019-12-31'],
      ['recurring', 'yearly'],
    ]);
  });
});

describe('parseDeadlineCell', () => {
  it('reads the cells of the key-task table', () => {
    expect(cell('2018年9月底前出台')).toEqual({ text: '2018年9月底前', kind: 'by', date: '2018-09-30', clause: '2018年9月底前出台' });
    expect(cell('2018—2022年')).toMatchObject({ kind: 'range', start: '2018-01-01', end: '2022-12-31' });
    for (const c of ['每年开展', '逐年推进', '每年推进', '每年编制']) expect(cell(c), c).toMatchObject({ kind: 'recurring', frequency: 'yearly', clause: c });
    expect(cell('每季开展')).toMatchObject({ kind: 'recurring', frequency: 'quarterly' });
    expect(cell('每年12月底清理')).toMatchObject({ kind: 'recurring', frequency: 'yearly', text: '每年12月底' });
    for (const c of ['执行党中央和省委规定', '执行党中央、省市委规定', '执行国家规定', '执行上级规定']) {
      expect(cell(c), c).toEqual({ text: c, kind: 'follows', clause: c });
    }
    expect(cell('适时完成')).toMatchObject({ kind: 'unspecified', clause: '适时完成' });
    expect(cell('适时')).toMatchObject({ kind: 'unspecified' });
    expect(cell('根据实际需要制订')).toMatchObject({ kind: 'unspecified', clause: '根据实际需要制订' });
    // a time field saying the work never ends is a deadline of its own kind (the blind sets' convention from pairs-F)
    expect(cell('长期坚持')).toMatchObject({ kind: 'ongoing', text: '长期坚持' });
    expect(cell('持续推进')).toMatchObject({ kind: 'ongoing' });
    expect(cell('10月底前', 2018)).toMatchObject({ kind: 'by', date: '2018-10-31' });
    expect(cell('2019年12月前')).toMatchObject({ kind: 'by', date: '2019-12-31' });
    expect(cell('2019年底基本完成')).toMatchObject({ kind: 'by', date: '2019-12-31' });
    expect(cell('2018年12月底前全覆盖')).toMatchObject({ kind: 'by', date: '2018-12-31' });
    expect(cell('2018年底前全面应用、2019年底前完成整合')).toMatchObject({
      kind: 'by',
      date: '2018-12-31',
      clause: '2018年底前全面应用、2019年底前完成整合',
    });
  });

  it("falls back to 'other' with the cell as text", () => {
    expect(cell('视情而定')).toMatchObject({ kind: 'unspecified' });
    expect(cell('另有要求的除外')).toEqual({ text: '另有要求的除外', kind: 'other', clause: '另有要求的除外' });
    expect(cell('')).toEqual({ text: '', kind: 'other', clause: '' });
  });
});

describe('compareDeadlines', () => {
  const c = (a: string, b: string) => compareDeadlines(cell(a, 2018), cell(b, 2018));

  it('compares end dates', () => {
    expect(c('2018年底', '2018年12月底前')).toBe('same');
    expect(c('2018—2020年', '2020年12月底前')).toBe('same');
    expect(c('2018年12月底前', '2019年6月底前')).toBe('later');
    expect(c('2019年6月底前', '2018年12月底前')).toBe('earlier');
    expect(c('2018年9月底前出台', '2018年9月前')).toBe('same');
  });

  it('a start is neither earlier nor later than a deadline (到2028年举办 → 自2026年起每年举办)', () => {
    expect(c('到2028年', '自2026年起')).toBe('changed');
    expect(c('2026年起', '2028年底前')).toBe('changed');
    expect(c('2018年起', '2019年起')).toBe('later');
  });

  it('compares recurring, open-ended and undated kinds', () => {
    expect(c('每年开展', '2018年底')).toBe('changed');
    expect(c('2018年底', '每年开展')).toBe('changed');
    expect(c('每年推进', '2018年起不得增加')).toBe('same');
    expect(c('2018年起不得增加', '每年推进')).toBe('same');
    expect(c('每年开展', '逐年推进')).toBe('same');
    // one act on a shorter cycle is asked sooner; another act on another cycle is only changed
    expect(c('每年开展', '每季开展')).toBe('earlier');
    expect(c('每季度定期发布清单', '每半年发布一次清单')).toBe('later');
    expect(c('每年开展评估', '每月通报进展')).toBe('changed');
    expect(c('长期坚持', '持续推进')).toBe('same');
    expect(c('持续推进', '2018年底')).toBe('changed');
    expect(c('执行党中央和省委规定', '执行上级规定')).toBe('same');
    expect(c('适时完成', '根据实际需要制订')).toBe('same');
    expect(c('执行国家规定', '适时完成')).toBe('changed');
    expect(compareDeadlines(one('用3年时间完成'), one('力争用三年时间完成'))).toBe('same');
    // a shorter time allowed ends sooner (issue 13: durations of one unit are ordered)
    expect(compareDeadlines(one('用3年时间完成'), one('用两年时间完成'))).toBe('earlier');
    expect(compareDeadlines(one('三个月内完成'), one('用半年时间完成'))).toBe('later');
    expect(compareDeadlines(one('三个月内完成'), one('10个工作日内完成'))).toBe('changed');
  });

  it('sameDeadline agrees with compareDeadlines', () => {
    expect(sameDeadline(cell('2018年底'), cell('2018年12月底前'))).toBe(true);
    expect(sameDeadline(cell('2018年底'), cell('2019年底'))).toBe(false);
  });
});

// Linear time, judged against ordinary text of the same size (not against a clock: a busy CI machine
// is slow for both), with one retry for a scheduling hiccup.
describe('linear time on hostile lines', () => {
  const ORDINARY = '推进政务公开，2018年底前完成清单编制，每年开展评估；';
  const RATIO = 20;
  const SLACK_MS = 500;
  const timed = (text: string) => {
    const t = performance.now();
    const found = extractDeadlines(text, 2018);
    return { ms: performance.now() - t, found };
  };
  const expectLinear = (text: string) => {
    const ordinary = timed(ORDINARY.repeat(Math.ceil(text.length / ORDINARY.length)).slice(0, text.length)).ms;
    const bound = RATIO * ordinary + SLACK_MS;
    let run = timed(text);
    if (run.ms > bound) run = timed(text);
    expect(run.ms, `${run.ms.toFixed(0)} ms > ${RATIO} × ${ordinary.toFixed(0)} ms + ${SLACK_MS} ms`).toBeLessThanOrEqual(bound);
    return run.found;
  };

  it('handles a 5 MB line of 2018年', () => {
    expect(expectLinear('2018年'.repeat(1_000_000))).toEqual([]);
  });

  it('handles a line of 1,000,000 年', () => {
    expect(expectLinear('年'.repeat(1_000_000))).toEqual([]);
  });

  it('handles long runs of near-misses and unclosed titles', () => {
    for (const text of ['1'.repeat(2_000_000), '每'.repeat(1_000_000), '执行省市'.repeat(250_000), '《2018年底'.repeat(200_000), '年初有清单、'.repeat(200_000)]) expectLinear(text);
  });
});
