// Bytes -> text. Chinese notices come as UTF-8, GBK/GB18030 (mainland sites and Windows
// exports) or Big5 (Taiwan/HK); the encoding is rarely declared, so we detect it.
import { isUtf8 } from 'node:buffer';
import { PlancmpError } from '../errors.js';
import { DEFAULT_READ_PARSE_OPTIONS } from '../options.js';
import type { Warning } from '../model.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface Decoded {
  text: string;
  encoding: Encoding;
  warnings: Warning[];
}

// Every GBK-family name decodes as gb18030: Node's 'gbk' label garbles 4-byte sequences.
const ALIASES: Record<string, Encoding | 'utf-16'> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  utf16: 'utf-16',
  'utf-16': 'utf-16',
};

export const ENCODING_NAMES = Object.keys(ALIASES);
/** Encoding detection thresholds (src/options.ts). */
const D = DEFAULT_READ_PARSE_OPTIONS.detection;

const HINT = 'pass --encoding utf-8|gb18030|big5|utf-16le';

/** Canonical encoding for a user-given name, or undefined when unknown. */
export function encodingFromName(name: string): Encoding | 'utf-16' | undefined {
  return ALIASES[name.trim().toLowerCase().replace(/_/g, '-')];
}

// Frequent characters of government documents, simplified and traditional, plus full-width
// punctuation. A correct decoding hits this set far more often than a wrong one, which
// yields rare characters (GB bytes read as Big5 and vice versa).
const COMMON_CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研专' +
    '市省县乡镇务单责服督监推施完善健措规标准领导落划办项目府局委厅' +
    '這們會個來對國發為說時過還與業動學實應關經東門長開問無見機權點間計劃廣務員當體現進區縣鄉鎮單位黨組織辦設規標準據將並從責監導領執點種總' +
    '，。、；：“”（）《》〔〕';
// membership table over the BMP: one array read per character instead of hashing a one-character string
const IS_COMMON = new Uint8Array(0x10000);
for (const ch of COMMON_CHARS) IS_COMMON[ch.charCodeAt(0)] = 1;

const FFFD = 0xfffd;

/**
 * Of a text's CJK characters and punctuation (other scripts, e.g. Uyghur or Tibetan, are not
 * counted), how many there are and what share are common Chinese characters or punctuation.
 */
export function commonShare(text: string): { cjk: number; share: number } {
  let cjk = 0;
  let common = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c > 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef))) continue;
    cjk++;
    common += IS_COMMON[c];
  }
  return { cjk, share: cjk ? common / cjk : 0 };
}

interface Score {
  encoding: Encoding;
  text: string;
  replacements: number;
  /** Share of non-ASCII characters that are common Chinese characters or punctuation. */
  common: number;
}

/**
 * Decodes `bytes` as `encoding` and measures how Chinese it reads. With `rejectAbove`, a candidate
 * whose replacement characters pass that share of the text is ruled out: the scan stops there and
 * the result (common 0, replacements over the share) only serves to be filtered away. With `beat`,
 * a candidate that can no longer read better than that share stops early too (common -1): even if
 * every character left were common, it would not beat the candidate before it.
 */
function score(bytes: Uint8Array, encoding: Encoding, rejectAbove?: number, beat = -1, decoded?: string): Score {
  if (encoding === 'utf-8' && rejectAbove !== undefined) {
    // decoding a legacy file as UTF-8 is slow (a replacement every few bytes) and only to rule it
    // out: count first, and decode only when it would pass. The text has at most one code unit per
    // byte, so more U+FFFD than bytes × share already rule it out.
    const { units, fffd } = utf8Shape(bytes, bytes.length * rejectAbove);
    if (fffd > units * rejectAbove) return { encoding, text: '', replacements: fffd, common: 0 };
  }
  // `decoded`: the caller's decoding of these very bytes as `encoding` (not decoded twice)
  const text = decoded ?? new TextDecoder(encoding).decode(bytes);
  const limit = rejectAbove === undefined ? Infinity : text.length * rejectAbove;
  let replacements = 0;
  let nonAscii = 0;
  let common = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((i & 2047) === 2047 && beat >= 0) {
      // at most common/nonAscii = (common + r) / (nonAscii + r) with r code units left after this one
      const r = text.length - i;
      if ((common + r) / (nonAscii + r) <= beat) return { encoding, text, replacements, common: -1 };
    }
    if (c < 0x80) continue;
    nonAscii++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++; // a surrogate pair is one character, never a common one
    } else if (c === FFFD) {
      if (++replacements > limit) return { encoding, text, replacements, common: 0 };
    } else common += IS_COMMON[c];
  }
  return { encoding, text, replacements, common: nonAscii ? common / nonAscii : 0 };
}

