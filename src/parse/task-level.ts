// Which level of the body tree holds the tasks. A task is the unit that carries owner notes: a
// numbered heading that closes with one, or — when one heading holds several noted paragraphs —
// each lead-sentence paragraph, or each 一是/二是 run item when the notes follow the runs. A plan
// with no owner notes has its tasks at the deepest numbered level of its action parts.
import type { TaskShape } from '../model.js';
import { HEADING_ORDER, HEADING_OWNER, LEAD_SENTENCE, UNIT_END, type HeadingLevel } from '../vocabulary.js';
import type { RoleOf } from './part-roles.js';
import { descendants, type Body, type BodyNode } from './body.js';
import { isSentenceNote, readOwnerNote, unitLine, type FoundNote } from './owner-notes.js';
import { splitRuns } from './runs.js';
import { emptyList } from './lists.js';
import { sentenceForAll } from './closing-owners.js';

/** One place inside a heading node where a task's text lives: its own paragraph, or one of its paragraphs. */
export interface Slot {
  node: BodyNode;
  /** Paragraph index; for the heading's own paragraph this is node.index. */
  index: number;
  /** The text of the slot (for the heading's own paragraph: the text after the title). */
  own: boolean;
  notes: FoundNote[];
}

export interface NodeNotes {
  /** Noted slots directly in this node (its own paragraph and its unnumbered paragraphs). */
  slots: Slot[];
  /** Unit lines (牵头单位：… / （责任单位：…）) that stand as their own paragraphs in the node. */
  lines: { index: number; note: FoundNote }[];
  /** Unit lines that come before the node's first child heading, when it has children: the owners of a group. */
  group: { index: number; note: FoundNote }[];
}

export type TaskKey = { unit: HeadingLevel } | { unit: 'paragraph' | 'run'; under: HeadingLevel | 'root' };

export interface TaskLevel {
  key?: TaskKey;
  basis: TaskShape['basis'];
  /** Top-level subtrees (parts, or the root's children) that hold tasks. */
  scope: Set<BodyNode>;
  notes: Map<BodyNode, NodeNotes>;
  /** Action parts with no numbered items under them: each is itself one measure, one task. */
  whole: Set<BodyNode>;
  /** Why this level, in a sentence (taskShape.why). */
  why: string;
}

// shared, never written to; not frozen: a frozen object has a map of its own, and every reader of
// `slots` would see two shapes
const NO_NOTES: NodeNotes = { slots: emptyList(), lines: emptyList(), group: emptyList() };
const NO_FOUND: FoundNote[] = emptyList();

export function nodeNotes(body: Body, n: BodyNode): NodeNotes {
  const own = n.level !== 'root' ? body.tokens[n.index].notes : NO_FOUND;
  const byHeading = headingOwner(n);
  // most headings carry at most their own paragraph: share one empty record
  if (own.length === 0 && n.paras.length === 0 && !byHeading) return NO_NOTES;
  const slots: Slot[] = [];
  const lines: NodeNotes['lines'] = [];
  const group: NodeNotes['group'] = [];
  const firstChild = n.children[0]?.index ?? Infinity;
  // a heading that names who leads (（二）省审计厅牵头的工作) is a unit line of its own: the owner of
  // what it holds, and no title of a task
  if (byHeading) (n.children.length ? group : lines).push({ index: n.index, note: byHeading });
  if (own.length) slots.push({ node: n, index: n.index, own: true, notes: own });
  for (const p of n.paras) {
    const t = body.tokens[p];
    // a group's own closing sentence for the measures above it (以上任务由A牵头，B配合) is its unit line
    // (after measures of the group's own: as the group's first words it speaks for the plan's measures)
    const line = unitLine(t.para.text) ?? (n.children.length || p === n.paras[0] ? undefined : sentenceForAll(t.para.text));
    if (line) {
      (n.children.length && p < firstChild ? group : lines).push({ index: p, note: line });
      continue;
    }
    if (t.notes.length) slots.push({ node: n, index: p, own: false, notes: t.notes });
  }
  return { slots, lines, group };
}

