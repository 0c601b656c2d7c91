// Notices as they are published: every seed re-published as DOCX (Word list numbering), PDF (printed
// by headless chromium, with a running header and — n — page numbers) and OFD must parse to the
// same tasks, units and key list as its text; the real WPS .doc and its PDF must agree; scanned
// PDFs need --ocr; encrypted and damaged files give one clear error and a batch goes on.
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { parseFile } from '../src/pipeline.js';
import { readSource } from '../src/read/index.js';
import { PlancmpError } from '../src/errors.js';
import type { Notice } from '../src/model.js';
import { FX, encryptedPdf, hasTool, runCli } from './helpers.js';
import { toDocx, toHtml, toOfd } from './documents.js';
import { expectValid, validateParse } from './schema-support.js';

// reading PDFs takes seconds on a busy 2-core machine
vi.setConfig({ testTimeout: 60_000 });

const OUT = resolve('test-output/formats');
const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const HAS_OCR = hasTool('tesseract') && hasTool('pdftoppm', '-v');
if (!HAS_CHROMIUM && !process.env.CI) console.warn(`PDF format tests skipped: ${CHROMIUM} not found (apt-get install chromium fonts-wqy-zenhei)`);
if (!HAS_OCR && !process.env.CI) console.warn('OCR test skipped: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils');
const BINARY = resolve('../shared/real/binary/hainan-nongnongcai-2024-nongji-butie-notice');

const SEEDS = Object.values(FX);
const name = (seed: string, ext: string) => join(OUT, basename(seed, '.txt') + ext);

/** What must survive a change of format: ids, titles, units of tasks; the key list's rows. */
function essence(n: Notice) {
  return {
    tasks: n.tasks.map((t) => ({ id: t.id, title: t.title, units: t.units, lead: t.lead, assist: t.assist })),
    keyList: n.keyList.map((r) => ({ id: r.id, task: r.task, units: r.units, deadline: r.deadline.text })),
  };
}

let browser: Browser | undefined;

