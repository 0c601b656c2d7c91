import { describe, expect, it } from 'vitest';
import type { Deadline, Notice, PlanDiff, Task } from '../src/model.js';
import {
  charDiff,
  colorsAt,
  makeColors,
  markTitleChange,
  noColors,
  renderDiff,
  renderDiffCsv,
  renderDiffMarkdown,
  renderDiffText,
  renderParse,
  renderParseText,
  toCsv,
  withBom,
} from '../src/render/index.js';

const ESC = '\x1b[';

function deadline(text: string, date?: string): Deadline {
  return { text, kind: date ? 'by' : 'unspecified', ...(date ? { date } : {}), clause: text };
}

function task(id: string, title: string, extra: Partial<Task> = {}): Task {
  const [p, k] = id.split('.');
  return {
    id,
    number: k,
    project: `项目${p}`,
    projectNumber: p,
    title,
    text: `${title}。`,
    units: ['省政府办公厅'],
    lead: [],
    assist: [],
    unitsFrom: 'task',
    deadlines: [],
    line: 10 + Number(k),
    ...extra,
  };
}

function notice(file: string, docNumber: string, title: string, tasks: Task[]): Notice {
  return {
    schema: 'plancmp.parse/1',
    source: { file, encoding: 'utf-8', format: 'text', converted: 'none' },
    meta: { issuer: '某某人民政府', docNumber, title, date: '2018-04-28' },
    references: [],
    sections: [],
    mainPart: '二、主要任务',
    tasks,
    keyList: [],
    warnings: [],
  };
}

const base = notice('base.txt', '浙政发〔2018〕16号', '浙江省行动计划', [
  task('1.1', '建立科学谋划体系', { deadlines: [deadline('2018年底前', '2018-12-31')] }),
  task('1.2', '健全政府绩效考核评价制度'),
  task('1.3', '推进“互联网+政务服务”'),
  task('2.1', '=cmd()'),
]);
const local = notice('local.txt', '湖政发〔2018〕20号', '湖州市实施方案', [
  task('1.1', '提升科学谋划能力', { deadlines: [deadline('2018年9月底前', '2018-09-30')] }),
  task('1.2', '健全考核评价制度，改进督查', { number: '6' }),
  task('2.1', '加强行政复议'),
]);

function diff(extra: Partial<PlanDiff> = {}): PlanDiff {
  return {
    schema: 'plancmp.diff/1',
    base: { file: 'base.txt', docNumber: '浙政发〔2018〕16号', title: '浙江省行动计划' },
    local: { file: 'local.txt', docNumber: '湖政发〔2018〕20号', title: '湖州市实施方案' },
    links: [
      { base: '1.1', local: '1.1', score: 0.62, kind: 'reworded' },
      { base: '1.2', local: '1.2', score: 0.8, kind: 'merged' },
      { base: '2.1', local: '1.2', score: 0.5, kind: 'merged', manual: true },
    ],
    dropped: [{ id: '1.3', title: '推进“互联网+政务服务”' }],
    added: [{ id: '2.1', title: '加强行政复议' }],
    keyListLinks: [],
    deadlineChanges: [
      { base: '1.1', local: '1.1', baseDeadline: '2018年底前', localDeadline: '2018年9月底前', change: 'earlier', compared: 'body' },
      { base: '1.2', local: '1.2', baseDeadline: '每年', localDeadline: '每年', change: 'same', compared: 'body' },
    ],
    parentage: { citesBase: true, by: 'docNumber', cited: [] },
    family: { sameFamily: true, strongShare: 0.75 },
    summary: { baseTasks: 4, localTasks: 3, linked: 3, dropped: 1, added: 1, merged: 1, split: 0, reworded: 1, retitled: 0, deadlineChanges: 1, coverage: 0.75 },
    warnings: [],
    ...extra,
  };
}

