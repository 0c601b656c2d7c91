import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
// iconv-lite (a transitive dependency) is used ONLY here, to produce legacy-encoded bytes.
import iconv from 'iconv-lite';
import { decodeBytes } from '../src/read/decode.js';
import { htmlToText } from '../src/read/html.js';
import { readSource, sourceFromBytes } from '../src/read/source.js';
import { PlancmpError } from '../src/errors.js';

const SIMPLIFIED = readFileSync(new URL('../fixtures/002_2cdac00586eece9b.txt', import.meta.url), 'utf8');
const TRADITIONAL = readFileSync(new URL('../fixtures/001_2a7fecd8e03c454a.txt', import.meta.url), 'utf8');

/** The PlancmpError thrown by fn (fails the test if none). */
function errorOf(fn: () => unknown): PlancmpError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PlancmpError);
    return e as PlancmpError;
  }
  throw new Error('expected a PlancmpError');
}

async function rejection(p: Promise<unknown>): Promise<PlancmpError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PlancmpError);
  return e as PlancmpError;
}

const bytes = (...parts: Array<number[] | Uint8Array>) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeBytes: encodings', () => {
  it('reads UTF-8 as is', () => {
    const r = decodeBytes(Buffer.from(SIMPLIFIED), 'a.txt');
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(SIMPLIFIED);
  });

  it('strips a UTF-8 BOM', () => {
    const r = decodeBytes(bytes([0xef, 0xbb, 0xbf], Buffer.from('浙政发〔2018〕16号')), 'a.txt');
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe('浙政发〔2018〕16号');
  });

  it('detects GB18030 (GBK) bytes of a simplified notice, including 4-byte sequences', () => {
    const text = SIMPLIFIED + '\n𠀀€';
    const r = decodeBytes(iconv.encode(text, 'gb18030'), 'gbk.txt');
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe(text);
    expect(r.warnings).toEqual([]);
  });

  it('detects Big5 bytes of a traditional notice', () => {
    // The fixture carries pinyin annotations (發(fā)); most of their letters are not in Big5.
    const plain = TRADITIONAL.replace(/\([a-z\u00e0-\u01dc ]+\)/g, '');
    const big5 = iconv.encode(plain, 'big5');
    const r = decodeBytes(big5, 'big5.txt');
    expect(r.encoding).toBe('big5');
    // Characters Big5 lacks were replaced while encoding: compare the lines that survive it.
    const representable = plain.split('\n').filter((l) => l && iconv.decode(iconv.encode(l, 'big5'), 'big5') === l && !/[\u00c0-\u024f]/.test(l));
    expect(representable.length).toBeGreaterThan(20);
    const got = new Set(r.text.split('\n'));
    for (const line of representable) expect(got).toContain(line);
  });

  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    const le = decodeBytes(bytes([0xff, 0xfe], iconv.encode(SIMPLIFIED, 'utf-16le')), 'le.txt');
    expect(le).toMatchObject({ encoding: 'utf-16le', text: SIMPLIFIED });
    const be = decodeBytes(bytes([0xfe, 0xff], iconv.encode(SIMPLIFIED, 'utf-16be')), 'be.txt');
    expect(be).toMatchObject({ encoding: 'utf-16be', text: SIMPLIFIED });
  });

  it('refuses UTF-16 without a BOM, and reads it when forced', () => {
    const raw = iconv.encode(SIMPLIFIED, 'utf-16le');
    const e = errorOf(() => decodeBytes(raw, 'nobom.txt'));
    expect(e.code).toBe('utf16-no-bom');
    expect(e.hint).toContain('--encoding utf-16le');
    expect(decodeBytes(raw, 'nobom.txt', 'UTF-16LE').text).toBe(SIMPLIFIED);
  });

  it('cannot tell random high bytes apart and asks for --encoding', () => {
    const junk = Uint8Array.from({ length: 3000 }, (_, i) => 0x80 + ((i * 37) % 0x7f));
    const e = errorOf(() => decodeBytes(junk, 'x.txt'));
    expect(e.code).toBe('encoding');
    expect(e.hint).toContain('--encoding');
  });
});

