// The command line as CI and analysts use it: exit codes, messages without stack traces, formats.
import { describe, it, expect } from 'vitest';
import { Writable, Readable } from 'node:stream';
import { runCli } from './helpers.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (args: string[], env: NodeJS.ProcessEnv = { NO_COLOR: '1' }) => runCli(args, { env });

const ZS = 'fixtures/000_5b73fe2b8637f3d3.txt';

describe('plancmp diff', () => {
  it('reports against the embedded base with one file and exits 0', async () => {
    const r = await run(['diff', ZS]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('浙政发〔2018〕16号');
    expect(r.out).toContain('舟政办发〔2018〕150号');
    expect(r.out).toMatch(/dropped 1/);
    expect(r.out).not.toMatch(/\x1b\[/);
  });

  it('--fail-on exits 1 when such findings exist, 0 when not', async () => {
    expect((await run(['diff', ZS, '--fail-on', 'dropped'])).code).toBe(1);
    expect((await run(['diff', ZS, '--fail-on', 'added'])).code).toBe(0);
  });

  it('json output follows the contract', async () => {
    const r = await run(['diff', ZS, '--format', 'json']);
    const d = JSON.parse(r.out);
    expect(d.schema).toBe('plancmp.diff/1');
    expect(d.summary).toMatchObject({ baseTasks: 41, localTasks: 32, dropped: 1, added: 0 });
  });

  it('csv has one row per base task; no BOM on standard output unless --bom', async () => {
    const r = await run(['diff', ZS, '--format', 'csv']);
    expect(r.out.startsWith('base_id,')).toBe(true);
    expect(r.out.trim().split('\r\n')).toHaveLength(42);
    expect((await run(['diff', ZS, '--format', 'csv', '--bom'])).out.startsWith('\uFEFFbase_id,')).toBe(true);
  });

  it('a missing file is a usage error naming the file, without a stack trace', async () => {
    const r = await run(['diff', 'nope/missing.txt']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope/missing.txt');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a notice with no tasks says so and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancmp-'));
    const f = join(dir, 'empty-notice.txt');
    writeFileSync(f, '某某市人民政府关于召开会议的通知\n各单位：\n定于下周召开会议，请准时参加。\n');
    const r = await run(['diff', f]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no tasks found/);
  });

  it('--pairs with a malformed file is reported clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancmp-'));
    const f = join(dir, 'pairs.json');
    writeFileSync(f, '{"pin": [{"base": 1}]}');
    const r = await run(['diff', ZS, '--pairs', f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('pairs.json');
  });

  it('an unknown option is a usage error (exit 2)', async () => {
    expect((await run(['diff', ZS, '--frobnicate'])).code).toBe(2);
  });
});

describe('plancmp parse', () => {
  it('prints the contract JSON', async () => {
    const r = await run(['parse', 'fixtures/002_2cdac00586eece9b.txt']);
    const n = JSON.parse(r.out);
    expect(n.schema).toBe('plancmp.parse/1');
    expect(n.tasks).toHaveLength(41);
  });

  it('several files, one bad: the good one is printed (an array: several files were given), exit 3', async () => {
    const r = await run(['parse', 'fixtures/003_921a6ce2908064d7.txt', 'missing.txt']);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.out);
    expect(out).toHaveLength(1);
    expect(out[0].tasks).toHaveLength(14);
    expect(r.err).toContain('missing.txt');
  });

  it('--help exits 0 and lists the commands', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('diff');
    expect(r.out).toContain('parse');
  });
});

describe('plancmp --version', () => {
  it('prints the version from package.json (its one source)', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(pkg.version);
  });
});
