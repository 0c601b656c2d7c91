// The HTML report: one self-contained file (inline CSS and script, no network) with an overview of
// many local plans, the coverage matrix, the key-list deadline matrix and a side-by-side page per plan.
// `plancmp diff --format html` renders the same components for a single pair.
import type { Notice, PlanDiff } from '../../model.js';
import { buildCoverage, type PlanInput } from '../coverage.js';
import { html, type SafeHtml } from './escape.js';
import { page } from './shell.js';
import { overviewTable } from './overview.js';
import { coverageMatrix } from './matrix.js';
import { deadlineMatrix } from './deadline-matrix.js';
import { planPage } from './plan-page.js';
import { coverageLegend, deadlineLegend } from './legend.js';
import { shareChart } from './chart.js';
import { sourcePage } from './source.js';

export { esc, html, SafeHtml } from './escape.js';

export interface ReportFailure {
  file: string;
  message: string;
}

export interface HtmlReportInput {
  base: Notice;
  plans: PlanInput[];
  /** Inputs that could not be read or parsed: listed in the overview so the reader knows. */
  failures?: ReportFailure[];
  /** The base's decoded source text, for links from base tasks to their lines. */
  baseText?: string;
}

/** Plans listed in the top bar; beyond this the bar links to the list of plans instead. */
const NAV_PLANS = 8;

const NOSCRIPT = html`<noscript><p class="note">JavaScript is off: tables cannot be sorted or filtered, everything else works (plan pages open through their links).</p></noscript>`;

function baseName(n: Notice): string {
  return n.meta.docNumber ?? n.meta.title ?? n.source.file;
}

export function renderReportHtml(input: HtmlReportInput): string {
  const { base, plans } = input;
  const c = buildCoverage(base, plans);
  const failures = input.failures ?? [];
  const title = `plancmp report: ${plans.length} local plan${plans.length === 1 ? '' : 's'} vs ${baseName(base)}`;
  const keyRows = base.keyList.length;
  const main: SafeHtml = html`<div class="main-view">
${NOSCRIPT}
<section id="overview">
<h2>Overview</h2>
<p class="lead">${plans.length} local plan${plans.length === 1 ? '' : 's'} compared with ${baseName(base)}${base.meta.title ? ` 《${base.meta.title}》` : ''}: ${base.tasks.length} base tasks, ${keyRows} key-list rows. Click a plan to open its side-by-side page.</p>
${failures.length ? html`<div class="warn"><b>${failures.length} file${failures.length > 1 ? 's' : ''} could not be compared</b><ul>${failures.map((f) => html`<li><code>${f.file}</code>: ${f.message}</li>`)}</ul></div>` : null}
${overviewTable(c, plans)}
${shareChart(c)}
</section>
<section id="coverage">
<h2>Coverage matrix</h2>
<p class="lead">Rows: the base tasks, by project. Columns: the local plans. Each cell shows what became of the task and the local task id(s); click a cell for the side-by-side row. “kept by” counts the plans of the same family that carry the task.</p>
${coverageLegend()}
${coverageMatrix(c, plans)}
</section>
<section id="deadlines">
<h2>Key-list deadlines</h2>
<p class="lead">Rows: the ${keyRows} rows of the provincial 重点任务清单 (L1 …) and their 时间要求. Each cell compares it with the local plan's key list, or — where the local plan has none — with the deadline written in the local task that carries the row.</p>
${deadlineLegend()}
${keyRows ? deadlineMatrix(c) : html`<p class="muted">The base plan has no key list.</p>`}
</section>
<section id="plans">
<h2>Plans</h2>
<ol>${c.plans.map((p) => html`<li><a href="#${p.anchor}">${p.label}</a> <span class="muted small">${[p.docNumber, p.title, p.file].filter(Boolean).join(' · ')}</span></li>`)}</ol>
</section>
</div>`;
  const baseOwner = input.baseText !== undefined ? 'base' : undefined;
  const pages = c.plans.map((col, k) =>
    planPage(col, plans[k].diff, base, plans[k].notice, {
      nav: { prev: c.plans[k - 1], next: c.plans[k + 1] },
      sources: { base: baseOwner, local: plans[k].sourceText !== undefined ? col.anchor : undefined },
    }),
  );
  const sources = [
    ...(input.baseText !== undefined ? [sourcePage('base', baseName(base), base.source.file, input.baseText, 'overview')] : []),
    ...c.plans.flatMap((col, k) => (plans[k].sourceText !== undefined ? [sourcePage(col.anchor, col.label, col.file, plans[k].sourceText!, col.anchor)] : [])),
  ];
  const nav = [
    { href: 'overview', label: 'Overview' },
    { href: 'coverage', label: 'Coverage matrix' },
    { href: 'deadlines', label: 'Key-list deadlines' },
    ...(c.plans.length <= NAV_PLANS ? c.plans.map((p) => ({ href: p.anchor, label: p.label })) : [{ href: 'plans', label: `Plans (${c.plans.length})` }]),
  ];
  return page({ title, heading: title, nav, body: html`${main}\n${pages}\n${sources}` });
}

/** `plancmp diff --format html`: the overview row and the side-by-side page of one pair. */
export function renderDiffHtml(d: PlanDiff, base: Notice, local: Notice, texts: { base?: string; local?: string } = {}): string {
  const plans = [{ notice: local, diff: d }];
  const c = buildCoverage(base, plans);
  const col = c.plans[0];
  const title = `plancmp: ${col.label} ${d.local.docNumber ?? ''} vs ${baseName(base)}`.replace(/\s+/g, ' ');
  const sources = { base: texts.base !== undefined ? 'base' : undefined, local: texts.local !== undefined ? col.anchor : undefined };
  const body = html`<section id="overview" class="main-view">${NOSCRIPT}${overviewTable(c, plans)}</section>
${planPage(col, d, base, local, { standalone: true, sources })}
${texts.base !== undefined ? sourcePage('base', baseName(base), base.source.file, texts.base, col.anchor) : null}
${texts.local !== undefined ? sourcePage(col.anchor, col.label, col.file, texts.local, col.anchor) : null}`;
  return page({ title, heading: title, nav: [{ href: 'overview', label: 'Overview' }, { href: col.anchor, label: 'Side by side' }], body });
}
