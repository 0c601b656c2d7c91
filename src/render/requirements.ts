// The section of a diff that says what the lower level weakened beyond deadlines: numeric targets
// lowered, raised, removed or added, and obligations whose word changed (确保 → 力争), with the two
// clauses side by side and the changed word marked. One module for text and Markdown.
import type { PlanDiff, StrengthChange, TargetChange } from '../model.js';
import type { Colors } from './color.js';
import { mdCell, mdTable } from './markdown.js';
import { LABELS, type Labels } from './labels.js';

const TARGET_ORDER: TargetChange['change'][] = ['lowered', 'raised', 'removed', 'added', 'changed-unit'];
const STRENGTH_ORDER: StrengthChange['change'][] = ['prohibition-removed', 'weakened', 'strengthened'];

/** A clause with its modal word in brackets: 【确保】审批时限压减一半. */
export function markWord(clause: string, word: string): string {
  return word && clause.includes(word) ? clause.replace(word, `【${word}】`) : clause;
}

function targetLine(t: TargetChange, L: Labels): string {
  const R = L.req;
  const ease = t.weaker === true ? R.asksLess : t.weaker === false ? R.asksMore : '';
  const colon = L.lang === 'zh' ? '：' : ': ';
  return `${t.base} → ${t.local}  ${t.indicator ? `${t.indicator}${colon}` : ''}${t.baseTarget || L.none} → ${t.localTarget || L.none}${ease}`;
}

function strengthLine(s: StrengthChange, L: Labels): string {
  return `${s.base} → ${s.local}  ${markWord(s.baseClause, s.baseWord)} → ${s.localClause ? markWord(s.localClause, s.localWord) : L.req.notStated}`;
}

export function requirementSectionText(d: PlanDiff, c: Colors, L: Labels = LABELS.en): string[] {
  const R = L.req;
  const targets = d.targetChanges ?? [];
  const strengths = d.strengthChanges ?? [];
  const out: string[] = [];
  if (targets.length) {
    out.push('', c.bold(R.targets(targets.length)));
    for (const kind of TARGET_ORDER) {
      const list = targets.filter((t) => t.change === kind);
      if (!list.length) continue;
      out.push(`  ${(kind === 'lowered' || kind === 'removed' ? c.red : c.yellow)(R.kind[kind])} (${list.length})`);
      for (const t of list) out.push(`    ${targetLine(t, L)}`);
    }
  }
  if (strengths.length) {
    out.push('', c.bold(R.strength(strengths.length)));
    for (const kind of STRENGTH_ORDER) {
      const list = strengths.filter((s) => s.change === kind);
      if (!list.length) continue;
      out.push(`  ${(kind === 'strengthened' ? c.green : c.red)(R.kind[kind])} (${list.length})`);
      for (const s of list) out.push(`    ${strengthLine(s, L)}`);
    }
  }
  return out;
}

export function requirementSectionsMarkdown(d: PlanDiff, L: Labels = LABELS.en): { title: string; body: string }[] {
  const R = L.req;
  const out: { title: string; body: string }[] = [];
  const targets = d.targetChanges ?? [];
  const strengths = d.strengthChanges ?? [];
  if (targets.length) {
    const rows = targets.map((t) => [t.base, t.local, t.indicator, t.baseTarget, t.localTarget, R.kind[t.change], t.weaker === undefined ? '' : (t.weaker ? R.asksLess : R.asksMore).trim()]);
    out.push({ title: R.targets(targets.length), body: mdTable([...R.targetCols], rows.map((r) => r.map(mdCell)), true) });
  }
  if (strengths.length) {
    const rows = strengths.map((s) => [s.base, s.local, markWord(s.baseClause, s.baseWord), markWord(s.localClause, s.localWord), R.kind[s.change]]);
    out.push({ title: R.strength(strengths.length), body: mdTable([...R.strengthCols], rows.map((r) => r.map(mdCell)), true) });
  }
  return out;
}
