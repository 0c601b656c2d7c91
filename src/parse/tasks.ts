// Tasks of any plan shape, read from the body tree at the level chosen in task-level.ts. Ids are
// positional (CONTRACT 1.1): the positions along the task's path, the part left out when every
// task sits in one part — so the 16号 family keeps "P.K". The number as written is kept too.
import type { Deadline, LevelShape, OwnerNote, Paragraph, Task, Warning } from '../model.js';
import { ACT_OPENING, FIRST_IS_LEAD, LEAD_SENTENCE, NON_ACTION_TITLE } from '../vocabulary.js';
import { descendants, subtreeParas, type Body, type BodyNode } from './body.js';
import { splitTitle } from './headings.js';
import { boundTask } from './bounds.js';
import { extractDeadlines, parseDeadlineCell } from './deadlines.js';
import { readOwnerNote, type FoundNote } from './owner-notes.js';
import { addUnique } from './unit-fields.js';
import { splitRuns, withoutRunMarker } from './runs.js';
import { lineOwned, topOf, type NodeNotes, type Slot, type TaskLevel } from './task-level.js';
import { emptyList, mapList } from './lists.js';
import { LOOKS_BACK } from './closing-scope.js';
import { sentenceForAll } from './closing-owners.js';

const NO_DEADLINES: Deadline[] = emptyList();
const NO_FOUND: FoundNote[] = emptyList();

/** A task before ids and roles are settled. */
interface Draft {
  node: BodyNode;
  /** Position of the paragraph or run inside the node (paragraph and run tasks). */
  sub?: { position: number; number: string | null };
  index: number;
  line: number;
  text: string;
  /** The text of the task's first paragraph: its title comes from there, not from paragraphs after it. */
  head: string;
  notes: { note: FoundNote; index: number }[];
}

const MARK: Record<string, (n: string) => string> = {
  part: (n) => `${n}、`,
  project: (n) => `（${n}）`,
  item: (n) => `${n}.`,
  subitem: (n) => `（${n}）`,
  circled: (n) => n,
};

/** The paragraph with its owner notes cut out: a closing note takes the rest of the paragraph with it. */
function withoutNotes(text: string, notes: FoundNote[], from = 0, to = text.length): string {
  let out = text.slice(0, to);
  for (let i = notes.length - 1; i >= 0; i--) {
    const n = notes[i];
    if (n.start < from || n.start >= to) continue;
    out = n.trailing ? out.slice(0, n.start) : out.slice(0, n.start) + out.slice(n.end);
  }
  return out.slice(from).trim();
}

function headingDraft(body: Body, n: BodyNode, notes: Map<BodyNode, NodeNotes>): Draft {
  const t0 = body.tokens[n.index];
  // the common case, a heading paragraph alone: no walks, no sets
  if (n.children.length === 0 && n.paras.length === 0) {
    return {
      node: n,
      index: n.index,
      line: t0.para.line,
      text: withoutNotes(t0.para.text, t0.notes, n.heading!.marker.length),
      head: '',
      notes: t0.notes.length ? mapList(t0.notes, (note) => ({ note, index: n.index })) : emptyList(),
    };
  }
  const lineParas = new Set<number>();
  const found: Draft['notes'] = [];
  for (const d of descendants(n)) {
    const nn = notes.get(d)!;
    for (const list of [nn.lines, nn.group]) {
      for (const l of list) {
        lineParas.add(l.index);
        found.push({ note: l.note, index: l.index });
      }
    }
  }
  const parts: string[] = [];
  for (const i of subtreeParas(n)) {
    if (lineParas.has(i)) continue;
    const t = body.tokens[i];
    // a sentence for the tasks before it (以上任务由A牵头，…于9月底前完成) that follows the last item
    // of a part is no part of that item: it is read for them all (closing-owners.ts, closing-times.ts)
    if (i !== n.index && sentenceForAll(t.para.text)) continue;
    for (const note of t.notes) found.push({ note, index: i });
    const from = i === n.index ? n.heading!.marker.length : 0;
    parts.push(withoutNotes(t.para.text, t.notes, from));
  }
  if (found.length > 1) found.sort((a, b) => a.index - b.index || a.note.start - b.note.start);
  return { node: n, index: n.index, line: body.tokens[n.index].para.line, text: parts.join(''), head: parts[0] ?? '', notes: found };
}

