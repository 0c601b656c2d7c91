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
import { levelWord } from '../report.js';
import { labelsFor, type Labels, type Lang } from '../labels.js';

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
  /** The language of the labels (default en). */
  lang?: Lang;
}

/** Plans listed in the top bar; beyond this the bar links to the list of plans instead. */
const NAV_PLANS = 8;

const noscript = (L: Labels) => html`<noscript><p class="note">${L.html.noscript}</p></noscript>`;

function baseName(n: Notice): string {
  return n.meta.docNumber ?? n.meta.title ?? n.source.file;
}

export function renderReportHtml(input: HtmlReportInput): string {
  const { base, plans } = input;
  const L = labelsFor(input.lang);
  const H = L.html;
  const c = buildCoverage(base, plans);
  const failures = input.failures ?? [];
  const title = H.reportTitle(plans.length, baseName(base));
  const keyRows = base.keyList.length;
  const main: SafeHtml = html`<div class="main-view">
${noscript(L)}
<section id="overview">
<h2>${H.overview}</h2>
<p class="lead">${H.overviewLead(plans.length, baseName(base), base.meta.title ?? '', base.tasks.length, keyRows)}</p>
${failures.length ? html`<div class="warn"><b>${H.failed(failures.length)}</b><ul>${failures.map((f) => html`<li><code>${f.file}</code>: ${f.message}</li>`)}</ul></div>` : null}
${overviewTable(c, plans, L)}
${shareChart(c, L)}
</section>
<section id="coverage">
<h2>${H.coverage}</h2>
<p class="lead">${H.coverageLead}</p>
${coverageLegend(L)}
${coverageMatrix(c, plans, L)}
</section>
<section id="deadlines">
<h2>${H.keyDeadlines}</h2>
${
  keyRows
    ? html`<p class="lead">${H.keyDeadlinesLead(keyRows, levelWord(base, L))}</p>
${deadlineLegend(L)}
${deadlineMatrix(c, L)}`
    : html`<p class="muted">${H.noKeyList}</p>`
}
</section>
<section id="plans">
<h2>${H.plans}</h2>
<ol>${c.plans.map((p) => html`<li><a href="#${p.anchor}">${p.label}</a> <span class="muted small">${[p.docNumber, p.title, p.file].filter(Boolean).join(' · ')}</span></li>`)}</ol>
</section>
</div>`;
  const baseOwner = input.baseText !== undefined ? 'base' : undefined;
  const pages = c.plans.map((col, k) =>
    planPage(col, plans[k].diff, base, plans[k].notice, {
      nav: { prev: c.plans[k - 1], next: c.plans[k + 1] },
      sources: { base: baseOwner, local: plans[k].sourceText !== undefined ? col.anchor : undefined },
      labels: L,
    }),
  );
  const sources = [
    ...(input.baseText !== undefined ? [sourcePage('base', baseName(base), base.source.file, input.baseText, 'overview', L)] : []),
    ...c.plans.flatMap((col, k) => (plans[k].sourceText !== undefined ? [sourcePage(col.anchor, col.label, col.file, plans[k].sourceText!, col.anchor, L)] : [])),
  ];
  const nav = [
    { href: 'overview', label: H.overview },
    { href: 'coverage', label: H.coverage },
    { href: 'deadlines', label: H.keyDeadlines },
    ...(c.plans.length <= NAV_PLANS ? c.plans.map((p) => ({ href: p.anchor, label: p.label })) : [{ href: 'plans', label: H.plansN(c.plans.length) }]),
  ];
  return page({ title, heading: title, nav, body: html`${main}\n${pages}\n${sources}`, labels: L });
}

/** `plancmp diff --format html`: the overview row and the side-by-side page of one pair. */
export function renderDiffHtml(d: PlanDiff, base: Notice, local: Notice, texts: { base?: string; local?: string } = {}, lang?: Lang): string {
  const L = labelsFor(lang);
  const plans = [{ notice: local, diff: d }];
  const c = buildCoverage(base, plans);
  const col = c.plans[0];
  const title = L.html.pairTitle(col.label, d.local.docNumber ?? '', baseName(base)).replace(/\s+/g, ' ');
  const sources = { base: texts.base !== undefined ? 'base' : undefined, local: texts.local !== undefined ? col.anchor : undefined };
  const body = html`<section id="overview" class="main-view">${noscript(L)}${overviewTable(c, plans, L)}</section>
${planPage(col, d, base, local, { standalone: true, sources, labels: L })}
${texts.base !== undefined ? sourcePage('base', baseName(base), base.source.file, texts.base, col.anchor, L) : null}
${texts.local !== undefined ? sourcePage(col.anchor, col.label, col.file, texts.local, col.anchor, L) : null}`;
  return page({ title, heading: title, nav: [{ href: 'overview', label: L.html.overview }, { href: col.anchor, label: L.html.sideBySide }], body, labels: L });
}
