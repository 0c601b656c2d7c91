// plancmp export --shard K/N: N shards together are the single run, record for record, each record
// in exactly one shard; the split depends on the input names only, not on where the corpus sits.
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './helpers.js';
import { parseShard, pickShard, shardOf } from '../src/export/shard.js';
import { hostTag } from '../src/write/atomic.js';

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

describe('shards on several hosts writing one folder', () => {
  // Two PID namespaces stand in for two machines: process ids there mean nothing to each other.
  const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-p', '-f', '--mount-proc', 'true']).status === 0;

  it('a temporary of another host is never removed; one of a dead process here is', async () => {
    const dir = tmp();
    const foreign = path.join(dir, '.part-2.jsonl.tmp-h00000000-4194303-1-1');
    const deadHere = path.join(dir, `.part-3.jsonl.tmp-h${hostTag()}-4194303-1-1`);
    for (const f of [foreign, deadHere]) writeFileSync(f, '{"partial":');
    const src = corpus();
    const r = await runCli(['export', path.join(src, 'small'), '--jsonl', path.join(dir, 'part-1.jsonl'), '--errors', path.join(dir, 'errors-1.jsonl'), '--shard', '1/3']);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(foreign)).toBe(true);
    expect(existsSync(deadHere)).toBe(false);
  });

  it.skipIf(!canUnshare)('two export --shard K/3 in different PID namespaces, one folder: both complete', { timeout: 180_000 }, async () => {
    const src = tmp();
    const text = readFileSync(path.join(ROOT, 'fixtures', '002_2cdac00586eece9b.txt'), 'utf8');
    // part 1 gets a few files, part 2 many: part 1 ends while part 2 is still writing its temporary
    let one = 0;
    let two = 0;
    for (let i = 0; one < 2 || two < 120; i++) {
      const name = `n${i}.txt`;
      const k = shardOf(name, 3);
      if (k === 1 && one < 2) (one++, writeFileSync(path.join(src, name), text));
      if (k === 2 && two < 120) (two++, writeFileSync(path.join(src, name), text));
    }
    const parts = tmp();
    const bin = path.join(ROOT, 'bin', 'plancmp.js');
    const shard = (k: number, before: string) =>
      spawn('unshare', ['-p', '-f', '--mount-proc', 'sh', '-c', `${before}; "${process.execPath}" "${bin}" export "${src}" --jobs 1 --shard ${k}/3 --jsonl "${parts}/part-${k}.jsonl" --errors "${parts}/errors-${k}.jsonl"; echo "exit $?" >&2`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const finished = (c: ReturnType<typeof shard>) =>
      new Promise<string>((res) => {
        let err = '';
        c.stderr!.on('data', (d) => (err += d));
        c.on('exit', () => res(err));
      });
    // part 2's process id is one that, in part 1's namespace, belongs to no process (nor to a thread of part 1's node)
    const two2 = finished(shard(2, 'i=0; while [ $i -lt 60 ]; do /bin/true; i=$((i+1)); done'));
    const one1 = finished(shard(1, 'sleep 1'));
    const [err1, err2] = await Promise.all([one1, two2]);
    expect(err1).toMatch(/exit 0/);
    expect(err2).toMatch(/exit 0/);
    expect(readFileSync(path.join(parts, 'part-1.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readFileSync(path.join(parts, 'part-2.jsonl'), 'utf8').trim().split('\n')).toHaveLength(120);
  });
});
