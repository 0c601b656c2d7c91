// The tries of opencc-js's tw→cn conversion (config tw2s) as flat typed arrays, made once at build time
// (t2s-prebuild.ts) and stored in dist/normalize/t2s-tw2s.bin, so that the first traditional notice of
// a process (or of an export worker) reads one small file instead of requiring opencc-js, splitting
// its dictionaries into Maps of Maps (twice: its own Converter and ours) and walking 65,536 code units
// per pass. The same builder makes them at run time when the file is missing, damaged, or made by
// another format or another opencc-js (see t2s.ts): the result is the same either way.
//
// A trie is numbered breadth-first from its root (node 0), each node's children in ascending key
// order, so the children of node n are the nodes childStart[n] .. childStart[n + 1] - 1:
// - key[c]: the code point on the edge into node c (key[0] unused);
// - childStart: n + 1 entries (the last one is the node count);
// - valStart[c] .. valEnd[c]: node c's value (trie_val) in `vals`, UTF-16 code units; valStart -1: none.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as OpenCCModule from 'opencc-js/t2cn';

export type OpenCC = typeof OpenCCModule;

export interface FlatTrie {
  key: Int32Array;
  childStart: Int32Array;
  valStart: Int32Array;
  valEnd: Int32Array;
  vals: Uint16Array;
}

/** The four passes of tw2s, and the trigger of the normalization pass (see Pass.trigger in t2s.ts). */
export interface T2sTables {
  normalization: FlatTrie;
  segmentation: FlatTrie;
  first: FlatTrie;
  second: FlatTrie;
  /** The source of a regular expression matching any code unit the normalization pass does not copy as it is. */
  trigger: string;
}

/** Bumped whenever the stored layout or what the builder puts in it changes. */
export const T2S_FORMAT = 1;
const MAGIC = 'plancmp-t2s';
const PASSES = ['normalization', 'segmentation', 'first', 'second'] as const;

/** The opencc-js module (its CommonJS build: synchronous). */
export function requireOpenCC(): OpenCC {
  return createRequire(import.meta.url)('opencc-js/t2cn') as OpenCC;
}

/**
 * The version of the opencc-js that requireOpenCC() loads (undefined if it cannot be read): its
 * package.json in the nearest node_modules above this module, where require looks first (cheaper than
 * require.resolve, which the rare other cases — NODE_PATH, global folders — still go through).
 */
