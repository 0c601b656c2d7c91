// Character-level text measures for Chinese: words are not delimited, so we compare character
// bigrams, weighted by how rare they are across the two plans (IDF), so that 政府/建设/推进 — present
// everywhere — count little and 政务钉钉/第三方评估 count much.

// Words that name the plan's own level: a task rewritten for a province or a city (全国 → 全省,
// 我国 → 我市, 国家级 → 市级) is still the same task, so they compare as one word.
const LEVEL_WORDS = /(?:全|我)(?:国|省|市|县|区)|(?:国家|省|市|县|区)级/g;

const NOT_CONTENT = /[^\u3400-\u9fffA-Za-z0-9]+/g;
const LEVEL_HINT = /[全我级]/;

/** Keep Chinese characters, letters and digits; drop punctuation, brackets and quotes; level words unified. */
export function content(s: string): string {
  const c = s.replace(NOT_CONTENT, '');
  // every level word holds 全, 我 or 级: most texts have none, and skip the second pass
  return LEVEL_HINT.test(c) ? c.replace(LEVEL_WORDS, (m) => (m.endsWith('级') ? '本级' : `${m[0]}域`)) : c;
}

/**
 * A bigram as one number (two UTF-16 units): hashing numbers is several times cheaper than 2-char
 * strings. Packed as a signed 32-bit integer (`c1 << 16 | c2`), which V8 keeps unboxed (a Smi); the
 * product c1 × 0x10000 exceeds 2³¹ for most CJK characters and made every key a boxed double.
 */
export type Gram = number;

export function bigrams(s: string): Gram[] {
  const c = content(s);
  const out: Gram[] = [];
  for (let i = 0; i + 1 < c.length; i++) out.push((c.charCodeAt(i) << 16) | c.charCodeAt(i + 1));
  if (c.length === 1) out.push(c.charCodeAt(0));
  return out;
}

// The same task texts and clauses are compared many times in one diff; keep their sets (read-only).
const setCache = new Map<string, ReadonlySet<Gram>>();
const SET_CACHE_MAX = 20000;

export function bigramSet(s: string): ReadonlySet<Gram> {
  let set = setCache.get(s);
  if (!set) {
    if (setCache.size >= SET_CACHE_MAX) setCache.clear();
    set = new Set(bigrams(s));
    setCache.set(s, set);
  }
  return set;
}

/** The share of a's bigrams that b holds too (a name found inside a title: 0..1). */
export function containedShare(a: string, b: string): number {
  const want = bigramSet(a);
  const have = bigramSet(b);
  let n = 0;
  for (const g of want) if (have.has(g)) n++;
  return want.size ? n / want.size : 0;
}

/** Clauses of a task text: pieces between ，。；：、 that are long enough to mean something. */
export function clauses(text: string): string[] {
  const out: string[] = [];
  clauseContents(text, (c) => out.push(c));
  return out;
}

/** Each clause of clauses(text) with its content(), in order. */
export function clauseContents(text: string, each: (clause: string, content: string) => void): void {
  for (const piece of text.split(/[，。；！？：]/)) {
    const c = piece.trim();
    const cc = content(c);
    if (cc.length >= 4) each(c, cc);
  }
}

/** Bigram document frequencies over a fixed set of documents (see prepared.ts). */
export interface DfTable {
  readonly df: ReadonlyMap<Gram, number>;
  readonly n: number;
}

export class Idf {
  private readonly df = new Map<Gram, number>();
  private n = 0;

  /** `prior`: counts of documents already seen (a base computed once), read, never changed. */
  constructor(private readonly prior?: DfTable) {}

  add(doc: string): void {
    this.n++;
    for (const g of bigramSet(doc)) this.df.set(g, (this.df.get(g) ?? 0) + 1);
  }

  private readonly parts = new Map<string, { grams: Gram[]; weights: number[]; total: number }>();

  /** Distinct bigrams of a text with their weights, memoized: the same clause is looked up many times. */
  weighted(text: string): { grams: Gram[]; weights: number[]; total: number } {
    let w = this.parts.get(text);
    if (!w) {
      const grams = [...bigramSet(text)]; // distinct, in first-seen order
      const weights = grams.map((g) => this.weight(g));
      w = { grams, weights, total: weights.reduce((a, b) => a + b, 0) };
      this.parts.set(text, w);
    }
    return w;
  }

  weight(g: Gram): number {
    const p = this.prior;
    const d = p ? (this.df.get(g) ?? 0) + (p.df.get(g) ?? 0) : (this.df.get(g) ?? 0);
    return Math.log(((p ? this.n + p.n : this.n) + 1) / (d + 0.5));
  }
}

/** Share of the IDF weight of `part`'s bigrams that also occur in `whole`. */
export function containment(part: string, whole: ReadonlySet<Gram>, idf: Idf): number {
  const { grams, weights, total } = idf.weighted(part);
  if (total === 0) return 0;
  let num = 0;
  for (let k = 0; k < grams.length; k++) if (whole.has(grams[k])) num += weights[k];
  return num / total;
}

/** Dice from the sizes of two bigram sets and the number of bigrams they share (as dice()). */
export function diceOf(sizeA: number, sizeB: number, both: number): number {
  return sizeA === 0 || sizeB === 0 ? 0 : (2 * both) / (sizeA + sizeB);
}

/** Sørensen–Dice over bigram sets: symmetric similarity of two short strings (titles). */
export function dice(a: string, b: string): number {
  const A = bigramSet(a);
  const B = bigramSet(b);
  if (A.size === 0 || B.size === 0) return 0;
  let both = 0;
  for (const g of A) if (B.has(g)) both++;
  return (2 * both) / (A.size + B.size);
}
