// One self-contained HTML page for a chain: the tree (who implements whom, on what evidence, with
// each level's diff summary), then per task — every task of each top notice, and every task a
// lower level added — its path down every branch: kept (same / reworded / merged / split),
// dropped, with the deadline and the leading unit at each level and where the deadline tightened.
import { domId, html, join, trusted, type HtmlPart } from '../html/escape.js';
import { page } from '../html/shell.js';
import type { ChainNode, ChainResult, Lineage, LineageStep } from '../../chain/types.js';

const CSS = `
.chain ul{list-style:none;padding-left:1.4em;margin:.2em 0}
.chain li{margin:.25em 0}
.chain .ev{font-size:.85em;color:#555}
.chain .orphan{color:#a40}
table.lineage{border-collapse:collapse;margin:.3em 0 1.2em;font-size:.9em}
table.lineage td,table.lineage th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}
td.dropped{background:#fde8e8;color:#900}
td.kept{background:#eef7ee}
td.origin{background:#eef2fb}
.tight{color:#060;font-weight:bold}
.loose{color:#a40;font-weight:bold}
`;

function nodeHtml(n: ChainNode): HtmlPart {
  const s = n.summary;
  return html`<li><b>${n.docNumber ?? ''}</b> ${n.title ?? ''} <span class="ev">${n.file} · ${n.tasks} tasks</span>
${n.parent ? html`<div class="ev">← ${n.evidence}${n.evidenceDetail ? `: ${n.evidenceDetail}` : ''}${s ? ` · carried ${s.linked}/${s.baseTasks}, dropped ${s.dropped}, added ${s.added}, merged ${s.merged}, deadline changes ${s.deadlineChanges}` : ''}</div>` : ''}
${n.citedParent ? html`<div class="ev orphan">orphan: cites ${n.citedParent}, which is not among the inputs</div>` : ''}
${n.notes.map((x) => html`<div class="ev">${x}</div>`)}
${n.children.length ? html`<ul>${n.children.map(nodeHtml)}</ul>` : ''}</li>`;
}

function cell(s: LineageStep): HtmlPart {
  if (s.status === 'dropped') return html`<td class="dropped">dropped</td>`;
  const dl = s.deadlineChange && s.deadlineChange !== 'same' ? s.deadlineChange : '';
  return html`<td class="${s.status}"><b>${s.tasks.join(', ')}</b> ${s.titles.join('；')}${s.kinds.length ? html` <i>${s.kinds.join('/')}</i>` : ''}
${s.deadlines.length ? html`<br><span class="ev">deadline</span> ${s.deadlines.join('；')}` : ''}${dl ? html` <span class="${dl === 'earlier' ? 'tight' : dl === 'later' ? 'loose' : ''}">(${dl === 'earlier' ? 'tightened' : dl === 'later' ? 'loosened' : dl})</span>` : ''}
${s.lead.length ? html`<br><span class="ev">lead</span> ${s.lead.join('、')}` : ''}${s.ownerChange && s.ownerChange !== 'mapped' ? html` (${s.ownerChange})` : ''}</td>`;
}

/** Lineages that start from the same task, one row per branch. */
function taskTable(group: Lineage[], short: Map<string, string>): HtmlPart {
  const o = group[0].origin;
  // tree level of each branch's bottom notice
  const bottom = (l: Lineage) => o.level + l.branch.length - 1 - l.branch.indexOf(o.file);
  const last = Math.max(...group.map(bottom));
  const head = Array.from({ length: last - o.level + 1 }, (_, k) => html`<th>level ${o.level + k}</th>`);
  return html`<h3 id="${domId('t', o.file, o.task)}">${o.task} ${o.title} <span class="ev">${o.file}</span></h3>
<table class="lineage"><tr><th>branch</th>${head}</tr>
${group.map((l) => html`<tr><td class="ev">${l.branch.slice(l.branch.indexOf(o.file) + 1).map((f) => short.get(f) ?? f).join(' → ') || '—'}</td>${l.steps.map(cell)}${Array.from({ length: last - o.level + 1 - l.steps.length }, () => html`<td></td>`)}</tr>`)}
</table>`;
}

export function renderChainHtml(c: ChainResult): string {
  const short = new Map(c.entries.map((e) => [e.file, e.docNumber ?? e.file.replace(/^.*[\\/]/, '')]));
  const groups = new Map<string, Lineage[]>();
  for (const l of c.lineages) {
    const k = `${l.origin.file}#${l.origin.task}`;
    const g = groups.get(k);
    if (g) g.push(l);
    else groups.set(k, [l]);
  }
  const top = [...groups.values()].filter((g) => g[0].origin.level === 0);
  const added = [...groups.values()].filter((g) => g[0].origin.level > 0);
  const failed = c.failed.length ? html`<h2 id="failed">Unreadable inputs</h2><ul>${c.failed.map((f) => html`<li>${f.file}: ${f.message}</li>`)}</ul>` : '';
  const body = html`<style>${trusted(CSS)}</style>
<section class="chain" id="tree"><h2>Tree</h2><p>${c.entries.length} notices. Evidence: cites-docnumber / cites-title (the notice cites the parent), plan-name (its name is the parent's plan name + 实施方案), content (it carries most of the parent's tasks).</p>
<ul>${c.roots.map(nodeHtml)}</ul></section>
<section id="top"><h2>Tasks of the top notices, down every branch</h2><p class="ev">One row per branch (top notice → a notice without children). Blue: where the task appears; green: kept (link kind in italics); red: dropped at that level. Deadlines marked tightened / loosened against the level above.</p>${top.length ? top.map((g) => taskTable(g, short)) : html`<p>No chain with two or more levels.</p>`}</section>
<section id="added"><h2>Tasks added below the top</h2>${added.length ? added.map((g) => taskTable(g, short)) : html`<p>None.</p>`}</section>
${failed}`;
  return page({
    title: 'plancmp chain',
    heading: 'plancmp chain — who implements whom, and what each level did with each task',
    nav: [
      { href: 'tree', label: 'Tree' },
      { href: 'top', label: 'Top tasks' },
      { href: 'added', label: 'Added below' },
    ],
    body: join([body]),
  });
}
