// The library kernel: file or bytes in, Notice out. The CLI is a thin shell over these.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NormalizedText, Notice, SourceText } from './model.js';
import { readPrebuilt } from './base/prebuilt.js';
import { readSource, sourceFromBytes } from './read/index.js';
import { normalize, type NormalizeOptions } from './normalize/index.js';
import { parseNormalized } from './parse/index.js';

export interface ParseOptions extends NormalizeOptions {
  encoding?: string;
  format?: 'text' | 'html' | 'auto';
  /** Read pages of a scanned PDF with Tesseract. */
  ocr?: boolean;
  maxBytes?: number;
  /** Read a 规定 / 办法 / 决定 of numbered measures as a plan (its items as tasks), as `diff` does. */
  asPlan?: boolean;
}

/** The text as the parser reads it: normalized, with OCR'd lines repaired (see normalize/ocr.ts). */
export function normalizeSource(source: SourceText, opts: ParseOptions = {}): NormalizedText {
  const ocrLines = source.ocrPages && source.pageOfLine ? { pageOfLine: source.pageOfLine, pages: source.ocrPages } : undefined;
  return normalize(source.text, { ...opts, ocrLines });
}

export function parseSource(source: SourceText, opts: ParseOptions = {}): Notice {
  const norm = normalizeSource(source, opts);
  const notice = parseNormalized(source, norm, { asPlan: opts.asPlan });
  if (norm.ocrRepairs) {
    // the reader's ocr warning says what normalize repaired too (a copy: the source keeps its own)
    const i = notice.warnings.findIndex((w) => w.code === 'ocr' && w.line === 0);
    if (i >= 0) notice.warnings[i] = { ...notice.warnings[i], message: `${notice.warnings[i].message}; ${norm.ocrRepairs}` };
  }
  if (source.pages !== undefined) notice.source.pages = source.pages;
  if (source.pageOfLine) {
    // paged inputs (PDF, OFD): say which page of the original each warning is on
    for (const w of notice.warnings) if (w.line > 0 && w.page === undefined) w.page = source.pageOfLine[w.line - 1];
  }
  return notice;
}

/** Parse text that is already decoded (a string), e.g. from a researcher's own scraper. */
export function parseText(text: string, file = '<text>', opts: ParseOptions = {}): Notice {
  return parseSource({ file, text, encoding: 'utf-8', format: 'text', bytes: Buffer.byteLength(text), warnings: [] }, opts);
}

export async function parseFile(file: string, opts: ParseOptions = {}): Promise<Notice> {
  return parseSource(await readSource(file, opts), opts);
}

export function parseBytes(bytes: Uint8Array, file: string, opts: ParseOptions = {}): Notice {
  return parseSource(sourceFromBytes(bytes, file, opts), opts);
}

/** The provincial plan 浙政发〔2018〕16号, shipped inside the package so `diff LOCAL` needs no path. */
export const BASE_FILE = fileURLToPath(new URL('../src/base/zhezhengfa-2018-16.txt', import.meta.url));
export const BASE_LABEL = '浙政发〔2018〕16号 (embedded)';

let base: Notice | undefined;
export function loadBase(): Notice {
  if (!base) {
    const text = readFileSync(BASE_FILE, 'utf8');
    base = readPrebuilt(text) ?? parseText(text, BASE_LABEL);
  }
  return base;
}
