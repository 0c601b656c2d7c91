// Markdown reports: the same content as the text reports, as tables a reader can paste or publish.
import type { Notice, PlanDiff } from '../model.js';
import { markTitleChange } from './chardiff.js';
import { ownerSectionMarkdown, type OwnersMode } from './owners.js';
import { requirementSectionsMarkdown } from './requirements.js';
import { COMPARED_LABEL, buildReport, deadlineLabel, metaRows, parentageLine, summaryLine, titleLookup, type UnlinkedRef } from './report.js';

/** Cell text: a `|` would end the cell and a newline the row. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GFM table; cells are escaped here unless they were built from escaped parts (raw). */
export function mdTable(header: string[], rows: string[][], raw = false): string {
  const cell = raw ? (s: string) => s : mdCell;
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

const manual = (m?: boolean) => (m ? ' (manual)' : '');

export function renderDiffMarkdown(d: PlanDiff, base: Notice, local: Notice, opts: { owners?: OwnersMode } = {}): string {
  const r = buildReport(d, base, local);
  const bTitle = titleLookup(base, d.dropped);
  const lTitle = titleLookup(local, d.added);
  const same = d.family.sameFamily;
  const short = (x: PlanDiff['base']) => mdCell(x.docNumber ?? x.title ?? x.file);
  const out: string[] = [`# ${short(d.local)} vs ${short(d.base)}`, ''];

  if (!same) out.push(`> **Warning:** ${mdCell(d.family.message ?? 'different family: the local plan does not implement the base')}`, '');
  for (const w of d.warnings) out.push(`> **Note:** ${w.line ? `line ${w.line}: ` : ''}${mdCell(w.message)}`, '');

  out.push(
    mdTable(
      ['', 'base', 'local'],
      [
        ['文号', d.base.docNumber ?? '', d.local.docNumber ?? ''],
        ['标题', d.base.title ?? '', d.local.title ?? ''],
        ['发文机关', d.base.issuer ?? '', d.local.issuer ?? ''],
        ['成文日期', d.base.date ?? '', d.local.date ?? ''],
        ['file', d.base.file, d.local.file],
      ],
    ),
    '',
    `The local plan ${parentageLine(d)}.`,
    '',
    `**${summaryLine(d, r)}**`,
    '',
    '## Summary',
    '',
    mdTable(
      ['measure', 'value'],
      [
        ['base tasks', String(r.baseTasks)],
        ['local tasks', String(d.summary.localTasks)],
        [same ? 'carried' : 'overlapping', `${r.carried} (${r.percent}%)`],
        [same ? 'dropped' : 'only in base', String(d.summary.dropped)],
        [same ? 'added' : 'only in local', String(d.summary.added)],
        ['merged', String(d.summary.merged)],
        ['split', String(d.summary.split)],
        ['reworded', String(d.summary.reworded)],
        ['retitled (same content)', String(d.summary.retitled)],
        ['deadline changes', `${r.deadlinesChanged} of ${r.deadlinesCompared} compared`],
        ...(r.notRestated.length ? [['key-list rows not restated', String(r.notRestated.length)]] : []),
      ],
    ),
  );

  const section = (title: string, table: string) => out.push('', `## ${title}`, '', table);
  const idTitle = (ts: UnlinkedRef[]) =>
    mdTable(['id', 'line', 'title', 'nearest candidate'], ts.map((t) => [t.id, t.line ? String(t.line) : '', t.title, t.nearest ? `${t.nearest.id} ${t.nearest.title} (line ${t.nearest.line}), ${t.nearest.score.toFixed(2)}` : '']));
  if (r.dropped.length) section(same ? `Dropped (${r.dropped.length})` : `Only in base (${r.dropped.length})`, idTitle(r.dropped));
  if (r.added.length) section(same ? `Added (${r.added.length})` : `Only in local (${r.added.length})`, idTitle(r.added));
  if (r.merged.length) {
    const rows = r.merged.map((g) => [g.local.id, g.local.title, g.bases.map((b) => `${b.id} ${b.title}${manual(b.manual)}`).join('; ')]);
    section(`Merged (${r.merged.length})`, mdTable(['local', 'local title', 'base tasks'], rows));
  }
  if (r.split.length) {
    const rows = r.split.map((g) => [g.base.id, g.base.title, g.locals.map((l) => `${l.id} ${l.title}${manual(l.manual)}`).join('; ')]);
    section(`Split (${r.split.length})`, mdTable(['base', 'base title', 'local tasks'], rows));
  }
  for (const [title, list] of [['Reworded', r.reworded], ['Retitled, same content', r.retitled]] as const) {
    if (!list.length) continue;
    const rows = list.map((w) => {
      const m = markTitleChange(w.base.title, w.local.title, { del: (s) => `~~${mdCell(s)}~~`, ins: (s) => `**${mdCell(s)}**` }, mdCell);
      return [w.base.id, w.local.id + manual(w.link.manual), m.before, m.after];
    });
    section(`${title} (${list.length})`, mdTable(['base', 'local', 'base title', 'local title'], rows.map(([b, l, bt, lt]) => [mdCell(b), mdCell(l), bt, lt]), true));
  }
  const changed = r.deadlineGroups.flatMap((g) => g.items);
  if (changed.length) {
    const rows = changed.map((x) => [x.base, x.local, x.baseDeadline, x.localDeadline, x.change, COMPARED_LABEL[x.compared]]);
    section(
      `Deadline changes (${changed.length} of ${r.deadlinesCompared} compared)`,
      mdTable(['base', 'local', 'base deadline', 'local deadline', 'change', 'compared'], rows),
    );
  }
  if (r.notRestated.length) {
    out.push('', `Key-list rows the local plan (which has no key list) does not restate: ${r.notRestated.map((x) => x.base).join(' ')}.`);
  }
  const owners = ownerSectionMarkdown(d, opts.owners);
  if (owners) section(owners.title, owners.body);
  for (const s of requirementSectionsMarkdown(d)) section(s.title, s.body);
  if (d.links.length) {
    const rows = d.links.map((k) => [k.base, bTitle(k.base), k.local, lTitle(k.local), k.kind + manual(k.manual), k.score.toFixed(2)]);
    section(same ? `Links (${d.links.length})` : `Thematic overlap (${d.links.length})`, mdTable(['base id', 'base title', 'local id', 'local title', 'kind', 'score'], rows));
  }
  return out.join('\n') + '\n';
}

export function renderParseMarkdown(n: Notice): string {
  const out: string[] = [`# ${mdCell(n.meta.title ?? n.source.file)}`, ''];
  const s = n.source;
  const meta = [...metaRows(n), ['file', s.file], ['encoding', s.encoding], ['converted', s.converted]];
  out.push(mdTable(['field', 'value'], meta));
  if (n.references.length) {
    const rows = n.references.map((r) => [r.title ?? '', r.docNumber ?? '', String(r.line)]);
    out.push('', '## References', '', mdTable(['title', '文号', 'line'], rows));
  }
  out.push('', `## Tasks (${n.tasks.length})`, '');
  if (n.mainPart) out.push(`Main part: ${mdCell(n.mainPart)}`, '');
  const taskRows = n.tasks.map((t) => [t.id, t.number, t.title, t.units.join('、'), t.deadlines.map(deadlineLabel).join('；'), String(t.line)]);
  out.push(mdTable(['id', 'number', 'title', 'units', 'deadlines', 'line'], taskRows));
  if (n.keyList.length) {
    const rows = n.keyList.map((r) => [r.id, r.task, r.units.join('、'), deadlineLabel(r.deadline)]);
    out.push('', `## Key list (${n.keyList.length} rows)`, '', mdTable(['id', 'task', 'units', 'deadline'], rows));
  }
  if (n.warnings.length) {
    const rows = n.warnings.map((w) => [String(w.line), w.code, w.message]);
    out.push('', `## Warnings (${n.warnings.length})`, '', mdTable(['line', 'code', 'message'], rows));
  }
  return out.join('\n') + '\n';
}