function highBytes(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) n++;
  return n;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function replacementWarning(text: string, encoding: string): Warning[] {
  const n = countReplacements(text);
  if (!n) return [];
  return [
    {
      code: 'replacement-char',
      line: lineOf(text, text.indexOf('\uFFFD')),
      message: `${n} byte sequence(s) are not valid ${encoding} and were replaced with �`,
    },
  ];
}

/** Name of a known binary format from its magic number, or undefined. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF')) return 'PDF';
  if (head.startsWith('\x89PNG')) return 'PNG';
  if (head.startsWith('GIF8')) return 'GIF';
  if (head.startsWith('\xFF\xD8\xFF')) return 'JPEG';
  if (head.startsWith('\xD0\xCF\x11\xE0')) return 'DOC'; // OLE2: .doc/.xls/.wps
  if (head.startsWith('\x1F\x8B')) return 'gzip';
  if (head.startsWith('Rar!')) return 'RAR';
  if (head.startsWith('7z\xBC\xAF')) return '7z';
  if (head.startsWith('{\\rtf')) return 'RTF';
  if (head.startsWith('PK\x03\x04') || head.startsWith('PK\x05\x06')) {
    // Office and OFD documents are ZIP archives; the member names tell them apart.
    const names = Buffer.from(bytes.subarray(0, 65536)).toString('latin1');
    if (names.includes('word/')) return 'DOCX';
    if (names.includes('xl/')) return 'XLSX';
    if (names.includes('OFD.xml')) return 'OFD';
    return 'ZIP';
  }
  return undefined;
}

function binaryError(kind: string, file: string): PlancmpError {
  const hint =
    ['PDF', 'DOC', 'DOCX', 'OFD'].includes(kind)
      ? 'decodeBytes reads text only: read documents with readSource() or readBytes(), as the plancmp commands do'
      : kind === 'RTF'
        ? 'save it as plain text (.txt), a web page (.html) or .docx first'
        : 'give a .txt or .html notice';
  return new PlancmpError('binary', `this is a ${kind} file, not a text or HTML notice`, file, hint);
}

function bomEncoding(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function hasBom(bytes: Uint8Array): boolean {
  return bomEncoding(bytes) !== undefined;
}

/** Whether the bytes are valid UTF-8, i.e. TextDecoder('utf-8', { fatal: true }) would decode them (checked without building the string). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

/**
 * What TextDecoder('utf-8') makes of `bytes` without decoding them: its length in UTF-16 code
 * units and how many U+FFFD it holds (replacements, and any U+FFFD written in the bytes). The
 * WHATWG UTF-8 decoder: one U+FFFD per maximal invalid subpart, a leading BOM dropped. With
 * `stopAbove`, counting stops once more than that many U+FFFD are seen (the counts are then partial).
 */
export function utf8Shape(bytes: Uint8Array, stopAbove = Infinity): { units: number; fffd: number } {
  let units = 0;
  let fffd = 0;
  let needed = 0;
  let seen = 0;
  let cp = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const n = bytes.length;
  let i = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < n) {
    const b = bytes[i];
    if (needed === 0) {
      i++;
      if (b <= 0x7f) units++;
      else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        cp = b & 0xf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        cp = b & 0x7;
      } else {
        units++;
        if (++fffd > stopAbove) break;
      }
      continue;
    }
    if (b < lower || b > upper) {
      // the sequence so far is one U+FFFD; this byte is read again as the start of the next
      needed = seen = cp = 0;
      lower = 0x80;
      upper = 0xbf;
      units++;
      if (++fffd > stopAbove) break;
      continue;
    }
    i++;
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      if (cp > 0xffff) units += 2;
      else {
        units++;
        if (cp === 0xfffd) fffd++;
      }
      needed = seen = cp = 0;
    }
  }
  if (needed !== 0 && i >= n) {
    units++;
    fffd++;
  }
  return { units, fffd };
}