/** The owner note a heading like （一）省审计厅牵头的工作 states, read as the note （省审计厅牵头）. */
function headingOwner(n: BodyNode): FoundNote | undefined {
  const m = n.level !== 'root' && n.heading ? HEADING_OWNER.exec(n.heading.title) : null;
  if (!m) return undefined;
  const note = readOwnerNote(`${m[1]}牵头`, true);
  // bodies only: 孟学农省长负责的工作 sorts by the leader in charge, who is no owner
  if (!note || !note.fields.units.length || !note.fields.units.every((u) => UNIT_END.test(u))) return undefined;
  return { text: n.heading!.title, start: 0, end: 0, fields: note.fields, firstIsLead: false, implied: [], trailing: true };
}

function keyName(k: TaskKey): string {
  return 'under' in k ? `${k.unit}@${k.under}` : k.unit;
}

/** The top-level subtree (part, or child of the root) a node sits in. */
export function topOf(n: BodyNode): BodyNode {
  let x = n;
  while (x.parent && x.parent.level !== 'root') x = x.parent;
  return x;
}

export function chooseTaskLevel(body: Body, roles: Map<BodyNode, RoleOf>): TaskLevel {
  const all = descendants(body.root);
  const notes = new Map<BodyNode, NodeNotes>();
  const carriers = new Map<string, { key: TaskKey; tops: Set<BodyNode>; count: number }>();
  const count = (key: TaskKey, n: BodyNode, k = 1) => {
    const name = keyName(key);
    let c = carriers.get(name);
    if (!c) carriers.set(name, (c = { key, tops: new Set(), count: 0 }));
    c.count += k;
    c.tops.add(topOf(n));
  };
  for (const n of all) {
    const nn = nodeNotes(body, n);
    notes.set(n, nn);
    if (n.level === 'root') continue;
    // the slots whose runs carry notes (two or more each), and those runs summed: a loop, no arrays
    let runNoted = 0;
    let runsNoted = 0;
    for (const s of nn.slots) {
      const k = runsWithNotes(body, s);
      if (k >= 2) {
        runNoted++;
        runsNoted += k;
      }
    }
    // a heading that is only a title, over paragraphs that each open with a lead sentence and one line
    // for them all (（一）集聚高端商务人才 / 深化产教融合。… / 引进全球人才。… / 以上工作由A牵头): a measure per paragraph
    const leads = leadParagraphs(body, n, nn);
    if (runNoted) count({ unit: 'run', under: n.level }, n, runsNoted);
    else if (nn.slots.length >= 2) count({ unit: 'paragraph', under: n.level }, n, nn.slots.length);
    else if (leads >= 2) count({ unit: 'paragraph', under: n.level }, n, leads);
    // (a heading naming who leads labels a group; it marks no level of tasks)
    else if (nn.slots.length === 1 || nn.lines.some((l) => l.index !== n.index)) count({ unit: n.level }, n);
  }
  let best: { key: TaskKey; tops: Set<BodyNode>; count: number } | undefined;
  for (const c of carriers.values()) if (!best || c.count > best.count) best = c;
  if (best && covers(best, all, roles)) {
    const what = 'under' in best.key ? (best.key.unit === 'run' ? '一是/二是 runs' : 'lead-sentence paragraphs') : 'numbered items';
    // an action part with no items of its own that carries an owner note is itself a measure
    const whole = new Set<BodyNode>();
    if (!('under' in best.key) && best.key.unit !== 'part') {
      for (const p of body.parts) {
        const nn = notes.get(p)!;
        if (!p.children.length && (nn.lines.length || nn.slots.length) && roles.get(p)?.role === 'action') whole.add(p);
      }
    }
    // likewise a group with no items that carries its own note, beside groups divided into noted
    // items (（一）… with its note, beside （三）1.… 2.… each with theirs), or in another action part
    // written a level shallower (一、（一）1.…（A牵头） but 二、（一）…（B牵头）): the group itself is a measure
    if (!('under' in best.key)) {
      const unit = best.key.unit;
      const shallower = (l: BodyNode['level']) => l !== 'root' && HEADING_ORDER.indexOf(l) < HEADING_ORDER.indexOf(unit);
      for (const n of all) {
        if (n.level === 'root' || n.level === 'part' || n.level === unit || n.children.length) continue;
        const nn = notes.get(n)!;
        if (!nn.lines.length && !nn.slots.length) continue;
        const top = topOf(n);
        const besideItems = best.tops.has(top) && n.parent?.children.some((c) => c.children.some((g) => g.level === unit));
        const shallowPart = !best.tops.has(top) && roles.get(top)?.role === 'action' && shallower(n.level);
        if (besideItems || shallowPart) whole.add(n);
      }
    }
    const also = whole.size ? `, and ${whole.size} action part${whole.size > 1 ? 's' : ''} or group${whole.size > 1 ? 's' : ''} without items that carr${whole.size > 1 ? 'y' : 'ies'} a note` : '';
    // parts themselves are the tasks (no part has items): a part of measures without a note of its
    // own is a task all the same (its owners come from a sentence for all tasks, or nowhere)
    const scope = new Set(best.tops);
    if (!('under' in best.key) && best.key.unit === 'part') for (const p of body.parts) if (!p.children.length && roles.get(p)?.role === 'action') scope.add(p);
    // an action part whose items of that level carry no note of their own holds tasks too: its
    // owners are stated elsewhere (以上第1至4项由A牵头 after them, a 分工表) or nowhere
    if (!('under' in best.key) && best.key.unit !== 'part') {
      const unit = best.key.unit;
      for (const n of all) if (n.level === unit && roles.get(topOf(n))?.role === 'action') scope.add(topOf(n));
    }
    // where noted paragraphs are the tasks, a heading of the same level whose paragraphs carry no
    // note but close with one line for them all (以上工作由A牵头，B配合) holds tasks too: its paragraphs
    if ('under' in best.key && best.key.unit === 'paragraph') {
      const under = best.key.under;
      for (const n of all) if (n.level === under && n.level !== 'root' && lineOwned(n, notes.get(n)!) && roles.get(topOf(n))?.role === 'action') scope.add(topOf(n));
    }
    return { key: best.key, basis: 'owner-notes', scope, notes, whole, why: `owner notes close ${best.count} ${what}: the level that carries them holds the tasks${also}` };
  }
  // the same fields in the same order on both ways out (one shape for the readers of a TaskLevel)
  const b = byNumbering(body, roles);
  const stray = best ? ` (${best.count} owner note${best.count > 1 ? 's' : ''} too few to mark a level)` : '';
  return { key: b.key, basis: b.basis, scope: b.scope, notes, whole: b.whole, why: b.why + stray };
}

