// Texts as arrays of dense bigram ids, for the hot loops of a diff (the evidence matrix).
// A Map lookup per bigram per comparison was most of a diff's cost; with ids, document
// frequencies, weights and inverted indexes are plain typed arrays indexed by id.
// The ids only rename bigrams (one id per distinct bigram, in text.ts's packing): every count,
// weight and sum is the one the Map-based code (text.ts Idf, containment) computes, in the same
// order, so results are identical to the last bit.
import { content, type Gram } from './text.js';

/**
 * Bigram → id. A base's bigrams get ids 0..fixed.size-1 once per base (`fixed`, never changed
 * afterwards); one diff's other bigrams get the ids after them, in a map of its own.
 */
export class Vocab {
  private readonly extra = new Map<Gram, number>();
  size: number;
  /** scratch for encode(): a stamp per id, to keep each bigram's first occurrence only */
  private seen = new Int32Array(1024);
  private mark = 0;
  private buf = new Int32Array(256);

  constructor(private readonly fixed: Map<Gram, number> = new Map()) {
    this.size = fixed.size;
  }

  /** While the fixed vocabulary is being built (a base), new bigrams go into it. */
  static building(): Vocab {
    const v = new Vocab();
    v.growing = true;
    return v;
  }

  private growing = false;

  /** The fixed part, to share with later Vocabs (call once building is done). */
  freeze(): Map<Gram, number> {
    this.growing = false;
    return this.fixed;
  }

  id(g: Gram): number {
    let id = this.fixed.get(g);
    if (id !== undefined) return id;
    if (this.growing) {
      id = this.size++;
      this.fixed.set(g, id);
      return id;
    }
    id = this.extra.get(g);
    if (id === undefined) {
      id = this.size++;
      this.extra.set(g, id);
    }
    return id;
  }

  /** The distinct bigrams of `s` (as bigrams() in text.ts), first occurrence first, as ids. */
  encode(s: string): Int32Array {
    const c = content(s);
    if (c.length === 1) return Int32Array.of(this.id(c.charCodeAt(0)));
    if (c.length === 0) return new Int32Array(0);
    const mark = ++this.mark;
    if (this.buf.length < c.length) this.buf = new Int32Array(c.length * 2);
    const buf = this.buf;
    let n = 0;
    let prev = c.charCodeAt(0);
    for (let i = 1; i < c.length; i++) {
      const cur = c.charCodeAt(i);
      const id = this.id((prev << 16) | cur);
      prev = cur;
      if (id >= this.seen.length) {
        const grown = new Int32Array(Math.max(this.seen.length * 2, id + 1));
        grown.set(this.seen);
        this.seen = grown;
      }
      if (this.seen[id] === mark) continue;
      this.seen[id] = mark;
      buf[n++] = id;
    }
    return buf.slice(0, n);
  }
}

/** Inverted index id → the texts holding it (ascending), as one flat array (CSR). */
export interface Postings {
  /** texts holding id k are items[start[k] .. start[k + 1]) */
  readonly start: Int32Array;
  readonly items: Int32Array;
  /** ids at or above this are in no text */
  readonly ids: number;
}

export function postingsOfIds(texts: readonly Int32Array[], ids: number): Postings {
  const start = new Int32Array(ids + 1);
  for (const t of texts) for (let k = 0; k < t.length; k++) start[t[k] + 1]++;
  for (let k = 0; k < ids; k++) start[k + 1] += start[k];
  const fill = start.slice(0, ids);
  const items = new Int32Array(start[ids]);
  texts.forEach((t, j) => {
    for (let k = 0; k < t.length; k++) items[fill[t[k]]++] = j;
  });
  return { start, items, ids };
}

/** Document frequency per id over `docs` (each an array of distinct ids), in an array of `size`. */
export function dfOfIds(docs: readonly Int32Array[], size: number, into = new Int32Array(size)): Int32Array {
  for (const d of docs) for (let k = 0; k < d.length; k++) into[d[k]]++;
  return into;
}
