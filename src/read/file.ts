// Reading one input file's bytes, for every command (parse, diff, check, report, export):
//   - the file type is checked on the opened descriptor, so a FIFO or device swapped in after a
//     check cannot block or flood us: directories, devices and sockets are refused, FIFOs too
//     unless the caller takes pipes (`<(curl …)` for a single notice; never in a batch, where a
//     FIFO without a writer would hang a worker in open());
//   - at most `limit` bytes are read, counted while reading (stat's size is 0 for devices and
//     stale for a growing file), so /dev/zero or a log being appended cannot exhaust memory;
//   - a name whose bytes are not UTF-8 (Node's argv turns them into U+FFFD) is found again by
//     listing its directory; such names are shown with the odd bytes as \xNN.
// fs.openSync / fs.readSync through the module object, so tests can simulate EACCES as root and a growing file
import fs, { closeSync, constants, fstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PlancmpError } from '../errors.js';

export interface FileReadOptions {
  /** Bytes allowed; one more is an error. */
  limit: number;
  /** Accept a FIFO (a pipe given by name); default false. */
  pipes?: boolean;
}

/** A path as the file system knows it: a string, or the raw bytes of a name that is not UTF-8. */
export type RawPath = string | Buffer;

export function tooLarge(size: string, limit: number, file: string, env = 'PLANCMP_MAX_BYTES'): PlancmpError {
  return new PlancmpError('too-large', `is ${size} bytes; the limit is ${limit} bytes`, file, `split the file, or raise the limit with ${env}=<bytes>`);
}

export function isDirectoryError(file: string): PlancmpError {
  return new PlancmpError('is-directory', 'is a directory, not a file', file, 'give a file, or use `plancmp export DIR` for a folder');
}

/** An fs error while reading `file` → the user's error. */
export function readError(e: unknown, file: string): PlancmpError {
  if (e instanceof PlancmpError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new PlancmpError('not-found', 'no such file', file, 'check the path');
  if (code === 'EISDIR') return isDirectoryError(file);
  if (code === 'EACCES' || code === 'EPERM') return new PlancmpError('no-permission', 'cannot read the file (permission denied)', file, 'check its permissions');
  return new PlancmpError('read-failed', `cannot read the file (${code ?? String(e)})`, file, 'check that it is a regular, readable file (not a device or special file)');
}

function specialError(kind: string, file: string): PlancmpError {
  return new PlancmpError('not-a-file', `is ${kind}, not a regular file`, file, 'give a notice file (a pipe can be read as standard input: plancmp parse - < notice.txt)');
}

/** A name's bytes as text: UTF-8 where they are UTF-8, other bytes as \xNN (so the name stays one line and unique). */
export function displayName(p: RawPath): string {
  if (typeof p === 'string') return p;
  let out = '';
  let i = 0;
  while (i < p.length) {
    const b = p[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= p.length;
    for (let k = 1; ok && k < len; k++) ok = (p[i + k] & 0xc0) === 0x80;
    if (ok && len > 1) {
      const ch = p.subarray(i, i + len).toString('utf8');
      ok = !ch.includes('\uFFFD'); // overlong or surrogate forms
      if (ok) out += ch;
    } else if (ok) out += String.fromCharCode(b);
    if (!ok) out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
    i += ok ? len : 1;
  }
  return out;
}

/**
 * The path on disk for a name typed on the command line: the name itself, or — when it does not
 * exist and holds U+FFFD where the shell passed bytes that are not UTF-8 — the one directory entry
 * each such segment stands for. Undefined when there is no single match.
 */
export function recoverRawPath(file: string): Buffer | undefined {
  if (!file.includes('\uFFFD')) return undefined;
  const abs = path.isAbsolute(file);
  const segs = file.split('/');
  let cur: Buffer = Buffer.from(abs ? '/' : '');
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg === '' && (i === 0 || i === segs.length - 1)) continue;
    let next: Buffer = Buffer.from(seg);
    if (seg.includes('\uFFFD')) {
      let entries: Buffer[];
      try {
        entries = readdirSync(cur.length ? cur : Buffer.from('.'), { encoding: 'buffer' });
      } catch {
        return undefined;
      }
      const hits = entries.filter((e) => e.toString('utf8') === seg);
      if (hits.length !== 1) return undefined;
      next = hits[0];
    }
    const sep = cur.length && cur[cur.length - 1] !== 0x2f ? Buffer.from('/') : Buffer.alloc(0);
    cur = Buffer.concat([cur, sep, next]);
  }
  return cur;
}

/** The path to open for `file`: itself when it exists, else a recovered non-UTF-8 name. */
function onDisk(file: RawPath): RawPath {
  if (typeof file !== 'string' || !file.includes('\uFFFD')) return file;
  try {
    statSync(file);
    return file;
  } catch {
    return recoverRawPath(file) ?? file;
  }
}

/** Reads a file's bytes (see the file comment). `shown` is the name used in errors. */
export function readFileBytesSync(file: RawPath, opts: FileReadOptions, shown = displayName(file)): Buffer {
  const p = onDisk(file);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for ever
    fd = fs.openSync(p, opts.pipes ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw readError(e, shown);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw isDirectoryError(shown);
    if (st.isFIFO() && !opts.pipes) throw specialError('a named pipe (FIFO)', shown);
    if (st.isCharacterDevice() || st.isBlockDevice()) throw specialError('a device', shown);
    if (st.isSocket()) throw specialError('a socket', shown);
    if (st.isFile() && st.size > opts.limit) throw tooLarge(String(st.size), opts.limit, shown);
    return readLimited(fd, opts.limit, shown, st.isFile() ? st.size : 0);
  } catch (e) {
    throw readError(e, shown);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, failing as soon as more than `limit` bytes have come. */
function readLimited(fd: number, limit: number, shown: string, sizeHint: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let size = Math.min(Math.max(sizeHint + 1, 64 * 1024), limit + 1, 16 * 1024 * 1024);
  for (;;) {
    const buf = Buffer.allocUnsafe(size);
    let n: number;
    try {
      n = fs.readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        // a pipe opened by name with no data yet (pipes only): wait a moment and retry
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) throw tooLarge(`more than ${limit}`, limit, shown);
    chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    size = Math.min(1024 * 1024, limit + 1 - total);
    if (size <= 0) size = 1;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
