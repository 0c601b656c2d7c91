// Markdown reports: the same content as the text reports, as tables a reader can paste or publish.
import type { Notice, PlanDiff } from '../model.js';
import { bodyEditsLabel, markTitleChange } from './chardiff.js';
import { labelsFor, type Labels, type Lang } from './labels.js';
import { ownerSectionMarkdown, type OwnersMode } from './owners.js';
import { requirementSectionsMarkdown } from './requirements.js';
import { buildReport, deadlineLabel, evidenceLabel, groupWarnings, metaRows, parentageLine, summaryLine, titleLookup, type UnlinkedRef } from './report.js';

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

export function renderDiffMarkdown(d: PlanDiff, base: Notice, local: Notice, opts: { owners?: OwnersMode; lang?: Lang } = {}): string {
  const L = labelsFor(opts.lang);
  const M = L.md;
  const K = L.count;
  const S = L.section;
  const manual = (m?: boolean) => (m ? ` (${L.manual})` : '');
  const head = (title: string, n: number | string) => (L.lang === 'zh' ? `${title}（${n}）` : `${title} (${n})`);
  const r = buildReport(d, base, local);
  const bTitle = titleLookup(base, d.dropped);
  const lTitle = titleLookup(local, d.added);
  const same = d.family.sameFamily;
  const short = (x: PlanDiff['base']) => mdCell(x.docNumber ?? x.title ?? x.file);
  const out: string[] = [`# ${short(d.local)} ${M.vs} ${short(d.base)}`, ''];

  if (!same) out.push(`> **${M.warning}:** ${mdCell(L.familyWarning(d.family))}`, '');
  for (const w of d.warnings) out.push(`> **${M.note}:** ${w.line ? `${L.line(w.line)}: ` : ''}${mdCell(L.diffWarning(w, d))}`, '');

  out.push(
    mdTable(
      ['', L.base, L.local],
      [
        ['文号', d.base.docNumber ?? '', d.local.docNumber ?? ''],
        ['标题', d.base.title ?? '', d.local.title ?? ''],
        ['发文机关', d.base.issuer ?? '', d.local.issuer ?? ''],
        ['成文日期', d.base.date ?? '', d.local.date ?? ''],
        [M.file, d.base.file, d.local.file],
      ],
    ),
    '',
    L.localPlan(parentageLine(d, L)),
    '',
    `**${summaryLine(d, r, L)}**`,
    '',
    `## ${S.summary}`,
    '',
    mdTable(
      [M.measure, M.value],
      [
        [M.baseTasks, String(r.baseTasks)],
        [M.localTasks, String(d.summary.localTasks)],
        [same ? M.carried : M.overlapping, `${r.carried} (${r.percent}%)`],
        [same ? K.dropped : K.onlyBase, String(d.summary.dropped - r.notInCopy)],
        ...(r.notInCopy ? [[M.notInCopy, String(r.notInCopy)]] : []),
        [same ? K.added : K.onlyLocal, String(d.summary.added)],
        [K.merged, String(d.summary.merged)],
        [K.split, String(d.summary.split)],
        [K.reworded, String(d.summary.reworded)],
        [M.retitled, String(d.summary.retitled)],
        ...(r.partial.length ? [[K.partial, String(r.partial.length)]] : []),
        [M.unchanged, String(r.unchanged.length)],
        [M.deadlineChanges, M.ofCompared(r.deadlinesChanged, r.deadlinesCompared)],
        ...(r.notRestated.length ? [[K.notRestated, String(r.notRestated.length)]] : []),
      ],
    ),
  );

  const section = (title: string, table: string) => out.push('', `## ${title}`, '', table);
  const idTitle = (ts: UnlinkedRef[]) =>
    mdTable([M.id, M.lineCol, M.title, M.nearestCandidate], ts.map((t) => [t.id, t.line ? String(t.line) : '', t.title, t.nearest ? M.nearestCell(t.nearest.id, t.nearest.title, t.nearest.line, t.nearest.score.toFixed(2)) : '']));
  const cut = new Set(d.dropped.filter((t) => t.afterTruncation).map((t) => t.id));
  const gone = r.dropped.filter((t) => !cut.has(t.id));
  if (gone.length) section(head(same ? S.dropped : S.onlyBase, gone.length), idTitle(gone));
  if (cut.size) out.push('', `## ${head(M.notInCopy, cut.size)}`, '', M.notInCopyText(mdCell([...cut].join(' '))));
  if (r.added.length) section(head(same ? S.added : S.onlyLocal, r.added.length), idTitle(r.added));
  if (r.merged.length) {
    const rows = r.merged.map((g) => [g.local.id, g.local.title, g.bases.map((b) => `${b.id} ${b.title}${manual(b.manual)}`).join('; ')]);
    section(head(S.merged, r.merged.length), mdTable([L.local, M.localTitle, M.baseTasksCol], rows));
  }
  if (r.split.length) {
    const rows = r.split.map((g) => [g.base.id, g.base.title, g.locals.map((l) => `${l.id} ${l.title}${manual(l.manual)}`).join('; ')]);
    section(head(S.split, r.split.length), mdTable([L.base, M.baseTitle, M.localTasksCol], rows));
  }
  for (const [title, list] of [[S.reworded, r.reworded], [S.retitled, r.retitled]] as const) {
    if (!list.length) continue;
    const rows = list.map((w) => {
      const m = markTitleChange(w.base.title, w.local.title, { del: (s) => `~~${mdCell(s)}~~`, ins: (s) => `**${mdCell(s)}**` }, mdCell);
      // the same title on both sides: what changed is in the text
      if ('body' in w && w.body) return [w.base.id, w.local.id + manual(w.link.manual), mdCell(w.base.title), `${mdCell(w.local.title)} (${mdCell(L.sameTitle(bodyEditsLabel(w.body, L)))})`];
      return [w.base.id, w.local.id + manual(w.link.manual), m.before, m.after];
    });
    section(head(title, list.length), mdTable([L.base, L.local, M.baseTitle, M.localTitle], rows.map(([b, l, bt, lt]) => [mdCell(b), mdCell(l), bt, lt]), true));
  }
  if (r.partial.length) {
    const rows = r.partial.map((p) => [p.base.id, p.base.title, p.local.id + manual(p.link.manual), p.local.title, p.link.score.toFixed(2)]);
    section(head(S.partial, r.partial.length), mdTable([L.base, M.baseTitle, L.local, M.localTitle, M.score], rows));
  }
  if (r.unchanged.length) out.push('', `## ${head(S.unchanged, r.unchanged.length)}`, '', r.unchanged.map((t) => mdCell(t.id)).join(' '));
  const changed = r.deadlineGroups.flatMap((g) => g.items);
  if (changed.length) {
    const rows = changed.map((x) => [x.base, x.local, x.baseDeadline, x.localDeadline, L.change[x.change], L.compared[x.compared]]);
    section(S.deadlines(changed.length, r.deadlinesCompared), mdTable([L.base, L.local, M.baseDeadline, M.localDeadline, M.change, M.comparedCol], rows));
  }
  if (r.notRestated.length) out.push('', M.notRestatedText(r.notRestated.map((x) => x.base).join(' ')));
  // owner changes grouped by pattern (src/render/owners.ts), then targets and obligation strength
  const owners = ownerSectionMarkdown(d, opts.owners, L);
  if (owners) section(owners.title, owners.body);
  for (const s of requirementSectionsMarkdown(d, L)) section(s.title, s.body);
  if (d.links.length) {
    const rows = d.links.map((k) => [k.base, bTitle(k.base), k.local, lTitle(k.local), L.kind[k.kind] + manual(k.manual), k.score.toFixed(2), evidenceLabel(k.evidence, L.lang)]);
    section(head(same ? S.links : S.overlap, d.links.length), mdTable([M.baseId, M.baseTitle, M.localId, M.localTitle, M.kindCol, M.score, L.evidenceCol], rows));
  }
  return out.join('\n') + '\n';
}


