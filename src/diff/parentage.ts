// Does the local plan cite the base as its parent — by 文号, or by title? A plan that cites some
// other parent is worth a warning: the analyst may be comparing against the wrong base.
import type { Notice, PlanDiff } from '../model.js';
import { containedShare, dice } from '../align/text.js';
import { DEFAULT_DIFF_OPTIONS, type ParentageOptions } from '../options.js';
import { namedAfterSubject, refersToSubject } from './subject.js';

/** The core name of a plan title: drop the issuer prefix, 关于印发…的通知 wrapping and the year span. */
function core(title: string): string {
  return title
    .replace(/^.*?关于印发/, '')
    .replace(/的通知$/, '')
    .replace(/（[^（）]*年）/g, '')
    .replace(/^(?:[\u4e00-\u9fff]{1,12}?(?:省|市|县|区)(?:人民)?政府(?:办公厅|办公室)?)/, '');
}

function rawTitles(n: Notice): string[] {
  return [n.meta.title, n.meta.planTitle].filter((t): t is string => !!t);
}

export function checkParentage(base: Notice, local: Notice, T: Readonly<ParentageOptions> = DEFAULT_DIFF_OPTIONS.parentage): PlanDiff['parentage'] {
  const cited = local.references;
  const baseNo = base.meta.docNumber;
  const baseTitles = [base.meta.title, base.meta.planTitle].filter((t): t is string => !!t).map(core);
  // an implementation plan usually takes its name from its parent: 《政府“两强三提高”建设行动计划…实施方案》
  const ownTitles = [local.meta.title, local.meta.planTitle].filter((t): t is string => !!t).map(core);
  const namesPlan = baseTitles.some((b) => b.length >= 6 && ownTitles.some((o) => containedShare(b, o) >= T.nameMatch));
  // …or after the base's subject, with the genre word of an implementing plan (…监管工作实施方案 for 关于…监管的意见)
  const subject = namesPlan ? undefined : namedAfterSubject(rawTitles(base), rawTitles(local), T.nameMatch);
  const namesBase = namesPlan || !!subject;
  const named = subject ? { namesBase, subject } : { namesBase };
  if (baseNo && cited.some((r) => r.docNumber === baseNo)) return { citesBase: true, by: 'docNumber', ...named, cited };
  if (cited.some((r) => r.title && baseTitles.some((t) => dice(core(r.title!), t) >= T.titleMatch))) return { citesBase: true, by: 'title', ...named, cited };
  // 根据国家关于X的部署: the opening names the base's subject, with no title or 文号
  const subjects = cited.flatMap((r) => (r.subject ? [r.subject] : []));
  if (subjects.length && refersToSubject(rawTitles(base), subjects, T.nameMatch)) return { citesBase: true, by: 'subject', ...named, cited };
  const plans = cited.filter((r) => r.docNumber || (r.title && /计划|方案|规划|意见/.test(r.title)));
  const warning = plans.length
    ? `the local plan cites ${plans.map((r) => [r.title && `《${r.title}》`, r.docNumber].filter(Boolean).join(' ')).join('; ')}, not ${baseNo ?? 'the base plan'}`
    : undefined;
  return { citesBase: false, ...named, cited, warning: namesBase ? undefined : warning };
}
