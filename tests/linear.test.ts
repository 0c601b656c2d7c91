// Linear time on adversarial input (issue 6). No absolute times: each hostile input is parsed within
//   RATIO × (time to parse an ordinary notice of the same byte size) + SLACK_MS,
// where the ordinary notice is fixtures/002 repeated to that size (for HTML cases: the same
// repeated as <p> paragraphs of a page). The ratio is generous; what it rules out is quadratic or
// exponential behaviour, which at these sizes costs 100×–10,000× (a 300 KB line of unclosed
// brackets used to take minutes).
// Inputs made of a huge number of tiny tasks are instead compared with a tenth of themselves (expectScales).
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseBytes, parseText, loadBase, diffNotices, type Notice } from '../src/index.js';
import { PlancmpError } from '../src/errors.js';

const RATIO = 20;
const SLACK_MS = 500;
const TIMEOUT = 180_000;

const FIXTURE = readFileSync(new URL('../fixtures/002_2cdac00586eece9b.txt', import.meta.url), 'utf8');
const ZHOUSHAN = readFileSync(new URL('../fixtures/000_5b73fe2b8637f3d3.txt', import.meta.url), 'utf8');

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Text repeated until it reaches `bytes` (UTF-8), cut at a line end. */
function repeatTo(unit: string, bytes: number): string {
  const n = Math.max(1, Math.ceil(bytes / Buffer.byteLength(unit)));
  return unit.repeat(n);
}

