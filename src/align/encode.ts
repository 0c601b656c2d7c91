// Texts as arrays of dense bigram ids, for the hot loops of a diff (the evidence matrix).
// A Map lookup per bigram per comparison was most of a diff's cost; with ids, document
// frequencies, weights and inverted indexes are plain typed arrays indexed by id.
// The ids only rename bigrams (one id per distinct bigram, in text.ts's packing): every count,
// weight and sum is the one the Map-based code (text.ts Idf, containment) computes, in the same
// order, so results are identical to the last bit.
import { content, type Gram } from './text.js';

/**
 * Bigram → id, an open-addressing hash table in typed arrays (a Map lookup per bigram was the cost
 * of encoding). A base's bigrams get ids 0..n-1 once per base; a diff starts from a copy of that
 * table (a few kB) and gives the local plan's other bigrams the ids after them.
 * No bigram is 0 (content() keeps no NUL), so 0 marks an empty slot.
 */
export class Vocab {
  size = 0;
  private keys: Int32Array;
  private vals: Int32Array;
  private shift: number;
  /** scratch for encode(): a stamp per id, to keep each bigram's first occurrence only */
  private seen = new Int32Array(1024);
  private mark = 0;
  private buf = new Int32Array(256);
  /** scratch for fillContent() */
  private chars = new Uint16Array(256);

  /** `from`: a vocabulary to extend (copied); `expected`: about how many bigrams a new one will hold. */
  constructor(from?: Vocab, expected = 0) {
    if (from) {
      this.size = from.size;
      this.keys = from.keys.slice();
      this.vals = from.vals.slice();
      this.shift = from.shift;
    } else {
      let bits = 10;
      while (1 << bits < 2 * expected) bits++;
      this.keys = new Int32Array(1 << bits);
      this.vals = new Int32Array(1 << bits);
      this.shift = 32 - bits;
    }
  }

  /** Room for `extra` more bigrams without growing (a base's table, before diffs copy it). */
  reserve(extra: number): this {
    while ((this.size + extra) * 2 > this.keys.length) this.grow();
    return this;
  }

  /** Each id's bigram, by id (to store a base's vocabulary; Vocab.of rebuilds it with the same ids). */
  grams(): Int32Array {
    const out = new Int32Array(this.size);
    for (let s = 0; s < this.keys.length; s++) if (this.keys[s] !== 0) out[this.vals[s]] = this.keys[s];
    return out;
  }

  /** The table itself (to store a base's vocabulary byte for byte; Vocab.fromTable rebuilds it without hashing). */
  table(): { keys: Int32Array; vals: Int32Array; shift: number; size: number } {
    return { keys: this.keys, vals: this.vals, shift: this.shift, size: this.size };
  }

  static fromTable(t: { keys: Int32Array; vals: Int32Array; shift: number; size: number }): Vocab {
    const v = new Vocab();
    v.keys = t.keys;
    v.vals = t.vals;
    v.shift = t.shift;
    v.size = t.size;
    return v;
  }

  static of(grams: ArrayLike<number>): Vocab {
    const v = new Vocab();
    for (let k = 0; k < grams.length; k++) v.id(grams[k]);
    return v;
  }