function slotDrafts(body: Body, n: BodyNode, notes: NodeNotes, runs: boolean): Draft[] {
  if (!runs && lineOwned(n, notes)) return lineOwnedDrafts(body, n, notes);
  const out: Draft[] = [];
  let position = 0;
  for (const s of runs ? notes.slots : withLeadParagraphs(body, n, notes)) {
    if (!s.notes.length) {
      // a lead-sentence paragraph among noted ones that names nobody: a measure all the same
      // (保持物价基本稳定。… between 抓好财源建设。…由A牵头 and 推进…。由B牵头), owned by a sentence for all or none
      const t = body.tokens[s.index];
      out.push({ node: n, sub: { position: ++position, number: null }, index: s.index, line: t.para.line, text: t.para.text, head: '', notes: [] });
      continue;
    }
    const t = body.tokens[s.index];
    // the heading's own paragraph: the task text follows the heading's title
    const from = s.own ? t.para.text.length - n.heading!.body.length : 0;
    const pieces = runs ? splitRuns(t.para.text).filter((r) => r.end > from) : [];
    // a group written as one paragraph, among groups whose runs or paragraphs are the tasks, is one
    // task itself, its heading the title
    if (pieces.length < 2 && s.own && notes.slots.length === 1) {
      out.push({ node: n, index: n.index, line: t.para.line, text: withoutNotes(t.para.text, s.notes, n.heading!.marker.length), head: n.heading!.title, notes: mapList(s.notes, (note) => ({ note, index: s.index })) });
      continue;
    }
    if (pieces.length < 2) {
      out.push({
        node: n,
        sub: { position: ++position, number: null },
        index: s.index,
        line: t.para.line,
        // a run written as a paragraph of its own (一是推进屋顶光伏。…): its marker is no part of the title
        text: withoutRunMarker(withoutNotes(t.para.text, s.notes, from)),
        head: '',
        notes: mapList(s.notes, (note) => ({ note, index: s.index })),
      });
      continue;
    }
    // one note closing the paragraph after its last run covers every run (一是…；二是…。（A负责）)
    const shared = s.notes.length === 1 && s.notes[0].trailing && s.notes[0].start >= pieces[pieces.length - 1].start ? s.notes : undefined;
    for (const r of pieces) {
      const own = s.notes.filter((x) => x.start >= r.start && x.start < r.end);
      // a run with no note of its own is closed by the next note (一是…。二是…。由A牵头…负责落实。三是…。由B负责。)
      const next = own.length || shared ? undefined : s.notes.find((x) => x.start >= r.end);
      const inRun = shared ?? (next ? [next] : own);
      const text = withoutRunMarker(withoutNotes(t.para.text, own, r.start, r.end));
      out.push({ node: n, sub: { position: ++position, number: r.number }, index: s.index, line: t.para.line, text, head: '', notes: mapList(inRun, (note) => ({ note, index: s.index })) });
    }
  }
  return out;
}

/**
 * The paragraphs of a node that carry no note of their own, closed by one line for them all
 * (落实…政策。 / 抓好…项目。 / 以上工作由区发改委牵头，区商务局按职责分工负责。): a task each, owned by the line.
 */
function lineOwnedDrafts(body: Body, n: BodyNode, notes: NodeNotes): Draft[] {
  const lines = new Set(notes.lines.map((l) => l.index));
  const shared = mapList(notes.lines, (l) => ({ note: l.note, index: l.index }));
  const out: Draft[] = [];
  for (const i of n.paras) {
    const t = body.tokens[i];
    if (lines.has(i) || LOOKS_BACK.test(t.para.text)) continue;
    out.push({ node: n, sub: { position: out.length + 1, number: null }, index: i, line: t.para.line, text: withoutRunMarker(t.para.text), head: '', notes: shared });
  }
  return out;
}

/**
 * The noted slots of a node of lead-sentence paragraphs (抓好财源建设。…由A牵头。), with the paragraphs
 * among them that open the same way but carry no note, in order of the text.
 */
