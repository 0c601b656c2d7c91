#!/usr/bin/env node
// Are two `export --tables` directories the same tables? For a change to how the tables are written
// (e.g. another Parquet writer): every table's CSV byte for byte, and its Parquet files read back row
// by row, cell by cell, in order — by hyparquet and by DuckDB (both dev dependencies) — with the same
// column names and physical/logical types. Prints one line per table and exits 1 on any difference.
//
//   node bench/tables-compare.js BEFORE_DIR AFTER_DIR
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { DuckDBInstance } from '@duckdb/node-api';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/tables-compare.js BEFORE_DIR AFTER_DIR');
  process.exit(2);
}
const { TABLES } = await import('../dist/export/tables.js');

async function hyparquet(file) {
  const buf = readFileSync(file);
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  const meta = parquetMetadata(ab);
  const schema = meta.schema.slice(1).map((s) => `${s.name}:${s.type}:${s.converted_type ?? ''}:${s.logical_type?.type ?? ''}:${s.repetition_type}`);
  return { schema, rows: await parquetReadObjects({ file: ab }) };
}

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
async function duck(file) {
  const types = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowsJS().map((r) => `${r[0]}:${r[1]}`);
  // file_row_number keeps the file's order however the scan is split
  const rows = (await con.runAndReadAll(`SELECT * EXCLUDE (file_row_number) FROM read_parquet('${file}', file_row_number = true) ORDER BY file_row_number`)).getRowsJS();
  return { types, rows };
}

const same = (x, y) => JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)) === JSON.stringify(y, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
let bad = 0;
for (const t of TABLES) {
  const problems = [];
  if (!readFileSync(join(a, `${t.name}.csv`)).equals(readFileSync(join(b, `${t.name}.csv`)))) problems.push('CSV bytes differ');
  const [ha, hb] = [await hyparquet(join(a, `${t.name}.parquet`)), await hyparquet(join(b, `${t.name}.parquet`))];
  if (!same(ha.schema, hb.schema)) problems.push(`hyparquet schema: ${ha.schema} ≠ ${hb.schema}`);
  if (ha.rows.length !== hb.rows.length) problems.push(`hyparquet rows ${ha.rows.length} ≠ ${hb.rows.length}`);
  const firstRow = ha.rows.findIndex((r, i) => !same(r, hb.rows[i]));
  if (firstRow >= 0) problems.push(`hyparquet row ${firstRow + 1} differs`);
  const [da, dbb] = [await duck(join(a, `${t.name}.parquet`)), await duck(join(b, `${t.name}.parquet`))];
  if (!same(da.types, dbb.types)) problems.push(`DuckDB types: ${da.types} ≠ ${dbb.types}`);
  if (da.rows.length !== dbb.rows.length) problems.push(`DuckDB rows ${da.rows.length} ≠ ${dbb.rows.length}`);
  const firstDuck = da.rows.findIndex((r, i) => !same(r, dbb.rows[i]));
  if (firstDuck >= 0) problems.push(`DuckDB row ${firstDuck + 1} differs`);
  if (da.rows.length !== ha.rows.length) problems.push(`DuckDB reads ${da.rows.length} rows, hyparquet ${ha.rows.length}`);
  const size = (d) => readFileSync(join(d, `${t.name}.parquet`)).length;
  console.log(`${t.name}: ${ha.rows.length} rows, ${t.columns.length} columns — ${problems.length ? problems.join('; ') : 'CSV identical, Parquet identical by hyparquet and DuckDB'} (Parquet ${size(a)} → ${size(b)} bytes)`);
  if (problems.length) bad++;
}
con.closeSync?.();
process.exit(bad ? 1 : 0);
