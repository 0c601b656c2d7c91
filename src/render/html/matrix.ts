// Coverage matrix: provincial tasks (grouped by project) × local plans; each cell coloured by what
// became of the task in that plan, with the local task id(s) and a link to the side-by-side row.
import type { Notice } from '../../model.js';
import { COVERAGE_STATUSES, type Coverage, type CoverageCell, type PlanColumn, type PlanInput } from '../coverage.js';
import { html, type SafeHtml } from './escape.js';
import { baseRowAnchor } from './anchors.js';
import { COVERAGE_INFO, statusHelp, statusLabel } from './legend.js';
import { LABELS, type Labels } from '../labels.js';
import { table } from './table.js';

/** Plans beyond this many get vertical column headings (Chinese reads well top to bottom). */
export const MANY_PLANS = 8;

export function planHeader(col: PlanColumn, truncated = false, L: Labels = LABELS.en): SafeHtml {
  const tip = [col.docNumber, col.title, col.date, col.sameFamily ? '' : L.html.thematicOnly].filter(Boolean).join('\n');
  return html`<th class="plan-col" title="${tip}" data-csv="${col.docNumber && !col.label.includes(col.docNumber) ? `${col.label} ${col.docNumber}` : col.label}"><a href="#${col.anchor}">${col.label}</a>${
    col.docNumber ? html`<span class="sub">${col.docNumber}</span>` : null
  }${col.sameFamily ? null : html`<span class="sub"><span class="badge family">${L.html.differentFamily}</span></span>`}${
    truncated ? html`<span class="sub"><span class="badge trunc" title="${L.html.truncatedColHelp}">${L.html.truncated}</span></span>` : null
  }</th>`;
}

const ORDER = new Map(COVERAGE_STATUSES.map((s, k) => [s, k]));

function cell(col: PlanColumn, baseId: string, c: CoverageCell, local: Notice, L: Labels): SafeHtml {
  const thematic = !col.sameFamily;
  const [info, key] = c.cut
    ? [{ ...COVERAGE_INFO.dropped, mark: '\u2026', label: 'not in copy', zh: '文本缺失', help: 'the local copy is truncated before this task: it may only be missing' }, 'not-in-copy']
    : thematic && c.status === 'dropped'
      ? [{ ...COVERAGE_INFO.dropped, mark: '\u2013', label: 'only in base', zh: '仅上级有', help: 'different family: no thematic counterpart' }, 'only-base']
      : [COVERAGE_INFO[c.status], `st-${c.status}`];
  const help = statusHelp(info, key, L);
  const shown = L.lang === 'zh' ? info.zh : info.label;
  const titles = new Map(local.tasks.map((t) => [t.id, t.title]));
  const detail = c.locals.length
    ? c.links
        .map((k) => L.html.cellLink(k.local, titles.get(k.local) ?? '', L.kind[k.kind], !!k.manual, k.score.toFixed(2)))
        .join('\n')
    : help;
  const tip = `${col.label} · ${baseId}: ${statusLabel(info, L)}${col.sameFamily ? '' : L.html.thematicTip}\n${detail}`;
  // greyed like thematic cells: neither a finding of 'dropped'
  const cls = `st st-${c.status}${col.sameFamily && !c.cut ? '' : ' thematic'}`;
  const csv = c.locals.length ? `${c.status} ${c.locals.join(';')}` : shown;
  return html`<td class="${cls}" data-sort="${ORDER.get(c.status) ?? 9}" data-csv="${csv}" title="${tip}"><a href="#${baseRowAnchor(col.anchor, baseId)}"><span class="mk" aria-hidden="true">${info.mark}</span>${
    c.locals.length ? c.locals.join(' ') : shown
  }</a></td>`;
}

export function coverageMatrix(c: Coverage, plans: PlanInput[], L: Labels = LABELS.en): SafeHtml {
  const width = 3 + c.plans.length;
  const H = L.html;
  const head = html`<tr><th class="sticky-l">${H.id}</th><th>${H.baseTask(c.base.meta.docNumber ?? L.base)}</th><th class="num" data-type="num" title="${H.keptByHelp}">${H.keptBy}</th>${c.plans.map((p, k) => planHeader(p, !!plans[k].notice.truncated, L))}</tr>`;
  const body = c.groups.map(
    (g) => html`<tbody><tr class="group"><th colspan="${width}">${g.heading}</th></tr>${g.rows.map((r) => {
      const statuses = [...new Set(r.cells.map((x) => x.status))].join(' ');
      return html`<tr class="task-row" data-st="${statuses}" data-base="${r.task.id}"><th class="sticky-l" scope="row">${r.task.id}</th><td class="title">${r.task.title}</td><td class="num" data-sort="${r.carriedBy}">${r.carriedBy}/${c.sameFamilyPlans}</td>${r.cells.map((x, k) => cell(c.plans[k], r.task.id, x, plans[k].notice, L))}</tr>`;
    })}</tbody>`,
  );
  return table(
    {
      id: 'coverage-matrix',
      className: c.plans.length > MANY_PLANS ? 'matrix many' : 'matrix',
      filter: H.filterTasks,
      facets: COVERAGE_STATUSES.map((s) => ({ value: s, label: statusLabel(COVERAGE_INFO[s], L) })),
      tall: true,
    },
    head,
    body,
  );
}
