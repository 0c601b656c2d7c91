// The one way plancmp writes an output file (export records, the errors list, report HTML/CSV,
// check --update snapshots). An output is complete or absent:
//   - a regular file (or a new name) is written under a temporary name in the same directory,
//     every write's byte count checked, fsync'd, then renamed over the final name. The fsync costs
//     a little time per file (a few ms on a spinning disk) and is what makes "complete" hold after
//     a power cut too, not only after a kill;
//   - a character device, FIFO or socket (`/dev/stdout`, `/dev/null`, `>(gzip > x.gz)`, a symbolic
//     link to one) is written through: renaming over it would replace the device or the link;
//   - a symbolic link to a regular file, a directory or any other special file is refused.
// A failure is a PlancmpError 'write-failed' naming the output; no temporary file is left.
// fs.writeSync / fs.fsyncSync are called through the module object so tests can make them fail (ENOSPC after N bytes)
import fs, { closeSync, fstatSync, lstatSync, openSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PlancmpError } from '../errors.js';

let counter = 0;
/** `.NAME.tmp-hHOST-PID-THREAD-N`, and `.NAME.tmp-PID-THREAD-N` as versions before the host tag wrote them. */
const TEMP = /^\..+\.tmp-(?:h([0-9a-f]{8})-)?(\d+)-\d+-\d+$/;

/**
 * Which process namespace this process's ids belong to: a hash of the host name, the boot and the
 * PID namespace. Two machines sharing an output folder (export --shard on NFS), or two containers on
 * one machine, see each other's temporaries; a process id means something only where this matches.
 */
