// Traditional → simplified, only for text that is traditional: converting text that is already
// simplified corrupts some names (乾安县 → 干安县), so we measure first.
import { createRequire } from 'node:module';
import type * as OpenCCModule from 'opencc-js/t2cn';

type Convert = (s: string) => string;
type OpenCC = typeof OpenCCModule;
let converter: Convert | undefined;
let converters: { fast?: Convert; reference: Convert; strings?: Convert } | undefined;
/** The fast runner as it was before its buffers (each segment converted as a string), kept for tests. */
let stringConverter: Convert | undefined;

/**
 * The converters, for tests: the fast one (undefined if it failed its check), opencc-js's own, and the
 * fast runner's former string-by-string form.
 */
export function t2sConverters(): { fast?: Convert; reference: Convert } {
  t2s();
  return converters!;
}

/**
 * Loaded and built on first use (its CommonJS build, synchronously): the dictionaries cost
 * milliseconds that a simplified notice — most of them — should not pay.
 */
function t2s(): Convert {
  if (!converter) {
    const OpenCC = createRequire(import.meta.url)('opencc-js/t2cn') as OpenCC;
    const reference = OpenCC.Converter({ from: 'tw', to: 'cn' }) as Convert;
    const fast = fastConverter(OpenCC, reference);
    converters = { fast, reference, strings: stringConverter };
    converter = fast ?? reference;
  }
  return converter;
}

// ---------- opencc-js tw→cn, the same dictionaries and steps, faster ----------
// opencc-js's Converter({ from: 'tw', to: 'cn' }) is its config tw2s: a normalization pass (CJK
// compatibility ideographs), then the text is cut into segments by longest match of TSPhrases, and
// each segment goes through two passes (TWVariantsRevPhrases + TWVariantsRev, then TSPhrases +
// TSCharacters), each a left-to-right longest match in a trie. Its matcher looks every character up
// in the trie's root Map and allocates a result object per position. We load the very same tries
// with opencc-js's own Trie class (so the dictionaries and their precedence are its own) and run the
// same algorithm, skipping with one table read each character that starts no entry — most of a
// text. The result is checked against opencc-js's own converter on a sample before it is used.

interface TrieNode extends Map<number, TrieNode> {
  trie_val?: string;
}

/** One opencc-js Trie pass: the same matchPrefix/convert/segment, with a table of characters to skip. */
class Pass {
  /** 1 where a code unit starts no entry and is a whole unmatched character (not a high surrogate, not an IDS operator). */
  private readonly plain = new Uint8Array(0x10000);
  /**
   * For convert(): 0 where the code unit is copied as it is (plain, or an entry of one character
   * that maps to itself and starts no longer one), 1 where it is such an entry with another value
   * (in `single`), 2 where the trie must be walked. (segmentMap() cannot skip entries: a match cuts
   * the text into segments.)
   */
  private readonly kind = new Uint8Array(0x10000);
  // filled up front: a sparse array assigned at code units would be a slow dictionary
  private readonly single: string[] = new Array<string>(0x10000).fill('');
  /** The root's child for each BMP code unit that is not a surrogate (the first step of match()). */
  private readonly first: (TrieNode | undefined)[] = new Array(0x10000).fill(undefined);
  /**
   * A filter of the entries' first two code units: bit pairHash(a, b) is set for every root child a
   * (not a surrogate) with a child b (a BMP code unit). A clear bit means no entry continues a with b,
   * and matchIn() stops without asking the node's Map (most characters that start an entry are not
   * continued by the next one).
   */
  private readonly pairs = new Int32Array(PAIR_BITS >>> 5);
  /** The value of the last successful match(). */
  value = '';

  constructor(private readonly root: TrieNode) {
    for (const [a, node] of root) {
      if (a > 0xffff || (a >= 0xd800 && a <= 0xdfff)) continue;
      for (const b of node.keys()) {
        if (b > 0xffff) continue;
        const h = pairHash(a, b);
        this.pairs[h >>> 5] |= 1 << (h & 31);
      }
    }
    for (let cu = 0; cu < 0x10000; cu++) {
      const surrogate = cu >= 0xd800 && cu <= 0xdfff;
      const ids = cu >= 0x2ff0 && cu <= 0x2fff;
      const node = root.get(cu);
      if (!surrogate) this.first[cu] = node;
      if (!(cu <= 0xdbff && surrogate) && !ids && node === undefined) this.plain[cu] = 1;
      if (node === undefined) this.kind[cu] = this.plain[cu] ? 0 : 2;
      else if (!surrogate && node.size === 0 && node.trie_val !== undefined) {
        // one character, nothing longer starts with it: match() would consume exactly this code unit
        this.kind[cu] = node.trie_val === String.fromCharCode(cu) ? 0 : 1;
        this.single[cu] = node.trie_val;
      } else this.kind[cu] = 2;
    }
  }

