// Report renderers: pure functions from parsed/diffed values to the text written out.
import type { Notice, PlanDiff } from '../model.js';
import type { Colors } from './color.js';
import { renderDiffText, renderParseText, type TextOptions } from './text.js';
import { renderDiffMarkdown, renderParseMarkdown } from './markdown.js';
import { renderDiffCsv, renderParseCsv } from './csv.js';
import { renderDiffHtml } from './html/index.js';

export { makeColors, colorLevel, colorsAt, noColors, type Colors, type ColorLevel, type ColorOptions, type ColorStream, type Paint } from './color.js';
export { charDiff, markTitleChange, type CharOp } from './chardiff.js';
export { renderDiffText, renderParseText, type TextOptions } from './text.js';
export { renderDiffMarkdown, renderParseMarkdown, mdCell, mdTable } from './markdown.js';
export { renderDiffCsv, renderParseCsv, toCsv, csvCell, withBom, list, LIST_SEP } from './csv.js';
export { buildReport, type DiffReport } from './report.js';
export { buildCoverage, renderCoverageCsv, type Coverage, type PlanInput } from './coverage.js';
export { renderReportHtml, renderDiffHtml, type HtmlReportInput, type ReportFailure } from './html/index.js';

// The table of output formats (choices, types, renderers): a library user can render any format the CLI can.
export { workbookSheets, writeWorkbook, renderWorkbook, type Sheet } from './xlsx.js';
export { LABELS, langFromEnv, type Lang, type Labels } from './labels.js';
export { renderRaw } from './raw.js';
export { DIFF_FORMATS, REPORT_FORMATS, CHAIN_FORMATS, SIBLINGS_FORMATS, PARSE_FORMATS, CHECK_FORMATS, OUTPUT_FORMATS, formatChoices, type DiffFormat, type ParseFormat, type CheckFormat, type DiffRenderOptions } from './formats.js';
export { renderCheckGithub, renderCheckSarif, renderCheckJunit, renderFindings, type CheckFileReport } from './check/index.js';
import type { DiffFormat, ParseFormat } from './formats.js';
import { PlancmpError } from '../errors.js';

export const json = (x: unknown): string => JSON.stringify(x, null, 2) + '\n';

export function renderDiff(format: DiffFormat, d: PlanDiff, base: Notice, local: Notice, c: Colors, opts: TextOptions = {}): string {
  switch (format) {
    case 'json':
      return json(d);
    case 'md':
      return renderDiffMarkdown(d, base, local, { lang: opts.lang, owners: opts.owners });
    case 'csv':
      return renderDiffCsv(d, base, local, opts.lang);
    case 'html':
      return renderDiffHtml(d, base, local, {}, opts.lang);
    case 'text':
      return renderDiffText(d, base, local, c, opts);
    case 'xlsx':
      // bytes, written by a stream: DIFF_FORMATS.xlsx.render or renderWorkbook
      throw new PlancmpError('usage', 'the xlsx workbook is bytes, not text', undefined, 'use renderWorkbook(base, [{ notice: local, diff }]) or DIFF_FORMATS.xlsx.render');
  }
}

export function renderParse(format: ParseFormat, n: Notice, c: Colors, opts: TextOptions = {}): string {
  switch (format) {
    case 'json':
      return json(n);
    case 'jsonl':
      return JSON.stringify(n) + '\n';
    case 'md':
      return renderParseMarkdown(n, opts.lang);
    case 'csv':
      return renderParseCsv(n, opts.lang);
    case 'text':
      return renderParseText(n, c, opts);
    case 'raw':
      // the text is not in the notice: it needs what was read
      throw new PlancmpError('usage', 'the raw text is rendered from the source, not the notice', undefined, 'use renderRaw(notice, source) with the SourceText from readSource');
  }
}
