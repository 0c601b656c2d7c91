// The owner-changes section of the text and Markdown diff reports. Quiet by default: the changes an
// analyst would not expect, grouped — one line per reassignment pattern (省法制办 → 市府办: 2.3, 2.4),
// one per set of units added or dropped on the same tasks, collectives (功能区管委会, 各县（区）政府)
// apart; `--owners all` lists every link. JSON keeps every entry (PlanDiff.ownerChanges).
import type { OwnerChange, PlanDiff } from '../model.js';
import type { Colors } from './color.js';
import { mdCell, mdTable } from './markdown.js';
import { LABELS, type Labels } from './labels.js';

export type OwnersMode = 'grouped' | 'all';
export const OWNERS_MODES: readonly OwnersMode[] = ['grouped', 'all'];

/** One line of the grouped section: what changed, whose, on which links. */
export interface OwnerGroup {
  kind: 'reassigned' | 'owner-dropped' | 'owner-added' | 'group-added' | 'group-dropped';
  units: string;
  links: string[];
  inferred: boolean;
}

const linkLabel = (o: OwnerChange) => (o.base === o.local ? o.base : `${o.base}→${o.local}`);

/** The unexpected owner changes grouped by pattern, in order of first appearance; collectives last. */
export function groupOwnerChanges(changes: readonly OwnerChange[]): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  const add = (kind: OwnerGroup['kind'], units: string, o: OwnerChange) => {
    const key = `${kind}|${units}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind, units, links: [], inferred: false }));
    const label = linkLabel(o);
    if (!g.links.includes(label)) g.links.push(label);
    if (o.basis === 'inferred') g.inferred = true;
  };
  for (const o of changes) {
    if (o.change === 'reassigned') add('reassigned', `${(o.baseLeads ?? []).join('、')} → ${(o.localLeads ?? []).join('、')}`, o);
    else if (o.change === 'owner-dropped' || o.change === 'owner-added') for (const u of o.unmatched ?? []) add(o.change, u, o);
    for (const u of o.added ?? []) add('owner-added', u, o);
  }
  for (const o of changes) {
    for (const u of o.groupsAdded ?? []) add('group-added', u, o);
    for (const u of o.groupsDropped ?? []) add('group-dropped', u, o);
  }
  // units added (dropped) on exactly the same links share a line
  const out: OwnerGroup[] = [];
  for (const g of groups.values()) {
    const same = g.kind !== 'reassigned' && out.find((h) => h.kind === g.kind && h.links.join() === g.links.join());
    if (same) {
      same.units += `、${g.units}`;
      same.inferred ||= g.inferred;
    } else out.push({ ...g, links: [...g.links] });
  }
  const order: OwnerGroup['kind'][] = ['reassigned', 'owner-dropped', 'owner-added', 'group-added', 'group-dropped'];
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/**
 * One link's change in a cell: what moved (the leads of a reassignment, the units added or dropped,
 * collectives included) and whether the base's owners were read from its sentences.
 */
export function changeCell(o: OwnerChange): string {
  const moved =
    o.change === 'reassigned'
      ? `${(o.baseLeads ?? []).join('、')}→${(o.localLeads ?? []).join('、')}`
      : [...(o.unmatched ?? []), ...((o.change === 'owner-added' ? o.groupsAdded : o.groupsDropped) ?? []), ...(o.added ?? []).map((u) => `+${u}`)].join('、');
  return `${o.local}:${o.change}${moved ? ` ${moved}` : ''}${o.basis === 'inferred' ? ' (inferred)' : ''}`;
}

/** The change column of a grouped line: added / dropped / reassigned, a collective's with its direction. */
export function groupKindLabel(g: OwnerGroup, L: Labels = LABELS.en): string {
  const K = L.owners.kind;
  if (g.kind === 'group-added') return `${K[g.kind]} ${K['owner-added']}`;
  if (g.kind === 'group-dropped') return `${K[g.kind]} ${K['owner-dropped']}`;
  return K[g.kind];
}

const LIST_MAX = 8;
function linkList(links: string[]): string {
  const shown = links.slice(0, LIST_MAX).join(', ');
  return links.length > LIST_MAX ? `${shown} … (+${links.length - LIST_MAX})` : shown;
}

/** The sentence of one grouped line, without colour. */
export function describeGroup(g: OwnerGroup, L: Labels = LABELS.en): string {
  const O = L.owners;
  const inferred = g.inferred ? O.inferred : '';
  switch (g.kind) {
    case 'reassigned':
      return `${g.units}${L.lang === 'zh' ? '：' : ': '}${linkList(g.links)}${inferred}`;
    case 'owner-dropped':
    case 'group-dropped':
      return `${O.droppedFrom(g.units, g.links.length, linkList(g.links))}${inferred}`;
    default:
      return `${O.addedTo(g.units, g.links.length, linkList(g.links))}${inferred}`;
  }
}

function heading(d: PlanDiff, changed: number, L: Labels): string {
  return L.owners.heading(changed, (d.ownerChanges ?? []).length, d.summary.localUnits);
}

const entryLine = (o: OwnerChange) =>
  `${o.base} → ${o.local}  ${o.change}  [${o.basis}]${o.detail ? `  ${o.detail}` : ''}${o.baseInferred ? `  (base owners inferred: ${o.baseInferred.join('、')})` : ''}${o.localInferred ? `  (local owners inferred: ${o.localInferred.join('、')})` : ''}${o.groupsAdded ? `  + ${o.groupsAdded.join('、')}` : ''}${o.groupsDropped ? `  − ${o.groupsDropped.join('、')}` : ''}`;

/** The section's lines for the terminal report (none when nothing is to be shown). */
export function ownerSectionText(d: PlanDiff, c: Colors, mode: OwnersMode = 'grouped', L: Labels = LABELS.en): string[] {
  const O = L.owners;
  const all = d.ownerChanges ?? [];
  const changed = all.filter((o) => o.change !== 'mapped');
  if (mode === 'all') {
    if (!all.length) return [];
    return ['', c.bold(heading(d, changed.length, L)), ...all.map((o) => `  ${o.change === 'mapped' ? c.dim(entryLine(o)) : entryLine(o)}`)];
  }
  const groups = groupOwnerChanges(all);
  if (!groups.length) return [];
  const out = ['', c.bold(heading(d, changed.length, L))];
  let apart = false;
  for (const g of groups) {
    if (g.kind.startsWith('group-') && !apart) {
      out.push(c.dim(O.collectives));
      apart = true;
    }
    out.push(`  ${(g.kind.startsWith('group-') ? c.dim : c.yellow)(O.kind[g.kind].padEnd(10))}  ${describeGroup(g, L)}`);
  }
  if (O.allHint) out.push(c.dim(O.allHint));
  return out;
}

/** The section for the Markdown report: the grouped table, or every link with `all`. */
export function ownerSectionMarkdown(d: PlanDiff, mode: OwnersMode = 'grouped', L: Labels = LABELS.en): { title: string; body: string } | undefined {
  const O = L.owners;
  const all = d.ownerChanges ?? [];
  const changed = all.filter((o) => o.change !== 'mapped');
  if (mode === 'all') {
    if (!all.length) return undefined;
    const rows = all.map((o) => [o.base, o.local, o.change, o.basis, o.baseUnits.join('、') || (o.baseInferred ? `(inferred) ${o.baseInferred.join('、')}` : ''), o.localUnits.join('、'), o.detail]);
    return { title: heading(d, changed.length, L), body: mdTable(['base', 'local', 'change', 'basis', 'base units', 'local units', 'detail'], rows) };
  }
  const groups = groupOwnerChanges(all);
  if (!groups.length) return undefined;
  const rows = groups.map((g) => [groupKindLabel(g, L), g.units + (g.inferred ? O.inferredShort : ''), g.links.join(', ')]);
  return { title: heading(d, changed.length, L), body: mdTable([...O.cols], rows.map((r) => r.map(mdCell)), true) };
}
