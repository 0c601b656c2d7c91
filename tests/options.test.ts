// Thresholds are options: one call's values never leak into the next (issue 15: mutating the exported
// THRESHOLDS object used to change every later diff in the process, 41 links → 0).
import { describe, it, expect } from 'vitest';
import { fixture } from './helpers.js';
import { loadBase } from '../src/pipeline.js';
import { diffNotices } from '../src/diff/index.js';
import { DEFAULT_DIFF_OPTIONS, resolveDiffOptions } from '../src/options.js';
import * as lib from '../src/index.js';

describe('DEFAULT_DIFF_OPTIONS', () => {
  it('is frozen all the way down', () => {
    expect(Object.isFrozen(DEFAULT_DIFF_OPTIONS)).toBe(true);
    for (const group of Object.values(DEFAULT_DIFF_OPTIONS)) expect(Object.isFrozen(group)).toBe(true);
    expect(() => {
      (DEFAULT_DIFF_OPTIONS.align as { main: number }).main = 0.99;
    }).toThrow(TypeError);
    expect(DEFAULT_DIFF_OPTIONS.align.main).toBe(0.34);
  });

  it('the library exports no mutable threshold object', () => {
    expect('THRESHOLDS' in lib).toBe(false);
    expect(lib.DEFAULT_DIFF_OPTIONS).toBe(DEFAULT_DIFF_OPTIONS);
  });

  it('options given to one diff change that diff only', async () => {
    const base = loadBase();
    const local = await fixture('zhoushan');
    const before = diffNotices(base, local);
    const strict = diffNotices(base, local, { align: { main: 0.99, extraCover: 0.99, titleMatch: 1.01, mutual: 0.99, partialCover: 0.99 } });
    expect(strict.links.length).toBeLessThan(before.links.length);
    const after = diffNotices(base, local);
    expect(after).toEqual(before);
  });

  it('resolveDiffOptions lays a caller\'s values over fresh copies of the defaults', () => {
    const o = resolveDiffOptions({ family: { sameFamily: 0.9 } });
    expect(o.family).toEqual({ ...DEFAULT_DIFF_OPTIONS.family, sameFamily: 0.9 });
    o.align.main = 0.5;
    expect(DEFAULT_DIFF_OPTIONS.align.main).toBe(0.34);
  });
});
