// `parse --format raw`: the text exactly as the parser reads it — after reading (a PDF's pages laid
// out, a scan's pages read by OCR, a web page's notice cut out) and normalising (simplified, widths
// unified, OCR misreadings repaired, wrapped lines re-joined) — one paragraph a line, with a mark
// where each page of a paged input begins. To see why a notice parses as it does.
import type { Notice, SourceText } from '../model.js';
import { normalizeSource } from '../pipeline.js';
import { terminalSafeCopy } from './terminal.js';

export function renderRaw(notice: Notice, source: SourceText | undefined): string {
  if (!source) return '';
  const { paragraphs } = normalizeSource(source);
  const ocr = new Set(source.ocrPages ?? []);
  const out: string[] = [`# ${notice.source.file} · ${source.format}${source.pages !== undefined ? ` · ${source.pages} ${source.pages === 1 ? 'page' : 'pages'}` : ''}`];
  let page = 0;
  for (const p of paragraphs) {
    const at = source.pageOfLine?.[p.line - 1];
    if (at !== undefined && at !== page) {
      page = at;
      out.push(`--- page ${page}${ocr.has(page) ? ' (OCR)' : ''} ---`);
    }
    out.push(p.text);
  }
  // the text may hold anything: escape sequences must not drive the terminal
  return terminalSafeCopy(out.join('\n')) + '\n';
}
