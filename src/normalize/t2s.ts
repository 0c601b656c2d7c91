// Traditional → simplified, only for text that is traditional: converting text that is already
// simplified corrupts some names (乾安县 → 干安县), so we measure first.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildT2sTables, decodeT2sTables, openccVersion, requireOpenCC, type FlatTrie, type T2sTables } from './t2s-tables.js';

type Convert = (s: string) => string;
let converter: Convert | undefined;
let loaded: LoadedConverter | undefined;
let reference: Convert | undefined;

/**
 * The tables of the conversion, made at build time (t2s-prebuild.ts). Found relative to the package
 * root: the same file from dist/normalize/t2s.js, from src/normalize/t2s.ts (tests) and from the
 * bundles (dist/cli.cjs, dist/export-worker.cjs keep each module's own dist/ address as import.meta.url).
 */
export const T2S_FILE = fileURLToPath(new URL('../../dist/normalize/t2s-tw2s.bin', import.meta.url));

/** A converter as loaded: where its tables came from, and the converter itself. */
export interface LoadedConverter {
  /** 'stored': the build's tables; 'built': made from opencc-js at run time; 'reference': opencc-js's own Converter (the tables could not be made, or failed their check). */
  source: 'stored' | 'built' | 'reference';
  convert: Convert;
  /** The fast runner with each segment converted as a string (its former form), for tests; not for 'reference'. */
  strings?: Convert;
}

/**
 * The converters, for tests: the fast one (undefined if its tables could not be made or failed their
 * check), opencc-js's own (made on this call), the fast runner's string-by-string form, and where the
 * fast one's tables came from.
 */
export function t2sConverters(): { fast?: Convert; reference: Convert; strings?: Convert; source: LoadedConverter['source'] } {
  t2s();
  const l = loaded!;
  return { fast: l.source === 'reference' ? undefined : l.convert, reference: referenceConverter(), strings: l.strings, source: l.source };
}

/** opencc-js's own Converter({ from: 'tw', to: 'cn' }), made on first use. */
function referenceConverter(): Convert {
  return (reference ??= requireOpenCC().Converter({ from: 'tw', to: 'cn' }) as Convert);
}

/**
 * Loaded on first use: a simplified notice — most of them — pays nothing. The stored tables are one
 * file read (no opencc-js, no dictionaries); without them, the same tables are made from opencc-js.
 */
function t2s(): Convert {
  if (!converter) {
    loaded = loadConverter(T2S_FILE);
    converter = loaded.convert;
  }
  return converter;
}

/**
 * The converter from the tables stored in `file` if they are current (this format, the installed
 * opencc-js, undamaged); else from tables made from opencc-js now, checked against its own Converter
 * on SAMPLE as the build checks the stored ones; else opencc-js's own Converter. Never throws for a
 * missing or bad file.
 */
export function loadConverter(file: string): LoadedConverter {
  let bytes: Uint8Array | undefined;
  try {
    bytes = readFileSync(file);
  } catch {
    bytes = undefined;
  }
  const stored = bytes && decodeT2sTables(bytes, openccVersion());
  if (stored) {
    try {
      const c = converterFrom(stored);
      c.convert(WARM_UP);
      return { source: 'stored', ...c };
    } catch {
      // (its trigger is not a regular expression): made afresh below
    }
  }
  let tables: T2sTables | undefined;
  try {
    tables = buildT2sTables(requireOpenCC(), triggerSource);
  } catch {
    tables = undefined;
  }
  if (tables) {
    const built = converterFrom(tables);
    if (built.convert(SAMPLE) === referenceConverter()(SAMPLE)) return { source: 'built', ...built };
  }
  return { source: 'reference', convert: referenceConverter() };
}

