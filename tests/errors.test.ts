// Hostile and broken input through the command line (issue 6): every input error names the file,
// says what is wrong and what to do, exits 2 (3 when only some files of a batch failed), and
// prints no stack trace unless --debug. Runs execute() in-process with a fake Io.
import { describe, it, expect, beforeAll, afterEach, vi } from 'vitest';
import { Writable, Readable } from 'node:stream';
import fs, { promises as fsp, mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { execute } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';

const FIXTURE = readFileSync(new URL('../fixtures/002_2cdac00586eece9b.txt', import.meta.url), 'utf8');

function fakeIo(env: NodeJS.ProcessEnv = { NO_COLOR: '1' }) {
  const io = { out: '', err: '' };
  const stdout = new Writable({ write: (c, _e, cb) => ((io.out += c), cb()) });
  const stderr = new Writable({ write: (c, _e, cb) => ((io.err += c), cb()) });
  return { io, fake: { stdout, stderr, stdin: Readable.from([]), env } satisfies Io };
}

async function run(args: string[], exec: typeof execute = execute) {
  const { io, fake } = fakeIo();
  const code = await exec(args, fake);
  return { code, out: io.out, err: io.err };
}

/** A stack frame line as Node prints it. */
const STACK = /\n\s+at \S/;

let dir: string;
const file = (name: string, content: string | Uint8Array) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plancmp-errors-'));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/**
 * Asserts the one-line error `plancmp: FILE: WHAT — WHAT TO DO`, exit code 2 and no stack trace,
 * for both `parse` and `diff`.
 */
async function expectInputError(f: string, what: RegExp, todo: RegExp, extra: string[] = []) {
  for (const cmd of ['parse', 'diff']) {
    const r = await run([cmd, f, ...extra]);
    expect(r.code, `${cmd}: exit code`).toBe(2);
    expect(r.out, `${cmd}: nothing on stdout`).toBe('');
    const line = r.err.trim();
    expect(line.split('\n'), `${cmd}: one line`).toHaveLength(1);
    expect(line.startsWith(`plancmp: ${f}: `), `${cmd}: names the file: ${line}`).toBe(true);
    expect(line, `${cmd}: what is wrong`).toMatch(what);
    expect(line, `${cmd}: what to do`).toMatch(new RegExp(` — .*${todo.source}`));
    expect(r.err).not.toMatch(STACK);
  }
}

describe('input errors: the file system', () => {
  it('a missing file', async () => {
    await expectInputError(join(dir, 'nope', 'missing.txt'), /no such file/, /check the path/);
  });

  it('a directory with no notice in it (a directory is a folder of inputs, as in export)', async () => {
    const sub = join(dir, 'folder');
    mkdirSync(sub, { recursive: true });
    await expectInputError(sub, /no \.txt \.htm \.html .* files in this directory/, /give notice files, directories holding them/);
  });

  it('no read permission (EACCES)', async () => {
    const f = file('locked.txt', FIXTURE);
    if (process.getuid?.() === 0) {
      // root reads every file regardless of its mode: simulate the refusal the OS gives others
      const denied = Object.assign(new Error(`EACCES: permission denied, open '${f}'`), { code: 'EACCES', errno: -13, syscall: 'open', path: f });
      const open = fs.openSync;
      vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
        if (String(p) === f) throw denied;
        return (open as (...a: unknown[]) => number)(p, ...rest);
      }) as typeof fs.openSync);
    } else {
      await fsp.chmod(f, 0o000);
    }
    await expectInputError(f, /cannot read the file \(permission denied\)/, /check its permissions/);
  });

  it('a special file that fails to read (/proc/self/mem: EIO, even for root)', async () => {
    await expectInputError('/proc/self/mem', /cannot read the file \(EIO\)/, /check that it is a regular, readable file/);
  });

  it('an empty file, and one holding only whitespace', async () => {
    await expectInputError(file('empty.txt', ''), /the file is empty/, /check that the download or export completed/);
    await expectInputError(file('blank.txt', ' \n\u3000\r\n\t'), /the file is empty/, /check that the download or export completed/);
  });
});

