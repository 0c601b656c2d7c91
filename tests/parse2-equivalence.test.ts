// Faster versions of reading and parsing helpers must give exactly what the versions they replaced
// gave (kept here as the references): over every fixture line and over random strings of the
// characters each treats specially.
import { describe, it, expect } from 'vitest';
import { splitUnits, stripUnitLabel, unifyUnitBrackets } from '../src/parse/units.js';
import { isFieldLine, isTableRow, opensElement, rejoin, type Line } from '../src/normalize/rejoin.js';
import type { KeyListRow, Paragraph, Reference, Task } from '../src/model.js';
import { fieldMarks, FIELD_SOURCE } from '../src/parse/unit-fields.js';
import { findReferences } from '../src/parse/references.js';
import { findDocNumbers } from '../src/parse/docnumber.js';
import { normalize } from '../src/normalize/index.js';
import { rowTasks } from '../src/parse/keylist-tasks.js';
import { bigramSet } from '../src/align/text.js';
import { DEFAULT_READ_PARSE_OPTIONS, type KeyListTaskOptions } from '../src/options.js';
import { parseText } from '../src/pipeline.js';
import { stripPinyin } from '../src/normalize/pinyin.js';
import { textsBelow } from './helpers.js';
import { UNIT_END, UNIT_START } from '../src/vocabulary.js';

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
    // 和/及 before 其他 / 各 / 有关 / 相关 joins two units (区级有关部门和各镇人民政府), unless a party
    // suffix closes the list and is shared (市政府及各部门党委〔党组〕)
    if (depth === 0 && (ch === '和' || ch === '及') && /^(?:其他|各|有关|相关)/.test(s.slice(i + 1, i + 3)) && !/^[^、，,；;\s]*?党(?:委|组)(?:〔党(?:委|组)〕)?(?=$|[、，,；;\s])/.test(s.slice(i + 1))) {
      parts.push(cur);
      cur = '';
      continue;
    }
    // A等有关部门 (stop 40): 等 before a collective closes the named list, the collective is one more unit
    if (depth === 0 && ch === '等' && /^(?:其他|各|有关|相关)/.test(s.slice(i + 1, i + 3)) && cur !== '') {
      parts.push(cur);
      cur = '';
      continue;
    }
    // A、B等和C (issue 25): 等 closes the list, C is one more unit
    if (depth === 0 && ch === '等' && /[和及与]/.test(s[i + 1] ?? '') && cur !== '') {
      parts.push(cur);
      cur = '';
      i++;
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  const units: string[] = [];
  let pending = '';
  for (const raw of parts) {
    const p = raw.trim().replace(/。$/, '');
    // an empty 分工表 cell (—, /, 无) names nobody
    if (!p || /^(?:[—–\-－―/／\\]+|无|暂无|空)$/.test(p)) continue;
    if (BARE_LEVEL.test(p)) {
      pending = pending ? `${pending}、${p}` : p;
      continue;
    }
    units.push(pending ? `${pending}、${p}` : p);
    pending = '';
  }
  if (pending) units.push(pending);
  // 武汉、襄阳、宜昌市人民政府: bare places before the last take its level and body
  const out = units.slice();
  let shared: string | undefined;
  for (let i = out.length - 1; i >= 0; i--) {
    const m = /^[\u4e00-\u9fff]{2,4}?([省市县区州](?:人民政府|政府|委|局|办))$/.exec(out[i]);
    if (m) shared = m[1];
    else if (shared && /^[\u4e00-\u9fff]{2,4}$/.test(out[i]) && !UNIT_END.test(out[i]) && !UNIT_START.test(out[i]) && !BARE_LEVEL.test(out[i])) out[i] += shared;
    else shared = undefined;
  }
  return out;
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
    // a document title's close (…关于…的通知) ends the paragraph even with a 、 in it (issue 27)
    const titleEnd = /关于.*的(?:通知|意见|指导意见|实施意见|决定|批复|复函|函)$/.test(parts.join(''));
    // a heading that is only a short title (（一）以规划为引领，构建绿色网络体系) is complete on its line
    const headingTitle = parts.length === 1 && parts[0].length <= 26 && /^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.](?!\d))/.test(parts[0]) && !/[。；！？]/.test(parts[0]);
    const joinable = cur !== undefined && !TERMINAL.has(last) && pipes < 3 && !bar && !field && !headingTitle && length >= 12 && punct && !opensElement(l.text) && !titleEnd;
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
    // a heading marker's 、 is not sentence punctuation (issue 25)
    punct ||= /[，。、；：]/.test(l.text.replace(/^(?:[一二三四五六七八九十]{1,3}|\d{1,3})、/, ''));
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

