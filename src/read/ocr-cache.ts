// What Tesseract read from a page, kept so that reading the same scan again costs no OCR: one small
// JSON per page under $XDG_CACHE_HOME/plancmp/ocr (default ~/.cache/plancmp/ocr), named by the hash
// of the file's bytes, the page, the resolution and the reader's settings. The entry holds
// Tesseract's own TSV and the borders found in the image (not plancmp's reading of them), so a better reading of the TSV applies to cached
// pages too. An entry that does not parse or has the wrong shape is read as absent (and rewritten);
// entries are written atomically (write/atomic.ts), so a crash leaves none half-written. The cache
// is an optimisation only: any error in it is ignored. --no-cache (PLANCMP_NO_CACHE=1) bypasses it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeDirs, writeOutputSync } from '../write/atomic.js';
import type { Extraction } from './kinds.js';
import type { PageRules, Segment } from './ocr-rules.js';

/** Bump when what is stored (or the way Tesseract is run) changes: old entries are then not found. */
const VERSION = 1;

export interface OcrEntry {
  dpi: number;
  /** the rendered image's size in pixels */
  width: number;
  height: number;
  tsv: string;
  /** the borders found in the page image (absent in entries of an older plancmp: the page is rendered again for them) */
  rules?: PageRules;
}

const isSegment = (s: Partial<Segment> | null) => s !== null && typeof s === 'object' && [s.x0, s.y0, s.x1, s.y1].every((v) => typeof v === 'number' && Number.isFinite(v));
const isRules = (r: Partial<PageRules> | undefined) =>
  r !== null && typeof r === 'object' && Number.isInteger(r.finder) && typeof r.slope === 'number' && Number.isFinite(r.slope) && Array.isArray(r.horizontal) && Array.isArray(r.vertical) && r.horizontal.every(isSegment) && r.vertical.every(isSegment);

/** The folder of the OCR cache ($XDG_CACHE_HOME/plancmp/ocr, else ~/.cache/plancmp/ocr). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'plancmp', 'ocr');
}

/** PLANCMP_NO_CACHE=1: as --no-cache for every command (e.g. in a test that must run the tools). */
export const cacheOff = (env: NodeJS.ProcessEnv = process.env): boolean => env.PLANCMP_NO_CACHE === '1';

/** The hash that names a file's entries: its content, whatever it is called. */
export const contentHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export class OcrCache {
  constructor(
    private readonly hash: string,
    /** how the page is read (language, page segmentation): part of the key */
    private readonly engine: string,
    private readonly dir = cacheDir(),
  ) {}

  private file(page: number, dpi: number, how = ''): string {
    const key = createHash('sha256').update(`${VERSION}\0${this.hash}\0${page}\0${dpi}\0${this.engine}\0${how}`).digest('hex');
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(page: number, dpi: number): OcrEntry | undefined {
    try {
      const e = JSON.parse(readFileSync(this.file(page, dpi), 'utf8')) as Partial<OcrEntry> & { v?: number };
      const ok = e.v === VERSION && e.dpi === dpi && typeof e.tsv === 'string' && Number.isInteger(e.width) && Number.isInteger(e.height) && e.width! > 0 && e.height! > 0;
      if (!ok) return undefined;
      return { dpi, width: e.width!, height: e.height!, tsv: e.tsv!, ...(e.rules !== undefined && isRules(e.rules) ? { rules: e.rules } : {}) };
    } catch {
      return undefined; // absent, unreadable or corrupt: read the page again
    }
  }

  put(page: number, entry: OcrEntry): void {
    this.write(this.file(page, entry.dpi), { v: VERSION, ...entry });
  }

  /**
   * The whole reading of the file (its lines, pages and warnings) with the same settings (`how`):
   * a second run of a scan then opens no PDF at all — pdf.js decodes every page image just to
   * find that the page is a scan, seconds for a long file.
   */
  getDocument(how: string): Extraction | undefined {
    try {
      const e = JSON.parse(readFileSync(this.file(0, 0, how), 'utf8')) as { v?: number; x?: Extraction };
      const x = e.x;
      const ok =
        e.v === VERSION &&
        x !== undefined &&
        Array.isArray(x.lines) &&
        x.lines.every((l) => typeof l === 'object' && l !== null && typeof l.text === 'string' && Number.isInteger(l.page) && Number.isInteger(l.line)) &&
        Number.isInteger(x.pages) &&
        Array.isArray(x.warnings) &&
        x.warnings.every((w) => typeof w?.code === 'string' && typeof w.message === 'string' && Number.isInteger(w.line)) &&
        (x.format === undefined || typeof x.format === 'string') &&
        (x.ocrPages === undefined || (Array.isArray(x.ocrPages) && x.ocrPages.every(Number.isInteger)));
      return ok ? x : undefined;
    } catch {
      return undefined;
    }
  }

  putDocument(how: string, x: Extraction): void {
    this.write(this.file(0, 0, how), { v: VERSION, x });
  }

  private write(file: string, data: unknown): void {
    try {
      makeDirs(path.dirname(file));
      writeOutputSync(file, JSON.stringify(data));
    } catch {
      /* a cache that cannot be written costs only time */
    }
  }
}
