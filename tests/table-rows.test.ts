// export --tables from a record to the files: the worker's packing (src/export/table-rows.ts), the move
// between threads, and the main thread's writing (table-sink.ts, write/parquet-dictionary.ts). What lands
// in the files must be exactly the rows the tables declare (tables.ts TABLES), cell for cell: the CSV
// against RFC 4180 written out here on its own, the Parquet read back by hyparquet — for strings that
// need quoting (quotes, commas, CR, LF, in a per-row cell and in the file name every row shares), astral
// and empty strings, strings repeated across rows, tables and records, over several row groups.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { loadBase, parseFile } from '../src/pipeline.js';
import { diffNotices } from '../src/diff/index.js';
import { recordFacts } from '../src/export/record.js';
import { TABLES, csvHeader, tableInput, type Cell, type RecordView } from '../src/export/tables.js';
import { tableRows, movedBuffers } from '../src/export/table-rows.js';
import { TableSink } from '../src/export/table-sink.js';
import { ParquetDictionary, hashBytes } from '../src/write/parquet-dictionary.js';
import { ParquetFileWriter } from '../src/write/parquet.js';

/** A CSV cell as the tables document it: null empty, a string quoted when it holds `",\r\n`, the rest as String() writes it. */
const csvCell = (v: Cell): string => (v === null ? '' : typeof v !== 'string' ? String(v) : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const TRICKY = ['他说"好",就办', 'a,b', 'line\nbreak', 'cr\rlf\r\n', '𠀀𠀁 astral', '', '"'];

let views: RecordView[];
let dir: string;

beforeAll(async () => {
  const base = loadBase();
  const notice = await parseFile('fixtures/000_5b73fe2b8637f3d3.txt');
  views = [];
  // enough records for more than one row group (8,192 rows) in the larger tables
  for (let i = 0; i < 120; i++) {
    const n = structuredClone(notice);
    n.tasks.forEach((t, k) => {
      if (k % 5 === 0) t.title = TRICKY[(i + k) % TRICKY.length];
      if (k % 7 === 1) t.text = `${TRICKY[k % TRICKY.length]}${t.text}`;
      if (k % 3 === 2 && t.units.length) t.units[0] = TRICKY[(i * 3 + k) % TRICKY.length] || '空';
    });
    const diff = diffNotices(base, n);
    const file = i % 4 === 0 ? `dir,${i}/"notice".txt` : `dir/${i}.txt`;
    views.push({ file, notice: n, diff, facts: recordFacts(n, diff, { status: 'given', parent: { file: base.source.file, docNumber: base.meta.docNumber ?? null, evidence: null } }) });
  }
  dir = mkdtempSync(path.join(tmpdir(), 'plancmp-table-rows-'));
  const sink = new TableSink(dir);
  for (const v of views) {
    const p = tableRows(v);
    // across threads as the worker sends them: the buffers moved
    sink.add(structuredClone(p, { transfer: movedBuffers(p) }));
  }
  await sink.commit();
}, 120_000);

const declared = (t: (typeof TABLES)[number]): Cell[][] => views.flatMap((v) => t.rows(tableInput(v)));

describe('export --tables: the files hold the declared rows', () => {
  it('has records that exercise what it is meant to', () => {
    const owners = declared(TABLES.find((t) => t.name === 'owners')!);
    expect(owners.length).toBeGreaterThan(8_192);
    const strings = TABLES.flatMap((t) => declared(t).flat()).filter((v): v is string => typeof v === 'string');
    for (const s of TRICKY) expect(strings).toContain(s);
  });

  it('CSV: every table, line for line', () => {
    for (const t of TABLES) {
      const want = csvHeader(t) + declared(t).map((r) => r.map(csvCell).join(',') + '\n').join('');
      expect(readFileSync(path.join(dir, `${t.name}.csv`), 'utf8'), t.name).toBe(want);
    }
  });

  it('Parquet: every table, value for value, typed', async () => {
    for (const t of TABLES) {
      const buf = readFileSync(path.join(dir, `${t.name}.parquet`));
      const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
      const got = (await parquetReadObjects({ file })) as Record<string, unknown>[];
      const want = declared(t).map((r) =>
        Object.fromEntries(t.columns.map((c, k) => [c.name, c.type === 'date' && r[k] !== null ? new Date(`${r[k] as string}T00:00:00Z`) : r[k]])),
      );
      expect(got.length, t.name).toBe(want.length);
      expect(got, t.name).toEqual(want);
      if (want.length > 8_192) expect(parquetMetadata(file).row_groups.length, t.name).toBeGreaterThan(1);
    }
  });
});

describe('export --tables: the packing (src/export/table-rows.ts)', () => {
  it('encodes a string as Buffer.write does, short or long (a lone surrogate as U+FFFD), and a double as String() writes it', () => {
    const v = structuredClone(views[1]);
    const odd = ['a\ud800b', '\udc00', '末尾\ud83d', '𠀀\ud83d\ude00', 'x'.repeat(70) + '\ud800', '长'.repeat(64), '长'.repeat(65) + ',', 'é ü'];
    v.notice.tasks.forEach((t, k) => (t.title = odd[k % odd.length]));
    const links = v.diff!.links;
    const scores = [0.1 + 0.2, 1 / 3, -0.125, 0.000001, 1e-7, 123456.789, 2.5e9 + 0.5, 0.3];
    links.forEach((k, i) => (k.score = scores[i % scores.length]));
    const p = tableRows(v);
    const csv = Buffer.from(p.csv);
    const start = (t: number) => (t ? p.csvEnds[t - 1] : 0);
    for (const name of ['tasks', 'links']) {
      const t = TABLES.findIndex((x) => x.name === name);
      const want = TABLES[t].rows(tableInput(v)).map((r) => r.map(csvCell).join(',') + '\n').join('');
      expect(csv.subarray(start(t), p.csvEnds[t]).equals(Buffer.from(want)), name).toBe(true);
    }
  });
});

describe('Parquet dictionary from UTF-8 bytes (src/write/parquet-dictionary.ts)', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const codeOf = (d: ParquetDictionary, s: string, hash?: number) => {
    const b = utf8(s);
    return d.code(b, 0, b.length, hash ?? hashBytes(b, 0, b.length));
  };
  /** The PLAIN dictionary page of these strings: length (u32 LE) and bytes each. */
  const plain = (xs: string[]) => Buffer.concat(xs.flatMap((s) => [Buffer.from(new Uint32Array([utf8(s).length]).buffer), utf8(s)]));

  it('gives codes first use first, the same bytes the same code, and keeps the page PLAIN', () => {
    const d = new ParquetDictionary();
    const long = '很长的任务文本'.repeat(20);
    expect([codeOf(d, '甲'), codeOf(d, long), codeOf(d, '甲'), codeOf(d, ''), codeOf(d, long + '。'), codeOf(d, long), codeOf(d, '')]).toEqual([0, 1, 0, 2, 3, 1, 2]);
    expect(d.size).toBe(4);
    expect(d.page.subarray(0, d.bytes)).toEqual(plain(['甲', long, '', long + '。']));
  });

  it('tells apart strings whose hashes collide, short and long (and a length apart)', () => {
    const d = new ParquetDictionary();
    const xs = ['ab', 'ba', 'abc', 'x'.repeat(40) + 'a', 'x'.repeat(40) + 'b', 'x'.repeat(41)];
    expect(xs.map((s) => codeOf(d, s, 7))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(xs.map((s) => codeOf(d, s, 7))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(d.page.subarray(0, d.bytes)).toEqual(plain(xs));
  });

  it('grows past its first sizes and starts again empty after clear()', () => {
    const d = new ParquetDictionary();
    const xs = Array.from({ length: 2_000 }, (_, i) => `单位${i}`.repeat(1 + (i % 30)));
    expect(xs.map((s) => codeOf(d, s))).toEqual(xs.map((_, i) => i));
    expect(xs.map((s) => codeOf(d, s))).toEqual(xs.map((_, i) => i));
    expect(d.page.subarray(0, d.bytes)).toEqual(plain(xs));
    d.clear();
    expect([codeOf(d, xs[9]), codeOf(d, xs[0]), codeOf(d, xs[9])]).toEqual([0, 1, 0]);
    expect(d.page.subarray(0, d.bytes)).toEqual(plain([xs[9], xs[0]]));
  });

  it('as a page the writer takes, reads back as the strings', async () => {
    const d = new ParquetDictionary();
    const rows = ['乙', null, '𠀀', '乙', '', '乙'];
    const codes = Int32Array.from(rows, (s) => (s === null ? -1 : codeOf(d, s)));
    const parts: Uint8Array[] = [];
    const w = new ParquetFileWriter([{ name: 's', type: 'string' }], (b) => parts.push(b), 'plancmp test');
    w.writeRowGroup(rows.length, [{ dictionaryPage: d.page.subarray(0, d.bytes), dictionarySize: d.size, codes }]);
    w.finish();
    const buf = Buffer.concat(parts);
    const got = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) });
    expect(got.map((r) => r.s)).toEqual(rows);
  });
});
