// Scanned PDF pages -> positioned text, with Debian's tools: pdftoppm (poppler-utils) renders a page,
// tesseract (tesseract-ocr + tesseract-ocr-chi-sim) reads it as TSV word boxes, which go through the
// same layout as a text layer. Nothing is downloaded: missing tools give an install hint.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PlancmpError } from '../errors.js';
import type { PageContent, TextRun } from './layout.js';

const run = promisify(execFile);
const DPI = 300;
const INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils';

async function tool(cmd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await run(cmd, args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout + stderr;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const out = e as { stdout?: string; stderr?: string };
    return (out.stdout ?? '') + (out.stderr ?? '');
  }
}

/** Fails with an install hint unless pdftoppm and tesseract with Simplified Chinese data are there. */
async function checkTools(file: string): Promise<void> {
  if ((await tool('pdftoppm', ['-v'])) === undefined) {
    throw new PlancmpError('ocr-unavailable', '--ocr needs pdftoppm (poppler-utils) to render the pages, and it is not installed', file, `install it: ${INSTALL}`);
  }
  const langs = await tool('tesseract', ['--list-langs']);
  if (langs === undefined) {
    throw new PlancmpError('ocr-unavailable', '--ocr needs Tesseract, and it is not installed', file, `install it: ${INSTALL}`);
  }
  if (!/^chi_sim$/m.test(langs)) {
    throw new PlancmpError('ocr-unavailable', '--ocr needs Tesseract\'s Simplified Chinese data (chi_sim), and it is not installed', file, 'install it: apt-get install tesseract-ocr-chi-sim');
  }
}

/** Tesseract TSV (level 5 rows are words) -> text runs in PDF points, one baseline per OCR line. */
export function tsvRuns(tsv: string, scale: number): TextRun[] {
  const lines = new Map<string, { left: number; top: number; width: number; height: number; text: string }[]>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5' || c[11].trim() === '' || Number(c[10]) < 0) continue;
    const key = `${c[2]}.${c[3]}.${c[4]}`;
    const word = { left: +c[6], top: +c[7], width: +c[8], height: +c[9], text: c[11].trim() };
    (lines.get(key) ?? lines.set(key, []).get(key)!).push(word);
  }
  const runs: TextRun[] = [];
  for (const words of lines.values()) {
    const heights = words.map((w) => w.height).sort((a, b) => a - b);
    const size = heights[Math.floor(heights.length / 2)] * scale;
    const bottom = Math.max(...words.map((w) => w.top + w.height)) * scale;
    for (const w of words) runs.push({ text: w.text, x: w.left * scale, y: bottom, w: w.width * scale, size });
  }
  return runs;
}

/** OCR of the given pages (1-based) of a PDF, page by page. */
export async function ocrPages(bytes: Uint8Array, file: string, pages: number[], _total: number): Promise<PageContent[]> {
  await checkTools(file);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plancmp-ocr-'));
  try {
    const pdf = path.join(dir, 'in.pdf');
    await fs.writeFile(pdf, bytes);
    const out: PageContent[] = [];
    for (const n of pages) {
      const base = path.join(dir, `p${n}`);
      try {
        await run('pdftoppm', ['-r', String(DPI), '-gray', '-png', '-f', String(n), '-l', String(n), '-singlefile', pdf, base]);
        const { stdout } = await run('tesseract', [`${base}.png`, 'stdout', '-l', 'chi_sim', '--psm', '3', 'tsv'], {
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        });
        const png = await fs.readFile(`${base}.png`);
        const scale = 72 / DPI;
        // PNG IHDR: width and height at bytes 16..23
        const width = png.readUInt32BE(16) * scale;
        const height = png.readUInt32BE(20) * scale;
        out.push({ width, height, runs: tsvRuns(stdout, scale), rules: [] });
      } catch (e) {
        const msg = String((e as { stderr?: string }).stderr || (e as Error).message).trim().split('\n').pop();
        throw new PlancmpError('ocr-failed', `OCR of page ${n} failed (${msg})`, file, 'check that the PDF opens in a viewer; try pdftoppm and tesseract on it by hand');
      } finally {
        await fs.rm(`${base}.png`, { force: true });
      }
    }
    return out;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