describe('decodeBytes: --encoding', () => {
  const gbk = iconv.encode(SIMPLIFIED, 'gbk');

  it('accepts GBK-family aliases case-insensitively', () => {
    for (const name of ['GBK', 'gb2312', 'CP936', 'gb18030']) {
      const r = decodeBytes(gbk, 'a.txt', name);
      expect(r.encoding).toBe('gb18030');
      expect(r.text).toBe(SIMPLIFIED);
    }
  });

  it('rejects an unknown name, listing the accepted ones', () => {
    const e = errorOf(() => decodeBytes(gbk, 'a.txt', 'latin-9'));
    expect(e.code).toBe('bad-encoding');
    expect(e.hint).toContain('gb18030');
    expect(e.hint).toContain('big5');
  });

  it('reports a forced wrong encoding instead of returning mojibake', () => {
    const e = errorOf(() => decodeBytes(gbk, 'a.txt', 'utf-8'));
    expect(e.code).toBe('wrong-encoding');
    expect(e.message).toMatch(/decoding as utf-8 produced \d+ replacement characters/);
  });
});

describe('decodeBytes: forced but doubtful', () => {
  it('refuses --encoding big5 on GBK bytes (garbled, not an error per byte) and names gb18030', () => {
    const e = errorOf(() => decodeBytes(iconv.encode(SIMPLIFIED, 'gbk'), 'a.txt', 'big5'));
    expect(e.code).toBe('wrong-encoding');
    expect(e.message).toContain('it reads as gb18030');
    expect(e.hint).toContain('--encoding gb18030');
  });
});

describe('decodeBytes: not a notice', () => {
  it.each([
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['ZIP', bytes(Buffer.from('PK\x03\x04\x14\x00\x00\x00'), Buffer.from('data.bin'))],
    ['DOCX', bytes(Buffer.from('PK\x03\x04\x14\x00\x00\x00'), Buffer.from('word/document.xml'))],
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')],
  ])('names a %s file', (kind, input) => {
    const e = errorOf(() => decodeBytes(input, 'x'));
    expect(e.code).toBe('binary');
    expect(e.message).toBe(`this is a ${kind} file, not a text or HTML notice`);
    if (kind === 'PDF') expect(e.hint).toContain('readBytes');
  });

  it('refuses other binary data (NUL bytes)', () => {
    const e = errorOf(() => decodeBytes(Uint8Array.from([1, 0, 0, 0, 200, 0, 0, 7, 0, 0, 0, 0, 9]), 'x.bin'));
    expect(e.code).toBe('binary');
  });

  it('refuses empty and whitespace-only files', () => {
    expect(errorOf(() => decodeBytes(new Uint8Array(0), 'e.txt')).code).toBe('empty');
    expect(errorOf(() => decodeBytes(Buffer.from(' \n\u3000\n'), 'e.txt')).code).toBe('empty');
  });
});

