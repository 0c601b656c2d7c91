// normalize/t2s.ts converts traditional text with its own runner over opencc-js's tries (the same
// dictionaries, loaded by opencc-js's Trie): it must give exactly what opencc-js's Converter gives.
import { describe, it, expect } from 'vitest';
import { textsBelow } from './helpers.js';
import { createRequire } from 'node:module';
import { t2sConverters } from '../src/normalize/t2s.js';

const require = createRequire(import.meta.url);
const OpenCC = require('opencc-js/t2cn');
const toTraditional = require('opencc-js/cn2t').Converter({ from: 'cn', to: 'tw' }) as (s: string) => string;


describe('traditional → simplified', () => {
  const { fast, reference } = t2sConverters();

  it('uses the fast converter (it passed its check against opencc-js)', () => {
    expect(fast).toBeDefined();
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
    const cfg = OpenCC.Locale.configs.tw2s;
    const pieces: string[] = ['⿰', '⿲', '⿰氵', '⿱⿰', '\ud842', '\udfb7', '𠮷', 'a', '，', '\n', ' ', '', '豈'];
    for (const d of [...cfg.normalizationChain.flat(), ...[cfg.segmentation].flat(), ...cfg.conversionChain.flat()] as string[]) {
      for (const e of d.split('|')) {
        const [l, r] = e.split(' ');
        pieces.push(l, r ?? '', ...l);
      }
    }
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let t = 0; t < 30000; t++) {
      let s = '';
      const k = 1 + Math.floor(rnd() * 12);
      for (let i = 0; i < k; i++) {
        const p = pieces[Math.floor(rnd() * pieces.length)];
        s += rnd() < 0.3 ? p.slice(0, Math.max(1, p.length - 1)) : p;
      }
      if (fast!(s) !== reference(s)) expect(fast!(s)).toBe(reference(s));
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
