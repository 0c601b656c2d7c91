// A small Parquet writer for flat tables of nullable columns: strings (BYTE_ARRAY, UTF8) always
// dictionary-encoded, INT32 (optionally as a DATE), DOUBLE and BOOLEAN plain. It exists so that
// `export --tables` can hand over string columns as integer codes into a dictionary it already has
// (the export workers send each distinct string once): no per-cell hashing, no value copies, and
// nothing a general writer must decide per column (statistics, page splits, encodings, compression).
//
// The file (https://parquet.apache.org/docs/file-format/): "PAR1", then per row group and column one
// column chunk — for strings a dictionary page (the distinct strings, PLAIN: 4-byte length + UTF-8)
// then one data page; for the others one data page — then the footer (FileMetaData in the Thrift
// compact protocol), its length (4 bytes, little-endian) and "PAR1". Data pages are version 1:
// the definition levels (RLE/bit-packed hybrid, bit width 1, behind their 4-byte length), then the
// non-null values: dictionary codes as one bit-width byte and the hybrid, numbers little-endian,
// booleans one bit each. Each page Snappy-compressed (write/snappy.ts); no statistics: the tables are
// read whole. A chunk's bytes depend only on its values, so the same rows give the same file.

import { snappyCompress } from './snappy.js';

/** Column types as the tables declare them (tables.ts); a date is days since 1970-01-01. */
export type ParquetColumnType = 'string' | 'int' | 'double' | 'bool' | 'date';

export interface ParquetColumn {
  name: string;
  type: ParquetColumnType;
}

/**
 * One column of a row group. A string column: `codes` (one per row, -1 for null) into its dictionary,
 * each of whose entries is used at least once — `dictionary` (the strings), or `dictionaryPage` (the
 * dictionary page's PLAIN body as parquet-dictionary.ts builds it, `dictionarySize` entries); another
 * column: `values` (one per row, NaN for null; a boolean as 1 or 0). Only the first `rows` entries are read.
 */
export type ColumnChunkData =
  | { dictionary: string[]; codes: Int32Array }
  | { dictionaryPage: Uint8Array; dictionarySize: number; codes: Int32Array }
  | { values: Float64Array };

// Thrift enum values from parquet.thrift
const TYPE = { bool: 0, int: 1, date: 1, double: 5, string: 6 } as const; // BOOLEAN, INT32, INT32, DOUBLE, BYTE_ARRAY
const CONVERTED_UTF8 = 0;
const CONVERTED_DATE = 6;
const OPTIONAL = 1;
const ENC_PLAIN = 0;
const ENC_RLE = 3;
const ENC_RLE_DICTIONARY = 8;
const PAGE_DATA = 0;
const PAGE_DICTIONARY = 2;
const SNAPPY = 1;

const MAGIC = Buffer.from('PAR1');