function withLeadParagraphs(body: Body, n: BodyNode, notes: NodeNotes): Slot[] {
  const noted = notes.slots.filter((s) => !s.own);
  if (noted.length < 2 || !noted.every((s) => LEAD_SENTENCE.test(body.tokens[s.index].para.text))) return notes.slots;
  const taken = new Set([...notes.slots.map((s) => s.index), ...notes.lines.map((l) => l.index)]);
  const first = Math.min(...noted.map((s) => s.index));
  const extra: Slot[] = [];
  for (const i of n.paras) {
    const text = body.tokens[i].para.text;
    if (i < first || taken.has(i) || !LEAD_SENTENCE.test(text) || LOOKS_BACK.test(text)) continue;
    extra.push({ node: n, index: i, own: false, notes: [] });
  }
  return extra.length ? [...notes.slots, ...extra].sort((a, b) => a.index - b.index) : notes.slots;
}

/**
 * An action part that is itself a measure: one task, or — when its one paragraph is a run of
 * 一是…二是… under the part's owner note — one task per run, each carrying that note.
 */
function wholeDrafts(body: Body, n: BodyNode, level: TaskLevel, runsOnly = false): Draft[] {
  const whole = headingDraft(body, n, level.notes);
  const leads = leadDrafts(body, n, level, whole);
  if (leads) return leads;
  // a group (（二）… under its one note) is one task, runs and all, as a noted item is
  if (n.level !== 'part' || (!runsOnly && (level.basis !== 'owner-notes' || !whole.notes.length))) return [whole];
  const lines = new Set(level.notes.get(n)!.lines.map((l) => l.index));
  const texts = n.paras.filter((i) => !lines.has(i));
  // (a paragraph of runs may be followed, in the last part, by the plan's closing words)
  const runs = texts.length === 1 || (runsOnly && texts.length) ? splitRuns(body.tokens[texts[0]].para.text) : [];
  // a part titled alone over several paragraphs under one sentence for them (一、抓好重大交通项目建设 /
  // 全力做好…。/ 实施…。/ 推进…。/ 以上任务由A牵头): one measure per paragraph, each carrying that note
  const measures = texts.filter((i) => !LOOKS_BACK.test(body.tokens[i].para.text));
  if (!n.heading!.body && lines.size > 0 && measures.length >= 2 && measures.every((i) => !body.tokens[i].notes.length && splitRuns(body.tokens[i].para.text).length < 2)) {
    const shared = whole.notes.filter((x) => lines.has(x.index));
    return measures.map((i, k) => paragraphDraft(body, n, i, k, shared));
  }
  // (where parts are the tasks, a paragraph that opens with its own words before 一是 states one measure)
  if (runs.length < 2 || (runsOnly && runs[0].start > 0)) return [whole];
  const t = body.tokens[texts[0]];
  return runs.map((r, k) => ({
    node: n,
    sub: { position: k + 1, number: r.number },
    index: texts[0],
    line: t.para.line,
    text: withoutRunMarker(withoutNotes(t.para.text, t.notes, r.start, r.end)),
    head: '',
    notes: whole.notes,
  }));
}

/** A paragraph opened by the body whose duty it states (区民防办：负责制定…): one per body in a 职责分工 part. */
const BODY_LEAD = /^[^，,。；;：:]{2,30}(?:局|委|办|厅|部|中心|政府|办事处|公司|集团|站|队|院|所|会|处)(?:[（(][^）)]{1,12}[）)])?[：:]/;
// …but an item headed by what it does (1.打造长三角智算中心：加快推进…) names a measure, not a body
const bodyLead = (text: string) => {
  const m = BODY_LEAD.exec(text);
  return m && !ACT_OPENING.test(m[0]) ? m : null;
};
const ASSISTS = /^(?:参与|配合|协助|协同)/;

/**
 * The owner a task names by opening with it (区民防办：负责…; 各镇政府、街道办事处：按照…): as
 * explicit as a note, read as one. A body that 参与/配合 assists; otherwise it carries the task.
 */
function bodyLeadNote(text: string): FoundNote | undefined {
  const m = bodyLead(text);
  if (!m) return undefined;
  const head = m[0].slice(0, -1);
  const verb = ASSISTS.exec(text.slice(m[0].length))?.[0] ?? '负责';
  const note = readOwnerNote(head + verb, true);
  if (!note || !note.fields.units.length) return undefined;
  return { text: m[0], start: 0, end: m[0].length, fields: note.fields, firstIsLead: false, implied: [], trailing: false };
}


/**
 * A part without items whose paragraphs each open with a lead sentence (明确审核范围。… / 确定审核
 * 主体。…) lists one measure per paragraph, the way numbered items would: one task each, with the
 * paragraph's own notes, else the part's.
 */
