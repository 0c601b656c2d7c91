// Faults of the disk, the OS and the file system (issue 16, items 1–6, 12, 13; issue 17's errors file):
// outputs complete or absent, special files never replaced, no hang, no stack trace, one line per error.
// Disk-full cases run on a 64 KiB tmpfs when the test can mount one (root), and on a write stub that
// fails with ENOSPC after N bytes everywhere.
import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs, { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURE_FILES, PNG_BYTES, runCli, tree } from './helpers.js';
import { OutputSink, writeOutputSync } from '../src/write/atomic.js';
import { displayName, readFileBytesSync } from '../src/read/file.js';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'plancmp.js');
const FIXTURES = FIXTURE_FILES;
const PNG = PNG_BYTES;
const tmp = () => mkdtempSync(path.join(tmpdir(), 'plancmp-faults-'));

function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...opts.env }, timeout: opts.timeout ?? 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}
/** Runs a shell line (for argv bytes that are not UTF-8, and process substitution). */
function sh(line: string, cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync('bash', ['-c', line], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PLANCMP: `${process.execPath} ${BIN}`, ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The whole of stderr is plancmp's own lines: no stack trace, no "internal error". */
function expectCleanErrors(err: string) {
  expect(err).not.toMatch(/internal error|please report|\n\s+at |Error:/);
  for (const line of err.trim().split('\n').filter(Boolean)) expect(line).toMatch(/^plancmp[: ]/);
}


function corpus(dir: string, copies = 1): string {
  const inDir = path.join(dir, 'in');
  mkdirSync(inDir, { recursive: true });
  for (let c = 0; c < copies; c++) for (const f of FIXTURES) copyFileSync(f, path.join(inDir, `${c}-${path.basename(f)}`));
  return inDir;
}

beforeAll(() => {
  const built = path.join(ROOT, 'dist', 'write', 'atomic.js');
  if (!existsSync(built) || statSync(built).mtimeMs < statSync(path.join(ROOT, 'src', 'write', 'atomic.ts')).mtimeMs) {
    spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'ignore' });
  }
}, 120_000);

afterEach(() => {
  vi.restoreAllMocks();
});
// most tests here start the CLI several times, on a machine shared with other work
vi.setConfig({ testTimeout: 120_000 });

// ---------- a small full disk ----------
let mnt: string | undefined;
/** Mounts a 64 KiB tmpfs (root only); undefined when the test cannot. */
function smallDisk(): string | undefined {
  if (mnt) return mnt;
  if (process.getuid?.() !== 0) return undefined;
  const dir = tmp();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  if (r.status !== 0) return undefined;
  return (mnt = dir);
}
afterAll(() => {
  if (mnt) spawnSync('umount', [mnt]);
});
const emptyDisk = (d: string) => {
  for (const e of readdirSync(d)) fs.rmSync(path.join(d, e), { recursive: true, force: true });
};

/** Makes fs.writeSync and fs.writevSync fail with ENOSPC once `budget` bytes have been written (short writes before that). */
function failAfter(budget: number) {
  const real = fs.writeSync;
  let left = budget;
  const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  // OutputSink writes its pieces with one writev: short too, at most part of the first piece
  vi.spyOn(fs, 'writevSync').mockImplementation(((fd: number, bufs: Uint8Array[]) => {
    if (left <= 0) throw noSpace();
    const n = Math.min(bufs[0].length, left, 1000);
    left -= n;
    return (real as (...a: unknown[]) => number)(fd, bufs[0], 0, n);
  }) as typeof fs.writevSync);
  return vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buf: Uint8Array, off = 0, len = buf.length - off) => {
    if (left <= 0) throw noSpace();
    const n = Math.min(len, left, 1000); // short writes, which the writer must loop over
    left -= n;
    return (real as (...a: unknown[]) => number)(fd, buf, off, n);
  }) as typeof fs.writeSync);
}

