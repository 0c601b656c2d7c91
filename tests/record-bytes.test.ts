// The bytes of an export record: recordFile / recordLine give their text in pieces, and the writer
// encodes them (bytesOf, ownBytes) into a reused buffer instead of joining them first. The bytes must
// be exactly those of the one-string forms they replaced, on the fixtures' records and on random
// values (escapes, lone surrogates, U+2028/2029, -0, NaN, undefined, nested empties).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { recordFacts, recordFile, recordLine, type ExportHeader, type RecordFacts } from '../src/export/record.js';
import { bytesOf, ownBytes } from '../src/write/atomic.js';
import { loadBase, parseSource } from '../src/pipeline.js';
import { readBytes } from '../src/read/index.js';
import { diffNotices } from '../src/diff/index.js';
import type { Notice, PlanDiff } from '../src/model.js';

const ROOT = path.resolve(__dirname, '..');

// the forms used before the pieces (record.ts at 4a72d61), with the facts after the notice and diff
const MARK = '\u0000plancmp-export-header';
const QUOTED_MARK = JSON.stringify(MARK);
const lineSafe = (json: string) => json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
const oldFile = (h: unknown, n: unknown, d: unknown, f: RecordFacts) =>
  `${JSON.stringify(d ? { export: MARK, notice: n, diff: d, ...f } : { export: MARK, notice: n, ...f }, null, 2).replace(QUOTED_MARK, () => JSON.stringify(h))}\n`;
const oldLine = (h: unknown, n: unknown, d: unknown, f: RecordFacts) => `${lineSafe(JSON.stringify(d ? { export: h, notice: n, diff: d, ...f } : { export: h, notice: n, ...f }))}\n`;

function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029', '中', '政', '〔', '．', '\u3000', '\ud83d\ude00', '\ud800', '\udfff', '\ufeff', '\uffff', 'é'];

function randomString(r: () => number, max: number): string {
  let s = '';
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) s += CHARS[Math.floor(r() * CHARS.length)];
  return s;
}

function randomValue(r: () => number, depth: number): unknown {
  const k = Math.floor(r() * (depth > 3 ? 8 : 11));
  switch (k) {
    case 0:
      return randomString(r, 40);
    case 1:
      return [0, -0, 1.5, -1e21, 1e-7, NaN, Infinity, -Infinity, 2 ** 53, 42][Math.floor(r() * 10)];
    case 2:
      return [true, false, null][Math.floor(r() * 3)];
    case 3:
      return undefined;
    case 4:
      return {};
    case 5:
      return [];
    case 6:
      return randomString(r, 3000); // long texts, as a notice's paragraphs are
    case 7:
      return Math.floor(r() * 1e6);
    case 8:
    case 9: {
      const o: Record<string, unknown> = {};
      const n = Math.floor(r() * 6);
      for (let i = 0; i < n; i++) o[randomString(r, 8)] = randomValue(r, depth + 1);
      return o;
    }
    default:
      return Array.from({ length: Math.floor(r() * 6) }, () => randomValue(r, depth + 1));
  }
}

const header = (input: string): ExportHeader => ({ input, sha256: 'ab'.repeat(32), bytes: 123, plancmp: '0.1.0', schema: 'plancmp.parse/1', diff: null, encoding: null });

const FACTS = recordFacts({ tasks: [], keyList: [] } as unknown as Notice, undefined, { status: 'none', parent: null });

function expectSame(h: ExportHeader, n: unknown, d?: unknown, f: RecordFacts = FACTS): void {
  const file = recordFile(h, n as Notice, d as PlanDiff | undefined, f);
  const line = recordLine(h, n as Notice, d as PlanDiff | undefined, f);
  const wantFile = oldFile(h, n, d, f);
  const wantLine = oldLine(h, n, d, f);
  expect(file.join('')).toBe(wantFile);
  expect(line.join('')).toBe(wantLine);
  expect(Buffer.from(bytesOf(file)).equals(Buffer.from(wantFile))).toBe(true);
  expect(ownBytes(line).equals(Buffer.from(wantLine))).toBe(true);
}

describe('export record bytes', () => {
  it('equal the one-string forms on the fixtures (with and without a diff)', async () => {
    const base = loadBase();
    for (const f of ['000_5b73fe2b8637f3d3.txt', '002_2cdac00586eece9b.txt']) {
      const file = path.join(ROOT, 'fixtures', f);
      const notice = parseSource(await readBytes(readFileSync(file), file, {}), {});
      expectSame(header(file), notice, undefined, recordFacts(notice, undefined, undefined));
      const d = diffNotices(base, notice);
      expectSame(header(file), notice, d, recordFacts(notice, d, { status: 'given', parent: { file: base.source.file, docNumber: base.meta.docNumber ?? null, evidence: null } }));
    }
  });

  it('equal the one-string forms on random values (2,000 records)', () => {
    const r = mulberry32(2026);
    for (let i = 0; i < 2000; i++) {
      const h = header(randomString(r, 30));
      const n = randomValue(r, 0);
      expectSame(h, n, r() < 0.5 ? randomValue(r, 0) : undefined);
    }
  });

  it('bytesOf and ownBytes: texts of every size (the scratch buffer reused, and past its limit)', () => {
    const r = mulberry32(7);
    for (const units of [0, 1, 100, 70_000, 1_500_000]) {
      const s = units === 0 ? '' : Array.from({ length: units / 5 + 1 }, () => randomString(r, 20)).join('').slice(0, units);
      // cut where a record's pieces are cut: never inside a surrogate pair
      const pieces = [s, '\n', '中\ud83d\ude00', ''];
      const want = Buffer.from(pieces.join(''));
      expect(Buffer.from(bytesOf(s)).equals(Buffer.from(s))).toBe(true);
      expect(Buffer.from(bytesOf(pieces)).equals(want)).toBe(true);
      expect(ownBytes(pieces).equals(want)).toBe(true);
      expect(ownBytes(pieces).byteOffset).toBe(0);
      expect(ownBytes(pieces).buffer.byteLength).toBe(want.length);
    }
    const bytes = new Uint8Array([1, 2, 3]);
    expect(bytesOf(bytes)).toBe(bytes); // bytes pass through
  });
});
