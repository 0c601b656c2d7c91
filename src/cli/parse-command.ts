// plancmp parse FILE... — one notice in, a structured document out.
import type { Io } from './io.js';
import { EXIT } from './exit.js';
import { parseSource } from '../pipeline.js';
import { readSource } from '../read/index.js';
import { renderParseLazily } from '../render/load.js';
import { reportError } from './report-error.js';
import { oneLine } from '../render/terminal.js';
import type { Notice } from '../model.js';

export interface ParseCommandOptions {
  format: 'json' | 'jsonl' | 'text' | 'md' | 'csv';
  encoding?: string;
  /** --ocr: read scanned PDF pages with Tesseract */
  ocr?: boolean;
  debug?: boolean;
  /** CSV: start with a UTF-8 BOM for Excel (default: only when writing to a file with -o). */
  bom?: boolean;
  output?: string;
}

/** Formats that hold many notices as one document (one header, one array) rather than one after another. */
async function renderMany(format: ParseCommandOptions['format'], notices: Notice[], opts: ParseCommandOptions): Promise<string | undefined> {
  if (format === 'json' && notices.length > 1) return JSON.stringify(notices, null, 2) + '\n';
  // one compact record per line, the same shape for one file or many
  if (format === 'jsonl') return notices.map((n) => JSON.stringify(n) + '\n').join('');
  if (format === 'csv') {
    const { renderParseCsv, withBom } = await import('../render/csv.js');
    const csv = renderParseCsv(notices);
    return opts.bom ?? (!!opts.output && opts.output !== '-') ? withBom(csv) : csv;
  }
  return undefined;
}

export async function runParse(files: string[], opts: ParseCommandOptions, io: Io): Promise<number> {
  const color = { stream: io.stdout as NodeJS.WriteStream, env: io.env, force: io.color };
  const notices: Notice[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const source = await readSource(file, { encoding: opts.encoding, ocr: opts.ocr, stdin: io.stdin });
      notices.push(parseSource(source));
    } catch (e) {
      failed++;
      reportError(e, io, opts.debug);
    }
  }
  const many = notices.length ? await renderMany(opts.format, notices, opts) : undefined;
  if (many !== undefined) io.stdout.write(many);
  else for (const n of notices) io.stdout.write(await renderParseLazily(opts.format as Exclude<ParseCommandOptions['format'], 'jsonl'>, n, color));
  for (const n of notices) {
    if (n.tasks.length === 0) {
      const codes = n.warnings.map((w) => w.code).join(', ') || 'no structure recognised';
      io.stderr.write(`plancmp: ${oneLine(n.source.file)}: no tasks found (${codes}) — the JSON still holds what was recognised; a plan needs numbered items under （一）（二）… headings in a part such as 二、主要任务\n`);
    }
  }
  if (failed) return files.length > 1 && notices.length > 0 ? EXIT.PARTIAL : EXIT.USAGE;
  return EXIT.OK;
}
