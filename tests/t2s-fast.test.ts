// normalize/t2s.ts converts traditional text with its own runner over opencc-js's tries (the same
// dictionaries, loaded by opencc-js's Trie, flattened into typed arrays and stored at build time in
// dist/normalize/t2s-tw2s.bin): it must give exactly what opencc-js's Converter gives, from the stored
// tables and from tables made at run time when the stored ones cannot be used.
import { describe, it, expect } from 'vitest';
import { textsBelow } from './helpers.js';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { converterFrom, loadConverter, SAMPLE, T2S_FILE, t2sConverters, triggerSource } from '../src/normalize/t2s.js';
import { buildT2sTables, decodeT2sTables, encodeT2sTables, openccVersion, T2S_FORMAT, type T2sTables } from '../src/normalize/t2s-tables.js';

const require = createRequire(import.meta.url);
const OpenCC = require('opencc-js/t2cn');
const toTraditional = require('opencc-js/cn2t').Converter({ from: 'cn', to: 'tw' }) as (s: string) => string;


/** The shared real notices and seeds (../shared), when this checkout has them. */
const sharedTexts = (): string[] => (existsSync('../shared') ? [...textsBelow('../shared/real'), ...textsBelow('../shared/seeds')] : []);

/** Random strings of dictionary entries, partial entries, surrogates and IDS (a fixed seed). */
function randomTexts(count: number, seed: number): string[] {
  const cfg = OpenCC.Locale.configs.tw2s;
  const pieces: string[] = ['⿰', '⿲', '⿰氵', '⿱⿰', '\ud842', '\udfb7', '𠮷', 'a', '，', '\n', ' ', '', '豈'];
  for (const d of [...cfg.normalizationChain.flat(), ...[cfg.segmentation].flat(), ...cfg.conversionChain.flat()] as string[]) {
    for (const e of d.split('|')) {
      const [l, r] = e.split(' ');
      pieces.push(l, r ?? '', ...l);
    }
  }
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out: string[] = [];
  for (let t = 0; t < count; t++) {
    let s = '';
    const k = 1 + Math.floor(rnd() * 12);
    for (let i = 0; i < k; i++) {
      const p = pieces[Math.floor(rnd() * pieces.length)];
      s += rnd() < 0.3 ? p.slice(0, Math.max(1, p.length - 1)) : p;
    }
    out.push(s);
  }
  return out;
}

describe('traditional → simplified', () => {
  const { fast, reference, source } = t2sConverters();

  it('uses the fast converter, from the tables stored at build time', () => {
    expect(fast).toBeDefined();
    expect(source).toBe('stored');
  });

  it('equals opencc-js on every fixture, as written and made traditional, whole and line by line', () => {
    let n = 0;
    for (const t of textsBelow('fixtures')) {
      for (const s of [t, toTraditional(t)]) {
        expect(fast!(s)).toBe(reference(s));
        for (const line of s.split('\n')) if (fast!(line) !== reference(line)) expect(fast!(line)).toBe(reference(line));
        n++;
      }
    }
    expect(n).toBeGreaterThan(10);
  });

  it('equals its former string-by-string form (each segment converted as a string) on every fixture and its traditional form', () => {
    const { strings } = t2sConverters();
    expect(strings).toBeDefined();
    for (const t of textsBelow('fixtures')) {
      for (const s of [t, toTraditional(t)]) {
        expect(fast!(s)).toBe(strings!(s));
        for (const line of s.split('\n')) if (fast!(line) !== strings!(line)) expect(fast!(line)).toBe(strings!(line));
      }
    }
  });

  it('equals opencc-js on random strings of dictionary entries, partial entries, surrogates and IDS', () => {
    for (const s of randomTexts(30000, 7)) if (fast!(s) !== reference(s)) expect(fast!(s)).toBe(reference(s));
  });

  it('equals opencc-js on the shared real notices and seeds, as written and made traditional', () => {
    for (const t of sharedTexts()) {
      for (const s of [t, toTraditional(t)]) if (fast!(s) !== reference(s)) expect(fast!(s)).toBe(reference(s));
    }
  });

  it('equals opencc-js on long texts whose conversion is longer than the input (the output buffer grows)', () => {
    const cfg = OpenCC.Locale.configs.tw2s;
    const longer: string[] = [];
    for (const d of [...cfg.normalizationChain.flat(), ...cfg.conversionChain.flat()] as string[]) {
      for (const e of d.split('|')) {
        const [l, r] = e.split(' ');
        if (r.length > l.length) longer.push(l);
      }
    }
    expect(longer.length).toBeGreaterThan(0);
    for (const n of [100, 40000, 70000]) {
      const s = Array.from({ length: n }, (_, i) => longer[i % longer.length] + (i % 3 ? '們' : '')).join('');
      expect(fast!(s) === reference(s)).toBe(true);
    }
  });
});