describe('input errors: not a text notice', () => {
  it('a PNG image', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await expectInputError(file('scan.png', png), /this is a PNG file, not a text or HTML notice/, /give a \.txt or \.html notice/);
  });

  it('a ZIP archive (even named .txt)', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), Buffer.from('notice.txt'), Buffer.alloc(64, 7)]);
    await expectInputError(file('archive.txt', zip), /this is a ZIP file/, /give a \.txt or \.html notice/);
  });

  it('a damaged PDF', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
    await expectInputError(file('notice.pdf', pdf), /cannot read this PDF file/, /damaged, truncated or not really a PDF file/);
  });

  it('UTF-16 without a byte-order mark', async () => {
    await expectInputError(file('utf16.txt', iconv.encode(FIXTURE, 'utf-16le')), /looks like UTF-16 without a byte-order mark/, /pass --encoding utf-16le/);
    await expectInputError(file('utf16be.txt', iconv.encode(FIXTURE, 'utf-16be')), /looks like UTF-16 without a byte-order mark/, /pass --encoding utf-16le \(or utf-16be\)/);
    // and it reads once told
    const r = await run(['parse', join(dir, 'utf16.txt'), '--encoding', 'utf-16le']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tasks).toHaveLength(41);
  });

  it('GBK bytes forced with --encoding utf-8', async () => {
    const f = file('gbk.txt', iconv.encode(FIXTURE, 'gbk'));
    await expectInputError(f, /decoding as utf-8 produced \d+ replacement characters/, /the file is probably in another encoding; try without --encoding/, ['--encoding', 'utf-8']);
  });

  it('GBK bytes forced with --encoding big5 (garbled without a single invalid byte)', async () => {
    const f = file('gbk-as-big5.txt', iconv.encode(FIXTURE, 'gbk'));
    await expectInputError(f, /decoded as big5 the text is garbled; it reads as gb18030/, /pass --encoding gb18030, or leave out --encoding/, ['--encoding', 'big5']);
    // detection gets it right
    const r = await run(['parse', f]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).source.encoding).toBe('gb18030');
  });

  it('an unknown --encoding name lists the accepted ones', async () => {
    const f = file('plain.txt', FIXTURE);
    await expectInputError(f, /unknown encoding "latin-9"/, /use one of: .*gb18030.*big5/, ['--encoding', 'latin-9']);
  });

  it('random high bytes that are no known encoding', async () => {
    const junk = Uint8Array.from({ length: 3000 }, (_, i) => 0x80 + ((i * 37) % 0x7f));
    await expectInputError(file('junk.txt', junk), /cannot tell the text encoding/, /pass --encoding utf-8\|gb18030\|big5\|utf-16le/);
  });
});