function htmlPage(body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于印发实施方案的通知</title></head><body>${body}</body></html>`;
}

const HTML_UNIT = FIXTURE.split('\n')
  .map((l) => `<p>${l.replace(/[<&]/g, ' ')}</p>`)
  .join('\n');

/** Parse (errors the user can act on count as a result, anything else fails the test). */
function parseTimed(bytes: Uint8Array, name: string): { ms: number; notice?: Notice } {
  const t0 = performance.now();
  let notice: Notice | undefined;
  try {
    notice = parseBytes(bytes, name);
  } catch (e) {
    if (!(e instanceof PlancmpError)) throw e;
  }
  return { ms: performance.now() - t0, notice };
}

const normalCache = new Map<string, number>();
/** Fastest of two parses of an ordinary notice of (about) the same size and kind. */
function normalMs(bytes: number, html: boolean): number {
  const key = `${html}:${Math.round(bytes / 10_000)}`;
  let ms = normalCache.get(key);
  if (ms === undefined) {
    const input = html ? utf8(htmlPage(repeatTo(HTML_UNIT + '\n', bytes))) : utf8(repeatTo(FIXTURE + '\n', bytes));
    ms = Math.min(parseTimed(input, html ? 'normal.html' : 'normal.txt').ms, parseTimed(input, html ? 'normal.html' : 'normal.txt').ms);
    normalCache.set(key, ms);
  }
  return ms;
}

const results: string[] = [];

/** Asserts the bound; a run over it is retried once (shared CI machines have hiccups). */
function expectLinear(label: string, input: string, opts: { html?: boolean; check?: (n: Notice | undefined) => void } = {}): void {
  const bytes = utf8(input);
  const name = opts.html ? 'hostile.html' : 'hostile.txt';
  const normal = normalMs(bytes.length, !!opts.html);
  const bound = RATIO * normal + SLACK_MS;
  let run = parseTimed(bytes, name);
  if (run.ms > bound) run = parseTimed(bytes, name);
  results.push(`${label.padEnd(44)} ${(bytes.length / 1e6).toFixed(2).padStart(5)} MB  ${run.ms.toFixed(0).padStart(6)} ms  (ordinary ${normal.toFixed(0)} ms, bound ${bound.toFixed(0)} ms)`);
  expect(run.ms, `${label}: ${run.ms.toFixed(0)} ms > ${RATIO} × ${normal.toFixed(0)} ms + ${SLACK_MS} ms`).toBeLessThanOrEqual(bound);
  opts.check?.(run.notice);
}

/**
 * For inputs whose cost is per item rather than per byte (200,000 tasks of ten bytes each cost more than
 * ordinary text of that size, however linear the parser is): the full input within
 * SCALE_RATIO × 10 × the time of a tenth of it + SLACK_MS. Quadratic work would take 100× the tenth.
 */
const SCALE_RATIO = 3;
function expectScales(label: string, make: (n: number) => string, n: number, check?: (n: Notice | undefined) => void): void {
  const small = utf8(make(Math.round(n / 10)));
  const tenth = Math.min(parseTimed(small, 'hostile.txt').ms, parseTimed(small, 'hostile.txt').ms);
  const bytes = utf8(make(n));
  const bound = SCALE_RATIO * 10 * tenth + SLACK_MS;
  let run = parseTimed(bytes, 'hostile.txt');
  if (run.ms > bound) run = parseTimed(bytes, 'hostile.txt');
  results.push(`${label.padEnd(44)} ${(bytes.length / 1e6).toFixed(2).padStart(5)} MB  ${run.ms.toFixed(0).padStart(6)} ms  (a tenth ${tenth.toFixed(0)} ms, bound ${bound.toFixed(0)} ms)`);
  expect(run.ms, `${label}: ${run.ms.toFixed(0)} ms > ${SCALE_RATIO} × 10 × ${tenth.toFixed(0)} ms + ${SLACK_MS} ms`).toBeLessThanOrEqual(bound);
  check?.(run.notice);
}

beforeAll(() => {
  // warm up the JIT and the lazily loaded modules (cheerio, the base) outside the measurements
  parseBytes(utf8(FIXTURE), 'warm.txt');
  parseBytes(utf8(htmlPage(HTML_UNIT)), 'warm.html');
  loadBase();
});

const MAIN = '二、主要任务\n（一）加强政府建设\n';

describe('linear time: long lines', () => {
  it('a 5 MB single line of task text', { timeout: TIMEOUT }, () => {
    expectLinear('5 MB single line (task text)', repeatTo('推进政务公开，2018年底前完成清单编制（责任单位：市府办）', 5e6));
  });

  it('a 5 MB single line without punctuation', { timeout: TIMEOUT }, () => {
    expectLinear('5 MB single line (no punctuation)', repeatTo('政府建设推进改革', 5e6));
  });

  it('a 5 MB single line of near-miss dates, 文号 brackets and 《', { timeout: TIMEOUT }, () => {
    expectLinear('5 MB single line (2018年〔2018〕《)', repeatTo('2018年〔2018〕第《到2022年', 5e6));
  });

  it('a 5 MB single line of spaced characters (PDF extraction)', { timeout: TIMEOUT }, () => {
    expectLinear('5 MB single line (政 政 政 …)', repeatTo('政 ', 5e6));
    expectLinear('5 MB single line (1 1 1 …)', repeatTo('1 ', 5e6));
  });

  it('a 5 MB single line of half-open pinyin glosses and brackets', { timeout: TIMEOUT }, () => {
    expectLinear('5 MB single line (發(fā 發( …)', repeatTo('發(fā發(', 5e6));
  });
});

describe('linear time: many lines', () => {
  it('100,000 lines of "1."', { timeout: TIMEOUT }, () => {
    expectLinear('100,000 lines of 1.', '1.\n'.repeat(100_000));
    expectLinear('100,000 lines of 1. in a main part', MAIN + '1.\n'.repeat(100_000));
  });

  it('100,000 page-break lines joined into one paragraph', { timeout: TIMEOUT }, () => {
    expectLinear('100,000 joined lines', '政府建设，推进工作政府建设\n'.repeat(100_000));
  });

  it('100,000 part headings and 100,000 project headings', { timeout: TIMEOUT }, () => {
    expectLinear('100,000 lines of 一、', '一、\n'.repeat(100_000));
    expectLinear('100,000 project headings', '二、主要任务\n' + '（一）项目\n'.repeat(100_000));
  });
});

describe('linear time: deep brackets', () => {
  const DEEP = 100_000;
  it('100,000 unclosed （ in plain text', { timeout: TIMEOUT }, () => {
    expectLinear('（ × 100,000 in plain text', '（'.repeat(DEEP));
    expectLinear('( × 100,000 after CJK', '政' + '('.repeat(DEEP));
  });

  it('100,000-deep brackets inside a task and its unit bracket', { timeout: TIMEOUT }, () => {
    const balanced = `${MAIN}1.加强建设。推进改革（责任单位：${'（'.repeat(DEEP)}市府办${'）'.repeat(DEEP)}）\n`;
    expectLinear('balanced 100,000-deep unit bracket', balanced, {
      check: (n) => expect(n?.tasks).toHaveLength(1),
    });
    const open = `${MAIN}1.加强建设。推进改革（责任单位：${'（'.repeat(DEEP)}市府办）\n2.完善制度。\n`;
    expectLinear('unclosed 100,000-deep unit bracket', open, {
      check: (n) => expect(n?.tasks).toHaveLength(2),
    });
    expectLinear('100,000 closing brackets ending a task', `${MAIN}1.加强建设${'）'.repeat(DEEP)}\n`);
  });
});

describe('linear time: HTML', () => {
  it('10,000 nested <div>', { timeout: TIMEOUT }, () => {
    const inner = FIXTURE.split('\n').map((l) => `<p>${l}</p>`).join('');
    expectLinear('10,000 nested <div>', htmlPage('<div>'.repeat(10_000) + inner + '</div>'.repeat(10_000)), {
      html: true,
      check: (n) => expect(n?.tasks.length).toBe(41),
    });
    expectLinear('10,000 unclosed <div><span>', htmlPage('<div><span>'.repeat(10_000) + inner), { html: true });
  });

  it('10,000 nested tables and 100,000 <br>', { timeout: TIMEOUT }, () => {
    expectLinear('10,000 nested <table><tr><td>', htmlPage('<table><tr><td>政府'.repeat(10_000)), { html: true });
    expectLinear('100,000 <br>', htmlPage('政府<br>'.repeat(100_000)), { html: true });
  });

  it('an element with 64,000 attributes (valued, bare, one name repeated): cut before parsing (issue 16)', { timeout: TIMEOUT }, () => {
    const page = (attrs: string) => htmlPage(`<div id="zoom"${attrs}>${HTML_UNIT}</div>`);
    const check = (n: Notice | undefined) => {
      expect(n?.tasks.length).toBeGreaterThan(10);
      expect(n?.warnings.map((w) => w.code)).toContain('html-many-attributes');
    };
    expectLinear('<div> with 64,000 attributes a0="x" …', page(Array.from({ length: 64_000 }, (_, i) => ` a${i}="x"`).join('')), { html: true, check });
    expectLinear('<div> with 64,000 bare attributes', page(Array.from({ length: 64_000 }, (_, i) => ` b${i}`).join('')), { html: true, check });
    expectLinear('<div> with 64,000 × class="x"', page(' class="x"'.repeat(64_000)), { html: true, check });
    expectLinear('64,000 <p> with one attribute each', htmlPage(`<div id="zoom">${HTML_UNIT}${'<p a="1">政</p>'.repeat(64_000)}</div>`), { html: true });
  });

  it('a table row with 100,000 cells', { timeout: TIMEOUT }, () => {
    expectLinear('<tr> with 100,000 <td>', htmlPage(`<div id="zoom">${HTML_UNIT}<table><tr>${'<td>|</td>'.repeat(100_000)}</tr></table></div>`), { html: true });
  });
});

describe('linear time: tables and task lists', () => {
  it('a table with 100,000 pipes', { timeout: TIMEOUT }, () => {
    expectLinear('one row of 100,000 pipes', '|'.repeat(100_000));
    expectLinear('key-list row with 100,000 pipes', `${MAIN}1.任务。\n| 序号 | 重点任务 | 责任单位 | 时间要求 |\n| 1 |${' 政 |'.repeat(100_000)}\n`);
  });

  it('50,000 key-list rows', { timeout: TIMEOUT }, () => {
    let rows = '| 序号 | 重点任务 | 责任单位 | 时间要求 |\n|---|---|---|---|\n';
    // 序号 has at most 4 digits: the numbering restarts after 9999 (warned, still parsed)
    for (let i = 1; i <= 50_000; i++) rows += `| ${((i - 1) % 9999) + 1} | 推进政务公开标准化规范化建设第${i}项 | 市府办、市大数据局 | 2018年${(i % 12) + 1}月底前 |\n`;
    expectLinear('50,000 key-list rows', `${MAIN}1.加强建设。（责任单位：市府办）\n${rows}`, {
      check: (n) => expect(n?.keyList).toHaveLength(50_000),
    });
  });

  it('10,000 tasks in one project', { timeout: TIMEOUT }, () => {
    let text = MAIN;
    // item numbers have at most 3 digits: the numbering restarts after 999 (ids stay positional)
    for (let i = 1; i <= 10_000; i++) text += `${((i - 1) % 999) + 1}.加强第${i}项建设。2018年底前完成制度建设，推进改革（责任单位：市府办、市司法局）\n`;
    expectLinear('10,000 tasks in one project', text, {
      check: (n) => {
        expect(n?.tasks).toHaveLength(10_000);
        expect(n?.tasks[9_999].id).toBe('1.10000');
      },
    });
  });

  it('200,000 items: warnings beyond the argument limit of a call do not crash', { timeout: TIMEOUT }, () => {
    expectScales('200,000 unit-less repeated items', (k) => MAIN + '1.任务\n'.repeat(k), 200_000, (n) => expect(n?.tasks).toHaveLength(200_000));
    // a task keeps its first 500 units and says how many there were
    const units = Array.from({ length: 200_000 }, (_, i) => `市局${i}`).join('、');
    expectLinear('200,000 units on one 牵头单位 line', `${MAIN}牵头单位：${units}\n1.任务。\n`, {
      check: (n) => {
        expect(n?.tasks[0].units).toHaveLength(500);
        expect(n?.warnings).toContainEqual(expect.objectContaining({ code: 'too-many-units', message: 'task 1.1 names 200000 units; only the first 500 are kept' }));
      },
    });
  });

  it('150,000 units in one bracket and 4 MB of 12月31日底前: bounded lists, no stack overflow (issue 16)', { timeout: TIMEOUT }, () => {
    const units = Array.from({ length: 150_000 }, (_, i) => `单位${i}`).join('、');
    // (a bracket this long is not read as an owner note at all; what matters is no stack overflow)
    expectLinear('150,000 units in one 责任单位 bracket', `${MAIN}1.推进工作。（牵头单位：${units}；配合单位：${units}）\n`, {
      check: (n) => expect(n?.tasks[0].units.length).toBeLessThanOrEqual(500),
    });
    expectLinear('4 MB of 12月31日底前 in one task', `${MAIN}1.推进工作${'12月31日底前'.repeat(170_000)}。（市府办）\n`, {
      check: (n) => {
        expect(n?.tasks[0].deadlines).toHaveLength(200);
        expect(n?.warnings).toContainEqual(expect.objectContaining({ code: 'too-many-deadlines', message: expect.stringMatching(/has 170000 deadlines; only the first 200 are kept/) }));
        expect(JSON.stringify(n).length).toBeLessThan(40e6); // the output stays a small multiple of the input
      },
    });
  });
});

describe('bounded time: diff of a large local plan', () => {
  it('2,000 local tasks against the base', { timeout: TIMEOUT }, () => {
    const base = loadBase();
    const zs = parseText(ZHOUSHAN, 'zhoushan.txt');
    // a plan of 40 projects × 50 tasks built from the base's own task texts, reworded a little
    const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const numeral = (n: number) => (n < 10 ? cn[n] : `${n >= 20 ? cn[Math.floor(n / 10)] : ''}十${cn[n % 10]}`);
    let text = '某某市人民政府关于印发实施方案的通知\n二、主要任务\n';
    let k = 0;
    for (let p = 1; p <= 40; p++) {
      text += `（${numeral(p)}）${base.tasks[p % base.tasks.length].project}\n`;
      for (let i = 1; i <= 50; i++, k++) {
        const t = base.tasks[k % base.tasks.length];
        text += `${i}.${t.title}。${t.text.slice(0, 200).replace(/推进/g, '推动')}第${k}项（责任单位：市府办）\n`;
      }
    }
    const local = parseText(text, 'large-local.txt');
    expect(local.tasks).toHaveLength(2000);

    const t0 = performance.now();
    diffNotices(base, zs);
    const small = performance.now() - t0;
    const t1 = performance.now();
    const d = diffNotices(base, local);
    const large = performance.now() - t1;
    // alignment is O(base × local): linear in the local task count for the fixed base
    const bound = RATIO * small * (local.tasks.length / zs.tasks.length) + SLACK_MS;
    results.push(`${'diff 2,000 local tasks vs base'.padEnd(44)}          ${large.toFixed(0).padStart(6)} ms  (${zs.tasks.length} tasks: ${small.toFixed(0)} ms, bound ${bound.toFixed(0)} ms)`);
    expect(large).toBeLessThanOrEqual(bound);
    expect(d.summary.localTasks).toBe(2000);
  });
});

describe('report', () => {
  it('prints the measurements', () => {
    console.log(`linear-time measurements (bound: ${RATIO} × ordinary + ${SLACK_MS} ms)\n  ${results.join('\n  ')}`);
  });
});
