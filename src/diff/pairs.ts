// Analyst overrides (--pairs FILE): links the analyst asserts and links they reject.
//   { "pin": [ {"base": "7.2", "local": "7.1", "kind": "partial"} ], "ban": [ {"base": "5.2", "local": "1.4"} ] }
// Also accepted: a gold alignment file ({"links": [...]}), whose links are all pinned.
import { readFileSync } from 'node:fs';
import { PlancmpError } from '../errors.js';
import type { PairRules } from '../align/tasks.js';
import type { LinkKind } from '../model.js';

const KINDS = new Set(['same', 'reworded', 'merged', 'split', 'partial']);

export function parsePairs(json: unknown, file = '<pairs>'): PairRules {
  if (!json || typeof json !== 'object') throw new PlancmpError('bad-pairs', 'is not a JSON object', file, 'expected {"pin": [...], "ban": [...]}');
  const o = json as Record<string, unknown>;
  const list = (v: unknown, name: string) => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new PlancmpError('bad-pairs', `"${name}" must be an array`, file);
    return v.map((x, i) => {
      const p = x as Record<string, unknown>;
      if (typeof p?.base !== 'string' || typeof p?.local !== 'string') {
        throw new PlancmpError('bad-pairs', `${name}[${i}] needs string "base" and "local" ids`, file, 'e.g. {"base": "2.1", "local": "2.1"}');
      }
      if (p.kind !== undefined && !KINDS.has(String(p.kind))) throw new PlancmpError('bad-pairs', `${name}[${i}].kind must be one of ${[...KINDS].join(', ')}`, file);
      return { base: p.base, local: p.local, kind: p.kind as LinkKind | undefined };
    });
  };
  return { pin: [...list(o.pin, 'pin'), ...list(o.links, 'links')], ban: list(o.ban, 'ban') };
}

export function loadPairs(file: string): PairRules {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new PlancmpError('not-found', 'cannot read the pairs file', file, 'check the path given to --pairs');
  }
  try {
    return parsePairs(JSON.parse(text), file);
  } catch (e) {
    if (e instanceof PlancmpError) throw e;
    throw new PlancmpError('bad-pairs', `is not valid JSON (${(e as Error).message})`, file);
  }
}
