// A registered document format (PDF, DOCX, DOC/WPS, OFD) -> SourceText: run its reader, join its
// lines, keep the page of every line, and turn a reader's failure into one clear error.
import { PlancmpError } from '../errors.js';
import type { SourceText } from '../model.js';
import { Budget, readLimits } from './budget.js';
import type { DocumentOptions, Extraction, InputKind } from './kinds.js';

function damaged(kind: InputKind, file: string, e: unknown): PlancmpError {
  const why = String((e as Error)?.message ?? e).split('\n')[0].slice(0, 160);
  return new PlancmpError('damaged', `cannot read this ${kind.label} file (${why})`, file, 'it may be damaged, truncated or not really a ' + kind.label + ' file: download it again, or open and re-save it');
}

export async function readDocument(kind: InputKind, bytes: Uint8Array, file: string, opts: DocumentOptions): Promise<SourceText> {
  let ex: Extraction;
  try {
    const read = await kind.load();
    ex = await read(bytes, file, opts, new Budget(file, opts.limits ?? readLimits()));
  } catch (e) {
    throw e instanceof PlancmpError ? e : damaged(kind, file, e);
  }
  const texts: string[] = [];
  const pageOfLine: number[] = [];
  for (const l of ex.lines) {
    // a reader's line may hold breaks of its own (a DOC paragraph with soft returns)
    const parts = (typeof l === 'string' ? l : l.text).split(/\r\n|[\r\n\v\f\u2028\u2029]/);
    for (const p of parts) {
      texts.push(p);
      if (typeof l !== 'string') pageOfLine.push(l.page);
    }
  }
  const text = texts.join('\n');
  if (text.trim() === '') {
    throw new PlancmpError('empty', `this ${kind.label} file has no text`, file, 'check that it is the notice itself (a scanned PDF needs --ocr)');
  }
  const paged = ex.pages !== undefined && pageOfLine.length === texts.length;
  return {
    file,
    text,
    encoding: ex.encoding ?? 'unicode',
    format: ex.format ?? kind.format,
    bytes: bytes.length,
    warnings: ex.warnings,
    ...(paged ? { pages: ex.pages, pageOfLine } : {}),
    ...(paged && ex.ocrPages?.length ? { ocrPages: ex.ocrPages } : {}),
  };
}
