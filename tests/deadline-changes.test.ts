// Issue 13: deadlines and key lists an analyst can trust. Each root cause is pinned with the real rows
// of the seeds, beside a small synthetic case that shows the rule is about the structure of key lists
// and deadlines, not these rows' words.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fixture, runCli, FX } from './helpers.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadBase, parseFile, parseText } from '../src/pipeline.js';
import { diffNotices } from '../src/diff/index.js';
import { alignKeyLists } from '../src/diff/keylist.js';
import { compareDeadlines, extractDeadlines, parseDeadlineCell } from '../src/parse/deadlines.js';
import type { DeadlineChange, KeyListRow, PlanDiff } from '../src/model.js';
import { expectValid, validateDiff } from './schema-support.js';

const pairsOf = (d: PlanDiff) => d.keyListLinks.map((k) => `${k.base}>${k.local}`);
const entry = (d: PlanDiff, base: string, local?: string) => d.deadlineChanges.filter((c) => c.base === base && (local === undefined || c.local === local));
/** A small plan in the 16号 shape: tasks under one project, and a key list when rows are given. */
export function plan(tasks: string[], rows: [string, string][] = [], projects = 1): string {
  const per = Math.ceil(tasks.length / projects);
  const body: string[] = [];
  tasks.forEach((t, i) => {
    if (i % per === 0) body.push(`（${'一二三四五六七八九十'[i / per]}）第${i / per + 1}项工程。`, '');
    body.push(`${(i % per) + 1}. ${t}（责任单位：市府办）`, '');
  });
  const table = rows.length
    ? ['附件：重点任务清单', '', '重点任务清单', '', '| 序号 | 重点任务 | 责任单位 | 时间要求 |', '|----|----|----|----|', ...rows.map((r, i) => `| ${i + 1} | ${r[0]} | 市府办 | ${r[1]} |`)]
    : [];
  return ['某某市人民政府关于印发某某行动计划的通知', '', '一、总体要求', '', '总体要求。', '', '二、主要任务', '', ...body, '三、保障措施', '', '加强组织领导。', '', ...table].join('\n');
}

const changes = (d: PlanDiff) => d.deadlineChanges.filter((c) => c.change !== 'same');

function row(id: string, task: string, cell = '2019年6月底前完成'): KeyListRow {
  return { id, number: id.slice(1), task, units: [], deadline: parseDeadlineCell(cell, 2018), line: 0 };
}

describe('1. key-list rows link competitively: an exact partner wins', () => {
  it('16号 against itself links every row only to itself (L8/L9, L16/L27, L31/L34, L32/L34)', async () => {
    const p = await fixture('province');
    const d = diffNotices(p, p);
    expect(d.keyListLinks.every((k) => k.base === k.local && k.kind === 'same')).toBe(true);
    expect(d.keyListLinks).toHaveLength(p.keyList.length);
    for (const wrong of ['L8>L9', 'L9>L8', 'L16>L27', 'L27>L16', 'L31>L34', 'L34>L31', 'L32>L34', 'L34>L32']) expect(pairsOf(d)).not.toContain(wrong);
  });

  it('Huzhou: L27 公共服务标准化试点 does not take L18, whose exact partner is L16; the real merge L8+L9 → L10 stays', async () => {
    const d = diffNotices(loadBase(), await fixture('huzhou'));
    expect(pairsOf(d)).toContain('L16>L18');
    expect(pairsOf(d)).not.toContain('L27>L18');
    expect(d.keyListLinks.filter((k) => k.local === 'L10').map((k) => [k.base, k.kind])).toEqual([
      ['L8', 'merged'],
      ['L9', 'merged'],
    ]);
  });

  it('synthetic: two similar rows with exact partners on both sides never cross', () => {
    const a = row('L1', '制订甲乙丙丁评估实施办法');
    const b = row('L2', '制订年度甲乙丙丁评估计划');
    const links = alignKeyLists([a, b], [b, a].map((r, i) => ({ ...r, id: `L${i + 1}` })));
    expect(links.map((k) => `${k.base}>${k.local}:${k.kind}`)).toEqual(['L1>L2:same', 'L2>L1:same']);
  });
});

