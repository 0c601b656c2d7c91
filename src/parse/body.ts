// The notice body as a tree: where it starts and ends, its chain of 一、二、三、 parts, and every
// numbered heading below them with the unnumbered paragraphs it holds. Each paragraph's heading
// and owner notes are read once (tokens) and everything after works on the tree.
import type { Paragraph } from '../model.js';
import { HEADING_ORDER, ACTION_TITLE, type HeadingLevel } from '../vocabulary.js';
import { isTableRow } from '../normalize/rejoin.js';
import { parseHeading, parseItemAfter, type Heading } from './headings.js';
import { findOwnerNotes, type FoundNote } from './owner-notes.js';
import { isDateLine } from './dates.js';
import { emptyList, mapList } from './lists.js';

/** One paragraph, read once: its heading, and (on first use) its owner notes. */
export class Token {
  private found?: FoundNote[];
  constructor(
    readonly para: Paragraph,
    readonly heading: Heading | undefined,
  ) {}

  /** Owner notes in the paragraph; read only for paragraphs something asks about (the body, mostly). */
  get notes(): FoundNote[] {
    // table rows are read by the key-list and task-table readers, never for owner notes
    this.found ??= isTableRow(this.para.text) ? NO_NOTES : findOwnerNotes(this.para.text);
    return this.found;
  }
}

export interface BodyNode {
  level: HeadingLevel | 'root';
  /** Index in HEADING_ORDER; -1 for the root. */
  rank: number;
  heading?: Heading;
  /** Index of the heading paragraph. */
  index: number;
  children: BodyNode[];
  /** Indices of the unnumbered paragraphs directly under this heading, in order. */
  paras: number[];
  parent?: BodyNode;
  /** 1-based position among the parent's children of the same level. */
  position: number;
}

export interface Body {
  tokens: Token[];
  /** First and one-past-last paragraph of the body (the chosen chain of parts, or the first headings). */
  start: number;
  end: number;
  root: BodyNode;
  /** The parts of the chosen chain (root children of level part). */
  parts: BodyNode[];
}

const NO_NOTES: FoundNote[] = emptyList();

function isBodyEnd(t: string): boolean {
  return /^(附件|附表[：:0-9０-９一二三四五六七八九]|附：|抄送|抄报)/.test(t) || isTableRow(t) || /^\|/.test(t) || /^.{0,30}(重点任务清单|任务分解表|责任分工表|任务分工表)$/.test(t) || /^[（(]此件/.test(t);
}

/** A signature (issuer) line standing right above the 成文日期: the body has ended. */
function isSignature(paras: Paragraph[], i: number): boolean {
  const t = paras[i].text;
  // no read past the end (an out-of-bounds load deoptimizes the optimized callers)
  const next = i + 1 < paras.length ? paras[i + 1] : undefined;
  return !!next && isDateLine(next.text) && t.length <= 40 && !/[，。；：！？]/.test(t);
}

interface Chain {
  parts: number[];
  end: number;
}

/** Runs of parts 一、二、三、… A new run starts at 一、 (a notice, then its attached plan). */
function partChains(paras: Paragraph[], heads: (Heading | undefined)[]): Chain[] {
  const chains: Chain[] = [];
  let cur: Chain | undefined;
  let last = 0;
  const close = (end: number) => {
    if (cur) cur.end = end;
    cur = undefined;
  };
  for (let i = 0; i < paras.length; i++) {
    const t = paras[i].text;
    if (cur && (isBodyEnd(t) || isSignature(paras, i) || isDateLine(t))) {
      close(i);
      continue;
    }
    const h = heads[i];
    if (h?.level !== 'part') continue;
    if (cur && h.value === last + 1) {
      cur.parts.push(i);
      last = h.value;
    } else if (h.value === 1 || (!cur && (h.value <= 3 || !chains.length))) {
      // a copy may begin mid-notice (二、 first), and an excerpt at any part (四、 first) before any run
      close(i);
      cur = { parts: [i], end: paras.length };
      chains.push(cur);
      last = h.value;
    }
  }
  return chains;
}

function chainScore(c: Chain, tokens: Token[], heads: (Heading | undefined)[], ownBodyEnd: number): number[] {
  let notes = 0;
  let headings = 0;
  let action = 0;
  for (let i = c.parts[0]; i < c.end; i++) {
    if (tokens[i].notes.length) notes++;
    const h = heads[i];
    if (h && h.level !== 'part') headings++;
    if (h?.level === 'part' && ACTION_TITLE.test(h.title)) action++;
  }
  // a notice that prints or forwards nothing has its measures in its own body: an attachment after
  // the signature is a sample or a form (号牌式样, 申请表), not the plan
  return [c.parts[0] < ownBodyEnd ? 1 : 0, notes, action > 0 ? 1 : 0, headings, c.parts.length];
}

/**
 * Where the notice's own body ends when the notice prints or forwards no document (印发, 转发 in its
 * first lines): its signature or 附件 line. Infinity when it does: the attached document is the body.
 */
function ownBodyEnd(paras: Paragraph[]): number {
  if (paras.slice(0, 3).some((p) => /印发|转发|颁布|公布/.test(p.text))) return Infinity;
  for (let i = 0; i < paras.length; i++) if (/^附件/.test(paras[i].text) || isSignature(paras, i)) return i;
  return Infinity;
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/**
 * 一是… / 二是… paragraphs are items only as a list: in a text with no 二是 paragraph after a 一是 one,
 * 一是 opens a sentence (（二）… 一是聚焦新城建设…), not a list; where the text writes such lists, a
 * group with one run (（三）壮大财政实力 一是…) lists one item.
 */
function dropLoneRuns(heads: (Heading | undefined)[]): void {
  const isRun = (h: Heading | undefined, value: number) => !!h && h.marker.endsWith('是') && h.value === value;
  for (let i = 0; i < heads.length; i++) {
    if (!isRun(heads[i], 1)) continue;
    let next = i + 1;
    while (next < heads.length && !heads[next]) next++;
    if (isRun(heads[next], 2)) return;
  }
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i];
    if (!h || !h.marker.endsWith('是') || h.value !== 1) continue;
    let next = i + 1;
    while (next < heads.length && !heads[next]) next++;
    const h2 = heads[next];
    if (!h2 || !h2.marker.endsWith('是') || h2.value !== 2) heads[i] = undefined;
  }
}

