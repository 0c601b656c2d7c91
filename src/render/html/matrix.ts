// Coverage matrix: provincial tasks (grouped by project) × local plans; each cell coloured by what
// became of the task in that plan, with the local task id(s) and a link to the side-by-side row.
import type { Notice } from '../../model.js';
import { COVERAGE_STATUSES, type Coverage, type CoverageCell, type PlanColumn, type PlanInput } from '../coverage.js';
import { html, type SafeHtml } from './escape.js';
import { baseRowAnchor } from './anchors.js';
import { COVERAGE_INFO } from './legend.js';
import { table } from './table.js';

/** Plans beyond this many get vertical column headings (Chinese reads well top to bottom). */
export const MANY_PLANS = 8;

export function planHeader(col: PlanColumn, truncated = false): SafeHtml {
  const tip = [col.docNumber, col.title, col.date, col.sameFamily ? '' : 'different family: thematic overlap only'].filter(Boolean).join('\n');
  return html`<th class="plan-col" title="${tip}" data-csv="${col.docNumber && !col.label.includes(col.docNumber) ? `${col.label} ${col.docNumber}` : col.label}"><a href="#${col.anchor}">${col.label}</a>${
    col.docNumber ? html`<span class="sub">${col.docNumber}</span>` : null
  }${col.sameFamily ? null : html`<span class="sub"><span class="badge family">different family</span></span>`}${
    truncated ? html`<span class="sub"><span class="badge trunc" title="the document ends early: the tasks after its end show as not in copy">truncated</span></span>` : null
  }</th>`;
}

const ORDER = new Map(COVERAGE_STATUSES.map((s, k) => [s, k]));

function cell(col: PlanColumn, baseId: string, c: CoverageCell, local: Notice): SafeHtml {
  const thematic = !col.sameFamily;
  const info = c.cut
    ? { ...COVERAGE_INFO.dropped, mark: '\u2026', label: 'not in copy', zh: '缺失', help: 'the local copy is truncated before this task: it may only be missing' }
    : thematic && c.status === 'dropped'
      ? { ...COVERAGE_INFO.dropped, mark: '\u2013', label: 'only in base', zh: '无对应', help: 'different family: no thematic counterpart' }
      : COVERAGE_INFO[c.status];
  const titles = new Map(local.tasks.map((t) => [t.id, t.title]));
  const detail = c.locals.length
    ? c.links
        .map((k) => `${k.local} ${titles.get(k.local) ?? ''} (${k.kind}${k.manual ? ', manual' : ''}, score ${k.score.toFixed(2)})`)
        .join('\n')
    : info.help;
  const tip = `${col.label} · ${baseId}: ${info.label} ${info.zh}${col.sameFamily ? '' : ' (different family: thematic overlap)'}\n${detail}`;
  // greyed like thematic cells: neither a finding of 'dropped'
  const cls = `st st-${c.status}${col.sameFamily && !c.cut ? '' : ' thematic'}`;
  const csv = c.locals.length ? `${c.status} ${c.locals.join(';')}` : info.label;
  return html`<td class="${cls}" data-sort="${ORDER.get(c.status) ?? 9}" data-csv="${csv}" title="${tip}"><a href="#${baseRowAnchor(col.anchor, baseId)}"><span class="mk" aria-hidden="true">${info.mark}</span>${
    c.locals.length ? c.locals.join(' ') : info.label
  }</a></td>`;
}

export function coverageMatrix(c: Coverage, plans: PlanInput[]): SafeHtml {
  const width = 3 + c.plans.length;
  const head = html`<tr><th class="sticky-l">id</th><th>base task (${c.base.meta.docNumber ?? 'base'})</th><th class="num" data-type="num" title="same-family plans that carry the task">kept by</th>${c.plans.map((p, k) => planHeader(p, !!plans[k].notice.truncated))}</tr>`;
  const body = c.groups.map(
    (g) => html`<tbody><tr class="group"><th colspan="${width}">${g.heading}</th></tr>${g.rows.map((r) => {
      const statuses = [...new Set(r.cells.map((x) => x.status))].join(' ');
      return html`<tr class="task-row" data-st="${statuses}" data-base="${r.task.id}"><th class="sticky-l" scope="row">${r.task.id}</th><td class="title">${r.task.title}</td><td class="num" data-sort="${r.carriedBy}">${r.carriedBy}/${c.sameFamilyPlans}</td>${r.cells.map((x, k) => cell(c.plans[k], r.task.id, x, plans[k].notice))}</tr>`;
    })}</tbody>`,
  );
  return table(
    {
      id: 'coverage-matrix',
      className: c.plans.length > MANY_PLANS ? 'matrix many' : 'matrix',
      filter: 'filter tasks (id, title, local id…)',
      facets: COVERAGE_STATUSES.map((s) => ({ value: s, label: `${COVERAGE_INFO[s].label} ${COVERAGE_INFO[s].zh}` })),
      tall: true,
    },
    head,
    body,
  );
}
