// Unify what varies only in form, so later stages see one spelling of each thing:
// full-width digits/letters → ASCII; ASCII ( ) , : ; ! → Chinese full-width; whitespace next to
// Chinese text removed (PDF extraction scatters spaces: "2020 年底前", "48 号"); year ranges written
// with any dash → "—"; the brackets of a 发文字号 year → 〔〕.

const TO_FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；', '!': '！' };

// Steps 1–3 below as one pass over a class per code unit (most lines change in a few places or
// none). What each position becomes after step 1 and after step 2 is computed from the input, so
// every step still sees its neighbours exactly as the step before it left them.
const ORDINARY = 0;
const FULL_ASCII = 1; // ０-９Ａ-Ｚａ-ｚ → 0-9A-Za-z
const ODD_SPACE = 2; // \u3000 \u00a0 \u2002 \u2003 \u200b \ufeff → ' '
const FULL_STOP = 3; // ． and the small ﹒ (1﹒全省生产总值…) → .
const HALF_PUNCT = 4; // ( ) , : ; !
const SPACE = 5; // ' ' \t
const CLASS = new Uint8Array(0x10000);
CLASS.fill(FULL_ASCII, 0xff10, 0xff19 + 1);
CLASS.fill(FULL_ASCII, 0xff21, 0xff3a + 1);
CLASS.fill(FULL_ASCII, 0xff41, 0xff5a + 1);
for (const c of '\u3000\u00a0\u2002\u2003\u200b\ufeff') CLASS[c.charCodeAt(0)] = ODD_SPACE;
CLASS['．'.charCodeAt(0)] = FULL_STOP;
CLASS['﹒'.charCodeAt(0)] = FULL_STOP;
for (const c of Object.keys(TO_FULL)) CLASS[c.charCodeAt(0)] = HALF_PUNCT;
CLASS[0x20] = SPACE;
CLASS[0x09] = SPACE;
const FULL_OF: number[] = [];
for (const [h, f] of Object.entries(TO_FULL)) FULL_OF[h.charCodeAt(0)] = f.charCodeAt(0);

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** Wide: CJK, CJK punctuation, full-width forms (and, as before, any code unit from U+2E80 up). */
const isWideCode = (c: number): boolean => c >= 0x2e80;

/** The code unit at i after step 1 (-1 outside the string). */
function step1(s: string, i: number): number {
  if (i < 0 || i >= s.length) return -1;
  const c = s.charCodeAt(i);
  const k = CLASS[c];
  return k === FULL_ASCII ? c - 0xfee0 : k === ODD_SPACE ? 0x20 : k === FULL_STOP ? 0x2e : c;
}

/** The code unit at i after step 2 (-1 outside the string). */
function step2(s: string, i: number): number {
  const c = step1(s, i);
  if (c < 0 || CLASS[c] !== HALF_PUNCT) return c;
  return (c === 0x2c || c === 0x3a) && isDigitCode(step1(s, i - 1)) && isDigitCode(step1(s, i + 1)) ? c : FULL_OF[c];
}

const isSpaceCode = (c: number): boolean => c === 0x20 || c === 0x09;

/** Steps 1–3; the input itself when nothing changes. */
function steps123(s: string): string {
  const n = s.length;
  let out = '';
  let last = 0; // s[last..i) is copied unchanged
  for (let i = 0; i < n; ) {
    if (CLASS[s.charCodeAt(i)] === ORDINARY) {
      i++;
      continue;
    }
    const c = step2(s, i);
    if (!isSpaceCode(c)) {
      if (c !== s.charCodeAt(i)) {
        out += s.slice(last, i) + String.fromCharCode(c);
        last = i + 1;
      }
      i++;
      continue;
    }
    // 3. a run of spaces: dropped next to wide characters (or the punctuation just made wide), else one space
    let j = i + 1;
    while (j < n && isSpaceCode(step2(s, j))) j++;
    const prev = i > 0 ? step2(s, i - 1) : -1;
    const next = j < n ? step2(s, j) : -1;
    const keep = prev >= 0 && next >= 0 && !isWideCode(prev) && !isWideCode(next) && CLASS[prev] !== HALF_PUNCT && CLASS[next] !== HALF_PUNCT;
    if (!(keep && j === i + 1 && s.charCodeAt(i) === 0x20)) {
      out += s.slice(last, i) + (keep ? ' ' : '');
      last = j;
    }
    i = j;
  }
  return last === 0 ? s : out + s.slice(last);
}

// 1. full-width ASCII variants and odd spaces → ASCII; 2. ASCII punctuation → full-width, except ,
// and : between digits (3,946 / 10:30); 3. spaces: dropped next to wide characters (or the
// punctuation just made wide), else one space; 4. year ranges and 文号 year brackets (regular
// expressions, only on lines holding 19 or 20, and a dash or a 号).
export function unifyWidth(input: string): string {
  let s = steps123(input);
  if (s.includes('19') || s.includes('20')) {
    // each only where it can match: a range needs a dash, a 文号 year a 号
    if (/[-－–~～─]/.test(s)) s = s.replace(/((?:19|20)\d{2})(年?)[-－–~～─]((?:19|20)\d{2})/g, '$1$2—$3');
    if (s.includes('号')) s = s.replace(/[﹝\[［【〔（]((?:19|20)\d{2})[﹞\]］】〕）](?=\d{1,4}号)/g, '〔$1〕');
  }
  return s.trim();
}
