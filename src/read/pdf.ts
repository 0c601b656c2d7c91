// PDF with a text layer -> lines, with pdfjs-dist (legacy build: runs on Node 20 without a DOM).
// CMaps and standard fonts come from the installed package, so CJK text decodes offline. Text
// runs and the ruling lines of tables go through layout.ts; pages without any text are scans:
// an error, or with --ocr the OCR reader (ocr.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PlancmpError } from '../errors.js';
import type { Warning } from '../model.js';
import { DEFAULT_OCR_PAGES, DEFAULT_READ_PARSE_OPTIONS } from '../options.js';
import type { Budget } from './budget.js';
import { commonShare } from './decode.js';
import type { DocumentReader } from './kinds.js';
import { layoutPages, type PageContent, type Rule, type TextRun } from './layout.js';
import type { Box } from './ocr.js';
import { plancmpVersion } from '../version.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type Matrix = number[];

let loaded: { pdfjs: Pdfjs; dir: string } | undefined;
async function pdfjs(): Promise<{ pdfjs: Pdfjs; dir: string }> {
  if (loaded) return loaded;
  const dir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const lib = (await import(pathToFileURL(path.join(dir, 'legacy/build/pdf.mjs')).href)) as Pdfjs;
  return (loaded = { pdfjs: lib, dir });
}

export async function openPdf(bytes: Uint8Array, file: string): Promise<{ doc: PdfDocument; lib: Pdfjs }> {
  const { pdfjs: lib, dir } = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of (detaches) the buffer it is given
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return { doc: await task.promise, lib };
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'PasswordException') {
      throw new PlancmpError('encrypted', 'is a password-protected (encrypted) PDF', file, 'open it with its password and save an unprotected copy (e.g. qpdf --decrypt --password=… in.pdf out.pdf)');
    }
    throw e;
  }
}

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function pushRule(rules: Rule[], a: [number, number], b: [number, number]): void {
  const r = { x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) };
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  if ((h < 3 && w > 5) || (w < 3 && h > 5)) rules.push(r);
}

/** The share of a `width` × `height` page that the unit square under `ctm` (an image) covers. */
function imageShare(ctm: Matrix, width: number, height: number): number {
  const pts = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
  const xs = pts.map((p) => Math.min(width, Math.max(0, p[0])));
  const ys = pts.map((p) => Math.min(height, Math.max(0, p[1])));
  return ((Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys))) / Math.max(1, width * height);
}

/**
 * Ruling lines (table borders) drawn on the page, in viewport coordinates, how many images it paints
 * and the largest share of the page one of them covers (a scan's page image covers nearly all of it).
 */
async function pageGraphics(page: PdfPage, lib: Pdfjs, viewport: Matrix, size: { width: number; height: number }, budget: Budget): Promise<{ rules: Rule[]; images: number; cover: number }> {
  const { OPS } = lib;
  const ops = await page.getOperatorList();
  budget.check('drawingOpsPerPage', ops.fnArray.length, (n) => `page ${page.pageNumber} draws ${ops.fnArray.length} operations, more than ${n}`);
  const rules: Rule[] = [];
  let images = 0;
  let cover = 0;
  let ctm: Matrix = viewport;
  const stack: Matrix[] = [];
  const strokes = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? viewport;
    else if (fn === OPS.transform) ctm = mul(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = mul(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? viewport;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      images++;
      cover = Math.max(cover, imageShare(ctm, size.width, size.height));
    }
    else if (fn === OPS.constructPath) {
      const [op, [buffer]] = args as [number, [Float32Array | null]];
      if (!buffer || !(strokes.has(op) || fills.has(op))) continue;
      // subpaths of straight segments; a thin filled box or a stroked segment can be a table border
      const subpaths: [number, number][][] = [];
      for (let k = 0; k < buffer.length; ) {
        const d = buffer[k++];
        if (d === 0) subpaths.push([apply(ctm, buffer[k], buffer[k + 1])]), (k += 2);
        else if (d === 1) subpaths[subpaths.length - 1]?.push(apply(ctm, buffer[k], buffer[k + 1])), (k += 2);
        else if (d === 2) k += 6;
        else if (d === 3) k += 4;
        else if (d === 4) subpaths[subpaths.length - 1]?.push(subpaths[subpaths.length - 1][0]);
      }
      for (const pts of subpaths) {
        if (pts.length < 2) continue;
        if (strokes.has(op)) for (let j = 1; j < pts.length; j++) pushRule(rules, pts[j - 1], pts[j]);
        if (fills.has(op)) {
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          pushRule(rules, [Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]);
        }
      }
    }
  }
  return { rules, images, cover };
}

/** Whether two runs on one baseline are more than ~1.2 em apart (table cells, or a signature block). */
function hasColumns(runs: TextRun[]): boolean {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (Math.abs(a.y - b.y) < 0.3 * b.size && b.x - (a.x + a.w) > 1.2 * b.size) return true;
  }
  return false;
}