describe('2. rows rewritten within linked body tasks link on weaker agreement, one row to two', () => {
  it('Huzhou L11 → L12 and L13, L24 → L25, L30 → L34', async () => {
    const d = diffNotices(loadBase(), await fixture('huzhou'));
    for (const p of ['L11>L12', 'L11>L13', 'L24>L25', 'L30>L34']) expect(pairsOf(d)).toContain(p);
    expect(d.keyListLinks.filter((k) => k.base === 'L11').every((k) => k.kind === 'split')).toBe(true);
    // L22 (裁量权基准) has no counterpart: the rows of its linked task already have their partners
    expect(d.keyListLinks.filter((k) => k.base === 'L22')).toEqual([]);
    expect(entry(d, 'L11')).toEqual([
      expect.objectContaining({ local: 'L12', change: 'changed', compared: 'keyList' }),
      expect.objectContaining({ local: 'L13', change: 'changed', compared: 'keyList' }),
    ]);
  });

  it('synthetic: weak agreement links only rows whose body tasks are linked', () => {
    const shared = [row('L1', '开展乙丙试点示范'), row('L2', '建立丁戊标准体系')];
    const base = [...shared, row('L3', '实行清单管理')];
    const local = [...shared, row('L3', '推行事项清单制度'), row('L4', '制定指标责任清单')];
    const show = (links: ReturnType<typeof alignKeyLists>) => links.map((k) => `${k.base}>${k.local}:${k.kind}`);
    expect(show(alignKeyLists(base, local))).toEqual(['L1>L1:same', 'L2>L2:same']);
    expect(show(alignKeyLists(base, local, () => true, () => '3.2'))).toEqual(['L1>L1:same', 'L2>L2:same', 'L3>L3:split', 'L3>L4:split']);
    // rows of two different tasks: no split, the row keeps one partner
    const owner = (r: KeyListRow) => (r.id === 'L4' ? '3.3' : '3.2');
    expect(show(alignKeyLists(base, local, () => true, owner))).toEqual(['L1>L1:same', 'L2>L2:same', 'L3>L3:reworded']);
  });
});

describe('3. a base row is answered through its own body sentence when the local plan has no key list', () => {
  it('Zhoushan L2 严控公文、会议数量 and L3 share the local 2018年起…不得增加 that restates base 1.4; L5 重点课题 is answered by 每年确定…重点课题', async () => {
    const d = diffNotices(loadBase(), await fixture('zhoushan'));
    for (const id of ['L2', 'L3'])
      expect(entry(d, id)).toEqual([expect.objectContaining({ local: '1.4', change: 'same', compared: 'keyListVsBody', localDeadline: expect.stringContaining('2018年起') })]);
    expect(entry(d, 'L5')).toEqual([expect.objectContaining({ local: '2.1', change: 'same', localDeadline: expect.stringContaining('每年确定10个左右重点课题') })]);
    // L8's own sentence (2.4) has another time (年度 plan): it is not answered by it
    expect(entry(d, 'L8')).toEqual([expect.objectContaining({ change: 'removed', notRestated: true })]);
  });

  it('Xinchang L5 重点课题 | 每年开展 is answered by 每年…确定1-2个重点课题', async () => {
    const d = diffNotices(loadBase(), await fixture('xinchang'));
    expect(entry(d, 'L5')).toEqual([expect.objectContaining({ local: '2.1', change: 'same', localDeadline: expect.stringContaining('确定1-2个重点课题') })]);
  });

  it('one local clause answers one unanchored row: Zhoushan 力争用3年时间 answers L31 (the headline row of 7.2), not L34 too', async () => {
    const d = diffNotices(loadBase(), await fixture('zhoushan'));
    expect(entry(d, 'L31')).toEqual([expect.objectContaining({ local: '7.1', change: 'changed', localDeadline: expect.stringContaining('力争用3年时间') })]);
    expect(entry(d, 'L34')).toEqual([expect.objectContaining({ change: 'removed', localDeadline: '', notRestated: true })]);
    const clauseUses = d.deadlineChanges.filter((c) => c.compared === 'keyListVsBody' && c.localDeadline.includes('力争用3年时间'));
    expect(clauseUses).toHaveLength(1);
  });
});

