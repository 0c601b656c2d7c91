// Escaping for the HTML report. Every piece of document text goes through esc(): the five HTML
// specials plus `/`, `=` and backtick, so a scraped title can neither open a tag, close an attribute,
// spell an event-handler attribute (`onmouseover=`) nor a URL (`//host`, `http://`) in the output.
// Markup is built with the html`` tag below, which escapes every interpolated value unless it is
// already SafeHtml (built by html`` itself).

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '/': '&#47;',
  '=': '&#61;',
  '`': '&#96;',
};

export function esc(s: string): string {
  return s.replace(/[&<>"'/=`]/g, (c) => ENTITIES[c]);
}

/** Markup that is safe to emit as is: produced by html`` or from a constant in this package. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = SafeHtml | string | number | boolean | null | undefined | HtmlPart[];

function part(p: HtmlPart): string {
  if (p === null || p === undefined || p === false || p === true) return '';
  if (p instanceof SafeHtml) return p.value;
  if (Array.isArray(p)) return p.map(part).join('');
  return esc(String(p));
}

/** Template tag: literal parts are markup, interpolated values are escaped text (or SafeHtml). */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  let out = strings[0];
  values.forEach((v, k) => (out += part(v) + strings[k + 1]));
  return new SafeHtml(out);
}

/** Join fragments (escaping plain strings) with an optional separator. */
export function join(parts: HtmlPart[], sep: HtmlPart = ''): SafeHtml {
  return new SafeHtml(parts.map(part).join(part(sep)));
}

/** Trusted constant markup, CSS or script from this package. Never pass document text here. */
export function trusted(s: string): SafeHtml {
  return new SafeHtml(s);
}

/** A fragment identifier made only of [a-z0-9-], whatever the input (task ids are "2.1", "L7"). */
export function domId(...parts: (string | number)[]): string {
  return parts
    .map((p) =>
      String(p)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('-');
}