function leadDrafts(body: Body, n: BodyNode, level: TaskLevel, whole: Draft): Draft[] | undefined {
  const lines = new Set(level.notes.get(n)!.lines.map((l) => l.index));
  // a closing sentence about all of them (以上各项任务由…) is none of the measures
  let texts = n.paras.filter((i) => !lines.has(i) && !LOOKS_BACK.test(body.tokens[i].para.text));
  const textOf = (i: number) => body.tokens[i].para.text;
  // a paragraph per body (区民防办：负责…), after an opening paragraph or not
  const byBody = texts.filter((i) => bodyLead(textOf(i)) !== null);
  const bodyParas = byBody.length >= 2 && texts.every((i) => byBody.includes(i) || i === texts[0]);
  if (bodyParas) texts = byBody;
  else if (texts.length < 2 || !texts.every((i) => LEAD_SENTENCE.test(textOf(i)))) return undefined;
  const shared = whole.notes.filter((x) => lines.has(x.index));
  return texts.map((i, k) => paragraphDraft(body, n, i, k, shared));
}

/** Paragraph i of a node as its (k+1)th task: its own notes, or those the node's lines give it. */
function paragraphDraft(body: Body, n: BodyNode, i: number, k: number, shared: Draft['notes']): Draft {
  const t = body.tokens[i];
  const notes = t.notes.length ? mapList(t.notes, (note) => ({ note, index: i })) : shared;
  return { node: n, sub: { position: k + 1, number: null }, index: i, line: t.para.line, text: withoutNotes(t.para.text, t.notes, 0), head: '', notes };
}

/** A node at the task level, outside the parts that set it, whose own text has no note and whose items each have theirs. */
function deeperItems(n: BodyNode, level: TaskLevel): boolean {
  const key = level.key;
  if (!key || 'under' in key || n.level !== key.unit || level.basis !== 'owner-notes' || !n.children.length) return false;
  const noted = (x: BodyNode) => {
    const nn = level.notes.get(x)!;
    return nn.slots.length > 0 || nn.lines.length > 0;
  };
  return !noted(n) && n.children.every((c) => !c.children.length && noted(c));
}

function collectDrafts(body: Body, level: TaskLevel): Draft[] {
  const key = level.key;
  if (!key) return [];
  const drafts: Draft[] = [];
  for (const n of descendants(body.root)) {
    if (level.whole.has(n)) {
      for (const d of wholeDrafts(body, n, level)) drafts.push(d);
      continue;
    }
    if (n.level === 'root' && !('under' in key && key.under === 'root')) continue;
    if (n.level !== 'root' && !level.scope.has(topOf(n))) {
      // another action part written a level deeper (一、（一）…（A负责） but 二、（一）1.…（B主办） 2.…（C主办）):
      // the noted items under a group without a note are its measures
      if (deeperItems(n, level)) for (const c of n.children) drafts.push(headingDraft(body, c, level.notes));
      continue;
    }
    const nn = level.notes.get(n)!;
    if ('under' in key) {
      if (n.level === key.under) for (const d of slotDrafts(body, n, nn, key.unit === 'run')) drafts.push(d);
      continue;
    }
    if (n.level !== key.unit) continue;
    const noted = descendants(n).some((d) => level.notes.get(d)!.slots.length || level.notes.get(d)!.lines.length);
    if (!noted && NON_ACTION_TITLE.test(n.heading!.title)) continue;
    // an item whose own text carries no note, divided into sub-items that each carry theirs
    // ((1)…（A牵头） (2)…（B牵头）): the notes say the sub-items are the measures
    if (level.basis === 'owner-notes' && n.children.length >= 2 && !nn.slots.length && !nn.lines.length && !nn.group.length && n.children.every((c) => !c.children.length && (level.notes.get(c)!.slots.length || level.notes.get(c)!.lines.length))) {
      for (const c of n.children) drafts.push(headingDraft(body, c, level.notes));
      continue;
    }
    // parts as the task level (no part has items): a part of lead-sentence paragraphs lists several,
    // and so does one paragraph of 一是…二是… runs under the part's note (一、社会事业类 一是…二是…
    // 以上任务由A牵头)
    if (key.unit === 'part' && !n.children.length) for (const d of wholeDrafts(body, n, level, true)) drafts.push(d);
    else {
      // an item whose heading is only its title, over paragraphs that each open with a lead sentence
      // (（二）实施多种大气污染物综合控制。 / 深化颗粒物污染控制。… / 加强挥发性有机污染物控制。…): as a
      // part without items, one measure per paragraph
      const whole = headingDraft(body, n, level.notes);
      const leads = level.basis === 'numbering' && !n.children.length && !n.heading!.body ? leadDrafts(body, n, level, whole) : undefined;
      if (leads) for (const d of leads) drafts.push(d);
      else drafts.push(whole);
    }
  }
  return drafts;
}

