// The page around the views: one self-contained document with its stylesheet and script inlined.
// No external resources of any kind: no stylesheet, font, image or script is fetched.
import { createHash } from 'node:crypto';
import { html, trusted, type HtmlPart } from './escape.js';
import { SCREEN_CSS } from './styles.js';
import { PRINT_CSS } from './print.js';
import { PAGE_SCRIPT } from './script.js';
import { LABELS, type Labels } from '../labels.js';

export interface PageOptions {
  title: string;
  /** Heading shown in the top bar. */
  heading: string;
  nav: { href: string; label: string }[];
  body: HtmlPart;
  labels?: Labels;
}

/** The one inline script is allowed by its hash: no other script can run, inline or not. */
const SCRIPT_HASH = `sha256-${createHash('sha256').update(PAGE_SCRIPT).digest('base64')}`;

export function page(o: PageOptions): string {
  const L = o.labels ?? LABELS.en;
  const ui = L.html.ui;
  // the script's own words come from these attributes: the script is fixed (allowed by its hash)
  const doc = html`<!DOCTYPE html>
<html lang="${L.htmlLang}" data-ui-sort="${ui.sort}" data-ui-status="${ui.status}" data-ui-any="${ui.anyStatus}" data-ui-with="${ui.rowsWith}" data-ui-csv="${ui.csv}" data-ui-csv-help="${ui.csvHelp}" data-ui-rows="${ui.rows}" data-ui-of="${ui.of}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="plancmp">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '${trusted(SCRIPT_HASH)}'">
<title>${o.title}</title>
<style>${trusted(SCREEN_CSS)}${trusted(PRINT_CSS)}</style>
</head>
<body>
<header class="top"><h1>${o.heading}</h1><nav>${o.nav.map((n) => html`<a href="#${n.href}">${n.label}</a>`)}</nav></header>
<main>
${o.body}
</main>
<script>${trusted(PAGE_SCRIPT)}</script>
</body>
</html>
`;
  return doc.value;
}
