// Property-based tests (issue 6): random and mutated notices never crash plancmp.
//  - parseText / parseBytes throw nothing but a PlancmpError (an input error the user can act on);
//  - what they return validates against schema/parse.v1.json and survives a JSON round trip;
//  - parsing is deterministic (the same input gives a deep-equal document);
//  - diffNotices(loadBase(), notice) never throws and validates against schema/diff.v1.json.
// Inputs: token soups of CJK text, brackets, digits, separators and heading markers; windows of
// the fixtures with random insertions, deletions, truncation and line shuffles; the same encoded as
// GB18030, Big5, UTF-16 (with and without BOM) or UTF-8 with BOM and then damaged byte-wise; HTML
// soups. Fixed seeds keep every run reproducible: a failure prints its seed and counterexample.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { parseText, parseBytes, loadBase, diffNotices, type Notice } from '../src/index.js';
import { PlancmpError } from '../src/errors.js';

// ---- ajv setup (as in tests/schema.test.ts) ------------------------------------------------------
import { ajv, validateDiff, validateParse } from './schema-support.js';

/** Throws (so fast-check shrinks and reports) when doc does not validate or does not round-trip. */
function assertValid(validate: ValidateFunction, doc: unknown, label: string): void {
  const json = JSON.parse(JSON.stringify(doc));
  if (!validate(json)) throw new Error(`${label} does not validate: ${ajv.errorsText(validate.errors)}`);
}

// ---- inputs ----------------------------------------------------------------------------------------
const FIXTURES = readdirSync(new URL('../fixtures/', import.meta.url))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(`../fixtures/${f}`, import.meta.url), 'utf8'));
FIXTURES.push(readFileSync(new URL('../src/base/zhezhengfa-2018-16.txt', import.meta.url), 'utf8'));
const FIXTURE_LINES = FIXTURES.map((t) => t.split('\n'));

const TOKENS = [
  // CJK, traditional included
  '政', '府', '加', '强', '建', '设', '推', '进', '工', '作', '市', '县', '区', '省', '局', '办', '委', '发', '國', '會', '發', '個',
  // brackets and quotes
  '（', '）', '(', ')', '〔', '〕', '《', '》', '【', '】', '[', ']', '“', '”', '<', '>', '﹝', '﹞',
  // digits and numerals
  '0', '1', '2', '9', '2018', '2022', '12', '一', '二', '十', '〇', '两', '半', '０', '１',
  // separators
  '、', '，', '。', '；', '：', '|', '\n', '\n', '\n', ' ', '\u3000', '\t', '\r\n', '—', '-', '?', '??', '\uFFFD',
  // heading markers and structure
  '一、', '二、', '三、', '（一）', '（二）', '（十）', '1.', '2.', '10、', '（1）', '（2）', '①',
  '二、主要任务\n', '三、保障措施\n', '附件', '抄送：', '重点任务清单', '| 序号 | 重点任务 | 责任单位 | 时间要求 |\n', '|---|---|---|---|\n',
  // units, deadlines, meta
  '责任单位：', '牵头单位：', '配合单位：', '市府办、市司法局', '各市、县〔市、区〕政府', '和其他',
  '2018年底前', '2018年9月底前', '2018—2022年', '每年', '逐年', '年度', '用3年时间', '三年内', '执行省委规定', '适时完成', '明年3月底',
  '浙政发〔2018〕16号', '舟政办发〔2018〕150号', '关于印发', '的通知', '行动计划', '实施方案', '2018年5月10日', '二〇一八年四月二十八日', '印发',
  '文件编号：', '发布机构：', '成文日期：', '朗读', '扫描二维码', '發(fā)', '會(huì)',
  // issue 16: long numbers, terminal escapes, a stray BOM, 12月31日底前 runs
  '1000.', '10000.', '999.', '| 10000 |', '\u001b[2J', '\u001b]0;t\u0007', '\u009b', '\u202e', '\uFEFF', '12月31日底前12月31日底前',
];

const token = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const soup = fc.array(token, { maxLength: 200 }).map((t) => t.join(''));