/** rowTasks as it was: each task's bigram set built (bigramSet) and walked. */
function rowTasksReference(rows: KeyListRow[], tasks: Task[], T: Readonly<KeyListTaskOptions> = DEFAULT_READ_PARSE_OPTIONS.keyListTasks): Map<string, string> {
  const out = new Map<string, string>();
  if (rows.length === 0 || tasks.length === 0) return out;
  const docs = tasks.map((t) => `${t.title}。${t.text}`);
  const rowGrams = rows.map((r) => [...bigramSet(r.task)]);
  const ids = new Map<number, number>();
  for (const grams of rowGrams) for (const g of grams) if (!ids.has(g)) ids.set(g, ids.size);
  const holders: number[][] = Array.from({ length: ids.size }, () => []);
  for (let k = 0; k < docs.length; k++) {
    for (const g of bigramSet(docs[k])) {
      const at = ids.get(g);
      if (at !== undefined) holders[at].push(k);
    }
  }
  const n = docs.length;
  const num = new Float64Array(tasks.length);
  rows.forEach((r, ri) => {
    const grams = rowGrams[ri];
    const lists = grams.map((g) => holders[ids.get(g)!]);
    const weights = lists.map((list) => Math.log((n + 1) / (list.length + 0.5)));
    const total = weights.reduce((a, b) => a + b, 0);
    num.fill(0);
    if (total !== 0) {
      for (let j = 0; j < grams.length; j++) {
        const list = lists[j];
        const w = weights[j];
        for (let i = 0; i < list.length; i++) num[list[i]] += w;
      }
    }
    let firstK = -1;
    let firstC = -1;
    let second = -1;
    for (let k = 0; k < tasks.length; k++) {
      const c = total === 0 ? 0 : num[k] / total;
      if (c > firstC) {
        second = firstC;
        firstK = k;
        firstC = c;
      } else if (c > second) second = c;
    }
    if (firstK >= 0 && (firstC >= T.close || (firstC >= T.weak && firstC >= T.margin * Math.max(second, 0)))) out.set(r.id, tasks[firstK].id);
  });
  return out;
}

describe('rowTasks', () => {
  it('equals the reference for every fixture notice, and for the rows of each against the tasks of every other', () => {
    const notices = textsBelow('fixtures').map((t, i) => parseText(t, `f${i}.txt`)).filter((n) => n.tasks.length > 0);
    expect(notices.some((n) => n.keyList.length > 0)).toBe(true);
    // short made-up rows and tasks too: one-character contents, repeated bigrams, nothing shared
    const tiny = (id: string, text: string) => ({ ...notices[0].tasks[0], id, title: '', text });
    const made = [tiny('1', '省'), tiny('2', '推进推进推进数字化'), tiny('3', 'abc'), tiny('4', ''), tiny('5', '全省推进省级改革，我市全域'), tiny('6', '𠮷 a，b。1')];
    const madeRows = [{ ...notices.find((n) => n.keyList.length)!.keyList[0], id: 'r1', task: '推进推进' }, { ...notices.find((n) => n.keyList.length)!.keyList[0], id: 'r2', task: '省' }, { ...notices.find((n) => n.keyList.length)!.keyList[0], id: 'r3', task: '全域推进本级改革' }];
    let compared = 0;
    const compare = (rows: KeyListRow[], tasks: Task[]) => {
      expect([...rowTasks(rows, tasks)]).toEqual([...rowTasksReference(rows, tasks)]);
      compared++;
    };
    // the made-up rows against every notice's tasks once, and every notice's own rows against every
    // notice's tasks (a notice without rows compares nothing: the pairs grow with the fixtures squared)
    const everyTasks = [...notices.map((n) => n.tasks as Task[]), made];
    for (const tasks of everyTasks) compare(madeRows, tasks);
    for (const a of notices) if (a.keyList.length) for (const tasks of everyTasks) compare(a.keyList, tasks);
    expect(compared).toBeGreaterThan(10);
  });
});

