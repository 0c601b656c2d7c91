// normalize/width.ts unifies widths in one pass over a table; it must give exactly what the
// step-by-step regular-expression version (kept here as the reference) gives.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unifyWidth } from '../src/normalize/width.js';

function isWide(c: string | undefined): boolean {
  if (!c) return false;
  return c.charCodeAt(0) >= 0x2e80;
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
const TO_FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；', '!': '！' };
function reference(input: string): string {
  let s = input.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\u3000\u00a0\u2002\u2003\u200b\ufeff]/g, ' ');
  if (s.includes('．') || s.includes('﹒')) s = s.replace(/[．﹒]/g, '.');
  s = s.replace(/[(),:;!]/g, (ch: string, at: number, str: string) => ((ch === ',' || ch === ':') && isDigit(str[at - 1]) && isDigit(str[at + 1]) ? ch : TO_FULL[ch]));
  s = s.replace(/[ \t]+/g, (m: string, at: number, str: string) => {
    const prev = str[at - 1];
    const next = str[at + m.length];
    return prev !== undefined && next !== undefined && !isWide(prev) && !isWide(next) && !TO_FULL[prev] && !TO_FULL[next] ? ' ' : '';
  });
  s = s.replace(/((?:19|20)\d{2})(年?)[-－–~～─]((?:19|20)\d{2})/g, '$1$2—$3');
  s = s.replace(/[﹝\[［【〔（]((?:19|20)\d{2})[﹞\]］】〕）](?=\d{1,4}号)/g, '〔$1〕');
  return s.trim();
}

function lines(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...lines(p));
    else if (/\.(txt|html?)$/.test(e.name)) out.push(...readFileSync(p, 'utf8').split('\n'));
  }
  return out;
}

describe('unifyWidth', () => {
  it('equals the regular-expression reference on every fixture line', () => {
    const all = lines('fixtures');
    expect(all.length).toBeGreaterThan(1000);
    for (const l of all) if (unifyWidth(l) !== reference(l)) expect(unifyWidth(l)).toBe(reference(l));
  });

  it('equals the reference on random strings of the characters it treats specially', () => {
    const alphabet = [...'０９５Ａｚ\u3000\u00a0\u2002\u2003\u200b\ufeff．﹒(),:;! \t19203年号-－–~～─—﹝[［【〔（﹞]］】〕）aZ中，.x\n\r\u2028\u2e80\u2e7f', '\ud842', '\udfb7'];
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let t = 0; t < 100000; t++) {
      let s = '';
      const k = Math.floor(rnd() * 16);
      for (let i = 0; i < k; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      if (unifyWidth(s) !== reference(s)) expect(unifyWidth(s)).toBe(reference(s));
    }
  });

  it('examples', () => {
    expect(unifyWidth('　　到２０２０ 年底前, 完成(一)项:10:30, 3,946')).toBe('到2020年底前，完成（一）项：10:30，3,946');
    expect(unifyWidth('浙政发[2018]16号 2018-2020年')).toBe('浙政发〔2018〕16号2018—2020年');
  });
});
