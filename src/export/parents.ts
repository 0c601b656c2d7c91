// `export --diff --base auto`: each notice is diffed against its own parent — the plan it cites (by
// 文号 or title) or is named after, found among the inputs, the `--bases` folders and the embedded
// 浙政发〔2018〕16号 as `diff --bases` finds it (src/chain/parents.ts readerParents; cycles broken as in
// chain/tree.ts). Only a reader's evidence counts: a notice is never diffed against a plan it does
// not name. A first pass (the `survey` jobs) parses every candidate and keeps only what finding
// parents needs; the export then diffs each notice against the parent the main thread chose, read
// as diff reads a parent (src/chain/reading.ts: a 规定 of numbered measures as a plan).
import { createHash } from 'node:crypto';
import type { Meta, Notice, Reference } from '../model.js';
import { readerParents } from '../chain/parents.js';
import { breakCycles } from '../chain/tree.js';
import { normalizeDocNumber } from '../parse/docnumber.js';
import { BASE_LABEL, loadBase } from '../pipeline.js';
import type { ParentChoiceFacts } from './record.js';

/** The parentInput that names the embedded 16号 (read from the package, not from a path). */
export const EMBEDDED_PARENT = BASE_LABEL;

/** What finding a notice's parent needs: its names, 文号, date, the citations in its opening. */
export interface SurveyFacts {
  file: string;
  meta: Meta;
  /** References before the first task (where a notice says what it implements). */
  opening: Reference[];
  taskCount: number;
  isPlan: boolean;
  /** Its tasks when it is read as a parent (a 规定 read as a plan has its measures): 0, nothing to diff against. */
  parentTasks: number;
}

/** `asParent`: the same notice read as a parent is read, when that differs (job.ts reads it so only for a notice without tasks). */
export function surveyFacts(n: Notice, asParent: Notice = n): SurveyFacts {
  const firstTask = n.tasks[0]?.line ?? Infinity;
  const parentTasks = asParent.taskShape?.plan === false ? 0 : asParent.tasks.length;
  return { file: n.source.file, meta: n.meta, opening: n.references.filter((r) => r.line < firstTask), taskCount: n.tasks.length, isPlan: n.taskShape?.plan !== false, parentTasks };
}

/** A candidate parent: an input (or a --bases file) by its path, or the embedded base. */
export interface Candidate {
  input: string;
  raw?: Uint8Array;
  facts?: SurveyFacts;
  sha256?: string;
}

export interface ParentPlan {
  choice: ParentChoiceFacts;
  /** The candidate to diff against (a path, or EMBEDDED_PARENT); absent when there is nothing to diff. */
  parentInput?: string;
  parentRaw?: Uint8Array;
}

/**
 * The parent of each of the first `exported` candidates (the inputs being exported; the rest are
 * --bases files). The embedded 16号 joins the candidates unless one of them carries its 文号.
 */
export function chooseParents(cands: Candidate[], exported: number): ParentPlan[] {
  const base = loadBase();
  const baseNo = normalizeDocNumber(base.meta.docNumber!) ?? base.meta.docNumber;
  const all = cands.some((c) => c.facts?.meta.docNumber && (normalizeDocNumber(c.facts.meta.docNumber) ?? c.facts.meta.docNumber) === baseNo)
    ? cands
    : [...cands, { input: EMBEDDED_PARENT, facts: surveyFacts(base) }];
  // ParentFinder reads a notice's source.file, meta, references and tasks (the first task's line, and
  // task titles for the content fallback, which readerParents leaves out): the survey's facts are
  // those, with the references already cut at the first task.
  const readable = all.map((c, i) => ({ c, i })).filter((x) => x.c.facts);
  const shells = readable.map(({ c }) => ({ source: { file: c.facts!.file }, meta: c.facts!.meta, references: c.facts!.opening, tasks: [], keyList: [] }) as unknown as Notice);
  const finder = readerParents(shells);
  const choices = shells.map((_, k) => finder.find(k));
  const edges = choices.map((c, k) => ({ parent: c.parent, evidence: c.evidence, date: shells[k].meta.date }));
  for (const k of breakCycles(edges)) choices[k] = { parent: null, evidence: 'none', notes: [] };
  const at = new Map(readable.map(({ i }, k) => [i, k]));

  return cands.slice(0, exported).map((c, i): ParentPlan => {
    const k = at.get(i);
    if (k === undefined || !c.facts) return { choice: { status: 'none', parent: null } };
    if (!c.facts.isPlan) return { choice: { status: 'not-a-plan', parent: null } };
    const ch = choices[k];
    if (ch.parent === null) {
      return ch.citedParent ? { choice: { status: 'cited-but-missing', parent: null, citedParent: ch.citedParent } } : { choice: { status: 'none', parent: null } };
    }
    const p = all[readable[ch.parent].i];
    const pf = p.facts!;
    const choice: ParentChoiceFacts = { status: 'found', parent: { file: p.input === EMBEDDED_PARENT ? EMBEDDED_PARENT : pf.file, docNumber: pf.meta.docNumber ?? null, evidence: ch.evidence } };
    // as in chain: a diff needs tasks on both sides (the parent's as diff reads it)
    if (!c.facts.taskCount || !pf.parentTasks) return { choice };
    return { choice, parentInput: p.input, parentRaw: p.raw };
  });
}

/** What --resume compares for --base auto: every candidate's path and content (a parent's change redoes its children). */
export function candidatesDigest(cands: Candidate[]): string {
  const h = createHash('sha256');
  for (const c of cands) h.update(`${c.input}\t${c.sha256 ?? '-'}\n`);
  return h.digest('hex');
}