/**
 * A date or cycle the text states and the task's time field states again (2026年底前统一… / 完成时限：
 * 2026年12月底前; 每半年开展… / 时限：每半年): one deadline, the text's, which says what is due. The
 * first `inText` come from the text.
 */
function dropRestated(deadlines: Deadline[], inText: number): void {
  if (deadlines.length === inText) return;
  const same = (a: Deadline, b: Deadline) => a.kind === b.kind && (a.kind === 'by' ? a.date === b.date : a.kind === 'recurring' && a.frequency === b.frequency && a.text === b.text);
  const text = deadlines.slice(0, inText);
  for (let i = deadlines.length - 1; i >= inText; i--) if (text.some((t) => same(deadlines[i], t))) deadlines.splice(i, 1);
}

const groupTimes = new WeakMap<BodyNode, Deadline[]>();

/**
 * Dated times a group's own opening states (its heading paragraph and the paragraphs before its
 * first item), when it is divided into items: each of its items is due by them. Cycles and
 * open-ended times are how one measure is done, not a date for all.
 */
function groupDeadlines(body: Body, n: BodyNode | undefined, docYear: number | undefined): Deadline[] {
  if (!n || n.level === 'root' || n.level === 'part' || !n.children.length) return NO_DEADLINES;
  let out = groupTimes.get(n);
  if (!out) {
    const first = n.children[0].index;
    const own = [n.index, ...n.paras.filter((i) => i < first)].map((i) => body.tokens[i].para.text).join('。');
    out = extractDeadlines(own, docYear).filter((x) => x.kind === 'by');
    groupTimes.set(n, out);
  }
  return out;
}

function pathOf(n: BodyNode): BodyNode[] {
  const out: BodyNode[] = [];
  for (let x: BodyNode | undefined = n; x && x.level !== 'root'; x = x.parent) out.unshift(x);
  return out;
}

/** Owners a group heading states for all its tasks (牵头单位：… lines under a project heading). */
function groupNotes(n: BodyNode, notes: Map<BodyNode, NodeNotes>): FoundNote[] {
  for (let x = n.parent; x; x = x.parent) {
    const g = notes.get(x)?.group;
    if (g?.length) return mapList(g, (l) => l.note);
  }
  return NO_FOUND;
}

interface Roles {
  lead: string[];
  assist: string[];
  guide: string[];
}

const add = addUnique;

/** A note's roles; under a “列第一位者为牵头单位” rule the first unit without an explicit role leads. */
export function noteRoles(note: FoundNote, firstLeads: boolean): Roles {
  const f = note.fields;
  // copies pushed onto literals, not spreads: a spread of an empty list has the small-integer
  // elements kind, and the first unit pushed onto it (or a reader that saw full lists) deoptimizes
  const lead: string[] = [];
  for (const u of f.lead) lead.push(u);
  const assist: string[] = [];
  const roleless = (u: string) => !f.lead.includes(u) && !f.assist.includes(u) && !f.guide.includes(u);
  const unroled: string[] = [];
  for (const u of f.responsible) if (roleless(u)) unroled.push(u);
  for (const u of f.plain) if (roleless(u)) unroled.push(u);
  const guide: string[] = [];
  for (const u of f.guide) guide.push(u);
  if (firstLeads && lead.length === 0 && unroled.length) {
    lead.push(unroled[0]);
    add(assist, unroled.slice(1));
  } else add(lead, f.responsible);
  add(assist, f.assist);
  return { lead, assist, guide };
}

export interface TaskResult {
  tasks: Task[];
  warnings: Warning[];
  shape?: LevelShape;
  /** Index of the last paragraph that belongs to a task (-1 when none). */
  lastIndex: number;
  /** The tree node each task was read from (absent for table tasks). */
  taskNodes?: BodyNode[];
}

