// Header fields of government web pages: a metadata table first, several fields to a line, and the
// issuer's full name from the signature above the 成文日期.
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.js';

describe('metadata fields on one line', () => {
  const page = [
    '索引号: 002733/2019-00123 主题分类: 综合政务',
    '发布机构: 市政府 公开方式: 主动公开 有效性: 有效',
    '成文日期: 2019-05-06 发布日期: 2019-05-08',
    '衢州市人民政府关于印发衢州市深化“最多跑一次”改革实施方案的通知',
    '衢政发〔2019〕8号',
    '各县（市、区）人民政府，市政府各部门：',
    '现将《衢州市深化“最多跑一次”改革实施方案》印发给你们，请认真贯彻执行。',
    '衢州市人民政府',
    '2019年5月6日',
    '衢州市深化“最多跑一次”改革实施方案',
    '一、主要任务',
    '（一）推进政务服务标准化。统一办事指南。（市跑改办、市行政服务中心负责）',
  ].join('\n');

  it('reads each field apart and never runs two together', () => {
    const n = parseText(page, 'quzhou.html');
    expect(n.meta.issuer).not.toMatch(/公开方式|有效性/);
    expect(n.meta.docNumber).toBe('衢政发〔2019〕8号');
  });

  it('prefers the full name of the signature to the table’s short 市政府', () => {
    const n = parseText(page, 'quzhou.html');
    expect(n.meta.issuer).toBe('衢州市人民政府');
    expect(n.meta.date).toBe('2019-05-06');
  });

  it('a notice whose tasks carry no roles keeps lead empty; one with roles fills them', () => {
    const n = parseText(page, 'quzhou.html');
    expect(n.tasks).toHaveLength(1);
    expect(n.tasks[0]).toMatchObject({ id: '1', units: ['市跑改办', '市行政服务中心'], lead: ['市跑改办', '市行政服务中心'] });
  });
});
