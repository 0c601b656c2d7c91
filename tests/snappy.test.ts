// src/write/snappy.ts: what it compresses, hyparquet's Snappy decoder gives back byte for byte —
// empty and tiny inputs, incompressible bytes, long runs, repeats near and far (both copy forms, copies
// longer than 64 bytes), inputs across the 64 KiB fragments, and UTF-8 text like the tables' — and
// repetitive text gets smaller.
import { describe, it, expect } from 'vitest';
import { snappyUncompress } from 'hyparquet';
import { snappyCompress } from '../src/write/snappy.js';

function roundTrip(input: Uint8Array): Uint8Array {
  const packed = snappyCompress(input);
  const back = new Uint8Array(input.length);
  snappyUncompress(packed, back);
  expect(Buffer.from(back).equals(Buffer.from(input))).toBe(true);
  expect(packed.length).toBeLessThanOrEqual(32 + input.length + Math.ceil(input.length / 6));
  return packed;
}

const rng = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

describe('Snappy compression (src/write/snappy.ts)', () => {
  it('round-trips small and edge inputs', () => {
    for (const s of ['', 'a', 'abcd', 'aaaa', 'aaaaa', 'abcabcabcabc']) roundTrip(Buffer.from(s));
    for (const n of [59, 60, 61, 255, 256, 257, 65_535, 65_536, 65_537]) roundTrip(Buffer.alloc(n, 7));
  });

  it('round-trips random bytes (incompressible) and runs, and compresses runs to a small fraction', () => {
    const r = rng(1);
    roundTrip(Uint8Array.from({ length: 200_000 }, () => Math.floor(r() * 256)));
    expect(roundTrip(Buffer.alloc(300_000, 0x41)).length).toBeLessThan(300_000 / 20) // 3 bytes per copy of 64: the format’s best;
  });

  it('round-trips repeats at every distance and length, across fragments', () => {
    const r = rng(2);
    const parts: number[] = [];
    while (parts.length < 400_000) {
      const from = parts.length - 1 - Math.floor(r() * Math.min(parts.length, r() < 0.5 ? 2_000 : 70_000));
      const len = 1 + Math.floor(r() * (r() < 0.3 ? 200 : 12));
      if (from >= 0 && r() < 0.7) for (let k = 0; k < len; k++) parts.push(parts[from + k] ?? 0);
      else for (let k = 0; k < len; k++) parts.push(Math.floor(r() * 256));
    }
    const packed = roundTrip(Uint8Array.from(parts));
    expect(packed.length).toBeLessThan(parts.length * 0.8);
  });

  it('compresses the tables’ kind of text (Chinese units and task texts that recur)', () => {
    const units = ['市发展改革委', '市财政局', '各县（市、区）人民政府', '市教育局', '市卫生健康委'];
    const text = Array.from({ length: 3_000 }, (_, i) => `${units[i % 5]},${i},加强政府系统党的建设，落实全面从严治党主体责任${i % 7}\n`).join('');
    const input = Buffer.from(text);
    expect(roundTrip(input).length).toBeLessThan(input.length / 4);
  });
});