/**
 * Text too little to be a page of the notice: at most 3 lines and 60 characters. On a page that is
 * one big image, such text is a scanner app's watermark (扫描全能王 writes its name as real text on
 * every page), a stamp or a page number, and the page itself is a scan.
 */
function isThin(runs: TextRun[]): boolean {
  let chars = 0;
  for (const r of runs) chars += r.text.replace(/\s+/g, '').length;
  if (chars > 60) return false;
  const baselines: number[] = [];
  for (const r of runs) if (!baselines.some((y) => Math.abs(y - r.y) < 0.5 * r.size)) baselines.push(r.y);
  return baselines.length <= 3;
}

async function pageContent(page: PdfPage, lib: Pdfjs, budget: Budget): Promise<{ content: PageContent; images: number; cover: number }> {
  const vp = page.getViewport({ scale: 1 });
  const tc = await page.getTextContent();
  budget.check('textItemsPerPage', tc.items.length, (n) => `page ${page.pageNumber} has ${tc.items.length} text items, more than ${n}`);
  const runs: TextRun[] = [];
  for (const item of tc.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const m = lib.Util.transform(vp.transform, item.transform) as Matrix;
    const size = Math.hypot(m[2], m[3]);
    if (!(size > 0)) continue;
    runs.push({ text: item.str, x: m[4], y: m[5], w: item.width, size });
    budget.spend('textChars', item.str.length, (n) => `it yields more than ${n} characters of text`);
  }
  // The drawing (borders, images) costs as much again as the text: read it only for pages without
  // text or with little (scans), or with text set apart in columns (a table may be there).
  if (runs.length > 0 && !hasColumns(runs) && !isThin(runs)) return { content: { width: vp.width, height: vp.height, runs, rules: [] }, images: 0, cover: 0 };
  const { rules, images, cover } = await pageGraphics(page, lib, vp.transform as Matrix, vp, budget);
  return { content: { width: vp.width, height: vp.height, runs, rules }, images, cover };
}

/** Bump when the reading of a scan's OCR changes (layout, masks), so that whole-file cache entries are not reused. */
const READING = 7;

/** Share of the page an image must cover for the page to be a scan (phone scans: the whole page). */
const SCAN_COVER = 0.5;
const textOf = (runs: TextRun[]) => runs.map((r) => r.text).join('').replace(/\s+/g, '');
/** Same text whatever the page number in it. */
const markKey = (runs: TextRun[]) => textOf(runs).replace(/\d+/g, '#');

interface ReadPage {
  content: PageContent;
  images: number;
  cover: number;
}

/**
 * Which pages are scans: no text at all, or one big image with only a watermark or stamp as text —
 * thin text that is the same on most pages (digits aside), or that sits in a strip of the page
 * (it does not cover the body, as the lines of a page of text do). Returns them (1-based) and the
 * watermark seen, if any.
 */
export function scannedPages(pages: ReadPage[]): { scans: number[]; mark?: string } {
  const thin = pages.map((p) => p.content.runs.length > 0 && p.cover >= SCAN_COVER && isThin(p.content.runs));
  const counts = new Map<string, number>();
  pages.forEach((p, i) => thin[i] && counts.set(markKey(p.content.runs), (counts.get(markKey(p.content.runs)) ?? 0) + 1));
  const most = Math.max(2, Math.ceil(pages.length * 0.5));
  const scans: number[] = [];
  let mark: string | undefined;
  pages.forEach((p, i) => {
    const { runs, height } = p.content;
    if (runs.length === 0) return void scans.push(i + 1);
    if (!thin[i]) return;
    const top = Math.min(...runs.map((r) => r.y - r.size));
    const bottom = Math.max(...runs.map((r) => r.y));
    const strip = bottom - top < 0.25 * height;
    if ((counts.get(markKey(runs)) ?? 0) >= most || strip) {
      scans.push(i + 1);
      mark ??= runs.map((r) => r.text).join(' ').replace(/\s+/g, ' ').trim();
    }
  });
  return { scans, mark };
}

