// Analyst overrides (--pairs FILE): links the analyst asserts and links they reject.
//   { "pin": [ {"base": "7.2", "local": "7.1", "kind": "partial"} ], "ban": [ {"base": "5.2", "local": "1.4"} ] }
// Also accepted: a gold alignment file ({"links": [...]}), whose links are all pinned.
import { readFileSync } from 'node:fs';
import { PlancmpError } from '../errors.js';
import type { PairRules } from '../align/tasks.js';
import type { LinkKind } from '../model.js';

const KINDS = new Set(['same', 'reworded', 'merged', 'split', 'partial']);

export function parsePairs(json: unknown, file = '<pairs>'): PairRules {
  if (Array.isArray(json)) throw new PlancmpError('bad-pairs', 'is a JSON array, not an object with "pin" and "ban" lists', file, 'wrap it: {"pin": [...]} for links to keep, {"ban": [...]} for links to reject');
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
  const unknown = Object.keys(o).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length) throw new PlancmpError('bad-pairs', `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`, file, 'the keys are "pin", "ban" (and "links" in a gold file)');
  const rules = { pin: [...list(o.pin, 'pin'), ...list(o.links, 'links')], ban: list(o.ban, 'ban') };
  const pinned = new Set(rules.pin.map((p) => `${p.base}|${p.local}`));
  const both = rules.ban.filter((b) => pinned.has(`${b.base}|${b.local}`));
  if (both.length) {
    throw new PlancmpError('bad-pairs', `pins and bans the same link${both.length > 1 ? 's' : ''}: ${both.map((b) => `base ${b.base} ↔ local ${b.local}`).join(', ')}`, file, 'keep each link in one list');
  }
  return rules;
}

// a gold alignment file also names its documents
const KNOWN_KEYS = new Set(['pin', 'ban', 'links', 'base', 'local', 'note', 'notes', 'comment']);

/**
 * Pins and bans that name a task the plans do not have (a typo, or a file written for another
 * version): one message per id, for the caller to print as warnings. Those links do nothing.
 */
export function unknownPairIds(rules: PairRules, baseIds: Iterable<string>, localIds: Iterable<string>): string[] {
  const b = new Set(baseIds);
  const l = new Set(localIds);
  const out: string[] = [];
  for (const [name, list] of [['pin', rules.pin], ['ban', rules.ban]] as const) {
    list.forEach((p, i) => {
      if (!b.has(p.base)) out.push(`${name}[${i}]: the base has no task ${p.base} (ignored)`);
      if (!l.has(p.local)) out.push(`${name}[${i}]: the local plan has no task ${p.local} (ignored)`);
    });
  }
  return out;
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
