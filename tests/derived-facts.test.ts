// Derived facts are computed once and stored (issue 15): the body task of each key-list row, whether
// a copy is truncated, the parentage warning, and what "merged" and "reworded" count.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixture, FX } from './helpers.js';
import { loadBase } from '../src/pipeline.js';
import { diffNotices } from '../src/diff/index.js';
import { renderDiffHtml } from '../src/render/html/index.js';
import { renderDiffText } from '../src/render/text.js';
import { renderDiffMarkdown } from '../src/render/markdown.js';
import { noColors } from '../src/render/color.js';
import * as keylist from '../src/diff/keylist.js';

describe('key-list row → body task, found at parse time', () => {
  it('each row of the base key list names the body task it details', () => {
    const base = loadBase();
    const withTask = base.keyList.filter((r) => r.bodyTask);
    expect(withTask.length).toBeGreaterThan(base.keyList.length / 2);
    const ids = new Set(base.tasks.map((t) => t.id));
    for (const r of withTask) expect(ids.has(r.bodyTask!), r.id).toBe(true);
    // L18 details 4.5, which Zhoushan's 4.4 carries (the keyListVsBody comparison L18 → 4.4 of tests/diff.test.ts rests on it)
    expect(base.keyList.find((r) => r.id === 'L18')?.bodyTask).toBe('4.5');
  });

  it('diff and the renderers no longer recompute it', () => {
    expect('rowTasks' in keylist).toBe(false);
    for (const f of ['src/render/csv.ts', 'src/render/coverage.ts', 'src/render/html/plan-page.ts', 'src/diff/deadlines.ts', 'src/diff/index.ts']) {
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/rowTasks/);
    }
  });
});

describe('Notice.truncated', () => {
  it('is set on a copy that ends inside its task list, and diff reads it', async () => {
    const xinchang = await fixture('xinchang');
    expect(xinchang.truncated).toBe(true);
    expect((await fixture('zhoushan')).truncated).toBeFalsy();
    // the flag, not the wording of a warning, decides what is "after the truncation"
    const d = diffNotices(loadBase(), { ...xinchang, warnings: xinchang.warnings.filter((w) => w.code !== 'truncated') });
    expect(d.dropped.some((t) => t.afterTruncation)).toBe(true);
  });
});

describe('the parentage warning, printed once', () => {
  it('a plan citing another parent shows the warning once on its HTML page and once in text', async () => {
    const z = await fixture('zhoushan');
    const local = {
      ...z,
      meta: { ...z.meta, title: '某市人民政府办公室关于印发某市加强政府建设实施方案的通知', planTitle: undefined },
      references: [{ title: '某省人民政府关于推进某项工作的实施意见', docNumber: '某政发〔2018〕9号', line: 3 }],
    };
    const d = diffNotices(loadBase(), local);
    expect(d.parentage.warning).toBeDefined();
    const count = (s: string, part: string) => s.split(part).length - 1;
    expect(count(renderDiffHtml(d, loadBase(), local), `${d.parentage.warning}</p>`)).toBe(1);
    expect(count(renderDiffText(d, loadBase(), local, noColors), d.parentage.warning!)).toBe(1);
  });
});

describe('one definition of merged and reworded', () => {
  it('the report sections count what the summary counts, on every seed', async () => {
    for (const name of Object.keys(FX) as (keyof typeof FX)[]) {
      const local = await fixture(name);
      if (!local.tasks.length) continue;
      const d = diffNotices(loadBase(), local);
      const text = renderDiffText(d, loadBase(), local, noColors, { verbose: true });
      const md = renderDiffMarkdown(d, loadBase(), local);
      const section = (s: string, title: string) => Number(new RegExp(`^#*\\s*${title} \\((\\d+)\\)`, 'm').exec(s)?.[1] ?? 0);
      expect(section(text, 'Merged'), `${name} text merged`).toBe(d.summary.merged);
      expect(section(text, 'Reworded'), `${name} text reworded`).toBe(d.summary.reworded);
      expect(section(md, 'Merged'), `${name} md merged`).toBe(d.summary.merged);
      expect(section(md, 'Reworded'), `${name} md reworded`).toBe(d.summary.reworded);
    }
  });
});