/**
 * UTF-16 without a BOM: ASCII characters (newlines, digits) leave NUL bytes mostly on one
 * side, and the text decodes without control characters (binary data has plenty).
 * Returns the byte order, or undefined.
 */
function utf16Order(bytes: Uint8Array): Encoding | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i & 1 ? odd++ : even++;
  if (even + odd === 0) return undefined;
  for (const order of ['utf-16le', 'utf-16be'] as Encoding[]) {
    // In LE the high byte (odd offset) of ASCII is 0; CJK like 一 (U+4E00) puts a few on the other side.
    const [high, low] = order === 'utf-16le' ? [odd, even] : [even, odd];
    const s = score(sample, order);
    let controls = s.replacements;
    for (let i = 0; i < s.text.length; i++) {
      const c = s.text.charCodeAt(i);
      if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
    }
    if (controls > s.text.length * D.controls) continue;
    if ((high >= 2 && high >= low * 3) || s.common >= D.common) return order;
  }
  return undefined;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function checkEmpty(text: string, file: string): void {
  if (!/\S/.test(text.replace(/\uFEFF/g, ''))) {
    throw new PlancmpError('empty', 'the file is empty', file, 'check that the download or export completed');
  }
}

function decodeForced(bytes: Uint8Array, file: string, forced: string): Decoded {
  const canonical = encodingFromName(forced);
  if (!canonical) {
    throw new PlancmpError(
      'bad-encoding',
      `unknown encoding "${forced}"`,
      file,
      `use one of: ${ENCODING_NAMES.join(', ')}`,
    );
  }
  const bom = bomEncoding(bytes);
  const encoding: Encoding =
    canonical === 'utf-16' ? (bom === 'utf-16be' ? 'utf-16be' : 'utf-16le') : canonical;
  if (!encoding.startsWith('utf-16') && hasNul(bytes)) {
    if (utf16Order(bytes) || bom?.startsWith('utf-16')) {
      throw new PlancmpError(
        'wrong-encoding',
        `decoding as ${forced} produced NUL characters: the file looks like UTF-16`,
        file,
        'try --encoding utf-16le (or utf-16be), or leave out --encoding',
      );
    }
    throw binaryError('binary', file);
  }
  // TextDecoder drops a BOM that matches the encoding.
  const text = new TextDecoder(encoding).decode(bytes);
  const bad = countReplacements(text);
  if (bad > text.length * D.controls) {
    throw new PlancmpError(
      'wrong-encoding',
      `decoding as ${forced} produced ${bad} replacement characters`,
      file,
      'the file is probably in another encoding; try without --encoding',
    );
  }
  checkEmpty(text, file);
  const better = readsBetter(bytes, encoding, text);
  if (better) {
    // GBK bytes forced as Big5 (or the reverse) decode without errors into plausible-looking
    // garbage: refuse rather than emit a parse of mojibake.
    throw new PlancmpError(
      'wrong-encoding',
      `decoded as ${forced} the text is garbled; it reads as ${better}`,
      file,
      `pass --encoding ${better}, or leave out --encoding to detect it`,
    );
  }
  return { text, encoding, warnings: replacementWarning(text, encoding) };
}

/** The first 64 KB (sample), unless they are mostly ASCII (a web page's head of scripts and styles): then more. */
function detectionSample(bytes: Uint8Array): Uint8Array {
  const sample = bytes.subarray(0, D.sample);
  return sample.length < bytes.length && highBytes(sample) < D.minHighBytes ? bytes.subarray(0, D.largeSample) : sample;
}

/** Another encoding that reads clearly where the forced one gives garbled Chinese, if any (`text`: the bytes decoded as `encoding`). */
function readsBetter(bytes: Uint8Array, encoding: Encoding, text: string): Encoding | undefined {
  const sample = detectionSample(bytes);
  // the sample is a view of the whole file when the file is small: its decoding is the text
  if (score(sample, encoding, undefined, -1, sample.length === bytes.length ? text : undefined).common >= D.common) return undefined;
  return (['utf-8', 'gb18030', 'big5'] as Encoding[])
    .filter((e) => e !== encoding)
    .map((e) => score(sample, e, D.replacements))
    .find((s) => s.common >= D.common && s.replacements <= s.text.length * D.replacements)?.encoding;
}

