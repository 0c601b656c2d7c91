// The five seed notices, read as a person would read them. One test per trap in fixtures/SEEDS.md.
import { describe, it, expect } from 'vitest';
import { fixture, task } from './helpers.js';

describe('provincial plan 浙政发〔2018〕16号 (PDF text)', () => {
  it('finds the GB/T 9704 header and footer', async () => {
    const n = await fixture('province');
    expect(n.meta).toMatchObject({
      issuer: '浙江省人民政府',
      docNumber: '浙政发〔2018〕16号',
      date: '2018-04-28',
      printedBy: '浙江省人民政府办公厅',
      printedDate: '2018-05-10',
    });
    expect(n.meta.title).toBe('浙江省人民政府关于印发政府“两强三提高”建设行动计划（2018—2022年）的通知');
    expect(n.meta.recipients).toBe('各市、县（市、区）人民政府，省政府直属各单位');
    expect(n.meta.copyTo).toContain('省军区');
  });

  it('has 41 body tasks in ten projects, with positional ids', async () => {
    const n = await fixture('province');
    expect(n.tasks).toHaveLength(41);
    expect(n.mainPart).toBe('二、主要任务');
    expect(new Set(n.tasks.map((t) => t.id.split('.')[0])).size).toBe(10);
    expect(task(n, '6.1').title).toBe('推进“互联网+政务服务”');
    expect(task(n, '10.4').title).toBe('健全公务员考核奖惩机制');
  });

  it('reads the bare unit bracket of the first project and keeps 各市、县〔市、区〕 compounds whole', async () => {
    const n = await fixture('province');
    expect(task(n, '1.1').units).toEqual(['各市、县〔市、区〕政府党组', '省政府各部门党委〔党组〕']);
    expect(task(n, '4.2').units).toEqual(['省编办', '省发展改革委', '省法制办', '其他省级部门', '各市、县〔市、区〕政府']);
  });

  it('re-joins lines broken at page ends without eating the unit list', async () => {
    const n = await fixture('province');
    expect(task(n, '1.4').text).toContain('我省“36条办法”');
    expect(task(n, '6.2').units).toEqual(['省发展改革委', '省财政厅', '省质监局', '各市、县〔市、区〕政府']);
    expect(task(n, '7.2').units).toContain('省级有关部门');
    expect(task(n, '10.1').text).toContain('政府学习会制度');
  });

  it('parses the key list split over four tables with repeated headers: 49 rows with deadlines', async () => {
    const n = await fixture('province');
    expect(n.keyList).toHaveLength(49);
    expect(n.keyList.map((r) => r.id)).toEqual(Array.from({ length: 49 }, (_, i) => `L${i + 1}`));
    const l18 = n.keyList.find((r) => r.id === 'L18')!;
    expect(l18.task).toBe('全面推广政务钉钉');
    expect(l18.deadline).toMatchObject({ text: '2018年12月底前全覆盖', kind: 'by', date: '2018-12-31' });
    expect(n.keyList.find((r) => r.id === 'L6')!.deadline).toMatchObject({ kind: 'range', date: '2022-12-31' });
    expect(n.keyList.find((r) => r.id === 'L1')!.deadline.kind).toBe('follows');
    expect(n.keyList.find((r) => r.id === 'L37')!.deadline.kind).toBe('unspecified');
  });

  it('normalizes body deadlines', async () => {
    const n = await fixture('province');
    expect(task(n, '4.5').deadlines[0]).toMatchObject({ kind: 'by', date: '2018-12-31', clause: '2018年底实现政务钉钉全覆盖' });
    expect(task(n, '6.2').deadlines[0]).toMatchObject({ kind: 'by', date: '2020-12-31' });
    expect(task(n, '2.1').deadlines[0].kind).toBe('recurring');
  });

  it('reports nothing spurious', async () => {
    const n = await fixture('province');
    expect(n.warnings.map((w) => w.code)).toEqual([]);
  });
});