describe('colour decision', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };

  it('NO_COLOR turns colour off even on a terminal', () => {
    const c = makeColors({ stream: tty, env: { NO_COLOR: '1' } });
    expect(c.enabled).toBe(false);
    expect(c.red('x')).toBe('x');
    expect(renderDiffText(diff(), base, local, c)).not.toContain(ESC);
  });

  it('FORCE_COLOR turns colour on even into a pipe, and wins over NO_COLOR', () => {
    const c = makeColors({ stream: pipe, env: { FORCE_COLOR: '1' } });
    expect(c.enabled).toBe(true);
    expect(renderDiffText(diff(), base, local, c)).toContain(ESC);
    expect(makeColors({ stream: pipe, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).enabled).toBe(true);
  });

  it('otherwise colours only a terminal; FORCE_COLOR=0 and --no-color turn it off', () => {
    expect(makeColors({ stream: pipe, env: {} }).enabled).toBe(false);
    expect(makeColors({ stream: tty, env: {} }).enabled).toBe(true);
    expect(makeColors({ stream: tty, env: { FORCE_COLOR: '0' } }).enabled).toBe(false);
    expect(makeColors({ stream: tty, env: { FORCE_COLOR: '1' }, force: false }).enabled).toBe(false);
    expect(makeColors({ stream: pipe, env: { NO_COLOR: '1' }, force: true }).enabled).toBe(true);
  });
});

describe('title character diff', () => {
  it('keeps the shared characters and marks exactly the changed ones', () => {
    expect(charDiff('建立科学谋划体系', '提升科学谋划能力')).toEqual([
      { op: 'del', text: '建立' },
      { op: 'ins', text: '提升' },
      { op: 'same', text: '科学谋划' },
      { op: 'del', text: '体系' },
      { op: 'ins', text: '能力' },
    ]);
    const m = markTitleChange('建立科学谋划体系', '提升科学谋划能力', { del: (s) => `[-${s}-]`, ins: (s) => `{+${s}+}` });
    expect(m).toEqual({ before: '[-建立-]科学谋划[-体系-]', after: '{+提升+}科学谋划{+能力+}' });
  });

  it('in colour, the unchanged 科学谋划 carries no escape codes', () => {
    const c = colorsAt(1);
    const m = markTitleChange('建立科学谋划体系', '提升科学谋划能力', { del: c.red, ins: c.green });
    expect(m.before).toBe(`${c.red('建立')}科学谋划${c.red('体系')}`);
    expect(m.after).toBe(`${c.green('提升')}科学谋划${c.green('能力')}`);
  });

  it('does not keep a lone shared character between two edits', () => {
    expect(charDiff('甲的乙', '丙的丁')).toEqual([
      { op: 'del', text: '甲的乙' },
      { op: 'ins', text: '丙的丁' },
    ]);
  });
});

describe('text diff report', () => {
  const out = renderDiffText(diff(), base, local, noColors);

  it('names both documents and gives the summary numbers', () => {
    expect(out).toContain('浙政发〔2018〕16号');
    expect(out).toContain('湖政发〔2018〕20号');
    expect(out).toContain(
      'carried 3/4 base tasks (75%) · dropped 1 · added 1 · merged 1 · split 0 · reworded 1 · retitled 0 · deadline changes 1 (of 2 compared)',
    );
  });

  it('lists the dropped task, the merge (manual marked), the reworded title and the earlier deadline', () => {
    expect(out).toMatch(/Dropped \(1\)\n {2}1\.3 推进“互联网\+政务服务”/);
    expect(out).toContain('local 1.2 健全考核评价制度，改进督查 ← 1.2 健全政府绩效考核评价制度, 2.1 =cmd() (manual)');
    expect(out).toContain('建立科学谋划体系 → 提升科学谋划能力');
    expect(out).toContain('base 1.1 2018年底前 → local 1.1 2018年9月底前  [earlier]');
    expect(out).not.toContain('[same]');
    expect(out).not.toContain('Links (');
    expect(renderDiffText(diff(), base, local, noColors, { verbose: true })).toContain('Links (3)');
  });

  it('prints diff warnings as notes near the top', () => {
    const w = renderDiffText(diff({ warnings: [{ code: 'truncated', line: 36, message: 'local plan: truncated' }] }), base, local, noColors);
    const lines = w.split('\n');
    expect(lines.findIndex((l) => l === 'note: line 36  local plan: truncated')).toBeLessThan(lines.findIndex((l) => l.startsWith('carried')));
  });

  it('a plan of another family opens with the warning and speaks of thematic overlap', () => {
    const message = 'different family: only 10% of local tasks have a strong counterpart';
    const t = renderDiffText(diff({ family: { sameFamily: false, strongShare: 0.1, message } }), base, local, noColors);
    expect(t.split('\n')[0]).toContain(message);
    expect(t).toContain('Thematic overlap (3)');
    expect(t).toContain('Only in base (1)');
    expect(t).not.toContain('Dropped');
  });
});

