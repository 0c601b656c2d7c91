// Snappy block compression (https://github.com/google/snappy/blob/main/format_description.txt), the
// codec every Parquet reader has built in (hyparquet reads no other without plug-ins). Greedy like the
// reference compressor: the input in fragments of 64 KiB, a hash table of the 4-byte sequences seen in
// the fragment, a copy wherever the current 4 bytes were seen before (extended as far as it matches),
// literals between, and a scan that speeds up through input that does not compress. Deterministic.

/** Hash-table size: 2^14 entries (positions), as in the reference implementation. */
const HASH_BITS = 14;
const FRAGMENT = 65_536;

const load32 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
const hash = (x: number): number => Math.imul(x, 0x1e35a7bd) >>> (32 - HASH_BITS);

/** The hash table, reused from call to call (a call runs to its end): a new one per page was 64 KiB allocated outside the heap each time. */
const TABLE = new Int32Array(1 << HASH_BITS).fill(-1);
/**
 * What the table's entries are offset by in this call: each call stores its positions above every
 * earlier call's, so an entry left from before reads as a position below 0 and is never used, and
 * the table is not cleared per call (most pages are small: clearing 64 KiB cost more than them).
 */
let epoch = 0;

/** `src` compressed: the uncompressed length (varint), then literals and copies. */
export function snappyCompress(src: Uint8Array): Uint8Array {
  // the format's worst case: 32 + n + n/6
  const out = Buffer.allocUnsafe(32 + src.length + Math.ceil(src.length / 6));
  let o = 0;
  let n = src.length;
  while (n >= 0x80) {
    out[o++] = (n & 0x7f) | 0x80;
    n >>>= 7;
  }
  out[o++] = n;
  // positions are absolute: one from an earlier fragment (or call) is below `start` and never used
  if (epoch + src.length + 1 >= 2 ** 31) {
    TABLE.fill(-1);
    epoch = 0;
  }
  for (let start = 0; start < src.length; start += FRAGMENT) o = fragment(src, start, Math.min(start + FRAGMENT, src.length), out, o, TABLE, epoch);
  epoch += src.length + 1;
  return out.subarray(0, o);
}

function fragment(src: Uint8Array, start: number, end: number, out: Buffer, o: number, table: Int32Array, epoch: number): number {
  let pending = start; // where the literal not yet written begins
  let i = start;
  let skip = 32; // after 32 misses in a row the scan steps 2 bytes, after 64 three, …
  while (i + 4 <= end) {
    const x = load32(src, i);
    const h = hash(x);
    const candidate = table[h] - epoch;
    table[h] = i + epoch;
    if (candidate >= start && load32(src, candidate) === x) {
      o = literal(src, pending, i, out, o);
      // the match extended 4 bytes at a time, then byte by byte
      let len = 4;
      while (i + len + 4 <= end && load32(src, candidate + len) === load32(src, i + len)) len += 4;
      while (i + len < end && src[candidate + len] === src[i + len]) len++;
      o = copy(i - candidate, len, out, o);
      i += len;
      pending = i;
      skip = 32;
    } else i += skip++ >> 5;
  }
  return literal(src, pending, end, out, o);
}

function literal(src: Uint8Array, from: number, to: number, out: Buffer, o: number): number {
  const len = to - from;
  if (!len) return o;
  const n = len - 1;
  if (n < 60) out[o++] = n << 2;
  else if (n < 0x100) {
    out[o++] = 60 << 2;
    out[o++] = n;
  } else {
    // a fragment is at most 64 KiB: two bytes always hold the length
    out[o++] = 61 << 2;
    out[o++] = n & 0xff;
    out[o++] = n >>> 8;
  }
  // a short literal by a loop: a view to copy it from cost more
  if (len <= 16) for (let k = from; k < to; k++) out[o++] = src[k];
  else {
    out.set(src.subarray(from, to), o);
    o += len;
  }
  return o;
}

/** A copy of `len` (≥ 4) bytes from `offset` (< 64 KiB) back, split into copies of at most 64 bytes. */
function copy(offset: number, len: number, out: Buffer, o: number): number {
  // 64-byte copies while more than 67 remain; then one of 60 if needed, so that the last is at least 4
  while (len >= 68) {
    o = copy2(offset, 64, out, o);
    len -= 64;
  }
  if (len > 64) {
    o = copy2(offset, 60, out, o);
    len -= 60;
  }
  if (len <= 11 && offset < 2048) {
    // 1-byte offset form: 4–11 bytes, 11-bit offset
    out[o++] = 1 | ((len - 4) << 2) | ((offset >>> 8) << 5);
    out[o++] = offset & 0xff;
    return o;
  }
  return copy2(offset, len, out, o);
}

function copy2(offset: number, len: number, out: Buffer, o: number): number {
  out[o++] = 2 | ((len - 1) << 2);
  out[o++] = offset & 0xff;
  out[o++] = offset >>> 8;
  return o;
}