/** A window of whole lines of a fixture (small enough that thousands of runs stay quick). */
const window = fc
  .record({ f: fc.nat(FIXTURE_LINES.length - 1), start: fc.nat(), len: fc.integer({ min: 1, max: 60 }) })
  .map(({ f, start, len }) => {
    const lines = FIXTURE_LINES[f];
    const s = start % lines.length;
    return lines.slice(s, s + len).join('\n');
  });

type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'truncate'; at: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'dupline'; a: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.array(token, { minLength: 1, maxLength: 8 }).map((t) => t.join('')) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('dupline' as const), a: fc.nat() }),
);

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const n = Math.max(1, t.length);
    if (m.op === 'insert') t = t.slice(0, m.at % n) + m.text + t.slice(m.at % n);
    else if (m.op === 'delete') t = t.slice(0, m.at % n) + t.slice((m.at % n) + m.len);
    else if (m.op === 'truncate') t = t.slice(0, m.at % n);
    else {
      const lines = t.split('\n');
      const a = m.a % lines.length;
      if (m.op === 'swap') {
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
      } else lines.splice(a, 0, lines[a]);
      t = lines.join('\n');
    }
  }
  return t;
}

/** The whole of a fixture, mutated: for diffs (the task structure mostly survives). */
const mutatedFixture = fc
  .record({ f: fc.nat(FIXTURES.length - 1), ms: fc.array(mutation, { maxLength: 6 }) })
  .map(({ f, ms }) => mutate(FIXTURES[f], ms));
const mutatedWindow = fc.record({ w: window, ms: fc.array(mutation, { maxLength: 6 }) }).map(({ w, ms }) => mutate(w, ms));

type ByteDamage = { op: 'flip'; at: number; bit: number } | { op: 'cut'; at: number } | { op: 'drop'; at: number; len: number } | { op: 'put'; at: number; byte: number };
const byteDamage: fc.Arbitrary<ByteDamage> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('drop' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 7 }) }),
  fc.record({ op: fc.constant('put' as const), at: fc.nat(), byte: fc.nat(255) }),
);

function damage(bytes: Buffer, ds: ByteDamage[]): Buffer {
  let b = Buffer.from(bytes);
  for (const d of ds) {
    if (b.length === 0) break;
    const at = d.at % b.length;
    if (d.op === 'flip') b[at] ^= 1 << d.bit;
    else if (d.op === 'cut') b = b.subarray(0, at);
    else if (d.op === 'drop') b = Buffer.concat([b.subarray(0, at), b.subarray(at + d.len)]);
    else b = Buffer.concat([b.subarray(0, at), Buffer.from([d.byte]), b.subarray(at)]);
  }
  return b;
}

const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'gbk', 'big5', 'utf-16le', 'utf-16be', 'utf-16le-bom', 'utf-16be-bom'] as const;
function encode(text: string, enc: (typeof ENCODINGS)[number]): Buffer {
  const bom = enc.endsWith('-bom');
  const name = bom ? enc.slice(0, -4) : enc;
  return iconv.encode(text, name, { addBOM: bom });
}

const encodedDamaged = fc
  .record({
    text: fc.oneof(mutatedWindow, soup),
    enc: fc.constantFrom(...ENCODINGS),
    ds: fc.array(byteDamage, { maxLength: 5 }),
    forced: fc.option(fc.constantFrom('utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be', 'utf-16'), { freq: 4 }),
    name: fc.constantFrom('x.txt', 'x.html', '-'),
  })
  .map(({ text, enc, ds, forced, name }) => ({ bytes: damage(encode(text, enc), ds), enc, forced: forced ?? undefined, name }));

