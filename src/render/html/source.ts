// The notices' own text inside the report, one numbered line per source line, so every task can link
// to the line it was read from (`line 57` → the text around it, highlighted). Line numbers are those
// plancmp reports everywhere: lines of the decoded input (for a web page, of its extracted text).
import { html, type SafeHtml } from './escape.js';
import { domId } from './escape.js';
import { LABELS, type Labels } from '../labels.js';

/** Fragment id of the source view of a plan (`plan-1`) or of the base (`base`). */
export const sourceAnchor = (owner: string): string => domId('src', owner);
export const sourceLineAnchor = (owner: string, line: number): string => domId('src', owner, `l${line}`);

/** "line 57", linked to the source view when the report holds that text, else plain. */
export function lineLink(owner: string | undefined, line: number | undefined, L: Labels = LABELS.en): SafeHtml | null {
  if (!line) return null;
  return owner ? html`<a class="ln" href="#${sourceLineAnchor(owner, line)}" title="${L.html.showSource(line)}">${L.line(line)}</a>` : html`<span class="ln">${L.line(line)}</span>`;
}

/** A page (shown like a plan page, through its fragment) with the numbered source text. */
export function sourcePage(owner: string, label: string, file: string, text: string, back: string, L: Labels = LABELS.en): SafeHtml {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return html`<section class="plan-page source-page" id="${sourceAnchor(owner)}" data-label="${L.html.sourceOf(label)}" aria-label="${label} ${L.html.source}">
<p class="back"><a href="#${back}">${L.html.backShort}</a> · <a href="#overview">${L.html.overviewLink}</a></p>
<h2>${label} <span class="muted">${L.html.source}</span> <span class="muted small">${file}</span></h2>
<ol class="src">${lines.map((l, k) => html`<li id="${sourceLineAnchor(owner, k + 1)}">${l || '\u00A0'}</li>`)}</ol>
</section>`;
}