/** Picks GB18030 or Big5 (or near-UTF-8) by how plausible the decoded Chinese looks. */
function guessLegacy(bytes: Uint8Array, file: string): Decoded {
  // 64 KB (some 30,000 characters) decides the encoding; scoring five decodings of a whole
  // file was a fifth of the batch time for GB18030 and Big5 notices
  const sample = detectionSample(bytes);
  // the best share so far lets a later candidate stop once it cannot beat it (ties keep the earlier)
  let lead = -1;
  const scores = (['gb18030', 'big5', 'utf-8', 'utf-16le', 'utf-16be'] as Encoding[])
    .map((e) => {
      const s = score(sample, e, D.replacements, lead);
      if (s.replacements <= s.text.length * D.replacements && s.common > lead) lead = s.common;
      return s;
    })
    .filter((s) => s.replacements <= s.text.length * D.replacements)
    .sort((a, b) => b.common - a.common);
  const best = scores[0];
  if (!best || best.common < D.common) {
    throw new PlancmpError(
      'encoding',
      'cannot tell the text encoding (it is not UTF-8, and neither GB18030 nor Big5 gives readable Chinese)',
      file,
      HINT,
    );
  }
  if (best.encoding.startsWith('utf-16')) {
    throw new PlancmpError('utf16-no-bom', 'looks like UTF-16 without a byte-order mark', file, 'pass --encoding utf-16le (or utf-16be)');
  }
  // the sample is a view of the whole file when the file is small: its decoding is the text
  const text = sample.length === bytes.length ? best.text : new TextDecoder(best.encoding).decode(bytes);
  checkEmpty(text, file);
  return { text, encoding: best.encoding, warnings: replacementWarning(text, best.encoding) };
}

/**
 * Decodes a whole file. Throws PlancmpError for empty, binary, UTF-16-without-BOM and
 * undecidable input; `forced` (from --encoding) overrides detection.
 */
export function decodeBytes(bytes: Uint8Array, file: string, forced?: string): Decoded {
  if (bytes.length === 0) {
    throw new PlancmpError('empty', 'the file is empty', file, 'check that the download or export completed');
  }
  const kind = binaryKind(bytes);
  if (kind) throw binaryError(kind, file);
  if (forced) return decodeForced(bytes, file, forced);

  const bom = bomEncoding(bytes);
  if (bom) {
    const text = new TextDecoder(bom).decode(bytes); // strips the BOM
    checkEmpty(text, file);
    // A BOM is a hint, not a verdict: editors and download scripts put a UTF-8 BOM in front of
    // GB18030 bytes. When the bytes after it are not UTF-8, read them as what they are.
    if (bom === 'utf-8' && countReplacements(text) > 0) {
      const rest = bytes.subarray(3);
      try {
        const legacy = guessLegacy(rest, file);
        if (countReplacements(legacy.text) < countReplacements(text)) {
          const note: Warning = { code: 'bom-mismatch', line: 1, message: `the file starts with a UTF-8 byte-order mark but is encoded in ${legacy.encoding.toUpperCase()}; read as ${legacy.encoding.toUpperCase()}` };
          return { ...legacy, warnings: [note, ...legacy.warnings] };
        }
      } catch (e) {
        if (!(e instanceof PlancmpError)) throw e;
      }
    }
    return { text, encoding: bom, warnings: replacementWarning(text, bom) };
  }
  if (utf16Order(bytes)) {
    throw new PlancmpError('utf16-no-bom', 'looks like UTF-16 without a byte-order mark', file, 'pass --encoding utf-16le (or utf-16be)');
  }
  if (hasNul(bytes)) throw binaryError('binary', file);
  // valid UTF-8 is what a fatal UTF-8 decoder accepts (checked without making and throwing its error)
  if (isUtf8(bytes)) {
    const text = new TextDecoder('utf-8').decode(bytes);
    checkEmpty(text, file);
    return { text, encoding: 'utf-8', warnings: [] };
  }
  return guessLegacy(bytes, file);
}