async function printPdf(html: string, file: string): Promise<void> {
  const page = await browser!.newPage();
  await page.setContent(html);
  await page.pdf({
    path: file,
    format: 'A4',
    margin: { top: '25mm', bottom: '25mm', left: '26mm', right: '26mm' },
    displayHeaderFooter: true,
    headerTemplate: '<div style="font-size:9px;width:100%;text-align:center;font-family:\'WenQuanYi Zen Hei\'">政府信息公开 规范性文件</div>',
    footerTemplate: '<div style="font-size:10px;width:100%;text-align:center;font-family:\'WenQuanYi Zen Hei\'">— <span class="pageNumber"></span> —</div>',
  });
  await page.close();
}

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const seed of SEEDS) {
    const text = readFileSync(seed, 'utf8');
    writeFileSync(name(seed, '.docx'), await toDocx(text));
    writeFileSync(name(seed, '.ofd'), toOfd(text));
  }
  if (!HAS_CHROMIUM) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const seed of SEEDS) await printPdf(toHtml(readFileSync(seed, 'utf8')), name(seed, '.pdf'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('each seed re-published in another format parses like its text', () => {
  for (const seed of SEEDS) {
    for (const ext of ['.docx', '.ofd', '.pdf']) {
      it.skipIf(ext === '.pdf' && !HAS_CHROMIUM && !process.env.CI)(`${basename(seed)} as ${ext}`, async () => {
        const text = await parseFile(seed);
        const other = await parseFile(name(seed, ext));
        expect(other.source.format).toBe(ext.slice(1));
        expect(text.tasks.length).toBeGreaterThan(0);
        expect(essence(other)).toEqual(essence(text));
        expectValid(validateParse, JSON.parse(JSON.stringify(other)), name(seed, ext));
      });
    }
  }

  it('the DOCX carries its heading numbers only as Word list numbering', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const zip = unzipSync(readFileSync(name(FX.province, '.docx')));
    const doc = strFromU8(zip['word/document.xml']);
    expect(strFromU8(zip['word/numbering.xml'])).toContain('chineseCounting');
    expect(doc).toContain('<w:numPr>');
    expect(doc).not.toMatch(/<w:t[^>]*>（一）/);
    const src = await readSource(name(FX.province, '.docx'));
    expect(src.text).toMatch(/^二、主要任务/m);
    expect(src.text).toMatch(/^（一）/m);
  });

  it.skipIf(!HAS_CHROMIUM && !process.env.CI)('drops the PDF running header and page numbers; warnings name their page', async () => {
    const src = await readSource(name(FX.province, '.pdf'));
    expect(src.pages).toBeGreaterThan(1);
    expect((await parseFile(name(FX.province, '.pdf'))).source.pages).toBe(src.pages);
    expect(src.text).not.toContain('政府信息公开');
    expect(src.text).not.toMatch(/^— \d+ —$/m);
    expect(src.pageOfLine).toHaveLength(src.text.split('\n').length);
    const n = await parseFile(name(FX.xinchang, '.pdf'));
    const w = n.warnings.find((x) => x.line > 0);
    if (w) expect(w.page).toBeGreaterThanOrEqual(1);
  });
});

describe('the real notice as a WPS .doc and as a PDF', () => {
  it('gives the same tasks from both', async () => {
    const doc = await parseFile(BINARY + '.doc');
    const pdf = await parseFile(BINARY + '.pdf');
    expect(doc.source.format).toBe('doc');
    expect(pdf.source.format).toBe('pdf');
    expect(pdf.tasks.length).toBeGreaterThan(0);
    // the two files differ in one way of their own: WPS kept straight quotes ("购机者") where the PDF
    // conversion typeset curly ones (“购机者”); fold that, compare everything else as is
    const quotes = (n: Notice) => JSON.parse(JSON.stringify(essence(n).tasks).replace(/[“”]|\\"/g, '\\"'));
    expect(quotes(pdf)).toEqual(quotes(doc));
    expect(pdf.meta.date).toBe(doc.meta.date);
    // the PDF's wrapped lines are whole paragraphs again
    const text = (await readSource(BINARY + '.pdf')).text;
    expect(text).toContain('以保障粮食和重要农产品稳定安全供给为着力点，将更多先进适用机具有序纳入补贴范围');
  });
});

describe('every command reads the new formats', () => {
  it('parse, diff, check and report take DOCX, OFD and PDF; export finds them in a folder', async () => {
    const docx = name(FX.zhoushan, '.docx');
    const ofd = name(FX.xinchang, '.ofd');
    const p = await runCli(['parse', docx, '--format', 'json']);
    expect(p.code, p.err).toBe(0);
    expect(JSON.parse(p.out).source.format).toBe('docx');
    const d = await runCli(['diff', name(FX.province, '.docx'), ofd, '--format', 'json']);
    expect(d.code, d.err).toBe(0);
    expect(JSON.parse(d.out).summary.localTasks).toBe(14);
    const c = await runCli(['check', BINARY + '.doc']);
    expect(c.err).not.toMatch(/unreadable|cannot read/);
    const html = join(OUT, 'report.html');
    const r = await runCli(['report', docx, ofd, '--html', html]);
    expect(r.code, r.err).toBe(0);
    const dir = join(OUT, 'batch');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.docx'), readFileSync(docx));
    writeFileSync(join(dir, 'b.ofd'), readFileSync(ofd));
    writeFileSync(join(dir, 'c.doc'), readFileSync(BINARY + '.doc'));
    writeFileSync(join(dir, 'd.docx'), readFileSync(docx).subarray(0, 3000)); // damaged
    const e = await runCli(['export', dir, '--out', join(OUT, 'export'), '--jobs', '1']);
    expect(e.code, e.err).toBe(3);
    expect(readdirSync(join(OUT, 'export')).filter((f) => f.endsWith('.json')).sort()).toEqual(['a.docx.json', 'b.ofd.json', 'c.doc.json']);
    const errors = readFileSync(join(OUT, 'export', 'errors.jsonl'), 'utf8');
    expect(errors).toContain('d.docx');
    expect(errors).toContain('damaged');
  });
});


async function errorOf(file: string, opts = {}): Promise<PlancmpError> {
  try {
    await readSource(file, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(PlancmpError);
    return e as PlancmpError;
  }
  throw new Error(`${file} was read without an error`);
}

describe('bad documents: one clear error each, and the batch goes on', () => {
  it('an encrypted PDF', async () => {
    const f = join(OUT, 'locked.pdf');
    writeFileSync(f, encryptedPdf());
    const e = await errorOf(f);
    expect(e.code).toBe('encrypted');
    expect(e.describe()).toMatch(/password/);
  });

  it('a damaged zip (truncated DOCX) and a damaged PDF', async () => {
    const f = join(OUT, 'cut.docx');
    writeFileSync(f, readFileSync(name(FX.province, '.docx')).subarray(0, 4000));
    expect((await errorOf(f)).code).toBe('damaged');
    const g = join(OUT, 'junk.pdf');
    writeFileSync(g, '%PDF-1.7\n' + 'x'.repeat(500));
    const e = await errorOf(g);
    expect(e.code).toBe('damaged');
    expect(e.describe()).toMatch(/^.*junk\.pdf: cannot read this PDF file/);
  });

  it('an encrypted Word document (an OLE2 container holding the encrypted package)', async () => {
    const f = join(OUT, 'locked.docx');
    const bytes = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    Buffer.from('EncryptedPackage', 'utf16le').copy(bytes, 1024);
    writeFileSync(f, bytes);
    const e = await errorOf(f);
    expect(e.code).toBe('encrypted');
    expect(e.hint).toMatch(/password/);
  });

  it('an OLE2 file that is not a Word document', async () => {
    const f = join(OUT, 'sheet.doc');
    const bytes = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    writeFileSync(f, bytes);
    expect((await errorOf(f)).code).toBe('damaged');
  });

  it('parse goes on past a bad file and exits 3', async () => {
    const f = join(OUT, 'cut2.docx');
    writeFileSync(f, readFileSync(name(FX.province, '.docx')).subarray(0, 4000));
    const r = await runCli(['parse', f, FX.xinchang, '--format', 'json']);
    expect(r.code).toBe(3);
    expect(r.err.trim().split('\n')[0]).toMatch(/cut2\.docx: cannot read this DOCX file .* — /);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    // two files given: an array, holding the one that parsed
    expect(JSON.parse(r.out).map((n: { tasks: unknown[] }) => n.tasks.length)).toEqual([14]);
  });
});

describe.skipIf(!(HAS_CHROMIUM && HAS_OCR) && !process.env.CI)('scanned PDF', () => {
  let scan: string;
  beforeAll(async () => {
    // render the seed's printed pages to images, and print those images as an image-only PDF
    const src = name(FX.xinchang, '.pdf');
    const prefix = join(OUT, 'scan-page');
    execFileSync('pdftoppm', ['-r', '150', '-png', src, prefix]);
    const pngs = readdirSync(OUT).filter((f) => f.startsWith('scan-page') && f.endsWith('.png')).sort();
    const html = `<!doctype html><html><head><style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;height:297mm;display:block;page-break-after:always}</style></head><body>${pngs
      .map((p) => `<img src="${pathToFileURL(join(OUT, p)).href}">`)
      .join('')}</body></html>`;
    writeFileSync(join(OUT, 'scan.html'), html);
    const page = await browser!.newPage();
    await page.goto(pathToFileURL(join(OUT, 'scan.html')).href);
    scan = join(OUT, 'scan.pdf');
    await page.pdf({ path: scan, format: 'A4', margin: { top: '0', bottom: '0', left: '0', right: '0' }, printBackground: true });
    await page.close();
  }, 60_000);

  it('without --ocr: an error that says the pages are images', async () => {
    const e = await errorOf(scan);
    expect(e.code).toBe('no-text-layer');
    expect(e.message).toMatch(/scanned PDF: none of its \d+ pages? has a text layer/);
    expect(e.hint).toMatch(/--ocr/);
    const r = await runCli(['parse', scan]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--ocr/);
  });

  it('with --ocr: at least 90% of the task titles come back exactly, with a warning', async () => {
    const text = await parseFile(FX.xinchang);
    const r = await runCli(['parse', scan, '--ocr', '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const n = JSON.parse(r.out) as Notice;
    expect(n.source.format).toBe('pdf-ocr');
    expect(n.warnings.some((w) => w.code === 'ocr')).toBe(true);
    const titles = new Set(n.tasks.map((t) => t.title));
    const found = text.tasks.filter((t) => titles.has(t.title)).length;
    expect(found / text.tasks.length).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});
