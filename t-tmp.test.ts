import { it } from 'vitest';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { decodeBytes } from './src/read/decode.js';
import { htmlToText } from './src/read/html.js';
const T = readFileSync('fixtures/002_2cdac00586eece9b.txt', 'utf8');
const tryit = (f: () => any) => { try { const r = f(); return r.encoding ?? r; } catch (e: any) { return 'ERR ' + e.code + ' ' + e.message; } };
it('misc', () => {
  const pure = T.replace(/[\x00-\x7f]/g, '');
  console.log('pure utf16le', tryit(() => decodeBytes(iconv.encode(pure, 'utf-16le'), 'x')));
  console.log('pure utf16be', tryit(() => decodeBytes(iconv.encode(pure, 'utf-16be'), 'x')));
  console.log('ascii utf16be', tryit(() => decodeBytes(iconv.encode('hello world\nfoo bar\n', 'utf-16be'), 'x')));
  const g = iconv.encode(T, 'gbk'); const trunc = g.subarray(0, g.length - 1 - (g[g.length-2] > 0x80 ? 0 : 0));
  const cut = Buffer.concat([g.subarray(0, 1001), Buffer.from('\n')]);
  const r = decodeBytes(cut, 'x'); console.log('gbk cut', r.encoding, r.warnings);
  const u = Buffer.concat([Buffer.from(T), Buffer.from([0xe4, 0xb8])]);
  const r2 = decodeBytes(u, 'x'); console.log('utf8 truncated', r2.encoding, r2.warnings);
  const rnd = Buffer.alloc(5000); for (let i = 0; i < rnd.length; i++) rnd[i] = (i * 7919 + 13) % 256;
  console.log('random', tryit(() => decodeBytes(rnd, 'x')));
  console.log('latin1', tryit(() => decodeBytes(Buffer.from('café au lait, déjà vu\n', 'latin1'), 'x')));
  console.log('forced big5 on gbk', tryit(() => decodeBytes(g, 'x', 'big5')));
  console.log('forced utf8 on utf16', tryit(() => decodeBytes(iconv.encode(T, 'utf-16le'), 'x', 'utf8')));
  for (const [name, html] of [
    ['nested200k', '<div>'.repeat(200000) + '中文'.repeat(30) + '</div>'.repeat(200000)],
    ['noclose', '<a'.repeat(2_000_000)],
    ['manyp', '<p>段落内容'.repeat(300000)],
    ['spans', '<span class="x">'.repeat(100000) + '正文'],
    ['tables', '<table><tr><td>'.repeat(3000) + '正文'],
    ['bigtable', '<table>' + '<tr><td>1</td><td>任务内容任务内容</td><td>单位</td></tr>'.repeat(100000) + '</table>'],
  ] as const) {
    const t0 = Date.now(); const r = htmlToText(html); console.log(name, html.length, Date.now() - t0, 'ms', r.text.length, r.warnings.map(w => w.code));
  }
  const fx = readFileSync('fixtures/001_2a7fecd8e03c454a.txt', 'utf8').split('\n');
  const page = '<html><body><div class="main"><div class="con">' + fx.map(l => `<p>${l}</p>`).join('\n') + '</div></div></body></html>';
  const out = htmlToText(page).text.split('\n');
  const want = fx.map(l => l.trim()).filter(Boolean);
  console.log('fixture roundtrip', out.length, want.length, out.filter((l, i) => l !== want[i]).slice(0, 3));
});