describe('4. body deadlines are paired both ways', () => {
  it('Huzhou 3.2: the rewritten yearly cycle is one changed entry, not removed + added', async () => {
    const d = diffNotices(loadBase(), await fixture('huzhou'));
    const cycle = entry(d, '3.2', '3.2').filter((c) => c.compared === 'body');
    expect(cycle).toContainEqual(expect.objectContaining({ change: 'changed', baseDeadline: expect.stringContaining('年初有清单'), localDeadline: expect.stringContaining('每月内部通报') }));
    expect(cycle.filter((c) => c.change === 'removed')).toEqual([]);
    // the monthly and quarterly parts of the rewritten clause are one requirement, not two additions
    expect(cycle.filter((c) => c.change === 'added' && c.localDeadline.includes('每季度'))).toEqual([]);
  });

  it('a recurring deadline that drops its in-cycle date is not same (Huzhou L20 每年12月底清理 → L22 每年清理)', async () => {
    const d = diffNotices(loadBase(), await fixture('huzhou'));
    expect(entry(d, 'L20')).toEqual([expect.objectContaining({ local: 'L22', change: 'changed' })]);
    const c = (a: string, b: string) => compareDeadlines(parseDeadlineCell(a, 2018), parseDeadlineCell(b, 2018));
    expect(c('每年12月底清理', '每年清理')).toBe('changed');
    expect(c('每年清理', '每年6月底前清理')).toBe('changed');
    expect(c('每年12月底清理', '每年年底前清理')).toBe('same');
    expect(c('每年12月底前', '每年6月底前')).toBe('earlier');
    expect(c('每季度', '每季度')).toBe('same');
    expect(c('每季度末', '每季度')).toBe('changed');
    expect(c('每季度末', '每季度底前')).toBe('same');
  });

  it('synthetic: a base requirement cannot take the local one another base requirement restates more closely', () => {
    const base = parseText(plan(['推进甲乙工作。每年开展甲乙丙丁试点，2020年底前建成甲乙丙丁戊己标准体系。']));
    const local = parseText(plan(['推进甲乙工作。2021年底前建成甲乙丙丁戊己标准体系。']));
    const d = diffNotices(base, local);
    expect(d.deadlineChanges.map((c) => `${c.baseDeadline}|${c.change}`)).toEqual(['每年开展甲乙丙丁试点|removed', '2020年底前建成甲乙丙丁戊己标准体系|later']);
  });

  it('synthetic: requirements of one kind left over on both sides of a link are a rewrite; of different kinds they are not', () => {
    const base = parseText(plan(['推进甲乙工作。实现年初有计划、年中有检查、年末有考核的甲乙闭环管理。2022年全面实现丙丁规范化。']));
    const local = parseText(plan(['推进甲乙工作。实行每月通报、每季度公布的甲乙闭环管理。须于收文之日起10天内公开丙丁。']));
    const d = diffNotices(base, local);
    expect(d.deadlineChanges.map((c) => `${c.change}|${c.baseDeadline}|${c.localDeadline}`)).toEqual([
      'changed|实现年初有计划、年中有检查、年末有考核的甲乙闭环管理|实行每月通报、每季度公布的甲乙闭环管理',
      'removed|2022年全面实现丙丁规范化|',
      'added||须于收文之日起10天内公开丙丁',
    ]);
  });
});

