// The zip packages of DOCX and OFD, read entry by entry under the file's budget (budget.ts): only
// the entries a reader asks for are inflated, each against its declared size and the zipEntryBytes
// limit, and every read (a second read of the same entry too) against zipTotalBytes. Inflating runs
// on small slices of the compressed data, so a bomb is stopped after a few MB of output instead of
// after it has filled memory. Stored (0) and deflated (8) entries, as Word, WPS and OFD writers make.
import { Inflate } from 'fflate';
import type { Budget } from './budget.js';

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  /** offset of the local header */
  offset: number;
}

/** Compressed bytes handed to the inflater at a time: at most ~1,032× that comes out of one step. */
const SLICE = 16 * 1024;

export class ZipPackage {
  private entries = new Map<string, Entry>();
  private view: DataView;

  constructor(
    private bytes: Uint8Array,
    private budget: Budget,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  /** Entry names as stored. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The inflated bytes of entry `name`, or undefined when the package has none. */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const { zipEntryBytes } = this.budget.limits;
    const tooBig = (n: string) => () => `${e.name} inflates to ${n} bytes, more than one entry may`;
    this.budget.check('zipEntryBytes', e.size, tooBig(String(e.size)));
    const v = this.view;
    if (e.offset + 30 > this.bytes.length || v.getUint32(e.offset, true) !== 0x04034b50) throw new Error(`bad local header for ${e.name}`);
    const start = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
    const data = this.bytes.subarray(start, Math.min(this.bytes.length, start + e.compressed));
    const total = () => `the entries read inflate to more than the whole package may`;
    if (e.method === 0) {
      this.budget.spend('zipTotalBytes', data.length, total);
      return data;
    }
    if (e.method !== 8) throw new Error(`${e.name} uses compression method ${e.method}`);
    const out = new Uint8Array(e.size);
    let at = 0;
    let ended = false;
    const inf = new Inflate((chunk, final) => {
      // real size against the declared one (and so against the limit) before anything is kept
      if (at + chunk.length > e.size) {
        this.budget.check('zipEntryBytes', at + chunk.length, tooBig(`more than ${Math.min(at + chunk.length, zipEntryBytes)}`));
        throw new Error(`${e.name} inflates to more than its declared ${e.size} bytes`);
      }
      out.set(chunk, at);
      at += chunk.length;
      this.budget.spend('zipTotalBytes', chunk.length, total);
      if (final) ended = true;
    });
    for (let k = 0; k < data.length && !ended; k += SLICE) inf.push(data.subarray(k, Math.min(k + SLICE, data.length)), k + SLICE >= data.length);
    if (data.length === 0) inf.push(new Uint8Array(0), true);
    if (at !== e.size) throw new Error(`${e.name} is truncated (${at} of ${e.size} bytes)`);
    return out;
  }

  /** The central directory (zip64 sizes and offsets included); throws when there is none. */
  private readDirectory(): void {
    const v = this.view;
    const b = this.bytes;
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
      if (v.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error('no zip central directory (truncated?)');
    let count = v.getUint16(eocd + 10, true);
    let at = v.getUint32(eocd + 16, true);
    // zip64 end of central directory (locator just before the EOCD)
    if ((count === 0xffff || at === 0xffffffff) && eocd >= 20 && v.getUint32(eocd - 20, true) === 0x07064b50) {
      const z = Number(v.getBigUint64(eocd - 12, true));
      if (z + 56 <= b.length && v.getUint32(z, true) === 0x06064b50) {
        count = Number(v.getBigUint64(z + 32, true));
        at = Number(v.getBigUint64(z + 48, true));
      }
    }
    for (let i = 0; i < count && at + 46 <= b.length && v.getUint32(at, true) === 0x02014b50; i++) {
      const nameLen = v.getUint16(at + 28, true);
      const extraLen = v.getUint16(at + 30, true);
      const commentLen = v.getUint16(at + 32, true);
      const name = Buffer.from(b.subarray(at + 46, at + 46 + nameLen)).toString('utf8');
      const e: Entry = { name, method: v.getUint16(at + 10, true), compressed: v.getUint32(at + 20, true), size: v.getUint32(at + 24, true), offset: v.getUint32(at + 42, true) };
      if (e.size === 0xffffffff || e.compressed === 0xffffffff || e.offset === 0xffffffff) {
        // zip64 extra field: the 64-bit values, in this order, of those that are 0xFFFFFFFF
        for (let x = at + 46 + nameLen; x + 4 <= at + 46 + nameLen + extraLen; ) {
          const id = v.getUint16(x, true);
          const len = v.getUint16(x + 2, true);
          if (id === 1) {
            let p = x + 4;
            const next = () => {
              const n = p + 8 <= x + 4 + len ? Number(v.getBigUint64(p, true)) : 0xffffffff;
              p += 8;
              return n;
            };
            if (e.size === 0xffffffff) e.size = next();
            if (e.compressed === 0xffffffff) e.compressed = next();
            if (e.offset === 0xffffffff) e.offset = next();
          }
          x += 4 + len;
        }
      }
      if (!this.entries.has(name)) this.entries.set(name, e);
      at += 46 + nameLen + extraLen + commentLen;
    }
  }
}
