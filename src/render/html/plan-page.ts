// A page per local plan: the two plans side by side, aligned task by task. Each row is one connected
// group of links (a local task merging two provincial ones shows both on the left), with the changed
// characters highlighted, the units of both sides, and the deadline changes that belong to the row.
import type { DeadlineChange, Link, LinkKind, NearestTask, Notice, OwnerChange, PlanDiff, Task } from '../../model.js';
import type { PlanColumn } from '../coverage.js';
import { COMPARED_LABEL, buildReport, deadlineLabel, parentageLine, summaryLine } from '../report.js';
import { html, join, type SafeHtml } from './escape.js';
import { baseRowAnchor, localRowAnchor, planDeadlinesAnchor } from './anchors.js';
import { COVERAGE_INFO, DEADLINE_INFO, coverageLegend } from './legend.js';
import { citeBadge, familyBadge, truncatedBadge } from './overview.js';
import { table } from './table.js';
import { highlightTexts } from './textdiff.js';
import { lineLink } from './source.js';

export interface RowGroup {
  bases: Task[];
  locals: Task[];
  links: Link[];
  deadlines: DeadlineChange[];
  /** The unexpected owner changes of the group's links (mapped ones are what an analyst expects). */
  owners: OwnerChange[];
}

type RowKind = LinkKind | 'dropped' | 'added';

/** Connected groups of the link graph, in base order; local-only groups after their predecessor in local order. */
export function alignRows(d: PlanDiff, base: Notice, local: Notice): RowGroup[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const unite = (a: string, b: string) => parent.set(find(a), find(b));
  for (const t of base.tasks) parent.set(`b:${t.id}`, `b:${t.id}`);
  for (const t of local.tasks) parent.set(`l:${t.id}`, `l:${t.id}`);
  const links = d.links.filter((k) => parent.has(`b:${k.base}`) && parent.has(`l:${k.local}`));
  for (const k of links) unite(`b:${k.base}`, `l:${k.local}`);

  const groups = new Map<string, RowGroup>();
  const groupOf = (key: string) => {
    const r = find(key);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { bases: [], locals: [], links: [], deadlines: [], owners: [] }));
    return g;
  };
  for (const t of base.tasks) groupOf(`b:${t.id}`).bases.push(t);
  for (const t of local.tasks) groupOf(`l:${t.id}`).locals.push(t);
  for (const k of links) groupOf(`b:${k.base}`).links.push(k);
  for (const o of d.ownerChanges ?? []) if (o.change !== 'mapped' && parent.has(`b:${o.base}`)) groupOf(`b:${o.base}`).owners.push(o);

  // deadline changes belong to the row of their base task (a key-list row: of the task it details)
  const owners = new Map(base.keyList.map((r) => [r.id, r.bodyTask]));
  const baseIds = new Set(base.tasks.map((t) => t.id));
  for (const c of d.deadlineChanges) {
    const owner = baseIds.has(c.base) ? c.base : owners.get(c.base);
    if (owner) groupOf(`b:${owner}`).deadlines.push(c);
  }

  const ordered = [...groups.values()].filter((g) => g.bases.length > 0);
  const localOnly = [...groups.values()].filter((g) => g.bases.length === 0);
  const localPos = new Map(local.tasks.map((t, k) => [t.id, k]));
  for (const g of localOnly.sort((a, b) => localPos.get(a.locals[0].id)! - localPos.get(b.locals[0].id)!)) {
    const pos = localPos.get(g.locals[0].id)!;
    // after the row holding the nearest earlier local task (and any local-only rows already after it)
    let at = 0;
    for (let p = pos - 1; p >= 0 && at === 0; p--) {
      const id = local.tasks[p].id;
      const k = ordered.findIndex((x) => x.locals.some((t) => t.id === id));
      if (k >= 0) at = k + 1;
    }
    while (at < ordered.length && ordered[at].bases.length === 0) at++;
    ordered.splice(at, 0, g);
  }
  return ordered;
}