// ---------- opencc-js tw→cn, the same dictionaries and steps, faster ----------
// opencc-js's Converter({ from: 'tw', to: 'cn' }) is its config tw2s: a normalization pass (CJK
// compatibility ideographs), then the text is cut into segments by longest match of TSPhrases, and
// each segment goes through two passes (TWVariantsRevPhrases + TWVariantsRev, then TSPhrases +
// TSCharacters), each a left-to-right longest match in a trie. Its matcher looks every character up
// in the trie's root Map and allocates a result object per position. We run the same algorithm over
// the very same tries (loaded by opencc-js's own Trie class, so the dictionaries and their precedence
// are its own, then flattened into typed arrays: t2s-tables.ts), skipping with one table read each
// character that starts no entry — most of a text. The build checks the result against opencc-js's
// own converter (t2s-prebuild.ts), and so do the tests.

/** One opencc-js Trie pass: the same matchPrefix/convert/segment over a FlatTrie, with a table of characters to skip. */
class Pass {
  private readonly key: Int32Array;
  private readonly childStart: Int32Array;
  private readonly valStart: Int32Array;
  private readonly valEnd: Int32Array;
  private readonly vals: Uint16Array;
  /** 1 where a code unit starts no entry and is a whole unmatched character (not a high surrogate, not an IDS operator). */
  private readonly plain = new Uint8Array(0x10000);
  /**
   * For convert(): 0 where the code unit is copied as it is (plain, or an entry of one character
   * that maps to itself and starts no longer one), 3 where it is such an entry whose value is one
   * other code unit (in `unit`), 1 where it is such an entry with another value (the value of node
   * first[cu]), 2 where the trie must be walked. (segmentMap() cannot skip entries: a match cuts the
   * text into segments.)
   */
  readonly kind = new Uint8Array(0x10000);
  /** The value of a code unit of kind 3. */
  private readonly unit = new Uint16Array(0x10000);
  /** The root's child for each BMP code unit that is not a surrogate (the first step of match()); 0: none (the root is no one's child). */
  private readonly first = new Int32Array(0x10000);
  /**
   * A filter of the entries' first two code units: bit pairHash(a, b) is set for every root child a
   * (not a surrogate) with a child b (a BMP code unit). A clear bit means no entry continues a with b,
   * and matchIn() stops without searching the node's children (most characters that start an entry
   * are not continued by the next one).
   */
  private readonly pairs = new Int32Array(PAIR_BITS >>> 5);
  /** The node of the last successful match (its value: vals[valStart[hit]..valEnd[hit])). */
  hit = 0;

