// File (or stdin) -> SourceText: size limits, encoding, text vs HTML.
import path from 'node:path';
import { PlancmpError } from '../errors.js';
import type { SourceFormat, SourceText, Warning } from '../model.js';
import { decodeBytes, encodingFromName, hasBom, isValidUtf8, type Decoded } from './decode.js';
import { htmlNotice } from './html.js';
import { displayName, readError, readFileBytesSync, recoverRawPath, tooLarge as tooLargeError, isDirectoryError, type RawPath } from './file.js';
import { detectKind, type DocumentOptions } from './kinds.js';

export const MAX_BYTES = 20 * 1024 * 1024;
/** Environment variable that replaces MAX_BYTES (a whole number of bytes), e.g. for a corpus of huge pages. */
export const MAX_BYTES_ENV = 'PLANCMP_MAX_BYTES';
export const STDIN_NAME = '<stdin>';

export interface ReadOptions extends DocumentOptions {
  /** Forced encoding (--encoding); detected when absent. */
  encoding?: string;
  format?: SourceFormat | 'auto';
  maxBytes?: number;
  /** Stream read for file '-' (defaults to process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

const HTML_EXT = new Set(['.htm', '.html', '.xhtml', '.shtml']);

const tooLarge = (size: string, limit: number, file: string) => tooLargeError(size, limit, file, MAX_BYTES_ENV);

/** The size limit: the caller's, else PLANCMP_MAX_BYTES, else MAX_BYTES. */
export function maxBytes(opts: { maxBytes?: number } = {}): number {
  if (opts.maxBytes !== undefined) return opts.maxBytes;
  const env = process.env[MAX_BYTES_ENV]?.trim();
  if (!env) return MAX_BYTES;
  if (!/^\d{1,15}$/.test(env) || Number(env) === 0) {
    throw new PlancmpError('usage', `${MAX_BYTES_ENV}="${env}" is not a number of bytes`, undefined, `set it to a positive whole number such as ${MAX_BYTES}, or unset it`);
  }
  return Number(env);
}

async function readStream(stream: NodeJS.ReadableStream, file: string, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > limit) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw tooLarge(`more than ${limit}`, limit, file);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Reads and decodes one notice. `file` '-' is standard input (reported as `<stdin>`). */
export async function readSource(file: string, opts: ReadOptions = {}): Promise<SourceText> {
  const limit = maxBytes(opts);
  if (file === '-') {
    const stdin = opts.stdin ?? process.stdin;
    if (stdin === process.stdin && process.stdin.isTTY) {
      throw new PlancmpError('stdin-tty', 'standard input is a terminal, not a file', STDIN_NAME, 'pipe a notice in, e.g. `plancmp parse - < notice.txt`');
    }
    return readBytes(await readStream(stdin, STDIN_NAME, limit), STDIN_NAME, opts);
  }
  // a pipe given by name (`<(curl …)`) is read like standard input; devices are refused
  // a name typed with bytes that are not UTF-8 is shown with them as \xNN, not as U+FFFD
  const raw = file.includes('\uFFFD') ? recoverRawPath(file) : undefined;
  const shown = raw ? displayName(raw) : file;
  return readBytes(readInputBytes(raw ?? file, { ...opts, pipes: true }, shown), shown, opts);
}

/**
 * Bytes already in memory -> SourceText, any format: a registered document format (PDF, DOCX,
 * DOC/WPS, OFD; see kinds.ts) by its content, else text or HTML (sourceFromBytes).
 */
export async function readBytes(bytes: Uint8Array, file: string, opts: ReadOptions = {}): Promise<SourceText> {
  const format = opts.format ?? 'auto';
  const kind = format === 'text' || format === 'html' ? undefined : detectKind(bytes, file);
  if (!kind) return sourceFromBytes(bytes, file, opts);
  const limit = maxBytes(opts);
  if (bytes.length > limit) throw tooLarge(String(bytes.length), limit, file);
  if (opts.isolate) {
    const { canIsolate, readIsolated } = await import('./isolate.js');
    if (canIsolate()) return readIsolated(kind, bytes, file, opts);
  }
  const { readDocument } = await import('./document.js');
  return readDocument(kind, bytes, file, opts);
}

/**
 * The bytes of one input file, for every command: its type checked, at most the size limit read
 * (see read/file.ts). Export calls this with `pipes` off, so a FIFO in a batch cannot hang a worker.
 */
export function readInputBytes(file: RawPath, opts: { maxBytes?: number; pipes?: boolean } = {}, shown?: string): Buffer {
  return readFileBytesSync(file, { limit: maxBytes(opts), pipes: opts.pipes }, shown);
}

export { readError, isDirectoryError };

/** The charset an HTML page declares (<meta charset>, http-equiv, <?xml encoding>), if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  const m =
    /<meta\b[^<>]*?charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml\b[^<>]*?encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1];
}

/** Whether decoded text is an HTML page rather than a plain-text notice. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^[\s\uFEFF]+/, '');
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(head)) return true;
  const tags = head.match(/<\/?[a-z][a-z0-9]*[\s>/]/gi)?.length ?? 0;
  return tags >= 5 && /<(body|p|div|table|br)[\s>/]/i.test(head);
}

/** Decodes bytes already in memory; see readSource. */
export function sourceFromBytes(bytes: Uint8Array, file: string, opts: ReadOptions = {}): SourceText {
  const limit = maxBytes(opts);
  if (bytes.length > limit) throw tooLarge(String(bytes.length), limit, file);
  const format = opts.format ?? 'auto';
  const warnings: Warning[] = [];

  let decoded: Decoded | undefined;
  if (!opts.encoding && format !== 'text' && !hasBom(bytes) && !isValidUtf8(bytes)) {
    // A legacy-encoded page usually says so. Bytes that are valid UTF-8 win over the
    // declaration: browsers re-encode saved pages to UTF-8 but keep the old <meta>.
    const declared = declaredCharset(bytes);
    const canonical = declared ? encodingFromName(declared) : undefined;
    if (canonical === 'gb18030' || canonical === 'big5') {
      try {
        decoded = decodeBytes(bytes, file, canonical);
      } catch (e) {
        if (!(e instanceof PlancmpError) || e.code !== 'wrong-encoding') throw e;
        warnings.push({ code: 'charset-mismatch', line: 0, message: `the page declares charset ${declared} but is not encoded that way` });
      }
    }
  }
  decoded ??= decodeBytes(bytes, file, opts.encoding);
  warnings.push(...decoded.warnings);

  const ext = file === STDIN_NAME ? '' : path.extname(file).toLowerCase();
  const isHtml = format === 'html' || (format === 'auto' && (HTML_EXT.has(ext) || looksLikeHtml(decoded.text)));
  if (!isHtml) {
    return { file, text: decoded.text, encoding: decoded.encoding, format: 'text', bytes: bytes.length, warnings };
  }
  const html = htmlNotice(decoded.text, file);
  return { file, text: html.text, encoding: decoded.encoding, format: 'html', bytes: bytes.length, warnings: [...warnings, ...html.warnings] };
}