describe('parse outline', () => {
  it('groups tasks by project, shows a differing written number, units, deadlines and warnings', () => {
    const n = { ...local, warnings: [{ code: 'mojibake', line: 39, message: 'garbled run' }] };
    const out = renderParseText(n, noColors);
    expect(out).toContain('1、项目1\n  1.1 提升科学谋划能力\n      units 省政府办公厅\n      deadlines 2018年9月底前 [by 2018-09-30]');
    expect(out).toContain('  1.2 [6] 健全考核评价制度，改进督查');
    expect(out).toContain('key list: 0 rows');
    expect(out).toContain('line 39  mojibake  garbled run');
  });
});

describe('CSV', () => {
  const csv = renderDiffCsv(diff(), { ...base, tasks: [...base.tasks, task('2.2', '规范权力, 健全标准')] }, local);
  const rows = csv.split('\r\n');

  it('CRLF, header plus one row per base task; the BOM is added by whoever writes a file for Excel', () => {
    expect(csv.startsWith('base_id,')).toBe(true);
    expect(withBom(csv).startsWith('\uFEFFbase_id,')).toBe(true);
    expect(withBom(withBom(csv))).toBe(withBom(csv));
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(rows.pop()).toBe('');
    expect(rows).toHaveLength(1 + 5);
    expect(rows[0]).toMatch(/^base_id,base_title,status,local_ids,kinds,best_score,/);
    expect(rows[2]).toMatch(/^1\.2,健全政府绩效考核评价制度,carried,1\.2,merged,0\.8,/);
    expect(rows[3]).toMatch(/^1\.3,推进“互联网\+政务服务”,dropped,,,/);
  });

  it('quotes a comma and neutralizes a formula', () => {
    expect(rows[5]).toMatch(/^2\.2,"规范权力, 健全标准",dropped/);
    expect(rows[4]).toMatch(/^2\.1,'=cmd\(\),carried,1\.2,merged\(manual\),0\.5,/);
  });

  it('toCsv doubles quotes and leaves plain numbers alone', () => {
    expect(toCsv([['say "hi"', '-1', '0.91', '+1 2', '@x', 'a\nb']])).toBe('"say ""hi""",-1,0.91,\'+1 2,\'@x,"a\nb"\r\n');
  });
});

describe('Markdown', () => {
  it('escapes | in cell text and marks changed title characters', () => {
    const b = { ...base, tasks: base.tasks.map((t) => (t.id === '1.3' ? { ...t, title: '甲|乙' } : t)) };
    const md = renderDiffMarkdown(diff({ dropped: [{ id: '1.3', title: '甲|乙' }] }), b, local);
    expect(md).toMatch(/\| 1\.3 \| \d* \| 甲\\\|乙 \|/);
    expect(md).toContain('~~建立~~科学谋划~~体系~~');
    expect(md).toContain('**提升**科学谋划**能力**');
    expect(md).toContain('| base id | base title | local id | local title | kind | score |');
  });
});

describe('dispatch', () => {
  it('json is pretty-printed with a trailing newline; other formats route to their renderer', () => {
    const d = diff();
    expect(renderDiff('json', d, base, local, noColors)).toBe(JSON.stringify(d, null, 2) + '\n');
    expect(renderDiff('csv', d, base, local, noColors).startsWith('base_id')).toBe(true);
    expect(renderParse('md', local, noColors)).toContain('| 1.2 | 6 | 健全考核评价制度，改进督查 |');
  });
});