describe('4b. merged rows and rewritten schedules (issue 27: deadlines across splits and merges)', () => {
  /** A plan with numbered tasks under one heading; `title` may carry the plan's period. */
  function tasksPlan(tasks: string[], title = '某某行动计划'): string {
    const body = ['（一）第1项工程。', ''];
    tasks.forEach((t, i) => body.push(`${i + 1}. ${t}`, ''));
    return [`某某市人民政府关于印发${title}的通知`, '', '一、总体要求', '', '总体要求。', '', '二、主要任务', '', ...body, '三、保障措施', '', '加强组织领导。'].join('\n');
  }
  const OTHER = '加强庚辛壬癸队伍建设。（责任单位：市府办）';
  const list = (d: PlanDiff) => d.deadlineChanges.map((c) => `${c.base}>${c.local}:${c.change}|${c.baseDeadline}|${c.localDeadline}`);

  it('a row merging a timed and an untimed base task: earlier for the one, added for the other', () => {
    const base = parseText(tasksPlan(['建设甲乙丙数据平台，统一甲乙丙数据标准，完善甲乙丙数据目录。（责任单位：市府办）', '推动甲乙丙数据平台接入丁戊己系统，2019年12月底前完成丁戊己系统对接。（责任单位：市府办）', OTHER]));
    const local = parseText(tasksPlan(['建设甲乙丙数据平台，统一甲乙丙数据标准，完善甲乙丙数据目录，推动平台接入丁戊己系统，完成丁戊己系统对接。（责任单位：市府办；完成时限：2019年11月底前）', OTHER]));
    const d = diffNotices(base, local);
    expect(d.links.filter((k) => k.local === '1.1').map((k) => k.base).sort()).toEqual(['1.1', '1.2']);
    expect(list(d)).toEqual(['1.2>1.1:earlier|2019年12月底前完成丁戊己系统对接|2019年11月底前', '1.1>1.1:added||2019年11月底前']);
  });

  it('a merged task’s time inside its text goes to the base task it speaks of, not to every base task of the merge', () => {
    const base = parseText(tasksPlan(['建设甲乙丙数据平台，统一甲乙丙数据标准。（责任单位：市府办）', '建立丁戊己咨询答问库，完善丁戊己互动机制。（责任单位：市府办）', OTHER]));
    const local = parseText(tasksPlan(['建设甲乙丙数据平台，统一甲乙丙数据标准；2019年底前建成丁戊己咨询答问库，完善丁戊己互动机制。（责任单位：市府办）', OTHER]));
    const d = diffNotices(base, local);
    expect(d.links.filter((k) => k.local === '1.1').length).toBe(2);
    expect(list(d)).toEqual(['1.2>1.1:added||2019年底前建成丁戊己咨询答问库']);
  });

  it('a schedule rewritten step by step: each bare month is compared with the step in its place (计划5月…、6月… → 4月底前)', () => {
    const title = '某某行动计划（2026—2028年）';
    const base = parseText(tasksPlan(['建设子丑寅卯服务平台，计划5月在辰巳地区试运行、6月向全省推广。（责任单位：市府办）', OTHER], title));
    const local = parseText(tasksPlan(['建设子丑寅卯服务平台，2026年4月底前接入子丑寅卯服务平台。（责任单位：市府办）', OTHER], title));
    expect(list(diffNotices(base, local))).toEqual(['1.1>1.1:earlier|5月在辰巳地区试运行|2026年4月底前接入子丑寅卯服务平台', '1.1>1.1:removed|6月向全省推广|']);
    const later = parseText(tasksPlan(['建设子丑寅卯服务平台，2026年5月底前在辰巳地区接入，7月底前在全市推广应用。（责任单位：市府办）', OTHER], title));
    expect(list(diffNotices(base, later)).filter((x) => !x.includes(':same'))).toEqual(['1.1>1.1:later|6月向全省推广|7月底前在全市推广应用']);
  });

  it('one base requirement restated as two: each local requirement is compared with it (到2028年 → 自2026年起每年 + 到2028年)', () => {
    const base = parseText(tasksPlan(['办好甲乙赛事活动。到2028年，举办甲乙赛事活动100场以上，评选丙丁典型案例100个以上。（责任单位：市府办）', OTHER]));
    const local = parseText(tasksPlan(['办好甲乙赛事活动。自2026年起每年举办甲乙赛事活动10场以上，到2028年评选丙丁典型案例30个以上。（责任单位：市府办）', OTHER]));
    expect(diffNotices(base, local).deadlineChanges.map((c) => `${c.change}|${c.localDeadline}`)).toEqual([
      'same|到2028年评选丙丁典型案例30个以上',
      'changed|自2026年起每年举办甲乙赛事活动10场以上',
    ]);
  });

  it('the same date in the text and in the 完成时限 note is one requirement', () => {
    const base = parseText(tasksPlan(['建设甲乙丙数据平台，统一甲乙丙数据标准。（责任单位：市府办）', OTHER]));
    const local = parseText(tasksPlan(['建设甲乙丙数据平台，2026年底前统一甲乙丙数据标准。（责任单位：市府办；完成时限：2026年12月底前）', OTHER]));
    expect(changes(diffNotices(base, local)).map((c) => `${c.change}|${c.localDeadline}`)).toEqual(['added|2026年底前统一甲乙丙数据标准']);
  });
});

