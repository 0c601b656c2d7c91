// Faster versions of reading and parsing helpers must give exactly what the versions they replaced
// gave (kept here as the references): over every fixture line and over random strings of the
// characters each treats specially.
import { describe, it, expect } from 'vitest';
import { splitUnits, stripUnitLabel, unifyUnitBrackets } from '../src/parse/units.js';
import { isFieldLine, isTableRow, opensElement, rejoin, type Line } from '../src/normalize/rejoin.js';
import type { Paragraph } from '../src/model.js';
import { textsBelow } from './helpers.js';

const BARE_LEVEL = /^各?(?:有关|相关)?[省市县区乡镇街道]{1,3}$/;

/** splitUnits as it was: the current part built a character at a time. */
function splitUnitsReference(list: string): string[] {
  const s = unifyUnitBrackets(stripUnitLabel(list.trim()).rest);
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '〔') depth++;
    else if (ch === '〕') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === '、' || ch === '，' || ch === ',' || ch === '；' || ch === ';' || ch === ' ')) {
      parts.push(cur);
      cur = '';
      continue;
    }
    if (depth === 0 && (ch === '和' || ch === '及') && s.startsWith('其他', i + 1)) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  const units: string[] = [];
  let pending = '';
  for (const raw of parts) {
    const p = raw.trim().replace(/。$/, '');
    if (!p) continue;
    if (BARE_LEVEL.test(p)) {
      pending = pending ? `${pending}、${p}` : p;
      continue;
    }
    units.push(pending ? `${pending}、${p}` : p);
    pending = '';
  }
  if (pending) units.push(pending);
  return units;
}

const fixtureLines = textsBelow('fixtures').flatMap((t) => t.split('\n'));

function randomStrings(alphabet: string[], count: number, maxLength: number, seed: number): string[] {
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out: string[] = [];
  for (let t = 0; t < count; t++) {
    let s = '';
    const k = Math.floor(rnd() * maxLength);
    for (let i = 0; i < k; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    out.push(s);
  }
  return out;
}

describe('splitUnits', () => {
  it('equals the reference on every fixture line and every bracket of one', () => {
    expect(fixtureLines.length).toBeGreaterThan(1000);
    for (const l of fixtureLines) {
      const pieces = [l, ...l.split(/[（()）]/)];
      for (const p of pieces) if (JSON.stringify(splitUnits(p)) !== JSON.stringify(splitUnitsReference(p))) expect(splitUnits(p)).toEqual(splitUnitsReference(p));
    }
  });

  it('equals the reference on random strings', () => {
    const alphabet = [...'〔〕（）()<>、，,；; 和及其他各市县区省政府办。：:牵头单位责任\t\u3000x', '\ud842', '\udfb7', '牵头单位：', '其他'];
    for (const s of randomStrings(alphabet, 50000, 24, 7)) if (JSON.stringify(splitUnits(s)) !== JSON.stringify(splitUnitsReference(s))) expect(splitUnits(s)).toEqual(splitUnitsReference(s));
  });
});

function isTableRowReference(t: string): boolean {
  let pipes = 0;
  for (let i = 0; i < t.length && pipes < 3; i++) if (t[i] === '|') pipes++;
  return pipes >= 3;
}

const TERMINAL = new Set(['。', '！', '？', '；', '：', '）', '」', '』', '】', '〕', '…']);
/** rejoin as it was: the pipes of each line counted a character at a time. */
function rejoinReference(lines: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let parts: string[] = [];
  let cur: Paragraph | undefined;
  let length = 0;
  let punct = false;
  let pipes = 0;
  let bar = false;
  let field = false;
  let last = '';
  const finish = () => {
    if (cur && parts.length > 1) cur.text = parts.join('');
  };
  for (const l of lines) {
    if (l.text.length === 0) continue;
    const joinable = cur !== undefined && !TERMINAL.has(last) && pipes < 3 && !bar && !field && length >= 12 && punct && !opensElement(l.text);
    if (cur && joinable) {
      parts.push(l.text);
      cur.lines.push(l.line);
      length += l.text.length;
    } else {
      finish();
      cur = { text: l.text, line: l.line, lines: [l.line] };
      out.push(cur);
      parts = [l.text];
      length = l.text.length;
      punct = false;
      pipes = 0;
      bar = l.text.startsWith('|');
      field = isFieldLine(l.text);
    }
    for (let i = 0; i < l.text.length && pipes < 3; i++) if (l.text[i] === '|') pipes++;
    punct ||= /[，。、；：]/.test(l.text);
    last = l.text[l.text.length - 1];
  }
  finish();
  return out;
}

describe('table rows and re-joined lines', () => {
  const alphabet = [...'|||一，。：x 　', '|'];
  const random = randomStrings(alphabet, 50000, 12, 3);

  it('isTableRow equals the reference on fixture lines and random strings', () => {
    for (const l of [...fixtureLines, ...random]) if (isTableRow(l) !== isTableRowReference(l)) expect([l, isTableRow(l)]).toEqual([l, isTableRowReference(l)]);
  });

  it('rejoin equals the reference on every fixture and on random runs of lines', () => {
    const lineSets: Line[][] = textsBelow('fixtures').map((t) => t.split('\n').map((text, i) => ({ text: text.trim(), line: i + 1 })));
    for (let k = 0; k + 6 <= random.length; k += 6) lineSets.push(random.slice(k, k + 6).map((text, i) => ({ text: '文字文字文字，文字文字文字' + text, line: i + 1 })));
    for (const ls of lineSets) {
      const a = JSON.stringify(rejoin(ls));
      const b = JSON.stringify(rejoinReference(ls));
      if (a !== b) expect(a).toBe(b);
    }
  });
});
