// bin/plancmp.js runs the one-file bundle dist/cli.cjs (npm run build; see src/dev/bundle.ts) with V8's
// code cache: it must print exactly what the modules of dist/cli/main.js print, and never run stale.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { encryptedPdf } from './helpers.js';

const ROOT = path.resolve('.');
const BIN = path.join(ROOT, 'bin', 'plancmp.js');
const BUNDLE = path.join(ROOT, 'dist', 'cli.cjs');
const WORKER_BUNDLE = path.join(ROOT, 'dist', 'export-worker.cjs');
const fx = (f: string) => path.join(ROOT, 'fixtures', f);

const run = (args: string[], root = ROOT) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'plancmp.js'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
/** The CLI as the modules tsc wrote (what bin/plancmp.js ran before the bundle). */
const runModules = (args: string[]) => {
  const script = `const { execute } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'cli', 'main.js')).href)}); process.exitCode = await execute(process.argv.slice(1));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};


describe('the CLI bundle (dist/cli.cjs)', () => {
  it('is built with its code cache, and lists the dist/ files it was made from', () => {
    expect(existsSync(BUNDLE), 'dist/cli.cjs is missing: run `npm run build` (npm test does it first)').toBe(true);
    const first = readFileSync(BUNDLE, 'utf8').split('\n', 1)[0];
    expect(first.startsWith('//plancmp-bundle-inputs(ascii):')).toBe(true);
    const inputs: string[] = JSON.parse(first.slice('//plancmp-bundle-inputs(ascii):'.length));
    expect(inputs).toContain('cli/main.js');
    expect(inputs).toContain('pipeline.js');
    expect(readdirSync(path.dirname(BUNDLE)).some((f) => f.startsWith('cli.cjs.') && f.endsWith('.cache'))).toBe(true);
    // the stored base parse was current when the bundle was made: the bundle carries its stamp (see base/prebuilt.ts)
    expect(readFileSync(BUNDLE, 'utf8')).toContain('var __PLANCMP_BUNDLED_BASE__ = { stamp: ');
  });

  it('is ASCII only (the launcher reads it as latin1), and V8 takes its code cache', () => {
    for (const bundle of [BUNDLE, WORKER_BUNDLE]) {
      const bytes = readFileSync(bundle);
      expect(bytes.findIndex((b) => b > 0x7f), bundle).toBe(-1);
      // the Chinese of the patterns is there, as escapes
      expect(bytes.toString('latin1')).toContain('\\u91cd\\u70b9');
    }
    // the launcher's flags and the training run's agree, or V8 would reject the cache and compile everything
    const r = spawnSync(process.execPath, [BIN, 'diff', fx('000_5b73fe2b8637f3d3.txt'), '--format', 'json'], { encoding: 'utf8', env: { ...process.env, PLANCMP_TRACE_STARTUP: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/plancmp start-up: .*loaded the bundle \(code cache accepted\)/);
    expect(r.stderr).toMatch(/plancmp start-up: .*executed/);
  });

  it("export's workers run their own bundle with its code cache, and write what the modules write", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-worker-bundle-'));
    // plain text, and HTML pages: the worker bundle carries cheerio itself (src/dev/bundle.ts)
    const inputs = ['fixtures/000_5b73fe2b8637f3d3.txt', 'fixtures/003_921a6ce2908064d7.txt', 'fixtures/real/guofa-2018-42-nongjihua-zhidao-yijian.govcn.html', 'fixtures/shapes/s7-task-table-province-tuiguang.html'];
    const bundled = spawnSync(process.execPath, [BIN, 'export', ...inputs, '--out', path.join(dir, 'bundle'), '--jobs', '2', '--diff'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PLANCMP_TRACE_STARTUP: '1' } });
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(bundled.stderr.match(/plancmp export worker: bundle \(code cache accepted\)/g)).toHaveLength(2);
    // a copy without the worker bundle: its workers run dist/export/worker.js
    const copy = mkdtempSync(path.join(tmpdir(), 'plancmp-no-worker-bundle-'));
    for (const d of ['bin', 'dist', 'src/base', 'src/bodies/bodies.tsv', 'package.json', 'fixtures']) cpSync(path.join(ROOT, d), path.join(copy, d), { recursive: true, preserveTimestamps: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    rmSync(path.join(copy, 'dist', 'export-worker.cjs'));
    const modules = spawnSync(process.execPath, [path.join(copy, 'bin', 'plancmp.js'), 'export', ...inputs, '--out', path.join(dir, 'modules'), '--jobs', '2', '--diff'], { cwd: copy, encoding: 'utf8', env: { ...process.env, PLANCMP_TRACE_STARTUP: '1' } });
    expect(modules.status, modules.stderr).toBe(0);
    expect(modules.stderr.match(/plancmp export worker: modules/g)).toHaveLength(2);
    const list = (d: string) => (readdirSync(d, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).sort();
    const names = list(path.join(dir, 'modules', 'fixtures'));
    expect(names).toHaveLength(inputs.length);
    expect(list(path.join(dir, 'bundle', 'fixtures'))).toEqual(names);
    for (const f of names) expect(readFileSync(path.join(dir, 'bundle', 'fixtures', f), 'utf8'), f).toBe(readFileSync(path.join(dir, 'modules', 'fixtures', f), 'utf8'));
  }, 60_000);

  it('prints what the modules print: stdout, stderr and exit code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-bundle-'));
    const pdf = path.join(dir, 'locked.pdf');
    writeFileSync(pdf, encryptedPdf());
    const cases = [
      ['diff', fx('000_5b73fe2b8637f3d3.txt'), '--format', 'json'],
      ['diff', fx('001_2a7fecd8e03c454a.txt'), '--format', 'html'],
      ['diff', fx('003_921a6ce2908064d7.txt'), '-v', '--lines'],
      ['diff', fx('002_2cdac00586eece9b.txt'), fx('001_2a7fecd8e03c454a.txt'), '--format', 'csv'],
      ['parse', fx('002_2cdac00586eece9b.txt'), '--format', 'text'],
      ['parse', pdf],
      ['check', '--snapshot', fx('snapshots'), '--diff', fx('000_5b73fe2b8637f3d3.txt')],
      ['diff', '--format', 'nope', fx('000_5b73fe2b8637f3d3.txt')],
      ['--help'],
    ];
    for (const args of cases) expect(run(args), args.join(' ')).toEqual(runModules(args));
    // the PDF went through pdfjs-dist: its password error, not a failed import
    expect(run(['parse', pdf]).stderr).toMatch(/password/);
  }, 120_000);

  it('is used only while no file it was made from is newer; then the launcher runs dist/cli/main.js', () => {
    // a copy with the times kept, whose dist/cli/main.js would fail if it were loaded
    const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-stale-'));
    for (const d of ['bin', 'dist', 'src/base', 'src/bodies/bodies.tsv', 'package.json']) cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true, preserveTimestamps: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const main = path.join(dir, 'dist', 'cli', 'main.js');
    const { atime, mtime } = statSync(main);
    writeFileSync(main, "throw new Error('dist/cli/main.js was loaded');\n");
    utimesSync(main, atime, mtime);
    const args = ['diff', fx('001_2a7fecd8e03c454a.txt'), '--stat'];
    const fresh = run(args, dir);
    expect(fresh.stderr).toBe('');
    expect(fresh.stdout).toMatch(/carried 40\/41 base tasks/);
    // as after `tsc` alone: a newer input makes the bundle stale
    const later = new Date(statSync(path.join(dir, 'dist', 'cli.cjs')).mtimeMs + 5000);
    utimesSync(main, later, later);
    expect(run(args, dir).stderr).toMatch(/dist\/cli\/main\.js was loaded/);
  }, 60_000);
});
