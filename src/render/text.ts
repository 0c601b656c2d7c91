// Terminal reports: a skimmable outline of one parsed plan, and the analyst's diff report.
import type { DeadlineChangeKind, Link, Notice, PlanDiff } from '../model.js';
import type { Colors } from './color.js';
import { bodyEditsLabel, markTitleChange } from './chardiff.js';
import { labelsFor, type Labels, type Lang } from './labels.js';
import { ownerSectionText, type OwnersMode } from './owners.js';
import { requirementSectionText } from './requirements.js';
import {
  COMPARED_LABEL,
  buildReport,
  deadlineLabel,
  docLabel,
  groupWarnings,
  evidenceLabel,
  metaRows,
  nearestLabel,
  parentageLine,
  parentageMark,
  refLabel,
  summaryLine,
  tasksByProject,
  titleLookup,
  writtenNumber,
  type TaskRef,
} from './report.js';

export interface TextOptions {
  /** The language of the labels (default en). */
  lang?: Lang;
  verbose?: boolean;
  /** The header and headline only (git diff --stat). */
  stat?: boolean;
  /** Show each task's source line: "local 7.1 (line 57)". */
  lines?: boolean;
  /** Owner changes grouped by pattern (default), or every link. */
  owners?: OwnersMode;
}

const KEY_LIST_PREVIEW = 10;


export function renderParseText(n: Notice, c: Colors, opts: TextOptions = {}): string {
  const L = labelsFor(opts.lang);
  const P = L.parse;
  const head = (title: string, count: number) => (L.lang === 'zh' ? `${title}（${count}）` : `${title} (${count})`);
  const out: string[] = [];
  const s = n.source;
  out.push(`${c.bold(s.file)}  ${c.dim(P.source(s.encoding, s.format, s.converted === 't2s'))}`);
  // labels are CJK (two columns each): pad to the widest, 成文日期
  for (const [label, value] of metaRows(n)) out.push(`  ${c.dim(label)}${' '.repeat(Math.max(0, 8 - 2 * label.length))}  ${value}`);

  if (n.references.length) {
    out.push('', c.bold(head(P.references, n.references.length)));
    for (const r of n.references) {
      const name = [r.title && `《${r.title}》`, r.docNumber, r.subject && `关于${r.subject}`].filter(Boolean).join(' ');
      out.push(`  ${name}  ${c.dim(L.line(r.line))}`);
    }
  }

  if (n.taskShape?.plan !== false) out.push('', `${c.bold(P.mainPart)}  ${n.mainPart ?? (n.tasks.length ? c.dim(P.severalParts) : c.yellow(P.notFound))}  ${c.dim(P.nTasks(n.tasks.length))}`);
  for (const line of shapeLines(n, c, L)) out.push(line);
  for (const p of tasksByProject(n)) {
    out.push(c.cyan(p.heading));
    for (const t of p.tasks) {
      const num = writtenNumber(t);
      out.push(`  ${c.bold(t.id)}${num ? ' ' + c.dim(num) : ''} ${t.title}`);
      if (t.units.length) out.push(`      ${c.dim(P.units)} ${t.units.join('、')}${t.unitsFrom === 'project' ? c.dim(P.fromProject) : t.unitsFrom === 'table' ? c.dim(' (分工表)') : ''}`);
      const roles = [[P.role.lead, t.lead], [P.role.assist, t.assist], [P.role.guide, t.guide ?? []]].filter(([, us]) => us.length).map(([k, us]) => `${k} ${(us as string[]).join('、')}`);
      if (roles.length && t.units.length > 1) out.push(`      ${c.dim(P.roles)} ${roles.join(' · ')}`);
      if (t.impliedUnits?.length) out.push(`      ${c.dim(P.implied)} ${t.impliedUnits.join('、')}`);
      if (t.deadlines.length) out.push(`      ${c.dim(P.deadlines)} ${t.deadlines.map((x) => deadlineLabel(x, L)).join('；')}`);
    }
  }

  out.push('', c.bold(P.keyList(n.keyList.length)));
  const rows = opts.verbose ? n.keyList : n.keyList.slice(0, KEY_LIST_PREVIEW);
  for (const r of rows) out.push(`  ${c.bold(r.id)} ${r.task}  ${c.dim(deadlineLabel(r.deadline, L))}`);
  if (rows.length < n.keyList.length) out.push(c.dim(`  ${P.moreRows(n.keyList.length - rows.length)}`));

  if (n.warnings.length) {
    out.push('', c.bold(head(P.warnings, n.warnings.length)));
    // one line per code: 25 tasks without units are one finding
    for (const w of groupWarnings(n.warnings.map((x) => ({ ...x, message: L.parseWarning(x) })), L)) out.push(`  ${c.dim(w.line ? L.line(w.line) : P.wholeDocument)}  ${c.yellow(w.code)}  ${w.message}`);
  }
  return out.join('\n') + '\n';
}

