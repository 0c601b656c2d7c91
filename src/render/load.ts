// The CLI renders one format per run; loading only that renderer (and chalk only for text) keeps
// `plancmp diff --format json` from paying for the HTML, Markdown and colour code at start-up.
import type { Notice, PlanDiff } from '../model.js';
import type { DiffFormat, ParseFormat } from './index.js';
import type { ColorOptions } from './color.js';
import { terminalSafeCopy as safe } from './terminal.js';
import { PlancmpError } from '../errors.js';

const json = (x: unknown): string => {
  try {
    return JSON.stringify(x, null, 2) + '\n';
  } catch (e) {
    if (e instanceof RangeError) throw new PlancmpError('output-too-large', 'the output is larger than a JSON text can be (over 512 MB)', undefined, 'split the file');
    throw e;
  }
};

export async function renderDiffLazily(format: DiffFormat, d: PlanDiff, base: Notice, local: Notice, color: ColorOptions, opts: { verbose?: boolean; stat?: boolean; lines?: boolean; texts?: { base?: string; local?: string } } = {}): Promise<string> {
  // text and Markdown end up in a terminal: escape sequences in the documents must not drive it
  if (format === 'text' || format === 'md') [d, base, local] = safe([d, base, local]);
  switch (format) {
    case 'json':
      return json(d);
    case 'md':
      return (await import('./markdown.js')).renderDiffMarkdown(d, base, local);
    case 'csv':
      return (await import('./csv.js')).renderDiffCsv(d, base, local);
    case 'html':
      return (await import('./html/index.js')).renderDiffHtml(d, base, local, opts.texts);
    case 'text': {
      const [{ renderDiffText }, { makeColors }] = await Promise.all([import('./text.js'), import('./color.js')]);
      return renderDiffText(d, base, local, makeColors(color), opts);
    }
  }
}

export async function renderParseLazily(format: ParseFormat, n: Notice, color: ColorOptions, opts: { verbose?: boolean } = {}): Promise<string> {
  if (format === 'text' || format === 'md') n = safe(n);
  switch (format) {
    case 'json':
      return json(n);
    case 'md':
      return (await import('./markdown.js')).renderParseMarkdown(n);
    case 'csv':
      return (await import('./csv.js')).renderParseCsv(n);
    case 'text': {
      const [{ renderParseText }, { makeColors }] = await Promise.all([import('./text.js'), import('./color.js')]);
      return renderParseText(n, makeColors(color), opts);
    }
  }
}
