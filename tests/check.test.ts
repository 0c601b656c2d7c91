import { runCli } from './helpers.js';
// plancmp check: the notice linter (exit codes like eslint) and the snapshot regression guard.
import { describe, it, expect } from 'vitest';
import { Writable, Readable } from 'node:stream';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unbalancedBracket, checkNotice, WARNING_RULES } from '../src/check/rules.js';
import { parseText } from '../src/pipeline.js';

const run = (args: string[]) => runCli(args);

const F = {
  zhoushan: 'fixtures/000_5b73fe2b8637f3d3.txt',
  huzhou: 'fixtures/001_2a7fecd8e03c454a.txt',
  province: 'fixtures/002_2cdac00586eece9b.txt',
  xinchang: 'fixtures/003_921a6ce2908064d7.txt',
  heihe: 'fixtures/004_0ece2a694517dc78.txt',
};
const ALL = Object.values(F);

describe('plancmp check (lint)', () => {
  it('reports a truncated notice as an error in compiler style and exits 1', async () => {
    const r = await run(['check', F.xinchang]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^fixtures\/003_921a6ce2908064d7\.txt:36: error truncated — the document ends inside /m);
    expect(r.out).toMatch(/^1 error, \d+ warnings? in 1 file$/m);
  });

  it('reports mojibake (error) and page furniture (warning) on their lines, not the pinyin repair', async () => {
    const r = await run(['check', F.huzhou]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('fixtures/001_2a7fecd8e03c454a.txt:39: error mojibake — ');
    expect(r.out).toContain('fixtures/001_2a7fecd8e03c454a.txt:122: warning page-furniture — ');
    expect(r.out).not.toContain('pinyin');
    expect(r.out).toMatch(/1 error, 1 warning in 1 file/);
  });

  it('reports nothing on the clean provincial plan and exits 0', async () => {
    const r = await run(['check', F.province]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('0 errors, 0 warnings in 1 file\n');
    expect(r.err).toBe('');
  });

  it('--max-warnings: warnings alone pass by default, fail beyond the limit', async () => {
    expect((await run(['check', F.heihe])).code).toBe(0);
    expect((await run(['check', F.heihe, '--max-warnings', '1'])).code).toBe(0);
    const r = await run(['check', F.heihe, '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('warning missing-doc-number');
    expect(r.err).toMatch(/too many warnings/);
    expect((await run(['check', F.heihe, '--max-warnings', 'lots'])).code).toBe(2);
  });

  it('--format json gives per-file findings and counts', async () => {
    const r = await run(['check', '--format', 'json', F.huzhou, F.province]);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.out);
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({ file: F.huzhou, errorCount: 1, warningCount: 1 });
    expect(data[0].findings[0]).toEqual(expect.objectContaining({ file: F.huzhou, line: 39, rule: 'mojibake', severity: 'error' }));
    expect(data[1]).toEqual({ file: F.province, findings: [], errorCount: 0, warningCount: 0 });
  });

  it('names an unreadable file with its reason, keeps checking the others, and exits 3 (README: some of several failed)', async () => {
    const r = await run(['check', 'no/such/notice.txt', F.xinchang]);
    expect(r.code).toBe(3);
    expect((await run(['check', 'no/such/notice.txt'])).code).toBe(2);
    expect(r.err).toContain('no/such/notice.txt: no such file');
    expect(r.out).toContain('003_921a6ce2908064d7.txt:36: error truncated');
    expect(r.out).toMatch(/2 errors, \d+ warnings? in 2 files/);
  });

  it('--update without --snapshot is a usage error', async () => {
    expect((await run(['check', '--update', F.province])).code).toBe(2);
  });
});

describe('check rules', () => {
  it('every pinyin repair is informational, every numbering code is one rule', () => {
    expect(WARNING_RULES['pinyin-annotations']).toBeNull();
    for (const c of ['numbering-gap', 'numbering-repeat', 'numbering-restart']) expect(WARNING_RULES[c]).toEqual({ rule: 'numbering', severity: 'warning' });
    expect(WARNING_RULES['replacement-char']).toEqual({ rule: 'mojibake', severity: 'error' });
  });

  it('finds unbalanced （）〔〕 and accepts nested ones', () => {
    expect(unbalancedBracket('各市、县〔市、区〕政府（含功能区）')).toBeUndefined();
    expect(unbalancedBracket('（责任单位：各县〔区〕政府')).toMatch(/never closed/);
    expect(unbalancedBracket('各县〔区）政府')).toMatch(/closed by/);
    expect(unbalancedBracket('政府）')).toMatch(/without an opening/);
  });

  it('reports a task whose text has an unbalanced bracket', () => {
    const text = readFileSync(F.province, 'utf8');
    const broken = text.replace('建立科学谋划体系。围绕高质量发展', '建立科学谋划体系。围绕高质量发展（含现代化经济体系');
    expect(broken).not.toBe(text);
    const n = parseText(broken, 'province-broken.txt');
    const f = checkNotice(n).filter((x) => x.rule === 'unbalanced-brackets');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ file: 'province-broken.txt', severity: 'warning', line: 61 });
    expect(f[0].message).toContain('task 2.1 (建立科学谋划体系)');
    expect(f[0].message).toContain('never closed');
  });
});

describe('plancmp check --snapshot', () => {
  it('writes snapshots with --update, then names a vanished task and a moved deadline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancmp-check-'));
    const copy = join(dir, 'zhoushan.txt');
    const snaps = join(dir, 'snapshots');
    copyFileSync(F.zhoushan, copy);

    // no snapshot yet: drift
    const missing = await run(['check', '--snapshot', snaps, copy]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('no snapshot');

    const up = await run(['check', '--snapshot', snaps, '--update', copy]);
    expect(up.code).toBe(0);
    // the snapshot tree mirrors the input's path (an absolute one from the root)
    const snapFile = join(snaps, ...copy.split(/[\\/]/).filter(Boolean)) + '.parse.json';
    expect(existsSync(snapFile)).toBe(true);
    expect(readdirSync(dirname(snapFile))).toEqual(['zhoushan.txt.parse.json']); // no temp file left behind
    const stored = readFileSync(snapFile, 'utf8');
    expect(stored).not.toContain(dir); // no absolute paths
    expect(stored).not.toMatch(/"line"/); // no line numbers
    expect((await run(['check', '--snapshot', snaps, copy])).code).toBe(0);

    // drop task 3 under （四） and move one deadline by a year
    const text = readFileSync(copy, 'utf8');
    const edited = text
      .split('\n')
      .filter((l) => !l.startsWith('3. 加强制度供给'))
      .join('\n')
      .replace('2018年底实现政务钉钉全覆盖', '2019年底实现政务钉钉全覆盖');
    expect(edited).not.toBe(text);
    writeFileSync(copy, edited);

    const r = await run(['check', '--snapshot', snaps, copy]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('task 4.3 vanished (加强制度供给); 1 task renumbered: 4.4→4.3');
    expect(r.out).toMatch(/task 4\.4 deadline changed: 2018年底 → 2019年底/);

    const json = JSON.parse((await run(['check', '--snapshot', snaps, '--format', 'json', copy])).out);
    expect(json[0].status).toBe('drift');
    expect(json[0].changes.map((c: { message: string }) => c.message)).toContain('task 4.3 vanished (加强制度供给); 1 task renumbered: 4.4→4.3');

    // --update accepts the new parse
    expect((await run(['check', '--snapshot', snaps, '--update', copy])).code).toBe(0);
    expect((await run(['check', '--snapshot', snaps, copy])).code).toBe(0);
  });

  it('a corrupt snapshot is an input error (exit 2), and --update replaces it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancmp-check-'));
    writeFileSync(join(dir, '002_2cdac00586eece9b.txt.parse.json'), '{ not json');
    const r = await run(['check', '--snapshot', dir, F.province]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('002_2cdac00586eece9b.txt.parse.json');
    expect((await run(['check', '--snapshot', dir, '--update', F.province])).code).toBe(0);
    expect((await run(['check', '--snapshot', dir, F.province])).code).toBe(0);
  });

  it("the checked-in snapshots of all five fixtures match today's parse and diff (CI guards its own parser and aligner)", async () => {
    const r = await run(['check', '--snapshot', 'fixtures/snapshots', '--diff', ...ALL]);
    expect(r.out).toBe('5 files match their snapshots\n');
    expect(r.code).toBe(0);
  });

  it('with --diff, a change in the diff is named entry by entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancmp-check-'));
    const copy = join(dir, '000_5b73fe2b8637f3d3.txt');
    writeFileSync(copy, readFileSync(F.zhoushan, 'utf8'));
    expect((await run(['check', '--snapshot', dir, '--diff', '--update', copy])).code).toBe(0);
    // the local plan loses its 政务钉钉 sentence: the deadline it carried is now reported removed
    const text = readFileSync(F.zhoushan, 'utf8').replace(/积极推进移动政务，开展行政效能革命，全面推广政务钉钉，2018年底实现政务钉钉全覆盖。推进政务协同办公系统建设，积极推动无纸化办公。/, '');
    writeFileSync(copy, text);
    const r = await run(['check', '--snapshot', dir, '--diff', copy]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('deadline comparison L18→4.4 same → removed');
  });

  it('--diff without --snapshot is a usage error', async () => {
    expect((await run(['check', '--diff', F.province])).code).toBe(2);
  });
});
