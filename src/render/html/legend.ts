// What each colour means: labels, markers (so the matrix still reads in black and white) and legends.
import type { CoverageStatus, DeadlineStatus } from '../coverage.js';
import { html, type SafeHtml } from './escape.js';

export const COVERAGE_INFO: Record<CoverageStatus, { mark: string; label: string; zh: string; help: string }> = {
  same: { mark: '\u2713', label: 'same', zh: '保留', help: 'carried with the same content' },
  reworded: { mark: '\u2248', label: 'reworded', zh: '改写', help: 'carried, reworded' },
  merged: { mark: '\u2295', label: 'merged', zh: '合并', help: 'one local task carries this and other base tasks' },
  split: { mark: '\u00F7', label: 'split', zh: '拆分', help: 'carried by several local tasks' },
  partial: { mark: '\u25D0', label: 'partial', zh: '部分', help: 'a local task carries a minor part of it' },
  overlap: { mark: '\u223C', label: 'overlap', zh: '主题相近', help: 'a plan of another family: a thematic counterpart, not a carried task' },
  dropped: { mark: '\u2717', label: 'dropped', zh: '未落实', help: 'no local task carries it' },
};

export const DEADLINE_INFO: Record<DeadlineStatus, { mark: string; label: string; zh: string; help: string }> = {
  same: { mark: '=', label: 'same', zh: '相同', help: 'the same deadline' },
  earlier: { mark: '\u2190', label: 'earlier', zh: '提前', help: 'the local deadline is earlier' },
  later: { mark: '\u2192', label: 'later', zh: '推迟', help: 'the local deadline is later' },
  changed: { mark: '~', label: 'changed', zh: '改变', help: 'a different kind of deadline' },
  removed: { mark: '\u2717', label: 'removed', zh: '删去', help: 'the local plan states no deadline for it' },
  added: { mark: '+', label: 'added', zh: '新增', help: 'the local plan sets a deadline where the base had none' },
  none: { mark: '\u2013', label: 'not compared', zh: '无对应', help: 'no local task or row carries this key-list row' },
};

function legend<K extends string>(info: Record<K, { mark: string; label: string; zh: string; help: string }>, cls: (k: K) => string): SafeHtml {
  return html`<ul class="legend" aria-label="legend">${(Object.keys(info) as K[]).map(
    (k) => html`<li title="${info[k].help}"><span class="sw ${cls(k)}">${info[k].mark}</span>${info[k].label} ${info[k].zh}</li>`,
  )}</ul>`;
}

/** Cells the statuses alone do not explain: truncated copies and plans of another family. */
const COVERAGE_EXTRA = [
  { cls: 'st-dropped thematic', mark: '\u2026', label: 'not in copy 缺失', help: 'the local copy is truncated before this task: it may only be missing' },
  { cls: 'st-same thematic', mark: '\u2248', label: 'thematic overlap (italic) 主题相近', help: 'a plan of another family: a task on a similar theme, not a copy' },
  { cls: 'st-dropped thematic', mark: '\u2013', label: 'only in base 无对应', help: 'a plan of another family: no task on that theme' },
];

export const coverageLegend = (): SafeHtml =>
  html`<div class="legends">${legend(COVERAGE_INFO, (k) => `st-${k}`)}<ul class="legend" aria-label="legend, special cells">${COVERAGE_EXTRA.map(
    (x) => html`<li title="${x.help}"><span class="sw st ${x.cls}">${x.mark}</span>${x.label}</li>`,
  )}</ul></div>`;
export const deadlineLegend = (): SafeHtml => legend(DEADLINE_INFO, (k) => `dl-${k}`);
