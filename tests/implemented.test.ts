// A plan that implements a 规定 (not a plan by the project's convention, but what a lower level writes
// its 实施意见 for), written as a 通知 with a sample form attached: diff compares the two by their
// measures, reads the notice's own body rather than the form, and links each half of a split written
// in the local level's own words.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/pipeline.js';
import { diffNotices } from '../src/diff/index.js';
import { runCli } from './helpers.js';

const BASE = 'fixtures/implemented/guifan-written-base.txt';
const LOCAL = 'fixtures/implemented/tongzhi-written-local.txt';

describe('a plan against the 规定 it implements', () => {
  it('parse keeps the convention: a 规定 has no tasks of its own', async () => {
    const r = await runCli(['parse', BASE, '--format', 'json']);
    const n = JSON.parse(r.out);
    expect(n.taskShape.plan).toBe(false);
    expect(n.tasks).toEqual([]);
  });

  it('diff compares the 规定 by its measures instead of refusing it', async () => {
    const r = await runCli(['diff', BASE, LOCAL, '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.dropped.map((t: { id: string }) => t.id)).toEqual(['3.2']);
    expect(d.added).toEqual([]);
  });

  it('a batch diff (--bases) reads the 规定 among the bases the same way', async () => {
    const r = await runCli(['diff', '--bases', BASE, LOCAL, '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const [d] = JSON.parse(r.out);
    expect(d.base.docNumber).toBe('国办发〔2021〕99号');
    expect(d.dropped.map((t: { id: string }) => t.id)).toEqual(['3.2']);
  });

  it('export --diff reads the 规定 as diff does: given with --base, and found as the parent with --base auto', async () => {
    for (const args of [[LOCAL, '--base', BASE], [BASE, LOCAL, '--base', 'auto']]) {
      const r = await runCli(['export', ...args, '--diff', '--jsonl', '-']);
      expect(r.code, r.err).toBe(0);
      const rec = r.out.trim().split('\n').map((l) => JSON.parse(l)).find((x) => x.export.input === LOCAL);
      expect(rec.parent.docNumber, args.join(' ')).toBe('国办发〔2021〕99号');
      expect(rec.diff.dropped.map((t: { id: string }) => t.id)).toEqual(['3.2']);
      expect(rec.diff.added).toEqual([]);
    }
  });

  it('every comparing command reads the 规定 alike: diff BASE with a pattern of plans, and report', async () => {
    const batch = await runCli(['diff', BASE, 'fixtures/implemented/tongzhi-*.txt', '--format', 'json']);
    expect(batch.code, batch.err).toBe(0);
    expect(JSON.parse(batch.out)[0].dropped.map((t: { id: string }) => t.id)).toEqual(['3.2']);
    const report = await runCli(['report', LOCAL, '--base', BASE, '--csv', '-']);
    expect(report.code, report.err).toBe(0);
    expect(report.out).toMatch(/^3\.2,/m);
  });

  it('the notice’s body is its own parts, not the sample form attached after the signature', async () => {
    const local = await parseFile(LOCAL, { asPlan: true });
    expect(local.tasks.map((t) => t.id)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '3.1']);
    expect(local.tasks.some((t) => /目录编码|数据项序号|填报/.test(t.title))).toBe(false);
  });

  it('each half of a split in the local level’s words links to the measure it came from', async () => {
    const base = await parseFile(BASE, { asPlan: true });
    const local = await parseFile(LOCAL, { asPlan: true });
    const halves = (d: ReturnType<typeof diffNotices>) => d.links.filter((k) => k.base === '2.2').map((k) => k.local).sort();
    expect(halves(diffNotices(base, local))).toEqual(['2.2', '2.3', '2.4']);
    // the halves that share little wording with the measure are found by the split rule and the
    // neighbour rule alone
    expect(halves(diffNotices(base, local, { align: { splitBack: 1, adjacentScore: 2 } })).length).toBeLessThan(3);
  });
});
