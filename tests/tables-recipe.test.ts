// The README's recipes for `export --tables` (pandas and DuckDB SQL), run as written on a fresh export
// of the mixed folder fixtures/, checked against the answers computed from the JSONL records of the
// same export, and against the output the README shows. pandas comes from Debian (python3-pandas,
// installed by .ci/run), DuckDB from npm (@duckdb/node-api, a dev dependency): outside CI a missing
// one skips its test with the reason; in CI it fails.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The fenced block after `<!-- recipe: NAME -->`. */
function recipe(name: string): string {
  const m = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\``).exec(README);
  expect(m, `README has no recipe block "${name}"`).not.toBeNull();
  return m![1];
}

/** A Python 3 that has pandas: the one on PATH, else Debian's (pyenv shims hide it). */
function pythonWithPandas(): string | undefined {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import pandas'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

async function duckdb(): Promise<typeof import('@duckdb/node-api') | undefined> {
  try {
    return await import('@duckdb/node-api');
  } catch {
    return undefined;
  }
}

const CI = !!process.env.CI;
const python = pythonWithPandas();
const duck = await duckdb();
if (!python) console.warn(`tables-recipe: the pandas recipe is skipped: no python3 with pandas (apt-get install python3-pandas)${CI ? ' — required in CI' : ''}`);
if (!duck) console.warn(`tables-recipe: the DuckDB recipe is skipped: @duckdb/node-api cannot be loaded on this platform${CI ? ' — required in CI' : ''}`);

interface Rec {
  notice: { tasks: unknown[] };
  diff?: { dropped: { id: string; title: string }[] };
  parent: { file: string; docNumber: string | null } | null;
}

let work: string;
/** The answers, from the records: [parent, base_task, title, dropped_by, children] and the mean. */
let top: [string, string, string, number, number][];
let mean: string;
let count: number;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'plancmp-recipe-'));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'plancmp.js'), 'export', path.join(ROOT, 'fixtures'), '--diff', '--base', 'auto', '--tables', 'tables', '--jsonl', 'r.jsonl'], { cwd: work, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const recs = readFileSync(path.join(work, 'r.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Rec);
  const children = new Map<string, number>();
  const dropped = new Map<string, [string, string, string, number]>();
  for (const x of recs) {
    if (!x.diff) continue;
    const parent = x.parent!.docNumber ?? x.parent!.file;
    children.set(parent, (children.get(parent) ?? 0) + 1);
    for (const d of x.diff.dropped) {
      const k = JSON.stringify([parent, d.id, d.title]);
      const e = dropped.get(k) ?? [parent, d.id, d.title, 0];
      e[3]++;
      dropped.set(k, e);
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  top = [...dropped.values()]
    .sort((a, b) => b[3] - a[3] || cmp(a[0], b[0]) || cmp(a[1], b[1]))
    .slice(0, 5)
    .map(([p, id, title, n]) => [p, id, title, n, children.get(p)!]);
  count = recs.length;
  mean = (recs.reduce((a, x) => a + x.notice.tasks.length, 0) / recs.length).toFixed(2);
  // the folder has notices without tasks (non-plans), which the mean must count
  expect(recs.some((x) => x.notice.tasks.length === 0)).toBe(true);
}, 180_000);

describe('README recipes for export --tables', () => {
  it.skipIf(!python && !CI)('pandas: prints the tasks dropped most often per parent and the mean tasks per notice', () => {
    expect(python, 'CI must have python3-pandas (.ci/run installs it)').toBeDefined();
    const r = spawnSync(python!, ['-c', recipe('pandas')], { cwd: work, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const want = [...top.map(([p, id, title, n, c]) => `${id} ${title}: dropped by ${n} of the ${c} plans that implement ${p}`), `mean tasks per notice: ${mean} over ${count} notices`];
    expect(r.stdout.trim().split('\n')).toEqual(want);
    // and the README shows what it prints
    expect(recipe('output').trim()).toBe(r.stdout.trim());
  }, 60_000);

  it.skipIf(!duck && !CI)('DuckDB: the SQL gives the same answers from the Parquet files', async () => {
    expect(duck, 'CI must load @duckdb/node-api').toBeDefined();
    const db = await duck!.DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      // the recipe names tables/… relative to where it runs
      const statements = recipe('duckdb')
        .replaceAll("'tables/", `'${work}/tables/`)
        .split(/;\s*\n/)
        .filter((s) => s.replace(/--.*$/gm, '').trim());
      expect(statements).toHaveLength(2);
      const dropped = (await con.runAndReadAll(statements[0])).getRowsJS();
      expect(dropped.map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : v)))).toEqual(top);
      const [[avg, n]] = (await con.runAndReadAll(statements[1])).getRowsJS();
      expect([Number(avg).toFixed(2), Number(n)]).toEqual([mean, count]);
    } finally {
      con.closeSync?.();
    }
  }, 60_000);
});
