// The chain as a terminal reads it: the tree with each notice's evidence and diff summary, the
// orphans, the unreadable inputs, and a count of lineage fates.
import type { ChainNode, ChainResult } from '../../chain/types.js';

function label(n: ChainNode): string {
  return [n.docNumber, n.file].filter(Boolean).join('  ');
}

function line(n: ChainNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  let s = `${pad}${depth ? '└ ' : ''}${label(n)}  (${n.tasks} tasks)`;
  if (n.parent) {
    s += `  ← ${n.evidence}`;
    if (n.summary) s += `; carried ${n.summary.linked}/${n.summary.baseTasks}, dropped ${n.summary.dropped}, added ${n.summary.added}, deadline changes ${n.summary.deadlineChanges}`;
  } else if (n.citedParent) s += `  orphan: cites ${n.citedParent}, not among the inputs`;
  out.push(s);
  if (n.evidenceDetail) out.push(`${pad}    ${n.evidenceDetail}`);
  for (const note of n.notes) out.push(`${pad}    note: ${note}`);
  for (const k of n.children) line(k, depth + 1, out);
}

export function renderChainText(c: ChainResult): string {
  const out: string[] = [];
  const chained = c.roots.filter((r) => r.children.length);
  const alone = c.roots.filter((r) => !r.children.length);
  out.push(`${c.entries.length} notices: ${chained.length} chain${chained.length === 1 ? '' : 's'}, ${alone.length} without parent or children among the inputs${c.failed.length ? `, ${c.failed.length} unreadable` : ''}`);
  out.push('');
  for (const r of chained) line(r, 0, out);
  if (alone.length) {
    out.push('', 'Not in a chain');
    for (const r of alone) line(r, 1, out);
  }
  if (c.lineages.length) {
    const fates = new Map<string, number>();
    for (const l of c.lineages) fates.set(l.fate, (fates.get(l.fate) ?? 0) + 1);
    out.push('', `Task lineages (${c.lineages.length}, one per task and branch): ${[...fates].map(([f, n]) => `${f} ${n}`).join(', ')}`);
    const tight = c.lineages.filter((l) => l.tightenedAt.length);
    if (tight.length) out.push(`  deadlines tightened along ${tight.length}; write them out with --jsonl, --csv or --html`);
  }
  if (c.failed.length) {
    out.push('', 'Unreadable inputs');
    for (const f of c.failed) out.push(`  ${f.file}: ${f.message}`);
  }
  for (const w of c.warnings) out.push(`warning: ${w}`);
  return out.join('\n') + '\n';
}
