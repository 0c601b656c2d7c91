// What each colour means: labels, markers (so the matrix still reads in black and white) and legends.
import type { CoverageStatus, DeadlineStatus } from '../coverage.js';
import { html, type SafeHtml } from './escape.js';
import type { Labels } from '../labels.js';

export const COVERAGE_INFO: Record<CoverageStatus, { mark: string; label: string; zh: string; help: string }> = {
  same: { mark: '\u2713', label: 'same', zh: '保留', help: 'carried with the same content' },
  reworded: { mark: '\u2248', label: 'reworded', zh: '改写', help: 'carried, reworded' },
  merged: { mark: '\u2295', label: 'merged', zh: '合并', help: 'one local task carries this and other base tasks' },
  split: { mark: '\u00F7', label: 'split', zh: '拆分', help: 'carried by several local tasks' },
  partial: { mark: '\u25D0', label: 'partial', zh: '部分保留', help: 'a local task carries a minor part of it' },
  overlap: { mark: '\u223C', label: 'overlap', zh: '主题相近', help: 'a plan of another family: a thematic counterpart, not a carried task' },
  dropped: { mark: '\u2717', label: 'dropped', zh: '删减', help: 'no local task carries it' },
};

export const DEADLINE_INFO: Record<DeadlineStatus, { mark: string; label: string; zh: string; help: string }> = {
  same: { mark: '=', label: 'same', zh: '时限相同', help: 'the same deadline' },
  earlier: { mark: '\u2190', label: 'earlier', zh: '时限提前', help: 'the local deadline is earlier' },
  later: { mark: '\u2192', label: 'later', zh: '时限推迟', help: 'the local deadline is later' },
  changed: { mark: '~', label: 'changed', zh: '时限改变', help: 'a different kind of deadline' },
  removed: { mark: '\u2717', label: 'removed', zh: '时限删去', help: 'the local plan states no deadline for it' },
  added: { mark: '+', label: 'added', zh: '新增时限', help: 'the local plan sets a deadline where the base had none' },
  none: { mark: '\u2013', label: 'not compared', zh: '无对应', help: 'no local task or row carries this key-list row' },
};

/** A key-list row the local plan (which has no key list) does not restate: no change it made, not a removal. */
export const NOT_RESTATED_INFO = { mark: '\u2205', label: 'not restated', zh: '未重述', help: 'the local plan has no key list and its text does not restate this row: not a change it made' };

/** The legends' explanations in Chinese (the English ones are the tables' `help`). */
export const HELP_ZH: Record<string, string> = {
  'st-same': '内容相同地承接',
  'st-reworded': '承接，有改写',
  'st-merged': '一项本地任务同时承接此项和其他上级任务',
  'st-split': '由多项本地任务分别承接',
  'st-partial': '本地任务只承接其中一小部分',
  'st-overlap': '不同体系的方案：只是主题相近的任务，并非承接',
  'st-dropped': '没有本地任务承接',
  'dl-same': '时限相同',
  'dl-earlier': '本地时限更早',
  'dl-later': '本地时限更晚',
  'dl-changed': '时限类型不同',
  'dl-removed': '本地方案没有为其规定时限',
  'dl-added': '上级没有时限，本地方案规定了时限',
  'dl-none': '没有本地任务或清单条目承接此条',
  'not-in-copy': '本地文本在此任务之前中断：可能只是缺失',
  'thematic': '不同体系的方案：主题相近的任务，并非照搬',
  'only-base': '不同体系的方案：没有该主题的任务',
  'not-restated': '本地方案没有重点任务清单，正文也未重述此条：并非本地方案作出的改变',
};

type Info = { mark: string; label: string; zh: string; help: string };

/** A status in the report's language: "same 保留" (en keeps the Chinese term beside), "保留" (zh). */
export function statusLabel(info: Info, L: Labels): string {
  return L.lang === 'zh' ? info.zh : `${info.label} ${info.zh}`;
}
export function statusHelp(info: Info, key: string, L: Labels): string {
  return L.lang === 'zh' ? (HELP_ZH[key] ?? info.zh) : info.help;
}

function legend<K extends string>(info: Record<K, Info>, cls: (k: K) => string, L: Labels): SafeHtml {
  return html`<ul class="legend" aria-label="${L.html.legend}">${(Object.keys(info) as K[]).map(
    (k) => html`<li title="${statusHelp(info[k], cls(k), L)}"><span class="sw ${cls(k)}">${info[k].mark}</span>${statusLabel(info[k], L)}</li>`,
  )}</ul>`;
}

/** Cells the statuses alone do not explain: truncated copies and plans of another family. */
const COVERAGE_EXTRA = [
  { cls: 'st-dropped thematic', key: 'not-in-copy', mark: '\u2026', label: 'not in copy', zh: '文本缺失', help: 'the local copy is truncated before this task: it may only be missing' },
  { cls: 'st-same thematic', key: 'thematic', mark: '\u2248', label: 'thematic overlap (italic)', zh: '主题相近', help: 'a plan of another family: a task on a similar theme, not a copy' },
  { cls: 'st-dropped thematic', key: 'only-base', mark: '\u2013', label: 'only in base', zh: '仅上级有', help: 'a plan of another family: no task on that theme' },
];

export const coverageLegend = (L: Labels): SafeHtml =>
  html`<div class="legends">${legend(COVERAGE_INFO, (k) => `st-${k}`, L)}<ul class="legend" aria-label="${L.html.legendSpecial}">${COVERAGE_EXTRA.map(
    (x) => html`<li title="${statusHelp(x, x.key, L)}"><span class="sw st ${x.cls}">${x.mark}</span>${statusLabel(x, L)}</li>`,
  )}</ul></div>`;
export const deadlineLegend = (L: Labels): SafeHtml => legend(DEADLINE_INFO, (k) => `dl-${k}`, L);
