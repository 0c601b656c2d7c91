// Is the local plan an implementation of the base at all? A plan of another family (a different
// province's campaign on a similar theme) shares topics, not tasks: few tasks on either side find
// a strong counterpart. Then the report must say so instead of listing every difference as a finding.
import type { FamilyEvidence, Link, PlanDiff } from '../model.js';
import { DEFAULT_DIFF_OPTIONS, type FamilyOptions } from '../options.js';

/** What decided it, strongest evidence first: a citation, then the plan's name, then the carried content. */
function evidenceOf(p: Pick<PlanDiff['parentage'], 'citesBase' | 'by' | 'namesBase'>, byContent: boolean): FamilyEvidence {
  if (p.citesBase) return p.by ?? 'docNumber';
  if (p.namesBase) return 'name';
  return byContent ? 'content' : 'thematic';
}

export function judgeFamily(links: Link[], baseTasks: number, localTasks: number, parentage: Pick<PlanDiff['parentage'], 'citesBase' | 'by' | 'namesBase'>, T: Readonly<FamilyOptions> = DEFAULT_DIFF_OPTIONS.family): PlanDiff['family'] {
  const citesBase = parentage.citesBase || parentage.namesBase;
  const strong = links.filter((k) => k.score >= T.strong || k.manual);
  const baseShare = baseTasks ? new Set(strong.map((k) => k.base)).size / baseTasks : 0;
  const localShare = localTasks ? new Set(strong.map((k) => k.local)).size / localTasks : 0;
  // a truncated or partial local plan still derives from the base: judge by the better side
  const strongShare = Math.round(Math.max(baseShare, localShare) * 1000) / 1000;
  const linkedShare = Math.max(baseTasks ? new Set(links.map((k) => k.base)).size / baseTasks : 0, localTasks ? new Set(links.map((k) => k.local)).size / localTasks : 0);
  const byContent = strongShare >= T.sameFamily || linkedShare >= T.linkedFamily;
  const sameFamily = citesBase || byContent;
  return {
    sameFamily,
    by: evidenceOf(parentage, byContent),
    strongShare,
    message: sameFamily
      ? undefined
      : `different family: only ${Math.round(localShare * 100)}% of local tasks and ${Math.round(baseShare * 100)}% of base tasks have a strong counterpart, and the local plan neither cites the base nor is named after it — it is not an implementation of it. The links below are thematic overlap, not carried tasks.`,
  };
}
