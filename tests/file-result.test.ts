// One file's result (src/result.ts): parse, check, report and export run files through runFile/runBytes,
// a failure is a fatal message on that file's result, and the exit code follows one rule
// (src/cli/exit.ts, the README's "Exit codes" table).
import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './helpers.js';
import { runFile, runBytes, describeMessage, fatalOf } from '../src/result.js';
import { sourceFromBytes } from '../src/read/index.js';
import { htmlToText } from '../src/read/html.js';
import { loadBase } from '../src/pipeline.js';
import { exitCode, EXIT } from '../src/cli/exit.js';

const GOOD = 'fixtures/003_921a6ce2908064d7.txt';
const MISSING = 'no/such/notice.txt';

describe('runFile', () => {
  it('turns an unreadable file into a fatal message, never an exception', async () => {
    const r = await runFile(MISSING);
    expect(r.notice).toBeUndefined();
    expect(fatalOf(r)).toMatchObject({ severity: 'fatal', code: 'not-found', file: MISSING });
    expect(describeMessage(fatalOf(r)!)).toMatch(new RegExp(`^${MISSING}: no such file — `));
  });

  it('gives notice and diff for a good file', async () => {
    const r = await runFile(GOOD, { base: loadBase() });
    expect(r.messages).toEqual([]);
    expect(r.notice!.tasks.length).toBeGreaterThan(0);
    expect(r.diff!.summary.baseTasks).toBe(loadBase().tasks.length);
  });

  it('a notice without tasks: fatal when diffing, a warning when only parsing, no diff when skipped', async () => {
    const text = Buffer.from('关于做好防汛工作的通知\n各乡镇人民政府：\n请做好防汛工作。\n');
    expect(fatalOf(await runBytes(text, 'x.txt', { base: loadBase() }))?.code).toBe('no-tasks');
    const parsed = await runBytes(text, 'x.txt');
    expect(parsed.notice).toBeDefined();
    expect(parsed.messages.map((m) => [m.severity, m.code])).toEqual([['warning', 'no-tasks']]);
    const skipped = await runBytes(text, 'x.txt', { base: loadBase(), noTasks: 'skip' });
    expect(skipped.notice).toBeDefined();
    expect(skipped.diff).toBeUndefined();
  });

  it('an HTML page without a notice fails in the read stage itself, not by a promoted warning', async () => {
    const page = '<html><body><div id="zoom"></div><script>load("正文内容加载")</script><p>首页</p></body></html>';
    expect(htmlToText(page).found).toBe(false);
    expect(() => sourceFromBytes(Buffer.from(page), 'list.html')).toThrow(expect.objectContaining({ code: 'html-no-notice' }));
    expect(fatalOf(await runBytes(Buffer.from(page), 'list.html'))?.code).toBe('html-no-notice');
  });
});

describe('one exit-code rule for every command', () => {
  it('exitCode: failures before findings; some of several → 3; all → 2', () => {
    expect(exitCode(0, 2)).toBe(EXIT.OK);
    expect(exitCode(0, 2, true)).toBe(EXIT.FINDINGS);
    expect(exitCode(1, 2, true)).toBe(EXIT.PARTIAL);
    expect(exitCode(2, 2)).toBe(EXIT.USAGE);
    expect(exitCode(1, 1)).toBe(EXIT.USAGE);
  });

  it('a missing file among several exits 3 from parse, check and report alike, with one message format', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-exit-'));
    const runs = {
      parse: ['parse', MISSING, GOOD],
      check: ['check', MISSING, GOOD],
      'check --snapshot': ['check', '--snapshot', dir, '--update', MISSING, GOOD],
      report: ['report', MISSING, GOOD, '--csv', path.join(dir, 'm.csv')],
    };
    for (const [name, args] of Object.entries(runs)) {
      const r = await runCli(args);
      expect(r.code, name).toBe(3);
      expect(r.err, name).toContain(`plancmp: ${MISSING}: no such file — `);
    }
  });

  it('the only file missing exits 2 from each of them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-exit-'));
    for (const args of [['parse', MISSING], ['check', MISSING], ['check', '--snapshot', dir, MISSING], ['report', MISSING, '--csv', path.join(dir, 'm.csv')], ['diff', MISSING]]) {
      expect((await runCli(args)).code, args.join(' ')).toBe(2);
    }
  });
});
