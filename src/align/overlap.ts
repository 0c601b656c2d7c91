// Thematic counterparts between plans of different families. A plan of another family carries no
// tasks of the base, but some of its measures address the same concrete thing. The evidence is a
// concrete phrase that one task's title names and the other task's text contains (学习型机关,
// 党风廉政建设主体责任, 政务督查) — once the policy verbs every plan uses (全面推进, 建立健全,
// 充分发挥) are taken out, so that shared boilerplate is never mistaken for a shared topic.
import type { Link, Task } from '../model.js';
import { content } from './text.js';
import { cmpId } from './tasks.js';
import { once } from './prepared.js';
import { Vocab, holds, postingsOfIds, type Postings } from './encode.js';
import { DEFAULT_DIFF_OPTIONS, type OverlapOptions } from '../options.js';
/** Policy verbs and fillers that open or pad titles in every plan: never evidence of a topic. */
export const BOILERPLATE =
  /全面推进|深入推进|加快推进|大力推进|积极推进|扎实推进|稳步推进|持续推进|全面推行|充分发挥|建立健全|健全完善|不断完善|进一步|切实加强|全面加强|大力加强|着力|抓好|落实好|加快建设|政府系统|有关部门|工作机制|体制机制|的落实|加强|推进|建立|健全|完善|深化|强化|提升|提高|推动|加快|实施|开展|落实|规范|严格|全面|切实|工作|建设/g;

/** Title with boilerplate cut out: the pieces that name a topic. */
function topicPieces(title: string): string[] {
  return content(title)
    .replace(BOILERPLATE, '|')
    .split('|')
    .filter((p) => p.length >= 2);
}

/** One plan's side: each task as one content string, its title's topic pieces, and which tasks hold each bigram (by id). */
interface Side {
  text: string[];
  pieces: string[][];
  vocab: Vocab;
  postings: Postings;
}

const gram = (s: string, i: number) => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

function sideOf(tasks: Task[]): Side {
  const text = tasks.map((t) => content(`${t.title}。${t.text}`));
  const vocab = new Vocab(undefined, text.reduce((a, c) => a + c.length, 0));
  // the distinct bigrams of each string, as ids (the strings are content() already)
  const ids = text.map((c) => (c.length >= 2 ? vocab.encodeContent(c) : new Int32Array(0)));
  return { text, pieces: tasks.map((t) => topicPieces(t.title)), vocab, postings: postingsOfIds(ids, vocab.size) };
}

/**
 * out[j]: length of the longest topic phrase among `pieces` (one title's) that task j of `other`
 * contains and that is specific enough. Each title position is tried only on the texts holding all
 * the bigrams of its shortest phrase (a text that contains a phrase holds its bigrams); per text, the
 * positions come in the same order and a phrase is extended from the best length so far (a text
 * containing a phrase contains its prefixes), so each out[j] is what the position-by-position
 * search of that one text finds.
 */
function sharedPhrases(pieces: string[], other: Side, uses: (s: string) => number, T: Readonly<OverlapOptions>): Int32Array {
  const { minPhrase: MIN_PHRASE, longPhrase: LONG_PHRASE, maxShortUses: MAX_SHORT_USES } = T;
  const best = new Int32Array(other.text.length);
  const step = (p: string, i: number, j: number) => {
    const text = other.text[j];
    const b = best[j];
    // the longest phrase from i on that the text holds; only one longer than the best so far counts
    let k = MIN_PHRASE - 1;
    if (b >= MIN_PHRASE) {
      if (i + b + 1 > p.length || !text.includes(p.slice(i, i + b + 1))) return;
      k = b + 1;
    }
    while (i + k < p.length && text.includes(p.slice(i, i + k + 1))) k++;
    if (k < MIN_PHRASE || k <= b) return;
    const phrase = p.slice(i, i + k);
    if (k >= LONG_PHRASE || uses(phrase) <= MAX_SHORT_USES) best[j] = k;
  };
  for (const p of pieces) {
    for (let i = 0; i + MIN_PHRASE <= p.length; i++) {
      if (MIN_PHRASE < 2) {
        for (let j = 0; j < other.text.length; j++) step(p, i, j);
        continue;
      }
      const first = other.vocab.find(gram(p, i));
      if (first < 0) continue;
      const { start, items } = other.postings;
      next: for (let x = start[first]; x < start[first + 1]; x++) {
        const j = items[x];
        for (let m = i + 1; m + 1 < i + MIN_PHRASE; m++) if (!holds(other.postings, other.vocab.find(gram(p, m)), j)) continue next;
        step(p, i, j);
      }
    }
  }
  return best;
}

const PHRASE_CACHE_MAX = 20000;

export function overlapLinks(base: Task[], local: Task[], T: Readonly<OverlapOptions> = DEFAULT_DIFF_OPTIONS.overlap): Link[] {
  const b = once(base, 'overlapSide', () => sideOf(base)); // the base side once per base
  const l = sideOf(local);
  // how many tasks of the base contain a phrase: kept with the base side (the base's own title
  // pieces come up in every diff against it); bounded, cleared when full
  const inBase = once(base, 'overlapPhraseUses', () => ({ side: b, counts: new Map<string, number>() }));
  const baseCounts = inBase.side === b ? inBase.counts : new Map<string, number>();
  // how many tasks of both plans contain a phrase (memoized: the same pieces come up again and again)
  const seen = new Map<string, number>();
  const uses = (phrase: string) => {
    let n = seen.get(phrase);
    if (n === undefined) {
      let nb = baseCounts.get(phrase);
      if (nb === undefined) {
        nb = 0;
        for (const t of b.text) if (t.includes(phrase)) nb++;
        if (baseCounts.size >= PHRASE_CACHE_MAX) baseCounts.clear();
        baseCounts.set(phrase, nb);
      }
      n = nb;
      for (const t of l.text) if (t.includes(phrase)) n++;
      seen.set(phrase, n);
    }
    return n;
  };
  const fromBase = b.pieces.map((pieces) => sharedPhrases(pieces, l, uses, T)); // [base][local]
  const fromLocal = l.pieces.map((pieces) => sharedPhrases(pieces, b, uses, T)); // [local][base]
  const strength = base.map((_, i) => local.map((_, j) => Math.max(fromBase[i][j], fromLocal[j][i])));
  const chosen = new Map<string, Link>();
  const add = (i: number, j: number) => {
    const k = `${i}|${j}`;
    const n = strength[i][j];
    if (n >= T.minPhrase && !chosen.has(k)) chosen.set(k, { base: base[i].id, local: local[j].id, score: Math.min(1, Math.round((n / 10) * 1000) / 1000), kind: 'overlap' });
  };
  // each base task to the local measure it shares the longest phrase with, and each local measure likewise
  base.forEach((_, i) => {
    let best = -1;
    for (let j = 0; j < local.length; j++) if (best < 0 || strength[i][j] > strength[i][best]) best = j;
    if (best >= 0) add(i, best);
  });
  local.forEach((_, j) => {
    let best = -1;
    for (let i = 0; i < base.length; i++) if (best < 0 || strength[i][j] > strength[best][j]) best = i;
    if (best >= 0) add(best, j);
  });
  return [...chosen.values()].sort((a, b) => cmpId(a.base, b.base) || cmpId(a.local, b.local));
}