describe('4c. open-ended times (the blind sets\' convention, fixtures/blind/README.md)', () => {
  const list = (d: PlanDiff) => d.deadlineChanges.map((c) => `${c.change}|${c.baseDeadline}|${c.localDeadline}`);
  it('a time field saying 长期坚持 answers 持续推进 (same), adds to an untimed task; a date made open-ended and 持续推进 → a date are changed', () => {
    const base = parseText(plan(['推进甲乙平台建设。（责任单位：市府办；完成时限：持续推进）', '建立丙丁工作机制。（责任单位：市府办；完成时限：持续推进）', '开展戊己专项检查。（责任单位：市府办）', '完成庚辛系统对接。（责任单位：市府办；完成时限：2026年12月底前）']));
    const local = parseText(plan(['推进甲乙平台建设。（责任单位：区府办；完成时限：长期坚持）', '建立丙丁工作机制。（责任单位：区府办；完成时限：2026年11月底前）', '开展戊己专项检查。（责任单位：区府办；完成时限：长期坚持）', '完成庚辛系统对接。（责任单位：区府办；完成时限：长期坚持）']));
    expect(list(diffNotices(base, local)).sort()).toEqual([
      'added||长期坚持',
      'changed|2026年12月底前|长期坚持',
      'changed|持续推进|2026年11月底前',
      'same|持续推进|长期坚持',
    ]);
  });
  it('key-list rows read open-ended times the same way', () => {
    const tasks = ['推进甲乙平台建设。', '建立丙丁工作机制。', '开展戊己专项检查。'];
    const base = parseText(plan(tasks, [['推进甲乙平台建设', '持续推进'], ['建立丙丁工作机制', '2019年6月底前'], ['开展戊己专项检查', '持续推进']]));
    const local = parseText(plan(tasks, [['推进甲乙平台建设', '长期坚持'], ['建立丙丁工作机制', '长期坚持'], ['开展戊己专项检查', '2019年9月底前']]));
    expect(entry(diffNotices(base, local), 'L1').map((c) => c.change)).toEqual(['same']);
    expect(entry(diffNotices(base, local), 'L2').map((c) => c.change)).toEqual(['changed']);
    expect(entry(diffNotices(base, local), 'L3').map((c) => c.change)).toEqual(['changed']);
  });
  it('常态化 in running text answers a cycle (常态化举办 → 每年举办: changed) and alone is no change', () => {
    const base = parseText(plan(['常态化举办甲乙创业大赛和丙丁对接活动。（责任单位：市府办）', '常态化开展戊己专项检查。（责任单位：市府办）']));
    const local = parseText(plan(['每年举办甲乙创业大赛和丙丁对接活动。（责任单位：区府办）', '开展戊己专项检查。（责任单位：区府办）']));
    expect(list(diffNotices(base, local))).toEqual(['changed|常态化举办甲乙创业大赛和丙丁对接活动|每年举办甲乙创业大赛和丙丁对接活动']);
  });
  it('定期 before its act is the same undated cycle (定期发布 → 每季度发布: changed; 定期检查 dropped alone: no change)', () => {
    const base = parseText(plan(['定期发布甲乙场景清单。（责任单位：市府办）', '定期开展戊己专项检查。（责任单位：市府办）']));
    const local = parseText(plan(['每季度发布一次甲乙场景清单。（责任单位：区府办）', '开展戊己专项检查。（责任单位：区府办）']));
    expect(list(diffNotices(base, local))).toEqual(['changed|定期发布甲乙场景清单|每季度发布一次甲乙场景清单']);
  });
  it('a task with one date for all of it, split in two halves each with a date of its own: each half is compared with it', () => {
    const base = parseText(plan(['改造提升已建绿带。增加配套设施，提升公园功能。梳理未建区域，研究建设政策。“十四五”期间，新增城市公园35座以上。（责任单位：市绿化市容局）']));
    const local = parseText(plan(['提升已建绿带公园功能。增加配套设施，新增城市公园8座以上。（责任单位：区绿化市容局；完成时限：2025年底前）', '梳理未建绿带区域。梳理未建区域，提出可实施区域清单，研究建设政策。（责任单位：区规划资源局；完成时限：2022年6月底前）']));
    const d = diffNotices(base, local);
    expect(d.links.map((k) => `${k.base}→${k.local}`)).toEqual(['1.1→1.1', '1.1→1.2']);
    expect(d.deadlineChanges.filter((c) => c.local === '1.2').map((c) => `${c.change}|${c.baseDeadline}|${c.localDeadline}`)).toEqual(['earlier|“十四五”期间|2022年6月底前']);
  });
  it('a regular duty (定期研究) answered by a date for setting something up is an added date, not a changed cycle; 不定期 is no cycle', () => {
    const base = parseText(plan(['建立甲乙协调机制，定期研究重大问题。（责任单位：市府办）', '不定期开展丙丁飞行检查。（责任单位：市府办）']));
    const local = parseText(plan(['建立甲乙协调机制，研究重大问题。（责任单位：区府办；完成时限：2019年9月底前）', '每月开展丙丁联合检查。（责任单位：区府办）']));
    expect(list(diffNotices(base, local)).sort()).toEqual(['added||2019年9月底前', 'added||每月开展丙丁联合检查']);
  });
  it('a time closing an owner sentence (由A牵头，2013年12月20日前完成) is the task\'s time: new to every base task it merges', () => {
    const base = parseText(plan(['地区生产总值增长11%左右。', '规模以上工业增加值增长12%左右。']));
    const local = parseText(['某某区人民政府关于印发某某行动计划的通知', '一、主要任务', '1.全力稳定经济增长。地区生产总值增长9%左右，规模以上工业增加值增长10%左右。由区发改局牵头，区工信局配合，2013年12月20日前完成。', '2.加快推进项目建设。新开工项目20个。由区发改局牵头，2013年10月底前完成。'].join('\n'));
    const d = diffNotices(base, local);
    expect(d.links.map((k) => `${k.base}→${k.local}`)).toEqual(['1.1→1', '1.2→1']);
    expect(list(d)).toEqual(['added||2013年12月20日前', 'added||2013年12月20日前']);
  });
  it('a cycle written as a range (每1—2周) is its longer end: 每周 is earlier', () => {
    const base = parseText(plan(['每1—2周开展一次甲乙分析评价。（责任单位：市府办）']));
    const local = parseText(plan(['每周开展一次甲乙分析评价。（责任单位：区府办）']));
    expect(list(diffNotices(base, local))).toEqual(['earlier|每1—2周开展一次甲乙分析评价|每周开展一次甲乙分析评价']);
  });
});

