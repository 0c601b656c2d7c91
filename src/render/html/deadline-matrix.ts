// Key-list deadline matrix: the base plan's 重点任务清单 rows (L1 …) × local plans; each cell says what
// became of the row's 时间要求 (same / earlier / later / changed / removed / added, or not compared).
import { DEADLINE_STATUSES, type Coverage, type DeadlineCell, type DeadlineRow, type PlanColumn } from '../coverage.js';
import { LABELS, type Labels } from '../labels.js';
import { html, type SafeHtml } from './escape.js';
import { baseRowAnchor, planDeadlinesAnchor } from './anchors.js';
import { DEADLINE_INFO, statusHelp, statusLabel } from './legend.js';
import { planHeader, MANY_PLANS } from './matrix.js';
import { table } from './table.js';

const ORDER = new Map(DEADLINE_STATUSES.map((s, k) => [s, k]));
const SHORT = 14;

function short(s: string): string {
  const chars = Array.from(s);
  return chars.length > SHORT ? chars.slice(0, SHORT - 1).join('') + '…' : s;
}

function cell(col: PlanColumn, r: DeadlineRow, c: DeadlineCell, L: Labels): SafeHtml {
  const info = DEADLINE_INFO[c.status];
  const lines = c.changes.map(
    (x) => `${x.base} → ${x.local}: ${x.notRestated ? L.notRestated : L.change[x.change]} (${L.compared[x.compared]})\n  ${L.base}:  ${x.baseDeadline || L.none}\n  ${L.local}: ${x.localDeadline || L.none}`,
  );
  const tip = `${col.label} · ${r.row.id} ${r.row.task}: ${statusLabel(info, L)}\n${lines.length ? lines.join('\n') : statusHelp(info, `dl-${c.status}`, L)}`;
  const locals = [...new Set(c.changes.map((x) => x.local))];
  const shown = c.changes.find((x) => x.change === c.status) ?? c.changes[0];
  const phrase = shown && c.status !== 'same' && c.status !== 'removed' && shown.localDeadline ? html`<span class="dlt">${short(shown.localDeadline)}</span>` : null;
  const href = r.owner ? baseRowAnchor(col.anchor, r.owner.id) : planDeadlinesAnchor(col.anchor);
  return html`<td class="st dl-${c.status}" data-sort="${ORDER.get(c.status) ?? 9}" title="${tip}"><a href="#${href}"><span class="mk" aria-hidden="true">${info.mark}</span>${
    locals.length ? locals.join(' ') : ''
  }${phrase}</a></td>`;
}

export function deadlineMatrix(c: Coverage, L: Labels = LABELS.en): SafeHtml {
  const H = L.html;
  const head = html`<tr><th class="sticky-l">${H.row}</th><th>${H.keyTask}</th><th>${H.timeReq}</th><th title="${H.taskHelp}">${H.task}</th>${c.plans.map((p) => planHeader(p, false, L))}</tr>`;
  const body = html`<tbody>${c.deadlines.map((r) => {
    const statuses = [...new Set(r.cells.map((x) => x.status))].join(' ');
    return html`<tr class="kl-row" data-st="${statuses}"><th class="sticky-l" scope="row">${r.row.id}</th><td class="title">${r.row.task}</td><td>${r.row.deadline.text}</td><td>${r.owner?.id ?? ''}</td>${r.cells.map((x, k) => cell(c.plans[k], r, x, L))}</tr>`;
  })}</tbody>`;
  return table(
    {
      id: 'deadline-matrix',
      className: c.plans.length > MANY_PLANS ? 'matrix many' : 'matrix',
      filter: H.filterRows,
      facets: DEADLINE_STATUSES.map((s) => ({ value: s, label: statusLabel(DEADLINE_INFO[s], L) })),
      tall: true,
    },
    head,
    body,
  );
}
