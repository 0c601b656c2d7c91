// PDF with a text layer -> lines, with pdfjs-dist (legacy build: runs on Node 20 without a DOM).
// CMaps and standard fonts come from the installed package, so CJK text decodes offline. Text
// runs and the ruling lines of tables go through layout.ts; pages without any text are scans:
// an error, or with --ocr the OCR reader (ocr.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PlancmpError } from '../errors.js';
import type { Warning } from '../model.js';
import { DEFAULT_READ_PARSE_OPTIONS } from '../options.js';
import type { Budget } from './budget.js';
import { commonShare } from './decode.js';
import type { DocumentReader } from './kinds.js';
import { layoutPages, type PageContent, type Rule, type TextRun } from './layout.js';

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

/** Ruling lines (table borders) drawn on the page, in viewport coordinates, and whether it paints images. */
async function pageGraphics(page: PdfPage, lib: Pdfjs, viewport: Matrix, budget: Budget): Promise<{ rules: Rule[]; images: number }> {
  const { OPS } = lib;
  const ops = await page.getOperatorList();
  budget.check('drawingOpsPerPage', ops.fnArray.length, (n) => `page ${page.pageNumber} draws ${ops.fnArray.length} operations, more than ${n}`);
  const rules: Rule[] = [];
  let images = 0;
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
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++;
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
  return { rules, images };
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

async function pageContent(page: PdfPage, lib: Pdfjs, budget: Budget): Promise<{ content: PageContent; images: number }> {
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
  // text (scans) or with text set apart in columns (a table may be there).
  if (runs.length > 0 && !hasColumns(runs)) return { content: { width: vp.width, height: vp.height, runs, rules: [] }, images: 0 };
  const { rules, images } = await pageGraphics(page, lib, vp.transform as Matrix, budget);
  return { content: { width: vp.width, height: vp.height, runs, rules }, images };
}

export const read: DocumentReader = async (bytes, file, opts, budget) => {
  const { doc, lib } = await openPdf(bytes, file);
  try {
    budget.check('pages', doc.numPages, (n) => `it has ${doc.numPages} pages, more than ${n}`);
    const pages: PageContent[] = [];
    const noText: number[] = [];
    let imagePages = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { content, images } = await pageContent(page, lib, budget);
      if (content.runs.length === 0) noText.push(n);
      if (content.runs.length === 0 && images > 0) imagePages++;
      pages.push(content);
      page.cleanup();
    }
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
      noText.splice(0, noText.length, ...pages.map((_, i) => i + 1));
    }
    const warnings: Warning[] = [];
    if (noText.length > 0) {
      if (opts.ocr) {
        const { ocrPages } = await import('./ocr.js');
        const ocr = await ocrPages(bytes, file, noText, noText.map((n) => pages[n - 1]), budget);
        noText.forEach((n, i) => (pages[n - 1] = ocr[i]));
        const all = noText.length === doc.numPages;
        return {
          lines: layoutPages(pages),
          pages: doc.numPages,
          format: all ? 'pdf-ocr' : 'pdf',
          warnings: [
            {
              code: 'ocr',
              line: 0,
              message: `${all ? 'all' : noText.length} of ${doc.numPages} pages were read by OCR (Tesseract chi_sim): check names, numbers and dates against the original`,
            },
          ],
        };
      }
      if (noText.length === doc.numPages) {
        throw new PlancmpError(
          'no-text-layer',
          `is a scanned PDF: none of its ${doc.numPages} page${doc.numPages === 1 ? '' : 's'} has a text layer (${imagePages === doc.numPages ? (doc.numPages === 1 ? 'it is an image' : `all ${imagePages} are images`) : `${imagePages} ${imagePages === 1 ? 'is an image' : 'are images'}`})`,
          file,
          'run again with --ocr to read it with Tesseract (Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)',
        );
      }
      warnings.push({ code: 'pdf-image-pages', line: 0, message: `page${noText.length === 1 ? '' : 's'} ${noText.join(', ')} of ${doc.numPages} ha${noText.length === 1 ? 's' : 've'} no text layer (images) and ${noText.length === 1 ? 'was' : 'were'} skipped; --ocr reads them` });
    }
    return { lines: layoutPages(pages), pages: doc.numPages, warnings };
  } finally {
    await doc.destroy();
  }
};
