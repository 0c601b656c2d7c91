import { FIXTURE_FILES, PNG_BYTES, runCli, tree } from './helpers.js';
// plancmp export: batch export with worker threads, errors list, atomic writes, --resume, JSONL.
// Tests that need worker threads spawn the built CLI (bin/plancmp.js → dist/, worker in
// dist/export/worker.js); the others run execute() in-process, where the TypeScript sources have no
// compiled worker beside them and the export runs inline.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execute } from '../src/cli/main.js';
import { globToRegExp, globRoot } from '../src/read/glob.js';
import { baseOutputName, OutputNamer } from '../src/export/naming.js';
import { defaultJobs, jobsFor, TEXT_INPUTS_PER_WORKER } from '../src/export/options.js';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'plancmp.js');
const FIXTURES = FIXTURE_FILES;
const PNG = PNG_BYTES;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'plancmp-export-'));


function cli(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const run = (args: string[], stdin = '') => runCli(args, { stdin });

function newest(dir: string, ext: string): number {
  let m = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) m = Math.max(m, newest(p, ext));
    else if (e.name.endsWith(ext)) m = Math.max(m, statSync(p).mtimeMs);
  }
  return m;
}

beforeAll(() => {
  // The spawned CLI runs dist/; build it when it is missing or older than the sources.
  const worker = path.join(ROOT, 'dist', 'export', 'worker.js');
  const cmd = path.join(ROOT, 'dist', 'cli', 'export-command.js');
  if (!existsSync(worker) || !existsSync(cmd) || newest(path.join(ROOT, 'src'), '.ts') > newest(path.join(ROOT, 'dist'), '.js')) {
    spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'ignore' });
  }
  expect(existsSync(worker), 'dist/export/worker.js must exist (npx tsc -p tsconfig.json)').toBe(true);
}, 120_000);

describe('worker threads when --jobs is not given', () => {
  const texts = (n: number) => Array.from({ length: n }, (_, i) => `corpus/site${i % 50}/${i}.txt`);
  it('half the cores (rounded up), and more, up to all of them, at one per TEXT_INPUTS_PER_WORKER text or HTML inputs', () => {
    expect(TEXT_INPUTS_PER_WORKER).toBe(300);
    // 2 cores: one worker until the batch pays for a second one's warm-up
    expect(jobsFor(texts(5), 2)).toBe(1);
    expect(jobsFor(texts(599), 2)).toBe(1);
    expect(jobsFor(texts(600), 2)).toBe(2);
    expect(jobsFor(texts(10_000), 2)).toBe(2);
    // 8 cores: four workers have room for their compilers; more for larger batches
    expect(jobsFor(texts(5), 8)).toBe(4);
    expect(jobsFor([...texts(1499), 'a/notice.HTML'], 8)).toBe(5);
    expect(jobsFor(texts(10_000), 8)).toBe(8);
    expect(jobsFor(texts(5), 1)).toBe(1);
    expect(jobsFor(texts(5), 0)).toBe(1);
  });
  it('every core for a batch holding a document file (PDF, DOCX, DOC/WPS, OFD), or read with --ocr', () => {
    for (const doc of ['scan.pdf', 'a/通知.DOCX', 'old.doc', 'x.wps', 'y.ofd']) expect(jobsFor([...texts(5), doc], 4), doc).toBe(4);
    expect(jobsFor(texts(5), 4, true)).toBe(4);
  });
  it('without --jobs a small batch runs on half the cores; --jobs 2 is taken as given', () => {
    const dir = tmp();
    const auto = cli(['export', ...FIXTURES, '--out', path.join(dir, 'a')]);
    expect(auto.code).toBe(0);
    const half = Math.min(FIXTURES.length, Math.ceil(defaultJobs() / 2));
    expect(auto.err).toMatch(new RegExp(`\\b${half} worker threads?\\)`));
    const two = cli(['export', ...FIXTURES, '--out', path.join(dir, 'b'), '--jobs', '2']);
    expect(two.code).toBe(0);
    expect(two.err).toMatch(/\b2 worker threads\)/);
    // the records do not depend on the number of workers
    const records = tree(path.join(dir, 'a')).filter((f) => f.endsWith('.json'));
    expect(records).toHaveLength(FIXTURES.length);
    expect(tree(path.join(dir, 'b')).filter((f) => f.endsWith('.json'))).toEqual(records);
    for (const f of records) expect(readFileSync(path.join(dir, 'a', f), 'utf8')).toBe(readFileSync(path.join(dir, 'b', f), 'utf8'));
  });
});