describe('舟山 舟政办发〔2018〕150号 (full-width, 〈〉 in units, page breaks)', () => {
  it('reads the header with the office as issuer', async () => {
    const n = await fixture('zhoushan');
    expect(n.meta).toMatchObject({ issuer: '舟山市人民政府办公室', docNumber: '舟政办发〔2018〕150号', date: '2018-11-10' });
    expect(n.mainPart).toBe('二、主要工作任务');
  });

  it('has 32 tasks; merged items keep their comma-joined titles', async () => {
    const n = await fixture('zhoushan');
    expect(n.tasks).toHaveLength(32);
    expect(task(n, '3.1').title).toBe('健全政府绩效考核评价制度，改进政务督查工作，实行重点工作清单管理');
  });

  it('unifies 〈〉 inside unit lists and drops the trailing empty unit', async () => {
    const n = await fixture('zhoushan');
    expect(task(n, '1.1').units).toEqual(['市政府各部门党委〔党组〕']);
    expect(task(n, '3.2').units).toEqual(['市政府各部门党委〔党组〕', '各县〔区〕政府', '功能区管委会']);
  });

  it('joins a unit list split by a page break (task 2.1)', async () => {
    const n = await fixture('zhoushan');
    expect(task(n, '2.1').units).toEqual(['市府办', '新区政研室', '市发改委', '各县〔区〕政府', '功能区管委会']);
    expect(task(n, '1.4').deadlines[0]).toMatchObject({ kind: 'from' });
    expect(task(n, '1.4').text).toContain('2018年起政府文件数量');
  });

  it('has no key list of its own', async () => {
    expect((await fixture('zhoushan')).keyList).toEqual([]);
  });
});

describe('湖州 湖政发〔2018〕20号 (traditional web page with pinyin)', () => {
  it('converts to simplified and strips pinyin annotations', async () => {
    const n = await fixture('huzhou');
    expect(n.source.converted).toBe('t2s');
    expect(n.meta.docNumber).toBe('湖政发〔2018〕20号');
    expect(n.meta.title).toBe('湖州市人民政府关于印发政府“两强三提高”建设行动计划（2018—2022年）实施方案的通知');
    expect(JSON.stringify(n.tasks)).not.toMatch(/\((?:fā|huì)/);
    expect(task(n, '1.1').title).toBe('加强政治建设');
  });

  it('cites its parent 浙政发〔2018〕16号 with the title', async () => {
    const n = await fixture('huzhou');
    expect(n.references).toContainEqual(expect.objectContaining({ docNumber: '浙政发〔2018〕16号' }));
  });

  it('flags the mojibake run and the web footer with their original lines', async () => {
    const n = await fixture('huzhou');
    expect(n.warnings).toContainEqual(expect.objectContaining({ code: 'mojibake', line: 39 }));
    expect(n.warnings).toContainEqual(expect.objectContaining({ code: 'page-furniture', line: 122 }));
    // the title stops at the damage instead of running into the next sentence
    expect(task(n, '5.1').title).toBe('改进政府立法工作');
  });

  it('parses its 48-row key list without a separator row', async () => {
    const n = await fixture('huzhou');
    expect(n.keyList).toHaveLength(48);
    expect(n.keyList[0]).toMatchObject({ id: 'L1', task: '高质量开展“不忘初心、牢记使命”主题教育' });
    const l36 = n.keyList.find((r) => r.id === 'L36')!;
    expect(l36.deadline).toMatchObject({ kind: 'by', date: '2018-10-31' }); // 10月底前, year from the notice date
  });
});

describe('新昌 新政发〔2018〕46号 (truncated, continuous numbering)', () => {
  it('numbers tasks by position but keeps the written number', async () => {
    const n = await fixture('xinchang');
    expect(n.tasks).toHaveLength(14);
    expect(task(n, '2.1')).toMatchObject({ number: '6', title: '建立科学谋划体系' });
    expect(task(n, '4.2')).toMatchObject({ number: '14', title: '规范行政权力' });
  });

  it('reads <街道> and <监委> inside unit lists', async () => {
    const n = await fixture('xinchang');
    expect(task(n, '1.1').units).toEqual(['各乡镇〔街道〕', '县府各部门']);
    expect(task(n, '3.3').units).toEqual(['县纪委〔监委〕', '县府办']);
  });

  it('says the document is truncated and does not call continuous numbering a gap', async () => {
    const n = await fixture('xinchang');
    const codes = n.warnings.map((w) => w.code);
    expect(codes).toContain('truncated');
    expect(codes).not.toContain('numbering-gap');
  });
});

describe('黑河 五型政府 (another plan family, per-project units)', () => {
  it('starts mid-notice and still finds issuer, date and tasks', async () => {
    const n = await fixture('heihe');
    expect(n.meta).toMatchObject({ issuer: '黑河市人民政府办公室', date: '2017-07-26', title: '黑河市“五型政府”建设实施方案' });
    expect(n.mainPart).toBe('三、主要任务');
    expect(n.tasks).toHaveLength(34);
    expect(task(n, '2.1').number).toBe('10');
  });

  it('gives each task its project lead and assisting units', async () => {
    const n = await fixture('heihe');
    expect(task(n, '1.1')).toMatchObject({ unitsFrom: 'project', lead: ['市政府法制办'], assist: ['市政府办', '市编办', '市信访局', '市社科联'] });
    expect(task(n, '3.2').lead).toEqual(['市编办']);
  });

  it('warns that it has no 发文字号', async () => {
    const n = await fixture('heihe');
    expect(n.warnings.map((w) => w.code)).toContain('no-doc-number');
  });
});

describe('web metadata block and odd 文号 forms', () => {
  it('takes 文号, issuer and date from a 文件编号/发布机构/成文日期 block, with stray spaces and brackets', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const n = parseText(
      [
        '索引号：002482410/2018-00123',
        '文件编号：浙政发[2018]48 号',
        '发布机构：浙江省人民政府',
        '成文日期：2018年10月8日',
        '浙江省人民政府关于印发某某行动计划的通知',
        '各市、县（市、区）人民政府：',
        '根据《浙江省人民政府关于印发政府“两强三提高”建设行动计划(2018—2022年)的通知》(浙政发﹝2018﹞16号)要求，现印发给你们。',
        '一、总体要求',
        '二、主要任务',
        '（一）加强建设。',
        '1. 推进一项工作。2019年6月底前完成。（责任单位：省发展改革委）',
      ].join('\n'),
    );
    expect(n.meta).toMatchObject({ docNumber: '浙政发〔2018〕48号', issuer: '浙江省人民政府', date: '2018-10-08' });
    expect(n.references).toContainEqual(expect.objectContaining({ docNumber: '浙政发〔2018〕16号' }));
    expect(n.tasks[0]).toMatchObject({ id: '1.1', title: '推进一项工作', units: ['省发展改革委'] });
    expect(n.tasks[0].deadlines[0]).toMatchObject({ kind: 'by', date: '2019-06-30' });
  });
});