/** Boxes (points) of a page's own text, to leave out of what OCR reads there (the watermark is drawn too). */
const masksOf = (runs: TextRun[]): Box[] => runs.map((r) => ({ x0: r.x - 0.5 * r.size, x1: r.x + r.w + 0.5 * r.size, y0: r.y - 1.3 * r.size, y1: r.y + 0.5 * r.size }));

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
/** `3`, `3, 5`, `1–4, 7` */
export function pageList(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    parts.push(j - i >= 2 ? `${pages[i]}–${pages[j]}` : pages.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

const OCR_HINT = 'run again with --ocr to read it with Tesseract (Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)';

export const read: DocumentReader = async (bytes, file, opts, budget) => {
  // a scan read before, with the same page limit: what was read then, without opening the PDF
  // (the reading depends on plancmp's code: a new version reads the scan's pages again from their cached OCR)
  const how = `pages<=${opts.ocrPages ?? DEFAULT_OCR_PAGES} ${plancmpVersion()} ${READING}`;
  const cache = opts.ocr && opts.cache !== false ? (await import('./ocr.js')).ocrCache(bytes) : undefined;
  const known = cache?.getDocument(how);
  if (known) {
    opts.onProgress?.(known.ocrPages?.length ?? 0, known.ocrPages?.length ?? 0);
    return known;
  }
  const x = await readPdf(bytes, file, opts, budget);
  if (cache && x.ocrPages) cache.putDocument(how, x);
  return x;
};

const readPdf: DocumentReader = async (bytes, file, opts, budget) => {
  const { doc, lib } = await openPdf(bytes, file);
  try {
    budget.check('pages', doc.numPages, (n) => `it has ${doc.numPages} pages, more than ${n}`);
    const read: ReadPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      read.push(await pageContent(page, lib, budget));
      page.cleanup();
    }
    const pages = read.map((r) => r.content);
    let { scans, mark } = scannedPages(read);
    // Fonts without a ToUnicode map give text that looks Chinese and is not: few common characters
    // (real notices: 60–77 %). Such a text layer is useless; OCR reads what the pages show.
    const layer = commonShare(pages.map((p) => p.runs.map((r) => r.text).join('')).join(''));
    if (layer.cjk >= 200 && layer.share < DEFAULT_READ_PARSE_OPTIONS.detection.common) {
      if (!opts.ocr) {
        throw new PlancmpError(
          'unusable-text-layer',
          `its text layer does not read as Chinese (${Math.round(layer.share * 100)} % of its ${layer.cjk} Chinese characters are common ones, against 60–80 % in a notice): its fonts lack a map to Unicode`,
          file,
          'run again with --ocr to read the pages as images (Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)',
        );
      }
      scans = pages.map((_, i) => i + 1);
      mark = undefined;
    }
    const imagePages = scans.filter((n) => read[n - 1].images > 0).length;
    const marked = scans.filter((n) => pages[n - 1].runs.length > 0);
    if (scans.length === 0) return { lines: layoutPages(pages), pages: doc.numPages, warnings: [] };
    const warnings: Warning[] = [];
    if (opts.ocr) {
      const limit = opts.ocrPages ?? DEFAULT_OCR_PAGES;
      const now = scans.slice(0, limit);
      const left = scans.slice(limit);
      const { ocrPages } = await import('./ocr.js');
      const ocr = await ocrPages(bytes, file, now, now.map((n) => pages[n - 1]), budget, {
        cache: opts.cache,
        onProgress: opts.onProgress,
        masks: now.map((n) => (marked.includes(n) ? masksOf(pages[n - 1].runs) : [])),
      });
      now.forEach((n, i) => (pages[n - 1] = ocr[i]));
      for (const n of left) pages[n - 1] = { ...pages[n - 1], runs: [], rules: [] };
      const all = now.length === doc.numPages;
      const how = `${all ? 'all' : now.length} of ${doc.numPages} pages were read by OCR (Tesseract ${'chi_sim'})${mark ? `, their watermark “${mark}” left out` : ''}`;
      warnings.push({ code: 'ocr', line: 0, message: `${how}: check names, numbers and dates against the original` });
      if (left.length > 0) {
        warnings.push({ code: 'pdf-image-pages', line: 0, message: `${plural(left.length, 'page', 'pages')} ${pageList(left)} of ${doc.numPages} ${plural(left.length, 'was', 'were')} not read: more scanned pages than --ocr-pages ${limit}; raise it to read them` });
      }
      return { lines: layoutPages(pages), pages: doc.numPages, format: all ? 'pdf-ocr' : 'pdf', warnings, ocrPages: now };
    }
    const what = mark
      ? `${marked.length === scans.length ? '' : `${imagePages} ${plural(imagePages, 'is an image', 'are images')}, `}their only text is “${mark}”, a scanner app's watermark or a stamp`
      : imagePages === scans.length
        ? scans.length === 1
          ? 'it is an image'
          : `all ${imagePages} are images`
        : `${imagePages} ${plural(imagePages, 'is an image', 'are images')}`;
    if (scans.length === doc.numPages) {
      const none = mark
        ? `is a scanned PDF: its ${plural(doc.numPages, 'page is an image', `${doc.numPages} pages are images`)} (${what})`
        : `is a scanned PDF: none of its ${doc.numPages} ${plural(doc.numPages, 'page', 'pages')} has a text layer (${what})`;
      throw new PlancmpError('no-text-layer', none, file, OCR_HINT);
    }
    for (const n of scans) pages[n - 1] = { ...pages[n - 1], runs: [], rules: [] };
    warnings.push({
      code: 'pdf-image-pages',
      line: 0,
      message: `${plural(scans.length, 'page', 'pages')} ${pageList(scans)} of ${doc.numPages} ${plural(scans.length, 'is a scan', 'are scans')} (${mark ? `images; their only text is the watermark “${mark}”` : 'no text layer'}) and ${plural(scans.length, 'was', 'were')} skipped; --ocr reads them`,
    });
    return { lines: layoutPages(pages), pages: doc.numPages, warnings };
  } finally {
    await doc.destroy();
  }
};