function rowKind(g: RowGroup): RowKind {
  if (!g.locals.length) return 'dropped';
  if (!g.bases.length) return 'added';
  const kinds = new Set(g.links.map((k) => k.kind));
  for (const k of ['merged', 'split'] as const) if (kinds.has(k)) return k;
  const best = g.links.reduce((a, k) => (k.score > a.score ? k : a));
  return best.kind;
}

type KindInfo = { mark: string; label: string; zh: string; cls: string };
const KIND_LABEL = Object.fromEntries([
  ...Object.entries(COVERAGE_INFO).map(([k, v]) => [k, { mark: v.mark, label: v.label, zh: v.zh, cls: `st-${k}` }]),
  ['added', { mark: '+', label: 'added', zh: '新增', cls: 'dl-added' }],
]) as Record<RowKind, KindInfo>;

function unitsBlock(t: Task): SafeHtml | null {
  if (!t.units.length) return html`<div class="units"><b>units</b> <span class="muted">none named</span></div>`;
  return html`<div class="units"><b>units</b> ${t.units.map((u) => html`<span class="unit">${u}</span>`)}${
    t.unitsFrom === 'project' ? html` <span class="muted">(from the project)</span>` : null
  }</div>`;
}

function deadlinesBlock(t: Task): SafeHtml | null {
  return t.deadlines.length ? html`<div class="dls"><b>deadlines</b> ${t.deadlines.map(deadlineLabel).join('；')}</div>` : null;
}

/** owner: whose source view the line links to ('base', 'plan-1'); undefined: the report holds no source. */
function taskBlock(t: Task, text: SafeHtml, anchor: string | null, owner: string | undefined): SafeHtml {
  return html`<div class="task"${anchor ? html` id="${anchor}"` : null}><span class="tid">${t.id}</span>${text}${unitsBlock(t)}${deadlinesBlock(t)}<div class="src-ref">${lineLink(owner, t.line)}</div></div>`;
}

function changeItem(c: DeadlineChange): SafeHtml {
  const info = DEADLINE_INFO[c.change];
  return html`<li><span class="chip dl-${c.change}" title="${info.help}">${info.mark} ${info.label}</span>${c.base}→${c.local} <span class="muted">(${COMPARED_LABEL[c.compared]})</span> ${c.baseDeadline || '(none)'} → ${c.localDeadline || '(none)'}</li>`;
}

/** A plan of another family has no dropped or added tasks, only tasks without a thematic counterpart. */
const THEMATIC: Partial<Record<RowKind, KindInfo>> = {
  dropped: { mark: '\u2013', label: 'only in base', zh: '无对应', cls: 'dl-none' },
  added: { mark: '\u2013', label: 'only in local', zh: '无对应', cls: 'dl-none' },
};

function nearestNote(n: NearestTask | undefined, owner: string | undefined): SafeHtml | null {
  return n ? html`<div class="nearest small">nearest local candidate: <b>${n.id}</b> ${n.title} <span class="muted">(score ${n.score.toFixed(2)})</span> ${lineLink(owner, n.line)}</div>` : null;
}

