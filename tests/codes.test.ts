// Closed vocabularies (issue 15): warning codes and deadline frequencies are unions, one name per
// problem, and every value the parser emits is documented in the schema.
import { describe, it, expect } from 'vitest';
import { extractDeadlines } from '../src/parse/deadlines.js';
import { decodeBytes } from '../src/read/decode.js';
import { parseText } from '../src/pipeline.js';
import { WARNING_RULES } from '../src/check/rules.js';
import { ajv, parseSchema } from './schema-support.js';

const frequencyOf = (text: string) => extractDeadlines(text).find((d) => d.kind === 'recurring')?.frequency;
const validFrequency = ajv.compile({ ...(parseSchema.$defs as Record<string, { properties: Record<string, unknown> }>).deadline.properties.frequency, $id: 'frequency-only' });

describe('deadline frequencies', () => {
  it('counted units read as every-N-<unit>, not every-N-monthly', () => {
    expect(frequencyOf('每三个月开展一次督查。')).toBe('every-3-months');
    expect(frequencyOf('每两个季度通报一次。')).toBe('every-2-quarters');
    expect(frequencyOf('每三年评估一次。')).toBe('every-3-years');
  });

  it('every frequency the parser emits is one the schema documents', () => {
    const texts = ['每年开展', '每半年报告', '每两年评估', '每季度通报', '每月调度', '每半月调度', '每旬报送', '每周例会', '每两周会商', '每天巡查', '每三个月督查', '每四周会商', '每五天巡查', '每两旬报送'];
    for (const t of texts) {
      const f = frequencyOf(t);
      expect(f, t).toBeDefined();
      expect(validFrequency(f), `${t} → ${f}`).toBe(true);
    }
  });
});

describe('warning codes', () => {
  it('U+FFFD has one name, whether decoding or the text produced it', () => {
    const bytes = Buffer.concat([Buffer.from('关于印发实施方案的通知\n一、总体要求\n'), Buffer.from([0xff]), Buffer.from('加强建设。\n'.repeat(20))]);
    const decoded = decodeBytes(bytes, 'x.txt', 'utf-8');
    expect(decoded.warnings.map((w) => w.code)).toEqual(['replacement-char']);
    const n = parseText('关于印发实施方案的通知\n一、总体要求\n加强\uFFFD建设。\n');
    expect(n.warnings.map((w) => w.code)).toContain('replacement-char');
    expect('replacement-chars' in WARNING_RULES).toBe(false);
  });
});