  /** The id of a bigram, or -1 when it has none (nothing is added). */
  find(g: Gram): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    let h = Math.imul(g, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = keys[h];
      if (k === g) return this.vals[h];
      if (k === 0) return -1;
      h = (h + 1) & mask;
    }
  }

  id(g: Gram): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    let h = Math.imul(g, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = keys[h];
      if (k === g) return this.vals[h];
      if (k === 0) break;
      h = (h + 1) & mask;
    }
    const id = this.size++;
    keys[h] = g;
    this.vals[h] = id;
    if (this.size * 2 > keys.length) this.grow();
    return id;
  }

  private grow(): void {
    const { keys, vals } = this;
    const cap = keys.length * 2;
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.shift--;
    const mask = cap - 1;
    for (let s = 0; s < keys.length; s++) {
      const g = keys[s];
      if (g === 0) continue;
      let h = Math.imul(g, 0x9e3779b1) >>> this.shift;
      while (this.keys[h] !== 0) h = (h + 1) & mask;
      this.keys[h] = g;
      this.vals[h] = vals[s];
    }
  }

  /** The distinct bigrams of `s` (as bigrams() in text.ts), first occurrence first, as ids. */
  encode(s: string): Int32Array {
    return this.encodeChars(this.fillContent(s, 0, s.length));
  }

  /**
   * content(text.slice(a, b)) (text.ts) into this.chars, without building the string; returns its
   * length. The characters content() keeps, then its level words unified left to right, each at the
   * leftmost place it starts and without overlap, as content()'s global replacement does:
   * 全国/我市 … → 全域/我域, 国家级/省级 … → 本级.
   */
  private fillContent(text: string, a: number, b: number): number {
    if (this.chars.length < b - a) this.chars = new Uint16Array((b - a) * 2);
    const c = this.chars;
    let n = 0;
    let level = false;
    for (let i = a; i < b; i++) {
      const ch = text.charCodeAt(i);
      if (!isContent(ch)) continue;
      if (ch === QUAN || ch === WO || ch === JI) level = true;
      c[n++] = ch;
    }
    if (!level) return n;
    // in place: a replacement is never longer than what it replaces
    let w = 0;
    for (let r = 0; r < n; ) {
      const x = c[r];
      const y = r + 1 < n ? c[r + 1] : -1;
      if ((x === QUAN || x === WO) && (y === GUO || isPlace(y))) {
        c[w++] = x;
        c[w++] = YU;
        r += 2;
      } else if (x === GUO && y === JIA && r + 2 < n && c[r + 2] === JI) {
        c[w++] = BEN;
        c[w++] = JI;
        r += 3;
      } else if (isPlace(x) && y === JI) {
        c[w++] = BEN;
        c[w++] = JI;
        r += 2;
      } else {
        c[w++] = x;
        r++;
      }
    }
    return w;
  }

  /** encodeContent() of the n characters in this.chars (fillContent). */
  private encodeChars(n: number): Int32Array {
    const c = this.chars;
    if (n === 1) return Int32Array.of(this.id(c[0]));
    if (n === 0) return new Int32Array(0);
    if (this.buf.length < n) this.buf = new Int32Array(n * 2);
    return this.buf.slice(0, this.distinctInto(n, this.buf, 0));
  }

  /** Writes the distinct bigram ids of the n characters in this.chars (n ≥ 2) to `out` from `at`; returns where they end. */
  private distinctInto(n: number, out: Int32Array, at: number): number {
    const c = this.chars;
    const mark = ++this.mark;
    let k = at;
    let prev = c[0];
    for (let i = 1; i < n; i++) {
      const cur = c[i];
      const id = this.id((prev << 16) | cur);
      prev = cur;
      if (id >= this.seen.length) this.see(id);
      if (this.seen[id] === mark) continue;
      this.seen[id] = mark;
      out[k++] = id;
    }
    return k;
  }

  /**
   * The distinct bigrams of `${title}。${text}` as a set of ids (in no particular order), given
   * the length and first character of content(text) and its ids (encodeText): read off the title's bigrams, the one across the join and the
   * text's, when content() of the joined string is content(title) + content(text) — no level word
   * can span the join (see text.ts); else encoded whole.
   */
  joined(title: string, text: string, textLength: number, textFirst: number, textIds: Int32Array): Int32Array {
    if (mayJoinLevelWord(title, text)) return this.encode(`${title}。${text}`);
    // content(title), in this.chars
    const cn = this.fillContent(title, 0, title.length);
    if (cn === 0) return textIds;
    if (textLength === 0) return this.encodeChars(cn);
    const mark = ++this.mark;
    const head = cn >= 2 ? this.encodeChars(cn) : new Int32Array(0); // a one-character part adds no bigram of its own
    const across = this.id((this.chars[cn - 1] << 16) | textFirst);
    const tail = textLength >= 2 ? textIds : new Int32Array(0);
    const out = new Int32Array(head.length + 1 + tail.length);
    this.see(this.size);
    let n = 0;
    for (const part of [head, tail]) {
      for (let k = 0; k < part.length; k++) {
        const id = part[k];
        if (this.seen[id] !== mark) {
          this.seen[id] = mark;
          out[n++] = id;
        }
      }
      if (part === head && this.seen[across] !== mark) {
        this.seen[across] = mark;
        out[n++] = across;
      }
    }
    return out.slice(0, n);
  }

  private see(id: number): void {
    if (id >= this.seen.length) {
      const grown = new Int32Array(Math.max(this.seen.length * 2, id + 1));
      grown.set(this.seen);
      this.seen = grown;
    }
  }

  /**
   * clauses(text) (text.ts) of each text with each clause's encode() and length, in flat arrays (no
   * array per clause), each clause read once (its content through fillContent, not content()).
   */
  clausesOf(texts: readonly string[]): FlatClauses {
    const out = new ClauseWriter(texts.length);
    for (let f = 0; f < texts.length; f++) {
      const text = texts[f];
      let s = 0;
      for (let e = 0; e <= text.length; e++) {
        if (e < text.length && !isClauseBreak(text.charCodeAt(e))) continue;
        // the piece [s, e), trimmed as String.prototype.trim does
        let a = s;
        let b = e;
        while (a < b && isTrimmed(text.charCodeAt(a))) a++;
        while (b > a && isTrimmed(text.charCodeAt(b - 1))) b--;
        s = e + 1;
        // the clause's content (fillContent); unifying level words only shortens it
        const n = this.fillContent(text, a, b);
        if (n < 4) continue;
        out.room(n);
        out.endClause(this.distinctInto(n, out.grams, out.at), b - a);
      }
      out.endText();
    }
    return out.done();
  }

  /** encode(text), with the length and first character of content(text) (-1 when it is empty). */
  encodeText(text: string): { ids: Int32Array; length: number; first: number } {
    const n = this.fillContent(text, 0, text.length);
    const first = n ? this.chars[0] : -1;
    return { ids: this.encodeChars(n), length: n, first };
  }

  /** encode() of a string already passed through content(). */
  encodeContent(c: string): Int32Array {
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
      if (id >= this.seen.length) this.see(id);
      if (this.seen[id] === mark) continue;
      this.seen[id] = mark;
      buf[n++] = id;
    }
    return buf.slice(0, n);
  }
}