describe('input errors: the size limit', () => {
  it('a file over the limit (PLANCMP_MAX_BYTES, default 20 MiB) is refused before it is read', async () => {
    const f = file('big.txt', FIXTURE);
    const size = Buffer.byteLength(FIXTURE);
    vi.stubEnv('PLANCMP_MAX_BYTES', '1000');
    const read = vi.spyOn(fsp, 'readFile');
    await expectInputError(f, new RegExp(`is ${size} bytes; the limit is 1000 bytes`), /split the file, or raise the limit with PLANCMP_MAX_BYTES=<bytes>/);
    expect(read).not.toHaveBeenCalled();
    vi.stubEnv('PLANCMP_MAX_BYTES', String(size));
    expect((await run(['parse', f])).code).toBe(0);
  });

  it('standard input over the limit is cut off while streaming', async () => {
    vi.stubEnv('PLANCMP_MAX_BYTES', '1000');
    const { io, fake } = fakeIo();
    fake.stdin = Readable.from([Buffer.from(FIXTURE)]);
    const code = await execute(['parse', '-'], fake);
    expect(code).toBe(2);
    expect(io.err.trim()).toBe('plancmp: <stdin>: is more than 1000 bytes; the limit is 1000 bytes — split the file, or raise the limit with PLANCMP_MAX_BYTES=<bytes>');
  });

  it('a malformed PLANCMP_MAX_BYTES is a usage error', async () => {
    vi.stubEnv('PLANCMP_MAX_BYTES', '20MB');
    const r = await run(['parse', file('ok.txt', FIXTURE)]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('plancmp: PLANCMP_MAX_BYTES="20MB" is not a number of bytes — set it to a positive whole number such as 20971520, or unset it');
  });
});

describe('input errors: no notice, no tasks', () => {
  it('an HTML page with no notice in it (a list page, content loaded by script)', async () => {
    const page = `<!DOCTYPE html><html><head><title>政府文件</title><script>loadContent()</script></head><body>
<div class="nav"><a href="/">首页</a><a href="/zw">政务公开</a></div>
<ul class="list"><li><a href="/a1.html">关于印发某某方案的通知</a></li><li><a href="/a2.html">关于开展某某工作的通知</a></li></ul>
<div id="content"></div></body></html>`;
    await expectInputError(file('list.html', page), /no notice text found in this HTML page/, /check that the page is the notice itself, not a list, search or login page/);
  });

  const NO_TASKS = '某某市人民政府关于召开会议的通知\n某政发〔2018〕3号\n各单位：\n定于下周召开会议，请准时参加。\n某某市人民政府\n2018年5月2日\n';

  it('parse: a notice with no tasks prints its JSON (warning no-tasks), says "no tasks found" on stderr, exits 0', async () => {
    const f = file('meeting.txt', NO_TASKS);
    const r = await run(['parse', f]);
    expect(r.code).toBe(0);
    const n = JSON.parse(r.out);
    expect(n.tasks).toEqual([]);
    expect(n.meta.docNumber).toBe('某政发〔2018〕3号');
    expect(n.warnings.map((w: { code: string }) => w.code)).toContain('no-tasks');
    expect(r.err.trim()).toMatch(new RegExp(`^plancmp: ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no tasks found \\(no-tasks\\) — .*二、主要任务$`));
  });

  it('diff: a notice with no tasks exits 2, "no tasks found" with the structural warnings and what to do', async () => {
    const f = file('meeting2.txt', NO_TASKS);
    const r = await run(['diff', f]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim()).toBe(`plancmp: ${f}: no tasks found (no-tasks) — run \`plancmp parse --format text\` on it to see what was recognised`);
    expect(r.err).not.toMatch(STACK);
  });

  it('diff: a notice whose main part has no numbered items names that part', async () => {
    const f = file('parts.txt', '某某县实施方案\n一、总体要求\n提高效率。\n二、主要任务\n加强建设，推进改革。\n三、保障措施\n加强领导。\n');
    const r = await run(['diff', f, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no tasks found \(.*no-tasks.*\)/);
    const p = await run(['parse', f]);
    expect(JSON.parse(p.out).warnings).toContainEqual(expect.objectContaining({ code: 'no-tasks', message: 'no numbered tasks found in part 二、主要任务' }));
  });
});

describe('batches: one bad file does not stop the others', () => {
  it('parse with a good and a broken file prints the good one and exits 3', async () => {
    const good = file('good.txt', FIXTURE);
    const bad = file('bad.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const r = await run(['parse', bad, good]);
    expect(r.code).toBe(3);
    // several files make an array, whatever became of them
    expect(JSON.parse(r.out).map((n: { tasks: unknown[] }) => n.tasks.length)).toEqual([41]);
    expect(r.err.trim().split('\n')).toEqual([`plancmp: ${bad}: this is a PNG file, not a text or HTML notice — give a .txt or .html notice`, 'plancmp: 1 of 2 files failed (named above); the others were parsed']);
  });
});

describe('internal errors: a stack trace only with --debug', () => {
  // Provoke a bug (a plain Error, not a PlancmpError) inside the pipeline with a mocked parse stage.
  async function buggyExecute(): Promise<typeof execute> {
    vi.resetModules();
    vi.doMock('../src/parse/index.js', async (orig) => ({
      ...(await orig<typeof import('../src/parse/index.js')>()),
      parseNormalized: () => {
        throw new TypeError('boom: cannot read properties of undefined');
      },
    }));
    const m = await import('../src/cli/main.js');
    return m.execute;
  }
  afterEach(() => {
    vi.doUnmock('../src/parse/index.js');
    vi.resetModules();
  });

  it('without --debug: one line, asks to report it, no stack', async () => {
    const exec = await buggyExecute();
    const f = file('any.txt', FIXTURE);
    for (const cmd of ['parse', 'diff']) {
      const r = await run([cmd, f], exec);
      expect(r.code).toBe(2);
      expect(r.err.trim()).toBe('plancmp: internal error: boom: cannot read properties of undefined (run with --debug for details, and please report it)');
      expect(r.err).not.toMatch(STACK);
    }
  });

  it('with --debug: the stack trace follows', async () => {
    const exec = await buggyExecute();
    const f = file('any2.txt', FIXTURE);
    for (const args of [['--debug', 'parse', f], ['--debug', 'diff', f], ['diff', f, '--debug']]) {
      const r = await run(args, exec);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('plancmp: internal error: boom');
      expect(r.err).toMatch(/TypeError: boom[^\n]*\n\s+at /);
    }
  });

  it('--debug on a user error adds the stack but keeps the message first', async () => {
    const r = await run(['--debug', 'parse', join(dir, 'missing-too.txt')]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`plancmp: ${join(dir, 'missing-too.txt')}: no such file — check the path`);
    expect(r.err).toMatch(STACK);
  });
});