/** What one task is and why, then each part with its role: the reader sees why a part gave no tasks. */
function shapeLines(n: Notice, c: Colors, L: Labels): string[] {
  const shape = n.taskShape;
  if (!shape) return [];
  // the reasons are the parser's own words (English); the Chinese outline shows the roles alone
  if (!shape.plan) return ['', c.bold(L.notAPlan(shape.kind ?? '', shape.why))];
  const out = [`${c.bold(L.parse.tasks)}  ${c.dim(L.parse.shape(shape))}`];
  if (L.showWhy) out.push(`  ${c.dim(L.shapeWhy)} ${shape.why}`);
  if (shape.parts?.length) {
    out.push(c.bold(L.shapeParts));
    for (const p of shape.parts) {
      const count = p.tasks ? L.partTasks(p.tasks) : '';
      const role = L.partRole[p.role] ?? p.role;
      out.push(`  ${p.number}、${p.title}  ${p.role === 'action' ? c.green(role) : c.dim(role)}${c.dim(`${L.showWhy ? ` — ${p.why}` : ''}${count}`)}`);
    }
  }
  return out;
}

const CHANGE_COLOR: Record<DeadlineChangeKind, 'dim' | 'green' | 'red' | 'cyan' | 'yellow'> = {
  same: 'dim',
  earlier: 'green',
  later: 'red',
  removed: 'red',
  added: 'cyan',
  changed: 'yellow',
};

