// The base parse stored at build time must be exactly today's parse, and must never be used stale.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseText, BASE_FILE, BASE_LABEL } from '../src/pipeline.js';

describe('prebuilt base (dist/base/*.notice.json, written by npm run build)', () => {
  const text = readFileSync(BASE_FILE, 'utf8');

  it('equals a fresh parse of the embedded 16号', async () => {
    // @ts-ignore — compiled output, present after `npm run build` (pretest)
    const { readPrebuilt } = await import('../dist/base/prebuilt.js');
    const stored = readPrebuilt(text);
    expect(stored, 'dist/base is stale or missing: run `npm run build` (npm test does it first)').toBeDefined();
    expect(stored).toEqual(JSON.parse(JSON.stringify(parseText(text, BASE_LABEL))));
  });

  it('is ignored when the base text differs from what it was built from', async () => {
    // @ts-ignore — compiled output
    const { readPrebuilt } = await import('../dist/base/prebuilt.js');
    expect(readPrebuilt(text.replace('加强政治建设', '加强政治建设工作'))).toBeUndefined();
  });
});

describe('prebuilt base is keyed on content, not file times', () => {
  const copyPackage = async () => {
    const { mkdtempSync, cpSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-copy-'));
    // a plain copy: new modification times, as after npm pack + install or a copy that drops sub-second times
    for (const d of ['dist', 'src/base', 'src/bodies/bodies.tsv', 'package.json']) cpSync(d, path.join(dir, d), { recursive: true, preserveTimestamps: false });
    return dir;
  };
  const probe = (dir: string) =>
    execFileSync('node', ['--input-type=module', '-e', `import { readFileSync } from 'node:fs'; const { readPrebuilt } = await import(${JSON.stringify(pathToFileURL(path.join(dir, 'dist/base/prebuilt.js')).href)}); console.log(readPrebuilt(readFileSync(${JSON.stringify(path.join(dir, 'src/base/zhezhengfa-2018-16.txt'))}, 'utf8')) ? 'used' : 'ignored');`], { encoding: 'utf8' }).trim();

  it('a copy of the package with new file times still uses it', async () => {
    const dir = await copyPackage();
    const { utimesSync } = await import('node:fs');
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(path.join(dir, 'dist/parse/index.js'), old, old);
    expect(probe(dir)).toBe('used');
  });

  it('is not used once the compiled parser changes', async () => {
    const dir = await copyPackage();
    const { appendFileSync } = await import('node:fs');
    appendFileSync(path.join(dir, 'dist/parse/index.js'), '\n// changed\n');
    expect(probe(dir)).toBe('ignored');
  });
});