describe('5. what is and is not a deadline', () => {
  const texts = (t: string) => extractDeadlines(t, 2018).map((d) => d.text);
  it('年度 qualifying an organ’s items is no requirement; 年度 of a plan to be made is', () => {
    expect(texts('围绕市政府年度重大事项、民事实事等重要工作的推进落实')).toEqual([]);
    expect(texts('制定经济社会发展重要指标、省对市年度重要考核事项“保五争三”工作责任清单')).toEqual([]);
    expect(texts('本单位年度学习考评')).toEqual([]);
    expect(texts('制订年度重大行政决策第三方评估计划')).toEqual(['年度']);
    expect(texts('制定全县年度工作计划')).toEqual(['年度']);
  });

  it('a plan named after its span (三年行动方案) is no requirement; a three-year campaign is', () => {
    expect(texts('编制加快数字转型、推进“智慧之城、数字之城、移动之城”建设三年行动方案')).toEqual([]);
    expect(texts('全面完成全市“公务员学法用法三年轮训行动”计划')).toEqual(['三年轮训行动']);
  });

  it('reads 之日起10天内, 10个工作日内 and 分月、季、年进行通报', () => {
    expect(extractDeadlines('须于文件形成或变更之日起10天内进行公开发布', 2018)).toEqual([expect.objectContaining({ text: '10天内', kind: 'duration' })]);
    expect(extractDeadlines('受理后10个工作日内报送审核意见', 2018)).toEqual([expect.objectContaining({ text: '10个工作日内', kind: 'duration' })]);
    expect(extractDeadlines('分月、季、年进行通报', 2018)).toEqual([expect.objectContaining({ kind: 'recurring', frequency: 'monthly' })]);
    expect(texts('7月1日内容')).toEqual([]);
    const c = (a: string, b: string) => compareDeadlines(parseDeadlineCell(a, 2018), parseDeadlineCell(b, 2018));
    expect(c('10个工作日内', '5个工作日内')).toBe('earlier');
    expect(c('10天内', '10个工作日内')).toBe('changed');
  });

  it('Huzhou: the adjectives and the plan name are gone from its deadlines, the 10-day limit is read', async () => {
    const h = await fixture('huzhou');
    const all = h.tasks.flatMap((t) => t.deadlines.map((d) => d.clause));
    expect(all.filter((c) => c.includes('市政府年度重大事项') || c.includes('三年行动方案') || c.includes('省对市年度'))).toEqual([]);
    expect(all).toContain('须于文件形成或变更之日起10天内进行公开发布');
  });
});

