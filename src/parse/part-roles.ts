// The role of each part 一、二、三、 of a plan, by what it is in the document: a frame part (总体要求,
// 指导思想, 目标 …) opens a plan, safeguard parts (保障措施, 组织实施 …) and a schedule (实施步骤)
// close it, and every other part states measures, whatever its title says (三、加强审核管理). A
// title is read as a role from the words it is made of and from where the part stands; the items
// of the last part are read too, since a closing part is often titled by its theme (督查指导).
import type { PartRole } from '../model.js';
import {
  DUTY_PART_TITLE, FRAME_CORES, FRAME_EXHORTATION, FRAME_FILLER, INDICATOR_TITLE, OUTREACH_THEME, SAFEGUARD_CORE, SAFEGUARD_THEME, SCHEDULE_CORE,
} from '../vocabulary.js';
import type { BodyNode } from './body.js';

export interface RoleOf {
  role: PartRole;
  /** Why, in a few words (shown by `parse --format text` and in taskShape.parts). */
  why: string;
}

// longest first, so 总体目标 is taken whole before 目标
const FRAME_WORDS = new RegExp([...FRAME_CORES].sort((a, b) => b.length - a.length).join('|'), 'g');
// a frame core closing a title that names what it frames: 一、清理整顿工作的指导思想 / 二、改革的基本原则
const FRAME_OF = new RegExp(`^[^，。；、]{2,16}的(?:${[...FRAME_CORES].sort((a, b) => b.length - a.length).join('|')})$`);
// safeguard words that name the part's purpose outright; the others (督查, 考核 …) only at the end
// (how the work is organised, 组织架构 / 组织机构, is never a measure, wherever it stands)
const STRONG_SAFEGUARD = /保障措施|组织保障|组织实施|组织领导|组织架构|组织机构|组织形式|工作要求|有关要求|相关要求|实施保障|工作保障|保障机制|其他事项|附则/;
/** An action title a 通知 of arrangements would not have: a measure is stated with a verb or as a task. */
const MEASURE_TITLE =
  /任务|措施|举措|工作|行动|工程|重点|加强|推进|推动|建立|健全|完善|制定|开展|做好|深化|明确|强化|提升|提高|优化|实施|落实|规范|加快|加大|创新|促进|支持|鼓励|培育|发展|构建|打造|坚持|严格|保障|确保|扩大|拓展|探索|抓好|引导|实行|推行|组织|建设|改革|夯实|防范|整治|降低|减少|简化|取消|下放|放宽|扶持|壮大|培养|引进|保护|治理|整合|统一|设立|编制|修订|清理|调整|激发|营造|增强|巩固|畅通|推广|聚焦|突出|注重|发挥|压实|衔接|下放|监管|服务|管理/;

/** An item titled as a kind, not an act: 模式创新型 / 场景应用型 / 高风险类 (a short noun label ending in 型 or 类; 数字化转型 is an act). */
const TYPE_LABEL = /^[\u4e00-\u9fff]{2,8}(?<!转)[型类]$/;

function clean(title: string): string {
  return title.replace(/[。：:；;，,]+$/, '').trim();
}

export function isFrameTitle(title: string): boolean {
  const t = clean(title);
  if (!t) return false;
  if (INDICATOR_TITLE.test(t) || FRAME_EXHORTATION.test(t)) return true;
  if (FRAME_OF.test(t)) return true;
  const rest = t.replace(FRAME_WORDS, '');
  return rest !== t && FRAME_FILLER.test(rest);
}

/** The part's items that are headings (its numbered children), by title. */
function itemTitles(p: BodyNode): string[] {
  return p.children.filter((c) => c.heading).map((c) => clean(c.heading!.title));
}

/**
 * Roles of the parts of one chain. `measuresOnly`: the notice is not named as a plan (a 通知 of
 * arrangements), so a part is an action part only when its title states a measure.
 */