describe('the atomic writer (stubbed disk)', () => {
  it('loops over short writes: the output is complete', () => {
    const dir = tmp();
    const f = path.join(dir, 'out.json');
    failAfter(1e9);
    const data = 'x'.repeat(50_000);
    writeOutputSync(f, data);
    expect(readFileSync(f, 'utf8')).toBe(data);
  });

  it('ENOSPC after N bytes: the previous output stays, nothing truncated, no temporary left', () => {
    const dir = tmp();
    const f = path.join(dir, 'report.html');
    writeFileSync(f, 'the previous good report');
    failAfter(4000);
    expect(() => writeOutputSync(f, 'y'.repeat(100_000))).toThrow(/cannot write \(ENOSPC: no space left on the device\)/);
    expect(readFileSync(f, 'utf8')).toBe('the previous good report');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('a streamed output (OutputSink) loops over short writes of its pieces: the output is complete', () => {
    const dir = tmp();
    const f = path.join(dir, 'x.csv');
    const sink = new OutputSink(f, 'x.csv');
    failAfter(1e9);
    const lines = Array.from({ length: 100 }, (_, i) => `${i},${'z'.repeat(10_000)}\n`);
    lines.forEach((line, i) => sink.write(i % 2 ? line : Buffer.from(line)));
    sink.commit();
    expect(readFileSync(f, 'utf8')).toBe(lines.join(''));
  });

  it('a streamed output (OutputSink) that fails midway leaves no file and no temporary', () => {
    const dir = tmp();
    const f = path.join(dir, 'x.jsonl');
    const sink = new OutputSink(f, 'x.jsonl');
    failAfter(300_000);
    expect(() => {
      for (let i = 0; i < 100; i++) sink.write('z'.repeat(10_000) + '\n');
      sink.commit();
    }).toThrow(/x\.jsonl.*|cannot write/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a streamed output committed with its fsync on the thread pool (the --tables files): complete, or on an EIO absent with no temporary', async () => {
    const dir = tmp();
    const ok = new OutputSink(path.join(dir, 'a.csv'), 'a.csv');
    ok.write('x,y\n1,2\n');
    await ok.commitAsync();
    expect(readFileSync(path.join(dir, 'a.csv'), 'utf8')).toBe('x,y\n1,2\n');
    writeFileSync(path.join(dir, 'b.csv'), 'the previous table');
    const bad = new OutputSink(path.join(dir, 'b.csv'), 'tables/b.csv');
    bad.write('x,y\n3,4\n');
    vi.spyOn(fs, 'fsync').mockImplementation(((_fd: number, cb: (e: Error | null) => void) => cb(Object.assign(new Error('EIO: simulated'), { code: 'EIO' }))) as typeof fs.fsync);
    await expect(bad.commitAsync()).rejects.toThrow(/tables\/b\.csv.*cannot write \(EIO: input\/output error\)|cannot write \(EIO: input\/output error\)/);
    expect(readFileSync(path.join(dir, 'b.csv'), 'utf8')).toBe('the previous table');
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
  });
});

describe('special files and symbolic links are never replaced (item 1)', () => {
  it('--jsonl and --errors to a character device write through and leave the device a device', () => {
    const dir = tmp();
    const dev = path.join(dir, 'null');
    // a private copy of /dev/null (root), else the real one
    const made = spawnSync('mknod', [dev, 'c', '1', '3']).status === 0;
    const target = made ? dev : '/dev/null';
    const r = cli(['export', FIXTURES[0], path.join(dir, 'missing.txt'), '--jsonl', target, '--errors', target]);
    expect(r.code).toBe(3);
    expectCleanErrors(r.err);
    expect(lstatSync(target).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('/dev/full: ENOSPC on the device is a one-line write-failed error, exit 2', () => {
    if (!existsSync('/dev/full')) return;
    const r = cli(['export', FIXTURES[0], '--jsonl', '/dev/full']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^plancmp: \/dev\/full: cannot write \(ENOSPC/m);
    expectCleanErrors(r.err);
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a symbolic link to standard output is written through: the records reach stdout', () => {
    const dir = tmp();
    symlinkSync('/dev/stdout', path.join(dir, 'link-to-stdout'));
    const r = cli(['export', FIXTURES[0], '--jsonl', 'link-to-stdout'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.trim()).export.input).toBe(FIXTURES[0]);
    expect(lstatSync(path.join(dir, 'link-to-stdout')).isSymbolicLink()).toBe(true);
  });

  it('a symbolic link to a file is refused (the link and its target untouched), for export and report', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'real.jsonl'), 'precious\n');
    symlinkSync('real.jsonl', path.join(dir, 'link.jsonl'));
    const r = cli(['export', FIXTURES[0], '--jsonl', 'link.jsonl'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/link\.jsonl: is a symbolic link to a file; plancmp will not replace it/);
    expectCleanErrors(r.err);
    expect(lstatSync(path.join(dir, 'link.jsonl')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real.jsonl'), 'utf8')).toBe('precious\n');
    const h = cli(['report', FIXTURES[0], '--html', 'link.jsonl'], { cwd: dir });
    expect(h.code).toBe(2);
    expect(h.err).toMatch(/is a symbolic link/);
    expect(readFileSync(path.join(dir, 'real.jsonl'), 'utf8')).toBe('precious\n');
  });
});

describe('a full disk (item 2, 4, 5)', () => {
  it('export --out on a 64 KiB tmpfs stops with one line naming the output; every output complete; --resume finishes later', () => {
    const disk = smallDisk();
    if (!disk) return; // not root / no mount: the stub tests above cover the writer
    emptyDisk(disk);
    const dir = tmp();
    const inDir = corpus(dir, 2);
    const out = path.join(disk, 'out');
    const r = cli(['export', inDir, '--out', out, '--jobs', '2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^plancmp: .*out\/.*: cannot write \(ENOSPC: no space left on the device\); the export stopped after \d+ of 10 inputs — free some space/m);
    expectCleanErrors(r.err);
    const files = tree(out);
    expect(files.filter((n) => n.includes('.tmp-'))).toEqual([]);
    for (const f of files.filter((n) => n.endsWith('.json'))) expect(() => JSON.parse(readFileSync(path.join(out, f), 'utf8'))).not.toThrow();
    expect(files.length).toBeLessThan(10);
    // more room: --resume keeps what was written and completes the rest
    spawnSync('mount', ['-o', 'remount,size=8m', disk]);
    try {
      const again = cli(['export', inDir, '--out', out, '--resume', '--jobs', '2']);
      expect(again.code).toBe(0);
      expect(tree(out).filter((n) => n.endsWith('.txt.json'))).toHaveLength(10);
    } finally {
      emptyDisk(disk);
      spawnSync('mount', ['-o', 'remount,size=64k', disk]);
    }
  });

  it('export --jsonl on a full tmpfs: exit 2, no JSONL under its final name, no temporary, the old file kept', () => {
    const disk = smallDisk();
    if (!disk) return;
    emptyDisk(disk);
    const dir = tmp();
    const inDir = corpus(dir, 2);
    writeFileSync(path.join(disk, 'x.jsonl'), 'old\n');
    const r = cli(['export', inDir, '--jsonl', path.join(disk, 'x.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/x\.jsonl: cannot write \(ENOSPC/);
    expectCleanErrors(r.err);
    expect(readdirSync(disk).sort()).toEqual(['x.jsonl']);
    expect(readFileSync(path.join(disk, 'x.jsonl'), 'utf8')).toBe('old\n');
  });

  it('report --html and check --update on a full disk keep the previous good file (stub: ENOSPC after 2000 bytes)', async () => {
    const dir = tmp();
    const html = path.join(dir, 'report.html');
    writeFileSync(html, 'previous report');
    failAfter(2000);
    const r = await runCli(['report', FIXTURES[0], '--html', html]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/report\.html: cannot write \(ENOSPC/);
    expectCleanErrors(r.err);
    expect(readFileSync(html, 'utf8')).toBe('previous report');
    expect(readdirSync(dir)).toEqual(['report.html']);

    const snaps = path.join(dir, 'snaps');
    mkdirSync(snaps);
    const name = `${path.basename(FIXTURES[0], '.txt')}.parse.json`;
    writeFileSync(path.join(snaps, name), 'previous snapshot');
    const c = await runCli(['check', '--snapshot', snaps, '--update', FIXTURES[0]]);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/cannot write \(ENOSPC/);
    const left = readdirSync(snaps);
    expect(left.filter((n) => n.includes('.tmp'))).toEqual([]);
    if (left.includes(name)) expect(readFileSync(path.join(snaps, name), 'utf8')).toBe('previous snapshot');
  });

  it('a read-only file system (EROFS) and a missing directory (ENOENT) are write-failed errors, not internal ones', () => {
    const dir = tmp();
    const ro = path.join(dir, 'ro');
    mkdirSync(ro);
    const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=16k', 'tmpfs', ro]).status === 0;
    try {
      if (mounted) {
        const r = cli(['export', FIXTURES[0], '--jsonl', path.join(ro, 'x.jsonl')]);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/x\.jsonl: cannot write \(EROFS: the file system is read-only\)/);
        expectCleanErrors(r.err);
        const h = cli(['report', FIXTURES[0], '--html', path.join(ro, 'r.html')]);
        expect(h.code).toBe(2);
        expect(h.err).toMatch(/r\.html: cannot write \(EROFS/);
        // a new --out folder there: the file system's reason, not the ENOENT of a recursive mkdir
        const o = cli(['export', FIXTURES[0], '--out', path.join(ro, 'new', 'out')]);
        expect(o.code).toBe(2);
        expect(o.err).toMatch(/new\/out: cannot write \(EROFS: the file system is read-only\) — write somewhere writable/);
        // --jsonl - from a read-only directory: records on stdout, failures on stderr, nothing written here
        const s = cli(['export', FIXTURES[0], path.join(dir, 'missing.txt'), '--jsonl', '-'], { cwd: ro });
        expect(s.code).toBe(3);
        expect(s.out.trim().split('\n')).toHaveLength(1);
        expect(s.err).toMatch(/^plancmp: .*missing\.txt: no such file — check the path$/m);
        expectCleanErrors(s.err);
      }
    } finally {
      if (mounted) spawnSync('umount', [ro]);
    }
    const e = cli(['report', FIXTURES[0], '--html', path.join(dir, 'no', 'such', 'dir', 'r.html')]);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/r\.html: cannot write \(ENOENT: the directory does not exist\) — create the directory first/);
  });
});

describe('the errors file goes beside the output (issue 17)', () => {
  it('--jsonl FILE → FILE.errors.jsonl, nothing in the current directory; --jsonl - → stderr', () => {
    const dir = tmp();
    const cwd = path.join(dir, 'cwd');
    mkdirSync(cwd);
    const out = path.join(dir, 'deep', 'x.jsonl');
    const r = cli(['export', FIXTURES[0], path.join(dir, 'missing.txt'), '--jsonl', out], { cwd });
    expect(r.code).toBe(3);
    expect(readdirSync(cwd)).toEqual([]);
    const errs = readFileSync(`${out}.errors.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errs).toEqual([expect.objectContaining({ file: path.join(dir, 'missing.txt'), code: 'not-found' })]);
    expect(r.err).toContain(`failures listed in ${out}.errors.jsonl`);
    const s = cli(['export', FIXTURES[0], path.join(dir, 'missing.txt'), '--jsonl', '-'], { cwd });
    expect(s.code).toBe(3);
    expect(readdirSync(cwd)).toEqual([]);
    expect(s.err).toMatch(/missing\.txt: no such file/);
    expect(s.err).toMatch(/1 failed of 2 inputs .* — failures listed above/);
    const t = cli(['export', FIXTURES[0], path.join(dir, 'missing.txt'), '--jsonl', '-', '--errors', 'e.jsonl'], { cwd });
    expect(t.code).toBe(3);
    expect(readdirSync(cwd)).toEqual(['e.jsonl']);
  });
});

describe('--resume checks every record, not only its header (item 3)', () => {
  it('a truncated --out file is exported again, not counted up to date', () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    expect(cli(['export', FIXTURES[0], FIXTURES[1], '--out', out]).code).toBe(0);
    const f = path.join(out, tree(out).find((n) => n.endsWith(`${path.basename(FIXTURES[0])}.json`))!);
    const full = readFileSync(f, 'utf8');
    writeFileSync(f, full.slice(0, Math.floor(full.length / 2)));
    const r = cli(['export', FIXTURES[0], FIXTURES[1], '--out', out, '--resume']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/1 exported, 1 up to date \(skipped\)/);
    expect(readFileSync(f, 'utf8')).toBe(full);
  });

  it('a JSONL line with a good header but a cut or corrupted body is redone', () => {
    const dir = tmp();
    const out = path.join(dir, 'x.jsonl');
    expect(cli(['export', FIXTURES[0], FIXTURES[1], FIXTURES[2], '--jsonl', out]).code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean);
    const good = [...lines];
    lines[0] = lines[0].slice(0, lines[0].length - 200) + '\u0000garbage'; // header intact, body hand-damaged
    lines[1] = lines[1].slice(0, 5000) + '"}'; // cut
    writeFileSync(out, lines.join('\n') + '\n');
    const r = cli(['export', FIXTURES[0], FIXTURES[1], FIXTURES[2], '--jsonl', out, '--resume']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/2 exported, 1 up to date \(skipped\)/);
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toEqual(good);
  });
});

describe('special inputs: no hang, no unbounded read (items 5, 6)', () => {
  it('export of a FIFO and of /dev/zero fails each at once (listed), the batch goes on', () => {
    const dir = tmp();
    const fifo = path.join(dir, 'pipe.txt');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const out = path.join(dir, 'x.jsonl');
    const r = cli(['export', fifo, '/dev/zero', FIXTURES[0], '--jsonl', out], { timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(3);
    const errs = readFileSync(`${out}.errors.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errs.map((e) => [e.file, e.code])).toEqual([
      ['/dev/zero', 'not-a-file'],
      [fifo, 'not-a-file'],
    ]);
    expect(errs[1].message).toMatch(/named pipe/);
  });

  it('export honours PLANCMP_MAX_BYTES like parse does', () => {
    const dir = tmp();
    const out = path.join(dir, 'x.jsonl');
    const r = cli(['export', FIXTURES[0], '--jsonl', out], { env: { PLANCMP_MAX_BYTES: '1000' } });
    expect(r.code).toBe(3);
    const [e] = readFileSync(`${out}.errors.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(e).toMatchObject({ code: 'too-large', message: expect.stringMatching(/the limit is 1000 bytes/) });
  });

  it('a pipe given by name is read up to the limit only (a stream without end cannot exhaust memory)', () => {
    const dir = tmp();
    const r = sh('$PLANCMP parse <(yes 一二三四五六七八九十)', dir, { PLANCMP_MAX_BYTES: '100000' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is more than 100000 bytes; the limit is 100000 bytes/);
    const z = cli(['parse', '/dev/zero']);
    expect(z.code).toBe(2);
    expect(z.err).toMatch(/\/dev\/zero: is a device, not a regular file/);
  });

  it('a file that grows while read stops at the limit (counted while reading, not from stat)', () => {
    const dir = tmp();
    const f = path.join(dir, 'growing.txt');
    writeFileSync(f, 'a'.repeat(10));
    const realRead = fs.readSync;
    let calls = 0;
    // the file "grows" under us: every read returns a full buffer, as /dev/zero or an appended log would
    vi.spyOn(fs, 'readSync').mockImplementation(((_fd: number, buf: Buffer) => {
      calls++;
      buf.fill(0x61);
      return buf.length;
    }) as typeof fs.readSync);
    expect(() => readFileBytesSync(f, { limit: 50_000 })).toThrow(/more than 50000 bytes/);
    expect(calls).toBeLessThan(10);
    void realRead;
  });
});

describe('file names (item 12)', () => {
  it('a name whose bytes are not UTF-8 is found (parse, export of a directory) and shown with \\xNN', () => {
    const dir = tmp();
    const inDir = path.join(dir, 'in');
    mkdirSync(inDir);
    const gbk = Buffer.concat([Buffer.from(inDir + '/'), Buffer.from([0xb9, 0xfa, 0xd5, 0xfe]), Buffer.from('.txt')]); // 国政 in GBK
    fs.copyFileSync(FIXTURES[2], gbk);
    const p = sh(`$PLANCMP parse $'${inDir}/\\xb9\\xfa\\xd5\\xfe.txt' --format json`, dir);
    expect(p.code).toBe(0);
    expect(JSON.parse(p.out).tasks.length).toBeGreaterThan(10);
    expect(JSON.parse(p.out).source.file).toBe(`${inDir}/\\xB9\\xFA\\xD5\\xFE.txt`);
    const out = path.join(dir, 'x.jsonl');
    const r = cli(['export', inDir, '--jsonl', out]);
    expect(r.code).toBe(0);
    const rec = JSON.parse(readFileSync(out, 'utf8'));
    expect(rec.export.input).toBe(`${inDir}/\\xB9\\xFA\\xD5\\xFE.txt`);
    expect(displayName(Buffer.from([0x61, 0xe4, 0xb8, 0xad, 0xff]))).toBe('a中\\xFF');
  });

  it('a newline or an escape sequence in a name keeps the error on one line', () => {
    const dir = tmp();
    const f = path.join(dir, 'a\nb\u001b[2J.txt');
    writeFileSync(f, PNG);
    const r = cli(['parse', f]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('a\\nb\\x1B[2J.txt: this is a PNG file');
  });
});

describe('an unreadable subdirectory is listed in the errors file (item 13)', () => {
  it('export names it with the reason; the other files are exported', async () => {
    const dir = tmp();
    const inDir = path.join(dir, 'in');
    mkdirSync(path.join(inDir, 'locked'), { recursive: true });
    copyFileSync(FIXTURES[0], path.join(inDir, 'a.txt'));
    copyFileSync(FIXTURES[1], path.join(inDir, 'locked', 'b.txt'));
    const locked = path.join(inDir, 'locked');
    const real = fs.readdirSync;
    // root lists every directory whatever its mode: simulate the refusal others get
    vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) => {
      if (Buffer.from(p as Buffer | string).toString() === locked) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (real as (...a: unknown[]) => unknown)(p, o);
    }) as typeof fs.readdirSync);
    const out = path.join(dir, 'x.jsonl');
    const r = await runCli(['export', inDir, '--jsonl', out]);
    expect(r.code).toBe(3);
    const errs = readFileSync(`${out}.errors.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errs).toEqual([{ file: locked, code: 'unreadable-directory', message: 'cannot list the directory (permission denied)', hint: expect.any(String) }]);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});

// ---------- wrong but quiet (items 9, 10, 11, 14) ----------
import iconv from 'iconv-lite';
import { parseBytes, parseText } from '../src/index.js';
import { parsePairs } from '../src/diff/pairs.js';
import { safeForTerminal } from '../src/render/terminal.js';

describe('numbers past 999 (item 9)', () => {
  it('items 1000. and up are tasks of their own, not text merged into task 999', () => {
    let text = '二、主要任务\n（一）加强建设\n';
    for (let i = 1; i <= 1002; i++) text += `${i}.推进第${i}项工作。（市府办）\n`;
    const n = parseText(text, 'long.txt');
    expect(n.tasks).toHaveLength(1002);
    expect(n.tasks[998]).toMatchObject({ id: '1.999', number: '999', title: '推进第999项工作' });
    expect(n.tasks[1001]).toMatchObject({ id: '1.1002', number: '1002', title: '推进第1002项工作' });
    // a year at the start of a line is still text: 2018、2019年 is no item
    const y = parseText('二、主要任务\n（一）加强建设\n1.推进工作。\n2018、2019年连续两年完成。\n', 'y.txt');
    expect(y.tasks).toHaveLength(1);
  });

  it('key-list row 10000 is read', () => {
    let rows = '二、主要任务\n（一）加强建设\n1.推进工作。（责任单位：市府办）\n附件\n重点任务清单\n| 序号 | 重点任务 | 责任单位 | 时间要求 |\n|---|---|---|---|\n';
    for (let i = 9998; i <= 10001; i++) rows += `| ${i} | 推进第${i}项 | 市府办 | 2018年底前 |\n`;
    const n = parseText(rows, 'k.txt');
    expect(n.keyList.map((r) => r.id)).toEqual(['L9998', 'L9999', 'L10000', 'L10001']);
  });
});

describe('a BOM is a hint, not a verdict (item 10)', () => {
  it('UTF-8 BOM + GB18030 bytes is read as GB18030 with one warning, not as U+FFFD', () => {
    const text = readFileSync(FIXTURES[2], 'utf8');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'gb18030')]);
    const n = parseBytes(bytes, 'bom-gb.txt');
    expect(n.source.encoding).toBe('gb18030');
    expect(JSON.stringify(n)).not.toContain('\uFFFD');
    expect(n.warnings.filter((w) => w.code === 'bom-mismatch')).toEqual([
      { code: 'bom-mismatch', line: 1, message: 'the file starts with a UTF-8 byte-order mark but is encoded in GB18030; read as GB18030' },
    ]);
    expect(n.tasks.length).toBe(parseText(text, 'x.txt').tasks.length);
  });

  it('damage repeated on 70 lines is one warning with ×70, not 70 warnings', () => {
    const lines = Array.from({ length: 70 }, (_, i) => `第${i}行文字\uFFFD损坏`).join('\n');
    const n = parseText(`二、主要任务\n（一）加强建设\n1.推进工作。\n${lines}\n`, 'd.txt');
    const dmg = n.warnings.filter((w) => w.code === 'replacement-char');
    expect(dmg).toHaveLength(1);
    expect(dmg[0].message).toMatch(/\(×70, lines 4, 5, 6, 7, 8, …\)$/);
    // a few stay separate, each on its line
    const few = parseText(`二、主要任务\n（一）加强建设\n1.推进工作。\n甲\uFFFD\n乙\uFFFD\n`, 'f.txt');
    expect(few.warnings.filter((w) => w.code === 'replacement-char').map((w) => w.line)).toEqual([4, 5]);
  });
});

describe('escape sequences in documents never reach the terminal raw (item 11)', () => {
  const hostile = '关于印发\u001b[2J\u001b]0;owned\u0007实施方案的通知\n二、主要任务\n（一）加强\u009b31m建设\n1.推进\u001b[31m工作\u202e。（市府办）\n';
  it('parse and diff in text and Markdown: no ESC/BEL/C1 from the document; JSON keeps them escaped', async () => {
    const dir = tmp();
    const f = path.join(dir, 'esc.txt');
    writeFileSync(f, hostile);
    for (const args of [['parse', f, '--format', 'text'], ['parse', f, '--format', 'md'], ['diff', f], ['diff', f, '--format', 'md'], ['check', f]]) {
      const r = await runCli(args, { env: { FORCE_COLOR: '0', NO_COLOR: '1' } });
      expect(r.out, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
      if (args[0] !== 'check') expect(r.out, args.join(' ')).toContain('\\x1B[');
    }
    const j = await runCli(['parse', f]);
    expect(JSON.parse(j.out).tasks[0].title).toContain('\u001b[31m');
  });

  it('colours plancmp adds itself still work', async () => {
    const dir = tmp();
    const f = path.join(dir, 'esc.txt');
    writeFileSync(f, hostile);
    const r = await runCli(['diff', f], { env: { FORCE_COLOR: '1' } });
    expect(r.out).toContain('\u001b['); // our own colour codes
    expect(r.out).not.toContain('\u001b[2J');
    expect(safeForTerminal('a\u001b[2Jb\n\tc\u0085')).toBe('a\\x1B[2Jb\n\tc\\x85');
  });
});

describe('--pairs mistakes are named (item 14)', () => {
  it('a top-level array, unknown keys and a pin that is also banned are refused', () => {
    expect(() => parsePairs([{ base: '1.1', local: '1.1' }], 'p.json')).toThrow(/is a JSON array, not an object/);
    expect(() => parsePairs({ pins: [] }, 'p.json')).toThrow(/unknown key "pins"/);
    expect(() => parsePairs({ pin: [{ base: '1.1', local: '2.1' }], ban: [{ base: '1.1', local: '2.1' }] }, 'p.json')).toThrow(/pins and bans the same link: base 1\.1 ↔ local 2\.1/);
  });

  it('unknown task ids are warned about, with the ids, and the diff still runs', async () => {
    const dir = tmp();
    const p = path.join(dir, 'p.json');
    writeFileSync(p, JSON.stringify({ pin: [{ base: '99.1', local: '1.1' }], ban: [{ base: '1.1', local: '77.7' }] }));
    const r = await runCli(['diff', FIXTURES[0], '--pairs', p]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`plancmp: warning: ${p}: pin[0]: the base has no task 99.1 (ignored)`);
    expect(r.err).toContain(`plancmp: warning: ${p}: ban[0]: the local plan has no task 77.7 (ignored)`);
    writeFileSync(p, '[]');
    const a = await runCli(['diff', FIXTURES[0], '--pairs', p]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/p\.json: is a JSON array/);
  });
});

describe('capAttributes', () => {
  it('cuts only past the limit, reading quoted values (with > and < inside) the way the tokenizer does', async () => {
    const { capAttributes } = await import('../src/read/html-attrs.js');
    expect(capAttributes('<p a b c d e>x</p><p a="1" b>y</p>', 3)).toEqual({ html: '<p a b c >x</p><p a="1" b>y</p>', cut: 1 });
    expect(capAttributes('<p a = "x>" b=c d e f>x', 3)).toEqual({ html: '<p a = "x>" b=c d >x', cut: 1 });
    expect(capAttributes("<img a='<' b='2' c d/>q", 3).html).toBe("<img a='<' b='2' c >q");
    const page = '<div class="a" id="b" style="c">text</div>';
    expect(capAttributes(page, 3)).toEqual({ html: page, cut: 0 });
  });
});

describe('every write failure is a one-line write-failed error (issue 17)', () => {
  const failWith = (code: string) =>
    vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error(`${code}: simulated`), { code });
    });

  it('EACCES, EIO on report; EISDIR for a directory given as the output', async () => {
    const dir = tmp();
    for (const [code, text] of [
      ['EACCES', 'permission denied'],
      ['EIO', 'input/output error'],
    ]) {
      failWith(code);
      const r = await runCli(['report', FIXTURES[0], '--html', path.join(dir, 'r.html')]);
      vi.restoreAllMocks();
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^plancmp: .*r\\.html: cannot write \\(${code}: ${text}\\)`));
      expectCleanErrors(r.err);
    }
    const d = await runCli(['report', FIXTURES[0], '--csv', dir]);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/cannot write \(EISDIR: it is a directory\) — give a file name/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('EIO while export --out writes: the batch stops at once with the output named, no temporary left', async () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    failWith('EIO');
    const r = await runCli(['export', FIXTURES[0], FIXTURES[1], FIXTURES[2], '--out', out]);
    vi.restoreAllMocks();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^plancmp: .*\.txt\.json: cannot write \(EIO: input\/output error\); the export stopped after 0 of 3 inputs/m);
    expectCleanErrors(r.err);
    expect(tree(out).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});