function sbsRow(col: PlanColumn, g: RowGroup, src: SourceOwners, nearest: Map<string, NearestTask>): SafeHtml {
  const kind = rowKind(g);
  const info = (!col.sameFamily && THEMATIC[kind]) || KIND_LABEL[kind];
  const hl = highlightTexts(
    g.bases.map((t) => t.text),
    g.locals.map((t) => t.text),
  );
  const rowId = g.bases.length ? baseRowAnchor(col.anchor, g.bases[0].id) : localRowAnchor(col.anchor, g.locals[0].id);
  const left = g.bases.map((t, k) => taskBlock(t, hl.left[k], k === 0 ? null : baseRowAnchor(col.anchor, t.id), src.base));
  const right = g.locals.map((t, k) => taskBlock(t, hl.right[k], k === 0 && !g.bases.length ? null : localRowAnchor(col.anchor, t.id), src.local));
  const changed = g.deadlines.filter((c) => c.change !== 'same' && !c.notRestated);
  const st = [kind, ...g.links.map((k) => k.kind), changed.length ? 'deadline' : '', g.owners.length ? 'owner' : ''].filter(Boolean);
  const mid = g.links.length
    ? g.links.map(
        (k) =>
          html`<div>${g.links.length > 1 ? html`<span class="small">${k.base}→${k.local}</span> ` : null}<span class="chip st-${k.kind}">${COVERAGE_INFO[k.kind].mark} ${k.kind}</span> <span class="muted small">${k.score.toFixed(2)}</span>${
            k.manual ? html` <span class="badge manual">manual</span>` : null
          }</div>`,
      )
    : html`<span class="chip ${info.cls}">${info.mark} ${info.label} ${info.zh}</span>`;
  const dl = g.deadlines.length ? html`<ul class="dlchanges" aria-label="deadline changes">${g.deadlines.map(changeItem)}</ul>` : null;
  const own = g.owners.length
    ? html`<ul class="owners small" aria-label="owner changes">${g.owners.map((o) => html`<li><span class="chip">${o.change}</span> ${o.base}→${o.local} ${o.detail}</li>`)}</ul>`
    : null;
  return html`<tr id="${rowId}" class="row-${kind}" data-st="${[...new Set(st)].join(' ')}"><td class="side base">${
    left.length ? left : html`<span class="muted">— not in the base plan —</span>`
  }</td><td class="mid">${mid}</td><td class="side local${g.locals.length ? '' : ' empty'}">${
    right.length ? right : html`<span>${col.sameFamily ? '— dropped: no local task carries it —' : '— no thematic counterpart —'}</span>${nearestNote(nearest.get(g.bases[0]?.id ?? ''), src.local)}`
  }${dl}${own}</td></tr>`;
}

function metaTable(d: PlanDiff): SafeHtml {
  const rows: [string, string, string][] = [
    ['文号', d.base.docNumber ?? '', d.local.docNumber ?? ''],
    ['标题', d.base.title ?? '', d.local.title ?? ''],
    ['发文机关', d.base.issuer ?? '', d.local.issuer ?? ''],
    ['成文日期', d.base.date ?? '', d.local.date ?? ''],
    ['file', d.base.file, d.local.file],
  ];
  return html`<div class="table-wrap"><table class="meta-table"><thead><tr><th></th><th>base</th><th>local</th></tr></thead><tbody>${rows.map(
    ([k, b, l]) => html`<tr><th scope="row">${k}</th><td>${b}</td><td>${l}</td></tr>`,
  )}</tbody></table></div>`;
}

function deadlineTable(col: PlanColumn, d: PlanDiff): SafeHtml {
  const head = html`<tr><th>base</th><th>local</th><th>base deadline</th><th>local deadline</th><th>change</th><th>compared</th></tr>`;
  const body = html`<tbody>${d.deadlineChanges.map(
    (c) =>
      html`<tr data-st="${c.change}"><td>${c.base}</td><td>${c.local}</td><td>${c.baseDeadline || '(none)'}</td><td>${c.localDeadline || '(none)'}</td><td class="st dl-${c.change}">${DEADLINE_INFO[c.change].mark} ${c.change}</td><td>${COMPARED_LABEL[c.compared]}</td></tr>`,
  )}</tbody>`;
  return table(
    {
      id: planDeadlinesAnchor(col.anchor),
      filter: 'filter deadline comparisons',
      facets: (['same', 'earlier', 'later', 'changed', 'removed', 'added'] as const).map((s) => ({ value: s, label: `${s} ${DEADLINE_INFO[s].zh}` })),
    },
    head,
    body,
  );
}

/** Source views the report holds: their owner ids, for links from each task to its line. */
export interface SourceOwners {
  base?: string;
  local?: string;
}

export interface PlanPageOptions {
  sources?: SourceOwners;
  /** Links to the neighbouring plans and back to the overview (absent for a single-pair page). */
  nav?: { prev?: PlanColumn; next?: PlanColumn };
  /** Shown without :target (the page of `plancmp diff --format html`). */
  standalone?: boolean;
}

