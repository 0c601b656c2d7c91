// Unify what varies only in form, so later stages see one spelling of each thing:
// full-width digits/letters → ASCII; ASCII ( ) , : ; ! → Chinese full-width; whitespace next to
// Chinese text removed (PDF extraction scatters spaces: "2020 年底前", "48 号"); year ranges written
// with any dash → "—"; the brackets of a 发文字号 year → 〔〕.

function isWide(c: string | undefined): boolean {
  if (!c) return false;
  const code = c.charCodeAt(0);
  return code >= 0x2e80; // CJK, CJK punctuation, full-width forms
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

const TO_FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；', '!': '！' };

const FULL_ASCII = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
const ODD_SPACE = /[\u3000\u00a0\u2002\u2003\u200b\ufeff]/g;
const HALF_PUNCT = /[(),:;!]/g;
const SPACE_RUN = /[ \t]+/g;

// Each step is a regular-expression pass with a constant-time callback: lines with nothing to
// change (most of them) cost one scan each, and no step looks back into the string being built.
export function unifyWidth(input: string): string {
  // 1. full-width ASCII variants and odd spaces → ASCII
  let s = input.replace(FULL_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(ODD_SPACE, ' ');
  if (s.includes('．')) s = s.replace(/．/g, '.');
  // 2. ASCII punctuation → full-width, except , and : between digits (3,946 / 10:30)
  s = s.replace(HALF_PUNCT, (ch: string, at: number, str: string) =>
    (ch === ',' || ch === ':') && isDigit(str[at - 1]) && isDigit(str[at + 1]) ? ch : TO_FULL[ch],
  );
  // 3. spaces: dropped next to wide characters (or the punctuation just made wide), else one space
  s = s.replace(SPACE_RUN, (_m: string, at: number, str: string) => {
    const prev = str[at - 1];
    const next = str[at + _m.length];
    return prev !== undefined && next !== undefined && !isWide(prev) && !isWide(next) && !TO_FULL[prev] && !TO_FULL[next] ? ' ' : '';
  });
  // 4. year ranges and 文号 year brackets
  s = s.replace(/((?:19|20)\d{2})(年?)[-－–~～─]((?:19|20)\d{2})/g, '$1$2—$3');
  s = s.replace(/[﹝\[［【〔（]((?:19|20)\d{2})[﹞\]］】〕）](?=\d{1,4}号)/g, '〔$1〕');
  return s.trim();
}
