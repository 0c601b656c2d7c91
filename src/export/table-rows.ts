// One record's rows of every table (tables.ts TABLES), packed where the record is (the export worker)
// for the main thread (TableRows). Each distinct string of the record is UTF-8 encoded once: the CSV
// lines are put together from those bytes (a unit, a task id or the file name recurs row after row, and
// is copied, not encoded again), number cells written as ASCII, and the main thread reads each string's
// bytes for the Parquet dictionaries where the CSV holds them (its first cell; a quoted one is sent
// after the lines), with a hash of them: nothing encodes a short string twice or sends it twice (a
// long one, met in two cells, is: see SHORT).
// Everything here runs to its end without yielding, so the scratch buffers are shared by all calls.
import { TABLES, tableInput, type Cell, type Column, type RecordView, type TableRows } from './tables.js';
import { hashBytes } from '../write/parquet-dictionary.js';

const DAY_MS = 86_400_000;
/** A CSV cell: RFC 4180 quoting, null as empty, nothing else escaped (the tables are for data tools, not spreadsheets). */
const NEEDS_QUOTES = /[",\r\n]/;
const COMMA = 44;
const NEWLINE = 10;
/** Room for a comma and a number's or boolean's text (at most 25 characters). */
const PER_CELL = 26;
/** Scratch larger than this after a record is let go (one huge notice should not keep it for the rest). */
const SCRATCH_KEEP = 16 << 20;
/**
 * Strings of at most this many UTF-16 units are encoded by encodeShort and given one code per record
 * through `distinct`. A longer one (a task's text, a phrase) is nearly always in one cell of a record:
 * it is encoded by Buffer.write and given a code of its own each time it is met, since hashing it for
 * the Map cost more than encoding it again would. Either way the main thread's dictionaries look
 * strings up by their bytes, so the files are the same.
 */
const SHORT = 64;

/** A CSV cell written as text: a string quoted when it must be, anything else as String() gives it. */
const cellText = (v: unknown): string => (typeof v !== 'string' ? String(v) : NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Days since 1970-01-01 of an ISO day, as Parquet stores a DATE (a date cell is one, tables.ts `day`). */
const DAYS = new Map<string, number>();
function daysOf(s: string): number {
  let d = DAYS.get(s);
  if (d === undefined) {
    if (DAYS.size >= 4096) DAYS.clear();
    DAYS.set(s, (d = Math.round(Date.parse(`${s}T00:00:00Z`) / DAY_MS)));
  }
  return d;
}

// ---- scratch, grown as needed ----
// One buffer holds both the distinct strings' bytes (from 0 to `encAt`, room up to `outBase`) and the
// CSV lines (from `outBase` to `outAt`): a string is then copied into the CSV by copyWithin, a native
// copy that makes no view (a view per cell cost more than copying short strings byte by byte).
let mem: Buffer = Buffer.allocUnsafeSlow(1 << 18);
let outBase = 1 << 16;
let encAt = 0;
let outAt = outBase;
/** Per distinct string: where its bytes are in `mem` (start, end), and where its CSV form is (the same bytes unless it is quoted). */
let spans: Int32Array = new Int32Array(1 << 12);
let csvSpans: Int32Array = new Int32Array(1 << 12);
/**
 * Per distinct string: where its bytes start in the CSV sent to the main thread, which reads them
 * there (its first cell), or -1 before that cell is written, -2 for one that is quoted in the CSV
 * (its bytes are sent after the CSV lines).
 */
let sent: Int32Array = new Int32Array(1 << 11);
/** Per distinct string: the hash of its bytes, for the main thread's dictionaries (parquet-dictionary.ts). */
let hashes: Int32Array = new Int32Array(1 << 11);
/** One table's string and date cells as codes of distinct strings, column after column (-1 null, -2 a value that is not a string). */
let cellCodes: Int32Array = new Int32Array(1 << 14);
/** What goes to the main thread: the codes and numbers of the columns whose rows differ. */
let codes: Int32Array = new Int32Array(1 << 14);
let codesAt = 0;
let nums: Float64Array = new Float64Array(1 << 14);
let numsAt = 0;

/** Room for `encMore` more bytes of strings and `outMore` more of CSV. */
function regrow(encMore: number, outMore: number): void {
  const encCap = encAt + encMore > outBase ? Math.max(outBase * 2, encAt + encMore) : outBase;
  const outUsed = outAt - outBase;
  const outCap = Math.max(mem.length - outBase, outUsed + outMore > mem.length - outBase ? 2 * (mem.length - outBase) : 0, outUsed + outMore);
  const next = Buffer.allocUnsafeSlow(encCap + outCap);
  mem.copy(next, 0, 0, encAt);
  mem.copy(next, encCap, outBase, outAt);
  mem = next;
  outBase = encCap;
  outAt = encCap + outUsed;
}
function growInts(a: Int32Array, need: number): Int32Array {
  const next = new Int32Array(Math.max(a.length * 2, need));
  next.set(a);
  return next;
}

/** The record's distinct short strings and their codes (first use first). */
let distinct = new Map<string, number>();
/** Codes given in this record. */
let count = 0;
/** Whether the last string encodeShort encoded holds a character that makes CSV quote it. */
let mustQuote = false;
/** Called as charCodeAt.call(s, i): `s.charCodeAt` is looked up on strings of many kinds (flat, sliced, one- and two-byte), which made that lookup megamorphic. */
const charCodeAt = String.prototype.charCodeAt;

/**
 * `s` as UTF-8 at mem[at…] (room checked by the caller), byte for byte what Buffer.write writes (a
 * lone surrogate as U+FFFD); returns where it ends, and sets `mustQuote`. For short strings a loop
 * here cost less than a call into Buffer.write.
 */
function encodeShort(s: string, at: number): number {
  const o = mem;
  let quote = false;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    let c = charCodeAt.call(s, i);
    if (c < 0x80) {
      if (c === 0x22 || c === 0x2c || c === 0x0a || c === 0x0d) quote = true;
      o[at++] = c;
    } else if (c < 0x800) {
      o[at++] = 0xc0 | (c >> 6);
      o[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c >= 0xe000) {
      o[at++] = 0xe0 | (c >> 12);
      o[at++] = 0x80 | ((c >> 6) & 0x3f);
      o[at++] = 0x80 | (c & 0x3f);
    } else {
      const d = c < 0xdc00 && i + 1 < len ? charCodeAt.call(s, i + 1) : 0;
      if (d >= 0xdc00 && d < 0xe000) {
        i++;
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        o[at++] = 0xf0 | (c >> 18);
        o[at++] = 0x80 | ((c >> 12) & 0x3f);
        o[at++] = 0x80 | ((c >> 6) & 0x3f);
        o[at++] = 0x80 | (c & 0x3f);
      } else {
        o[at++] = 0xef;
        o[at++] = 0xbf;
        o[at++] = 0xbd;
      }
    }
  }
  mustQuote = quote;
  return at;
}

/** The record's code of a string cell: a short string's first code, a long one's new code. */
const codeOf = (s: string): number => (s.length > SHORT ? addString(s) : (distinct.get(s) ?? addString(s)));

/** A new code for `s`: its bytes (and CSV form) appended to the strings' bytes. */
function addString(s: string): number {
  const c = count++;
  if (s.length <= SHORT) distinct.set(s, c);
  if (spans.length < 2 * c + 2) {
    spans = growInts(spans, 2 * c + 2);
    csvSpans = growInts(csvSpans, 2 * c + 2);
    hashes = growInts(hashes, c + 1);
    sent = growInts(sent, c + 1);
  }
  // at most 3 bytes per UTF-16 unit, and the quoted form at most twice that plus the quotes
  if (encAt + s.length * 9 + 2 > outBase) regrow(s.length * 9 + 2, 0);
  const start = encAt;
  if (s.length <= SHORT) encAt = encodeShort(s, encAt);
  else {
    encAt += mem.write(s, encAt, 'utf8');
    mustQuote = NEEDS_QUOTES.test(s);
  }
  spans[2 * c] = csvSpans[2 * c] = start;
  spans[2 * c + 1] = csvSpans[2 * c + 1] = encAt;
  hashes[c] = hashBytes(mem, start, encAt);
  sent[c] = -1;
  if (mustQuote) {
    sent[c] = -2;
    csvSpans[2 * c] = encAt;
    encAt += mem.write(`"${s.replace(/"/g, '""')}"`, encAt, 'utf8');
    csvSpans[2 * c + 1] = encAt;
  }
  return c;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

/** A whole number n ≥ 0 (below 2^53) written at o[p…] in decimal digits; returns where it ends. */
function putWhole(o: Buffer, p: number, n: number): number {
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  const end = p + digits;
  for (let j = end - 1; j >= p; j--) {
    o[j] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
  return end;
}

/**
 * A number of at most 6 decimals below 1e9 (a score, a share) written at o[p…] as String() writes it,
 * which is its shortest decimal that reads back as the same double: the fewest decimals d for which
 * round(|v|·10^d) / 10^d is |v| (one such decimal at most, as 10^-d is far above the double's spacing
 * here). Returns where it ends, or -1 for any other number (then String() writes it: a call into the
 * runtime per number, which this saves).
 */
function putDecimal(o: Buffer, p: number, v: number): number {
  const a = v < 0 ? -v : v;
  if (!(a < 1e9)) return -1;
  for (let d = 1; d <= 6; d++) {
    const scale = POW10[d];
    const q = Math.round(a * scale);
    if (q / scale !== a) continue;
    if (v < 0) o[p++] = 45; // '-'
    // q < 1e15: integer arithmetic on it is exact
    const frac = q % scale;
    p = putWhole(o, p, (q - frac) / scale);
    o[p++] = 46; // '.'
    let f = frac;
    p += d;
    for (let j = p - 1, k = d; k-- > 0; j--) {
      o[j] = 48 + (f % 10);
      f = Math.floor(f / 10);
    }
    return p;
  }
  return -1;
}

/** Room for `n` more CSV bytes. */
function room(n: number): void {
  if (outAt + n > mem.length) regrow(0, n);
}

/** A cell none of the fast paths take (a string in a number column, a value of no cell type). */
function putText(v: unknown, slack: number): void {
  const s = cellText(v);
  room(s.length * 3 + slack);
  outAt += mem.write(s, outAt, 'utf8');
}

/**
 * One table's CSV lines, row by row: string and date cells copied from the distinct strings' bytes
 * (by copyWithin, but those of at most 16 bytes byte by byte: a call to copyWithin cost ~25 ns, the
 * loop less up to there), numbers written as String() writes them (a
 * 32-bit integer digit by digit, a short decimal by putDecimal). The hot loop keeps its buffers and
 * positions in locals.
 */
function writeCsv(rows: Cell[][], n: number, isString: readonly boolean[], cells: Int32Array): void {
  const m = isString.length;
  // room for a row's commas, newline and non-string cells, kept free after each string cell too
  const slack = m * PER_CELL;
  const sp = csvSpans;
  const st = sent;
  let o = mem;
  let p = outAt;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (p + slack > o.length) {
      outAt = p;
      room(slack);
      p = outAt;
      o = mem;
    }
    for (let k = 0; k < m; k++) {
      if (k) o[p++] = COMMA;
      if (isString[k]) {
        const c = cells[k * n + i];
        if (c >= 0) {
          const from = sp[2 * c];
          const to = sp[2 * c + 1];
          if (p + (to - from) + slack > o.length) {
            outAt = p;
            room(to - from + slack);
            p = outAt;
            o = mem;
          }
          if (st[c] === -1) st[c] = p - outBase;
          if (to - from > 16) {
            o.copyWithin(p, from, to);
            p += to - from;
          } else for (let j = from; j < to; j++) o[p++] = o[j];
        } else if (c === -2) {
          outAt = p;
          putText(row[k], slack);
          p = outAt;
          o = mem;
        }
        continue;
      }
      let v = row[k];
      if (v === null) continue;
      if (typeof v === 'number' && (v | 0) === v) {
        if (v < 0) {
          o[p++] = 45; // '-'
          v = -v;
        }
        p = putWhole(o, p, v);
      } else if (typeof v === 'number' && (end = putDecimal(o, p, v)) >= 0) p = end;
      else if (typeof v === 'number' || typeof v === 'boolean') {
        const s = String(v); // ASCII: the slack holds it
        for (let j = 0; j < s.length; j++) o[p++] = s.charCodeAt(j);
      } else {
        outAt = p;
        putText(v, slack);
        p = outAt;
        o = mem;
      }
    }
    o[p++] = NEWLINE;
  }
  outAt = p;
}

// ---- the buffers records are sent in ----
/**
 * Buffers the main thread is done with (TableSink copied what it keeps), sent back to be filled again
 * (giveBack): a new buffer per record cost an allocation, first-touch page faults on both threads and
 * a free — more than filling it. At most SPARE_MAX are kept; a new one is made a power of two of at
 * least MIN_BUFFER bytes, so that it fits most of the records after it.
 */
const spare: ArrayBuffer[] = [];
const SPARE_MAX = 8;
const MIN_BUFFER = 64 << 10;

/** A buffer of at least `n` bytes: the smallest spare one that fits, or a new one. */
function bufferFor(n: number): ArrayBuffer {
  let best = -1;
  let bestSize = Infinity;
  // every spare buffer read on each pass: an access on a path not yet taken made V8 leave optimized code
  for (let i = 0; i < spare.length; i++) {
    const size = spare[i].byteLength;
    if (size >= n && size < bestSize) {
      best = i;
      bestSize = size;
    }
  }
  if (best >= 0) {
    const b = spare[best];
    spare[best] = spare[spare.length - 1];
    spare.pop();
    return b;
  }
  let size = MIN_BUFFER;
  while (size < n) size *= 2;
  return Buffer.allocUnsafeSlow(size).buffer;
}

/** A buffer a record was sent in, back to be reused once nothing reads it any more (one past SCRATCH_KEEP is let go). */
export function giveBack(b: ArrayBuffer): void {
  if (b.byteLength > SCRATCH_KEEP || b.byteLength === 0) return;
  if (spare.length < SPARE_MAX) spare.push(b);
}

/** Room for `n` more codes and numbers. */
function reserve(n: number): void {
  if (codesAt + n > codes.length) codes = growInts(codes, codesAt + n);
  if (numsAt + n > nums.length) {
    const next = new Float64Array(Math.max(nums.length * 2, numsAt + n));
    next.set(nums);
    nums = next;
  }
}

/** Per table (TABLES order), which columns are written from the distinct strings: string and date cells. */
const STRING_COLUMNS: readonly boolean[][] = TABLES.map((t) => t.columns.map((c) => c.type === 'string' || c.type === 'date'));

/**
 * Column k's string or date cells as codes into `cells` (from k·n on): -1 null, -2 a value that is not
 * a string. Returns the code all rows share, or -3 when they differ (or hold a non-string).
 */
function codeColumn(rows: Cell[][], n: number, k: number, cells: Int32Array): number {
  const base = k * n;
  // a value often repeats the row before's (the file, a task's id down its owners): no lookup then
  let last: Cell = null;
  let lastCode = -1;
  for (let i = 0; i < n; i++) {
    const v = rows[i][k];
    if (v === last) cells[base + i] = lastCode;
    else if (typeof v === 'string') cells[base + i] = lastCode = codeOf((last = v));
    else cells[base + i] = v === null ? -1 : -2;
  }
  const first = cells[base];
  if (first === -2) return -3;
  for (let i = 1; i < n; i++) if (cells[base + i] !== first) return -3;
  return first;
}

/** Column k's string codes sent as they are (a non-string as null). */
function sendCodes(n: number, k: number, cells: Int32Array): void {
  reserve(n);
  const to = codes;
  const base = k * n;
  for (let i = 0; i < n; i++) to[codesAt++] = Math.max(cells[base + i], -1);
}

/** Column k's dates sent as days (NaN: null). */
function sendDays(rows: Cell[][], n: number, k: number, cells: Int32Array): void {
  reserve(n);
  const to = nums;
  const base = k * n;
  for (let i = 0; i < n; i++) {
    const v = rows[i][k];
    to[numsAt++] = cells[base + i] >= 0 ? daysOf(v as string) : v === null ? NaN : Math.round(Date.parse(`${v as string}T00:00:00Z`) / DAY_MS);
  }
}

/** Column k's numbers and booleans: the value all rows share, or undefined after sending each row's (NaN: null). */
function numberColumn(rows: Cell[][], n: number, k: number): Cell | undefined {
  const first = rows[0][k];
  let all = true;
  for (let i = 1; i < n && all; i++) all = rows[i][k] === first;
  if (all) return first ?? null;
  reserve(n);
  const to = nums;
  for (let i = 0; i < n; i++) {
    const v = rows[i][k];
    to[numsAt++] = v === null || v === undefined ? NaN : Number(v);
  }
  return undefined;
}

/** The rows one record gives every table, packed (TableRows). */
export function tableRows(r: RecordView): TableRows {
  distinct = new Map();
  count = encAt = codesAt = numsAt = 0;
  outAt = outBase;
  const input = tableInput(r);
  const counts: number[] = [];
  const csvEnds: number[] = [];
  const same: (Cell | undefined)[] = [];
  // each step is a function of its own: V8 optimizes small functions sooner and more cheaply than one
  // large one, and a change of types in one step recompiles that step only
  for (let t = 0; t < TABLES.length; t++) {
    const rows = TABLES[t].rows(input);
    const n = rows.length;
    counts.push(n);
    if (n) tableColumns(rows, n, TABLES[t].columns, STRING_COLUMNS[t], same);
    csvEnds.push(outAt - outBase);
  }
  const packed = pack(counts, csvEnds, same);
  if (mem.length > SCRATCH_KEEP) {
    mem = Buffer.allocUnsafeSlow(1 << 18);
    outBase = 1 << 16;
  }
  distinct = new Map();
  return packed;
}

/**
 * One table's rows: column by column the value all rows share (into `same`), or the codes and numbers
 * sent to the main thread when they differ; then the CSV lines.
 */
function tableColumns(rows: Cell[][], n: number, columns: readonly Column[], isString: readonly boolean[], same: (Cell | undefined)[]): void {
  const m = columns.length;
  if (cellCodes.length < n * m) cellCodes = new Int32Array(Math.max(cellCodes.length * 2, n * m));
  const cells = cellCodes;
  for (let k = 0; k < m; k++) {
    if (!isString[k]) {
      same.push(numberColumn(rows, n, k));
      continue;
    }
    const all = codeColumn(rows, n, k, cells);
    if (all === -1) same.push(null);
    else if (all >= 0) same.push(columns[k].type === 'date' ? daysOf(rows[0][k] as string) : all);
    else {
      same.push(undefined);
      if (columns[k].type === 'string') sendCodes(n, k, cells);
      else sendDays(rows, n, k, cells);
    }
  }
  writeCsv(rows, n, isString, cells);
}

/**
 * The record's rows in one buffer (moved to the main thread, not copied; movedBuffers): the CSV bytes,
 * then the numbers (at a multiple of 8), then the spans, hashes and codes. Each buffer of its own was
 * an allocation and a backing store for both threads' collectors to track and free.
 */
function pack(counts: number[], csvEnds: number[], same: (Cell | undefined)[]): TableRows {
  // the strings the CSV does not hold as they are (quoted) after its lines
  for (let c = 0; c < count; c++) {
    if (sent[c] < 0) {
      const len = spans[2 * c + 1] - spans[2 * c];
      room(len);
      mem.copyWithin(outAt, spans[2 * c], spans[2 * c + 1]);
      sent[c] = outAt - outBase;
      outAt += len;
    }
  }
  const csvBytes = outAt - outBase;
  const numsAt8 = (csvBytes + 7) & ~7;
  const spansAt = numsAt8 + numsAt * 8;
  const hashesAt = spansAt + count * 8;
  const codesAt4 = hashesAt + count * 4;
  const one = bufferFor(codesAt4 + codesAt * 4);
  const csv = new Uint8Array(one, 0, csvBytes);
  csv.set(mem.subarray(outBase, outAt));
  const where = new Int32Array(one, spansAt, 2 * count);
  for (let c = 0; c < count; c++) {
    where[2 * c] = sent[c];
    where[2 * c + 1] = sent[c] + spans[2 * c + 1] - spans[2 * c];
  }
  const packed: TableRows = {
    counts,
    csv,
    csvEnds,
    same,
    spans: where,
    hashes: new Int32Array(one, hashesAt, count),
    codes: new Int32Array(one, codesAt4, codesAt),
    nums: new Float64Array(one, numsAt8, numsAt),
  };
  packed.hashes.set(hashes.subarray(0, count));
  packed.codes.set(codes.subarray(0, codesAt));
  packed.nums.set(nums.subarray(0, numsAt));
  return packed;
}

/** The buffers to move with a record's packed rows (postMessage's transfer list): one, shared by all of its arrays. */
export const movedBuffers = (p: TableRows): ArrayBuffer[] => [...new Set([p.csv, p.spans, p.hashes, p.codes, p.nums].map((b) => b.buffer as ArrayBuffer))];
