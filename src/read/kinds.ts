// The one place where document formats are registered. A kind says how to recognise its bytes
// (magic numbers first, the extension only to tell zip-based formats apart when the archive's
// directory is unreadable) and where its reader lives. Readers are loaded on first use, so a run
// over plain-text notices never loads pdfjs, the zip or the OLE2 libraries.
// Adding a format: write src/read/<format>.ts exporting `read: DocumentReader`, add one entry here.
import path from 'node:path';
import type { SourceFormat, Warning } from '../model.js';
import type { ReadLimits } from '../options.js';
import type { Budget } from './budget.js';
import type { PlacedLine } from './layout.js';

export interface DocumentOptions {
  /** --ocr: read scanned pages (no text layer, or only a watermark on a page image) with Tesseract. */
  ocr?: boolean;
  /** --ocr-pages: read at most this many scanned pages (default DEFAULT_OCR_PAGES); the rest are left out with a warning. */
  ocrPages?: number;
  /** false (--no-cache): read every page again instead of taking what was read before from the OCR cache. */
  cache?: boolean;
  /** Called after each page read by OCR (or taken from the cache): the progress of a long scan. */
  onProgress?: (done: number, total: number) => void;
  /** The per-file read limits (default: src/options.ts with PLANCMP_LIMITS laid over them). */
  limits?: ReadLimits;
  /** Read a registered binary format in the reading worker (isolate.ts): the command line's choice. */
  isolate?: boolean;
}

/** What a reader gives back: the text as lines (with their page when the format is paged). */
export interface Extraction {
  lines: PlacedLine[] | string[];
  pages?: number;
  warnings: Warning[];
  /** The reader that actually ran, when it differs from the kind (e.g. a scanned PDF read by OCR). */
  format?: SourceFormat;
  /** How the text was stored, for source.encoding (default: unicode). */
  encoding?: string;
  /** Pages whose text OCR read (1-based): normalize repairs what Tesseract typically gets wrong there. */
  ocrPages?: number[];
}

/** A reader spends what it unpacks and builds from `budget` (budget.ts) while it reads. */
export type DocumentReader = (bytes: Uint8Array, file: string, opts: DocumentOptions, budget: Budget) => Promise<Extraction>;

export interface InputKind {
  format: SourceFormat;
  /** Name used in messages. */
  label: string;
  /** Extensions `export` takes from directories. */
  extensions: string[];
  matches(bytes: Uint8Array, ext: string): boolean;
  load(): Promise<DocumentReader>;
}

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);

/** Member names from a zip's central directory (empty when it cannot be found, e.g. a truncated file). */
export function zipNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let eocd = bytes.length - 22; eocd >= Math.max(0, bytes.length - 22 - 65535); eocd--) {
    if (view.getUint32(eocd, true) !== 0x06054b50) continue;
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    const names: string[] = [];
    for (let i = 0; i < count && at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50; i++) {
      const len = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      names.push(Buffer.from(bytes.subarray(at + 46, at + 46 + len)).toString('utf8'));
      at += 46 + len + extra;
    }
    return names;
  }
  return [];
}

function zipKind(bytes: Uint8Array, ext: string, member: (names: string[]) => boolean, exts: string[]): boolean {
  if (!isZip(bytes)) return false;
  const names = zipNames(bytes);
  return names.length > 0 ? member(names) : exts.includes(ext);
}

export const INPUT_KINDS: InputKind[] = [
  {
    format: 'pdf',
    label: 'PDF',
    extensions: ['.pdf'],
    // %PDF may follow a little junk (some servers prepend bytes); readers accept it within 1 KB
    matches: (bytes) => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-'),
    load: async () => (await import('./pdf.js')).read,
  },
  {
    format: 'docx',
    label: 'DOCX',
    extensions: ['.docx'],
    matches: (bytes, ext) => zipKind(bytes, ext, (n) => n.includes('word/document.xml'), ['.docx', '.docm']),
    load: async () => (await import('./docx.js')).read,
  },
  {
    format: 'ofd',
    label: 'OFD',
    extensions: ['.ofd'],
    matches: (bytes, ext) => zipKind(bytes, ext, (n) => n.some((m) => /(^|\/)OFD\.xml$/i.test(m)), ['.ofd']),
    load: async () => (await import('./ofd.js')).read,
  },
  {
    format: 'doc',
    label: 'DOC/WPS',
    extensions: ['.doc', '.wps'],
    // OLE2 compound file (Word 97–2003, and what WPS writes)
    matches: (bytes) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    load: async () => (await import('./doc.js')).read,
  },
];

/** Extensions of every registered document format (for `export --ext`). */
export const DOCUMENT_EXTENSIONS = INPUT_KINDS.flatMap((k) => k.extensions);

/** The registered kind these bytes are, or undefined for text and HTML (read by source.ts). */
export function detectKind(bytes: Uint8Array, file: string): InputKind | undefined {
  const ext = path.extname(file).toLowerCase();
  return INPUT_KINDS.find((k) => k.matches(bytes, ext));
}