  /** Trie.matchPrefix: the end of the longest entry starting at i (0: none); its value in this.value. */
  match(s: string, i: number): number {
    const n = s.length;
    let node = this.root;
    let end = 0;
    let value: string | undefined;
    let j = i;
    const cu = s.charCodeAt(i);
    if (cu < 0xd800 || cu > 0xdfff) {
      // not a surrogate: codePointAt(i) is this code unit, and its node is in the table
      const next = this.first[cu];
      if (next === undefined) return 0;
      node = next;
      j = i + 1;
      const v = node.trie_val;
      if (v !== undefined) {
        end = j;
        value = v;
      }
    }
    for (; j < n; ) {
      const x = s.codePointAt(j)!;
      j += x > 0xffff ? 2 : 1;
      const next = node.get(x);
      if (next === undefined) break;
      node = next;
      const v = node.trie_val;
      if (v !== undefined) {
        end = j;
        value = v;
      }
    }
    if (end > 0) this.value = value!;
    return end;
  }

  /** match() over the code units a[i..end), as if they were the string (a pair cut by `end` is two lone surrogates). */
  matchIn(a: Uint16Array, i: number, end: number): number {
    let node = this.root;
    let stop = 0;
    let value: string | undefined;
    let j = i;
    const cu = a[i];
    if (cu < 0xd800 || cu > 0xdfff) {
      const next = this.first[cu];
      if (next === undefined) return 0;
      node = next;
      j = i + 1;
      const v = node.trie_val;
      if (v !== undefined) {
        stop = j;
        value = v;
      }
      // the second code unit: a BMP character (not a high surrogate) that the filter rules out ends the match here
      if (j < end) {
        const b = a[j];
        if (b < 0xd800 || b > 0xdbff) {
          const h = pairHash(cu, b);
          if ((this.pairs[h >>> 5] & (1 << (h & 31))) === 0) {
            if (stop > 0) this.value = value!;
            return stop;
          }
        }
      }
    }
    while (j < end) {
      const x = codePointIn(a, j, end);
      j += x > 0xffff ? 2 : 1;
      const next = node.get(x);
      if (next === undefined) break;
      node = next;
      const v = node.trie_val;
      if (v !== undefined) {
        stop = j;
        value = v;
      }
    }
    if (stop > 0) this.value = value!;
    return stop;
  }

  /** convert() of the code units a[from..to), written at the end of `out`. */
  convertInto(a: Uint16Array, from: number, to: number, out: Units): void {
    const kind = this.kind;
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
      const end = k === 1 ? i + 1 : this.matchIn(a, i, to);
      if (end > 0) {
        const v = k === 1 ? this.single[cu] : this.value;
        if (o + v.length + (to - i) > buf.length) {
          out.length = o;
          buf = out.reserve(v.length + (to - i));
        }
        for (let x = 0; x < v.length; x++) buf[o++] = v.charCodeAt(x);
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
   * A regular expression matching any code unit that convert() does not copy as it is: a text
   * without one is returned unchanged, and a character-class scan finds that out faster than the loop.
   */
  trigger(): RegExp {
    let cls = '';
    for (let a = 0; a < 0x10000; a++) {
      if (this.kind[a] === 0) continue;
      let b = a;
      while (b + 1 < 0x10000 && this.kind[b + 1] !== 0) b++;
      const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
      cls += a === b ? hex(a) : `${hex(a)}-${hex(b)}`;
      a = b;
    }
    return new RegExp(cls ? `[${cls}]` : '[^\\s\\S]');
  }

  /** Trie.convert; returns the input itself when nothing matches. */
  convert(s: string): string {
    const kind = this.kind;
    const n = s.length;
    let changed = false;
    let buf = buffer(n);
    let o = 0; // code units written to buf
    for (let i = 0; i < n; ) {
      const cu = s.charCodeAt(i);
      const k = kind[cu];
      if (k === 0) {
        buf[o++] = cu;
        i++;
        continue;
      }
      const end = k === 1 ? i + 1 : this.match(s, i);
      if (end > 0) {
        const v = k === 1 ? this.single[cu] : this.value;
        if (o + v.length + (n - i) > buf.length) buf = buffer(o + v.length + (n - i), buf, o);
        for (let x = 0; x < v.length; x++) buf[o++] = v.charCodeAt(x);
        changed = true;
        i = end;
      } else {
        const len = unmatchedLength(s, i);
        for (let x = 0; x < len; x++) buf[o++] = s.charCodeAt(i + x);
        i += len;
      }
    }
    return changed ? text(buf, o) : s;
  }

  /** Trie.segment, with each segment handed to `each` and the results joined. */
  segmentMap(s: string, each: (segment: string) => string, matched: (segment: string) => string): string {
    const plain = this.plain;
    const n = s.length;
    const out: string[] = [];
    let last = 0;
    for (let i = 0; i < n; ) {
      if (plain[s.charCodeAt(i)] === 1) {
        i++;
        continue;
      }
      const end = this.match(s, i);
      if (end > 0) {
        if (last < i) out.push(each(s.slice(last, i)));
        out.push(matched(s.slice(i, end)));
        i = last = end;
      } else i += unmatchedLength(s, i);
    }
    if (last < n) out.push(each(s.slice(last, n)));
    return out.join('');
  }
}

// One output buffer, reused: convert() writes code units into it, then makes one string. (A text
// too large for it gets a buffer of its own, not kept.)
const KEEP_MAX = 1 << 20;
let shared: Uint16Array = new Uint16Array(1 << 16);
/** A buffer of at least `size` code units holding the first `keep` of `current`. */
function buffer(size: number, current: Uint16Array = shared, keep = 0): Uint16Array {
  if (size <= current.length) return current;
  const bigger = new Uint16Array(Math.max(size, current.length * 2));
  bigger.set(current.subarray(0, keep));
  if (bigger.length <= KEEP_MAX) shared = bigger;
  return bigger;
}
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
/** unmatchedLength() of the string a[..end) at i. */
function unmatchedLengthIn(a: Uint16Array, i: number, end: number): number {
  const e = idsEndIn(a, i, end);
  return e > i ? e - i : codePointIn(a, i, end) > 0xffff ? 2 : 1;
}

// opencc-js's getUnmatchedLength: an ideographic description sequence (⿰氵夌) is skipped whole.
function codePointLength(s: string, i: number): number {
  return s.codePointAt(i)! > 0xffff ? 2 : 1;
}
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}
function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i)!);
  if (arity === 0) return 0;
  let end = i + codePointLength(s, i);
  for (let k = 0; k < arity; k++) {
    if (end >= s.length) return 0;
    const child = idsEnd(s, end);
    end = child || end + codePointLength(s, end);
  }
  return end;
}
function unmatchedLength(s: string, i: number): number {
  const end = idsEnd(s, i);
  return end > i ? end - i : codePointLength(s, i);
}

