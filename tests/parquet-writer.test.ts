// src/write/parquet.ts, the Parquet writer of `export --tables`: what it writes reads back as given —
// by hyparquet (the reader the other tests use) and by DuckDB (a dev dependency; skipped where it cannot
// load, required in CI) — through the encodings' edge cases: RLE runs and bit-packed groups of every
// length around 8, dictionaries across bit-width boundaries, nulls (all, none, some), an all-null string
// column (no dictionary), multi-byte and astral UTF-8, negative and large INT32s, several row groups,
// and a table with no rows; pages Snappy-compressed. The same rows give the same bytes.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { ParquetFileWriter, type ColumnChunkData, type ParquetColumn } from '../src/write/parquet.js';

type Value = string | number | boolean | null;

const duck = await import('@duckdb/node-api').catch(() => undefined);
const CI = !!process.env.CI;

/** The file the writer makes of these rows (row groups of `group` rows). */
function write(columns: ParquetColumn[], rows: Value[][], group = rows.length || 1): Buffer {
  const parts: Uint8Array[] = [];
  const w = new ParquetFileWriter(columns, (b) => parts.push(b), 'plancmp test');
  for (let from = 0; from < rows.length; from += group) {
    const slice = rows.slice(from, from + group);
    const data: ColumnChunkData[] = columns.map((c, k) => {
      if (c.type !== 'string') return { values: Float64Array.from(slice, (r) => (r[k] === null ? NaN : Number(r[k]))) };
      const dictionary: string[] = [];
      const codes = Int32Array.from(slice, (r) => {
        if (r[k] === null) return -1;
        const at = dictionary.indexOf(r[k] as string);
        return at >= 0 ? at : dictionary.push(r[k] as string) - 1;
      });
      return { dictionary, codes };
    });
    w.writeRowGroup(slice.length, data);
  }
  w.finish();
  return Buffer.concat(parts);
}

async function hyparquet(buf: Buffer) {
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  return { meta: parquetMetadata(ab), rows: (await parquetReadObjects({ file: ab })) as Record<string, unknown>[] };
}

/** Rows as the writer was given them (a date as days since 1970-01-01). */
function expected(columns: ParquetColumn[], rows: Value[][]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(columns.map((c, k) => [c.name, c.type === 'date' && r[k] !== null ? new Date((r[k] as number) * 86_400_000) : r[k]])));
}

const rng = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

const columns: ParquetColumn[] = [
  { name: 's', type: 'string' },
  { name: 'i', type: 'int' },
  { name: 'd', type: 'double' },
  { name: 'b', type: 'bool' },
  { name: 'day', type: 'date' },
  { name: 'nothing', type: 'string' },
];

/** Runs of every length from 1 to 20 of values drawn from `distinct` strings, with nulls among them. */
function rowsWith(distinct: number, seed: number): Value[][] {
  const r = rng(seed);
  const strings = Array.from({ length: distinct }, (_, i) => (i % 3 === 0 ? `单位${i}` : i % 3 === 1 ? `𠀀${i}🙂` : `u${i},"q"`));
  const out: Value[][] = [];
  for (let run = 1; run <= 20; run++) {
    for (let rep = 0; rep < 3; rep++) {
      const s = r() < 0.1 ? null : strings[Math.floor(r() * distinct)];
      const b = r() < 0.15 ? null : r() < 0.5;
      for (let k = 0; k < run; k++) {
        out.push([s, r() < 0.1 ? null : Math.floor((r() - 0.5) * 2 ** 32), r() < 0.1 ? null : (r() - 0.5) * 1e6, b, r() < 0.1 ? null : Math.floor((r() - 0.3) * 40_000), null]);
      }
    }
  }
  return out;
}

describe('Parquet writer (src/write/parquet.ts)', () => {
  for (const distinct of [1, 2, 3, 255, 256, 257, 600]) {
    it(`reads back every cell: ${distinct} distinct strings, runs of 1–20, nulls, several row groups`, async () => {
      const rows = rowsWith(distinct, distinct);
      for (const group of [rows.length, 97]) {
        const { meta, rows: back } = await hyparquet(write(columns, rows, group));
        expect(back).toEqual(expected(columns, rows));
        expect(meta.row_groups.length).toBe(Math.ceil(rows.length / group));
        expect(meta.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec))).toEqual(meta.row_groups.flatMap(() => columns.map(() => 'SNAPPY')));
        expect(meta.schema.slice(1).map((s) => [s.name, s.type, s.converted_type ?? null])).toEqual([
          ['s', 'BYTE_ARRAY', 'UTF8'],
          ['i', 'INT32', null],
          ['d', 'DOUBLE', null],
          ['b', 'BOOLEAN', null],
          ['day', 'INT32', 'DATE'],
          ['nothing', 'BYTE_ARRAY', 'UTF8'],
        ]);
      }
    });
  }

  it('long runs and long stretches without runs (more than 63 groups of 8)', async () => {
    const cols: ParquetColumn[] = [
      { name: 's', type: 'string' },
      { name: 'b', type: 'bool' },
    ];
    const rows: Value[][] = [];
    for (let i = 0; i < 2000; i++) rows.push([`v${i % 1000}`, i % 3 === 0]);
    for (let i = 0; i < 2000; i++) rows.push(['same', true]);
    for (let i = 0; i < 1003; i++) rows.push([i % 2 ? null : `v${i % 7}`, i % 5 ? null : false]);
    expect((await hyparquet(write(cols, rows))).rows).toEqual(expected(cols, rows));
  });

  it('a table without rows is a file of its columns and no row groups', async () => {
    const buf = write(columns, []);
    const { meta, rows } = await hyparquet(buf);
    expect(rows).toEqual([]);
    expect(Number(meta.num_rows)).toBe(0);
    expect(meta.schema.slice(1).map((s) => s.name)).toEqual(columns.map((c) => c.name));
  });

  it('the same rows give the same bytes', () => {
    const rows = rowsWith(300, 7);
    expect(write(columns, rows, 500).equals(write(columns, rows, 500))).toBe(true);
  });

  it.skipIf(!duck && !CI)('DuckDB reads the same cells and types', async () => {
    expect(duck, 'CI must load @duckdb/node-api').toBeDefined();
    const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-parquet-'));
    const rows = [...rowsWith(257, 3), ...rowsWith(2, 4)];
    const file = path.join(dir, 't.parquet');
    writeFileSync(file, write(columns, rows, 300));
    const db = await duck!.DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      const types = (await con.runAndReadAll(`DESCRIBE SELECT * FROM '${file}'`)).getRowsJS().map((r) => `${r[0]} ${r[1]}`);
      expect(types).toEqual(['s VARCHAR', 'i INTEGER', 'd DOUBLE', 'b BOOLEAN', 'day DATE', 'nothing VARCHAR']);
      const back = (await con.runAndReadAll(`SELECT s, i, d, b, day::VARCHAR, nothing FROM read_parquet('${file}', file_row_number = true) ORDER BY file_row_number`)).getRowsJS();
      const want = rows.map((r) => [r[0], r[1], r[2], r[3], r[4] === null ? null : new Date((r[4] as number) * 86_400_000).toISOString().slice(0, 10), null]);
      expect(back).toEqual(want);
    } finally {
      con.closeSync?.();
    }
  });
});
