// Thematic counterparts between plans of different families. A plan of another family carries no
// tasks of the base, but some of its measures address the same concrete thing. The evidence is a
// concrete phrase that one task's title names and the other task's text contains (学习型机关,
// 党风廉政建设主体责任, 政务督查) — once the policy verbs every plan uses (全面推进, 建立健全,
// 充分发挥) are taken out, so that shared boilerplate is never mistaken for a shared topic.
import type { Link, Task } from '../model.js';
import { content } from './text.js';
import { cmpId } from './tasks.js';
import { DEFAULT_DIFF_OPTIONS, type OverlapOptions } from '../options.js';
/** Policy verbs and fillers that open or pad titles in every plan: never evidence of a topic. */
const BOILERPLATE =
  /全面推进|深入推进|加快推进|大力推进|积极推进|扎实推进|稳步推进|持续推进|全面推行|充分发挥|建立健全|健全完善|不断完善|进一步|切实加强|全面加强|大力加强|着力|抓好|落实好|加快建设|政府系统|有关部门|工作机制|体制机制|的落实|加强|推进|建立|健全|完善|深化|强化|提升|提高|推动|加快|实施|开展|落实|规范|严格|全面|切实|工作|建设/g;

/** Title with boilerplate cut out: the pieces that name a topic. */
function topicPieces(title: string): string[] {
  return content(title)
    .replace(BOILERPLATE, '|')
    .split('|')
    .filter((p) => p.length >= 2);
}

/** Length of the longest topic phrase of a title that `text` contains and that is specific enough. */
function sharedPhrase(pieces: string[], text: string, uses: (s: string) => number, T: Readonly<OverlapOptions>): number {
  const { minPhrase: MIN_PHRASE, longPhrase: LONG_PHRASE, maxShortUses: MAX_SHORT_USES } = T;
  let best = 0;
  for (const p of pieces) {
    for (let i = 0; i + MIN_PHRASE <= p.length; i++) {
      // the longest phrase from i on that the text holds
      let k = MIN_PHRASE - 1;
      while (i + k < p.length && text.includes(p.slice(i, i + k + 1))) k++;
      if (k < MIN_PHRASE || k <= best) continue;
      const phrase = p.slice(i, i + k);
      if (k >= LONG_PHRASE || uses(phrase) <= MAX_SHORT_USES) best = k;
    }
  }
  return best;
}

export function overlapLinks(base: Task[], local: Task[], T: Readonly<OverlapOptions> = DEFAULT_DIFF_OPTIONS.overlap): Link[] {
  const bText = base.map((t) => content(`${t.title}。${t.text}`));
  const lText = local.map((t) => content(`${t.title}。${t.text}`));
  const bPieces = base.map((t) => topicPieces(t.title));
  const lPieces = local.map((t) => topicPieces(t.title));
  // how many tasks of both plans contain a phrase (memoized: the same pieces come up again and again)
  const seen = new Map<string, number>();
  const uses = (phrase: string) => {
    let n = seen.get(phrase);
    if (n === undefined) {
      n = 0;
      for (const t of bText) if (t.includes(phrase)) n++;
      for (const t of lText) if (t.includes(phrase)) n++;
      seen.set(phrase, n);
    }
    return n;
  };
  const strength = base.map((_, i) => local.map((_, j) => Math.max(sharedPhrase(bPieces[i], lText[j], uses, T), sharedPhrase(lPieces[j], bText[i], uses, T))));
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