  constructor(t: FlatTrie) {
    this.key = t.key;
    this.childStart = t.childStart;
    this.valStart = t.valStart;
    this.valEnd = t.valEnd;
    this.vals = t.vals;
    const { key, childStart, valStart, valEnd, vals, plain, kind, unit, first, pairs } = this;
    // no entry starts there: plain, except high surrogates and IDS operators (unmatchedLengthIn() may take more than one code unit)
    plain.fill(1);
    plain.fill(0, 0xd800, 0xdc00);
    plain.fill(0, 0x2ff0, 0x3000);
    kind.fill(2, 0xd800, 0xdc00);
    kind.fill(2, 0x2ff0, 0x3000);
    // the root's children: nodes 1 .. childStart[1] - 1, in ascending order of their code points
    const roots = childStart[1];
    let from = childStart[1]; // childStart[c]
    for (let c = 1; c < roots; c++) {
      const cu = key[c];
      const to = childStart[c + 1];
      if (cu > 0xffff) break;
      plain[cu] = 0;
      if (cu >= 0xd800 && cu <= 0xdfff) {
        kind[cu] = 2;
        from = to;
        continue;
      }
      first[cu] = c;
      const v = valStart[c];
      if (from === to && v >= 0) {
        // one character, nothing longer starts with it: match() would consume exactly this code unit
        if (valEnd[c] - v !== 1) kind[cu] = 1;
        else if (vals[v] === cu) kind[cu] = 0;
        else {
          kind[cu] = 3;
          unit[cu] = vals[v];
        }
      } else kind[cu] = 2;
      for (let d = from; d < to; d++) {
        const b = key[d];
        if (b > 0xffff) break;
        const h = (Math.imul(cu, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 12; // pairHash(cu, b)
        pairs[h >>> 5] |= 1 << (h & 31);
      }
      from = to;
    }
  }

  /** The child of `node` on code point x (its children's keys are in ascending order); 0: none. */
  child(node: number, x: number): number {
    const key = this.key;
    let lo = this.childStart[node];
    let hi = this.childStart[node + 1];
    while (hi - lo > 8) {
      const mid = (lo + hi) >>> 1;
      const k = key[mid];
      if (k === x) return mid;
      if (k < x) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < hi; lo++) {
      const k = key[lo];
      if (k === x) return lo;
      if (k > x) return 0;
    }
    return 0;
  }

  /**
   * Trie.matchPrefix over the code units a[i..end), as if they were the string (a pair cut by `end` is
   * two lone surrogates): the end of the longest entry starting at i (0: none); its node in this.hit.
   */
  matchIn(a: Uint16Array, i: number, end: number): number {
    const valStart = this.valStart;
    let node = 0;
    let stop = 0;
    let best = 0;
    let j = i;
    const cu = a[i];
    if (cu < 0xd800 || cu > 0xdfff) {
      const next = this.first[cu];
      if (next === 0) return 0;
      node = next;
      j = i + 1;
      if (valStart[node] >= 0) {
        stop = j;
        best = node;
      }
      // the second code unit: a BMP character (not a high surrogate) that the filter rules out ends the match here
      if (j < end) {
        const b = a[j];
        if (b < 0xd800 || b > 0xdbff) {
          const h = pairHash(cu, b);
          if ((this.pairs[h >>> 5] & (1 << (h & 31))) === 0) {
            if (stop > 0) this.hit = best;
            return stop;
          }
        }
      }
    }
    while (j < end) {
      const x = codePointIn(a, j, end);
      j += x > 0xffff ? 2 : 1;
      const next = this.child(node, x);
      if (next === 0) break;
      node = next;
      if (valStart[node] >= 0) {
        stop = j;
        best = node;
      }
    }
    if (stop > 0) this.hit = best;
    return stop;
  }

  /** convert() of the code units a[from..to), written at the end of `out`. */
  convertInto(a: Uint16Array, from: number, to: number, out: Units): void {
    const kind = this.kind;
    const vals = this.vals;
    const unit = this.unit;
    let buf = out.reserve(to - from);
    let o = out.length;
    for (let i = from; i < to; ) {
      const cu = a[i];
      const k = kind[cu];
      if (k === 0) {
        buf[o++] = cu;
        i++;
        continue;
      }
      if (k === 3) {
        buf[o++] = unit[cu];
        i++;
        continue;
      }
      const end = k === 1 ? i + 1 : this.matchIn(a, i, to);
      if (end > 0) {
        const node = k === 1 ? this.first[cu] : this.hit;
        const v0 = this.valStart[node];
        const v1 = this.valEnd[node];
        if (o + (v1 - v0) + (to - i) > buf.length) {
          out.length = o;
          buf = out.reserve(v1 - v0 + (to - i));
        }
        for (let x = v0; x < v1; x++) buf[o++] = vals[x];
        i = end;
      } else {
        const len = unmatchedLengthIn(a, i, to);
        for (let x = 0; x < len; x++) buf[o++] = a[i + x];
        i += len;
      }
    }
    out.length = o;
  }

  /**
   * segmentMap() of the code units a[0..n) (the code units of `s`), each segment's result written at
   * the end of `out`: `each` for the text between matches, `matched` for a match (given as a string).
   */
  segmentInto(a: Uint16Array, n: number, s: string, out: Units, each: (a: Uint16Array, from: number, to: number, out: Units) => void, matched: (segment: string) => string): void {
    const plain = this.plain;
    let last = 0;
    for (let i = 0; i < n; ) {
      if (plain[a[i]] === 1) {
        i++;
        continue;
      }
      const end = this.matchIn(a, i, n);
      if (end > 0) {
        if (last < i) each(a, last, i, out);
        out.append(matched(s.slice(i, end)));
        i = last = end;
      } else i += unmatchedLengthIn(a, i, n);
    }
    if (last < n) each(a, last, n, out);
  }

  /**
   * Trie.convert of a string: a phrase segment (each converted once, then cached) or the rare text
   * the normalization pass must read. The code-unit walk of convertInto, through buffers of its own.
   */
  convert(s: string): string {
    stringIn.setTo(s);
    stringOut.length = 0;
    this.convertInto(stringIn.buf, 0, s.length, stringOut);
    const out = text(stringOut.buf, stringOut.length);
    stringIn.clear();
    stringOut.clear();
    return out;
  }

  /** Trie.segment, with each segment handed to `each` as a string and the results joined (the former form of the converter, kept for the tests). */
  segmentMap(s: string, each: (segment: string) => string, matched: (segment: string) => string): string {
    const source = new Units(s.length);
    source.setTo(s);
    const out = new Units(s.length);
    this.segmentInto(source.buf, s.length, s, out, (_, from, to, o) => o.append(each(s.slice(from, to))), matched);
    return text(out.buf, out.length);
  }


}

/**
 * The source of a regular expression matching any code unit that the pass of trie `t` does not copy
 * as it is (kind ≠ 0): a text without one is returned unchanged, and a character-class scan finds
 * that out faster than the loop. Stored with the tables (the normalization pass's), made here.
 */
export function triggerSource(t: FlatTrie): string {
  const kind = new Pass(t).kind;
  let cls = '';
  for (let a = 0; a < 0x10000; a++) {
    if (kind[a] === 0) continue;
    let b = a;
    while (b + 1 < 0x10000 && kind[b + 1] !== 0) b++;
    const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
    cls += a === b ? hex(a) : `${hex(a)}-${hex(b)}`;
    a = b;
  }
  return cls ? `[${cls}]` : '[^\\s\\S]';
}

/** A Units buffer grown past this many code units is not kept for the next text. */
const KEEP_MAX = 1 << 20;
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
/** Uint16Array holds code units little-endian on this machine (what the UTF-16LE decoder reads). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/**
 * The string of buf[0..n). TextDecoder copies the code units as they are unless one is a surrogate
 * (it would replace a lone one with U+FFFD): with any surrogate, String.fromCharCode, which keeps them.
 */
function text(buf: Uint16Array, n: number): string {
  let surrogates = !LITTLE_ENDIAN;
  for (let i = 0; !surrogates && i < n; i++) {
    if ((buf[i] & 0xf800) === 0xd800) {
      surrogates = true;
      break;
    }
  }
  if (!surrogates) return UTF16.decode(new Uint8Array(buf.buffer, buf.byteOffset, n * 2));
  const CHUNK = 8192;
  const parts: string[] = [];
  for (let a = 0; a < n; a += CHUNK) parts.push(String.fromCharCode.apply(null, buf.subarray(a, Math.min(n, a + CHUNK)) as unknown as number[]));
  return parts.join('');
}

const PAIR_BITS = 1 << 20;
/** Bit index of the code-unit pair (a, b) in a Pass's pair filter. */
function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 12;
}

/** A growable run of UTF-16 code units (reused between texts: a large one is not kept). */
class Units {
  buf: Uint16Array;
  length = 0;
  constructor(private readonly initial: number) {
    this.buf = new Uint16Array(initial);
  }
  /** The buffer, with room for `more` code units after the first `length`. */
  reserve(more: number): Uint16Array {
    const need = this.length + more;
    if (need > this.buf.length) {
      const bigger = new Uint16Array(Math.max(need, this.buf.length * 2));
      bigger.set(this.buf.subarray(0, this.length));
      this.buf = bigger;
    }
    return this.buf;
  }
  append(v: string): void {
    const buf = this.reserve(v.length);
    let o = this.length;
    for (let x = 0; x < v.length; x++) buf[o++] = v.charCodeAt(x);
    this.length = o;
  }
  /** Empty, and back to its first size when it grew past KEEP_MAX. */
  clear(): void {
    this.length = 0;
    if (this.buf.length > KEEP_MAX) this.buf = new Uint16Array(this.initial);
  }
  /** Set to the code units of `s`. */
  setTo(s: string): void {
    this.length = 0;
    const buf = this.reserve(s.length);
    for (let i = 0; i < s.length; i++) buf[i] = s.charCodeAt(i);
    this.length = s.length;
  }
}
/** The buffers of Pass.convert (a string in, a string out). */
const stringIn = new Units(1 << 12);
const stringOut = new Units(1 << 12);

/** s.codePointAt(j) of the string a[..end) (j < end). */
function codePointIn(a: Uint16Array, j: number, end: number): number {
  const c = a[j];
  if (c >= 0xd800 && c <= 0xdbff && j + 1 < end) {
    const d = a[j + 1];
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}
function idsEndIn(a: Uint16Array, i: number, end: number): number {
  const arity = idsArity(codePointIn(a, i, end));
  if (arity === 0) return 0;
  let e = i + (codePointIn(a, i, end) > 0xffff ? 2 : 1);
  for (let k = 0; k < arity; k++) {
    if (e >= end) return 0;
    const child = idsEndIn(a, e, end);
    e = child || e + (codePointIn(a, e, end) > 0xffff ? 2 : 1);
  }
  return e;
}
/**
 * opencc-js's getUnmatchedLength of the string a[..end) at i: an ideographic description sequence
 * (⿰氵夌) is skipped whole, else one code point.
 */
function unmatchedLengthIn(a: Uint16Array, i: number, end: number): number {
  const e = idsEndIn(a, i, end);
  return e > i ? e - i : codePointIn(a, i, end) > 0xffff ? 2 : 1;
}

function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

/** Traditional and simplified text, phrases and variants included, to check the fast converter against opencc-js. */
export const SAMPLE =
  '關於印發《臺灣地區發展規劃（2018—2022年）》的通知：乾燥天氣裡著名的後臺系統與乾隆年間的頭髮、鬱鬱蔥蔥、' +
  '週末覆蓋並瞭解情況，於是面對複雜問題，採取積極措施；裏外、著重、乾淨、幹部、製造、託管、衝突、甚麼、' +
  '⿰氵夌 𠮷野家 豈 兀 鍾 鐘 麵 麪 遊 游 嚮 向 隻 只 發 髮 台 臺 颱 於 于 著 着 系 係 繫 後 后 里 裡 裏';
/**
 * Traditional text run once through a converter made from stored tables, before the first real text:
 * V8 optimizes the loops of segmentInto/convertInto/setTo while they run through that first text (on
 * stack), and code not yet run then (after a loop, a phrase not yet cached) would have no type
 * feedback: the optimized code would be thrown away when it is reached. Phrases, characters of one
 * entry, characters that start longer entries; thirteen phrases of TSPhrases (the segmentation), as a
 * function gathers feedback only after its first few calls. No IDS or astral character: those would
 * build the normalization pass.
 */
const WARM_UP = '關於印發的通知：乾燥天氣裡著名的後臺系統，有序推進，批覆、答覆、回覆、函覆、反覆思量、一目瞭然、不瞭解、乾坤、哪吒、傢俱、乾安縣、乾隆年間的頭髮。';

/** The converter of `tables` (tw2s: normalization, segmentation, then two passes per segment), and its string-by-string form. */
export function converterFrom(tables: T2sTables): { convert: Convert; strings: Convert } {
  // the normalization pass (CJK compatibility ideographs) changes almost no text: made when a text needs it
  let normalization: Pass | undefined;
  const normalize = (s: string): string => (normalization ??= new Pass(tables.normalization)).convert(s);
  const segmentation = new Pass(tables.segmentation);
  const first = new Pass(tables.first);
  const second = new Pass(tables.second);
  const chain = (segment: string): string => second.convert(first.convert(segment));
  // a phrase segment is one of a few thousand dictionary entries: convert each once
  const phrases = new Map<string, string>();
  const phrase = (segment: string): string => {
    let r = phrases.get(segment);
    if (r === undefined) phrases.set(segment, (r = chain(segment)));
    return r;
  };
  // and a text is tested first
  const mayNormalize = new RegExp(tables.trigger);
  // the text, each segment's first pass and the result as code units in buffers reused from text
  // to text: one string made at the end (not two per segment). Each as large as most texts: growing
  // one is a path the optimized loops have rarely seen (its code is thrown away when it is taken).
  const source = new Units(1 << 16);
  const between = new Units(1 << 16);
  const result = new Units(1 << 16);
  const each = (a: Uint16Array, from: number, to: number, out: Units): void => {
    between.length = 0;
    first.convertInto(a, from, to, between);
    second.convertInto(between.buf, 0, between.length, out);
  };
  const convert: Convert = (input) => {
    const s = mayNormalize.test(input) ? normalize(input) : input;
    source.setTo(s);
    result.length = 0;
    segmentation.segmentInto(source.buf, s.length, s, result, each, phrase);
    const out = text(result.buf, result.length);
    source.clear();
    between.clear();
    result.clear();
    return out;
  };
  const strings: Convert = (s) => segmentation.segmentMap(mayNormalize.test(s) ? normalize(s) : s, chain, phrase);
  return { convert, strings };
}

// Characters that exist only in traditional script and are frequent in government text. A
// simplified document contains none of them; a traditional one is full of them.
const TRADITIONAL_ONLY =
  '們會個來對國發為說時過還與業動學實應關經東門長開問無見機權點間計劃廣務員當體現進區縣鄉鎮單黨織辦設規標準' +
  '這從產種當兩體統點條溝屬雙級導們層屬將專構擔擬據環節決議辦總書記場興嚴優質數據執導財處劃參審報職責權';

// One table read and one add per code unit, both counts in one integer: a CJK unified ideograph
// (U+4E00–U+9FFF) adds 1, a traditional-only one 1 + TRAD. The counting loop returns that integer
// as it is: the loop is compiled on-stack while it runs the first time, before any code after it has
// run, and an operation after it (the former `cjk === 0 ? …` and `trad / cjk`) then had no type
// feedback, so every call re-entered the loop's compiled code and de-optimised on leaving it.
const TRAD = 1 << 14; // > 8,000: the CJK count never carries into the traditional count
const TALLY = new Uint16Array(0x10000);
TALLY.fill(1, 0x4e00, 0x9fff + 1);
for (const ch of TRADITIONAL_ONLY) {
  const c = ch.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) TALLY[c] = 1 + TRAD;
}

function tally(text: string, n: number): number {
  let acc = 0;
  for (let i = 0; i < n; i++) acc += TALLY[text.charCodeAt(i)];
  return acc;
}

/** Share of CJK characters that are traditional-only, sampled over at most the first 8,000 characters (thousands of CJK characters decide it). */
export function traditionalShare(text: string): number {
  const acc = tally(text, Math.min(text.length, 8000));
  const cjk = acc % TRAD;
  const trad = (acc - cjk) / TRAD;
  return cjk === 0 ? 0 : trad / cjk;
}

/** Traditional text has ~10% of such characters; 1% already rules out a simplified document with a few quotes. */
export function isTraditional(text: string): boolean {
  return traditionalShare(text) > 0.01;
}

export function toSimplified(text: string): string {
  return t2s()(text);
}
