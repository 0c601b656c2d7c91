// A small inline SVG chart: for each provincial project, the share of its tasks each plan kept.
// Up to 8 plans it draws a bar per plan; beyond that a dot per plan on one line per project (bars of
// dozens of plans would not fit). No script, no external resource: plain SVG the page can print.
import type { Coverage } from '../coverage.js';
import { html, type SafeHtml } from './escape.js';
import { LABELS, type Labels } from '../labels.js';

/** Distinguishable colours (Okabe–Ito plus two), in plan order. */
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7f6a00', '#4d4d4d'];
export const BARS_UP_TO = 8;

export interface ProjectShare {
  heading: string;
  tasks: number;
  /** Per plan: kept tasks / tasks of the project (0..1). */
  shares: number[];
}

export function projectShares(c: Coverage): ProjectShare[] {
  return c.groups.map((g) => ({
    heading: g.heading,
    tasks: g.rows.length,
    shares: c.plans.map((_, k) => (g.rows.length ? g.rows.filter((r) => r.cells[k].status !== 'dropped').length / g.rows.length : 0)),
  }));
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Plans the chart leaves out: another family carries no task, and a truncated copy's missing tasks
 * would read as dropped; coverage figures are about plans that implement the base, whole.
 */
export function chartExcluded(c: Coverage, L: Labels = LABELS.en): { label: string; why: string }[] {
  return c.plans.flatMap((p) => (!p.sameFamily ? [{ label: p.label, why: L.html.differentFamily }] : p.truncated ? [{ label: p.label, why: L.html.truncatedCopy }] : []));
}

export function shareChart(full: Coverage, L: Labels = LABELS.en): SafeHtml {
  const H = L.html;
  const keep = full.plans.map((p, k) => (p.sameFamily && !p.truncated ? k : -1)).filter((k) => k >= 0);
  const left = chartExcluded(full, L);
  const note = left.length ? html`<p class="muted small">${H.leftOut(left.map((x) => (L.lang === 'zh' ? `${x.label}（${x.why}）` : `${x.label} (${x.why})`)).join(L.lang === 'zh' ? '、' : ', '))}</p>` : null;
  if (!keep.length) return html`<figure class="chart" id="share-chart"><figcaption>${H.chartCaption}</figcaption>${note}</figure>`;
  // the chart's own view: only the columns it draws
  const c: Coverage = { ...full, plans: keep.map((k) => full.plans[k]), groups: full.groups.map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, cells: keep.map((k) => r.cells[k]) })) })) };
  const data = projectShares(c);
  const n = c.plans.length;
  const bars = n <= BARS_UP_TO;
  const labelW = 250;
  const plotW = 520;
  const barH = bars ? Math.max(4, Math.min(9, Math.floor(34 / n))) : 0;
  const rowH = bars ? n * barH + 10 : 22;
  const top = 22;
  const height = top + data.length * rowH + 8;
  const width = labelW + plotW + 50;
  const x = (v: number) => labelW + v * plotW;
  const color = (k: number) => PALETTE[k % PALETTE.length];
  const grid = [0, 0.25, 0.5, 0.75, 1].map(
    (v) => html`<line x1="${x(v)}" x2="${x(v)}" y1="${top - 4}" y2="${height - 6}" class="grid"/><text x="${x(v)}" y="${top - 8}" class="axis" text-anchor="middle">${pct(v)}</text>`,
  );
  const rows = data.map((p, i) => {
    const y0 = top + i * rowH;
    const label = p.heading.length > 18 ? p.heading.slice(0, 17) + '…' : p.heading;
    const marks = p.shares.map((v, k) => {
      const col = c.plans[k];
      const tip = H.chartTip(col.label, p.heading, Math.round(v * p.tasks), p.tasks, pct(v));
      return bars
        ? html`<rect x="${labelW}" y="${y0 + 5 + k * barH}" width="${Math.max(1, v * plotW)}" height="${barH - 1}" fill="${color(k)}"${col.sameFamily ? null : html` fill-opacity="0.35"`}><title>${tip}</title></rect>`
        : html`<circle cx="${x(v)}" cy="${y0 + rowH / 2}" r="4" fill="${color(k)}" fill-opacity="${col.sameFamily ? 0.8 : 0.3}"><title>${tip}</title></circle>`;
    });
    return html`<g class="proj"><text x="${labelW - 8}" y="${y0 + rowH / 2 + 4}" text-anchor="end" class="lbl"><title>${H.projectTasks(p.heading, p.tasks)}</title>${label}</text>${marks}</g>`;
  });
  const legend = c.plans.map(
    (p, k) => html`<li><span class="sw" style="background:${color(k)}"></span>${p.label}</li>`,
  );
  return html`<figure class="chart" id="share-chart"><figcaption>${H.chartCaption}</figcaption>
<svg role="img" aria-label="${H.chartAria}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${grid}${rows}</svg>
<ul class="legend chart-legend">${legend}</ul>${note}</figure>`;
}
