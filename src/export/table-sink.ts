// Writes the tables of `export --tables DIR` (declared in tables.ts): DIR/<table>.csv (UTF-8, a
// header row, RFC 4180 quoting, no BOM and no spreadsheet escapes: for pandas, R and DuckDB) and
// DIR/<table>.parquet (typed columns: INT32, DOUBLE, BOOLEAN, UTF8 strings, DATE days), with the
// same rows in the same order. The workers send each record's rows already as CSV bytes and packed
// columns (tables.ts TableRows); they are buffered per table and written every BATCH rows (a CSV chunk
// and a Parquet row group), so memory stays flat however large the corpus. A string column is buffered
// as codes into the row group's dictionary, which the Parquet writer (write/parquet.ts) writes as it is:
// a string is looked up once per record and column, not once per cell, by the bytes the worker encoded
// and their hash (write/parquet-dictionary.ts), into a dictionary kept as its page's bytes: no string is
// made, decoded or encoded again here. Each file is written through an OutputSink: complete (fsync +
// rename) on commit, absent after abort.
import path from 'node:path';
import { OutputSink } from '../write/atomic.js';
import { ParquetFileWriter, type ColumnChunkData } from '../write/parquet.js';
import { ParquetDictionary } from '../write/parquet-dictionary.js';
import { TABLES, csvHeader, type TableDef, type TableRows } from './tables.js';

/** Rows per Parquet row group: a row group ends after the record that reaches it. */
const BATCH = 8_192;
/**
 * Bytes of CSV gathered per table before they go to its file. A record's lines are copied here, not
 * handed to the OutputSink as views: a view keeps the record's whole packed buffer alive until the sink
 * writes, and a small table (one notices row per record, a few target_changes) took hundreds of records
 * to fill a write — ~100 MB of buffers held at once, which the main thread's garbage collector walked
 * again and again.
 */
const CSV_CHUNK = 256 * 1024;

/** Where TableSink is in a record's packed rows. */
interface Cursor {
  same: number;
  codes: number;
  nums: number;
}

/**
 * A record's string codes translated into a column's dictionary codes, each distinct string looked up
 * once per column and record: `to[c]` holds the translation of the record's code c when `stamp[c]` is
 * the current `gen` (a new gen per column and record, so nothing is cleared between them).
 */
interface Remap {
  to: Int32Array;
  stamp: Int32Array;
  gen: number;
}

/** A column's values for the row group being filled. */
class ColumnBuffer {
  /** Strings: the row group's dictionary (first use first) and each row's code into it (-1: null). */
  readonly dictionary?: ParquetDictionary;
  codes = new Int32Array(0);
  /** Numbers, booleans (1/0) and dates (days): each row's value (NaN: null). */
  values = new Float64Array(0);

  constructor(readonly isString: boolean) {
    if (isString) this.dictionary = new ParquetDictionary();
  }

  /** The dictionary code of the record's distinct string c. */
  code(p: TableRows, c: number): number {
    return this.dictionary!.code(p.csv, p.spans[2 * c], p.spans[2 * c + 1], p.hashes[c]);
  }

  /** Room for `rows` rows, keeping the first `kept`. */
  reserve(rows: number, kept: number): void {
    const have = this.isString ? this.codes : this.values;
    if (have.length >= rows) return;
    const size = Math.max(rows, BATCH * 2, have.length * 2);
    if (this.isString) (this.codes = new Int32Array(size)).set(this.codes.subarray(0, kept));
    else (this.values = new Float64Array(size)).set(this.values.subarray(0, kept));
  }

  /** The chunk for the Parquet writer, which reads it at once; the buffer starts a new row group. */
  take(): ColumnChunkData {
    const d = this.dictionary;
    if (!d) return { values: this.values };
    const chunk = { dictionaryPage: d.page.subarray(0, d.bytes), dictionarySize: d.size, codes: this.codes };
    d.clear();
    return chunk;
  }
}

/**
 * A string column's `n` rows from the record's codes at `k` on, as codes of its dictionary (a function of
 * its own, which V8 optimizes apart from the rest of add()).
 */
function addCodes(col: ColumnBuffer, from: number, n: number, p: TableRows, k: number, map: Remap): void {
  const codes = col.codes;
  const gen = ++map.gen;
  const { to, stamp } = map;
  const given = p.codes;
  for (let i = from; i < from + n; i++, k++) {
    const c = given[k];
    if (c < 0) codes[i] = -1;
    else if (stamp[c] === gen) codes[i] = to[c];
    else {
      codes[i] = to[c] = col.code(p, c);
      stamp[c] = gen;
    }
  }
}

class TableFile {
  private readonly csv: OutputSink;
  private readonly parquet: OutputSink;
  private readonly writer: ParquetFileWriter;
  private readonly columns: ColumnBuffer[];
  private buffered = 0;
  /** CSV lines not yet given to the sink (CSV_CHUNK), and how many bytes of it are in use. */
  private readonly csvChunk = Buffer.allocUnsafeSlow(CSV_CHUNK);
  private csvAt = 0;
  rows = 0;