const GOV_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>关于印发实施方案的通知 - 湖州市人民政府</title>
<script>var ad = "脚本里的广告文字";</script><style>.x{color:red}</style></head>
<body>
<div class="top-header"><div class="logo">湖州市人民政府门户网站</div>
<ul class="main-nav"><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li><li><a href="/fw">政务服务</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zw">政府文件</a></div>
<div class="xxgk_top"><table>
<tr><td>索 引 号：</td><td>002532386/2018-00123</td><td>发布机构：</td><td>湖州市人民政府</td></tr>
<tr><td>发文字号：</td><td>湖政发〔2018〕20号</td><td>成文日期：</td><td>2018-06-30</td></tr>
</table></div>
<h1>湖州市人民政府关于印发政府“两强三提高”建设行动计划实施方案的通知</h1>
<div id="zoom">
<p>各县区人民政府，市府各部门，市直各单位：</p>
<p>&nbsp;&nbsp;现将《实施方案》印发给你们，请认真贯彻执行。</p>
<p>　　一、总体要求</p>
<p>　　高举习近平新时代中国特色社会主义思想伟大旗帜，全面贯彻党的十九大和省市党代会精神，
坚定不移沿着“八八战略”指引的路子走下去。</p>
<p>附件</p>
<table border="1"><tbody>
<tr><td><p>序号</p></td><td><p>重点任务</p></td><td>责任(牵头)单位</td><td>时间要求</td></tr>
<tr><td>1</td><td>任务</td><td>单位</td><td>时间</td></tr>
<tr><td>2</td><td>严控公文、<br>会议数量</td><td>市政府办公室</td><td>每年推进</td></tr>
</tbody></table>
<div class="share">分享到：微信 微博</div>
</div>
<div class="related"><h3>相关文件</h3><ul><li><a href="1.html">关于印发某某工作方案的通知</a></li></ul></div>
<footer><p>主办单位：湖州市人民政府办公室 网站标识码：3305000001</p></footer>
<script>console.log("统计代码")</script>
</body></html>`;

describe('htmlToText', () => {
  const { text, warnings } = htmlToText(GOV_PAGE);
  const lines = text.split('\n');

  it('puts the metadata block and the title on top', () => {
    expect(lines.slice(0, 5)).toEqual([
      '索引号：002532386/2018-00123',
      '发布机构：湖州市人民政府',
      '发文字号：湖政发〔2018〕20号',
      '成文日期：2018-06-30',
      '湖州市人民政府关于印发政府“两强三提高”建设行动计划实施方案的通知',
    ]);
  });

  it('gives one line per body paragraph, keeping U+3000 indentation', () => {
    expect(lines).toContain('各县区人民政府，市府各部门，市直各单位：');
    expect(lines).toContain('现将《实施方案》印发给你们，请认真贯彻执行。');
    expect(lines).toContain('　　一、总体要求');
    // A source line break inside a Chinese paragraph is not a space.
    expect(lines).toContain(
      '　　高举习近平新时代中国特色社会主义思想伟大旗帜，全面贯彻党的十九大和省市党代会精神，坚定不移沿着“八八战略”指引的路子走下去。',
    );
    expect(text).not.toMatch(/\n\n/);
  });

  it('turns each table row into one | cell | line', () => {
    expect(lines).toContain('| 序号 | 重点任务 | 责任(牵头)单位 | 时间要求 |');
    expect(lines).toContain('| 1 | 任务 | 单位 | 时间 |');
    expect(lines).toContain('| 2 | 严控公文、 会议数量 | 市政府办公室 | 每年推进 |');
  });

  it('leaves out navigation, breadcrumbs, sharing, related links, footer and scripts', () => {
    for (const junk of ['首页', '政务服务', '当前位置', '分享到', '相关文件', '某某工作方案', '主办单位', '脚本', '统计代码', 'color:red']) {
      expect(text).not.toContain(junk);
    }
    expect(warnings).toEqual([]);
  });

  it('finds the body without a known container, ignoring a link-heavy sidebar', () => {
    const para = '各地各部门要切实加强组织领导，明确责任分工，确保各项任务落到实处，按时完成。';
    const page = `<html><body><div class="wrap">
      <div class="left"><ul>${'<li><a href="#">关于做好有关工作的通知公告</a></li>'.repeat(30)}</ul></div>
      <div class="right"><div class="txt">${`<p>${para}</p>`.repeat(8)}</div></div>
      </div></body></html>`;
    const r = htmlToText(page);
    expect(r.text.split('\n').filter(Boolean)).toEqual(Array(8).fill(para));
  });

  it('keeps the notice when an ASP.NET <form> wraps the whole page', () => {
    const page = `<html><body><form id="form1"><div>${'<p>加强政府自身建设，提高行政效率和政府公信力。</p>'.repeat(5)}</div></form></body></html>`;
    const r = htmlToText(page);
    expect(r.text.split('\n')).toContain('加强政府自身建设，提高行政效率和政府公信力。');
    expect(r.warnings).toEqual([]);
  });

  it('finds no notice in a page without notice text (e.g. content loaded by script)', () => {
    const r = htmlToText('<html><body><div id="zoom"></div><script>load("正文内容加载")</script><p>首页</p></body></html>');
    expect(r.found).toBe(false);
  });

  it('keeps the line breaks of a notice pasted into <pre>', () => {
    const body = '一、总体要求\n（一）指导思想。高举习近平新时代中国特色社会主义思想伟大旗帜。\n（二）基本原则。坚持问题导向，坚持改革创新。';
    const r = htmlToText(`<html><body><pre>${body}</pre></body></html>`);
    expect(r.text).toBe(body + '\n');
  });

  it('survives 10,000 nested divs', () => {
    const page = '<html><body>' + '<div>'.repeat(10000) + '深层嵌套的正文内容'.repeat(10) + '</div>'.repeat(10000) + '</body></html>';
    const r = htmlToText(page);
    expect(r.text).toContain('深层嵌套的正文内容');
    expect(r.warnings.map((w) => w.code)).toContain('html-deep-nesting');
    // Tags the pre-parse cap does not touch reach the tree walks at full depth.
    const ins = htmlToText('<html><body>' + '<ins>'.repeat(10000) + '深层嵌套的正文内容'.repeat(10) + '</ins>'.repeat(10000) + '</body></html>');
    expect(ins.text).toContain('深层嵌套的正文内容');
  });
});

describe('readSource / sourceFromBytes', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plancmp-read-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a text notice from disk', async () => {
    const file = join(dir, 'notice.txt');
    writeFileSync(file, iconv.encode(SIMPLIFIED, 'gbk'));
    const s = await readSource(file);
    expect(s).toMatchObject({ file, encoding: 'gb18030', format: 'text', text: SIMPLIFIED });
    expect(s.bytes).toBeGreaterThan(0);
  });

  it('extracts the notice from an .html file', async () => {
    const file = join(dir, 'page.html');
    writeFileSync(file, GOV_PAGE);
    const s = await readSource(file);
    expect(s.format).toBe('html');
    expect(s.text).toContain('| 1 | 任务 | 单位 | 时间 |');
    expect(s.text).not.toContain('<p>');
  });

  it('sniffs HTML saved with a .txt name', () => {
    const s = sourceFromBytes(Buffer.from(GOV_PAGE), 'saved.txt');
    expect(s.format).toBe('html');
    expect(s.text).not.toContain('<div');
  });

  it('keeps a plain-text notice with a few angle brackets as text', () => {
    const s = sourceFromBytes(Buffer.from('各乡镇<街道>人民政府：\n现将《方案》印发给你们。\n'), 'a.txt');
    expect(s.format).toBe('text');
  });

  it('uses the charset a legacy page declares', () => {
    const traditional = GOV_PAGE.replace('charset="utf-8"', 'charset="big5"').replace('<div id="zoom">', `<div id="zoom"><p>${TRADITIONAL.split('\n')[5]}</p>`);
    const s = sourceFromBytes(iconv.encode(traditional, 'big5'), 'page.htm');
    expect(s.encoding).toBe('big5');
    expect(s.text).toContain('現將');
  });

  it('trusts UTF-8 bytes over a stale <meta charset=gb2312> (browser-saved page)', () => {
    const s = sourceFromBytes(Buffer.from(GOV_PAGE.replace('charset="utf-8"', 'charset="gb2312"')), 'page.html');
    expect(s.encoding).toBe('utf-8');
    expect(s.text).toContain('各县区人民政府');
  });

  it('reads standard input for "-"', async () => {
    const s = await readSource('-', { stdin: Readable.from([Buffer.from('现将方案印发给你们。\n')]) });
    expect(s).toMatchObject({ file: '<stdin>', format: 'text', text: '现将方案印发给你们。\n' });
  });

  it('reports a missing file, a directory and an empty file', async () => {
    expect((await rejection(readSource(join(dir, 'nope.txt')))).code).toBe('not-found');
    const sub = join(dir, 'folder');
    mkdirSync(sub);
    const e = await rejection(readSource(sub));
    expect(e.code).toBe('is-directory');
    expect(e.hint).toContain('plancmp export');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect((await rejection(readSource(empty))).code).toBe('empty');
  });

  it('refuses files over the size limit, on disk and on stdin', async () => {
    const file = join(dir, 'big.txt');
    writeFileSync(file, SIMPLIFIED);
    const e = await rejection(readSource(file, { maxBytes: 1000 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('the limit is 1000 bytes');
    const stdin = Readable.from([Buffer.from(SIMPLIFIED)]);
    expect((await rejection(readSource('-', { stdin, maxBytes: 1000 }))).code).toBe('too-large');
  });

  it('names a PDF that cannot be read', async () => {
    const file = join(dir, 'notice.pdf');
    writeFileSync(file, '%PDF-1.4\n');
    const e = await rejection(readSource(file));
    expect(e.describe()).toContain('cannot read this PDF file');
  });
});

describe('encoding detection on a large page head', () => {
  it('finds GB18030 when the first 64 KB are ASCII scripts and styles', async () => {
    const iconv = (await import('iconv-lite')).default;
    const { decodeBytes } = await import('../src/read/decode.js');
    const head = `<html><head><script>${'var a = 1;\n'.repeat(9000)}</script></head><body>`;
    const body = '<p>浙江省人民政府关于印发政府“两强三提高”建设行动计划的通知</p>'.repeat(50) + '</body></html>';
    const bytes = iconv.encode(head + body, 'gb18030');
    expect(head.length).toBeGreaterThan(1 << 16);
    const d = decodeBytes(bytes, 'big-head.html');
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain('两强三提高');
  });
});
