// Writes the tables of `export --tables DIR` (declared in tables.ts): DIR/<table>.csv (UTF-8, a
// header row, RFC 4180 quoting, no BOM and no spreadsheet escapes: for pandas, R and DuckDB) and
// DIR/<table>.parquet (typed columns: INT32, DOUBLE, BOOLEAN, UTF8 strings, DATE days), with the
// same rows in the same order. The workers send each record's rows already as CSV bytes and packed
// columns (tables.ts TableRows); they are buffered per table and written every BATCH rows (a CSV chunk
// and a Parquet row group), so memory stays flat however large the corpus. Each file is written through an
// OutputSink: complete (fsync + rename) on commit, absent after abort.
import path from 'node:path';
import { ParquetWriter, ByteWriter } from 'hyparquet-writer';
import type { SchemaElement, Writer } from 'hyparquet-writer';
import { OutputSink } from '../write/atomic.js';
import { TABLES, csvHeader, type Cell, type Column, type TableDef, type TableRows } from './tables.js';

/** Rows per Parquet row group (and CSV write). (2,048 measured no faster, and made the files larger.) */
const BATCH = 8_192;

function schemaElement(c: Column): SchemaElement {
  const optional = { name: c.name, repetition_type: 'OPTIONAL' as const };
  switch (c.type) {
    case 'int':
      return { ...optional, type: 'INT32' };
    case 'double':
      return { ...optional, type: 'DOUBLE' };
    case 'bool':
      return { ...optional, type: 'BOOLEAN' };
    case 'date':
      return { ...optional, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } };
    default:
      return { ...optional, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } };
  }
}

/** A Parquet byte writer that hands its bytes to an OutputSink in chunks (as hyparquet-writer's fileWriter does to a file). */
function sinkWriter(sink: OutputSink): Writer {
  const w = new ByteWriter() as unknown as Writer & { index: number };
  const flush = () => {
    if (w.index) sink.write(new Uint8Array(w.buffer, 0, w.index).slice());
    w.index = 0;
  };
  const ensure = w.ensure.bind(w);
  w.ensure = (size: number) => {
    if (w.index > 1_000_000) flush();
    ensure(size);
  };
  w.finish = flush;
  w.flush = flush;
  return w;
}

/** Where TableSink is in a record's packed rows. */
interface Cursor {
  same: number;
  codes: number;
  nums: number;
}

class TableFile {
  private readonly csv: OutputSink;
  private readonly parquet: OutputSink;
  private readonly writer: ParquetWriter;
  private columns: Cell[][];
  private csvBytes: Uint8Array[] = [];
  private buffered = 0;
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
    this.columns = def.columns.map(() => []);
    const schema: SchemaElement[] = [{ name: 'root', num_children: def.columns.length }, ...def.columns.map(schemaElement)];
    // no column statistics: they cost a quarter of the writing (measured: 0.24 s of CPU with them, 0.19 s
    // without, for the tables of 260 notices), and tables this size are read whole. Dictionaries are chosen per
    // column chunk by hyparquet-writer (file names, codes and units repeat; forcing them was slower and larger).
    this.writer = new ParquetWriter({ writer: sinkWriter(this.parquet), schema, statistics: false, createdBy: 'plancmp (hyparquet-writer)' });
  }

  /** `n` rows of one record: its CSV lines, and its columns read from `p` at the cursor `at` (advanced past them). */
  add(n: number, csv: Uint8Array, p: TableRows, strings: string[], at: Cursor): void {
    if (!n) return;
    this.csvBytes.push(csv);
    for (let k = 0; k < this.columns.length; k++) {
      const to = this.columns[k];
      const all = p.same[at.same++];
      if (all !== undefined) {
        for (let i = 0; i < n; i++) to.push(all);
        continue;
      }
      switch (this.def.columns[k].type) {
        case 'string':
          for (let i = 0; i < n; i++) {
            const c = p.codes[at.codes++];
            to.push(c < 0 ? null : strings[c]);
          }
          break;
        case 'bool':
          for (let i = 0; i < n; i++) {
            const v = p.nums[at.nums++];
            to.push(Number.isNaN(v) ? null : v === 1);
          }
          break;
        default:
          for (let i = 0; i < n; i++) {
            const v = p.nums[at.nums++];
            to.push(Number.isNaN(v) ? null : v);
          }
      }
    }
    this.buffered += n;
    if (this.buffered >= BATCH) this.flush();
  }

  private flush(): void {
    if (!this.buffered) return;
    this.csv.write(Buffer.concat(this.csvBytes));
    // numbers plain (a dictionary of small numbers saves nothing and costs a pass); strings as hyparquet-writer chooses
    const columnData = this.def.columns.map((c, k) => ({ name: c.name, data: this.columns[k], ...(c.type === 'string' ? {} : { encoding: 'PLAIN' as const }) }));
    void this.writer.write({ columnData, rowGroupSize: this.buffered });
    this.rows += this.buffered;
    this.buffered = 0;
    this.csvBytes = [];
    this.columns = this.def.columns.map(() => []);
  }

  /** Writes what is left and makes both files final (their fsyncs run while the caller goes on). */
  commit(): Promise<void>[] {
    this.flush();
    void this.writer.finish();
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

  add(rows: TableRows): void {
    const strings: string[] = new Array(rows.lens.length);
    for (let i = 0, from = 0; i < strings.length; i++) strings[i] = rows.text.slice(from, (from += rows.lens[i]));
    const at: Cursor = { same: 0, codes: 0, nums: 0 };
    let from = 0;
    rows.counts.forEach((n, i) => {
      this.files[i].add(n, rows.csv.subarray(from, rows.csvEnds[i]), rows, strings, at);
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
