// A string column's dictionary for one Parquet row group, built from strings given as UTF-8 byte
// ranges (with a hash of their bytes, which the caller computed) and kept as the dictionary page's
// PLAIN body itself (each entry a 4-byte little-endian length, then its bytes): the ParquetFileWriter
// writes that body as it is. No string is made, hashed by V8 or encoded here; entries are found through
// an open-addressing table of the hashes and told apart by their bytes, so strings whose hashes collide
// are still two entries. Codes are given first use first, as for a dictionary of strings.

/**
 * The hash the dictionary is given for the bytes `bytes[from … to-1]`: FNV-1a of their length and of
 * at most 64 of them, evenly spread (a long text costs no more than a short one; strings alike in all
 * of those are told apart by their bytes, only more slowly).
 */
export function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  const step = Math.max(1, ((to - from) >> 6) | 0);
  let h = Math.imul(0x811c9dc5 ^ (to - from), 0x01000193);
  for (let j = from; j < to; j += step) h = Math.imul(h ^ bytes[j], 0x01000193);
  return h | 0;
}

export class ParquetDictionary {
  /** The PLAIN page body: per entry its length (u32 LE) and bytes. */
  page: Buffer = Buffer.allocUnsafe(64 * 1024);
  /** Bytes of `page` in use. */
  bytes = 0;
  /** Entries so far; the codes are 0 … size-1. */
  size = 0;
  // the hash table: slots hold entry + 1 (0: empty); per entry its hash and where its bytes start in `page`
  private slots: Int32Array = new Int32Array(1024);
  private hashes: Int32Array = new Int32Array(512);
  private starts: Int32Array = new Int32Array(512);

  /** The code of the string whose UTF-8 bytes are `text[from … to-1]` (hash: hashBytes of them), added if new. */
  code(text: Uint8Array, from: number, to: number, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const len = to - from;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const e = slots[i] - 1;
      if (e < 0) break;
      if (this.hashes[e] === hash && this.same(e, text, from, len)) return e;
    }
    return this.add(text, from, len, hash);
  }

  /** Empties the dictionary for the next row group (its page is reused). */
  clear(): void {
    this.slots.fill(0);
    this.bytes = 0;
    this.size = 0;
  }

  private same(e: number, text: Uint8Array, from: number, len: number): boolean {
    const page = this.page;
    const at = this.starts[e];
    if (page.readUInt32LE(at - 4) !== len) return false;
    // short ones in a loop; long ones natively (Buffer.compare takes ranges without making views)
    if (len > 32) return page.compare(text, from, from + len, at, at + len) === 0;
    for (let j = 0; j < len; j++) if (page[at + j] !== text[from + j]) return false;
    return true;
  }

  private add(text: Uint8Array, from: number, len: number, hash: number): number {
    const e = this.size++;
    if (this.bytes + 4 + len > this.page.length) {
      const next = Buffer.allocUnsafe(Math.max(this.page.length * 2, this.bytes + 4 + len));
      this.page.copy(next, 0, 0, this.bytes);
      this.page = next;
    }
    const page = this.page;
    page.writeUInt32LE(len, this.bytes);
    const at = (this.bytes += 4);
    if (len > 32) page.set(text.subarray(from, from + len), at);
    else for (let j = 0; j < len; j++) page[at + j] = text[from + j];
    this.bytes += len;
    if (this.hashes.length <= e) {
      this.hashes = grow(this.hashes);
      this.starts = grow(this.starts);
    }
    this.hashes[e] = hash;
    this.starts[e] = at;
    if (this.size * 2 > this.slots.length) this.rehash();
    else this.place(e);
    return e;
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let i = this.hashes[e] & mask;
    while (this.slots[i]) i = (i + 1) & mask;
    this.slots[i] = e + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let e = 0; e < this.size; e++) this.place(e);
  }
}

const grow = (a: Int32Array): Int32Array => {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
};