describe('the headline separates changes from rows a plan without a key list does not restate', () => {
  it('Zhoushan: 5 changes, 35 key-list rows not restated, counted apart', async () => {
    const d = diffNotices(loadBase(), await fixture('zhoushan'));
    const notRestated = d.deadlineChanges.filter((c) => c.notRestated);
    expect(d.summary.deadlinesNotRestated).toBe(notRestated.length);
    expect(notRestated.length).toBe(35);
    expect(notRestated.every((c) => c.change === 'removed' && c.compared === 'keyListVsBody' && c.localDeadline === '')).toBe(true);
    expect(d.summary.deadlineChanges).toBe(changes(d).length - notRestated.length);
    expect(d.summary.deadlineChanges).toBe(5);
    expectValid(validateDiff, JSON.parse(JSON.stringify(d)), 'zhoushan diff');
    const { out } = await runCli(['diff', FX.zhoushan]);
    expect(out).toContain('deadline changes 5 (of 54 compared) · key-list rows not restated 35');
  });

  it('a local plan with its own key list has no notRestated rows', async () => {
    const d = diffNotices(loadBase(), await fixture('huzhou'));
    expect(d.summary.deadlinesNotRestated).toBe(0);
  });

  it('the schema rejects notRestated on anything but a removed key-list-vs-body row', async () => {
    const d = JSON.parse(JSON.stringify(diffNotices(loadBase(), await fixture('zhoushan')))) as PlanDiff;
    const bad = d.deadlineChanges.find((c) => c.change === 'same') as DeadlineChange;
    bad.notRestated = true;
    expect(validateDiff(d)).toBe(false);
  });
});