export function parseTasks(body: Body, level: TaskLevel, paras: Paragraph[], docYear?: number): TaskResult {
  const drafts = collectDrafts(body, level);
  if (!drafts.length) return { tasks: [], warnings: [], lastIndex: -1 };
  const ruleAt = firstIsLeadAt(body, drafts);
  const paths = mapList(drafts, (d) => {
    const chain = pathOf(d.node);
    const positions = mapList(chain, (x) => x.position);
    const numbers: (string | null)[] = mapList(chain, (x) => x.heading!.number);
    if (d.sub) {
      positions.push(d.sub.position);
      numbers.push(d.sub.number);
    }
    return { chain, positions, numbers };
  });
  const onePart = body.parts.length > 0 && paths.every((p) => p.positions.length > 1 && p.chain[0].level === 'part' && p.positions[0] === paths[0].positions[0]);
  const tasks: Task[] = [];
  const implied: string[] = [];
  const warnings: Warning[] = [];
  drafts.forEach((d, k) => {
    const { chain, positions, numbers } = paths[k];
    // empty lists of the same array shape as full ones (see empty.ts)
    // where notes did not make a level, only a note that closes its paragraph is an owner note: a
    // bracket inside a sentence (（技工院校内由…部门负责）) says who does one thing, not who owns the task
    if (level.basis !== 'owner-notes' && d.notes.some((x) => !x.note.trailing)) d.notes = d.notes.filter((x) => x.note.trailing);
    // a group's note speaks for tasks without one, and leads those whose notes name only who assists
    // (（三）省编办牵头的工作 … 2.推进乡镇机构改革。协同单位：省财政厅…)
    const leadless = d.notes.length > 0 && d.notes.every((x) => !x.note.fields.lead.length && !x.note.fields.responsible.length && !x.note.fields.plain.length);
    const group = d.notes.length && !leadless ? NO_FOUND : groupNotes(d.node, level.notes);
    // a task opened by its body (区民防办：负责…) that no note covers is owned by that body
    const opener = d.notes.length || group.length ? undefined : bodyLeadNote(d.text);
    if (opener) d.notes = [{ note: opener, index: d.index }];
    const own = d.notes.length ? mapList(d.notes, (x) => x.note) : NO_FOUND;
    const inherited = own.length && !leadless ? NO_FOUND : group;
    const used = own.length ? own : inherited;
    // the group's lead before the task's own assisting units
    const groupLead = own.length && leadless ? inherited : NO_FOUND;
    const units: string[] = [];
    const roles: Roles = { lead: [], assist: [], guide: [] };
    const ownerNotes: OwnerNote[] = [];
    const deadlines: Deadline[] = extractDeadlines(d.text, docYear);
    // a task with no time of its own takes the one its group's opening states for all its items
    // (（二）推进光伏与设施一体化。力争于2023年底前，推进… then 1. 2. 3.)
    if (!deadlines.length) for (const x of groupDeadlines(body, d.sub ? d.node : d.node.parent, docYear)) deadlines.push({ ...x });
    const inText = deadlines.length;
    for (const note of groupLead) {
      add(units, note.fields.units);
      const r = noteRoles(note, false);
      add(roles.lead, r.lead);
      add(roles.assist, r.assist);
      add(roles.guide, r.guide);
    }
    used.forEach((note, i) => {
      add(units, note.fields.units);
      const at = own.length ? d.notes[i].index : d.index;
      const r = noteRoles(note, ruleAt >= 0 && at >= ruleAt);
      add(roles.lead, r.lead);
      add(roles.assist, r.assist);
      add(roles.guide, r.guide);
      if (note.fields.time) deadlines.push(parseDeadlineCell(note.fields.time, docYear));
      if (own.length) ownerNotes.push({ text: note.text, units: [...note.fields.units], ...r, line: paras[d.notes[i].index].line });
    });
    dropRestated(deadlines, inText);
    const parent = d.sub ? d.node : d.node.parent;
    const ph = parent?.heading;
    // a heading line of its own (（一）补贴对象) is the title; the paragraphs under it are not
    const title = d.sub?.number ? runTitle(d.text) : splitTitle(d.head || d.text).title;
    tasks.push({
      id: (onePart ? positions.slice(1) : positions).join('.'),
      path: positions,
      numbers,
      headings: (d.sub ? chain : chain.slice(0, -1)).map((x) => `${MARK[x.level](x.heading!.number)}${x.heading!.title}`),
      number: d.sub ? (d.sub.number ?? '') : d.node.heading!.number,
      project: ph?.title ?? '',
      projectNumber: ph?.number ?? '',
      title,
      text: d.text,
      units,
      lead: roles.lead,
      assist: roles.assist,
      guide: roles.guide,
      unitsFrom: own.length && units.length ? 'task' : inherited.length ? 'project' : 'none',
      ownerNotes,
      impliedUnits: implied.length ? [...implied] : [],
      deadlines,
      line: d.line,
    });
    for (const note of own) for (const u of note.implied) if (!implied.includes(u)) implied.push(u);
  });
  for (const t of tasks) {
    boundTask(t, warnings);
    if (t.unitsFrom === 'none' && !t.impliedUnits.length) warnings.push({ code: 'no-units', line: t.line, message: `task ${t.id} (${t.title}) names no responsible unit` });
  }
  for (const w of numberingWarnings(drafts)) warnings.push(w);
  const lastIndex = drafts.reduce((m, d) => Math.max(m, subtreeEnd(d)), -1);
  return { tasks, warnings, shape: describe(level, tasks.length), lastIndex, taskNodes: mapList(drafts, (d) => d.node) };
}

