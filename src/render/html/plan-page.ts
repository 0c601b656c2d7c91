// A page per local plan: the two plans side by side, aligned task by task. Each row is one connected
// group of links (a local task merging two provincial ones shows both on the left), with the changed
// characters highlighted, the units of both sides, and the deadline, target and strength changes that
// belong to the row (the changed modal word marked).
import type { DeadlineChange, Link, LinkKind, NearestTask, Notice, OwnerChange, PlanDiff, StrengthChange, Task, TargetChange } from '../../model.js';
import type { PlanColumn } from '../coverage.js';
import { COMPARED_LABEL, buildReport, changeName, groupWarnings, deadlineLabel, evidenceLabel, levelWord, parentageLine, summaryLine } from '../report.js';
import { html, join, type SafeHtml } from './escape.js';
import { baseRowAnchor, localRowAnchor, planDeadlinesAnchor } from './anchors.js';
import { COVERAGE_INFO, DEADLINE_INFO, NOT_RESTATED_INFO, coverageLegend, statusHelp, statusLabel } from './legend.js';
import { LABELS, type Labels } from '../labels.js';
import { trusted } from './escape.js';
import { citeBadge, familyBadge, truncatedBadge } from './overview.js';
import { table } from './table.js';
import { linkGroups } from '../../diff/link-groups.js';
import { highlightTexts } from './textdiff.js';
import { lineLink } from './source.js';
import { groupKindLabel, groupOwnerChanges } from '../owners.js';

export interface RowGroup {
  bases: Task[];
  locals: Task[];
  links: Link[];
  deadlines: DeadlineChange[];
  /** The unexpected owner changes of the group's links (mapped ones are what an analyst expects). */
  owners: OwnerChange[];
  /** Numeric targets and obligation words that changed between the group's tasks. */
  targets: TargetChange[];
  strengths: StrengthChange[];
}

type RowKind = LinkKind | 'dropped' | 'added';