/** How many paragraphs open with a lead sentence under a title-only group whose one unit line speaks for them all (0 when it is not one; a part of such paragraphs is read by the parts' own rule). */
function leadParagraphs(body: Body, n: BodyNode, nn: NodeNotes): number {
  if (n.level === 'root' || n.level === 'part' || n.heading?.body || !lineOwned(n, nn)) return 0;
  const lines = new Set(nn.lines.map((l) => l.index));
  const texts = n.paras.filter((i) => !lines.has(i));
  return texts.length >= 2 && texts.every((i) => LEAD_SENTENCE.test(body.tokens[i].para.text)) ? texts.length : 0;
}

/** A heading whose paragraphs carry no note of their own, with a unit line that speaks for them all. */
export function lineOwned(n: BodyNode, nn: NodeNotes): boolean {
  return !n.children.length && !nn.slots.length && nn.lines.length > 0 && n.paras.length > nn.lines.length;
}

/**
 * Owner notes mark the task level when they close most of its items; one bracket that mentions
 * 负责 inside one item's sentence does not make its level the task level.
 */
function covers(c: { key: TaskKey; tops: Set<BodyNode>; count: number }, all: BodyNode[], roles: Map<BodyNode, RoleOf>): boolean {
  if ('under' in c.key) return true;
  const unit = c.key.unit;
  let total = 0;
  for (const n of all) {
    if (n.level !== unit) continue;
    const top = topOf(n);
    if (c.tops.has(top) || roles.get(top)?.role === 'action' || !roles.has(top)) total++;
  }
  return c.count * 2 >= total;
}