function subtreeEnd(d: Draft): number {
  if (d.sub) return d.index;
  const all = subtreeParas(d.node);
  return all[all.length - 1] ?? d.index;
}

function runTitle(text: string): string {
  return splitTitle(text).title.split(/[；;]/)[0].trim();
}

/** Paragraph index from which the “列第一位者为牵头单位” rule holds; a rule after the last task holds for all. */
function firstIsLeadAt(body: Body, drafts: Draft[]): number {
  for (let i = 0; i < body.tokens.length; i++) {
    if (!FIRST_IS_LEAD.test(body.tokens[i].para.text)) continue;
    const last = drafts[drafts.length - 1].index;
    return i > last ? 0 : i;
  }
  return -1;
}

const LEVEL_WORDS: Record<string, string> = {
  part: 'parts 一、二、…',
  project: 'items （一）（二）…',
  item: 'items 1. 2. …',
  subitem: 'items （1）（2）…',
  circled: 'items ①②…',
  root: 'the body',
};

function describe(level: TaskLevel, n: number): LevelShape | undefined {
  const key = level.key;
  if (!key) return undefined;
  const basis = level.basis === 'owner-notes' ? 'each closed by an owner note' : 'the deepest numbered level of the action parts';
  if ('under' in key) {
    const what = key.unit === 'run' ? '一是/二是 run items' : 'lead-sentence paragraphs';
    return { unit: key.unit, under: key.under, basis: level.basis, description: `${n} tasks: ${what} under ${LEVEL_WORDS[key.under]}, ${basis}` };
  }
  return { unit: key.unit, basis: level.basis, description: `${n} tasks: numbered ${LEVEL_WORDS[key.unit]}, ${basis}` };
}

/** Gaps, repeats and restarts among sibling tasks. Continuous numbering across groups is a style. */
function numberingWarnings(drafts: Draft[]): Warning[] {
  const out: Warning[] = [];
  let prev: Draft | undefined;
  for (const d of drafts) {
    if (d.sub || !d.node.heading || !/^\d+$/.test(d.node.heading.number)) {
      prev = undefined;
      continue;
    }
    const n = Number(d.node.heading.number);
    const group = d.node.parent?.heading?.number ?? '';
    if (prev && prev.node.parent === d.node.parent) {
      const p = Number(prev.node.heading!.number);
      if (n === p) out.push({ code: 'numbering-repeat', line: d.line, message: `item number ${n} repeats in project ${group}` });
      else if (n < p) out.push({ code: 'numbering-restart', line: d.line, message: `item numbering restarts at ${n} after ${p} in project ${group}` });
      else if (n !== p + 1) out.push({ code: 'numbering-gap', line: d.line, message: `item numbering jumps from ${p} to ${n} in project ${group}` });
    } else if (prev && n !== 1 && n !== Number(prev.node.heading!.number) + 1) {
      out.push({ code: 'numbering-gap', line: d.line, message: `project ${group} starts at item ${n}` });
    }
    prev = d;
  }
  return out;
}
