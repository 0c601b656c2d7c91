// Text and CSV for a local-vs-local comparison (JSON is the SiblingDiff itself).
import { toCsv } from '../csv.js';
import type { SiblingDiff, SiblingSide, SiblingTask } from '../../chain/siblings.js';

const STATUS: Record<SiblingTask['status'], string> = { both: 'both kept', 'only-a': 'only A', 'only-b': 'only B', neither: 'neither' };

function cell(s: SiblingSide): string {
  if (!s.tasks.length) return '—';
  const kinds = s.kinds.filter((k) => k !== 'same');
  return `${s.tasks.join(',')}${kinds.length ? ` (${kinds.join('/')})` : ''}${s.due ? ` due ${s.due}` : ''}`;
}

function ref(label: string, d: SiblingDiff['a']): string {
  return `${label.padEnd(7)}${[d.docNumber, d.title].filter(Boolean).join('  ') || '(no header)'}  ${d.file}`;
}

export function renderSiblingsText(d: SiblingDiff): string {
  const s = d.summary;
  const out = [
    ref('parent', d.parent) + (d.parentFrom === 'embedded' ? ' (embedded base: both plans implement it)' : ''),
    ref('A', d.a),
    ref('B', d.b),
    '',
    `of the parent's ${s.parentTasks} tasks: both kept ${s.both} · only A ${s.onlyA} · only B ${s.onlyB} · neither ${s.neither}; added of their own: A ${s.addedA}, B ${s.addedB}; earlier deadline: A ${s.earlierA}, B ${s.earlierB}`,
    `direct A→B alignment: ${d.direct.linked}/${d.direct.baseTasks} of A's tasks have a counterpart in B`,
  ];
  for (const w of d.warnings) out.push(`warning: ${w}`);
  for (const st of ['only-a', 'only-b', 'neither', 'both'] as const) {
    const rows = d.tasks.filter((t) => t.status === st);
    if (!rows.length) continue;
    out.push('', `${STATUS[st]} (${rows.length})`);
    for (const t of rows) {
      const mark = t.earlier === 'a' ? '  A earlier' : t.earlier === 'b' ? '  B earlier' : '';
      out.push(`  ${t.id.padEnd(6)}${t.title}   A: ${cell(t.a)}   B: ${cell(t.b)}${mark}`);
    }
  }
  for (const [label, list] of [
    ['added by A only', d.addedA],
    ['added by B only', d.addedB],
  ] as const) {
    if (!list.length) continue;
    out.push('', `${label} (${list.length})`);
    for (const t of list) out.push(`  ${t.id.padEnd(6)}${t.title}`);
  }
  return out.join('\n') + '\n';
}

export function renderSiblingsCsv(d: SiblingDiff): string {
  const header = ['parent_id', 'parent_title', 'status', 'parent_deadlines', 'a_ids', 'a_titles', 'a_kinds', 'a_deadlines', 'a_lead', 'b_ids', 'b_titles', 'b_kinds', 'b_deadlines', 'b_lead', 'earlier'];
  const rows = d.tasks.map((t) => [
    t.id,
    t.title,
    t.status,
    t.deadlines.join(';'),
    t.a.tasks.join(';'),
    t.a.titles.join(';'),
    t.a.kinds.join(';'),
    t.a.deadlines.join(';'),
    t.a.lead.join(';'),
    t.b.tasks.join(';'),
    t.b.titles.join(';'),
    t.b.kinds.join(';'),
    t.b.deadlines.join(';'),
    t.b.lead.join(';'),
    t.earlier ?? '',
  ]);
  const added = [
    ...d.addedA.map((t) => ['', '', 'added-a', '', t.id, t.title, '', '', '', '', '', '', '', '', '']),
    ...d.addedB.map((t) => ['', '', 'added-b', '', '', '', '', '', '', t.id, t.title, '', '', '', '']),
  ];
  return toCsv([header, ...rows, ...added]);
}