export function openccVersion(): string | undefined {
  try {
    for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; ) {
      const file = path.join(dir, 'node_modules', 'opencc-js', 'package.json');
      if (path.basename(dir) !== 'node_modules' && existsSync(file)) return versionIn(readFileSync(file, 'utf8'));
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    // its exports map has no ./package.json: it is two levels above its CommonJS build
    const main = createRequire(import.meta.url).resolve('opencc-js/t2cn');
    return versionIn(readFileSync(path.join(path.dirname(main), '..', '..', 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function versionIn(packageJson: string): string | undefined {
  const pkg = JSON.parse(packageJson) as { name?: unknown; version?: unknown };
  return pkg.name === 'opencc-js' && typeof pkg.version === 'string' ? pkg.version : undefined;
}

interface TrieNode extends Map<number, TrieNode> {
  trie_val?: string;
}

/** opencc-js's trie (a Map of Maps) as a FlatTrie. */
function flatten(root: TrieNode): FlatTrie {
  const nodes: TrieNode[] = [root];
  const keys: number[] = [0];
  const childStart: number[] = [];
  for (let n = 0; n < nodes.length; n++) {
    childStart.push(nodes.length);
    const entries: [number, TrieNode][] = [];
    for (const e of nodes[n]) entries.push(e);
    entries.sort((a, b) => a[0] - b[0]);
    for (const [k, child] of entries) {
      nodes.push(child);
      keys.push(k);
    }
  }
  childStart.push(nodes.length);
  const valStart = new Int32Array(nodes.length).fill(-1);
  const valEnd = new Int32Array(nodes.length).fill(-1);
  const units: number[] = [];
  for (let n = 0; n < nodes.length; n++) {
    const v = nodes[n].trie_val;
    if (v === undefined) continue;
    valStart[n] = units.length;
    for (let i = 0; i < v.length; i++) units.push(v.charCodeAt(i));
    valEnd[n] = units.length;
  }
  return { key: Int32Array.from(keys), childStart: Int32Array.from(childStart), valStart, valEnd, vals: Uint16Array.from(units) };
}

/**
 * The tables of opencc-js's Converter({ from: 'tw', to: 'cn' }) (config tw2s), its tries loaded by its
 * own Trie class (its dictionaries and their precedence); undefined if its config is not the shape this
 * code knows. `trigger` computes the normalization pass's trigger from its trie (see t2s.ts).
 */
export function buildT2sTables(OpenCC: OpenCC, trigger: (t: FlatTrie) => string): T2sTables | undefined {
  const config = OpenCC.Locale.configs.tw2s as unknown as { normalizationChain: unknown[][]; segmentation: unknown[] | string; conversionChain: unknown[][] };
  if (!config || config.normalizationChain?.length !== 1 || config.conversionChain?.length !== 2 || !config.segmentation) return undefined;
  const trie = (group: unknown[]): FlatTrie => {
    const t = new OpenCC.Trie() as unknown as { map: TrieNode; loadDictGroup(g: unknown[]): void };
    t.loadDictGroup(group);
    if (!(t.map instanceof Map)) throw new Error('opencc-js Trie has no map');
    return flatten(t.map);
  };
  const normalization = trie(config.normalizationChain[0]);
  // ConverterFactoryWithSegmentation: a list of dictionaries is a group, anything else one dictionary
  const seg = config.segmentation;
  const segmentation = trie(Array.isArray(seg) && seg.every((d) => typeof d === 'string') ? seg : [seg]);
  const first = trie(config.conversionChain[0]);
  const second = trie(config.conversionChain[1]);
  return { normalization, segmentation, first, second, trigger: trigger(normalization) };
}

// ---------- the stored file ----------
// One line of ASCII JSON (the header), then, from the next multiple of 4, each pass in turn: key,
// childStart, valStart, valEnd (Int32, the machine's byte order, named in the header), vals (Uint16,
// padded to a multiple of 4 bytes). The header holds the format, the opencc-js version, the byte
// order, each pass's node and value counts and the trigger. The file is written whole by the build
// (renamed into place) and is no more checked than the compiled code beside it: no checksum (hashing
// its 160 KB would cost a few ms in a cold process); but a file that is not what the header and its
// length say, or whose numbers are out of bounds (the matcher could not run on them) is rebuilt.

interface Header {
  magic: string;
  format: number;
  opencc: string;
  endian: 'le' | 'be';
  sizes: [number, number][];
  trigger: string;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const align4 = (n: number) => (n + 3) & ~3;

/** Bytes of one pass in the body. */
function passBytes(nodes: number, units: number): number {
  return 4 * (4 * nodes + 1) + align4(2 * units);
}

/** The stored form of `tables`, made from opencc-js `version`. */
export function encodeT2sTables(tables: T2sTables, version: string): Uint8Array {
  const tries = PASSES.map((p) => tables[p]);
  const bodySize = tries.reduce((n, t) => n + passBytes(t.key.length, t.vals.length), 0);
  const body = new Uint8Array(bodySize);
  let at = 0;
  for (const t of tries) {
    for (const a of [t.key, t.childStart, t.valStart, t.valEnd]) {
      body.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
      at += a.byteLength;
    }
    body.set(new Uint8Array(t.vals.buffer, t.vals.byteOffset, t.vals.byteLength), at);
    at += align4(t.vals.byteLength);
  }
  const header: Header = {
    magic: MAGIC,
    format: T2S_FORMAT,
    opencc: version,
    endian: LITTLE_ENDIAN ? 'le' : 'be',
    sizes: tries.map((t) => [t.key.length, t.vals.length]),
    trigger: tables.trigger,
  };
  const line = `${JSON.stringify(header).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
  const start = align4(line.length);
  const out = new Uint8Array(start + bodySize);
  for (let i = 0; i < line.length; i++) out[i] = line.charCodeAt(i);
  for (let i = line.length; i < start; i++) out[i] = 0x20;
  out.set(body, start);
  return out;
}

/**
 * The tables stored in `bytes`, if they were stored in this format, from opencc-js `version`, in this
 * machine's byte order, whole (the length the header says) and in bounds; undefined otherwise (never throws).
 */
export function decodeT2sTables(bytes: Uint8Array, version: string | undefined): T2sTables | undefined {
  try {
    if (version === undefined) return undefined;
    const nl = bytes.indexOf(10);
    if (nl < 0 || nl > 1 << 16) return undefined;
    const h = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, nl).toString('latin1')) as Partial<Header>;
    if (h.magic !== MAGIC || h.format !== T2S_FORMAT || h.opencc !== version || h.endian !== (LITTLE_ENDIAN ? 'le' : 'be')) return undefined;
    const sizes = h.sizes;
    if (!Array.isArray(sizes) || sizes.length !== PASSES.length || typeof h.trigger !== 'string') return undefined;
    if (!sizes.every((s) => Array.isArray(s) && s.length === 2 && s.every((x) => Number.isInteger(x) && x >= 0) && s[0] >= 1)) return undefined;
    const start = align4(nl + 1);
    const bodySize = sizes.reduce((n, [nodes, units]) => n + passBytes(nodes, units), 0);
    if (bytes.length !== start + bodySize) return undefined;
    // typed views need the body 4-byte aligned in its buffer: copy it when it is not
    const aligned = (bytes.byteOffset + start) % 4 === 0;
    const body = aligned ? bytes : bytes.slice(start);
    let at = aligned ? bytes.byteOffset + start : 0;
    const int32 = (n: number) => {
      const a = new Int32Array(body.buffer, at, n);
      at += 4 * n;
      return a;
    };
    const tries = sizes.map(([nodes, units]): FlatTrie => {
      const t = { key: int32(nodes), childStart: int32(nodes + 1), valStart: int32(nodes), valEnd: int32(nodes), vals: new Uint16Array(body.buffer, at, units) };
      at += align4(2 * units);
      return t;
    });
    for (const t of tries) if (!inBounds(t)) return undefined;
    return { normalization: tries[0], segmentation: tries[1], first: tries[2], second: tries[3], trigger: h.trigger };
  } catch {
    return undefined;
  }
}

/**
 * What the matcher needs to read only what is there and to stop: child ranges in order (so within the
 * nodes) and values within `vals` (a value is read only at a node whose valStart is not negative).
 * Checked by native sorts and a byte comparison: a loop over the nodes would run uncompiled (~0.5 ms).
 */
function inBounds(t: FlatTrie): boolean {
  const n = t.key.length;
  const cs = t.childStart;
  if (cs[0] !== 1 || cs[n] !== n) return false;
  const sorted = cs.slice().sort();
  if (!Buffer.from(sorted.buffer).equals(Buffer.from(cs.buffer, cs.byteOffset, cs.byteLength))) return false;
  return t.valEnd.slice().sort()[n - 1] <= t.vals.length;
}
