// The same notice as UTF-8, GB18030, Big5 and as an HTML page yields the same tasks, units and key list.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { parseBytes } from '../src/pipeline.js';
import { stripPinyin } from '../src/normalize/pinyin.js';
import type { Notice } from '../src/model.js';

const province = readFileSync('fixtures/002_2cdac00586eece9b.txt', 'utf8');
// Big5 cannot hold the pinyin tone marks, so compare the traditional notice without its glosses
const huzhou = readFileSync('fixtures/001_2a7fecd8e03c454a.txt', 'utf8')
  .split('\n')
  .map((l) => stripPinyin(l).text)
  .join('\n');

const essence = (n: Notice) => ({
  meta: { docNumber: n.meta.docNumber, date: n.meta.date, issuer: n.meta.issuer },
  tasks: n.tasks.map((t) => ({ id: t.id, title: t.title, units: t.units, deadlines: t.deadlines.map((d) => d.text) })),
  keyList: n.keyList.map((r) => ({ id: r.id, task: r.task, units: r.units, deadline: r.deadline.text })),
});

/** A government-style page: chrome around the body, paragraphs as <p>, the key list as a <table>. */
function asHtml(text: string): string {
  const body = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      if (!l.includes('|')) return `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
      const cells = l.split('|').slice(1, -1).map((c) => c.trim());
      if (cells.every((c) => /^-*$/.test(c))) return '';
      return `<table><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></table>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>浙江省人民政府</title><script>var x = "一、假任务";</script></head>
<body><div class="nav"><a href="/">首页</a> <a href="/zc">政策文件</a></div>
<div id="zoom">${body}</div>
<div class="footer">主办：浙江省人民政府办公厅 网站标识码3300000064</div></body></html>`;
}

describe('one notice, many encodings and forms', () => {
  const utf8 = parseBytes(Buffer.from(province), 'p.txt');

  it('GB18030 bytes parse like UTF-8 and are recognised as GB18030', () => {
    const n = parseBytes(iconv.encode(province, 'gb18030'), 'p-gbk.txt');
    expect(n.source.encoding).toBe('gb18030');
    expect(essence(n)).toEqual(essence(utf8));
  });

  it('an HTML page of the notice yields the same tasks, units and key list', () => {
    const n = parseBytes(Buffer.from(asHtml(province)), 'p.html');
    expect(n.source.format).toBe('html');
    expect(n.tasks).toHaveLength(41);
    expect(n.keyList).toHaveLength(49);
    expect(essence(n).tasks).toEqual(essence(utf8).tasks);
    expect(essence(n).keyList).toEqual(essence(utf8).keyList);
  });

  it('Big5 bytes of the traditional notice parse like its UTF-8 form', () => {
    const plain = parseBytes(Buffer.from(huzhou), 'h.txt');
    const big5 = parseBytes(iconv.encode(huzhou, 'big5'), 'h-big5.txt');
    expect(big5.source.encoding).toBe('big5');
    expect(big5.source.converted).toBe('t2s');
    expect(big5.tasks.map((t) => t.title)).toEqual(plain.tasks.map((t) => t.title));
    expect(big5.keyList.length).toBe(48);
  });

  it('simplified text is never run through the converter (乾安县 stays)', () => {
    const n = parseBytes(Buffer.from(province.replace('省政府研究室', '乾安县政府研究室')), 'q.txt');
    expect(n.source.converted).toBe('none');
    expect(n.tasks.find((t) => t.id === '2.1')!.units).toContain('乾安县政府研究室');
  });
});
