// Validates every emitted document against the published JSON Schemas (schema/*.v1.json) and
// checks the consistency rules of the output contract (../shared/CONTRACT.md, schema version 1).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect, beforeAll } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { parseFile, loadBase, diffNotices, type Notice, type PlanDiff } from '../src/index.js';

import { ajv, diffSchema, expectValid, parseSchema, validateDiff, validateParse } from './schema-support.js';

/** Paths of values JSON cannot carry faithfully (NaN, ±Infinity, functions, bigint …). */
function nonJsonValues(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonJsonValues(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonJsonValues(v, `${path}.${k}`, out);
  } else if (typeof value === 'function' || typeof value === 'bigint' || typeof value === 'symbol') {
    out.push(`${path}: ${typeof value}`);
  }
  return out;
}

/** The document as a consumer sees it: serialized, then read back. */
function roundTrip<T>(doc: T, label: string): T {
  expect(nonJsonValues(doc), `${label}: non-JSON values`).toEqual([]);
  const back = JSON.parse(JSON.stringify(doc)) as T;
  expect(back, `${label}: JSON round-trip`).toEqual(doc);
  return back;
}

function expectUniqueIds(ids: string[], label: string): void {
  const seen = new Set<string>();
  const dup = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  expect(dup, `${label}: duplicate ids`).toEqual([]);
}

// ---- fixtures ---------------------------------------------------------------------------------
const FIXTURES = [
  '000_5b73fe2b8637f3d3.txt',
  '001_2a7fecd8e03c454a.txt',
  '002_2cdac00586eece9b.txt', // the provincial base plan 浙政发〔2018〕16号
  '003_921a6ce2908064d7.txt',
  '004_0ece2a694517dc78.txt',
];
const BASE_FIXTURE = '002_2cdac00586eece9b.txt';
const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

const notices = new Map<string, Notice>();
let base: Notice;

beforeAll(async () => {
  for (const name of FIXTURES) notices.set(name, await parseFile(fixturePath(name)));
  base = loadBase();
});

describe('schema/parse.v1.json', () => {
  it('the embedded base validates', () => {
    const doc = roundTrip(base, 'base');
    expectValid(validateParse, doc, 'base');
    expectUniqueIds(doc.tasks.map((t) => t.id), 'base tasks');
    expectUniqueIds(doc.keyList.map((r) => r.id), 'base keyList');
  });

  for (const name of FIXTURES) {
    it(`${name} validates`, () => {
      const notice = notices.get(name)!;
      const doc = roundTrip(notice, name);
      expectValid(validateParse, doc, name);
      expectUniqueIds(doc.tasks.map((t) => t.id), `${name} tasks`);
      expectUniqueIds(doc.keyList.map((r) => r.id), `${name} keyList`);
    });
  }
});

describe('schema/diff.v1.json', () => {
  for (const name of FIXTURES.filter((f) => f !== BASE_FIXTURE)) {
    it(`diff base × ${name} validates and is consistent`, () => {
      const local = notices.get(name)!;
      const diff: PlanDiff = roundTrip(diffNotices(base, local), `diff ${name}`);
      expectValid(validateDiff, diff, `diff ${name}`);

      const baseIds = base.tasks.map((t) => t.id);
      const localIds = local.tasks.map((t) => t.id);
      expectUniqueIds(baseIds, 'base tasks');
      expectUniqueIds(localIds, `${name} tasks`);
      const baseIdSet = new Set(baseIds);
      const localIdSet = new Set(localIds);

      // every link names existing tasks
      for (const k of diff.links) {
        expect(baseIdSet.has(k.base), `link base ${k.base} not a base task`).toBe(true);
        expect(localIdSet.has(k.local), `link local ${k.local} not a local task`).toBe(true);
      }
      const baseKeyIds = new Set(base.keyList.map((r) => r.id));
      const localKeyIds = new Set(local.keyList.map((r) => r.id));
      for (const k of diff.keyListLinks) {
        expect(baseKeyIds.has(k.base), `keyList link base ${k.base} not a base row`).toBe(true);
        expect(localKeyIds.has(k.local), `keyList link local ${k.local} not a local row`).toBe(true);
      }
      // deadline changes name existing tasks or key-list rows
      for (const c of diff.deadlineChanges) {
        expect(baseIdSet.has(c.base) || baseKeyIds.has(c.base), `deadlineChange base ${c.base} unknown`).toBe(true);
        expect(localIdSet.has(c.local) || localKeyIds.has(c.local), `deadlineChange local ${c.local} unknown`).toBe(true);
      }

      // a base id is in `dropped` exactly when no link names it; likewise local ids and `added`
      const linkedBase = new Set(diff.links.map((k) => k.base));
      const linkedLocal = new Set(diff.links.map((k) => k.local));
      const droppedIds = diff.dropped.map((d) => d.id);
      const addedIds = diff.added.map((d) => d.id);
      expectUniqueIds(droppedIds, 'dropped');
      expectUniqueIds(addedIds, 'added');
      expect([...droppedIds].sort()).toEqual(baseIds.filter((id) => !linkedBase.has(id)).sort());
      expect([...addedIds].sort()).toEqual(localIds.filter((id) => !linkedLocal.has(id)).sort());

      // summary agrees with the lists it counts
      expect(diff.summary.baseTasks).toBe(baseIds.length);
      expect(diff.summary.localTasks).toBe(localIds.length);
      expect(diff.summary.dropped).toBe(diff.dropped.length);
      expect(diff.summary.added).toBe(diff.added.length);
    });
  }
});

describe('the schemas can fail', () => {
  it('rejects a parse document of another schema version', () => {
    const doc = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    expect(validateParse(doc)).toBe(true);
    doc.schema = 'plancmp.parse/2';
    expect(validateParse(doc)).toBe(false);
    expect(ajv.errorsText(validateParse.errors)).toMatch(/schema/);
  });

  it('rejects a task id that is not "P.K"', () => {
    const doc = JSON.parse(JSON.stringify(base)) as Notice;
    expect(doc.tasks.length).toBeGreaterThan(0);
    (doc.tasks[0] as { id: string }).id = 'A';
    expect(validateParse(doc)).toBe(false);
    expect(ajv.errorsText(validateParse.errors)).toMatch(/tasks\/0\/id/);
  });

  it('rejects a missing required field, NaN scores and a bad link kind in a diff', () => {
    const local = notices.get('000_5b73fe2b8637f3d3.txt')!;
    const good = JSON.parse(JSON.stringify(diffNotices(base, local))) as PlanDiff;
    expect(validateDiff(good)).toBe(true);

    const noSummary = structuredClone(good) as Partial<PlanDiff>;
    delete noSummary.summary;
    expect(validateDiff(noSummary)).toBe(false);

    const nanScore = structuredClone(good);
    expect(nanScore.links.length).toBeGreaterThan(0);
    nanScore.links[0].score = NaN;
    expect(validateDiff(nanScore)).toBe(false);

    const badKind = structuredClone(good);
    (badKind.links[0] as { kind: string }).kind = 'similar';
    expect(validateDiff(badKind)).toBe(false);
  });
});
