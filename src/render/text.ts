// Terminal reports: a skimmable outline of one parsed plan, and the analyst's diff report.
import type { DeadlineChangeKind, Notice, PlanDiff } from '../model.js';
import type { Colors } from './color.js';
import { markTitleChange } from './chardiff.js';
import { ownerSectionText, type OwnersMode } from './owners.js';
import { requirementSectionText } from './requirements.js';
import {
  COMPARED_LABEL,
  buildReport,
  deadlineLabel,
  docLabel,
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
  verbose?: boolean;
  /** The header and headline only (git diff --stat). */
  stat?: boolean;
  /** Show each task's source line: "local 7.1 (line 57)". */
  lines?: boolean;
  /** Owner changes grouped by pattern (default), or every link. */
  owners?: OwnersMode;
}

const KEY_LIST_PREVIEW = 10;

const refWith = (lines: boolean) => (t: TaskRef) => `${refLabel(t, lines)}${t.manual ? ' (manual)' : ''}`;

export function renderParseText(n: Notice, c: Colors, opts: TextOptions = {}): string {
  const out: string[] = [];
  const s = n.source;
  out.push(`${c.bold(s.file)}  ${c.dim(`encoding ${s.encoding} · ${s.format} · ${s.converted === 't2s' ? 'converted t2s' : 'not converted'}`)}`);
  // labels are CJK (two columns each): pad to the widest, 成文日期
  for (const [label, value] of metaRows(n)) out.push(`  ${c.dim(label)}${' '.repeat(Math.max(0, 8 - 2 * label.length))}  ${value}`);

  if (n.references.length) {
    out.push('', c.bold(`references (${n.references.length})`));
    for (const r of n.references) {
      const name = [r.title && `《${r.title}》`, r.docNumber].filter(Boolean).join(' ');
      out.push(`  ${name}  ${c.dim(`line ${r.line}`)}`);
    }
  }

  if (n.taskShape?.plan !== false) out.push('', `${c.bold('main part')}  ${n.mainPart ?? (n.tasks.length ? c.dim('(tasks in several parts)') : c.yellow('(not found)'))}  ${c.dim(`${n.tasks.length} tasks`)}`);
  for (const line of shapeLines(n, c)) out.push(line);
  for (const p of tasksByProject(n)) {
    out.push(c.cyan(p.heading));
    for (const t of p.tasks) {
      const num = writtenNumber(t);
      out.push(`  ${c.bold(t.id)}${num ? ' ' + c.dim(num) : ''} ${t.title}`);
      if (t.units.length) out.push(`      ${c.dim('units')} ${t.units.join('、')}${t.unitsFrom === 'project' ? c.dim(' (from project)') : t.unitsFrom === 'table' ? c.dim(' (from the 分工表)') : ''}`);
      const roles = [['lead', t.lead], ['assist', t.assist], ['guide', t.guide ?? []]].filter(([, us]) => us.length).map(([k, us]) => `${k} ${(us as string[]).join('、')}`);
      if (roles.length && t.units.length > 1) out.push(`      ${c.dim('roles')} ${roles.join(' · ')}`);
      if (t.impliedUnits?.length) out.push(`      ${c.dim('implied')} ${t.impliedUnits.join('、')}`);
      if (t.deadlines.length) out.push(`      ${c.dim('deadlines')} ${t.deadlines.map(deadlineLabel).join('；')}`);
    }
  }

  out.push('', c.bold(`key list: ${n.keyList.length} rows`));
  const rows = opts.verbose ? n.keyList : n.keyList.slice(0, KEY_LIST_PREVIEW);
  for (const r of rows) out.push(`  ${c.bold(r.id)} ${r.task}  ${c.dim(deadlineLabel(r.deadline))}`);
  if (rows.length < n.keyList.length) out.push(c.dim(`  … ${n.keyList.length - rows.length} more rows (--verbose shows all)`));

  if (n.warnings.length) {
    out.push('', c.bold(`warnings (${n.warnings.length})`));
    for (const w of n.warnings) out.push(`  ${c.dim(`line ${w.line}`)}  ${c.yellow(w.code)}  ${w.message}`);
  }
  return out.join('\n') + '\n';
}

