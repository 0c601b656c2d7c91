// Overview: one row per local plan, with its headline numbers and what to be careful about.
import type { Notice, PlanDiff } from '../../model.js';
import type { Coverage, PlanColumn, PlanInput } from '../coverage.js';
import { buildReport, parentageLine, type DiffReport } from '../report.js';
import { html, type SafeHtml } from './escape.js';
import { table } from './table.js';
import { LABELS, type Labels } from '../labels.js';

export function familyBadge(d: PlanDiff, L: Labels = LABELS.en): SafeHtml | null {
  return d.family.sameFamily ? null : html`<span class="badge family" title="${L.familyWarning(d.family)}">${L.html.differentFamily}</span>`;
}

export function citeBadge(d: PlanDiff, L: Labels = LABELS.en): SafeHtml {
  const line = parentageLine(d, L);
  if (d.parentage.sameDocument) return html`<span class="badge named" title="${line}">${L.html.sameDocument}</span>`;
  // neutral: it neither cites the base nor is unrelated to it
  if (!d.parentage.citesBase && d.parentage.namesBase) return html`<span class="badge named" title="${line}">${L.html.namedAfter}</span>`;
  const warning = d.parentage.warning && L.diffWarning({ code: 'other-parent', line: 0, message: d.parentage.warning }, d);
  return d.parentage.citesBase
    ? html`<span class="badge cites" title="${line}">${L.html.citesBase}</span>`
    : html`<span class="badge nocite" title="${[line, warning].filter(Boolean).join(' — ')}">${L.html.noCiteBase}</span>`;
}

export function coverageBar(percent: number): SafeHtml {
  const cls = percent < 50 ? 'bar low' : percent < 80 ? 'bar mid' : 'bar';
  // the width is a number computed here, not document text
  return html`<span class="${cls}" style="width:${Math.round(percent * 0.6) / 10}em" aria-hidden="true"></span>`;
}

/** The parser found the local document cut off: its missing tasks show as dropped. */
export function truncatedBadge(n: Notice, L: Labels = LABELS.en): SafeHtml | null {
  if (!n.truncated) return null;
  const w = n.warnings.find((x) => x.code === 'truncated');
  return html`<span class="badge trunc" title="${w ? L.parseWarning(w) : L.html.truncatedHelp}">${L.html.truncated}</span>`;
}

/**
 * The coverage cell: a share and its bar only where it means coverage. A plan of another family
 * carries nothing (its links are thematic overlap), and a truncated copy's missing tasks are not
 * dropped: both are marked and left out of the coverage figures (sorted last).
 */
function coverageCell(d: PlanDiff, r: DiffReport, n: Notice, L: Labels): SafeHtml {
  if (!d.family.sameFamily) return html`<td class="num" data-sort="-1"><span class="muted">${L.html.familyCell}</span> <span class="muted small">${L.html.overlapN(r.carried, r.baseTasks)}</span></td>`;
  if (n.truncated) return html`<td class="num" data-sort="-1">${r.carried}/${r.baseTasks} <span class="muted small">${L.html.truncatedCell}</span></td>`;
  return html`<td class="num" data-sort="${r.percent}">${r.carried}/${r.baseTasks} (${r.percent}%)${coverageBar(r.percent)}</td>`;
}

function row(col: PlanColumn, p: PlanInput, base: Notice, L: Labels): SafeHtml {
  const d = p.diff;
  const r = buildReport(d, base, p.notice);
  const s = d.summary;
  const st = [d.family.sameFamily ? 'family-same' : 'family-other', d.parentage.citesBase ? 'cites' : 'nocite'].join(' ');
  return html`<tr data-st="${st}">
<td class="nowrap" data-sort="${col.index}"><a href="#${col.anchor}">${col.label}</a></td>
<td class="nowrap">${col.docNumber ?? html`<span class="muted">${L.html.noDocNumber}</span>`}</td>
<td>${col.issuer ?? ''}</td>
<td class="mono nowrap">${col.date ?? ''}</td>
${coverageCell(d, r, p.notice, L)}
${
  d.family.sameFamily
    ? html`<td class="num" data-sort="${s.dropped - r.notInCopy}">${s.dropped - r.notInCopy}${r.notInCopy ? html` <span class="muted small">${L.html.notInCopyN(r.notInCopy)}</span>` : null}</td>
<td class="num">${s.added}</td>
<td class="num">${s.merged}</td>
<td class="num">${s.split}</td>
<td class="num">${s.reworded}</td>`
    : // a plan of another family neither drops nor merges base tasks: its counts are not findings
      [0, 1, 2, 3, 4].map(() => html`<td class="num muted" data-sort="-1" title="${L.html.thematicOnly}">—</td>`)
}
<td class="num" data-sort="${r.deadlinesChanged}">${r.deadlinesChanged} <span class="muted small">${L.html.of(r.deadlinesCompared)}</span></td>
<td>${familyBadge(d, L)} ${truncatedBadge(p.notice, L)} ${citeBadge(d, L)}${d.warnings.length ? html` <span class="badge manual" title="${d.warnings.map((w) => L.diffWarning(w, d)).join('\n')}">${L.html.notesN(d.warnings.length)}</span>` : null}</td>
</tr>`;
}

export function overviewTable(c: Coverage, plans: PlanInput[], L: Labels = LABELS.en): SafeHtml {
  const H = L.html;
  const K = L.count;
  const head = html`<tr><th>${H.plan}</th><th>文号</th><th>发文机关</th><th>成文日期</th><th class="num" data-type="num">${H.coverageCol}</th><th class="num" data-type="num">${K.dropped}</th><th class="num" data-type="num">${K.added}</th><th class="num" data-type="num">${K.merged}</th><th class="num" data-type="num">${K.split}</th><th class="num" data-type="num">${K.reworded}</th><th class="num" data-type="num">${H.deadlineChanges}</th><th>${H.notes}</th></tr>`;
  const body = html`<tbody>${c.plans.map((col, k) => row(col, plans[k], c.base, L))}</tbody>`;
  return table(
    {
      id: 'overview-table',
      filter: H.filterPlans,
      facets: [
        { value: 'family-other', label: H.differentFamily },
        { value: 'nocite', label: H.notCiting },
      ],
    },
    head,
    body,
  );
}