export function renderDiffText(d: PlanDiff, base: Notice, local: Notice, c: Colors, opts: TextOptions = {}): string {
  const L = labelsFor(opts.lang);
  const r = buildReport(d, base, local);
  const lines = !!opts.lines;
  const ref = (t: TaskRef) => `${refLabel(t, lines, L)}${t.manual ? ` (${L.manual})` : ''}`;
  const at = (t: TaskRef) => (lines && t.line ? c.dim(L.atLine(t.line)) : '');
  const nearest = (t: { nearest?: Parameters<typeof nearestLabel>[0] }) => (t.nearest ? `  ${c.dim(nearestLabel(t.nearest, lines, L))}` : '');
  // deadline comparisons name tasks and key-list rows by id
  const lineOf = (n: Notice) => {
    const m = new Map<string, number>([...n.tasks, ...n.keyList].map((t) => [t.id, t.line]));
    return (id: string) => (lines && m.get(id) ? c.dim(L.atLine(m.get(id)!)) : '');
  };
  const bAt = lineOf(base);
  const lAt = lineOf(local);
  const sameFamily = d.family.sameFamily;
  const out: string[] = [];
  const paint = (kind: DeadlineChangeKind, s: string) => c[CHANGE_COLOR[kind]](s);
  const section = (title: string, n: number) => out.push('', c.bold(L.lang === 'zh' ? `${title}（${n}）` : `${title} (${n})`));
  const manual = (m?: boolean) => (m ? ` (${L.manual})` : '');

  // A plan of another family must not be read as a list of findings: say so before anything else.
  if (!sameFamily) out.push(c.bold(c.yellow(`! ${L.familyWarning(d.family)}`)), '');
  // labels are padded to one width (a CJK character is two columns)
  const [bl, ll] = L.lang === 'zh' ? [L.base, L.local] : ['base ', 'local'];
  out.push(`${c.bold(bl)}  ${docLabel(d.base)}`, `${c.bold(ll)}  ${docLabel(d.local)}`);
  const notes = d.warnings.map((w) => `${w.line ? `${L.line(w.line)}  ` : ''}${L.diffWarning(w, d)}`);
  // checkParentage's warning usually is in d.warnings already; print it once
  if (d.parentage.warning && !d.warnings.some((w) => w.message === d.parentage.warning)) notes.push(L.diffWarning({ code: 'other-parent', line: 0, message: d.parentage.warning }, d));
  for (const note of notes) out.push(c.yellow(`${L.note}: ${note}`));
  const mark = parentageMark(d);
  out.push(`${mark === '✓' ? c.green(mark) : mark === '✗' ? c.yellow(mark) : c.dim(mark)} ${parentageLine(d, L)}`);
  out.push('', c.bold(summaryLine(d, r, L)));
  if (opts.stat) return out.join('\n') + '\n';

  if (!sameFamily) {
    section(L.section.overlap, d.links.length);
    const bTitle = titleLookup(base, d.dropped);
    const lTitle = titleLookup(local, d.added);
    for (const k of d.links) {
      out.push(`  ${k.base}${bAt(k.base)} ${bTitle(k.base)} ${c.dim('~')} ${k.local}${lAt(k.local)} ${lTitle(k.local)}  ${c.dim(k.score.toFixed(2))}${manual(k.manual)}${evidenceNote(k, c, L.lang)}`);
    }
    if (r.dropped.length) section(L.section.onlyBase, r.dropped.length);
    for (const t of r.dropped) out.push(`  ${ref(t)}`);
    if (r.added.length) section(L.section.onlyLocal, r.added.length);
    for (const t of r.added) out.push(`  ${ref(t)}`);
    // merges, rewordings and deadlines of unrelated plans are not findings; verbose still shows them
    if (!opts.verbose) return out.join('\n') + '\n';
  } else {
    const cut = new Set(d.dropped.filter((t) => t.afterTruncation).map((t) => t.id));
    const gone = r.dropped.filter((t) => !cut.has(t.id));
    if (gone.length) section(L.section.dropped, gone.length);
    for (const t of gone) out.push(`  ${c.red(t.id)}${at(t)} ${t.title}${nearest(t)}`);
    if (cut.size) {
      section(L.section.notInCopy, cut.size);
      out.push(`  ${c.dim(r.dropped.filter((t) => cut.has(t.id)).map((t) => t.id).join(' '))}`);
    }
    if (r.added.length) section(L.section.added, r.added.length);
    for (const t of r.added) out.push(`  ${c.cyan(t.id)}${at(t)} ${t.title}${nearest(t)}`);
  }

  if (r.merged.length) section(L.section.merged, r.merged.length);
  for (const g of r.merged) out.push(`  ${L.local} ${c.bold(g.local.id)}${at(g.local)} ${g.local.title} ${c.dim('←')} ${g.bases.map(ref).join(', ')}`);
  if (r.split.length) section(L.section.split, r.split.length);
  for (const g of r.split) out.push(`  ${L.base} ${c.bold(g.base.id)}${at(g.base)} ${g.base.title} ${c.dim('→')} ${g.locals.map(ref).join(', ')}`);

  const titled = (title: string, list: typeof r.reworded) => {
    if (list.length) section(title, list.length);
    for (const w of list) {
      const m = markTitleChange(w.base.title, w.local.title, { del: c.red, ins: c.green });
      // the same title on both sides: what changed is in the text
      const title = 'body' in w && w.body ? `${w.base.title}  ${c.dim(L.sameTitle(bodyEditsLabel(w.body, L)))}` : `${m.before} ${c.dim('→')} ${m.after}`;
      out.push(`  ${w.base.id}${at(w.base)} → ${w.local.id}${at(w.local)}${manual(w.link.manual)}  ${title}`);
    }
  };
  titled(L.section.reworded, r.reworded);
  titled(L.section.retitled, r.retitled);
  if (r.partial.length) section(L.section.partial, r.partial.length);
  for (const p of r.partial) out.push(`  ${p.base.id}${at(p.base)} ${p.base.title} ${c.dim('→')} ${p.local.id}${at(p.local)} ${p.local.title}  ${c.dim(p.link.score.toFixed(2))}`);
  if (r.unchanged.length) {
    section(L.section.unchanged, r.unchanged.length);
    out.push(`  ${c.dim(r.unchanged.map((t) => t.id).join(' '))}`);
  }

  // who is responsible: only what an analyst would not expect (a ministry → its 厅 is expected)
  out.push(...ownerSectionText(d, c, opts.owners, L));

  if (r.deadlineGroups.length) out.push('', c.bold(L.section.deadlines(r.deadlinesChanged, r.deadlinesCompared)));
  for (const g of r.deadlineGroups) {
    const name = L.change[g.change];
    out.push(`  ${paint(g.change, name)} (${g.items.length})`);
    for (const x of g.items) {
      const where = x.compared === 'body' ? '' : c.dim(`  ${L.compared[x.compared]}`);
      out.push(
        `    ${L.base} ${x.base}${bAt(x.base)} ${x.baseDeadline || c.dim(L.none)} → ${L.local} ${x.local}${lAt(x.local)} ${x.localDeadline || c.dim(L.none)}  ${paint(g.change, `[${name}]`)}${where}`,
      );
    }
  }

  // numeric targets and obligation words: what the lower level weakened besides deadlines
  out.push(...requirementSectionText(d, c, L));

  if (r.notRestated.length) {
    section(L.section.notRestated, r.notRestated.length);
    out.push(`  ${c.dim(r.notRestated.map((x) => x.base).join(' '))}`);
  }

  if (opts.verbose && d.links.length) {
    section(L.section.links, d.links.length);
    const bTitle = titleLookup(base, d.dropped);
    const lTitle = titleLookup(local, d.added);
    const w = (xs: string[], min: number) => Math.max(min, ...xs.map((x) => x.length)); // ids are ASCII
    const bw = w(d.links.map((k) => k.base), 4);
    const lw = w(d.links.map((k) => k.local), 5);
    out.push(c.dim(`  ${L.md.baseId.padEnd(bw)}  ${L.md.localId.padEnd(lw)}  ${L.md.kindCol.padEnd(8)}  ${L.md.score}`));
    for (const k of d.links) {
      out.push(
        `  ${k.base.padEnd(bw)}  ${k.local.padEnd(lw)}  ${L.kind[k.kind].padEnd(8)}  ${k.score.toFixed(2)}  ${bTitle(k.base)}${bAt(k.base)} ${c.dim('→')} ${lTitle(k.local)}${lAt(k.local)}${manual(k.manual)}${evidenceNote(k, c, L.lang)}`,
      );
    }
  }
  return out.join('\n') + '\n';
}

/** "  [“检查对象名录库” · 33% of base, 61% of local]": a link's evidence, dimmed, after its line. */
function evidenceNote(k: Link, c: Colors, lang = 'en'): string {
  const e = evidenceLabel(k.evidence, lang);
  return e ? `  ${c.dim(`[${e}]`)}` : '';
}
