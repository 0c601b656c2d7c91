// A small non-validating XML parser for the parts of DOCX and OFD packages: elements, attributes
// and text, namespace prefixes dropped (w:p -> p, ofd:TextCode -> TextCode). No DTDs, no external
// entities (nothing is ever fetched), and an explicit stack, so deep nesting cannot overflow.
// Linear in the input: attributes are scanned by hand (a pattern backtracked on long unquoted
// values), and a file's Budget bounds its elements, nesting and attribute sizes (budget.ts).
import type { Budget } from './budget.js';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e] ?? m;
  });
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
/** A character of an attribute name: not space, `=`, `/` or `>`. */
const isNameChar = (c: number) => c !== 61 && c !== 47 && c !== 62 && !isSpace(c);

/**
 * The `name="value"` / `name='value'` pairs of a start tag's body, as the pattern
 * /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g finds them (anything else skipped), in one pass.
 */
export function scanAttributes(body: string, each: (name: string, value: string) => void): void {
  const n = body.length;
  // from where on the body holds no more " (or '): a search that failed once is not repeated
  const none: Record<string, number> = { '"': n, "'": n };
  let p = 0;
  while (p < n) {
    if (!isNameChar(body.charCodeAt(p))) {
      p++;
      continue;
    }
    let q = p;
    while (q < n && isNameChar(body.charCodeAt(q))) q++;
    let r = q;
    while (r < n && isSpace(body.charCodeAt(r))) r++;
    if (body[r] === '=') {
      r++;
      while (r < n && isSpace(body.charCodeAt(r))) r++;
      const quote = body[r];
      if ((quote === '"' || quote === "'") && r + 1 < none[quote]) {
        const close = body.indexOf(quote, r + 1);
        if (close >= 0) {
          each(body.slice(p, q), body.slice(r + 1, close));
          p = close + 1;
          continue;
        }
        none[quote] = r + 1;
      }
    }
    // no pair starts anywhere in this name: every later start in it meets the same end
    p = q;
  }
}

/** The root element of an XML document (throws on text that is not XML). `budget` bounds elements, depth and attribute sizes. */
export function parseXml(src: string, budget?: Budget): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > i) {
      const text = src.slice(i, textEnd);
      if (stack.length > 1) stack[stack.length - 1].children.push(decodeEntities(text));
    }
    if (lt < 0) break;
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      i = end < 0 ? src.length : end + 3;
    } else if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      stack[stack.length - 1].children.push(src.slice(lt + 9, end < 0 ? src.length : end));
      i = end < 0 ? src.length : end + 3;
    } else if (src[lt + 1] === '?' || src[lt + 1] === '!') {
      const end = src.indexOf('>', lt);
      i = end < 0 ? src.length : end + 1;
    } else if (src[lt + 1] === '/') {
      const end = src.indexOf('>', lt);
      const name = local(src.slice(lt + 2, end < 0 ? src.length : end).trim());
      // close up to the matching element (tolerates a missing end tag)
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k].name === name) {
          stack.length = k;
          break;
        }
      }
      i = end < 0 ? src.length : end + 1;
    } else {
      // a start tag: find its end outside quoted attribute values
      let j = lt + 1;
      let quote = '';
      for (; j < src.length; j++) {
        const c = src[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      const body = src.slice(lt + 1, j);
      const selfClosing = body.endsWith('/');
      const m = /^[^\s/>]+/.exec(body);
      if (!m) throw new Error(`malformed XML near offset ${lt}`);
      const el: XmlElement = { name: local(m[0]), attrs: {}, children: [] };
      scanAttributes(body.slice(m[0].length), (name, value) => {
        budget?.check('attributeBytes', value.length, () => `attribute ${name} of <${m[0]}> is ${value.length} characters long`);
        el.attrs[local(name)] = decodeEntities(value);
      });
      budget?.spend('xmlNodes', 1, (n) => `more than ${n} XML elements`);
      stack[stack.length - 1].children.push(el);
      if (!selfClosing) {
        stack.push(el);
        budget?.check('xmlDepth', stack.length - 1, (n) => `XML elements nested more than ${n} deep`);
      }
      i = j + 1;
    }
  }
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new Error('no XML element found');
  return top;
}

const XML_ENCODINGS: Record<string, string> = { gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030', big5: 'big5', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be' };

/**
 * A package part's bytes as text, as an XML reader decodes them: a byte-order mark, else UTF-16 by
 * its first `<`, else the encoding its declaration names (GBK and GB2312 read as GB18030), else UTF-8.
 */
export function decodeXml(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  let label = 'utf-8';
  if (a === 0xef && b === 0xbb && c === 0xbf) label = 'utf-8';
  else if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0)) label = 'utf-16le';
  else if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c)) label = 'utf-16be';
  else {
    const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
    const m = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
    label = XML_ENCODINGS[m?.[1].toLowerCase() ?? ''] ?? 'utf-8';
  }
  return new TextDecoder(label).decode(bytes);
}

export const elements = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));

export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);

/** All descendants named `name`, in document order (iterative walk). */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlNode[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') continue;
    if (n.name === name) out.push(n);
    for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]);
  }
  return out;
}

export function textOf(el: XmlElement): string {
  let out = '';
  const stack: XmlNode[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') out += n;
    else for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]);
  }
  return out;
}
