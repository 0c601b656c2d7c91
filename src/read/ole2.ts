// The structure of an OLE2 compound file (DOC, WPS), checked before word-extractor reads it: that
// library follows sector chains and directory links as the file states them, so a chain that
// loops, a table sized in gigabytes or a directory entry that is its own child makes it allocate
// until V8 aborts the whole process. Here every chain is followed once with a visited set and its
// length bounded by the sectors the file really has; every count the header states is checked
// against the file's size. A file that passes is read by word-extractor exactly as before.
import { PlancmpError } from '../errors.js';
import type { Budget } from './budget.js';

const FREE = -1;
const END = -2;

function damaged(file: string, why: string): PlancmpError {
  return new PlancmpError('damaged', `cannot read this DOC/WPS file (its OLE2 structure is broken: ${why})`, file, 'it may be damaged, truncated or crafted: download it again, or open and re-save it');
}

/**
 * Throws `damaged` unless the compound file's header, tables, chains and directory are sound, and
 * over-limit when the Word text its piece table assembles would pass textChars.
 */
export function checkCompoundFile(buf: Buffer, file: string, budget: Budget): void {
  if (buf.length < 512) throw damaged(file, 'shorter than its header');
  const shift = buf.readUInt16LE(30);
  const miniShift = buf.readUInt16LE(32);
  if (shift !== 9 && shift !== 12) throw damaged(file, `sector size 2^${shift}`);
  if (miniShift !== 6) throw damaged(file, `mini sector size 2^${miniShift}`);
  const secSize = 1 << shift;
  // sectors the file holds after its header (word-extractor reads sector s at (s + 1) × size)
  const sectors = Math.max(0, Math.ceil((buf.length - secSize) / secSize));
  const satSize = buf.readInt32LE(44);
  const dirStart = buf.readInt32LE(48);
  const miniCutoff = buf.readInt32LE(56);
  const ssatStart = buf.readInt32LE(60);
  const ssatSize = buf.readInt32LE(64);
  const msatStart = buf.readInt32LE(68);
  const msatSize = buf.readInt32LE(72);
  const count = (what: string, n: number) => {
    if (!(n >= 0 && n <= sectors)) throw damaged(file, `${what} of ${n} sectors in a file of ${sectors}`);
  };
  count('an allocation table', satSize);
  count('a master allocation table', msatSize);
  count('a short allocation table', ssatSize);
  const inFile = (id: number, what: string) => {
    if (!(id >= 0 && id < sectors)) throw damaged(file, `${what} points to sector ${id}, outside the file`);
  };
  const sector = (id: number) => buf.subarray((id + 1) * secSize, (id + 2) * secSize);

  // the master table: 109 ids in the header, then a chain of MSAT sectors (last id of each: the next)
  const satIds: number[] = [];
  for (let i = 0; i < 109 && satIds.length < satSize; i++) satIds.push(buf.readInt32LE(76 + i * 4));
  const seenMsat = new Set<number>();
  for (let id = msatStart, k = 0; k < msatSize && satIds.length < satSize; k++) {
    inFile(id, 'the master allocation table');
    if (seenMsat.has(id)) throw damaged(file, 'the master allocation table loops');
    seenMsat.add(id);
    const s = sector(id);
    for (let o = 0; o + 4 < secSize && satIds.length < satSize; o += 4) satIds.push(s.length >= o + 4 ? s.readInt32LE(o) : FREE);
    id = s.length >= secSize ? s.readInt32LE(secSize - 4) : END;
  }
  if (satIds.length < satSize) throw damaged(file, 'the master allocation table is short');

  // the allocation table itself
  const per = secSize / 4;
  const fat = new Int32Array(satSize * per).fill(FREE);
  satIds.forEach((id, i) => {
    inFile(id, 'the allocation table');
    const s = sector(id);
    for (let o = 0; o + 4 <= s.length; o += 4) fat[i * per + o / 4] = s.readInt32LE(o);
  });

  /** A chain in `table` from `start` (word-extractor follows ids > -1): no loops, within `limit` ids. */
  const chain = (table: Int32Array, start: number, limit: number, what: string): number[] => {
    const ids: number[] = [];
    const seen = new Set<number>();
    for (let id = start; id > FREE; ) {
      if (id >= table.length) {
        if (table === fat) inFile(id, what);
        break; // word-extractor stops at an id past its table
      }
      if (seen.has(id)) throw damaged(file, `${what} loops`);
      if (ids.length >= limit) throw damaged(file, `${what} is longer than the file`);
      seen.add(id);
      ids.push(id);
      id = table[id];
    }
    return ids;
  };

  const ssatIds = chain(fat, ssatStart, sectors, 'the short allocation table chain');
  if (ssatIds.length !== ssatSize) throw damaged(file, 'the short allocation table chain does not match its size');
  for (const id of ssatIds) inFile(id, 'the short allocation table');
  const ssat = new Int32Array(ssatIds.length * per).fill(FREE);
  ssatIds.forEach((id, i) => {
    const s = sector(id);
    for (let o = 0; o + 4 <= s.length; o += 4) ssat[i * per + o / 4] = s.readInt32LE(o);
  });

  // the directory: entries of 128 bytes; the root's children form trees through left/right/child links
  const dirIds = chain(fat, dirStart, sectors, 'the directory chain');
  for (const id of dirIds) inFile(id, 'the directory');
  const dir = Buffer.concat(dirIds.map(sector));
  const entries = Math.floor(dir.length / 128);
  const type = (i: number) => dir.readInt8(i * 128 + 66);
  const link = (i: number, at: number) => dir.readInt32LE(i * 128 + at);
  let root = -1;
  for (let i = 0; i < entries && root < 0; i++) if (type(i) === 5) root = i;
  if (root < 0) throw damaged(file, 'no root entry');
  // word-extractor follows a storage's child link, then left and right links below it
  const visited = new Set<number>([root]);
  const walk: number[] = [root];
  while (walk.length) {
    const i = walk.pop()!;
    for (const at of i === root ? [76] : [68, 72, 76]) {
      const j = link(i, at);
      if (j === -1 || (at === 76 && type(i) !== 1 && type(i) !== 5)) continue;
      if (!(j >= 0 && j < entries)) throw damaged(file, `directory entry ${i} links to entry ${j}, which does not exist`);
      if (visited.has(j)) throw damaged(file, 'the directory tree loops');
      visited.add(j);
      walk.push(j);
    }
  }
  // every stream's sector chain: short streams in the short table (within the root's short-stream sectors)
  const rootChain = chain(fat, link(root, 116), sectors, "the root's short-stream chain");
  const miniSectors = (rootChain.length * secSize) / 64;
  const streams = new Map<string, Buffer>();
  const mini = () => Buffer.concat(rootChain.map(sector));
  for (const i of visited) {
    if (type(i) !== 2) continue;
    const size = link(i, 120);
    const start = link(i, 116);
    const short = size < miniCutoff;
    const ids = short ? chain(ssat, start, miniSectors, 'a short stream chain') : chain(fat, start, sectors, 'a stream chain');
    const nameLen = Math.max(0, Math.min(64, dir.readInt16LE(i * 128 + 64) - 2));
    const name = dir.toString('utf16le', i * 128, i * 128 + nameLen);
    if (name === 'WordDocument' || name === '0Table' || name === '1Table') {
      const from = short ? mini() : buf;
      const unit = short ? 64 : secSize;
      const at = (id: number) => (short ? id * 64 : (id + 1) * secSize);
      streams.set(name, Buffer.concat(ids.map((id) => from.subarray(at(id), at(id) + unit))).subarray(0, Math.max(0, size)));
    }
  }
  checkPieces(streams, budget);
}

