// A minimal glob matcher (Node 20 has no fs.globSync): `*` and `?` within one path segment,
// `**` for any number of segments, `[abc]` / `[!abc]` classes and `{a,b}` alternatives.
// Patterns use `/` as the separator; matching is case-sensitive, dot files are matched only
// when the pattern names the dot explicitly (as in shells).

const META = /[*?[\]{}]/;

/** Whether an input argument is a glob pattern rather than a literal path. */
export function isGlob(s: string): boolean {
  return META.test(s);
}

/**
 * Splits a pattern into the literal directory to start walking from and the pattern relative to it:
 * `notices/2018/**\/*.html` → { root: 'notices/2018', rest: '**\/*.html' }.
 */
export function globRoot(pattern: string): { root: string; rest: string } {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const lit: string[] = [];
  while (parts.length > 1 && !isGlob(parts[0])) lit.push(parts.shift()!);
  const root = lit.length === 0 ? '.' : lit.join('/') === '' ? '/' : lit.join('/');
  return { root, rest: parts.join('/') };
}

function escapeRe(c: string): string {
  return c.replace(/[.+^$()|\\/]/g, '\\$&');
}

/** A RegExp matching a `/`-separated relative path against the glob `pattern`. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  let i = 0;
  let braces = 0;
  const segStart = () => i === 0 || pattern[i - 1] === '/';
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*' && segStart() && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
        // `**` as a whole segment: zero or more segments, none of them hidden
        if (i + 2 === pattern.length) re += '(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?';
        else re += '(?:(?!\\.)[^/]*/)*';
        i += 3;
        continue;
      }
      re += segStart() ? '(?!\\.)[^/]*' : '[^/]*';
      while (pattern[i] === '*') i++;
      continue;
    }
    if (c === '?') {
      re += segStart() ? '(?!\\.)[^/]' : '[^/]';
      i++;
      continue;
    }
    if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        re += '\\[';
        i++;
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const neg = body[0] === '!' || body[0] === '^';
      if (neg) body = body.slice(1);
      re += `[${neg ? '^/' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = end + 1;
      continue;
    }
    if (c === '{') {
      braces++;
      re += '(?:';
      i++;
      continue;
    }
    if (c === '}' && braces > 0) {
      braces--;
      re += ')';
      i++;
      continue;
    }
    if (c === ',' && braces > 0) {
      re += '|';
      i++;
      continue;
    }
    re += escapeRe(c);
    i++;
  }
  while (braces-- > 0) re += ')';
  return new RegExp(`^${re}$`);
}