  constructor(
    private readonly def: TableDef,
    dir: string,
    shownDir: string,
  ) {
    this.csv = new OutputSink(path.join(dir, `${def.name}.csv`), path.join(shownDir, `${def.name}.csv`));
    this.parquet = new OutputSink(path.join(dir, `${def.name}.parquet`), path.join(shownDir, `${def.name}.parquet`));
    this.csv.open();
    this.parquet.open();
    this.csv.write(csvHeader(def));
    this.columns = def.columns.map((c) => new ColumnBuffer(c.type === 'string'));
    this.writer = new ParquetFileWriter(def.columns, (b) => this.parquet.write(b), 'plancmp');
  }

  /** `n` rows of one record: its CSV lines, and its columns read from `p` at the cursor `at` (advanced past them). */
  add(n: number, csv: Uint8Array, p: TableRows, map: Remap, at: Cursor): void {
    if (!n) return;
    this.putCsv(csv);
    const from = this.buffered;
    for (const col of this.columns) {
      col.reserve(from + n, from);
      const all = p.same[at.same++];
      if (col.isString) {
        if (all !== undefined) col.codes.fill(all === null ? -1 : col.code(p, all as number), from, from + n);
        else {
          addCodes(col, from, n, p, at.codes, map);
          at.codes += n;
        }
      } else if (all !== undefined) col.values.fill(all === null ? NaN : Number(all), from, from + n);
      else {
        col.values.set(p.nums.subarray(at.nums, at.nums + n), from);
        at.nums += n;
      }
    }
    this.buffered += n;
    if (this.buffered >= BATCH) this.flush();
  }

  /**
   * A record's CSV lines, copied into the chunk, or (longer than a chunk) written at once: nothing here
   * keeps the record's buffer, which goes back to the workers (table-rows.ts giveBack).
   */
  private putCsv(csv: Uint8Array): void {
    if (this.csvAt + csv.length > CSV_CHUNK) this.flushCsv();
    if (csv.length >= CSV_CHUNK) {
      this.csv.write(csv);
      this.csv.writeOut();
    } else {
      this.csvChunk.set(csv, this.csvAt);
      this.csvAt += csv.length;
    }
  }

  /** The chunk written to the file now, then filled again (a new chunk each time cost page faults). */
  private flushCsv(): void {
    if (!this.csvAt) return;
    this.csv.write(this.csvChunk.subarray(0, this.csvAt));
    this.csv.writeOut();
    this.csvAt = 0;
  }

  private flush(): void {
    if (!this.buffered) return;
    this.writer.writeRowGroup(this.buffered, this.columns.map((c) => c.take()));
    this.rows += this.buffered;
    this.buffered = 0;
  }

  /** Writes what is left and makes both files final (their fsyncs run while the caller goes on). */
  commit(): Promise<void>[] {
    this.flushCsv();
    this.flush();
    this.writer.finish();
    return [this.csv.commitAsync(), this.parquet.commitAsync()];
  }

  abort(): void {
    this.csv.abort();
    this.parquet.abort();
  }
}

/** The tables of one export: rows added record by record (in output order), committed at the end. */
export class TableSink {
  private readonly files: TableFile[];
  private readonly map: Remap = { to: new Int32Array(1024), stamp: new Int32Array(1024), gen: 0 };

  /** `dir` must exist; `shownDir` is how the user wrote it (for errors). */
  constructor(dir: string, shownDir = dir) {
    const files: TableFile[] = [];
    try {
      for (const t of TABLES) files.push(new TableFile(t, dir, shownDir));
    } catch (e) {
      for (const f of files) f.abort();
      throw e;
    }
    this.files = files;
  }

  /** A record's rows; nothing of `rows` is kept once this returns (its buffer may be reused). */
  add(rows: TableRows): void {
    const map = this.map;
    const n = rows.hashes.length;
    if (map.to.length < n) {
      map.to = new Int32Array(n * 2);
      map.stamp = new Int32Array(n * 2);
    }
    const at: Cursor = { same: 0, codes: 0, nums: 0 };
    let from = 0;
    rows.counts.forEach((count, i) => {
      this.files[i].add(count, rows.csv.subarray(from, rows.csvEnds[i]), rows, map, at);
      from = rows.csvEnds[i];
    });
  }

  /** Rows written per table. */
  counts(): Record<string, number> {
    return Object.fromEntries(TABLES.map((t, i) => [t.name, this.files[i].rows]));
  }

  /**
   * Every table complete, or (on a failure) none: each table's last rows are encoded while the files
   * finished before it reach the disk, and the fsyncs wait together, not one after another.
   */
  async commit(): Promise<void> {
    const syncing: Promise<void>[] = [];
    try {
      for (const f of this.files) syncing.push(...f.commit());
    } finally {
      // a failure part way: what was started settles before the caller aborts the rest
      const done = await Promise.allSettled(syncing);
      const failed = done.find((d) => d.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    }
  }

  abort(): void {
    for (const f of this.files) f.abort();
  }
}