const TAGS = ['div', 'p', 'span', 'table', 'tr', 'td', 'br', 'script', 'style', 'a', 'pre', 'h1', 'title', 'head', 'body', 'ul', 'li', 'font', 'iframe'];
const htmlToken = fc.oneof(
  { weight: 4, arbitrary: token },
  { weight: 2, arbitrary: fc.constantFrom(...TAGS).map((t) => `<${t}>`) },
  { weight: 2, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${t}>`) },
  { weight: 1, arbitrary: fc.constantFrom('<div id="zoom">', '<div class="nav">', '<p style="display:none">', '<td rowspan="3">', '<td colspan="2">', '<!--', '-->', '&nbsp;', '&amp;', '<meta charset="gbk">', '<![CDATA[', '<') },
);
const htmlSoup = fc.record({ body: fc.array(htmlToken, { maxLength: 150 }), window }).map(
  ({ body, window: w }) => `<!DOCTYPE html><html><head><title>通知</title></head><body>${body.join('')}<div>${w.split('\n').map((l) => `<p>${l}</p>`).join('')}</div></body></html>`,
);

// ---- properties ------------------------------------------------------------------------------------
/** The parse, or undefined for an input error; anything else thrown fails the property. */
function parseOrInputError(fn: () => Notice): Notice | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PlancmpError) return undefined;
    throw e;
  }
}

function checkParse(fn: () => Notice, label: string): Notice | undefined {
  const a = parseOrInputError(fn);
  const b = parseOrInputError(fn);
  if (!a) {
    if (b) throw new Error(`${label}: not deterministic (error, then a parse)`);
    return undefined;
  }
  assertValid(validateParse, a, label);
  expect(b, `${label}: deterministic`).toEqual(a);
  return a;
}

const counts: Record<string, number> = {};
const count = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);

let base: Notice;
beforeAll(() => {
  base = loadBase();
});

const TIMEOUT = 300_000;
// FUZZ_SEED=n (another fixed seed) and FUZZ_SCALE=k (k times the runs) hunt for new counterexamples
// locally; CI runs the fixed seeds below.
const SCALE = Number(process.env.FUZZ_SCALE ?? 1) || 1;
const runs = (n: number, seed: number) => ({ numRuns: Math.round(n * SCALE), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) + seed : seed });

describe('fuzz: parse', () => {
  it('random token soups: only PlancmpErrors, valid, deterministic (3,000 runs)', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(soup, (text) => {
        count('soup');
        if (checkParse(() => parseText(text, 'soup.txt'), 'soup')?.tasks.length) count('soup-with-tasks');
      }),
      runs(3000, 0x5eed1),
    );
  });

  it('mutated fixture windows: valid, deterministic (3,000 runs)', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(mutatedWindow, (text) => {
        count('window');
        if (checkParse(() => parseText(text, 'window.txt'), 'mutated window')?.tasks.length) count('window-with-tasks');
      }),
      runs(3000, 0x5eed2),
    );
  });

  it('encoded (GB18030, Big5, UTF-16 ± BOM, UTF-8 ± BOM) and damaged bytes: only PlancmpErrors, valid (2,500 runs)', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(encodedDamaged, ({ bytes, forced, name }) => {
        count('bytes');
        const n = checkParse(() => parseBytes(bytes, name === '-' ? '<stdin>' : name, { encoding: forced }), `bytes (${name}, --encoding ${forced})`);
        if (n) count('bytes-parsed');
      }),
      runs(2500, 0x5eed3),
    );
  });

  it('HTML soups: only PlancmpErrors, valid, deterministic (1,000 runs)', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(htmlSoup, (html) => {
        count('html');
        checkParse(() => parseBytes(Buffer.from(html), 'page.html'), 'html');
      }),
      runs(1000, 0x5eed4),
    );
  });
});

describe('fuzz: diff', () => {
  it('whole fixtures, mutated, against the base: never throws, valid when there are tasks (600 runs)', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(mutatedFixture, (text) => {
        count('diff');
        const local = parseText(text, 'local.txt');
        const d = diffNotices(base, local);
        if (local.tasks.length > 0) {
          count('diff-tasks');
          assertValid(validateDiff, d, 'diff');
        }
      }),
      runs(600, 0x5eed5),
    );
  });

  it('mutated windows and soups against the base (1,000 runs)', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.oneof(mutatedWindow, soup), (text) => {
        count('diffsmall');
        const local = parseText(text, 'local.txt');
        const d = diffNotices(base, local);
        if (local.tasks.length > 0) assertValid(validateDiff, d, 'diff');
      }),
      runs(1000, 0x5eed6),
    );
  });

  it('ran at least 10,000 generated inputs in total', () => {
    const total = Object.entries(counts)
      .filter(([k]) => !k.includes('-'))
      .reduce((a, [, v]) => a + v, 0);
    console.log(`fuzz inputs: ${JSON.stringify(counts)} — total ${total}`);
    expect(total).toBeGreaterThanOrEqual(10_000);
  });
});
