// The base parse stored at build time must be exactly today's parse, and must never be used stale.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
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
