// The HTML parser (parse5 under cheerio) checks each new attribute against the element's earlier
// ones: an element with 64,000 attributes takes seconds, ×4 per doubling. Real pages put a few
// dozen on an element, so past MAX_ATTRIBUTES the rest are cut before parsing (they carry no text
// of the notice). One pass over the characters, tracking quotes the way the tokenizer does.
export const MAX_ATTRIBUTES = 200;

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 47; // and '/'

/** The page with every element's attributes past the first `max` removed; `cut` counts the elements trimmed. */
export function capAttributes(html: string, max = MAX_ATTRIBUTES): { html: string; cut: number } {
  const parts: string[] = [];
  let from = 0;
  let cut = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    if (!isLetter(html.charCodeAt(i + 1))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let j = i + 1;
    while (j < html.length && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== 62) j++; // the tag name
    let count = 0;
    let cutAt = -1;
    let quote = 0;
    let afterEq = false;
    let gap = true;
    let end = -1;
    for (; j < html.length; j++) {
      const c = html.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
        continue;
      }
      if (c === 62) {
        end = j; // '>'
        break;
      }
      if (c === 60) break; // '<' outside a value: not a tag after all (script text, a stray <)
      if (isSpace(c)) {
        gap = true;
        continue;
      }
      if (c === 61) {
        afterEq = true; // '='
        gap = false;
        continue;
      }
      if (afterEq && (c === 34 || c === 39)) {
        quote = c;
        afterEq = false;
        continue;
      }
      if (gap && !afterEq) {
        if (++count === max + 1) cutAt = j;
      }
      gap = false;
      afterEq = false;
    }
    if (end < 0) {
      i = j < html.length ? j : -1;
      continue;
    }
    if (cutAt >= 0) {
      parts.push(html.slice(from, cutAt));
      from = end;
      cut++;
    }
    i = html.indexOf('<', end + 1);
  }
  if (!cut) return { html, cut: 0 };
  parts.push(html.slice(from));
  return { html: parts.join(''), cut };
}
