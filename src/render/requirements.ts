// The section of a diff that says what the lower level weakened beyond deadlines: numeric targets
// lowered, raised, removed or added, and obligations whose word changed (确保 → 力争), with the two
// clauses side by side and the changed word marked. One module for text and Markdown.
import type { PlanDiff, StrengthChange, TargetChange } from '../model.js';
import type { Colors } from './color.js';
import { mdCell, mdTable } from './markdown.js';

const TARGET_ORDER: TargetChange['change'][] = ['lowered', 'raised', 'removed', 'added', 'changed-unit'];
const STRENGTH_ORDER: StrengthChange['change'][] = ['prohibition-removed', 'weakened', 'strengthened'];

/** A clause with its modal word in brackets: 【确保】审批时限压减一半. */
export function markWord(clause: string, word: string): string {
  return word && clause.includes(word) ? clause.replace(word, `【${word}】`) : clause;
}

function targetLine(t: TargetChange): string {
  const ease = t.weaker === true ? ' (asks less)' : t.weaker === false ? ' (asks more)' : '';
  return `${t.base} → ${t.local}  ${t.indicator ? `${t.indicator}: ` : ''}${t.baseTarget || '(none)'} → ${t.localTarget || '(none)'}${ease}`;
}

function strengthLine(s: StrengthChange): string {
  return `${s.base} → ${s.local}  ${markWord(s.baseClause, s.baseWord)} → ${s.localClause ? markWord(s.localClause, s.localWord) : '(not stated)'}`;
}

export function requirementSectionText(d: PlanDiff, c: Colors): string[] {
  const targets = d.targetChanges ?? [];
  const strengths = d.strengthChanges ?? [];
  const out: string[] = [];
  if (targets.length) {
    out.push('', c.bold(`Target changes (${targets.length})`));
    for (const kind of TARGET_ORDER) {
      const list = targets.filter((t) => t.change === kind);
      if (!list.length) continue;
      out.push(`  ${(kind === 'lowered' || kind === 'removed' ? c.red : c.yellow)(kind)} (${list.length})`);
      for (const t of list) out.push(`    ${targetLine(t)}`);
    }
  }
  if (strengths.length) {
    out.push('', c.bold(`Obligation strength (${strengths.length})`));
    for (const kind of STRENGTH_ORDER) {
      const list = strengths.filter((s) => s.change === kind);
      if (!list.length) continue;
      out.push(`  ${(kind === 'strengthened' ? c.green : c.red)(kind)} (${list.length})`);
      for (const s of list) out.push(`    ${strengthLine(s)}`);
    }
  }
  return out;
}

export function requirementSectionsMarkdown(d: PlanDiff): { title: string; body: string }[] {
  const out: { title: string; body: string }[] = [];
  const targets = d.targetChanges ?? [];
  const strengths = d.strengthChanges ?? [];
  if (targets.length) {
    const rows = targets.map((t) => [t.base, t.local, t.indicator, t.baseTarget, t.localTarget, t.change, t.weaker === undefined ? '' : t.weaker ? 'asks less' : 'asks more']);
    out.push({ title: `Target changes (${targets.length})`, body: mdTable(['base', 'local', 'indicator', 'base target', 'local target', 'change', ''], rows.map((r) => r.map(mdCell)), true) });
  }
  if (strengths.length) {
    const rows = strengths.map((s) => [s.base, s.local, markWord(s.baseClause, s.baseWord), markWord(s.localClause, s.localWord), s.change]);
    out.push({ title: `Obligation strength (${strengths.length})`, body: mdTable(['base', 'local', 'base clause', 'local clause', 'change'], rows.map((r) => r.map(mdCell)), true) });
  }
  return out;
}