export function planPage(col: PlanColumn, d: PlanDiff, base: Notice, local: Notice, o: PlanPageOptions = {}): SafeHtml {
  const r = buildReport(d, base, local);
  const rows = alignRows(d, base, local);
  const nearest = new Map(d.dropped.flatMap((t) => (t.nearest ? [[t.id, t.nearest] as const] : [])));
  // group rows under the base project heading of their first base task
  const sections: { heading: string; rows: RowGroup[] }[] = [];
  for (const g of rows) {
    const t = g.bases[0];
    const heading = t ? `${t.projectNumber ? `${t.projectNumber}、` : ''}${t.project}` : undefined;
    const last = sections[sections.length - 1];
    if (!last || (heading !== undefined && heading !== last.heading)) sections.push({ heading: heading ?? '', rows: [g] });
    else last.rows.push(g);
  }
  const facetKinds: RowKind[] = ['same', 'reworded', 'merged', 'split', 'partial', 'dropped', 'added'];
  const sbs = table(
    {
      id: `${col.anchor}-sbs`,
      className: 'sbs',
      sortable: false,
      filter: 'filter rows (text, id, unit…)',
      facets: [...facetKinds.map((k) => ({ value: k, label: `${KIND_LABEL[k].label} ${KIND_LABEL[k].zh}` })), { value: 'deadline', label: 'a deadline change' }, { value: 'owner', label: 'an owner change' }],
    },
    html`<tr><th>${d.base.docNumber ?? 'base'} <span class="muted small">provincial</span></th><th>link</th><th>${d.local.docNumber ?? col.label} <span class="muted small">local</span></th></tr>`,
    sections.map((s) => html`<tbody>${s.heading ? html`<tr class="group"><th colspan="3">${s.heading}</th></tr>` : null}${s.rows.map((g) => sbsRow(col, g, o.sources ?? {}, nearest))}</tbody>`),
    html`<colgroup><col class="c-side"><col class="c-mid"><col class="c-side"></colgroup>`,
  );
  const nav = o.nav
    ? html`<p class="back"><a href="#overview">← overview</a> · <a href="#coverage">coverage matrix</a>${
        o.nav.prev ? html` · <a href="#${o.nav.prev.anchor}">← ${o.nav.prev.label}</a>` : null
      }${o.nav.next ? html` · <a href="#${o.nav.next.anchor}">${o.nav.next.label} →</a>` : null}</p>`
    : null;
  const warnings = local.warnings.length
    ? html`<details><summary>parse warnings of the local plan (${local.warnings.length})</summary><ul class="small">${local.warnings.map(
        (w) => html`<li>${w.line ? `line ${w.line} · ` : ''}<code>${w.code}</code> ${w.message}</li>`,
      )}</ul></details>`
    : null;
  return html`<section class="${o.standalone ? 'plan-page standalone' : 'plan-page'}" id="${col.anchor}" data-label="${col.label}" aria-label="${col.label}">
${nav}
<h2>${col.label} · ${d.local.docNumber ?? d.local.file} <span class="muted">vs ${d.base.docNumber ?? d.base.file}</span> ${familyBadge(d)} ${truncatedBadge(local)} ${citeBadge(d)}</h2>
${d.family.sameFamily ? null : html`<p class="warn">${d.family.message ?? 'different family: the local plan does not implement the base'}</p>`}
${d.warnings.map((w) => html`<p class="${w.code === 'other-parent' ? 'warn' : 'note'}">${w.line ? `line ${w.line}: ` : ''}${w.message}</p>`)}
${metaTable(d)}
<p class="summary-line">${summaryLine(d, r)}</p>
<p class="muted small">The local plan ${parentageLine(d)}. Removed characters are <del>struck through</del> on the provincial side, inserted ones <ins>underlined</ins> on the local side.</p>
${coverageLegend()}
<h3>Side by side</h3>
${sbs}
<h3 id="${col.anchor}-deadline-changes">Deadline comparisons (${r.deadlinesChanged} changed of ${r.deadlinesCompared})</h3>
${d.deadlineChanges.length ? join([deadlineTable(col, d)]) : html`<p class="muted">No deadlines compared.</p>`}
${warnings}
</section>`;
}
