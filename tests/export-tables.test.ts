// plancmp export --diff --base auto (each notice against its own parent) and --tables DIR (CSV and
// Parquet). One export of the mixed folder fixtures/ (the fixtures, the chain corpus, real notices
// from gov.cn and elsewhere, non-plans) is shared by the tests; they run the built CLI, with workers.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parseFile } from '../src/index.js';
import { buildChain } from '../src/chain/build.js';
import { TABLES } from '../src/export/tables.js';
import { expectValid, validateExport } from './schema-support.js';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'plancmp.js');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'plancmp-tables-'));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Rec {
  export: { input: string; diff: { base: string } | null };
  notice: { meta: { docNumber?: string }; tasks: unknown[]; keyList: unknown[]; taskShape?: { plan: boolean } };
  diff?: { base: { file: string }; links: unknown[]; keyListLinks: unknown[]; dropped: { id: string }[]; added: unknown[]; deadlineChanges: unknown[]; ownerChanges: unknown[]; targetChanges: unknown[]; strengthChanges: unknown[] };
  taskCount: number;
  keyListRows: number;
  isPlan: boolean;
  parentStatus: string | null;
  parent: { file: string; docNumber: string | null; evidence: string | null } | null;
  citedParent: string | null;
  coverage: number | null;
}
const records = (jsonl: string): Rec[] => readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Rec);

