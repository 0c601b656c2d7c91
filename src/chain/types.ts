// Values of a policy chain: which notice implements which, and what became of each task on the way down.
import type { Deadline, LinkKind, PlanDiff } from '../model.js';

export type ParentEvidence = 'cites-docnumber' | 'cites-title' | 'plan-name' | 'content' | 'none';

/** How one notice hangs in the chain. */
export interface ChainEntry {
  file: string;
  docNumber?: string;
  title?: string;
  issuer?: string;
  date?: string;
  tasks: number;
  /** The input this notice implements, or null. */
  parent: string | null;
  evidence: ParentEvidence;
  /** What the evidence was, in words: 根据《…》（浙政发〔2018〕16号）, the shared plan name, the carried share. */
  evidenceDetail?: string;
  /** The document this notice cites as its parent when that document is not among the inputs (its 文号, else 《title》). */
  citedParent?: string;
  /** Depth in the tree: 0 for a notice without a parent. */
  level: number;
  /** Diff against the parent (null for a notice without a parent). */
  summary: PlanDiff['summary'] | null;
  notes: string[];
}

/** A notice in the JSON tree, with its children. */
export interface ChainNode extends ChainEntry {
  children: ChainNode[];
}

/** One task at one level of a lineage. */
export interface LineageStep {
  level: number;
  file: string;
  docNumber?: string;
  /** 'origin' where the task first appears; 'kept' when carried from the level above; 'dropped' when this level has no counterpart. */
  status: 'origin' | 'kept' | 'dropped';
  /** Task ids at this level (several after a split); empty when dropped. */
  tasks: string[];
  titles: string[];
  /** Link kinds from the level above (same, reworded, merged, split, partial). */
  kinds: LinkKind[];
  deadlines: string[];
  /** Latest date the deadlines at this level set (ISO), when any is a dated 'by' or 'range'. */
  due?: string;
  /** Compared with the level above: earlier (tightened), later (loosened), added, removed, changed, same. */
  deadlineChange?: 'same' | 'earlier' | 'later' | 'added' | 'removed' | 'changed';
  lead: string[];
  units: string[];
  /** Owners compared with the level above, when the diff carries owner changes (schema 1.1). */
  ownerChange?: string;
}

/** One task followed down one branch (a path from a top notice to a notice without children). */
export interface Lineage {
  kind: 'lineage';
  /** Stable id: <origin file>#<origin task>@<leaf file>. */
  id: string;
  /** The files of the branch, top first. */
  branch: string[];
  origin: { level: number; file: string; task: string; title: string };
  /**
   * 'carried-from-top' (from the first notice of the branch down to its bottom), 'added-at-level-k'
   * (first appears at tree level k), or 'dropped-at-level-k'. The branch starts at the top of the tree
   * unless a notice above has no tasks to compare.
   */
  fate: string;
  reachesBottom: boolean;
  droppedAt?: number;
  /** Levels at which a deadline was brought forward / pushed back. */
  tightenedAt: number[];
  loosenedAt: number[];
  /** Levels at which another unit took the lead (owner change 'reassigned' in the level's diff). */
  reassignedAt: number[];
  steps: LineageStep[];
}

export interface ChainFailure {
  file: string;
  code: string;
  message: string;
}

export interface ChainResult {
  schema: 'plancmp.chain/1';
  entries: ChainEntry[];
  roots: ChainNode[];
  lineages: Lineage[];
  failed: ChainFailure[];
  warnings: string[];
}

export type { Deadline };
