// Folders and globs for every command that takes files (parse, diff, check, report), discovered as
// export and chain discover theirs: one result per file, a bad file named with its reason while the
// others go on, exit 3 for a batch with failures (README "Exit codes").
import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './helpers.js';

const CHAIN = 'fixtures/chain';
const chainFiles = readdirSync(CHAIN).filter((f) => /\.(txt|html)$/.test(f)).sort();
let corpus: string;

beforeAll(() => {
  // the chain corpus, one plan in a subfolder, a PNG named .txt, and a file --ext leaves out
  corpus = mkdtempSync(path.join(tmpdir(), 'plancmp-folders-'));
  mkdirSync(path.join(corpus, 'county'));
  for (const f of chainFiles) copyFileSync(path.join(CHAIN, f), path.join(corpus, f.includes('county') ? path.join('county', f) : f));
  writeFileSync(path.join(corpus, 'broken.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  writeFileSync(path.join(corpus, 'notes.md'), '# not a notice');
});

describe('check over a folder', () => {
  it('checks each file, counts them, names the bad one with its reason and goes on (exit 3)', async () => {
    const r = await runCli(['check', corpus]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/broken\.txt: this is a PNG file/);
    // every notice was looked at: 8 of the chain corpus and the broken one, not "1 error in 1 file"
    expect(r.out).toMatch(/^1 error, \d+ warnings? in 9 files \(1 could not be read\)$/m);
    expect(r.out).toContain(path.join(corpus, 'heihe-unrelated-plan.txt') + ':1: warning missing-doc-number');
    const json = JSON.parse((await runCli(['check', corpus, '--format', 'json'])).out);
    expect(json.map((x: { file: string }) => path.relative(corpus, x.file))).toEqual(['broken.txt', ...chainFiles.map((f) => (f.includes('county') ? `county/${f}` : f))].sort());
  });

  it('--ext narrows what a folder yields; a folder with nothing to read is a usage error', async () => {
    const r = await runCli(['check', corpus, '--ext', '.html', '--format', 'json']);
    expect(JSON.parse(r.out).map((x: { file: string }) => path.basename(x.file))).toEqual(['guangzhou-talent-opinions-orphan.html']);
    const none = await runCli(['check', corpus, '--ext', '.docx']);
    expect(none.code).toBe(2);
    expect(none.err.trim()).toBe(`plancmp: ${corpus}: no .docx files in this directory — give notice files, directories holding them (see --ext) or glob patterns`);
  });
});

describe('parse over folders and globs', () => {
  it('json: an array for a folder or a pattern (even of one file), an object for one file named', async () => {
    const dir = await runCli(['parse', CHAIN, '--format', 'json']);
    const all = JSON.parse(dir.out);
    expect(all.map((n: { source: { file: string } }) => path.basename(n.source.file))).toEqual(chainFiles);
    const one = JSON.parse((await runCli(['parse', `${CHAIN}/zhou*.txt`])).out);
    expect(Array.isArray(one) && one.length).toBe(1);
    const named = JSON.parse((await runCli(['parse', `${CHAIN}/zhoushan-city-plan.txt`])).out);
    expect(Array.isArray(named)).toBe(false);
    expect(named.meta.docNumber).toBe('舟政办发〔2018〕150号');
  });

  it('jsonl: one line per file; a bad file is named and the others still come out (exit 3)', async () => {
    const r = await runCli(['parse', corpus, '--format', 'jsonl']);
    expect(r.code).toBe(3);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(chainFiles.length);
    expect(r.err).toMatch(/broken\.txt: this is a PNG file/);
    expect(r.err).toMatch(/1 of 9 files failed/);
  });

  it('keeps the order of the arguments, each folder in path order', async () => {
    const r = await runCli(['parse', `${CHAIN}/zhoushan-city-plan.txt`, `${CHAIN}/jia*.txt`, '--format', 'jsonl']);
    expect(r.out.trim().split('\n').map((l) => path.basename(JSON.parse(l).source.file))).toEqual(['zhoushan-city-plan.txt', 'jiashan-county-plan.txt', 'jiaxing-city-plan.txt']);
  });
});

describe('diff over folders, and --bases', () => {
  it('--bases DIR: each local plan against the parent it cites or is named after among DIR; carrying its tasks is not enough', async () => {
    const r = await runCli(['diff', '--bases', 'fixtures/real/', 'fixtures/pairs/', '--format', 'json']);
    expect(r.code).toBe(3);
    const diffs = JSON.parse(r.out);
    const pairs = Object.fromEntries(diffs.map((d: { base: { file: string; docNumber?: string }; local: { file: string } }) => [path.basename(d.local.file), d.base.docNumber ?? path.basename(d.base.file)]));
    expect(pairs).toEqual({
      'jiangxi-nongjihua-shishi-yijian.txt': '国发〔2018〕42号',
      'xuchang-wufei-chengshi-shishi-fangan.txt': '国办发〔2018〕128号',
    });
    // 番禺 cites its city's 实施意见 by a title no file there gives itself; the Guangzhou page carries most of its
    // tasks but does not say it is that document — as export --base auto, no parent by content alone
    expect(r.err).toMatch(/panyu-rencai-jiju-shishi-fangan\.txt: no parent among the plans of --bases fixtures\/real\/: it cites 《中共广州市委广州市人民政府关于推进人才集聚工程的实施意见》, which is not among them/);
  });

  it('a plan with no parent among --bases is named with the reason; the others are compared (exit 3)', async () => {
    const r = await runCli(['diff', '--bases', 'fixtures/real/', 'fixtures/pairs/jiangxi-nongjihua-shishi-yijian.txt', `${CHAIN}/keqiao-district-plan.txt`, '--stat']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/keqiao-district-plan\.txt: no parent among the plans of --bases fixtures\/real\/: it cites .*绍政发〔2018〕22号/);
    expect(r.out).toContain('local  赣府发〔2019〕15号');
  });

  it('BASE then a folder: every plan in it against BASE; --fail-on counts over the batch', async () => {
    const r = await runCli(['diff', `${CHAIN}/jiaxing-city-plan.txt`, `${CHAIN}/ji*-county-plan.txt`, `${CHAIN}/haiyan-county-plan.txt`, '--format', 'json', '--fail-on', 'dropped']);
    expect(r.code).toBe(1);
    const diffs = JSON.parse(r.out);
    expect(diffs.map((d: { local: { docNumber: string } }) => d.local.docNumber)).toEqual(['善政办发〔2018〕42号', '盐政发〔2018〕31号']);
    expect(diffs.every((d: { base: { docNumber: string } }) => d.base.docNumber === '嘉政发〔2018〕27号')).toBe(true);
  });

  it('a folder alone: each plan against the embedded base, text reports one after another; a bad file exits 3', async () => {
    const r = await runCli(['diff', path.join(corpus, 'county'), '--stat']);
    expect(r.code).toBe(0);
    expect(r.out.match(/^base {3}浙政发〔2018〕16号/gm)).toHaveLength(2);
    const bad = await runCli(['diff', corpus, '--stat']);
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/broken\.txt: this is a PNG file/);
  });

  it('csv, html and xlsx hold one pair: a batch points to plancmp report; a base given as a folder is refused', async () => {
    const csv = await runCli(['diff', CHAIN, '--format', 'csv']);
    expect(csv.code).toBe(2);
    expect(csv.err).toMatch(/use plancmp report --csv FILE --tidy/);
    const dirBase = await runCli(['diff', CHAIN, `${CHAIN}/zhoushan-city-plan.txt`]);
    expect(dirBase.code).toBe(2);
    expect(dirBase.err).toMatch(/the base must be one file/);
  });
});

describe('report over a folder', () => {
  it('takes every plan of a folder and leaves the bad file out (exit 3)', async () => {
    const r = await runCli(['report', path.join(corpus, 'county'), corpus + '/broken.txt', '--csv', '-', '--tidy']);
    expect(r.code).toBe(3);
    const files = new Set(r.out.trim().split('\n').slice(1).map((l) => path.basename(l.split(',')[4])));
    expect([...files].sort()).toEqual(['haiyan-county-plan.txt', 'jiashan-county-plan.txt']);
    expect(r.err).toMatch(/broken\.txt: this is a PNG file/);
  });
});

describe('progress over many files', () => {
  it('a bar on stderr while it is a terminal, cleared before each message and at the end; nothing in a pipe', async () => {
    const { execute } = await import('../src/cli/main.js');
    const { Writable, Readable } = await import('node:stream');
    const run = async (tty: boolean) => {
      let err = '';
      const stderr = Object.assign(new Writable({ write: (c, _e, cb) => ((err += c), cb()) }), { isTTY: tty, columns: 100 });
      const stdout = new Writable({ write: (_c, _e, cb) => cb() });
      const code = await execute(['check', corpus], { stdout, stderr, stdin: Readable.from([]), env: { NO_COLOR: '1' } });
      return { code, err };
    };
    const tty = await run(true);
    expect(tty.code).toBe(3);
    expect(tty.err).toMatch(/█+ 9\/9 100% · [\d.]+\/s · ETA 0:00 · 1 failed/);
    // the error starts on a cleared line, and the bar is gone at the end
    expect(tty.err).toMatch(/\r\x1b\[2Kplancmp: .*broken\.txt: this is a PNG file/);
    expect(tty.err.endsWith('\r\x1b[2K')).toBe(true);
    const pipe = await run(false);
    expect(pipe.err).not.toMatch(/█|\x1b/);
  });
});
