// What `npm install plancmp` gets: a LICENSE, only what runs, an engines field that tells the truth,
// and a package that works when installed from its tarball (not only inside this repository).
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const npm = (args: string[], cwd = ROOT) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('package', () => {
  it('has an MIT LICENSE file, as package.json says', () => {
    expect(pkg.license).toBe('MIT');
    const text = readFileSync('LICENSE', 'utf8');
    expect(text).toMatch(/^MIT License/);
    expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
  });

  it('asks for the Node its dependencies need (cheerio ≥20.18.1, vitest ≥20.19), in package.json and README', () => {
    expect(pkg.engines.node).toBe('>=20.19');
    expect(readFileSync('README.md', 'utf8')).toContain('Node.js 20.19 or newer');
  });

  it('packs only what runs: dist, bin, schema, the embedded base text, README, LICENSE', () => {
    const [{ files }] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts']));
    const paths: string[] = files.map((f: { path: string }) => f.path);
    for (const p of ['bin/plancmp.js', 'dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'schema/diff.v1.json', 'schema/parse.v1.json', 'src/base/zhezhengfa-2018-16.txt', 'src/bodies/bodies.tsv', 'README.md', 'LICENSE', 'package.json']) {
      expect(paths, p).toContain(p);
    }
    const stray = paths.filter((p) => /^(tests|fixtures|bench|node_modules)\//.test(p) || (p.startsWith('src/') && p !== 'src/base/zhezhengfa-2018-16.txt' && p !== 'src/bodies/bodies.tsv') || /^dist\/(dev|eval)\//.test(p));
    expect(stray).toEqual([]);
  });

  it('works installed from its tarball: plancmp diff on a fixture', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-pack-'));
    const tgz = npm(['pack', '--ignore-scripts', '--pack-destination', dir]).trim().split('\n').pop()!;
    // an install without network: unpack, and link the runtime dependencies from this checkout
    const nm = path.join(dir, 'node_modules');
    mkdirSync(nm);
    execFileSync('tar', ['xzf', path.join(dir, tgz), '-C', dir]);
    renameSync(path.join(dir, 'package'), path.join(nm, 'plancmp'));
    for (const dep of Object.keys(pkg.dependencies)) symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(nm, dep), 'dir');
    const r = spawnSync(process.execPath, [path.join(nm, 'plancmp', 'bin', 'plancmp.js'), 'diff', path.join(ROOT, 'fixtures/001_2a7fecd8e03c454a.txt')], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/carried 40\/41 base tasks/);
  }, 120_000);

  it('reads HTML with cheerio/slim: neither parse5 nor the undici HTTP client is loaded', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-html-'));
    const text = readFileSync('fixtures/002_2cdac00586eece9b.txt', 'utf8');
    const page = `<!DOCTYPE html><html><head><title>通知</title></head><body><div class="article">${text
      .split('\n')
      .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n')}</div></body></html>`;
    const file = path.join(dir, 'notice.html');
    writeFileSync(file, page);
    const script = `const { parseFile } = await import(${JSON.stringify(path.join(ROOT, 'dist/index.js'))});
const n = await parseFile(${JSON.stringify(file)});
const { createRequire } = await import('node:module');
const loaded = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify({ format: n.source.format, tasks: n.tasks.length, cheerio: loaded.some((k) => k.includes('cheerio')), heavy: loaded.filter((k) => /parse5|undici/.test(k)) }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    expect(out).toEqual({ format: 'html', tasks: 41, cheerio: true, heavy: [] });
  });
});
