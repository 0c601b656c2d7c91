// Key lists published as HTML tables often merge a 类别 column over several rows (rowspan).
import { describe, it, expect } from 'vitest';
import { parseBytes } from '../src/pipeline.js';

const page = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="zoom">
<p>某市人民政府关于印发某某实施方案的通知</p><p>某政发〔2019〕3号</p>
<p>一、总体要求</p><p>二、主要任务</p><p>（一）加强建设。</p>
<p>1.全面推广政务钉钉。2018年底实现政务钉钉全覆盖。（责任单位：市政府办公室）</p>
<p>附件：重点任务清单</p>
<table>
<tr><th>类别</th><th>序号</th><th>重点任务</th><th>责任单位</th><th>时间要求</th></tr>
<tr><td rowspan="2">数字政府</td><td>1</td><td>全面推广政务钉钉</td><td>市政府办公室</td><td>2018年12月底前</td></tr>
<tr><td>2</td><td>建设统一接口平台</td><td rowspan="2">市大数据中心</td><td>2019年6月底前</td></tr>
<tr><td colspan="1">依法行政</td><td>3</td><td>制定公共数据管理规范</td><td>每年推进</td></tr>
</table></div></body></html>`;

describe('HTML key list with merged cells', () => {
  it('keeps every cell under its header when rowspan merges 类别 and 责任单位', () => {
    const n = parseBytes(Buffer.from(page), 'list.html');
    expect(n.keyList.map((r) => [r.id, r.task, r.units.join('、'), r.deadline.text])).toEqual([
      ['L1', '全面推广政务钉钉', '市政府办公室', '2018年12月底前'],
      ['L2', '建设统一接口平台', '市大数据中心', '2019年6月底前'],
      ['L3', '制定公共数据管理规范', '市大数据中心', '每年推进'],
    ]);
  });
});

describe('key list with separate 牵头单位 and 配合单位 columns', () => {
  it('keeps both, lead first, and reads 完成时限 as the deadline', async () => {
    const { parseText } = await import('../src/pipeline.js');
    const n = parseText(
      ['二、主要任务', '1.推广政务钉钉。（责任单位：市府办）', '附件', '重点任务清单', '| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |', '| 1 | 全面推广政务钉钉 | 市府办 | 市大数据局、市财政局 | 2018年12月底前 |'].join('\n'),
    );
    expect(n.keyList).toEqual([
      expect.objectContaining({ id: 'L1', task: '全面推广政务钉钉', units: ['市府办', '市大数据局', '市财政局'], lead: ['市府办'], assist: ['市大数据局', '市财政局'] }),
    ]);
    expect(n.keyList[0].deadline).toMatchObject({ kind: 'by', date: '2018-12-31' });
  });
});