/** RFC 4180 rows (quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  return rows;
}

async function readParquet(file: string) {
  const buf = readFileSync(file);
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  return { meta: parquetMetadata(ab), rows: (await parquetReadObjects({ file: ab })) as Record<string, unknown>[] };
}

/** A Parquet value as the CSV writes it. */
function asCsv(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

const D = 'fixtures/chain/';
let dir: string;
let recs: Rec[];
const rec = (file: string) => {
  const r = recs.find((x) => x.export.input === file);
  expect(r, file).toBeDefined();
  return r!;
};

beforeAll(() => {
  dir = tmp();
  const r = cli(['export', 'fixtures', '--diff', '--base', 'auto', '--jsonl', path.join(dir, 'r.jsonl'), '--tables', path.join(dir, 't')]);
  expect(r.code, r.err).toBe(0);
  expect(r.err).toMatch(/parents \(--base auto\): \d+ found, \d+ cited-but-missing, \d+ none, \d+ not-a-plan/);
  recs = records(path.join(dir, 'r.jsonl'));
}, 180_000);

describe('export --diff --base auto on a mixed folder (fixtures, chain corpus, real notices)', () => {
  it('gives each notice of the chain corpus the parent a reader would give it', () => {
    const parentOf = (f: string) => {
      const r = rec(D + f);
      return [r.parentStatus, r.parent?.docNumber ?? r.citedParent, r.parent?.evidence ?? null];
    };
    expect(parentOf('haiyan-county-plan.txt')).toEqual(['found', '嘉政发〔2018〕27号', 'cites-docnumber']);
    expect(rec(D + 'haiyan-county-plan.txt').parent!.file).toBe(D + 'jiaxing-city-plan.txt');
    expect(parentOf('jiashan-county-plan.txt')).toEqual(['found', '嘉政发〔2018〕27号', 'cites-docnumber']);
    expect(parentOf('jiaxing-city-plan.txt')).toEqual(['found', '浙政发〔2018〕16号', 'cites-docnumber']);
    // named after 政府“两强三提高”建设行动计划 without citing it
    expect(parentOf('zhoushan-city-plan.txt')).toEqual(['found', '浙政发〔2018〕16号', 'plan-name']);
    // cites a plan the folder does not hold: no diff against something else
    expect(parentOf('keqiao-district-plan.txt')).toEqual(['cited-but-missing', '绍政发〔2018〕22号', null]);
    expect(parentOf('guangzhou-talent-opinions-orphan.html')).toEqual(['cited-but-missing', '《中共广州市委、广州市人民政府关于全面推进新型城市化发展的决定》', null]);
    expect(parentOf('heihe-unrelated-plan.txt')).toEqual(['none', null, null]);
    expect(parentOf('zhejiang-16hao-provincial-plan.txt')).toEqual(['none', null, null]);
  });

  it('agrees with plancmp chain on the chain corpus (by 文号: the folder holds two copies of 16号)', async () => {
    const files = readdirSync(D).map((f) => D + f);
    const chain = buildChain(await Promise.all(files.map((f) => parseFile(f))));
    const docNo = new Map(chain.entries.map((e) => [e.file, e.docNumber]));
    for (const e of chain.entries) {
      const r = rec(e.file);
      expect(r.parent?.docNumber ?? null, e.file).toBe(e.parent ? docNo.get(e.parent) : null);
      expect(r.citedParent, e.file).toBe(e.citedParent ?? null);
    }
  });

  it('finds parents across the folder, and marks non-plans; only a notice with a found parent is diffed, against that parent', () => {
    expect(rec('fixtures/pairs/jiangxi-nongjihua-shishi-yijian.txt').parent).toEqual({ file: 'fixtures/real/guofa-2018-42-nongjihua-zhidao-yijian.govcn.html', docNumber: '国发〔2018〕42号', evidence: 'cites-docnumber' });
    expect(rec('fixtures/pairs/xuchang-wufei-chengshi-shishi-fangan.txt').parent?.docNumber).toBe('国办发〔2018〕128号');
    for (const f of ['fixtures/shapes/s9-not-a-plan-pifu.txt', 'fixtures/shapes/s9b-not-a-plan-tongbao.txt', 'fixtures/real/govcn/33-guoling-707.html']) {
      expect(rec(f)).toMatchObject({ parentStatus: 'not-a-plan', isPlan: false, taskCount: 0, parent: null, coverage: null });
    }
    for (const r of recs) {
      expect(r.export.diff?.base).toBe('auto');
      // a found parent is read as diff reads it: a 规定 cited by its 实施 notice gives its measures (below)
      const diffed = r.parentStatus === 'found' && r.taskCount > 0;
      expect(!!r.diff, r.export.input).toBe(diffed);
      if (r.diff) expect(r.diff.base.file).toBe(r.parent!.file);
      else expect(r.coverage).toBeNull();
    }
    // the 规定 (no tasks of its own as exported) is diffed by its measures, as `plancmp diff BASE LOCAL` does
    expect(rec('fixtures/implemented/guifan-written-base.txt').taskCount).toBe(0);
    const implemented = rec('fixtures/implemented/tongzhi-written-local.txt');
    expect(implemented.parent?.docNumber).toBe('国办发〔2021〕99号');
    expect(implemented.diff?.dropped.map((t) => t.id)).toEqual(['3.2']);
    // most of this folder implements nothing in it: the 16号 is no longer everyone's base
    expect(recs.filter((r) => r.diff).length).toBeLessThan(recs.length / 2);
  });

  it('every record validates against schema/export.v1.json and carries the counts, also with 0 tasks', () => {
    for (const r of recs) {
      expectValid(validateExport, r, r.export.input);
      expect(r.taskCount).toBe(r.notice.tasks.length);
      expect(r.keyListRows).toBe(r.notice.keyList.length);
      expect(r.isPlan).toBe(r.notice.taskShape?.plan !== false);
    }
    expect(recs.some((r) => r.taskCount === 0)).toBe(true);
  });
});

describe('export --tables', () => {
  it('writes every table as CSV and Parquet holding the same rows, with typed Parquet columns', async () => {
    for (const t of TABLES) {
      const csv = parseCsv(readFileSync(path.join(dir, 't', `${t.name}.csv`), 'utf8'));
      expect(csv[0], t.name).toEqual(t.columns.map((c) => c.name));
      const { meta, rows } = await readParquet(path.join(dir, 't', `${t.name}.parquet`));
      expect(rows.length, t.name).toBe(csv.length - 1);
      rows.forEach((row, i) => expect(t.columns.map((c) => asCsv(row[c.name])), `${t.name} row ${i + 1}`).toEqual(csv[i + 1]));
      const leaf = new Map(meta.schema.slice(1).map((s) => [s.name, s]));
      for (const c of t.columns) {
        const s = leaf.get(c.name)!;
        const want = { int: 'INT32', double: 'DOUBLE', bool: 'BOOLEAN', date: 'INT32', string: 'BYTE_ARRAY' }[c.type];
        expect(s.type, `${t.name}.${c.name}`).toBe(want);
        if (c.type === 'date') expect(s.converted_type).toBe('DATE');
      }
    }
  });

  it('has one row per entity of the records', async () => {
    const count = async (name: string) => (await readParquet(path.join(dir, 't', `${name}.parquet`))).rows.length;
    const sum = (f: (r: Rec) => number) => recs.reduce((a, r) => a + f(r), 0);
    expect(await count('notices')).toBe(recs.length);
    expect(await count('tasks')).toBe(sum((r) => r.taskCount + r.keyListRows));
    expect(await count('links')).toBe(sum((r) => (r.diff ? r.diff.links.length + r.diff.keyListLinks.length : 0)));
    for (const [table, key] of [
      ['dropped', 'dropped'],
      ['added', 'added'],
      ['deadline_changes', 'deadlineChanges'],
      ['owner_changes', 'ownerChanges'],
      ['target_changes', 'targetChanges'],
      ['strength_changes', 'strengthChanges'],
    ] as const) {
      expect(await count(table), table).toBe(sum((r) => (r.diff ? r.diff[key].length : 0)));
    }
    const notices = (await readParquet(path.join(dir, 't', 'notices.parquet'))).rows;
    const haiyan = notices.find((n) => n.file === D + 'haiyan-county-plan.txt')!;
    expect(haiyan).toMatchObject({ doc_number: '盐政发〔2018〕31号', level: 3, is_plan: true, task_count: 21, parent_status: 'found', parent_file: D + 'jiaxing-city-plan.txt', parent_doc_number: '嘉政发〔2018〕27号' });
    expect(haiyan.date).toEqual(new Date('2018-08-10T00:00:00Z'));
    // keys are unique
    const keys = new Set(notices.map((n) => n.file));
    expect(keys.size).toBe(notices.length);
  });

  it('writes the same bytes (CSV and Parquet) with one worker or two', () => {
    const d = tmp();
    const bytes = (jobs: string) => {
      const r = cli(['export', D, 'fixtures/pairs', '--diff', '--base', 'auto', '--jsonl', path.join(d, `${jobs}.jsonl`), '--tables', path.join(d, jobs), '--jobs', jobs]);
      expect(r.code, r.err).toBe(0);
      return TABLES.flatMap((t) => ['csv', 'parquet'].map((ext) => readFileSync(path.join(d, jobs, `${t.name}.${ext}`))));
    };
    const one = bytes('1');
    const two = bytes('2');
    one.forEach((b, i) => expect(b.equals(two[i]), `file ${i}`).toBe(true));
  }, 90_000);

  it('--resume rebuilds the tables from the records already written (identical tables)', () => {
    const d = tmp();
    const args = ['export', D, '--diff', '--base', 'auto', '--out', path.join(d, 'out'), '--tables', path.join(d, 't'), '--jobs', '1'];
    expect(cli(args).code).toBe(0);
    const first = TABLES.map((t) => readFileSync(path.join(d, 't', `${t.name}.csv`), 'utf8'));
    const again = cli([...args, '--resume']);
    expect(again.code, again.err).toBe(0);
    expect(again.err).toMatch(/0 exported, 8 up to date/);
    expect(TABLES.map((t) => readFileSync(path.join(d, 't', `${t.name}.csv`), 'utf8'))).toEqual(first);
    // --jsonl --resume: the rows of the reused lines
    const jargs = ['export', D, '--diff', '--base', 'auto', '--jsonl', path.join(d, 'r.jsonl'), '--tables', path.join(d, 'tj'), '--jobs', '1'];
    expect(cli(jargs).code).toBe(0);
    const reused = cli([...jargs, '--resume']);
    expect(reused.err).toMatch(/0 exported, 8 up to date/);
    expect(TABLES.map((t) => readFileSync(path.join(d, 'tj', `${t.name}.csv`), 'utf8'))).toEqual(first);
  }, 90_000);
});

describe('export --tables: outputs complete or absent', () => {
  it('a tables directory that cannot be made stops the export before any work, leaving no other output behind', () => {
    const d = tmp();
    writeFileSync(path.join(d, 'file'), 'x');
    const r = cli(['export', D + 'haiyan-county-plan.txt', '--jsonl', path.join(d, 'r.jsonl'), '--tables', path.join(d, 'file', 'tables')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^plancmp: .*file.*tables/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(d)).toEqual(['file']);
  });
});

describe('export --base: given, auto with --bases, the embedded 16号 as a candidate', () => {
  it('--base FILE keeps its meaning: every notice against that file, parentStatus given', () => {
    const d = tmp();
    const r = cli(['export', D + 'haiyan-county-plan.txt', D + 'heihe-unrelated-plan.txt', '--diff', '--base', D + 'jiaxing-city-plan.txt', '--jsonl', path.join(d, 'r.jsonl')]);
    expect(r.code, r.err).toBe(0);
    for (const x of records(path.join(d, 'r.jsonl'))) {
      expect(x).toMatchObject({ parentStatus: 'given', parent: { file: D + 'jiaxing-city-plan.txt', docNumber: '嘉政发〔2018〕27号', evidence: null } });
      expect(x.diff!.base.file).toBe(D + 'jiaxing-city-plan.txt');
    }
  });

  it('--bases adds candidate parents that are not exported; the embedded 16号 is one unless an input carries its 文号', () => {
    const d = tmp();
    const counties = [D + 'haiyan-county-plan.txt', D + 'jiashan-county-plan.txt'];
    const alone = cli(['export', ...counties, '--diff', '--base', 'auto', '--jsonl', path.join(d, 'a.jsonl')]);
    expect(alone.code, alone.err).toBe(0);
    expect(records(path.join(d, 'a.jsonl')).map((x) => [x.parentStatus, x.citedParent, !!x.diff])).toEqual([
      ['cited-but-missing', '嘉政发〔2018〕27号', false],
      ['cited-but-missing', '嘉政发〔2018〕27号', false],
    ]);
    const withBases = cli(['export', ...counties, '--diff', '--base', 'auto', '--bases', D, '--jsonl', path.join(d, 'b.jsonl')]);
    expect(withBases.code, withBases.err).toBe(0);
    const b = records(path.join(d, 'b.jsonl'));
    expect(b.map((x) => x.export.input)).toEqual(counties);
    expect(b.map((x) => [x.parentStatus, x.parent?.file, !!x.diff])).toEqual([
      ['found', D + 'jiaxing-city-plan.txt', true],
      ['found', D + 'jiaxing-city-plan.txt', true],
    ]);
    const city = cli(['export', D + 'jiaxing-city-plan.txt', '--diff', '--base', 'auto', '--jsonl', '-']);
    const c = JSON.parse(city.out) as Rec;
    expect(c).toMatchObject({ parentStatus: 'found', parent: { file: '浙政发〔2018〕16号 (embedded)', docNumber: '浙政发〔2018〕16号', evidence: 'cites-docnumber' } });
    expect(c.diff!.dropped.length).toBe(1);
  }, 60_000);
});
