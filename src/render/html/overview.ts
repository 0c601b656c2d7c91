// Overview: one row per local plan, with its headline numbers and what to be careful about.
import type { Notice, PlanDiff } from '../../model.js';
import type { Coverage, PlanColumn, PlanInput } from '../coverage.js';
import { buildReport, parentageLine } from '../report.js';
import { html, type SafeHtml } from './escape.js';
import { table } from './table.js';

export function familyBadge(d: PlanDiff): SafeHtml | null {
  return d.family.sameFamily ? null : html`<span class="badge family" title="${d.family.message ?? ''}">different family</span>`;
}

export function citeBadge(d: PlanDiff): SafeHtml {
  // neutral: it neither cites the base nor is unrelated to it
  if (!d.parentage.citesBase && d.parentage.namesBase) return html`<span class="badge named" title="${parentageLine(d)}">named after base</span>`;
  return d.parentage.citesBase
    ? html`<span class="badge cites" title="${parentageLine(d)}">cites base</span>`
    : html`<span class="badge nocite" title="${[parentageLine(d), d.parentage.warning].filter(Boolean).join(' — ')}">does not cite base</span>`;
}

export function coverageBar(percent: number): SafeHtml {
  const cls = percent < 50 ? 'bar low' : percent < 80 ? 'bar mid' : 'bar';
  // the width is a number computed here, not document text
  return html`<span class="${cls}" style="width:${Math.round(percent * 0.6) / 10}em" aria-hidden="true"></span>`;
}

/** The parser found the local document cut off: its missing tasks show as dropped. */
export function truncatedBadge(n: Notice): SafeHtml | null {
  if (!n.truncated) return null;
  const why = n.warnings.find((x) => x.code === 'truncated')?.message ?? 'the copy ends inside its task list';
  return html`<span class="badge trunc" title="${why}">truncated</span>`;
}

function row(col: PlanColumn, p: PlanInput, base: Notice): SafeHtml {
  const d = p.diff;
  const r = buildReport(d, base, p.notice);
  const s = d.summary;
  const st = [d.family.sameFamily ? 'family-same' : 'family-other', d.parentage.citesBase ? 'cites' : 'nocite'].join(' ');
  return html`<tr data-st="${st}">
<td class="nowrap" data-sort="${col.index}"><a href="#${col.anchor}">${col.label}</a></td>
<td class="nowrap">${col.docNumber ?? html`<span class="muted">(no 文号)</span>`}</td>
<td>${col.issuer ?? ''}</td>
<td class="mono nowrap">${col.date ?? ''}</td>
<td class="num" data-sort="${r.percent}">${r.carried}/${r.baseTasks} (${r.percent}%)${coverageBar(r.percent)}</td>
<td class="num">${s.dropped}</td>
<td class="num">${s.added}</td>
<td class="num">${s.merged}</td>
<td class="num">${s.split}</td>
<td class="num">${s.reworded}</td>
<td class="num" data-sort="${r.deadlinesChanged}">${r.deadlinesChanged} <span class="muted small">of ${r.deadlinesCompared}</span></td>
<td>${familyBadge(d)} ${truncatedBadge(p.notice)} ${citeBadge(d)}${d.warnings.length ? html` <span class="badge manual" title="${d.warnings.map((w) => w.message).join('\n')}">${d.warnings.length} note${d.warnings.length > 1 ? 's' : ''}</span>` : null}</td>
</tr>`;
}

export function overviewTable(c: Coverage, plans: PlanInput[]): SafeHtml {
  const head = html`<tr><th>plan</th><th>文号</th><th>发文机关</th><th>成文日期</th><th class="num" data-type="num">coverage</th><th class="num" data-type="num">dropped</th><th class="num" data-type="num">added</th><th class="num" data-type="num">merged</th><th class="num" data-type="num">split</th><th class="num" data-type="num">reworded</th><th class="num" data-type="num">deadline changes</th><th>notes</th></tr>`;
  const body = html`<tbody>${c.plans.map((col, k) => row(col, plans[k], c.base))}</tbody>`;
  return table(
    {
      id: 'overview-table',
      filter: 'filter plans (name, 文号, date…)',
      facets: [
        { value: 'family-other', label: 'different family' },
        { value: 'nocite', label: 'does not cite the base' },
      ],
    },
    head,
    body,
  );
}