export function readBody(paras: Paragraph[]): Body {
  const heads = mapList(paras, (p) => parseHeading(p.text));
  dropLoneRuns(heads);
  let lastItem = 0;
  for (let i = 0; i < heads.length; i++) {
    heads[i] ??= parseItemAfter(paras[i].text, lastItem);
    if (heads[i]?.level === 'item') lastItem = heads[i]!.value;
    // a part or a group starts its items again at 1. (（六）… 1．2021年6月底前…)
    else if (heads[i]?.level === 'part' || heads[i]?.level === 'project') lastItem = 0;
  }
  const tokens = mapList(paras, (para, i) => new Token(para, heads[i]));
  const chains = partChains(paras, heads);
  let start: number;
  let end: number;
  if (chains.length) {
    let best = chains[0];
    // one chain (most notices) needs no scoring, and so no owner notes outside the body
    const own = chains.length > 1 ? ownBodyEnd(paras) : Infinity;
    let bestScore = chains.length > 1 ? chainScore(best, tokens, heads, own) : [];
    for (const c of chains.slice(1)) {
      const s = chainScore(c, tokens, heads, own);
      if (better(s, bestScore)) {
        best = c;
        bestScore = s;
      }
    }
    start = best.parts[0];
    end = best.end;
  } else {
    // no parts: the body starts at the first （一） or 1. heading
    const first = heads.findIndex((h) => h?.level === 'project' || h?.level === 'item');
    start = first >= 0 ? first : paras.length;
    end = paras.length;
    for (let i = start + 1; i < paras.length; i++) {
      if (isBodyEnd(paras[i].text) || isSignature(paras, i)) {
        end = i;
        break;
      }
    }
  }
  const root = buildTree(tokens, start, end);
  return { tokens, start, end, root, parts: root.children.filter((c) => c.level === 'part') };
}

function buildTree(tokens: Token[], start: number, end: number): BodyNode {
  // the same fields in the same order as every other node (one object shape for the whole tree)
  const root: BodyNode = { level: 'root', rank: -1, heading: undefined, index: start, children: [], paras: [], parent: undefined, position: 0 };
  const stack: BodyNode[] = [root];
  // children of each level per parent, counted as they come (no rescans: a hostile list can be long)
  const counts = new Map<BodyNode, Map<string, number>>();
  for (let i = start; i < end; i++) {
    const h = tokens[i].heading;
    if (!h) {
      stack[stack.length - 1].paras.push(i);
      continue;
    }
    const rank = HEADING_ORDER.indexOf(h.level);
    while (stack.length > 1 && stack[stack.length - 1].rank >= rank) stack.pop();
    const parent = stack[stack.length - 1];
    let seen = counts.get(parent);
    if (!seen) counts.set(parent, (seen = new Map()));
    const position = (seen.get(h.level) ?? 0) + 1;
    seen.set(h.level, position);
    const node: BodyNode = { level: h.level, rank, heading: h, index: i, children: [], paras: [], parent, position };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

/** Every node under (and including) n, depth first, in document order. */
export function descendants(n: BodyNode): BodyNode[] {
  if (n.children.length === 0) return [n];
  const out: BodyNode[] = [];
  const stack = [n];
  while (stack.length) {
    const x = stack.pop()!;
    out.push(x);
    for (let i = x.children.length - 1; i >= 0; i--) stack.push(x.children[i]);
  }
  return out;
}

/** Paragraph indices of a node's whole subtree (its heading, its paragraphs, its descendants), in order. */
export function subtreeParas(n: BodyNode): number[] {
  // a leaf's paragraphs follow its heading in order: no walk, no sort
  if (n.children.length === 0) return n.level === 'root' ? n.paras : [n.index, ...n.paras];
  const out: number[] = [];
  for (const d of descendants(n)) {
    if (d.level !== 'root') out.push(d.index);
    for (const p of d.paras) out.push(p);
  }
  return out.sort((a, b) => a - b);
}
