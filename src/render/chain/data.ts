// Machine-readable chain outputs: the JSON tree, JSONL (one record per notice, then one per task
// lineage) and a CSV of lineages in long form (one row per lineage and level) for pandas / R / DuckDB.
import { toCsv, withBom } from '../csv.js';
import type { ChainEntry, ChainResult, Lineage } from '../../chain/types.js';

/** The JSONL notice record: exactly the fields the chain contract names, plus level, title and notes. */
export function noticeRecord(e: ChainEntry) {
  return {
    kind: 'notice' as const,
    file: e.file,
    docNumber: e.docNumber ?? null,
    parent: e.parent,
    evidence: e.evidence,
    citedParent: e.citedParent ?? null,
    summary: e.summary,
    level: e.level,
    title: e.title ?? null,
    date: e.date ?? null,
    evidenceDetail: e.evidenceDetail ?? null,
    notes: e.notes,
  };
}

export function renderChainJsonl(c: ChainResult): string {
  const lines = c.entries.map((e) => JSON.stringify(noticeRecord(e)));
  for (const l of c.lineages) lines.push(JSON.stringify(l));
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function renderChainJson(c: ChainResult): string {
  const doc = {
    schema: c.schema,
    notices: c.entries.length,
    roots: c.roots,
    orphans: c.entries.filter((e) => e.citedParent && e.parent === null).map((e) => ({ file: e.file, citedParent: e.citedParent! })),
    lineages: c.lineages,
    failed: c.failed,
    warnings: c.warnings,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

const HEADER = [
  'lineage_id',
  'origin_level',
  'origin_file',
  'origin_task',
  'origin_title',
  'fate',
  'tightened_at',
  'reassigned_at',
  'level',
  'file',
  'doc_number',
  'status',
  'task_ids',
  'titles',
  'link_kinds',
  'deadlines',
  'due',
  'deadline_change',
  'lead',
  'units',
  'owner_change',
];

function rows(l: Lineage): string[][] {
  return l.steps.map((s) => [
    l.id,
    String(l.origin.level),
    l.origin.file,
    l.origin.task,
    l.origin.title,
    l.fate,
    l.tightenedAt.join(';'),
    l.reassignedAt.join(';'),
    String(s.level),
    s.file,
    s.docNumber ?? '',
    s.status,
    s.tasks.join(';'),
    s.titles.join(';'),
    s.kinds.join(';'),
    s.deadlines.join(';'),
    s.due ?? '',
    s.deadlineChange ?? '',
    s.lead.join(';'),
    s.units.join(';'),
    s.ownerChange ?? '',
  ]);
}

/** Lineages in long form: one row per lineage and level (UTF-8 with a BOM for Excel, CRLF, formula-guarded; the CLI drops the BOM on standard output). */
export function renderChainCsv(c: ChainResult): string {
  return withBom(toCsv([HEADER, ...c.lineages.flatMap(rows)]));
}