describe('--fail-on deadline classes', () => {
  it('deadline means every change; deadline:CLASS narrows; not-restated is its own class', async () => {
    const code = async (spec: string) => (await runCli(['diff', FX.zhoushan, '--fail-on', spec])).code;
    expect(await code('deadline')).toBe(1); // Zhoushan removes 4.4's yearly pilots, adds times
    expect(await code('deadline:later')).toBe(0);
    expect(await code('deadline:earlier,later')).toBe(0);
    expect(await code('deadline:later,changed,removed')).toBe(1);
    expect(await code('deadline:later+added')).toBe(1);
    expect(await code('deadline:not-restated')).toBe(1);
    expect(await code('added,deadline:later')).toBe(0); // tasks added: none
    expect(await code('deadline:later,dropped')).toBe(1); // dropped 6.1
  });

  it('an unknown class is a usage error', async () => {
    const r = await runCli(['diff', FX.zhoushan, '--fail-on', 'deadline:sooner']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown deadline class "sooner"');
  });

  it('16号 against itself exits 0 with --fail-on deadline', async () => {
    expect((await runCli(['diff', FX.province, FX.province, '--fail-on', 'deadline,dropped,added'])).code).toBe(0);
  });
});

/** What a diff of a plan against itself must show: nothing. */
function expectNoChanges(d: PlanDiff, label: string) {
  expect(d.dropped, label).toEqual([]);
  expect(d.added, label).toEqual([]);
  expect(changes(d), label).toEqual([]);
  expect(d.summary.deadlineChanges + d.summary.deadlinesNotRestated, label).toBe(0);
  expect(d.keyListLinks.filter((k) => k.base !== k.local || k.kind !== 'same'), label).toEqual([]);
}

describe('a plan diffed against itself has no changes of any kind', () => {
  // every notice under fixtures/ (seeds, real pairs and bases, plan shapes), parsed twice
  const docs = readdirSync('fixtures', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(txt|html)$/.test(f) && !f.startsWith('snapshots') && f !== 'report-example.html')
    .sort();
  it('covers the seeds, the real pairs and the plan shapes', () => {
    expect(docs.length).toBeGreaterThanOrEqual(Object.keys(FX).length + 10);
  });
  it.each(docs)('%s', async (f) => {
    const a = await parseFile(join('fixtures', f));
    if (a.tasks.length === 0) return; // not a plan (a 批复, a 通报): nothing to diff
    expectNoChanges(diffNotices(a, await parseFile(join('fixtures', f))), f);
  });

  it('the embedded 16号', () => {
    const b = loadBase();
    expectNoChanges(diffNotices(b, b), 'base');
  });

  // Generated plans: distinct real tasks of 16号 in random order and projects, each with random time
  // requirements spliced into its text, and a key list of real rows with random 时间要求 cells.
  const base = loadBase();
  const TIMES = ['2018年底前完成', '2019年6月底前', '每年开展', '每年12月底前清理', '逐年推进', '2018—2020年', '用3年时间', '10个工作日内办结', '每季度通报', '年初有清单、年中有督查、年末有考评', '2020年起', '制订年度工作计划'];
  const taskArb = fc.record({ t: fc.nat(base.tasks.length - 1), times: fc.array(fc.constantFrom(...TIMES), { maxLength: 3 }) });
  const planArb = fc.record({
    tasks: fc.uniqueArray(taskArb, { minLength: 2, maxLength: 10, selector: (x) => x.t }),
    rows: fc.uniqueArray(fc.record({ r: fc.nat(base.keyList.length - 1), cell: fc.constantFrom(...TIMES, '执行国家规定', '适时完成') }), { maxLength: 12, selector: (x) => x.r }),
    projects: fc.integer({ min: 1, max: 3 }),
  });
  it('generated plans (fast-check)', () => {
    fc.assert(
      fc.property(planArb, ({ tasks, rows, projects }) => {
        const texts = tasks.map(({ t, times }) => {
          const task = base.tasks[t];
          const extra = times.map((x) => `${x}${task.title.slice(0, 4)}相关工作。`).join('');
          return `${task.title}。${extra}${task.text.slice(task.title.length + 1, 160)}`;
        });
        const text = plan(texts, rows.map(({ r, cell }) => [base.keyList[r].task, cell]), Math.min(projects, texts.length));
        const n = parseText(text);
        // the generated plan reads as written (else the property would hold vacuously)
        expect(n.tasks.length, text).toBe(texts.length);
        expect(n.keyList.length, text).toBe(rows.length);
        expectNoChanges(diffNotices(n, parseText(text)), text); // two parses: no shared objects
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});
