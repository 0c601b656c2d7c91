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

export function unifyWidth(input: string): string {
  // 1. full-width ASCII variants and ideographic space → ASCII
  let s = '';
  for (const ch of input) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) s += String.fromCharCode(c - 0xfee0); // ０-９
    else if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) s += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x200b || c === 0xfeff) s += ' ';
    else if (ch === '．' ) s += '.';
    else s += ch;
  }
  // 2. ASCII punctuation → full-width, except between digits (3,946 / 10:30); drop spaces next to wide chars.
  // The last character written is kept in `prev`: reading out[out.length - 1] of a string being
  // built by += flattens it on every read, which is quadratic on a long line.
  let out = '';
  let prev: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === ' ' || ch === '\t') {
      let j = i;
      while (j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
      const next = s[j];
      if (prev !== undefined && next !== undefined && !isWide(prev) && !isWide(next) && !TO_FULL[prev] && !TO_FULL[next]) {
        out += ' ';
        prev = ' ';
      }
      i = j - 1;
      continue;
    }
    const full = TO_FULL[ch];
    const put = full && !((ch === ',' || ch === ':') && isDigit(prev) && isDigit(s[i + 1])) ? full : ch;
    out += put;
    prev = put;
  }
  // 3. year ranges and 文号 year brackets
  out = out.replace(/((?:19|20)\d{2})(年?)[-－–~～─]((?:19|20)\d{2})/g, '$1$2—$3');
  out = out.replace(/[﹝\[［【〔（]((?:19|20)\d{2})[﹞\]］】〕）](?=\d{1,4}号)/g, '〔$1〕');
  return out.trim();
}