/** What one task is and why, then each part with its role: the reader sees why a part gave no tasks. */
function shapeLines(n: Notice, c: Colors): string[] {
  const shape = n.taskShape;
  if (!shape) return [];
  if (!shape.plan) return ['', `${c.bold('not a plan')}  ${shape.kind ?? ''}${shape.kind ? ': ' : ''}${shape.why}`];
  const out = [`${c.bold('tasks')}  ${c.dim(shape.description)}`, `  ${c.dim('why')} ${shape.why}`];
  if (shape.parts?.length) {
    out.push(c.bold('parts'));
    for (const p of shape.parts) {
      const count = p.tasks ? ` · ${p.tasks} task${p.tasks > 1 ? 's' : ''}` : '';
      out.push(`  ${p.number}、${p.title}  ${p.role === 'action' ? c.green(p.role) : c.dim(p.role)}${c.dim(` — ${p.why}${count}`)}`);
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
  const r = buildReport(d, base, local);
  const lines = !!opts.lines;
  const ref = refWith(lines);
  const at = (t: TaskRef) => (lines && t.line ? c.dim(` (line ${t.line})`) : '');
  const nearest = (t: { nearest?: Parameters<typeof nearestLabel>[0] }) => (t.nearest ? `  ${c.dim(nearestLabel(t.nearest, lines))}` : '');
  // deadline comparisons name tasks and key-list rows by id
  const lineOf = (n: Notice) => {
    const m = new Map<string, number>([...n.tasks, ...n.keyList].map((t) => [t.id, t.line]));
    return (id: string) => (lines && m.get(id) ? c.dim(` (line ${m.get(id)})`) : '');
  };
  const bAt = lineOf(base);
  const lAt = lineOf(local);
  const sameFamily = d.family.sameFamily;
  const out: string[] = [];
  const paint = (kind: DeadlineChangeKind, s: string) => c[CHANGE_COLOR[kind]](s);
  const section = (title: string, n: number) => out.push('', c.bold(`${title} (${n})`));

  // A plan of another family must not be read as a list of findings: say so before anything else.
  if (!sameFamily) {
    const msg = d.family.message ?? `different family: the local plan does not implement the base (strong share ${Math.round(d.family.strongShare * 100)}%)`;
    out.push(c.bold(c.yellow(`! ${msg}`)), '');
  }
  out.push(`${c.bold('base ')}  ${docLabel(d.base)}`, `${c.bold('local')}  ${docLabel(d.local)}`);
  const notes = d.warnings.map((w) => `${w.line ? `line ${w.line}  ` : ''}${w.message}`);
  // checkParentage's warning usually is in d.warnings already; print it once
  if (d.parentage.warning && !d.warnings.some((w) => w.message === d.parentage.warning)) notes.push(d.parentage.warning);
  for (const note of notes) out.push(c.yellow(`note: ${note}`));
  const mark = parentageMark(d);
  out.push(`${mark === '✓' ? c.green(mark) : mark === '✗' ? c.yellow(mark) : c.dim(mark)} ${parentageLine(d)}`);
  out.push('', c.bold(summaryLine(d, r)));
  if (opts.stat) return out.join('\n') + '\n';

  if (!sameFamily) {
    section('Thematic overlap', d.links.length);
    const bTitle = titleLookup(base, d.dropped);
    const lTitle = titleLookup(local, d.added);
    for (const k of d.links) {
      out.push(`  ${k.base}${bAt(k.base)} ${bTitle(k.base)} ${c.dim('~')} ${k.local}${lAt(k.local)} ${lTitle(k.local)}  ${c.dim(k.score.toFixed(2))}${k.manual ? ' (manual)' : ''}`);
    }
    if (r.dropped.length) section('Only in base', r.dropped.length);
    for (const t of r.dropped) out.push(`  ${ref(t)}`);
    if (r.added.length) section('Only in local', r.added.length);
    for (const t of r.added) out.push(`  ${ref(t)}`);
    // merges, rewordings and deadlines of unrelated plans are not findings; verbose still shows them
    if (!opts.verbose) return out.join('\n') + '\n';
  } else {
    const cut = new Set(d.dropped.filter((t) => t.afterTruncation).map((t) => t.id));
    const gone = r.dropped.filter((t) => !cut.has(t.id));
    if (gone.length) section('Dropped', gone.length);
    for (const t of gone) out.push(`  ${c.red(t.id)}${at(t)} ${t.title}${nearest(t)}`);
    if (cut.size) {
      section('Not in this copy (the local plan is truncated before them)', cut.size);
      out.push(`  ${c.dim(r.dropped.filter((t) => cut.has(t.id)).map((t) => t.id).join(' '))}`);
    }
    if (r.added.length) section('Added', r.added.length);
    for (const t of r.added) out.push(`  ${c.cyan(t.id)}${at(t)} ${t.title}${nearest(t)}`);
  }

  if (r.merged.length) section('Merged', r.merged.length);
  for (const g of r.merged) out.push(`  local ${c.bold(g.local.id)}${at(g.local)} ${g.local.title} ${c.dim('←')} ${g.bases.map(ref).join(', ')}`);
  if (r.split.length) section('Split', r.split.length);
  for (const g of r.split) out.push(`  base ${c.bold(g.base.id)}${at(g.base)} ${g.base.title} ${c.dim('→')} ${g.locals.map(ref).join(', ')}`);

  const titled = (title: string, list: typeof r.reworded) => {
    if (list.length) section(title, list.length);
    for (const w of list) {
      const m = markTitleChange(w.base.title, w.local.title, { del: c.red, ins: c.green });
      out.push(`  ${w.base.id}${at(w.base)} → ${w.local.id}${at(w.local)}${w.link.manual ? ' (manual)' : ''}  ${m.before} ${c.dim('→')} ${m.after}`);
    }
  };
  titled('Reworded', r.reworded);
  titled('Retitled, same content', r.retitled);

  // who is responsible: only what an analyst would not expect (a ministry → its 厅 is expected)
  out.push(...ownerSectionText(d, c, opts.owners));

  if (r.deadlineGroups.length) out.push('', c.bold(`Deadline changes (${r.deadlinesChanged} of ${r.deadlinesCompared} compared)`));
  for (const g of r.deadlineGroups) {
    out.push(`  ${paint(g.change, g.change)} (${g.items.length})`);
    for (const x of g.items) {
      const where = x.compared === 'body' ? '' : c.dim(`  ${COMPARED_LABEL[x.compared]}`);
      out.push(
        `    base ${x.base}${bAt(x.base)} ${x.baseDeadline || c.dim('(none)')} → local ${x.local}${lAt(x.local)} ${x.localDeadline || c.dim('(none)')}  ${paint(g.change, `[${g.change}]`)}${where}`,
      );
    }
  }

  // numeric targets and obligation words: what the lower level weakened besides deadlines
  out.push(...requirementSectionText(d, c));

  if (r.notRestated.length) {
    section('Key-list rows not restated — the local plan has no key list', r.notRestated.length);
    out.push(`  ${c.dim(r.notRestated.map((x) => x.base).join(' '))}`);
  }

  if (opts.verbose && d.links.length) {
    section('Links', d.links.length);
    const bTitle = titleLookup(base, d.dropped);
    const lTitle = titleLookup(local, d.added);
    const w = (xs: string[], min: number) => Math.max(min, ...xs.map((x) => x.length)); // ids are ASCII
    const bw = w(d.links.map((k) => k.base), 4);
    const lw = w(d.links.map((k) => k.local), 5);
    out.push(c.dim(`  ${'base'.padEnd(bw)}  ${'local'.padEnd(lw)}  ${'kind'.padEnd(8)}  score`));
    for (const k of d.links) {
      out.push(
        `  ${k.base.padEnd(bw)}  ${k.local.padEnd(lw)}  ${k.kind.padEnd(8)}  ${k.score.toFixed(2)}  ${bTitle(k.base)}${bAt(k.base)} ${c.dim('→')} ${lTitle(k.local)}${lAt(k.local)}${k.manual ? ' (manual)' : ''}`,
      );
    }
  }
  return out.join('\n') + '\n';
}