describe('plancmp export --out (worker threads)', () => {
  it('exports every good notice, lists the bad ones with path and reason, exits 3', () => {
    const dir = tmp();
    const inDir = path.join(dir, 'in');
    mkdirSync(path.join(inDir, 'sub'), { recursive: true });
    for (const f of FIXTURES) copyFileSync(f, path.join(inDir, path.basename(f)));
    writeFileSync(path.join(inDir, 'sub', 'picture.txt'), PNG);
    writeFileSync(path.join(inDir, 'empty.txt'), '');
    writeFileSync(path.join(inDir, 'ignored.rtf'), 'not taken from a directory: wrong extension');
    const out = path.join(dir, 'out');
    const r = cli(['export', 'in', '--out', 'out', '--jobs', '2'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.out).toBe(''); // nothing but results on stdout, and --out writes none there
    expect(r.err).toMatch(/plancmp export: 5 exported, 2 failed of 7 inputs/);
    expect(r.err).toContain('out/errors.jsonl');

    expect(tree(out)).toEqual([...FIXTURES.map((f) => `${path.basename(f)}.json`), 'errors.jsonl'].sort());
    for (const f of FIXTURES) {
      const rec = JSON.parse(readFileSync(path.join(out, `${path.basename(f)}.json`), 'utf8'));
      expect(rec.export).toMatchObject({ input: `in/${path.basename(f)}`, sha256: sha(readFileSync(f)), plancmp: '0.1.0', schema: 'plancmp.parse/1', diff: null });
      expect(rec.notice.schema).toBe('plancmp.parse/1');
      expect(rec.notice.tasks.length).toBeGreaterThan(0);
    }
    const errors = readFileSync(path.join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors).toEqual([
      expect.objectContaining({ file: 'in/empty.txt', code: 'empty', message: expect.stringContaining('empty') }),
      expect.objectContaining({ file: 'in/sub/picture.txt', code: 'binary', message: expect.stringContaining('PNG') }),
    ]);
  }, 60_000);

  it('a notice without tasks still exports (a valid parse with warnings); all good → exit 0 and an empty errors list', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'meeting.txt'), '某某市人民政府关于召开会议的通知\n各单位：\n定于下周召开会议，请准时参加。\n');
    const r = cli(['export', 'meeting.txt', FIXTURES[0], '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    const rec = JSON.parse(readFileSync(path.join(dir, 'out', 'meeting.txt.json'), 'utf8'));
    expect(rec.notice.tasks).toEqual([]);
    expect(rec.notice.warnings.map((w: { code: string }) => w.code)).toContain('no-tasks');
    expect(readFileSync(path.join(dir, 'out', 'errors.jsonl'), 'utf8')).toBe('');
  }, 60_000);

  it('killed midway (kill -9) and resumed: the output equals an uninterrupted run, and no partial file is ever visible', async () => {
    const dir = tmp();
    const inDir = path.join(dir, 'in');
    const COPIES = 150; // 750 notices: a few seconds of work, so the kill lands midway
    for (let i = 0; i < COPIES; i++) {
      const d = path.join(inDir, `site${String(i).padStart(3, '0')}`);
      mkdirSync(d, { recursive: true });
      for (const f of FIXTURES) copyFileSync(f, path.join(d, path.basename(f)));
    }
    const total = COPIES * FIXTURES.length;
    const finals = (d: string) => (existsSync(d) ? tree(d).filter((f) => f.endsWith('.json')) : []);

    const child = spawn(process.execPath, [BIN, 'export', 'in', '--out', 'out', '--jobs', '2'], { cwd: dir, stdio: 'ignore' });
    let exited = false;
    child.on('exit', () => (exited = true));
    const t0 = Date.now();
    while (finals(path.join(dir, 'out')).length < 20 && !exited && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 10));
    expect(exited, 'the export finished before it could be killed').toBe(false);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const seen = finals(path.join(dir, 'out'));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(total);
    for (const f of seen) expect(() => JSON.parse(readFileSync(path.join(dir, 'out', f), 'utf8')), f).not.toThrow();
    // anything unfinished is under a hidden temporary name, never under a final one
    for (const f of tree(path.join(dir, 'out'))) expect(f.endsWith('.json') || /(^|\/)\.[^/]+\.tmp-h[0-9a-f]{8}-\d+-\d+-\d+$/.test(f), f).toBe(true);

    const resumed = cli(['export', 'in', '--out', 'out', '--jobs', '2', '--resume'], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(resumed.err).toMatch(new RegExp(`(\\d+) up to date \\(skipped\\)`));
    expect(Number(/([\d,]+) up to date/.exec(resumed.err)![1].replace(/,/g, ''))).toBeGreaterThanOrEqual(seen.length);

    const fresh = cli(['export', 'in', '--out', 'full', '--jobs', '2'], { cwd: dir });
    expect(fresh.code).toBe(0);
    const a = tree(path.join(dir, 'out'));
    const b = tree(path.join(dir, 'full'));
    expect(a).toEqual(b);
    expect(a.filter((f) => f.endsWith('.json'))).toHaveLength(total);
    for (const f of a) {
      expect(readFileSync(path.join(dir, 'out', f)).equals(readFileSync(path.join(dir, 'full', f))), f).toBe(true);
      if (f.endsWith('.json')) JSON.parse(readFileSync(path.join(dir, 'out', f), 'utf8'));
    }

    // an unchanged corpus resumes to nothing; a changed input is redone
    writeFileSync(path.join(inDir, 'site000', path.basename(FIXTURES[4])), readFileSync(FIXTURES[3]));
    const again = cli(['export', 'in', '--out', 'out', '--resume'], { cwd: dir });
    expect(again.err).toMatch(/1 exported, 749 up to date \(skipped\), 0 failed of 750 inputs/);
    // an input that now fails loses its old output, and is listed
    writeFileSync(path.join(inDir, 'site001', path.basename(FIXTURES[0])), PNG);
    const broken = cli(['export', 'in', '--out', 'out', '--resume'], { cwd: dir });
    expect(broken.code).toBe(3);
    expect(existsSync(path.join(dir, 'out', 'site001', `${path.basename(FIXTURES[0])}.json`))).toBe(false);
    expect(readFileSync(path.join(dir, 'out', 'errors.jsonl'), 'utf8')).toContain(`site001/${path.basename(FIXTURES[0])}`);
  }, 120_000);
});