let host: string | undefined;
export function hostTag(): string {
  if (host) return host;
  const read = (f: () => string) => {
    try {
      return f();
    } catch {
      return '';
    }
  };
  const boot = read(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
  const pidns = read(() => readlinkSync('/proc/self/ns/pid'));
  // node:crypto only here, when a temporary is written: loading it costs a short `plancmp diff` ~5 ms
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return (host = createHash('sha256').update(`${hostname()}\0${boot}\0${pidns}`).digest('hex').slice(0, 8));
}

// worker_threads is loaded on the first temporary name, not at every start of the command line
let thread: number | undefined;
const threadId = (): number => (thread ??= (createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')).threadId);

/** `dir/.name.tmp-hHOST-PID-THREAD-N`: hidden, never ending in .json, and naming the host and process that own it. */
export function tempPathFor(finalPath: string): string {
  return path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.tmp-h${hostTag()}-${process.pid}-${threadId()}-${++counter}`);
}

export function isTempName(name: string): boolean {
  return TEMP.test(name);
}

/** The owner a temporary name carries (host tag absent in names of older versions), or undefined for any other name. */
export function tempOwner(name: string): { host?: string; pid: number } | undefined {
  const m = TEMP.exec(name);
  return m ? { host: m[1], pid: Number(m[2]) } : undefined;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'the directory does not exist',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EFBIG: 'the file is too large for the file system',
  ENXIO: 'nothing is reading from it',
  EPIPE: 'the reader went away',
};

/** Errors after which no later output can be written either: a batch stops on these. */
export const FATAL_WRITE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS']);

/** An fs error while writing `target` → the user's error: what failed, why, what to do. */
export function writeError(e: unknown, target: string): PlancmpError {
  if (e instanceof PlancmpError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const reason = code ? `${code}: ${REASONS[code] ?? (e as Error).message}` : String((e as Error)?.message ?? e);
  const hint =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'free some space and run again (export: add --resume to keep what was written)'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'write somewhere writable, or change the permissions'
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? 'create the directory first, or check the path'
          : code === 'EISDIR'
            ? 'give a file name, not a directory'
            : 'check the disk and the path, and run again';
  const err = new PlancmpError('write-failed', `cannot write (${reason})`, target, hint);
  (err as PlancmpError & { errno?: string }).errno = code;
  return err;
}

/**
 * mkdir -p that reports the real reason: Node's recursive mkdir says ENOENT when a parent is on a
 * read-only file system or not writable. On ENOENT the missing levels are made one at a time, so the
 * first that fails throws its own error (EROFS, EACCES…).
 */
export function makeDirs(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const missing: string[] = [];
    for (let d = path.resolve(dir); !fs.existsSync(d); d = path.dirname(d)) {
      missing.unshift(d);
      if (path.dirname(d) === d) break;
    }
    for (const d of missing) fs.mkdirSync(d);
    throw e;
  }
}

/** The errno code behind a write error (a write-failed PlancmpError keeps it), when there is one. */
export function errnoOf(e: unknown): string | undefined {
  const x = e as { errno?: unknown; code?: unknown } | undefined;
  if (typeof x?.errno === 'string') return x.errno;
  return typeof x?.code === 'string' && /^E[A-Z]+$/.test(x.code) ? x.code : undefined;
}

/** Writes all of `buf` to `fd`, however many calls that takes; a write that makes no progress is EIO. */
export function writeAll(fd: number, buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) {
    const n = fs.writeSync(fd, buf, off, buf.length - off);
    if (!(n > 0)) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    off += n;
  }
}

/**
 * The pieces `bufs` (`total` bytes) written in order, as writeAll writes one: in one writev (libuv
 * splits it at IOV_MAX and carries on after a short write), rather than copied into one buffer first;
 * should it stop short, the rest piece by piece.
 */
export function writevAll(fd: number, bufs: Uint8Array[], total: number): void {
  let done = fs.writevSync(fd, bufs);
  if (done === total) return;
  for (const b of bufs) {
    if (done >= b.length) {
      done -= b.length;
      continue;
    }
    writeAll(fd, done ? b.subarray(done) : b);
    done = 0;
  }
}

/**
 * What an output holds: bytes, a text, or a text in pieces (their concatenation, encoded piece by
 * piece: a cut must not fall inside a surrogate pair).
 */
export type OutputData = string | Uint8Array | readonly string[];

/** A UTF-16 code unit never takes more than 3 bytes of UTF-8 (a surrogate pair takes 4 for 2 units). */
const UTF8_MAX = 3;
/** Texts up to this many UTF-16 units are encoded into one buffer reused by every write of this thread. */
const SCRATCH_MAX_UNITS = (4 << 20) / UTF8_MAX;
let scratch: Buffer | undefined;

/**
 * `data` as UTF-8 bytes. The result may be a view of this thread's scratch buffer: valid only until
 * the next call, so write it out before anything else runs (no await in between). A text is encoded
 * straight into the buffer: no Buffer allocation per output and no second pass to measure it first.
 * `ends`, when given, receives the byte offset where each piece ends (a text is one piece).
 */
export function bytesOf(data: OutputData, ends?: number[]): Uint8Array {
  if (typeof data !== 'string' && !Array.isArray(data)) {
    ends?.push((data as Uint8Array).length);
    return data as Uint8Array;
  }
  const pieces: readonly string[] = typeof data === 'string' ? [data] : data;
  let units = 0;
  for (const p of pieces) units += p.length;
  if (units > SCRATCH_MAX_UNITS) {
    // a huge output: measured exactly, in a buffer of its own (the scratch buffer stays small)
    let n = 0;
    for (const p of pieces) n += Buffer.byteLength(p, 'utf8');
    const buf = Buffer.allocUnsafeSlow(n);
    let off = 0;
    for (const p of pieces) {
      off += buf.write(p, off, 'utf8');
      ends?.push(off);
    }
    return buf;
  }
  const need = units * UTF8_MAX;
  if (!scratch || scratch.length < need) scratch = Buffer.allocUnsafeSlow(Math.max(need, 64 * 1024, Math.min(2 * need, SCRATCH_MAX_UNITS * UTF8_MAX)));
  let off = 0;
  for (const p of pieces) {
    off += scratch.write(p, off, 'utf8');
    ends?.push(off);
  }
  return scratch.subarray(0, off);
}

/** `data` as UTF-8 bytes in a buffer of their own, of exactly their length (one that can be transferred to another thread); `ends` as for bytesOf. */
export function ownBytes(data: OutputData, ends?: number[]): Buffer {
  const b = bytesOf(data, ends);
  const own = Buffer.allocUnsafeSlow(b.length);
  own.set(b);
  return own;
}

// throwIfNoEntry: a new output's name does not exist yet, and an ENOENT thrown and caught for every
// file of an export cost more than the lstat itself
function lstatOrNull(p: string): Stats | null {
  return lstatSync(p, { throwIfNoEntry: false }) ?? null;
}

const isStream = (s: Stats) => s.isCharacterDevice() || s.isFIFO() || s.isSocket();

export type OutputKind = 'replace' | 'through';

/**
 * How `target` is written: 'replace' (a new or regular file: temporary + rename) or 'through'
 * (a device, FIFO or socket, or a link to one). Throws write-failed for what must not be replaced.
 */
export function outputKind(target: string, shown = target): OutputKind {
  let l: Stats | null;
  try {
    l = lstatOrNull(target);
  } catch (e) {
    throw writeError(e, shown);
  }
  if (!l) return 'replace';
  if (l.isFile()) return 'replace';
  if (isStream(l)) return 'through';
  if (l.isDirectory()) throw writeError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), shown);
  if (l.isSymbolicLink()) {
    let s: Stats | null = null;
    try {
      s = statSync(target);
    } catch {
      /* dangling */
    }
    if (s && isStream(s)) return 'through';
    throw new PlancmpError('write-failed', `is a symbolic link${s ? (s.isFile() ? ' to a file' : '') : ' to nothing'}; plancmp will not replace it`, shown, 'remove the link or write to another name');
  }
  throw new PlancmpError('write-failed', 'is a special file that plancmp will not replace', shown, 'write to a regular file name');
}

/**
 * Opens a written-through target. Our own standard output or error (`/dev/stdout`, a link to it)
 * is used as it is: when it is a socket (as Node gives a child's stdio) it cannot be opened by name.
 */
function openThrough(target: string): { fd: number; own: boolean } {
  try {
    const st = statSync(target);
    for (const fd of [1, 2]) {
      const own = fstatSync(fd);
      if (own.dev === st.dev && own.ino === st.ino && (st.isSocket() || st.isFIFO() || st.isCharacterDevice())) return { fd, own: true };
    }
  } catch {
    /* fall through to open() */
  }
  return { fd: openSync(target, 'w'), own: false };
}

/** Writes `data` to `target` so that it is complete or absent (see the file comment). */
export function writeOutputSync(target: string, data: OutputData): void {
  if (outputKind(target) === 'through') {
    let out: { fd: number; own: boolean } | undefined;
    try {
      out = openThrough(target);
      writeAll(out.fd, bytesOf(data));
    } catch (e) {
      throw writeError(e, target);
    } finally {
      if (out && !out.own) closeQuietly(out.fd);
    }
    return;
  }
  const tmp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    writeAll(fd, bytesOf(data));
    fs.fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(tmp);
    throw writeError(e, target);
  }
}

/**
 * `writeOutputSync` for a batch: the fsync — the one step that waits on the disk — runs on libuv's
 * thread pool, so the caller's thread computes the next output meanwhile. The create, write, close
 * and rename stay on the caller's thread: each is quick, and running them on the pool as well (four
 * round trips per file instead of one) cost more CPU than it saved — measured on ext4, an export of
 * 2,000 files with 2 jobs: libuv's threads 0.58 s → 0.25 s, the workers' own time unchanged.
 */
export async function writeOutput(target: string, data: OutputData): Promise<void> {
  if (outputKind(target) === 'through') return writeOutputSync(target, data);
  const tmp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    // encoded and written with no await in between (bytesOf may return the reused scratch buffer);
    // into the page cache: quick, and checked like every other write
    writeAll(fd, bytesOf(data));
    const syncing = fd;
    await new Promise<void>((resolve, reject) => fs.fsync(syncing, (e) => (e ? reject(e) : resolve())));
    fd = undefined;
    closeSync(syncing);
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(tmp);
    throw writeError(e, target);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    /* already failed */
  }
}

export function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/**
 * An output written piece by piece (a JSONL file, the errors list): opened lazily, buffered,
 * committed (fsync + rename) or aborted (temporary removed). Writes are synchronous and checked.
 */
export class OutputSink {
  private fd?: number;
  /** The fd is our own stdout/stderr: never closed. */
  private own = false;
  private tmp?: string;
  private kind?: OutputKind;
  /** Written and not yet flushed: the caller's pieces as they are (none is reused after write() until writeOut()). */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private static readonly FLUSH_AT = 256 * 1024;

  /** `shown`: the name used in errors (as the user gave it); defaults to `target`. */
  constructor(
    readonly target: string,
    private readonly shown = target,
  ) {}

  /** Opens the output now (so that a path that cannot be written fails before any work). */
  open(): void {
    if (this.fd !== undefined) return;
    try {
      this.kind = outputKind(this.target, this.shown);
      if (this.kind === 'through') ({ fd: this.fd, own: this.own } = openThrough(this.target));
      else {
        this.tmp = tempPathFor(this.target);
        this.fd = openSync(this.tmp, 'wx', 0o644);
      }
    } catch (e) {
      throw writeError(e, this.shown);
    }
  }

  get opened(): boolean {
    return this.fd !== undefined;
  }

  /** The temporary file being written, if any. */
  get tempPath(): string | undefined {
    return this.tmp;
  }

  write(data: string | Uint8Array): void {
    this.open();
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    if (this.pendingBytes >= OutputSink.FLUSH_AT) this.flush();
  }

  /** Writes what is pending now (write() waits for FLUSH_AT bytes): the caller may then reuse the buffers it gave. */
  writeOut(): void {
    this.open();
    this.flush();
  }

  private flush(): void {
    if (!this.pendingBytes) return;
    const pieces = this.pending;
    const bytes = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    try {
      if (pieces.length === 1) writeAll(this.fd!, pieces[0]);
      else writevAll(this.fd!, pieces, bytes);
    } catch (e) {
      this.abort();
      throw writeError(e, this.shown);
    }
  }

  /** Makes the output final (an empty one when nothing was written). */
  commit(): void {
    const fd = this.detach();
    try {
      if (this.kind === 'replace') fs.fsyncSync(fd);
      this.finish(fd);
    } catch (e) {
      this.fail(fd, e);
    }
  }

  /**
   * commit() with the fsync on libuv's thread pool: several outputs committed at once wait on the
   * disk together rather than one after another, and the caller's thread runs meanwhile.
   */
  async commitAsync(): Promise<void> {
    const fd = this.detach();
    try {
      if (this.kind === 'replace') await new Promise<void>((resolve, reject) => fs.fsync(fd, (e) => (e ? reject(e) : resolve())));
      this.finish(fd);
    } catch (e) {
      this.fail(fd, e);
    }
  }

  /** The open descriptor with everything written to it, no longer this sink's to write to. */
  private detach(): number {
    this.open();
    this.flush();
    const fd = this.fd!;
    this.fd = undefined;
    return fd;
  }

  /** Close a temporary's descriptor and move it into place. */
  private finish(fd: number): void {
    if (!this.own) closeSync(fd);
    if (this.tmp) renameSync(this.tmp, this.target);
  }

  /** A commit that failed leaves no temporary behind and says which output. */
  private fail(fd: number, e: unknown): never {
    if (!this.own) closeQuietly(fd);
    if (this.tmp) removeQuietly(this.tmp);
    throw writeError(e, this.shown);
  }

  /** Drops what was written (a written-through device keeps what it got). */
  abort(): void {
    this.pending = [];
    this.pendingBytes = 0;
    if (this.fd !== undefined && !this.own) closeQuietly(this.fd);
    this.fd = undefined;
    if (this.tmp) removeQuietly(this.tmp);
  }
}