// the characters of text.ts LEVEL_WORDS and their replacements
const QUAN = 0x5168; // 全
const WO = 0x6211; // 我
const JI = 0x7ea7; // 级
const GUO = 0x56fd; // 国
const JIA = 0x5bb6; // 家
const YU = 0x57df; // 域
const BEN = 0x672c; // 本
/** 省 市 县 区 */
const isPlace = (c: number) => c === 0x7701 || c === 0x5e02 || c === 0x53bf || c === 0x533a;

/** The characters content() keeps: [\u3400-\u9fffA-Za-z0-9]. */
function isContent(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** ，。；！？： — where clauses() splits. */
function isClauseBreak(c: number): boolean {
  return c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0xff1a;
}

/** What String.prototype.trim removes: WhiteSpace and LineTerminator. */
function isTrimmed(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const IN_CONTENT = /[\u3400-\u9fffA-Za-z0-9]/;
// consecutive characters of a level word (text.ts LEVEL_WORDS: 全国 我省 国家级 市级 …)
const LEVEL_PAIRS = new Set(['全国', '全省', '全市', '全县', '全区', '我国', '我省', '我市', '我县', '我区', '国家', '家级', '省级', '市级', '县级', '区级']);

/** Whether the last content character of `a` and the first of `b` could belong to one level word. */
function mayJoinLevelWord(a: string, b: string): boolean {
  let i = a.length - 1;
  while (i >= 0 && !IN_CONTENT.test(a[i])) i--;
  let j = 0;
  while (j < b.length && !IN_CONTENT.test(b[j])) j++;
  return i >= 0 && j < b.length && LEVEL_PAIRS.has(a[i] + b[j]);
}

/**
 * The clauses of several texts, each as its distinct bigram ids: clause c holds
 * grams[clauseStart[c] .. clauseStart[c + 1]) and is lengths[c] characters long (trimmed); text f's
 * clauses are textStart[f] .. textStart[f + 1] - 1.
 */
export interface FlatClauses {
  readonly grams: Int32Array;
  readonly clauseStart: Int32Array;
  readonly lengths: Int32Array;
  readonly textStart: Int32Array;
}

/** FlatClauses from lists (a text's clauses, each its ids) and lengths. */
export function flatClauses(clauses: readonly (readonly Int32Array[])[], lengths: readonly (readonly number[])[]): FlatClauses {
  const out = new ClauseWriter(clauses.length);
  clauses.forEach((cls, f) => {
    cls.forEach((ids, c) => {
      out.room(ids.length);
      out.grams.set(ids, out.at);
      out.endClause(out.at + ids.length, lengths[f][c]);
    });
    out.endText();
  });
  return out.done();
}

/** Builds FlatClauses clause by clause, growing its arrays. */
class ClauseWriter {
  grams = new Int32Array(1024);
  at = 0;
  private clauseStart = new Int32Array(65);
  private lengths = new Int32Array(64);
  private clauses = 0;
  private readonly textStart: Int32Array;
  private texts = 0;

  constructor(texts: number) {
    this.textStart = new Int32Array(texts + 1);
  }

  /** room for n more ids */
  room(n: number): void {
    if (this.at + n > this.grams.length) {
      const grown = new Int32Array(Math.max(this.grams.length * 2, this.at + n));
      grown.set(this.grams.subarray(0, this.at));
      this.grams = grown;
    }
  }

  /** the clause ends with its ids at `end` (written into grams from at) and is `length` characters long */
  endClause(end: number, length: number): void {
    if (this.clauses === this.lengths.length) {
      const l = new Int32Array(this.lengths.length * 2);
      l.set(this.lengths);
      this.lengths = l;
      const c = new Int32Array(this.lengths.length + 1);
      c.set(this.clauseStart);
      this.clauseStart = c;
    }
    this.lengths[this.clauses++] = length;
    this.clauseStart[this.clauses] = end;
    this.at = end;
  }

  endText(): void {
    this.textStart[++this.texts] = this.clauses;
  }

  done(): FlatClauses {
    return { grams: this.grams.subarray(0, this.at), clauseStart: this.clauseStart.subarray(0, this.clauses + 1), lengths: this.lengths.subarray(0, this.clauses), textStart: this.textStart };
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

/** Whether text `j` holds id `id` (a binary search of its ascending list). */
export function holds(p: Postings, id: number, j: number): boolean {
  if (id < 0 || id >= p.ids) return false;
  let lo = p.start[id];
  let hi = p.start[id + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = p.items[mid];
    if (x === j) return true;
    if (x < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function postingsOfIds(texts: readonly Int32Array[], ids: number): Postings {
  // indexed loops, not for-of / forEach: the lists come as arrays of several maps (an empty
  // map() or filter() result is a small-integer array), and an inlined iterator deoptimized on each new one
  const start = new Int32Array(ids + 1);
  for (let j = 0; j < texts.length; j++) {
    const t = texts[j];
    for (let k = 0; k < t.length; k++) start[t[k] + 1]++;
  }
  for (let k = 0; k < ids; k++) start[k + 1] += start[k];
  const fill = start.slice(0, ids);
  const items = new Int32Array(start[ids]);
  for (let j = 0; j < texts.length; j++) {
    const t = texts[j];
    for (let k = 0; k < t.length; k++) items[fill[t[k]]++] = j;
  }
  return { start, items, ids };
}

/** Document frequency per id over `docs` (each an array of distinct ids), in an array of `size`. */
export function dfOfIds(docs: readonly Int32Array[], size: number, into = new Int32Array(size)): Int32Array {
  for (let j = 0; j < docs.length; j++) {
    const d = docs[j];
    for (let k = 0; k < d.length; k++) into[d[k]]++;
  }
  return into;
}

/**
 * IDF weights over a Vocab's ids and IDF containment between strings, as text.ts Idf and
 * containment() compute them (same counts, same sums in the same order), with each string
 * encoded once and each weight computed once.
 * `df` holds the document frequency of each id known when the documents were counted; later ids
 * (strings looked up afterwards) are in no document.
 */
export class IdIdf {
  private W = new Float64Array(0);
  private readonly ids = new Map<string, Int32Array>();
  private stamp = new Int32Array(0);
  private mark = 0;

  /** `known`: strings already encoded with ids this vocabulary gives them (a base's strings, prepared.ts knownIds), read, never changed. */
  constructor(
    readonly vocab: Vocab,
    private readonly df: Int32Array,
    private readonly n: number,
    private readonly known?: ReadonlyMap<string, Int32Array>,
  ) {}

  idsOf(s: string): Int32Array {
    let ids = this.known?.get(s) ?? this.ids.get(s);
    if (!ids) this.ids.set(s, (ids = this.vocab.encode(s)));
    return ids;
  }

  weight(id: number): number {
    if (id >= this.W.length) {
      const grown = new Float64Array(Math.max(this.vocab.size, id + 1, this.W.length * 2)).fill(NaN);
      grown.set(this.W);
      this.W = grown;
    }
    let w = this.W[id];
    if (w !== w) {
      const d = id < this.df.length ? this.df[id] : 0;
      w = this.W[id] = Math.log((this.n + 1) / (d + 0.5));
    }
    return w;
  }

  /** Share of the IDF weight of `part`'s bigrams that also occur in `whole` (text.ts containment). */
  containment(part: string, whole: string): number {
    const p = this.idsOf(part);
    const wh = this.idsOf(whole);
    let total = 0;
    for (let k = 0; k < p.length; k++) total += this.weight(p[k]);
    if (total === 0) return 0;
    if (this.stamp.length < this.vocab.size) {
      const grown = new Int32Array(this.vocab.size * 2);
      grown.set(this.stamp);
      this.stamp = grown;
    }
    const mark = ++this.mark;
    for (let k = 0; k < wh.length; k++) this.stamp[wh[k]] = mark;
    let num = 0;
    for (let k = 0; k < p.length; k++) if (this.stamp[p[k]] === mark) num += this.weight(p[k]);
    return num / total;
  }
}

/**
 * containment(part, text j) for every text j of `to` (n of them), with `part` as ids: the weights
 * of the part's bigrams the text holds, summed in the part's order, over their total (0 when the
 * part has none); `shared[j]` gets the number of bigrams the part and text j share.
 */
export function containmentsOfIds(part: Int32Array, to: Postings, n: number, idf: IdIdf, shared?: Int32Array): Float64Array {
  const { start, items, ids } = to;
  const out = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < part.length; k++) {
    const id = part[k];
    const w = idf.weight(id);
    total += w;
    if (id >= ids) continue;
    for (let x = start[id]; x < start[id + 1]; x++) out[items[x]] += w;
    if (shared) for (let x = start[id]; x < start[id + 1]; x++) shared[items[x]]++;
  }
  if (total === 0) out.fill(0);
  else for (let j = 0; j < n; j++) out[j] /= total;
  return out;
}