describe('plancmp export --jsonl', () => {
  it('writes one record per line that a standard consumer loads (python3 json), in sorted input order, the same with 1 or 2 jobs', () => {
    const dir = tmp();
    const bad = path.join(dir, 'bad.html');
    writeFileSync(bad, PNG);
    const a = cli(['export', ...[...FIXTURES].reverse(), bad, '--jsonl', path.join(dir, 'a.jsonl'), '--jobs', '2', '--errors', path.join(dir, 'err.jsonl'), '--diff'], { cwd: dir });
    expect(a.code).toBe(3);
    const b = cli(['export', ...FIXTURES, bad, '--jsonl', path.join(dir, 'b.jsonl'), '--jobs', '1', '--errors', path.join(dir, 'err2.jsonl'), '--diff'], { cwd: dir });
    expect(b.code).toBe(3);
    expect(readFileSync(path.join(dir, 'a.jsonl')).equals(readFileSync(path.join(dir, 'b.jsonl')))).toBe(true);

    const py = spawnSync('python3', ['-c', 'import json,sys; rs=[json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]; print(len(rs), ",".join(r["export"]["input"].split("/")[-1] for r in rs), all("diff" in r and "notice" in r for r in rs))', path.join(dir, 'a.jsonl')], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    expect(py.stdout.trim()).toBe(`5 ${FIXTURES.map((f) => path.basename(f)).join(',')} True`);

    const lines = readFileSync(path.join(dir, 'a.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].diff.schema).toBe('plancmp.diff/1');
    expect(lines[0].export.diff).toMatchObject({ schema: 'plancmp.diff/1', base: 'embedded' });
    expect(lines[0].diff.summary).toMatchObject({ baseTasks: 41, localTasks: 32, dropped: 1 });
    expect(readFileSync(path.join(dir, 'err.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))).toEqual([{ file: bad, code: 'binary', message: expect.any(String), hint: expect.any(String) }]);
  }, 60_000);

  it('--jsonl - prints only records on stdout; the summary goes to stderr', () => {
    const r = cli(['export', 'fixtures/*.txt', '--jsonl', '-']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(JSON.parse(l).notice.schema).toBe('plancmp.parse/1');
    expect(r.err).toMatch(/^plancmp export: 5 exported, 0 failed of 5 inputs/);
  }, 60_000);

  it('--resume reuses the records of an earlier run whose inputs are unchanged', () => {
    const dir = tmp();
    const file = path.join(dir, 'all.jsonl');
    expect(cli(['export', ...FIXTURES, '--jsonl', file]).code).toBe(0);
    const first = readFileSync(file);
    const r = cli(['export', ...FIXTURES, '--jsonl', file, '--resume']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/0 exported, 5 up to date \(skipped\)/);
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(readdirSync(dir)).toEqual(['all.jsonl']);
  }, 60_000);
});

describe('plancmp export: inputs, names and usage (in-process)', () => {
  it('paths like ../../x or absolute paths never write outside --out', async () => {
    const dir = tmp();
    const deep = path.join(dir, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(dir, 'x.txt'), readFileSync(FIXTURES[3]));
    writeFileSync(path.join(dir, 'a', 'x.txt'), readFileSync(FIXTURES[3]));
    const out = path.join(deep, 'out');
    const before = tree(dir);
    // relative paths full of .. (from the test's working directory), absolute ones, a duplicate, one that does not exist
    const rel = (p: string) => path.relative(process.cwd(), p);
    const list = [rel(path.join(dir, 'x.txt')), rel(path.join(dir, 'a', 'x.txt')), path.join(dir, 'x.txt'), path.join(dir, 'a', 'b', '..', 'x.txt'), `${'../'.repeat(30)}no-such-x.txt`, ''].join('\n');
    expect(list).toMatch(/\.\.\//);
    const r = await run(['export', '-', '--out', out], list);
    expect(r.code).toBe(3); // the missing file is listed, not written
    const added = tree(dir).filter((f) => !before.includes(f));
    expect(added.length).toBeGreaterThan(0);
    for (const f of added) expect(f.startsWith('a/b/c/out/'), f).toBe(true);
    const names = tree(out);
    expect(names.filter((n) => n.endsWith('.json'))).toHaveLength(2); // dir/x.txt and dir/a/x.txt, each once
    for (const n of names) expect(path.resolve(out, n).startsWith(out + path.sep)).toBe(true);
    expect(names.some((n) => n.includes('..'))).toBe(false);
    const errors = readFileSync(path.join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors).toEqual([expect.objectContaining({ code: 'not-found', file: expect.stringContaining('no-such-x.txt') })]);
  }, 60_000);

  it('output names: dot segments and roots are dropped, unsafe characters replaced, collisions hashed', () => {
    expect(baseOutputName('../../x.txt')).toBe('x.txt.json');
    expect(baseOutputName('/etc/passwd')).toBe('etc/passwd.json');
    expect(baseOutputName('C:\\data\\a.html')).toBe('data/a.html.json');
    expect(baseOutputName('..')).toBe('input.json');
    expect(baseOutputName('a/.hidden/b:c?.txt')).toBe('a/_.hidden/b_c_.txt.json');
    const n = new OutputNamer('/tmp/out');
    expect(n.name('x.txt')).toBe('x.txt.json');
    expect(n.name('../x.txt')).toMatch(/^x\.txt~[0-9a-f]{8}\.json$/);
    expect(n.name('X.TXT')).toMatch(/^X\.TXT~[0-9a-f]{8}\.json$/); // case-insensitive file systems
    expect(() => n.resolve('../escape.json')).toThrow();
  });

  it('glob patterns: *, ?, **, [..] and {a,b}; the literal part is where the walk starts', () => {
    expect(globRoot('fixtures/**/*.txt')).toEqual({ root: 'fixtures', rest: '**/*.txt' });
    expect(globRoot('*.txt')).toEqual({ root: '.', rest: '*.txt' });
    expect(globRoot('/data/x/*.html')).toEqual({ root: '/data/x', rest: '*.html' });
    const re = globToRegExp('**/*.{htm,html}');
    expect(re.test('a.html')).toBe(true);
    expect(re.test('x/y/a.htm')).toBe(true);
    expect(re.test('x/y/a.txt')).toBe(false);
    expect(re.test('.git/a.html')).toBe(false);
    expect(globToRegExp('00[0-2]_?.txt').test('001_a.txt')).toBe(true);
    expect(globToRegExp('00[!0-2]*.txt').test('001_a.txt')).toBe(false);
    expect(globToRegExp('*.txt').test('sub/a.txt')).toBe(false);
  });

  it('directories are walked recursively with --ext; globs and - lists work; order is sorted and de-duplicated', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'c', 'deep'), { recursive: true });
    copyFileSync(FIXTURES[0], path.join(dir, 'c', 'deep', 'b.htm'));
    copyFileSync(FIXTURES[1], path.join(dir, 'c', 'a.TXT'));
    copyFileSync(FIXTURES[2], path.join(dir, 'c', 'skip.md'));
    const jsonl = path.join(dir, 'o.jsonl');
    const r = await run(['export', path.join(dir, 'c'), `${dir}/c/**/*.htm`, '-', '--jsonl', jsonl, '--ext', 'txt,.htm'], `${path.join(dir, 'c', 'a.TXT')}\n`);
    expect(r.code).toBe(0);
    const inputs = readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l).export.input);
    expect(inputs).toEqual([path.join(dir, 'c', 'a.TXT'), path.join(dir, 'c', 'deep', 'b.htm')]);
  }, 60_000);

  it('usage errors exit 2: neither or both outputs, a bad --jobs, no inputs, --resume to stdout, a directory as --base, --base without --diff', async () => {
    const cases: [string[], RegExp][] = [
      [['export', FIXTURES[0]], /--out DIR .*, --jsonl FILE .* or --tables DIR/],
      [['export', FIXTURES[0], '--jsonl', '-', '--bases', 'fixtures/chain'], /--bases goes with --diff --base auto/],
      [['export', FIXTURES[0], '--tables', FIXTURES[1]], /--tables: .* is not a directory/],
      [['export', FIXTURES[0], '--out', tmp(), '--jsonl', '-'], /not both/],
      [['export', FIXTURES[0], '--jsonl', '-', '--jobs', '0'], /--jobs/],
      [['export', FIXTURES[0], '--jsonl', '-', '--jobs', 'many'], /--jobs/],
      [['export', path.join(tmp(), 'nothing-*.txt'), '--jsonl', '-'], /no inputs found/],
      [['export', tmp(), '--jsonl', '-'], /no inputs found/],
      [['export', FIXTURES[0], '--jsonl', '-', '--resume'], /--resume/],
      [['export', '--diff', '--base', 'fixtures', FIXTURES[0], '--jsonl', '-'], /directory/],
      [['export', '--base', FIXTURES[2], FIXTURES[0], '--jsonl', '-'], /--base goes with --diff/],
      [['export', FIXTURES[0], '--jsonl', '-', '--encoding', 'klingon'], /encoding/],
    ];
    for (const [args, msg] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(msg);
      expect(r.out).toBe('');
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});