export function renderParseMarkdown(n: Notice, lang?: Lang): string {
  const L = labelsFor(lang);
  const M = L.parse.md;
  const head = (title: string, count: number) => (L.lang === 'zh' ? `${title}（${count}）` : `${title} (${count})`);
  const out: string[] = [`# ${mdCell(n.meta.title ?? n.source.file)}`, ''];
  const s = n.source;
  const meta = [...metaRows(n), [M.file, s.file], [M.encoding, s.encoding], [M.converted, M.convertedValue(s.converted)]];
  out.push(mdTable([M.field, M.value], meta));
  if (n.references.length) {
    const rows = n.references.map((r) => [r.title ?? (r.subject ? `关于${r.subject}` : ''), r.docNumber ?? '', String(r.line)]);
    out.push('', `## ${M.references}`, '', mdTable([M.title, '文号', M.line], rows));
  }
  out.push('', `## ${head(M.tasks, n.tasks.length)}`, '');
  if (n.mainPart) out.push(M.mainPart(mdCell(n.mainPart)), '');
  const taskRows = n.tasks.map((t) => [t.id, t.number, t.title, t.units.join('、'), t.deadlines.map((x) => deadlineLabel(x, L)).join('；'), String(t.line)]);
  out.push(mdTable([M.id, M.number, M.title, M.units, M.deadlines, M.line], taskRows));
  if (n.keyList.length) {
    const rows = n.keyList.map((r) => [r.id, r.task, r.units.join('、'), deadlineLabel(r.deadline, L)]);
    out.push('', `## ${M.keyList(n.keyList.length)}`, '', mdTable([M.id, M.task, M.units, M.deadline], rows));
  }
  if (n.warnings.length) {
    const rows = groupWarnings(n.warnings.map((w) => ({ ...w, message: L.parseWarning(w) })), L).map((w) => [String(w.line), w.code, w.message]);
    out.push('', `## ${head(M.warnings, n.warnings.length)}`, '', mdTable([M.line, M.code, M.message], rows));
  }
  return out.join('\n') + '\n';
}