/** A growing byte buffer. */
class Bytes {
  buf: Buffer;
  pos = 0;
  constructor(size = 1024) {
    this.buf = Buffer.allocUnsafe(size);
  }
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }
  /** ULEB128 of a non-negative integer (up to 2^53). */
  varint(n: number): void {
    this.ensure(8);
    while (n >= 0x80) {
      this.buf[this.pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.pos++] = n;
  }
  u32(n: number): void {
    this.ensure(4);
    this.pos = this.buf.writeUInt32LE(n, this.pos);
  }
  append(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  /** The bytes written so far (a view, valid until the next write). */
  view(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/**
 * `n` values of at most `width` bits (width ≥ 1) as the RLE/bit-packed hybrid: a run of 8 or more
 * equal values as one RLE run (header count·2, the value in ⌈width/8⌉ bytes), the rest bit-packed in
 * groups of 8 (header groups·2+1, LSB first; only the last group is padded, with zeros).
 */
function hybrid(out: Bytes, v: Int32Array, n: number, width: number): void {
  const valueBytes = (width + 7) >> 3;
  const run8 = (at: number) => {
    if (at + 8 > n) return false;
    const x = v[at];
    for (let k = 1; k < 8; k++) if (v[at + k] !== x) return false;
    return true;
  };
  let i = 0;
  while (i < n) {
    if (run8(i)) {
      const x = v[i];
      let end = i + 8;
      while (end < n && v[end] === x) end++;
      out.varint((end - i) * 2);
      out.ensure(valueBytes);
      for (let b = 0; b < valueBytes; b++) out.buf[out.pos++] = (x >>> (8 * b)) & 0xff;
      i = end;
      continue;
    }
    // groups of 8 until a run of 8 starts at a group's start (63 groups at most: what every reader takes)
    const start = i;
    let groups = 0;
    do {
      i += 8;
      groups++;
    } while (i < n && groups < 63 && !run8(i));
    out.varint(groups * 2 + 1);
    out.ensure(groups * width);
    const end = Math.min(i, n);
    let acc = 0;
    let bits = 0;
    for (let k = start; k < start + groups * 8; k++) {
      acc |= (k < end ? v[k] : 0) << bits;
      bits += width;
      while (bits >= 8) {
        out.buf[out.pos++] = acc & 0xff;
        acc >>>= 8;
        bits -= 8;
      }
    }
  }
}

// A chunk's passes, each a function of its own: V8 compiles small functions sooner and more cheaply, and
// a column type met for the first time recompiles only the pass it reaches.

/** Definition levels of dictionary codes (-1: null) into `levels`, the non-null codes into `dense`; returns how many there are. */
function codeLevels(codes: Int32Array, rows: number, levels: Int32Array, dense: Int32Array): number {
  let present = 0;
  for (let i = 0; i < rows; i++) {
    const code = codes[i];
    levels[i] = code < 0 ? 0 : 1;
    if (code >= 0) dense[present++] = code;
  }
  return present;
}

/** Definition levels of values (NaN: null) into `levels`; returns how many are not null. */
function valueLevels(v: Float64Array, rows: number, levels: Int32Array): number {
  let present = 0;
  for (let i = 0; i < rows; i++) {
    const isNull = Number.isNaN(v[i]);
    levels[i] = isNull ? 0 : 1;
    if (!isNull) present++;
  }
  return present;
}

/** The non-null booleans (1/0) PLAIN: one bit each, LSB first. */
function plainBools(body: Bytes, v: Float64Array, rows: number, levels: Int32Array, present: number): void {
  body.ensure((present + 7) >> 3);
  let acc = 0;
  let bit = 0;
  for (let i = 0; i < rows; i++) {
    if (!levels[i]) continue;
    if (v[i] === 1) acc |= 1 << bit;
    if (++bit === 8) {
      body.buf[body.pos++] = acc;
      acc = bit = 0;
    }
  }
  if (bit) body.buf[body.pos++] = acc;
}

/** The non-null doubles PLAIN (8 bytes little-endian each). */
function plainDoubles(body: Bytes, v: Float64Array, rows: number, levels: Int32Array, present: number): void {
  body.ensure(present * 8);
  const view = new DataView(body.buf.buffer, body.buf.byteOffset, body.buf.length);
  for (let i = 0; i < rows; i++) if (levels[i]) view.setFloat64((body.pos += 8) - 8, v[i], true);
}

/** The non-null 32-bit integers (and dates) PLAIN (4 bytes little-endian each). */
function plainInts(body: Bytes, v: Float64Array, rows: number, levels: Int32Array, present: number): void {
  body.ensure(present * 4);
  const view = new DataView(body.buf.buffer, body.buf.byteOffset, body.buf.length);
  for (let i = 0; i < rows; i++) if (levels[i]) view.setInt32((body.pos += 4) - 4, v[i], true);
}

/** Bits needed for the codes 0 … size-1 (at least 1). */
const bitWidth = (size: number): number => Math.max(1, 32 - Math.clz32(size - 1));

/** Thrift compact protocol, the parts the footer and the page headers use (parquet.thrift field ids). */
class Thrift {
  readonly out = new Bytes(256);
  private last: number[] = [0];

  private field(id: number, type: number): void {
    const delta = id - this.last[this.last.length - 1];
    if (delta > 0 && delta <= 15) this.out.byte((delta << 4) | type);
    else {
      this.out.byte(type);
      this.out.varint(id * 2); // zigzag i16, ids are positive
    }
    this.last[this.last.length - 1] = id;
  }
  i32(id: number, v: number): void {
    this.field(id, 5);
    this.out.varint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  /** A non-negative i64 (sizes, offsets, counts). */
  i64(id: number, v: number): void {
    this.field(id, 6);
    this.out.varint(v * 2);
  }
  string(id: number, s: string): void {
    this.field(id, 8);
    const b = Buffer.from(s);
    this.out.varint(b.length);
    this.out.append(b);
  }
  begin(id: number): void {
    this.field(id, 12);
    this.last.push(0);
  }
  end(): void {
    this.out.byte(0);
    this.last.pop();
  }
  /** A list field's header; the elements follow (structs with beginElement/end). */
  list(id: number, elementType: 'i32' | 'string' | 'struct', size: number): void {
    this.field(id, 9);
    const t = { i32: 5, string: 8, struct: 12 }[elementType];
    if (size < 15) this.out.byte((size << 4) | t);
    else {
      this.out.byte(0xf0 | t);
      this.out.varint(size);
    }
  }
  beginElement(): void {
    this.last.push(0);
  }
  listI32(id: number, xs: number[]): void {
    this.list(id, 'i32', xs.length);
    for (const x of xs) this.out.varint(x * 2);
  }
  listString(id: number, xs: string[]): void {
    this.list(id, 'string', xs.length);
    for (const s of xs) {
      const b = Buffer.from(s);
      this.out.varint(b.length);
      this.out.append(b);
    }
  }
}

/** A PageHeader: a data page (v1, definition levels RLE) or a dictionary page (PLAIN). */
function pageHeader(kind: 'data' | 'dictionary', rawBytes: number, storedBytes: number, values: number, encoding: number): Buffer {
  const t = new Thrift();
  t.i32(1, kind === 'data' ? PAGE_DATA : PAGE_DICTIONARY);
  t.i32(2, rawBytes);
  t.i32(3, storedBytes);
  if (kind === 'data') {
    t.begin(5);
    t.i32(1, values);
    t.i32(2, encoding);
    t.i32(3, ENC_RLE);
    t.i32(4, ENC_RLE);
    t.end();
  } else {
    t.begin(7);
    t.i32(1, values);
    t.i32(2, ENC_PLAIN);
    t.end();
  }
  t.end();
  return Buffer.from(t.out.view());
}

/** A page appended to `out`: its header, then `body` compressed. Returns its size uncompressed, header included. */
function page(out: Bytes, kind: 'data' | 'dictionary', body: Uint8Array, values: number, encoding: number): number {
  const stored = snappyCompress(body);
  const header = pageHeader(kind, body.length, stored.length, values, encoding);
  out.append(header);
  out.append(stored);
  return header.length + body.length;
}

interface ChunkMeta {
  type: number;
  encodings: number[];
  values: number;
  /** The chunk's size with its pages' headers: as written, and with the pages uncompressed. */
  bytes: number;
  rawBytes: number;
  dataOffset: number;
  dictionaryOffset?: number;
}

/**
 * Writes one Parquet file through `write` (which receives each piece once, never reused): row groups
 * as they come, the footer on finish(). A table with no rows is a file with no row groups.
 */
export class ParquetFileWriter {
  private offset = 0;
  private readonly groups: { rows: number; bytes: number; rawBytes: number; chunks: ChunkMeta[] }[] = [];
  // scratch, reused from chunk to chunk: definition levels and the non-null codes (both Int32Array, so
  // that hybrid() reads one kind of array)
  private levels = new Int32Array(0);
  private dense = new Int32Array(0);
  private readonly body = new Bytes(64 * 1024);
  private readonly dict = new Bytes(64 * 1024);

  constructor(
    private readonly columns: readonly ParquetColumn[],
    private readonly write: (bytes: Uint8Array) => void,
    private readonly createdBy: string,
  ) {
    this.emit(MAGIC);
  }

  private emit(b: Uint8Array): void {
    this.write(b);
    this.offset += b.length;
  }

  /** One row group of `rows` rows: a chunk per column, in the columns' order. */
  writeRowGroup(rows: number, data: readonly ColumnChunkData[]): void {
    if (!rows) return;
    if (this.levels.length < rows) {
      this.levels = new Int32Array(rows);
      this.dense = new Int32Array(rows);
    }
    const start = this.offset;
    const out = new Bytes(64 * 1024);
    const chunks = this.columns.map((c, k) => this.chunk(out, start, c, data[k], rows));
    this.emit(out.view());
    this.groups.push({ rows, bytes: this.offset - start, rawBytes: chunks.reduce((a, c) => a + c.rawBytes, 0), chunks });
  }

  /** A column chunk appended to `out` (which begins at file offset `base`). */
  private chunk(out: Bytes, base: number, c: ParquetColumn, d: ColumnChunkData, rows: number): ChunkMeta {
    const chunkStart = out.pos;
    const levels = this.levels;
    const body = this.body;
    body.pos = 0;
    let present: number;
    let dictionaryOffset: number | undefined;
    let dictionarySize = 0;
    let encoding = ENC_PLAIN;
    let raw = 0;
    if ('codes' in d) {
      present = codeLevels(d.codes, rows, levels, this.dense);
      dictionarySize = 'dictionary' in d ? d.dictionary.length : d.dictionarySize;
      if (dictionarySize) {
        dictionaryOffset = base + out.pos;
        raw += page(out, 'dictionary', 'dictionary' in d ? this.plain(d.dictionary) : d.dictionaryPage, dictionarySize, ENC_PLAIN);
        encoding = ENC_RLE_DICTIONARY;
      }
    } else present = valueLevels(d.values, rows, levels);
    // definition levels, behind their byte length
    body.pos = 4;
    hybrid(body, levels, rows, 1);
    body.buf.writeUInt32LE(body.pos - 4, 0);
    if (encoding === ENC_RLE_DICTIONARY) {
      const width = bitWidth(dictionarySize);
      body.byte(width);
      hybrid(body, this.dense, present, width);
    } else if ('values' in d) {
      if (c.type === 'bool') plainBools(body, d.values, rows, levels, present);
      else if (c.type === 'double') plainDoubles(body, d.values, rows, levels, present);
      else plainInts(body, d.values, rows, levels, present);
    }
    const dataOffset = base + out.pos;
    raw += page(out, 'data', body.view(), rows, encoding);
    return {
      type: TYPE[c.type],
      encodings: dictionaryOffset === undefined ? [ENC_PLAIN, ENC_RLE] : [ENC_PLAIN, ENC_RLE, ENC_RLE_DICTIONARY],
      values: rows,
      bytes: out.pos - chunkStart,
      rawBytes: raw,
      dataOffset,
      dictionaryOffset,
    };
  }

  /** A dictionary page's body: each string's UTF-8 length and bytes (at most 3 bytes per UTF-16 unit). */
  private plain(dictionary: readonly string[]): Buffer {
    const dict = this.dict;
    dict.pos = 0;
    dict.ensure(dictionary.reduce((a, s) => a + 4 + s.length * 3, 0));
    for (const s of dictionary) {
      const at = dict.pos;
      dict.pos += 4;
      const len = dict.buf.write(s, dict.pos, 'utf8');
      dict.buf.writeUInt32LE(len, at);
      dict.pos += len;
    }
    return dict.view();
  }

  /** The footer: schema, row groups and where each column chunk is. */
  finish(): void {
    const t = new Thrift();
    t.i32(1, 2); // version
    t.list(2, 'struct', this.columns.length + 1);
    t.beginElement();
    t.string(4, 'root');
    t.i32(5, this.columns.length);
    t.end();
    for (const c of this.columns) {
      t.beginElement();
      t.i32(1, TYPE[c.type]);
      t.i32(3, OPTIONAL);
      t.string(4, c.name);
      if (c.type === 'string' || c.type === 'date') {
        t.i32(6, c.type === 'string' ? CONVERTED_UTF8 : CONVERTED_DATE);
        // logicalType: the union's STRING (field 1) or DATE (field 6), each an empty struct
        t.begin(10);
        t.begin(c.type === 'string' ? 1 : 6);
        t.end();
        t.end();
      }
      t.end();
    }
    t.i64(3, this.groups.reduce((a, g) => a + g.rows, 0));
    t.list(4, 'struct', this.groups.length);
    for (const g of this.groups) {
      t.beginElement();
      t.list(1, 'struct', g.chunks.length);
      g.chunks.forEach((m, k) => {
        t.beginElement();
        t.i64(2, m.dictionaryOffset ?? m.dataOffset); // file_offset: where the chunk starts
        t.begin(3);
        t.i32(1, m.type);
        t.listI32(2, m.encodings);
        t.listString(3, [this.columns[k].name]);
        t.i32(4, SNAPPY);
        t.i64(5, m.values);
        t.i64(6, m.rawBytes);
        t.i64(7, m.bytes);
        t.i64(9, m.dataOffset);
        if (m.dictionaryOffset !== undefined) t.i64(11, m.dictionaryOffset);
        t.end();
        t.end();
      });
      t.i64(2, g.rawBytes);
      t.i64(3, g.rows);
      t.i64(5, g.chunks[0].dictionaryOffset ?? g.chunks[0].dataOffset);
      t.i64(6, g.bytes);
      t.end();
    }
    t.string(6, this.createdBy);
    t.end();
    const footer = Buffer.from(t.out.view());
    const tail = Buffer.alloc(8);
    tail.writeUInt32LE(footer.length, 0);
    MAGIC.copy(tail, 4);
    this.emit(footer);
    this.emit(tail);
  }
}