describe('the stored tables (dist/normalize/t2s-tw2s.bin)', () => {
  const version = openccVersion();
  const stored = readFileSync(T2S_FILE);
  const built = buildT2sTables(OpenCC, triggerSource)!;
  const { reference } = t2sConverters();

  it('are the tables made from opencc-js at run time, for the installed opencc-js', () => {
    expect(version).toBe(JSON.parse(readFileSync('node_modules/opencc-js/package.json', 'utf8')).version);
    expect(built).toBeDefined();
    const tables = decodeT2sTables(stored, version);
    expect(tables).toBeDefined();
    expect(tables).toEqual(built);
    // and what the build step writes is what it reads back
    expect(Buffer.from(encodeT2sTables(built, version!)).equals(stored)).toBe(true);
    // the header: format and opencc-js version
    const header = JSON.parse(stored.subarray(0, stored.indexOf(10)).toString('latin1'));
    expect(header).toMatchObject({ format: T2S_FORMAT, opencc: version });
  });

  it('read from a buffer that is not 4-byte aligned', () => {
    const copy = new Uint8Array(stored.length + 1).subarray(1);
    copy.set(stored);
    expect(decodeT2sTables(copy, version)).toEqual(built);
  });

  it('are refused when they are not current or not whole, and never throw', () => {
    const edit = (f: (h: Record<string, unknown>) => void): Uint8Array => {
      const nl = stored.indexOf(10);
      const h = JSON.parse(stored.subarray(0, nl).toString('latin1'));
      f(h);
      const line = JSON.stringify(h);
      // same header length: the body stays where it was
      return Buffer.concat([Buffer.from(line.padEnd(nl, ' '), 'latin1'), stored.subarray(nl)]);
    };
    expect(decodeT2sTables(stored, undefined)).toBeUndefined();
    expect(decodeT2sTables(stored, '0.0.1')).toBeUndefined();
    expect(decodeT2sTables(edit((h) => (h.opencc = '0.0.1')), version)).toBeUndefined();
    expect(decodeT2sTables(edit((h) => (h.format = T2S_FORMAT + 1)), version)).toBeUndefined();
    expect(decodeT2sTables(edit((h) => (h.endian = h.endian === 'le' ? 'be' : 'le')), version)).toBeUndefined();
    expect(decodeT2sTables(edit((h) => (h.magic = 'other')), version)).toBeUndefined();
    expect(decodeT2sTables(edit((h) => ((h.sizes as number[][])[3][0] += 1)), version)).toBeUndefined();
    expect(decodeT2sTables(stored.subarray(0, stored.length - 4), version)).toBeUndefined();
    expect(decodeT2sTables(Buffer.concat([stored, Buffer.alloc(4)]), version)).toBeUndefined();
    expect(decodeT2sTables(Buffer.from('not a table file'), version)).toBeUndefined();
    expect(decodeT2sTables(new Uint8Array(0), version)).toBeUndefined();
    // numbers the matcher cannot run on: a child range out of order, a value past the values
    const broken = (f: (t: T2sTables) => void): Uint8Array => {
      const t = decodeT2sTables(new Uint8Array(stored), version)!;
      f(t);
      return encodeT2sTables(t, version!);
    };
    expect(decodeT2sTables(broken((t) => (t.second.childStart[5] = t.second.key.length + 7)), version)).toBeUndefined();
    expect(decodeT2sTables(broken((t) => (t.first.valEnd[3] = t.first.vals.length + 1)), version)).toBeUndefined();
    expect(decodeT2sTables(broken(() => undefined), version)).toEqual(built);
  });

  it('when missing, stale or damaged, are made from opencc-js and convert the same', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-t2s-'));
    const nl = stored.indexOf(10);
    const header = stored.subarray(0, nl).toString('latin1');
    const files: Record<string, Uint8Array> = {
      'garbage.bin': Buffer.from('\u0000\u0001garbage\n{"magic"'),
      'truncated.bin': stored.subarray(0, stored.length >> 1),
      'other-opencc.bin': Buffer.concat([Buffer.from(header.replace(`"opencc":"${version}"`, '"opencc":"0.0.1"').padEnd(nl, ' '), 'latin1'), stored.subarray(nl)]),
      'bad-trigger.bin': Buffer.concat([Buffer.from(header.replace(/"trigger":"[^"]*"/, '"trigger":"[z-a]"').padEnd(nl, ' '), 'latin1'), stored.subarray(nl)]),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    const texts = [SAMPLE, ...textsBelow('fixtures').flatMap((t) => [t, toTraditional(t)]), ...randomTexts(3000, 11)];
    for (const name of ['missing.bin', ...Object.keys(files)]) {
      const loaded = loadConverter(path.join(dir, name));
      expect(loaded.source, name).toBe('built');
      for (const s of texts) if (loaded.convert(s) !== reference(s)) expect(loaded.convert(s), name).toBe(reference(s));
    }
    expect(loadConverter(T2S_FILE).source).toBe('stored');
  });

  it('the trigger stored is the one made from the normalization pass, and matches the characters it changes', () => {
    expect(built.trigger).toBe(triggerSource(built.normalization));
    const trigger = new RegExp(built.trigger);
    const { convert } = converterFrom(built);
    // CJK compatibility ideographs (U+F900 豈, U+FA0C 兀), IDS operators, high surrogates
    for (const c of ['\uf900', '\ufa0c', '⿰', '\ud842']) expect(trigger.test(c), c).toBe(true);
    for (const c of ['關', '兀', 'a', '，']) expect(trigger.test(c), c).toBe(false);
    expect(convert('\uf900\ufa0c')).toBe(reference('\uf900\ufa0c'));
  });
});

describe('the command line converts traditional text without loading opencc-js (stored tables, found from the bundles)', () => {
  const ROOT = path.resolve('.');
  // a preload (it runs in export's worker threads too) that refuses to load opencc-js
  const dir = mkdtempSync(path.join(tmpdir(), 'plancmp-t2s-cli-'));
  const hook = path.join(dir, 'no-opencc.cjs');
  writeFileSync(hook, "const M = require('node:module'); const load = M._load; M._load = function (r, ...a) { if (/opencc-js/.test(r)) throw new Error('opencc-js loaded: ' + r); return load.call(this, r, ...a); };\n");
  const trad = path.join(dir, 'huzhou-trad.txt');
  writeFileSync(trad, toTraditional(readFileSync('fixtures/001_2a7fecd8e03c454a.txt', 'utf8')));
  const run = (args: string[], preload: boolean) =>
    spawnSync(process.execPath, [...(preload ? ['-r', hook] : []), path.join(ROOT, 'bin', 'plancmp.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1' } });

  it('plancmp diff (dist/cli.cjs)', () => {
    const r = run(['diff', trad, '--format', 'json'], true);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(run(['diff', trad, '--format', 'json'], false).stdout);
    const parsed = run(['parse', trad, '--format', 'json'], true);
    expect(parsed.status, parsed.stderr).toBe(0);
    expect(JSON.parse(parsed.stdout).source.converted).toBe('t2s');
  });

  it("plancmp export's workers (dist/export-worker.cjs)", () => {
    const out = path.join(dir, 'out');
    const r = run(['export', trad, '--out', out, '--jobs', '2', '--diff'], true);
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const e of files) expect(JSON.parse(readFileSync(path.join(e.parentPath, e.name), 'utf8')).notice.source.converted).toBe('t2s');
  }, 60_000);
});