/** Traditional and simplified text, phrases and variants included, to check the fast converter against opencc-js. */
const SAMPLE =
  '關於印發《臺灣地區發展規劃（2018—2022年）》的通知：乾燥天氣裡著名的後臺系統與乾隆年間的頭髮、鬱鬱蔥蔥、' +
  '週末覆蓋並瞭解情況，於是面對複雜問題，採取積極措施；裏外、著重、乾淨、幹部、製造、託管、衝突、甚麼、' +
  '⿰氵夌 𠮷野家 豈 兀 鍾 鐘 麵 麪 遊 游 嚮 向 隻 只 發 髮 台 臺 颱 於 于 著 着 系 係 繫 後 后 里 裡 裏';

function fastConverter(OpenCC: OpenCC, reference: Convert): Convert | undefined {
  stringConverter = undefined;
  try {
    const config = OpenCC.Locale.configs.tw2s as unknown as { normalizationChain: unknown[][]; segmentation: unknown[] | string; conversionChain: unknown[][] };
    if (!config || config.normalizationChain?.length !== 1 || config.conversionChain?.length !== 2 || !config.segmentation) return undefined;
    const trie = (group: unknown[]): Pass => {
      const t = new OpenCC.Trie() as unknown as { map: TrieNode; loadDictGroup(g: unknown[]): void };
      t.loadDictGroup(group);
      if (!(t.map instanceof Map)) throw new Error('opencc-js Trie has no map');
      return new Pass(t.map);
    };
    const normalization = trie(config.normalizationChain[0]);
    // ConverterFactoryWithSegmentation: a list of dictionaries is a group, anything else one dictionary
    const seg = config.segmentation;
    const segmentation = trie(Array.isArray(seg) && seg.every((d) => typeof d === 'string') ? seg : [seg]);
    const [first, second] = config.conversionChain.map(trie);
    const chain = (segment: string): string => second.convert(first.convert(segment));
    // a phrase segment is one of a few thousand dictionary entries: convert each once
    const phrases = new Map<string, string>();
    const phrase = (segment: string): string => {
      let r = phrases.get(segment);
      if (r === undefined) phrases.set(segment, (r = chain(segment)));
      return r;
    };
    // the normalization pass (CJK compatibility ideographs) changes almost no text: test first
    const mayNormalize = normalization.trigger();
    // the text, each segment's first pass and the result as code units in buffers reused from text
    // to text: one string made at the end (not two per segment)
    const source = new Units(1 << 16);
    const between = new Units(1 << 12);
    const result = new Units(1 << 16);
    const each = (a: Uint16Array, from: number, to: number, out: Units): void => {
      between.length = 0;
      first.convertInto(a, from, to, between);
      second.convertInto(between.buf, 0, between.length, out);
    };
    const convert: Convert = (input) => {
      const s = mayNormalize.test(input) ? normalization.convert(input) : input;
      source.setTo(s);
      result.length = 0;
      segmentation.segmentInto(source.buf, s.length, s, result, each, phrase);
      const out = text(result.buf, result.length);
      source.clear();
      between.clear();
      result.clear();
      return out;
    };
    stringConverter = (s) => segmentation.segmentMap(mayNormalize.test(s) ? normalization.convert(s) : s, chain, phrase);
    return convert(SAMPLE) === reference(SAMPLE) ? convert : undefined;
  } catch {
    return undefined;
  }
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