/** How many 一是/二是 run items of a slot carry a note (0 when the slot has no run). */
function runsWithNotes(body: Body, s: Slot): number {
  const runs = splitRuns(body.tokens[s.index].para.text);
  if (runs.length < 2) return 0;
  // an owner sentence closing the runs (一是…；二是…。由A牵头，B配合。) assigns every run: it is
  // the items → 一是/二是 rewrite of a parent's list, each run one measure (a bracket note at the
  // end of the item, （A牵头）, stays the item's own: the level that carries it holds the task)
  const last = runs[runs.length - 1];
  if (s.notes.length === 1 && s.notes[0].trailing && s.notes[0].start >= last.start && isSentenceNote(s.notes[0])) return runs.length;
  return runs.filter((r) => s.notes.some((n) => n.start >= r.start && n.start < r.end)).length;
}

/** A part titled as the list of measures it holds: 二、主要任务 / 三、重点工作 / 二、具体措施. */
const LIST_TITLE = /^(?:主要|重点|具体|核心|工作|改革)?(?:工作)?(?:任务|工作|措施|举措)(?:和|与|及)?(?:责任分工|分工|安排)?[。：:]?$/;

/** No owner notes: the action parts' deepest numbered level that the parts are really divided into. */
/** A part heading this long with nothing under it states a measure, not the name of a section. */
const ONE_LINE_MEASURE = 12;

function byNumbering(body: Body, roles: Map<BodyNode, RoleOf>): Omit<TaskLevel, 'notes'> {
  const none = (why: string) => ({ key: undefined, basis: 'numbering' as const, scope: new Set<BodyNode>(), whole: new Set<BodyNode>(), why });
  const tops = body.root.children;
  const parts = tops.filter((t) => t.level === 'part');
  // the tops' roles were read over the chain of parts, or over the root's headings when there are none
  const scope: BodyNode[] = tops.filter((t) => roles.get(t)?.role === 'action');
  if (!scope.length) return none(parts.length ? 'no part states measures' : 'no numbered measures');
  const whole = new Set<BodyNode>();
  let nodes: BodyNode[];
  if (parts.length) {
    nodes = scope.flatMap((t) => t.children);
    // an action part with no items under it is itself one measure
    // (not a part titled as a list, 二、主要任务, whose measures are simply not numbered)
    // (or a one-line part that is all measure: 一、新增公办幼儿园学位4万个，改造近视防控教室照明2万间。)
    for (const p of scope) if (!p.children.length && (p.paras.length || p.heading!.body || p.heading!.title.length >= ONE_LINE_MEASURE) && !LIST_TITLE.test(p.heading!.title)) whole.add(p);
    if (!nodes.length) {
      return whole.size ? { key: { unit: 'part' }, basis: 'numbering', scope: new Set(scope), whole: new Set(), why: 'no owner notes; the action parts have no numbered items, so each part is one measure, or one per paragraph where its paragraphs each open with a lead sentence' } : none('the parts hold no measures');
    }
  } else nodes = scope;
  // descend while most nodes of the current level are divided into a deeper level
  const level = deepestOf(nodes)[0]?.level as HeadingLevel | undefined;
  if (!level) return none('no numbered measures');
  // an action part written a level shallower than the others (三、 赛道 items 1.… but 四、（一）…（五）):
  // its own deepest level holds its tasks, as the deepest level of the others holds theirs
  let shallower = 0;
  if (parts.length)
    for (const p of scope) {
      if (!p.children.length || descendants(p).some((d) => d.level === level)) continue;
      for (const n of deepestOf(p.children)) {
        whole.add(n);
        shallower++;
      }
    }
  const why = `no owner notes; the deepest numbered level the action parts are divided into holds the tasks${shallower ? `, and ${shallower} item${shallower > 1 ? 's' : ''} of an action part written a level shallower` : ''}${whole.size - shallower ? `, and ${whole.size - shallower} action part${whole.size - shallower > 1 ? 's' : ''} with no items ${whole.size - shallower > 1 ? 'are' : 'is'} one measure each` : ''}`;
  return { key: { unit: level }, basis: 'numbering', scope: new Set(scope), whole, why };
}

/** The nodes of the deepest level a list of headings is really divided into (most of a level divided: one level down). */
function deepestOf(nodes: BodyNode[]): BodyNode[] {
  for (;;) {
    const level = nodes[0]?.level;
    const atLevel = nodes.filter((n) => n.level === level);
    const divided = atLevel.filter((n) => n.children.length > 0);
    if (divided.length * 2 < atLevel.length || divided.length === 0) return atLevel;
    nodes = atLevel.flatMap((n) => n.children);
  }
}
