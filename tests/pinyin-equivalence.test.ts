// normalize/pinyin.ts copies the text between glosses in slices; it must give exactly what the
// character-by-character version (kept here as the reference) gives.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { isPinyinSyllable, stripPinyin } from '../src/normalize/pinyin.js';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
function reference(line: string): { text: string; removed: number } {
  if (!line.includes('(') && !line.includes('（')) return { text: line, removed: 0 };
  let out = '';
  let removed = 0;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if ((ch === '(' || ch === '（') && i > 0) {
      const close = ch === '(' ? ')' : '）';
      let end = -1;
      for (let k = i + 1; k < line.length && k - i <= 10; k++) {
        if (line[k] === close) {
          end = k;
          break;
        }
      }
      if (end > i) {
        const inner = line.slice(i + 1, end).trim();
        if (isPinyinSyllable(inner) && (CJK.test(line[i - 1]) || [...inner].some((c) => TONED.includes(c)))) {
          removed++;
          i = end + 1;
          continue;
        }
      }
    }
    out += ch;
    i++;
  }
  return { text: out, removed };
}

describe('stripPinyin', () => {
  it('equals the reference on the glossed fixture and on random strings', () => {
    for (const l of readFileSync('fixtures/001_2a7fecd8e03c454a.txt', 'utf8').split('\n')) expect(stripPinyin(l)).toEqual(reference(l));
    const alphabet = [...'發(fā)會（huì ）()（）abcxyzāáǎàüǖ 中文2018—年', '\ud842', '\udfb7', 'zh', 'ang', 'fā', 'xué', 'APP', '試行'];
    let seed = 9;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let t = 0; t < 50000; t++) {
      let s = '';
      const k = Math.floor(rnd() * 20);
      for (let i = 0; i < k; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const got = stripPinyin(s);
      const want = reference(s);
      if (got.text !== want.text || got.removed !== want.removed) expect({ s, ...got }).toEqual({ s, ...want });
    }
  });
});
