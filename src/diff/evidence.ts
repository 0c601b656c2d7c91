// What each link rests on, for a reader to check it: the share of each task's content found in the
// other (the aligner's cover, both ways) and the longest topic phrase the two share (boilerplate
// verbs cut out), or for a thematic counterpart the phrase that backs it.
import type { Link, LinkEvidence, Task } from '../model.js';
import type { EvidenceTable } from '../align/matrix.js';
import { titlePhrase, sharedPhrase } from '../align/phrase.js';

const pct = (x: number) => Math.round(x * 1000) / 1000;

/** Adds `evidence` to every link (in place). `fillBack` fills the table's back cover of the given local tasks. */
export function attachEvidence(links: Link[], base: Task[], local: Task[], table: EvidenceTable, fillBack: (tasks: readonly number[]) => void): void {
  if (!links.length) return;
  const bi = new Map(base.map((t, i) => [t.id, i]));
  const lj = new Map(local.map((t, j) => [t.id, j]));
  fillBack([...new Set(links.map((k) => lj.get(k.local)!))]);
  for (const k of links) {
    const i = bi.get(k.base)!;
    const j = lj.get(k.local)!;
    const cell = i * table.m + j;
    // a title's phrase first (what a reader recognises), else the longest the texts share
    const phrase = titlePhrase(base[i], local[j], 3) || sharedPhrase(base[i], local[j], 3);
    const e: LinkEvidence = { baseShare: pct(table.cover[cell]), localShare: pct(table.back[cell]) };
    if (phrase) e.phrase = phrase;
    k.evidence = e;
  }
}
