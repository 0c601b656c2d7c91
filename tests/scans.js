// Test scans that behave like a phone scanner app's PDF: a notice's text printed to A4 by headless
// chromium (GB/T 9704-like page: — n — page numbers at the foot), each page rasterised by pdftoppm at
// 150–200 dpi, then in the browser turned by a slight random angle, lit unevenly, sprinkled with noise
// and saved as a JPEG, one image per page, and every page given the app's watermark as a real text
// item. A mixed PDF keeps its first pages as printed text and has the rest scanned.
// Nothing here knows the parser. Plain JavaScript so that bench/run.js can use it too.
// Needs /usr/bin/chromium (with a CJK font) and pdftoppm (poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { blocks, toHtml } from './documents.js';

export const WATERMARK = '扫描全能王 创建';

const PRINT = {
  format: 'A4',
  margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' },
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate: '<div style="font-size:14px;width:100%;text-align:center;font-family:\'WenQuanYi Zen Hei\'">— <span class="pageNumber"></span> —</div>',
};

/** The notice printed to a text PDF (as a printer driver would: text layer, page numbers). */
export async function printText(browser, text, file) {
  const page = await browser.newPage();
  await page.setContent(toHtml(text));
  await page.pdf({ path: file, ...PRINT });
  await page.close();
}

/** A small seeded random generator (mulberry32), so that a scan is the same on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs in the browser: one page image turned, lit, noised and saved as JPEG (a data URL). */
const PHOTOGRAPH = async ({ src, angle, noise, light, seed }) => {
  const img = new Image();
  img.src = src;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.width;
  c.height = img.height;
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, c.width, c.height);
  g.translate(c.width / 2, c.height / 2);
  g.rotate((angle * Math.PI) / 180);
  g.drawImage(img, -img.width / 2, -img.height / 2);
  g.setTransform(1, 0, 0, 1, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height);
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  for (let y = 0; y < c.height; y++) {
    // paper grey-ish, darker towards one corner (a phone's uneven light)
    const shade = 1 - light * (y / c.height) * 0.5;
    for (let x = 0; x < c.width; x++) {
      const i = (y * c.width + x) * 4;
      const n = (rand() + rand() + rand() - 1.5) * noise;
      const v = Math.max(0, Math.min(255, d.data[i] * 0.92 * (shade - light * (x / c.width) * 0.5) + 10 + n));
      d.data[i] = d.data[i + 1] = d.data[i + 2] = v;
    }
  }
  g.putImageData(d, 0, 0);
  return c.toDataURL('image/jpeg', 0.72);
};

/**
 * Scans of the pages of `pdf` (a printed notice) as image-only pages with the watermark, in
 * `dir`. Returns the pages as HTML blocks (one <div> per A4 page) to print, and how many there are.
 */
async function scannedPages(browser, pdf, dir, { dpi = 170, seed = 1, watermark = WATERMARK, first, last } = {}) {
  mkdirSync(dir, { recursive: true });
  const prefix = join(dir, 'page');
  const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', ...range, pdf, prefix]);
  const pngs = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
  const r = rng(seed);
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  const divs = [];
  for (const png of pngs) {
    const src = 'data:image/png;base64,' + readFileSync(join(dir, png)).toString('base64');
    const jpeg = await page.evaluate(PHOTOGRAPH, { src, angle: (r() * 2 - 1) * 1.2, noise: 18 + r() * 10, light: 0.08 + r() * 0.08, seed: Math.floor(r() * 2 ** 31) });
    // the app's mark: a real text item at the foot of every page, as 扫描全能王 writes it
    const mark = watermark ? `<span class="wm">${watermark}</span>` : '';
    divs.push(`<div class="page"><img src="${jpeg}">${mark}</div>`);
  }
  await page.close();
  rmSync(dir, { recursive: true, force: true });
  return divs;
}

const SCAN_CSS = `@page{size:A4;margin:0}body{margin:0}
.page{position:relative;width:210mm;height:297mm;page-break-after:always;overflow:hidden}
.page img{width:210mm;height:297mm;display:block}
.wm{position:absolute;right:8mm;bottom:5mm;font:9pt 'WenQuanYi Zen Hei',sans-serif;color:#888}`;

async function printPages(browser, html, file) {
  const page = await browser.newPage();
  await page.setContent(html);
  await page.pdf({ path: file, format: 'A4', margin: { top: '0', bottom: '0', left: '0', right: '0' }, printBackground: true });
  await page.close();
}

/**
 * `text` as a phone scan: every page an image with the watermark as text. `work` is a scratch folder.
 * Options: dpi (150–200), seed, watermark ('' for none), pages (scan only the first N printed pages).
 */
export async function makeScan(browser, text, file, work, opts = {}) {
  mkdirSync(work, { recursive: true });
  const printed = join(work, 'printed.pdf');
  await printText(browser, text, printed);
  const divs = await scannedPages(browser, printed, join(work, 'pages'), { ...opts, last: opts.pages });
  await printPages(browser, `<!doctype html><html><head><meta charset="utf-8"><style>${SCAN_CSS}</style></head><body>${divs.join('')}</body></html>`, file);
}

/**
 * A mixed PDF: the first part of the notice's paragraphs printed as text pages, the rest scanned
 * (image pages with the watermark), as when a scanned annex or a scanned tail is appended.
 * `share` is how much of the text (by paragraphs) stays text.
 */
export async function makeMixed(browser, text, file, work, opts = {}) {
  mkdirSync(work, { recursive: true });
  const lines = text.split(/\r?\n/);
  // cut at a paragraph boundary that is not inside a table
  let cut = Math.floor(lines.length * (opts.share ?? 0.4));
  while (cut < lines.length && (lines[cut].trim().startsWith('|') || lines[cut].trim() === '')) cut++;
  const head = lines.slice(0, cut).join('\n');
  const tail = lines.slice(cut).join('\n');
  const printed = join(work, 'tail.pdf');
  await printText(browser, tail, printed);
  const divs = await scannedPages(browser, printed, join(work, 'pages'), opts);
  const headHtml = toHtml(head).replace(/<\/?(html|body)>|<!doctype html>|<head>[\s\S]*<\/head>/g, '');
  const style = toHtml('').match(/<style>([\s\S]*)<\/style>/)[1];
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${SCAN_CSS}
  @page text{margin:37mm 26mm 35mm 28mm}
  .text{page:text;page-break-after:always}
  ${style.replace(/body\s*\{/, '.text {')}</style></head><body><div class="text">${headHtml}</div>${divs.join('')}</body></html>`;
  await printPages(browser, html, file);
  return { textParagraphs: blocks(head).length, scannedParagraphs: blocks(tail).length };
}