describe('normalize: the text is joined again only when a gloss was removed', () => {
  it('stripPinyin returns the line itself whenever it removes nothing (what normalize relies on)', () => {
    const alphabet = [...'(（)）发fāa中 ', 'xué', 'zhōng', '（fā）', '(fa)'];
    for (const l of [...fixtureLines, ...randomStrings(alphabet, 20000, 12, 5)]) {
      const r = stripPinyin(l);
      if (r.removed === 0 && r.text !== l) expect(r.text).toBe(l);
    }
  });
});

describe('owner-note fields', () => {
  it('fieldMarks equals matchAll over fixture lines, their brackets and random strings', () => {
    const re = new RegExp(FIELD_SOURCE, 'g');
    const alphabet = ['责任单位', '牵头单位', '配合单位', '完成时间', '：', ':', '；', '市发改委', '、', 'x', '单位', '责任'];
    for (const s of [...fixtureLines, ...fixtureLines.flatMap((l) => l.split(/[（()）]/)), ...randomStrings(alphabet, 20000, 10, 9)]) {
      const a = JSON.stringify(fieldMarks(s).map((m) => [m.index, ...m]));
      const b = JSON.stringify([...s.matchAll(re)].map((m) => [m.index, ...m]));
      if (a !== b) expect(a).toBe(b);
    }
  });
});

/** findReferences as it was: every paragraph tested for a transmittal, a title and a 文号 pattern. */
function findReferencesReference(paras: Paragraph[], preambleEnd: number, own: (string | undefined)[]): Reference[] {
  const DOC_WORD = /(通知|计划|方案|意见|规划|办法|决定|条例|规定|细则|纲要|要点)(（[^（）]{0,16}）)?$/;
  const TRANSMITTAL = /印发给你们|现印发|现将|予以印发|已经.{0,12}同意/;
  const owned = own.filter((s): s is string => !!s);
  const out: Reference[] = [];
  const seen = new Set<string>();
  paras.forEach((p, idx) => {
    const t = p.text;
    const transmittal = TRANSMITTAL.test(t);
    const re = /《([^《》]{2,120})》/g;
    for (const m of t.matchAll(re)) {
      const title = m[1];
      const after = t.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 24);
      const dn = findDocNumbers(after).find((h) => h.index <= 2);
      const carried = transmittal && /(?:贯彻|落实|根据|按照|依据|遵照|执行)$/.test(t.slice(Math.max(0, (m.index ?? 0) - 8), m.index));
      if (!dn && (idx >= preambleEnd || !DOC_WORD.test(title) || (transmittal && !carried))) continue;
      if (!dn && owned.some((o) => o === title || o.includes(title))) continue;
      const key = `${title}|${dn?.docNumber ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ title, docNumber: dn?.docNumber, line: p.line });
    }
    // an opening naming its subject without title or 文号 (a paragraph with a 《title》 cites by that)
    if (idx < preambleEnd && !t.includes('《')) {
      for (const m of t.matchAll(/(?:根据|按照|依据|贯彻落实|贯彻|落实)[^。；，《]{0,14}?关于([^，。；、《》“”]{4,60}?)的(?:决策部署|工作部署|部署|要求|精神|安排)/g)) {
        if (seen.has(`|subject|${m[1]}`)) continue;
        seen.add(`|subject|${m[1]}`);
        out.push({ subject: m[1], line: p.line });
      }
    }
    if (idx < preambleEnd || /根据|按照|依据|贯彻/.test(t)) {
      for (const h of findDocNumbers(t)) {
        if (h.index === 0 || out.some((r) => r.docNumber === h.docNumber)) continue;
        if (t.length <= 30) continue;
        out.push({ docNumber: h.docNumber, line: p.line });
      }
    }
  });
  return out;
}

describe('findReferences', () => {
  it('equals the reference on every fixture, for several preamble ends', () => {
    for (const text of textsBelow('fixtures')) {
      const paras = normalize(text).paragraphs;
      for (const end of [0, 3, 10, 40, paras.length]) {
        const own = [paras[0]?.text, undefined];
        expect(findReferences(paras, end, own)).toEqual(findReferencesReference(paras, end, own));
      }
    }
  });
});