/**
 * The text word-extractor will assemble: each piece of the piece table is a slice of the WordDocument
 * stream, and nothing stops a crafted table from naming the whole stream a hundred thousand times.
 * Followed as word-extractor follows it (its writePieces); a table it cannot read is left to it.
 */
function checkPieces(streams: Map<string, Buffer>, budget: Budget): void {
  const doc = streams.get('WordDocument');
  if (!doc || doc.length < 0x01a6 + 4) return;
  const table = streams.get((doc.readUInt16LE(0x0a) & 0x0200) !== 0 ? '1Table' : '0Table');
  if (!table) return;
  let pos = doc.readUInt32LE(0x01a2);
  while (pos < table.length && table[pos] === 1) pos += 3 + (pos + 3 <= table.length ? table.readUInt16LE(pos + 1) : 0);
  if (pos + 5 > table.length || table[pos] !== 2) return;
  const pieces = Math.floor((table.readUInt32LE(pos + 1) - 4) / 12);
  pos += 5;
  let chars = 0;
  for (let x = 0; x < pieces; x++) {
    const desc = pos + (pieces + 1) * 4 + x * 8 + 2;
    if (desc + 4 > table.length || pos + (x + 1) * 4 + 4 > table.length) return;
    let filePos = table.readUInt32LE(desc);
    const unicode = (filePos & 0x40000000) === 0;
    if (!unicode) filePos = Math.floor((filePos & ~0x40000000) / 2);
    const length = table.readUInt32LE(pos + (x + 1) * 4) - table.readUInt32LE(pos + x * 4);
    const bytes = Math.max(0, Math.min((unicode ? 2 : 1) * length, doc.length - filePos));
    chars += unicode ? bytes / 2 : bytes;
    budget.check('textChars', chars, (n) => `its piece table assembles more than ${n} characters of text`);
  }
}
