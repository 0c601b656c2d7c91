// --jsonl FILE --resume: finds reusable records in the previous FILE and in the temporary file a
// killed run left beside it (complete lines only), without holding the records in memory: the index
// keeps each record's location, and the line is copied from there when its input is unchanged.
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fingerprintKey, isCurrent, isRecordBody, type ExportHeader, type Fingerprint } from './record.js';
import { isTempName } from './atomic.js';

export interface OldRecord {
  file: string;
  offset: number;
  length: number;
  sha256: string;
}

const HEAD = Buffer.from('{"export":');
const NOTICE = ',"notice":';

function headerOf(line: Buffer): ExportHeader | undefined {
  if (!line.subarray(0, HEAD.length).equals(HEAD)) return undefined;
  // ,"notice": cannot occur inside a JSON string (a quote there is always escaped), so the first one ends the header
  const head = line.subarray(0, Math.min(line.length, 256 * 1024)).toString('utf8');
  const end = head.indexOf(NOTICE);
  if (end < 0) return undefined;
  try {
    return JSON.parse(head.slice(HEAD.length, end)) as ExportHeader;
  } catch {
    return undefined;
  }
}

/** Calls `each` for every complete line of `file` with its byte offset (a last line without a newline is ignored). */
function scanLines(file: string, each: (line: Buffer, offset: number) => void): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return;
  }
  try {
    const chunk = Buffer.alloc(1 << 20);
    let carry = Buffer.alloc(0);
    let carryOffset = 0;
    let pos = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      if (n <= 0) break;
      pos += n;
      let buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
        each(buf.subarray(start, nl + 1), carryOffset + start);
        start = nl + 1;
      }
      carryOffset += start;
      carry = Buffer.from(buf.subarray(start));
      buf = carry;
    }
  } finally {
    closeSync(fd);
  }
}

/** Temporary files of earlier runs writing `target` (`.NAME.tmp-PID-THREAD-N` beside it). */
export function tempsOf(target: string): string[] {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.tmp-`;
  try {
    return readdirSync(dir)
      .filter((n) => n.startsWith(prefix) && isTempName(n))
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/** input → where a current, complete record for it is (first the final file, then temporaries; later ones win). */
export function indexOldRecords(files: string[], fp: Fingerprint): Map<string, OldRecord> {
  const want = fingerprintKey(fp);
  const index = new Map<string, OldRecord>();
  for (const file of files) {
    scanLines(file, (line, offset) => {
      const h = headerOf(line);
      if (!h || typeof h.input !== 'string' || fingerprintKey(h) !== want) return;
      // the whole line must be a complete record with this very header (not only its start)
      let rec: { export?: unknown; notice?: unknown; diff?: unknown };
      try {
        rec = JSON.parse(line.toString('utf8'));
      } catch {
        return;
      }
      if (!isCurrent(rec.export, h.input, h.sha256, fp) || !isRecordBody(rec)) return;
      index.set(h.input, { file, offset, length: line.length, sha256: h.sha256 });
    });
  }
  return index;
}

/** Reads an indexed line back. */
export class OldRecordReader {
  private fds = new Map<string, number>();
  read(r: OldRecord): Buffer {
    let fd = this.fds.get(r.file);
    if (fd === undefined) this.fds.set(r.file, (fd = openSync(r.file, 'r')));
    const buf = Buffer.alloc(r.length);
    readSync(fd, buf, 0, r.length, r.offset);
    return buf;
  }
  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
