// --rule NAME=LEVEL: an analyst's own severity for a rule (eslint's "rules" setting on the command
// line). Levels: off (not reported), warn, error.
import { PlancmpError } from '../errors.js';
import { RULES, type Finding, type Severity } from './rules.js';

/** Rules renamed to the warning code they report: the old name still works in --rule. */
const RENAMED: Readonly<Record<string, string>> = { 'task-without-units': 'no-units' };

export type RuleLevel = Severity | 'off';

const LEVELS: Readonly<Record<string, RuleLevel>> = { off: 'off', '0': 'off', warn: 'warning', warning: 'warning', '1': 'warning', error: 'error', '2': 'error' };

/** `["mojibake=warn", "page-furniture=off"]` → Map rule → level; a usage error names what is wrong. */
export function parseRuleLevels(specs: readonly string[] = [], known: readonly string[] = RULES): Map<string, RuleLevel> {
  const out = new Map<string, RuleLevel>();
  for (const spec of specs) {
    const m = /^\s*([\w-]+)\s*[=:]\s*(\w+)\s*$/.exec(spec);
    if (!m) throw new PlancmpError('usage', `--rule "${spec}" is not NAME=LEVEL`, undefined, 'e.g. --rule mojibake=warn or --rule page-furniture=off');
    const [, given, level] = m;
    const rule = RENAMED[given] ?? given;
    if (!known.includes(rule)) throw new PlancmpError('usage', `--rule: unknown rule "${rule}"`, undefined, `rules: ${known.join(', ')}`);
    const to = LEVELS[level.toLowerCase()];
    if (!to) throw new PlancmpError('usage', `--rule ${rule}: unknown level "${level}"`, undefined, 'use off, warn or error');
    out.set(rule, to);
  }
  return out;
}

/** Findings with the analyst's levels applied: re-rated, or left out when off. */
export function applyRuleLevels(findings: readonly Finding[], levels: ReadonlyMap<string, RuleLevel>): Finding[] {
  if (levels.size === 0) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const level = levels.get(f.rule);
    if (level === 'off') continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}