export function partRoles(parts: BodyNode[], measuresOnly: boolean): Map<BodyNode, RoleOf> {
  const out = new Map<BodyNode, RoleOf>();
  const first: RoleOf[] = parts.map((p) => {
    const t = clean(p.heading!.title);
    if (INDICATOR_TITLE.test(t)) return { role: 'frame', why: 'indicators, not measures' };
    if (isFrameTitle(t)) return { role: 'frame', why: 'a frame title (总体要求, 指导思想, 目标 …)' };
    // items that are all kinds (模式创新型、场景应用型、生态服务型): a typology the plan defines, not measures
    const kinds = itemTitles(p);
    if (kinds.length >= 2 && kinds.every((k) => TYPE_LABEL.test(k))) return { role: 'frame', why: `a typology: its items are kinds (${kinds[0]} …)` };
    // one paragraph only names the owners of the measures above; items or a paragraph per body
    // (（一）县经信局：… / 区应急局负责…) list each body's own measures
    if (DUTY_PART_TITLE.test(t) && !kinds.length && p.paras.length <= 1) return { role: 'safeguard', why: `assigns the measures to bodies: ${t}` };
    const sched = SCHEDULE_CORE.exec(t);
    if (sched) return { role: 'schedule', why: `a schedule title: ${sched[0]}` };
    const safe = SAFEGUARD_CORE.exec(t);
    if (safe) return { role: 'safeguard', why: `a safeguard title: ${safe[0]}` };
    if (measuresOnly && !MEASURE_TITLE.test(t)) return { role: 'other', why: 'not a measure, in a notice not named as a plan' };
    return { role: 'action', why: 'states measures' };
  });
  // A safeguard title of the weak kind (督查, 考核 …) closes a plan only where nothing but a schedule
  // follows it: before an action part or the plan's own 保障措施 / 组织实施 it states measures.
  let closedAfter = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    const r = first[i];
    const title = clean(parts[i].heading!.title);
    const strong = STRONG_SAFEGUARD.test(title) || DUTY_PART_TITLE.test(title);
    if (r.role === 'safeguard' && closedAfter && !strong) first[i] = { role: 'action', why: 'states measures; the plan closes with later parts' };
    if (first[i].role === 'action' || (first[i].role === 'safeguard' && strong)) closedAfter = true;
  }
  // The last action part before the end, when its items are about leadership, supervision,
  // publicity or funds (the usual closing measures), is the plan's safeguard part.
  const last = first.map((r) => r.role).lastIndexOf('action');
  const closed = first.some((r) => r.role === 'safeguard');
  if (last >= 0 && !closed && first.filter((r) => r.role === 'action').length > 1) {
    const titles = itemTitles(parts[last]);
    const themed = titles.filter((t) => SAFEGUARD_THEME.test(t)).length;
    // (publicity and training alone are measures a notice may set out as its own last part: 四、做好业务培训和宣传引导)
    const governs = titles.some((t) => SAFEGUARD_THEME.test(t.replace(OUTREACH_THEME, '')));
    if (titles.length >= 2 && themed * 3 >= titles.length * 2 && governs && SAFEGUARD_THEME.test(clean(parts[last].heading!.title) + titles.join(''))) {
      first[last] = { role: 'safeguard', why: 'last part; its items are about leadership, supervision, publicity or funds' };
    }
  }
  // A frame part followed by the part two numbers on (二、主要目标 … 四、保障措施) lost the heading between
  // them (a scan that dropped the line 三、重点任务): the numbered items it holds are that part's measures
  for (let i = 0; i < parts.length; i++) {
    const next = parts[i + 1]?.heading;
    if (first[i].role !== 'frame' || !next || next.value !== parts[i].heading!.value + 2) continue;
    const items = itemTitles(parts[i]);
    if (items.length < 2 || items.filter((t) => MEASURE_TITLE.test(t)).length * 2 < items.length) continue;
    first[i] = { role: 'action', why: `its items state measures, and part ${next.number.replace(/[、.．]$/, '')} follows it: the heading between them is missing` };
  }
  parts.forEach((p, i) => out.set(p, first[i]));
  return out;
}