describe('task layouts seen in other notices', () => {
  it('ends a title at an early colon and takes （1）（2） items as tasks when a plan has no 1. 2. items', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const n = parseText(
      ['某县人民政府关于印发某某实施方案的通知', '二、重点任务', '（一）加强机关建设', '（1）加强政治建设：坚持党的领导。（责任单位：县府办）', '（2）加强作风建设：2019年底前完成整治。（责任单位：县纪委〈监委〉）', '（二）提升效能', '（1）优化营商环境：开展试点。（责任单位：县发改局）'].join('\n'),
    );
    expect(n.tasks.map((t) => [t.id, t.title, t.units.join('、')])).toEqual([
      ['1.1', '加强政治建设', '县府办'],
      ['1.2', '加强作风建设', '县纪委〔监委〕'],
      ['2.1', '优化营商环境', '县发改局'],
    ]);
  });
});

describe('unit brackets in the forms other plans use', () => {
  const plan = (...tasks: string[]) => ['某市人民政府关于印发某某实施方案的通知', '一、总体要求', '二、主要任务', '（一）加强建设。', ...tasks].join('\n');

  it('牵头单位 and 配合单位 fields give lead and assisting units', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const [t] = parseText(plan('1.推进政务公开。全面推行清单制度。（牵头单位：市府办；配合单位：市发改委、市财政局）')).tasks;
    expect(t).toMatchObject({ title: '推进政务公开', lead: ['市府办'], assist: ['市发改委', '市财政局'], units: ['市府办', '市发改委', '市财政局'], unitsFrom: 'task' });
  });

  it('"X牵头，Y配合" without labels means the same', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const [t] = parseText(plan('1.优化营商环境。开展改革试点。（市发改委牵头，市市场监管局、市司法局配合）')).tasks;
    expect(t).toMatchObject({ lead: ['市发改委'], assist: ['市市场监管局', '市司法局'], units: ['市发改委', '市市场监管局', '市司法局'] });
    expect(t.text).toBe('优化营商环境。开展改革试点。');
  });

  it('a 完成时间 field in the bracket is a deadline, not a unit', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const [t] = parseText(plan('1.推广移动政务。全面推广政务钉钉。（责任单位：市府办；完成时间：2018年12月底前）')).tasks;
    expect(t.units).toEqual(['市府办']);
    expect(t.deadlines).toContainEqual(expect.objectContaining({ kind: 'by', date: '2018-12-31' }));
  });
});
