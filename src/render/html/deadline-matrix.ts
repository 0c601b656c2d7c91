// Key-list deadline matrix: the base plan's 重点任务清单 rows (L1 …) × local plans; each cell says what
// became of the row's 时间要求 (same / earlier / later / changed / removed / added, or not compared).
import { DEADLINE_STATUSES, type Coverage, type DeadlineCell, type DeadlineRow, type PlanColumn } from '../coverage.js';
import { COMPARED_LABEL } from '../report.js';
import { html, type SafeHtml } from './escape.js';
import { baseRowAnchor, planDeadlinesAnchor } from './anchors.js';
import { DEADLINE_INFO } from './legend.js';
import { planHeader, MANY_PLANS } from './matrix.js';
import { table } from './table.js';

const ORDER = new Map(DEADLINE_STATUSES.map((s, k) => [s, k]));
const SHORT = 14;

function short(s: string): string {
  const chars = Array.from(s);
  return chars.length > SHORT ? chars.slice(0, SHORT - 1).join('') + '…' : s;
}

function cell(col: PlanColumn, r: DeadlineRow, c: DeadlineCell): SafeHtml {
  const info = DEADLINE_INFO[c.status];
  const lines = c.changes.map(
    (x) => `${x.base} → ${x.local}: ${x.change} (${COMPARED_LABEL[x.compared]})\n  base:  ${x.baseDeadline || '(none)'}\n  local: ${x.localDeadline || '(none)'}`,
  );
  const tip = `${col.label} · ${r.row.id} ${r.row.task}: ${info.label} ${info.zh}\n${lines.length ? lines.join('\n') : info.help}`;
  const locals = [...new Set(c.changes.map((x) => x.local))];
  const shown = c.changes.find((x) => x.change === c.status) ?? c.changes[0];
  const phrase = shown && c.status !== 'same' && c.status !== 'removed' && shown.localDeadline ? html`<span class="dlt">${short(shown.localDeadline)}</span>` : null;
  const href = r.owner ? baseRowAnchor(col.anchor, r.owner.id) : planDeadlinesAnchor(col.anchor);
  return html`<td class="st dl-${c.status}" data-sort="${ORDER.get(c.status) ?? 9}" title="${tip}"><a href="#${href}"><span class="mk" aria-hidden="true">${info.mark}</span>${
    locals.length ? locals.join(' ') : ''
  }${phrase}</a></td>`;
}

export function deadlineMatrix(c: Coverage): SafeHtml {
  const head = html`<tr><th class="sticky-l">row</th><th>重点任务 (key-list row)</th><th>时间要求</th><th title="the body task the row details">task</th>${c.plans.map((p) => planHeader(p))}</tr>`;
  const body = html`<tbody>${c.deadlines.map((r) => {
    const statuses = [...new Set(r.cells.map((x) => x.status))].join(' ');
    return html`<tr class="kl-row" data-st="${statuses}"><th class="sticky-l" scope="row">${r.row.id}</th><td class="title">${r.row.task}</td><td>${r.row.deadline.text}</td><td>${r.owner?.id ?? ''}</td>${r.cells.map((x, k) => cell(c.plans[k], r, x))}</tr>`;
  })}</tbody>`;
  return table(
    {
      id: 'deadline-matrix',
      className: c.plans.length > MANY_PLANS ? 'matrix many' : 'matrix',
      filter: 'filter key-list rows',
      facets: DEADLINE_STATUSES.map((s) => ({ value: s, label: `${DEADLINE_INFO[s].label} ${DEADLINE_INFO[s].zh}` })),
      tall: true,
    },
    head,
    body,
  );
}
