// plancmp export --shard K/N: N shards together are the single run, record for record, each record
// in exactly one shard; the split depends on the input names only, not on where the corpus sits.
import { describe, it, expect } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './helpers.js';
import { parseShard, pickShard, shardOf } from '../src/export/shard.js';

const ROOT = path.resolve(__dirname, '..');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'plancmp-shard-'));

/** A corpus: the fixtures (nested folders, txt and html) plus small plans of our own. */
function corpus(): string {
  const dir = tmp();
  cpSync(path.join(ROOT, 'fixtures'), path.join(dir, 'fixtures'), { recursive: true, filter: (p) => !p.includes(`${path.sep}snapshots`) });
  for (let i = 0; i < 30; i++) {
    const sub = path.join(dir, 'small', `site${i % 4}`);
    mkdirSync(sub, { recursive: true });
    const tasks = Array.from({ length: 1 + (i % 5) }, (_, k) => `${k + 1}．推进第${i}号事项第${k + 1}项工作。（责任单位：市发展改革委，${2019 + (k % 3)}年底前完成）`);
    writeFileSync(path.join(sub, `${String(i).padStart(3, '0')}.txt`), `某市人民政府办公室关于印发第${i}号工作方案的通知\n\n一、重点任务\n${tasks.join('\n')}\n`);
  }
  return dir;
}

async function exportJsonl(dir: string, extra: string[]): Promise<string[]> {
  const out = path.join(tmp(), 'records.jsonl');
  const r = await runCli(['export', dir, '--jsonl', out, '--errors', path.join(path.dirname(out), 'errors.jsonl'), ...extra]);
  expect(r.code, r.err).toBeLessThanOrEqual(3);
  const text = readFileSync(out, 'utf8');
  return text ? text.trimEnd().split('\n') : [];
}

const inputOf = (line: string) => (JSON.parse(line) as { export: { input: string } }).export.input;

describe('export --shard', () => {
  it('N shards together give the single run, record for record, each record once', async () => {
    const dir = corpus();
    const single = await exportJsonl(dir, []);
    expect(single.length).toBeGreaterThan(40);
    for (const n of [1, 3]) {
      const shards: string[][] = [];
      for (let k = 1; k <= n; k++) shards.push(await exportJsonl(dir, ['--shard', `${k}/${n}`]));
      if (n > 1) for (const s of shards) expect(s.length).toBeLessThan(single.length); // a real split
      const union = shards.flat();
      expect(union.length).toBe(single.length);
      // concatenated and sorted by input they are the single run's lines, byte for byte
      const byInput = (a: string, b: string) => (inputOf(a) < inputOf(b) ? -1 : inputOf(a) > inputOf(b) ? 1 : 0);
      expect([...union].sort(byInput)).toEqual(single);
      // each shard keeps the sorted order
      for (const s of shards) expect(s).toEqual([...s].sort(byInput));
    }
  }, 300_000);

  it('splits by the names under the given directory, so the same corpus elsewhere splits alike', () => {
    const names = ['site01/a.txt', 'site01/b.txt', 'site02/c.html', '通知/一.txt', 'd.txt'];
    const at = (root: string) => ({ inputs: names.map((n) => path.join(root, n)), names, warnings: [] });
    for (let k = 1; k <= 3; k++) {
      const a = pickShard(at('/mnt/a/corpus'), { k, n: 3 });
      const b = pickShard(at('/data/corpus'), { k, n: 3 });
      expect(a.names).toEqual(b.names);
      expect(a.inputs.map((p) => path.relative('/mnt/a/corpus', p))).toEqual(a.names);
    }
    // the split is a fixed function of the name: a change to it would scatter running multi-machine jobs
    expect(['site01/00001_000_utf-8.txt', 'a.txt', '通知/一.html'].map((s) => shardOf(s, 8))).toEqual([4, 2, 8]);
  });

  it('rejects a malformed K/N with a usage error', async () => {
    expect(parseShard(' 2 / 5 ')).toEqual({ k: 2, n: 5 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2']) expect(() => parseShard(bad)).toThrow(/--shard/);
    const r = await runCli(['export', path.join(ROOT, 'fixtures'), '--jsonl', '-', '--shard', '5/4']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--shard: "5\/4" is not K\/N/);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});
