// Is the local plan an implementation of the base at all? A plan of another family (a different
// province's campaign on a similar theme) shares topics, not tasks: few tasks on either side find
// a strong counterpart. Then the report must say so instead of listing every difference as a finding.
import type { Link, PlanDiff } from '../model.js';
import { DEFAULT_DIFF_OPTIONS, type FamilyOptions } from '../options.js';

export function judgeFamily(links: Link[], baseTasks: number, localTasks: number, citesBase: boolean, T: Readonly<FamilyOptions> = DEFAULT_DIFF_OPTIONS.family): PlanDiff['family'] {
  // citesBase here means: cites the base, or is named after it
  const strong = links.filter((k) => k.score >= T.strong || k.manual);
  const baseShare = baseTasks ? new Set(strong.map((k) => k.base)).size / baseTasks : 0;
  const localShare = localTasks ? new Set(strong.map((k) => k.local)).size / localTasks : 0;
  // a truncated or partial local plan still derives from the base: judge by the better side
  const strongShare = Math.round(Math.max(baseShare, localShare) * 1000) / 1000;
  const linkedShare = Math.max(baseTasks ? new Set(links.map((k) => k.base)).size / baseTasks : 0, localTasks ? new Set(links.map((k) => k.local)).size / localTasks : 0);
  const sameFamily = citesBase || strongShare >= T.sameFamily || linkedShare >= T.linkedFamily;
  return {
    sameFamily,
    strongShare,
    message: sameFamily
      ? undefined
      : `different family: only ${Math.round(localShare * 100)}% of local tasks and ${Math.round(baseShare * 100)}% of base tasks have a strong counterpart, and the local plan neither cites the base nor is named after it — it is not an implementation of it. The links below are thematic overlap, not carried tasks.`,
  };
}