/** Connected groups of the link graph, in base order; local-only groups after their predecessor in local order. */
export function alignRows(d: PlanDiff, base: Notice, local: Notice): RowGroup[] {
  const bTask = new Map(base.tasks.map((t) => [t.id, t]));
  const lTask = new Map(local.tasks.map((t) => [t.id, t]));
  const links = d.links.filter((k) => bTask.has(k.base) && lTask.has(k.local));
  const groupOfBase = new Map<string, RowGroup>();
  const all: RowGroup[] = [];
  for (const lg of linkGroups(links, [...bTask.keys()], [...lTask.keys()])) {
    const g: RowGroup = { bases: lg.base.map((id) => bTask.get(id)!), locals: lg.local.map((id) => lTask.get(id)!), links: [], deadlines: [], owners: [], targets: [], strengths: [] };
    for (const id of lg.base) groupOfBase.set(id, g);
    all.push(g);
  }
  for (const k of links) groupOfBase.get(k.base)!.links.push(k);
  for (const o of d.ownerChanges ?? []) if (o.change !== 'mapped') groupOfBase.get(o.base)?.owners.push(o);
  for (const t of d.targetChanges ?? []) groupOfBase.get(t.base)?.targets.push(t);
  for (const c of d.strengthChanges ?? []) groupOfBase.get(c.base)?.strengths.push(c);

  // deadline changes belong to the row of their base task (a key-list row: of the task it details)
  const owners = new Map(base.keyList.map((r) => [r.id, r.bodyTask]));
  for (const c of d.deadlineChanges) {
    const owner = bTask.has(c.base) ? c.base : owners.get(c.base);
    if (owner) groupOfBase.get(owner)?.deadlines.push(c);
  }

  const ordered = all.filter((g) => g.bases.length > 0);
  const localOnly = all.filter((g) => g.bases.length === 0);
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
/** "same 保留" in English (the analysts' term beside), "保留" in Chinese. */
const kindText = (k: KindInfo, L: Labels) => (L.lang === 'zh' ? k.zh : `${k.label} ${k.zh}`);

function unitsBlock(t: Task, L: Labels): SafeHtml | null {
  if (!t.units.length) return html`<div class="units"><b>${L.html.units}</b> <span class="muted">${L.html.noUnits}</span></div>`;
  return html`<div class="units"><b>${L.html.units}</b> ${t.units.map((u) => html`<span class="unit">${u}</span>`)}${
    t.unitsFrom === 'project' ? html` <span class="muted">${L.html.fromProject}</span>` : null
  }</div>`;
}

function deadlinesBlock(t: Task, L: Labels): SafeHtml | null {
  return t.deadlines.length ? html`<div class="dls"><b>${L.html.deadlines}</b> ${t.deadlines.map((x) => deadlineLabel(x, L)).join('；')}</div>` : null;
}

/** owner: whose source view the line links to ('base', 'plan-1'); undefined: the report holds no source. */
function taskBlock(t: Task, text: SafeHtml, anchor: string | null, owner: string | undefined, L: Labels): SafeHtml {
  return html`<div class="task"${anchor ? html` id="${anchor}"` : null}><span class="tid">${t.id}</span>${text}${unitsBlock(t, L)}${deadlinesBlock(t, L)}<div class="src-ref">${lineLink(owner, t.line, L)}</div></div>`;
}

/** The chip class and label of a deadline entry: a row not restated is not 'removed'. */
function changeInfo(c: DeadlineChange, L: Labels): { cls: string; mark: string; label: string; help: string } {
  const info = c.notRestated ? NOT_RESTATED_INFO : DEADLINE_INFO[c.change];
  const key = c.notRestated ? 'not-restated' : `dl-${c.change}`;
  return { cls: c.notRestated ? 'dl-none' : `dl-${c.change}`, mark: info.mark, label: L.lang === 'zh' ? info.zh : info.label, help: statusHelp(info, key, L) };
}

function changeItem(c: DeadlineChange, L: Labels): SafeHtml {
  const info = changeInfo(c, L);
  return html`<li><span class="chip ${info.cls}" title="${info.help}">${info.mark} ${info.label}</span>${c.base}→${c.local} <span class="muted">(${L.compared[c.compared]})</span> ${c.baseDeadline || L.none} → ${c.localDeadline || L.none}</li>`;
}

/** A plan of another family has no dropped or added tasks, only tasks without a thematic counterpart. */
const THEMATIC: Partial<Record<RowKind, KindInfo>> = {
  dropped: { mark: '\u2013', label: 'only in base', zh: '仅上级有', cls: 'dl-none' },
  added: { mark: '\u2013', label: 'only in local', zh: '仅本地有', cls: 'dl-none' },
};

function nearestNote(n: NearestTask | undefined, owner: string | undefined, L: Labels): SafeHtml | null {
  return n ? html`<div class="nearest small">${L.html.nearestLocal} <b>${n.id}</b> ${n.title} <span class="muted">${L.html.scoreN(n.score.toFixed(2))}</span> ${lineLink(owner, n.line, L)}</div>` : null;
}

function sbsRow(col: PlanColumn, g: RowGroup, src: SourceOwners, nearest: Map<string, NearestTask>, L: Labels): SafeHtml {
  const kind = rowKind(g);
  const info = (!col.sameFamily && THEMATIC[kind]) || KIND_LABEL[kind];
  const hl = highlightTexts(
    g.bases.map((t) => t.text),
    g.locals.map((t) => t.text),
  );
  const rowId = g.bases.length ? baseRowAnchor(col.anchor, g.bases[0].id) : localRowAnchor(col.anchor, g.locals[0].id);
  const left = g.bases.map((t, k) => taskBlock(t, hl.left[k], k === 0 ? null : baseRowAnchor(col.anchor, t.id), src.base, L));
  const right = g.locals.map((t, k) => taskBlock(t, hl.right[k], k === 0 && !g.bases.length ? null : localRowAnchor(col.anchor, t.id), src.local, L));
  const changed = g.deadlines.filter((c) => c.change !== 'same' && !c.notRestated);
  const st = [kind, ...g.links.map((k) => k.kind), changed.length ? 'deadline' : '', g.owners.length ? 'owner' : '', g.targets.length ? 'target' : '', g.strengths.length ? 'strength' : ''].filter(Boolean);
  const mid = g.links.length
    ? g.links.map(
        (k) =>
          html`<div>${g.links.length > 1 ? html`<span class="small">${k.base}→${k.local}</span> ` : null}<span class="chip st-${k.kind}">${COVERAGE_INFO[k.kind].mark} ${L.kind[k.kind]}</span> <span class="muted small">${k.score.toFixed(2)}</span>${
            k.manual ? html` <span class="badge manual">${L.manual}</span>` : null
          }${linkEvidence(k, L.lang)}</div>`,
      )
    : html`<span class="chip ${info.cls}">${info.mark} ${kindText(info, L)}</span>`;
  const dl = g.deadlines.length ? html`<ul class="dlchanges" aria-label="${L.html.deadlineChangesAria}">${g.deadlines.map((c) => changeItem(c, L))}</ul>` : null;
  const own = g.owners.length
    ? html`<ul class="owners small" aria-label="${L.html.ownerChangesAria}">${g.owners.map(
        (o) => html`<li><span class="chip">${L.ownerChange[o.change]}</span> ${o.base}→${o.local} ${L.ownerDetail(o)}${o.basis === 'inferred' ? html` <span class="muted">${L.owners.inferred}</span>` : null}</li>`,
      )}</ul>`
    : null;
  const req = requirementItems(g, L);
  return html`<tr id="${rowId}" class="row-${kind}" data-st="${[...new Set(st)].join(' ')}"><td class="side base">${
    left.length ? left : html`<span class="muted">${L.html.notInBase}</span>`
  }</td><td class="mid">${mid}</td><td class="side local${g.locals.length ? '' : ' empty'}">${
    right.length ? right : html`<span>${col.sameFamily ? L.html.droppedRow : L.html.noCounterpart}</span>${nearestNote(nearest.get(g.bases[0]?.id ?? ''), src.local, L)}`
  }${dl}${own}${req}</td></tr>`;
}

/** A clause with its modal word marked: 【确保】 in text, <mark> here. */
function markedClause(clause: string, word: string, L: Labels): SafeHtml {
  if (!clause) return html`<span class="muted">${L.req.notStated}</span>`;
  const at = word ? clause.indexOf(word) : -1;
  return at < 0 ? html`${clause}` : html`${clause.slice(0, at)}<mark class="word">${word}</mark>${clause.slice(at + word.length)}`;
}

/** Whether a change asks less of the lower level (shown in red) or more (green). */
const targetTone = (t: TargetChange) => (t.change === 'removed' || t.weaker === true ? 'st-dropped' : t.weaker === false || t.change === 'added' ? 'st-same' : 'st-partial');
const strengthTone = (c: StrengthChange) => (c.change === 'strengthened' ? 'st-same' : 'st-dropped');

/** The row's target and strength changes, under its local side. */
function requirementItems(g: RowGroup, L: Labels): SafeHtml | null {
  if (!g.targets.length && !g.strengths.length) return null;
  const R = L.req;
  return html`<ul class="reqchanges small" aria-label="${R.targets(g.targets.length)} · ${R.strength(g.strengths.length)}">${g.targets.map(
    (t) => html`<li><span class="chip ${targetTone(t)}">${R.kind[t.change]}</span> ${t.base}→${t.local} ${t.indicator ? `${t.indicator}: ` : ''}${t.baseTarget || L.none} → ${t.localTarget || L.none}</li>`,
  )}${g.strengths.map(
    (c) => html`<li><span class="chip ${strengthTone(c)}">${R.kind[c.change]}</span> ${c.base}→${c.local} ${markedClause(c.baseClause, c.baseWord, L)} → ${markedClause(c.localClause, c.localWord, L)}</li>`,
  )}</ul>`;
}

/** Every target and strength change of the plan, one table, filterable by kind. */
function requirementTable(col: PlanColumn, d: PlanDiff, L: Labels): SafeHtml {
  const R = L.req;
  const M = L.md;
  const targets = d.targetChanges ?? [];
  const strengths = d.strengthChanges ?? [];
  const head = html`<tr><th>${L.base}</th><th>${L.local}</th><th>${M.change}</th><th>${R.targetCols[2]}</th><th>${R.strengthCols[2]}</th><th>${R.strengthCols[3]}</th></tr>`;
  const body = html`<tbody>${targets.map(
    (t) => html`<tr data-st="${t.change}"><td>${t.base}</td><td>${t.local}</td><td class="st ${targetTone(t)}">${R.kind[t.change]}</td><td>${t.indicator}</td><td>${t.baseTarget || L.none}</td><td>${t.localTarget || L.none}</td></tr>`,
  )}${strengths.map(
    (c) => html`<tr data-st="${c.change}"><td>${c.base}</td><td>${c.local}</td><td class="st ${strengthTone(c)}">${R.kind[c.change]}</td><td></td><td>${markedClause(c.baseClause, c.baseWord, L)}</td><td>${markedClause(c.localClause, c.localWord, L)}</td></tr>`,
  )}</tbody>`;
  const kinds = [...new Set([...targets.map((t) => t.change), ...strengths.map((c) => c.change)])];
  return table({ id: `${col.anchor}-requirements`, filter: L.html.filterDeadlines, facets: kinds.map((k) => ({ value: k, label: R.kind[k] })) }, head, body);
}

function metaTable(d: PlanDiff, L: Labels): SafeHtml {
  const rows: [string, string, string][] = [
    ['文号', d.base.docNumber ?? '', d.local.docNumber ?? ''],
    ['标题', d.base.title ?? '', d.local.title ?? ''],
    ['发文机关', d.base.issuer ?? '', d.local.issuer ?? ''],
    ['成文日期', d.base.date ?? '', d.local.date ?? ''],
    [L.html.metaFile, d.base.file, d.local.file],
  ];
  return html`<div class="table-wrap"><table class="meta-table"><thead><tr><th></th><th>${L.base}</th><th>${L.local}</th></tr></thead><tbody>${rows.map(
    ([k, b, l]) => html`<tr><th scope="row">${k}</th><td>${b}</td><td>${l}</td></tr>`,
  )}</tbody></table></div>`;
}

function deadlineTable(col: PlanColumn, d: PlanDiff, L: Labels): SafeHtml {
  const M = L.md;
  const head = html`<tr><th>${L.base}</th><th>${L.local}</th><th>${M.baseDeadline}</th><th>${M.localDeadline}</th><th>${M.change}</th><th>${M.comparedCol}</th></tr>`;
  const body = html`<tbody>${d.deadlineChanges.map(
    (c) =>
      html`<tr data-st="${c.notRestated ? 'not-restated' : c.change}"><td>${c.base}</td><td>${c.local}</td><td>${c.baseDeadline || L.none}</td><td>${c.localDeadline || L.none}</td><td class="st ${changeInfo(c, L).cls}">${changeInfo(c, L).mark} ${changeName(c, L)}</td><td>${L.compared[c.compared]}</td></tr>`,
  )}</tbody>`;
  return table(
    {
      id: planDeadlinesAnchor(col.anchor),
      filter: L.html.filterDeadlines,
      facets: [
        ...(['same', 'earlier', 'later', 'changed', 'removed', 'added'] as const).map((s) => ({ value: s, label: statusLabel(DEADLINE_INFO[s], L) })),
        ...(d.deadlineChanges.some((c) => c.notRestated) ? [{ value: 'not-restated', label: statusLabel(NOT_RESTATED_INFO, L) }] : []),
      ],
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
  labels?: Labels;
}

export function planPage(col: PlanColumn, d: PlanDiff, base: Notice, local: Notice, o: PlanPageOptions = {}): SafeHtml {
  const L = o.labels ?? LABELS.en;
  const H = L.html;
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
      filter: H.filterSbs,
      facets: [
        ...facetKinds.map((k) => ({ value: k, label: kindText(KIND_LABEL[k], L) })),
        { value: 'deadline', label: H.aDeadlineChange },
        { value: 'owner', label: H.anOwnerChange },
        { value: 'target', label: H.aTargetChange },
        { value: 'strength', label: H.aStrengthChange },
      ],
    },
    html`<tr><th>${d.base.docNumber ?? L.base} <span class="muted small">${levelWord(base, L)}</span></th><th>${H.link}</th><th>${d.local.docNumber ?? col.label} <span class="muted small">${L.local}</span></th></tr>`,
    sections.map((s) => html`<tbody>${s.heading ? html`<tr class="group"><th colspan="3">${s.heading}</th></tr>` : null}${s.rows.map((g) => sbsRow(col, g, o.sources ?? {}, nearest, L))}</tbody>`),
    html`<colgroup><col class="c-side"><col class="c-mid"><col class="c-side"></colgroup>`,
  );
  const nav = o.nav
    ? html`<p class="back"><a href="#overview">${H.back}</a> · <a href="#coverage">${H.coverageLink}</a>${
        o.nav.prev ? html` · <a href="#${o.nav.prev.anchor}">← ${o.nav.prev.label}</a>` : null
      }${o.nav.next ? html` · <a href="#${o.nav.next.anchor}">${o.nav.next.label} →</a>` : null}</p>`
    : null;
  const warnings = local.warnings.length
    ? html`<details><summary>${H.parseWarnings(local.warnings.length)}</summary><ul class="small">${groupWarnings(local.warnings.map((w) => ({ ...w, message: L.parseWarning(w) })), L).map(
        (w) => html`<li>${w.line ? `${L.line(w.line)} · ` : ''}<code>${w.code}</code> ${w.message}</li>`,
      )}</ul></details>`
    : null;
  return html`<section class="${o.standalone ? 'plan-page standalone' : 'plan-page'}" id="${col.anchor}" data-label="${col.label}" aria-label="${col.label}">
${nav}
<h2>${col.label} · ${d.local.docNumber ?? d.local.file} <span class="muted">${L.md.vs} ${d.base.docNumber ?? d.base.file}</span> ${familyBadge(d, L)} ${truncatedBadge(local, L)} ${citeBadge(d, L)}</h2>
${d.family.sameFamily ? null : html`<p class="warn">${L.familyWarning(d.family)}</p>`}
${d.warnings.map((w) => html`<p class="${w.code === 'other-parent' ? 'warn' : 'note'}">${w.line ? `${L.line(w.line)}: ` : ''}${L.diffWarning(w, d)}</p>`)}
${metaTable(d, L)}
<p class="summary-line">${summaryLine(d, r, L)}</p>
<p class="muted small">${L.localPlan(parentageLine(d, L))} ${trusted(H.marks(levelWord(base, L)))}</p>
${coverageLegend(L)}
<h3>${H.sideBySide}</h3>
${sbs}
<h3 id="${col.anchor}-deadline-changes">${H.deadlineComparisons(r.deadlinesChanged, r.deadlinesCompared)}</h3>
${d.deadlineChanges.length ? join([deadlineTable(col, d, L)]) : html`<p class="muted">${H.noDeadlines}</p>`}
${ownerSection(col, d, L)}
${(d.targetChanges ?? []).length || (d.strengthChanges ?? []).length
  ? html`<h3 id="${col.anchor}-requirement-changes">${L.req.targets((d.targetChanges ?? []).length)} · ${L.req.strength((d.strengthChanges ?? []).length)}</h3>${requirementTable(col, d, L)}`
  : null}
${warnings}
</section>`;
}

/**
 * The owner changes grouped as in the text report: one row per reassignment pattern, per unit added
 * or dropped across tasks, collectives last; owners read from a task's sentences are marked inferred.
 */
function ownerSection(col: PlanColumn, d: PlanDiff, L: Labels): SafeHtml | null {
  const all = d.ownerChanges ?? [];
  if (!all.length) return null;
  const O = L.owners;
  const groups = groupOwnerChanges(all);
  const heading = html`<h3 id="${col.anchor}-owner-changes">${O.heading(all.filter((o) => o.change !== 'mapped').length, all.length, d.summary.localUnits)}</h3>`;
  if (!groups.length) return heading;
  const rows = groups.map(
    (g) =>
      html`<tr data-st="${g.kind}"><td><span class="chip${g.kind.startsWith('group-') ? ' muted' : ''}">${groupKindLabel(g, L)}</span></td><td>${g.units}${g.inferred ? html` <span class="muted small">${O.inferredShort}</span>` : null}</td><td class="small">${g.links.join(", ")}</td></tr>`,
  );
  return html`${heading}<div class="table-wrap"><table class="owner-groups"><thead><tr>${O.cols.map((c) => html`<th>${c}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** What a link rests on (shared phrase, shared content both ways), under its chip. */
function linkEvidence(k: Link, lang = 'en'): SafeHtml | null {
  const e = evidenceLabel(k.evidence, lang);
  return e ? html`<div class="evidence muted small">${e}</div>` : null;
}
