// Changed characters between the base task(s) and the local task(s) they became, with jsdiff's
// diffChars. A group of n base texts vs m local texts is diffed as one text per side (joined by
// newlines, which task texts never contain), then cut back into one highlighted block per task.
import { createRequire } from 'node:module';
import type * as Jsdiff from 'diff';
import { html, join, type SafeHtml } from './escape.js';
import { foldStray, type CharOp } from '../chardiff.js';

// jsdiff is loaded on first use, so commands that never render HTML (plancmp diff, parse) do not pay
// for it at start-up.
let jsdiff: typeof Jsdiff | undefined;
const lib = (): typeof Jsdiff => (jsdiff ??= createRequire(import.meta.url)('diff') as typeof Jsdiff);

type Op = CharOp;

const SEP = '\n';
/** Beyond this many edits the texts are unrelated; Myers' O(ND) stays cheap up to here. */
const MAX_EDITS = 4000;
/** Below this share of common characters a character-level highlight is noise: mark it all. */
const MIN_COMMON = 0.3;

function toOps(a: string, b: string): Op[] | undefined {
  const changes = lib().diffChars(a, b, { maxEditLength: MAX_EDITS });
  if (!changes) return undefined;
  return changes.map((c) => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value }));
}

/** Split one side's ops into per-task segments at the separators, keeping each op's kind. */
function cut(ops: Op[], keep: 'del' | 'ins', count: number): Op[][] {
  const blocks: Op[][] = [[]];
  for (const o of ops) {
    if (o.op !== 'same' && o.op !== keep) continue;
    const pieces = o.text.split(SEP);
    pieces.forEach((p, k) => {
      if (k > 0) blocks.push([]);
      if (p) blocks[blocks.length - 1].push({ op: o.op, text: p });
    });
  }
  while (blocks.length < count) blocks.push([]);
  return blocks.slice(0, count);
}

function render(ops: Op[]): SafeHtml {
  return join(ops.map((o) => (o.op === 'same' ? o.text : o.op === 'del' ? html`<del>${o.text}</del>` : html`<ins>${o.text}</ins>`)));
}

export interface Highlighted {
  left: SafeHtml[];
  right: SafeHtml[];
  /** Share of characters common to both sides (0–1). */
  common: number;
}

/** Base texts on the left, local texts on the right: removed characters in <del>, inserted in <ins>. */
export function highlightTexts(left: string[], right: string[]): Highlighted {
  const a = left.join(SEP);
  const b = right.join(SEP);
  const plain = (texts: string[], tag: 'del' | 'ins') =>
    texts.map((t) => (tag === 'del' ? html`<del>${t}</del>` : html`<ins>${t}</ins>`));
  if (!left.length || !right.length) return { left: left.map((t) => html`${t}`), right: right.map((t) => html`${t}`), common: 0 };
  const ops = toOps(a, b);
  const commonChars = ops ? ops.filter((o) => o.op === 'same').reduce((n, o) => n + Array.from(o.text.replaceAll(SEP, '')).length, 0) : 0;
  const shorter = Math.max(1, Math.min(Array.from(left.join('')).length, Array.from(right.join('')).length));
  const common = commonChars / shorter;
  if (!ops || common < MIN_COMMON) return { left: plain(left, 'del'), right: plain(right, 'ins'), common };
  const folded = foldStray(ops, (t) => !t.includes(SEP));
  return {
    left: cut(folded, 'del', left.length).map(render),
    right: cut(folded, 'ins', right.length).map(render),
    common,
  };
}
