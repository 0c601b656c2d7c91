// Scanned PDF pages -> positioned text, with Debian's tools: pdftoppm (poppler-utils) renders a page,
// tesseract (tesseract-ocr + tesseract-ocr-chi-sim) reads it as TSV word boxes, which go through the
// same layout as a text layer. Nothing is downloaded: missing tools give an install hint.
// Pages are read in parallel (one Tesseract per core) and kept in the OCR cache (ocr-cache.ts).
// Bounded (budget.ts): at most ocrPages pages, each rendered at 300 dpi or less so that its image
// stays within ocrPixels, each tool run within readSeconds. Nothing is left behind: the temporary
// folder ($TMPDIR/plancmp-ocr-hHOST-PID-…, with the input's copy and the page images) and the tools
// still running are removed and ended when reading ends, fails, the process exits or gets SIGINT,
// SIGTERM or SIGHUP; a reader that was killed outright is swept by the process that started it
// (sweepOcr), and any run sweeps what dead processes of this host left.
import { execFile, type ChildProcess } from 'node:child_process';
import { promises as fs, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlancmpError } from '../errors.js';
import { hostTag } from '../write/atomic.js';
import type { Budget } from './budget.js';
import type { PageContent, Rule, TextRun } from './layout.js';
import { eraseRules, FINDER, findRules, readPgm, type PageRules } from './ocr-rules.js';
import { cacheOff, contentHash, OcrCache, type OcrEntry } from './ocr-cache.js';

const DPI = 300;
const INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils';

/** The OCR folders and tools of this process that are still in use. */
const active = new Set<{ dir: string; children: Set<ChildProcess> }>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const prefix = (pid = process.pid) => `plancmp-ocr-h${hostTag()}-${pid}-`;

function cleanupNow(): void {
  for (const a of active) {
    for (const c of a.children) c.kill('SIGKILL');
    rmSync(a.dir, { recursive: true, force: true });
  }
  active.clear();
}

/** On a signal: clean up, then die of it as the process would have without this handler. */
function onSignal(sig: NodeJS.Signals): void {
  cleanupNow();
  unwatch();
  process.kill(process.pid, sig);
}

let watching = false;
function watch(): void {
  if (watching) return;
  watching = true;
  process.on('exit', cleanupNow);
  for (const s of SIGNALS) process.on(s, onSignal);
}
function unwatch(): void {
  if (!watching || active.size > 0) return;
  watching = false;
  process.off('exit', cleanupNow);
  for (const s of SIGNALS) process.off(s, onSignal);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Ends the tools a (dead) process `pid` of this host left running, and removes its OCR folders. */
export function sweepOcr(pid: number): void {
  let names: string[];
  try {
    names = readdirSync(os.tmpdir()).filter((n) => n.startsWith(prefix(pid)));
  } catch {
    return;
  }
  for (const n of names) {
    const dir = path.join(os.tmpdir(), n);
    let pids: number[] = [];
    try {
      pids = readFileSync(path.join(dir, 'tools'), 'utf8').split('\n').filter(Boolean).map(Number);
    } catch {
      /* none started */
    }
    for (const p of pids) {
      try {
        // only if that process id is still one of our tools (ids are reused)
        if (/pdftoppm|tesseract/.test(readFileSync(`/proc/${p}/cmdline`, 'latin1'))) process.kill(p, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The folders of OCR runs whose process is gone (killed outright), on this host. */
function sweepDead(): void {
  let names: string[];
  try {
    names = readdirSync(os.tmpdir());
  } catch {
    return;
  }
  const mine = `plancmp-ocr-h${hostTag()}-`;
  for (const n of names) {
    if (!n.startsWith(mine)) continue;
    const pid = Number(n.slice(mine.length).split('-')[0]);
    if (pid > 0 && pid !== process.pid && !alive(pid)) sweepOcr(pid);
  }
}

/** Runs a tool as part of an OCR run: recorded (for sweepOcr) and ended with it. */
function runTool(own: { dir: string; children: Set<ChildProcess> }, cmd: string, args: string[], opts: { timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, timeout: opts.timeoutMs, killSignal: 'SIGKILL', env: opts.env }, (e, stdout, stderr) => {
      own.children.delete(child);
      if (e) reject(Object.assign(e, { stdout, stderr }));
      else resolve({ stdout });
    });
    own.children.add(child);
    if (child.pid) void fs.appendFile(path.join(own.dir, 'tools'), `${child.pid}\n`).catch(() => undefined);
  });
}

async function tool(cmd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
      execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024 }, (e, stdout, stderr) => (e ? reject(Object.assign(e, { stdout, stderr })) : resolve({ stdout, stderr }))),
    );
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
  if (!new RegExp(`^${LANG}$`, 'm').test(langs)) {
    throw new PlancmpError('ocr-unavailable', '--ocr needs Tesseract\'s Simplified Chinese data (chi_sim), and it is not installed', file, 'install it: apt-get install tesseract-ocr-chi-sim');
  }
}

/** A box on the page, in PDF points (top-left origin, as TextRun). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Tesseract TSV (level 5 rows are words) -> text runs in PDF points, one baseline per OCR line.
 * Words inside `masks` (the page's own watermark text, which the rendering shows too) are left out.
 */
export function tsvRuns(tsv: string, scale: number, masks: Box[] = [], slope = 0): TextRun[] {
  const turn = straighten(slope);
  const lines = new Map<string, { left: number; top: number; width: number; height: number; text: string }[]>();
  const masked = (l: number, t: number, w: number, h: number) => {
    const cx = (l + w / 2) * scale;
    const cy = (t + h / 2) * scale;
    return masks.some((m) => cx >= m.x0 && cx <= m.x1 && cy >= m.y0 && cy <= m.y1);
  };
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5' || c[11].trim() === '' || Number(c[10]) < 0) continue;
    // Latin letters Tesseract is unsure of are specks of the scan read as letters (国土SO资源局)
    if (/^[A-Za-z|]{1,3}$/.test(c[11].trim()) && Number(c[10]) < 50) continue;
    if (masks.length > 0 && masked(+c[6], +c[7], +c[8], +c[9])) continue;
    const key = `${c[2]}.${c[3]}.${c[4]}`;
    const [left, top] = turn(+c[6], +c[7]);
    const word = { left, top, width: +c[8], height: +c[9], text: c[11].trim() };
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

/** Pixels of a page turned by `slope` (dy/dx of its horizontal borders) set straight: rotated back about the origin. */
function straighten(slope: number): (x: number, y: number) => [number, number] {
  if (slope === 0) return (x, y) => [x, y];
  const a = Math.atan(slope);
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return (x, y) => [x * cos + y * sin, -x * sin + y * cos];
}

/** A page's borders (ocr-rules.ts) as the layout's rules, in points, set straight. */
export function pageRules(r: PageRules, scale: number): Rule[] {
  const turn = straighten(r.slope);
  const out: Rule[] = [];
  for (const h of r.horizontal) {
    const [x0, y0] = turn(h.x0, h.y0);
    const [x1, y1] = turn(h.x1, h.y1);
    const y = ((y0 + y1) / 2) * scale;
    out.push({ x0: Math.min(x0, x1) * scale, x1: Math.max(x0, x1) * scale, y0: y, y1: y });
  }
  for (const v of r.vertical) {
    const [x0, y0] = turn(v.x0, v.y0);
    const [x1, y1] = turn(v.x1, v.y1);
    const x = ((x0 + x1) / 2) * scale;
    out.push({ x0: x, x1: x, y0: Math.min(y0, y1) * scale, y1: Math.max(y0, y1) * scale });
  }
  return out;
}

/** The resolution for a page of `width` × `height` points: 300 dpi, less when its image would pass `maxPixels`. */
export function dpiFor(width: number, height: number, maxPixels: number): number {
  const inches = (Math.max(width, 1) / 72) * (Math.max(height, 1) / 72);
  return Math.max(1, Math.min(DPI, Math.floor(Math.sqrt(maxPixels / inches))));
}

/** How Tesseract is run: part of the cache key. */
const LANG = 'chi_sim';
const TESSERACT_ARGS = ['-l', LANG, '--psm', '3', 'tsv'];

/** The cache of this file's OCR (undefined with --no-cache). */
export const ocrCache = (bytes: Uint8Array, use = true): OcrCache | undefined =>
  use && !cacheOff() ? new OcrCache(contentHash(bytes), TESSERACT_ARGS.join(' ')) : undefined;

export interface OcrOptions {
  /** keep and reuse what was read (ocr-cache.ts); default true */
  cache?: boolean;
  /** Tesseract processes at once (default: one per core) */
  jobs?: number;
  /** called after every page, cached or read */
  onProgress?: (done: number, total: number) => void;
  /** per page (same order as `pages`): boxes of the text layer's watermark, left out of what OCR reads */
  masks?: Box[][];
}

/** Runs `fn` on every item, at most `jobs` at once; the first failure stops the others from starting. */
async function pool<T>(items: T[], jobs: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        await fn(items[i], i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, lane);
  const settled = await Promise.allSettled(lanes);
  const bad = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (bad) throw bad.reason;
}

/**
 * OCR of the given pages (1-based, with their sizes in points) of a PDF: one Tesseract process per
 * core, each on its own page (Tesseract's own threads help little, and OMP_THREAD_LIMIT=1 keeps two
 * processes from fighting over the cores); pages already read are taken from the cache.
 */
export async function ocrPages(bytes: Uint8Array, file: string, pages: number[], sizes: { width: number; height: number }[], budget: Budget, opts: OcrOptions = {}): Promise<PageContent[]> {
  budget.check('ocrPages', pages.length, (n) => `${pages.length} pages need OCR, more than ${n}`);
  const cache = ocrCache(bytes, opts.cache !== false);
  const dpis = pages.map((_, i) => dpiFor(sizes[i].width, sizes[i].height, budget.limits.ocrPixels));
  const out: (PageContent | undefined)[] = pages.map(() => undefined);
  const toPage = (i: number, e: OcrEntry): PageContent => {
    const scale = 72 / e.dpi;
    const slope = e.rules?.slope ?? 0;
    const rules = e.rules ? pageRules(e.rules, scale) : [];
    let runs = tsvRuns(e.tsv, scale, opts.masks?.[i], slope);
    // a table's borders read as characters too (| beside a cell's text): the borders are rules now
    if (rules.length > 0) runs = runs.map((r) => ({ ...r, text: r.text.replace(/^[|｜丨]+|[|｜丨]+$/g, '') })).filter((r) => r.text !== '');
    return { width: e.width * scale, height: e.height * scale, runs, rules };
  };
  let done = 0;
  const todo: number[] = [];
  // pages whose words are cached but not their borders (an entry of an older plancmp): rendered again,
  // and read again only when they hold a table (read without its borders now)
  const known: (OcrEntry | undefined)[] = [];
  pages.forEach((n, i) => {
    const hit = cache?.get(n, dpis[i]);
    if (hit?.rules?.finder === FINDER) {
      out[i] = toPage(i, hit);
      opts.onProgress?.(++done, pages.length);
    } else {
      known[i] = hit;
      todo.push(i);
    }
  });
  if (todo.length === 0) return out as PageContent[];
  await checkTools(file);
  sweepDead();
  const own = { dir: await fs.mkdtemp(path.join(os.tmpdir(), prefix())), children: new Set<ChildProcess>() };
  active.add(own);
  watch();
  const { dir } = own;
  const timeoutMs = budget.limits.readSeconds * 1000;
  try {
    const pdf = path.join(dir, 'in.pdf');
    await fs.writeFile(pdf, bytes);
    const jobs = opts.jobs ?? (os.availableParallelism?.() ?? os.cpus().length);
    await pool(todo, jobs, async (i) => {
      const n = pages[i];
      const base = path.join(dir, `p${n}`);
      const dpi = dpis[i];
      try {
        // a grey PGM: Tesseract reads it, and the borders are found in its bytes without a decoder
        await runTool(own, 'pdftoppm', ['-r', String(dpi), '-gray', '-f', String(n), '-l', String(n), '-singlefile', pdf, base], { timeoutMs });
        const image = await fs.readFile(`${base}.pgm`);
        const gray = readPgm(image);
        if (!gray) throw new Error('pdftoppm wrote no page image');
        // a backstop: the resolution chosen keeps the image within ocrPixels unless the page's boxes disagree
        budget.check('ocrPixels', (gray.width * gray.height) / 2, (max) => `page ${n} renders to more than ${2 * max} pixels`);
        const rules = findRules(gray, dpi);
        const table = rules.horizontal.length > 0;
        // a page with a table is read without its borders (eraseRules); a cached reading serves only a page without one
        if (table) {
          eraseRules(gray, rules, dpi);
          await fs.writeFile(`${base}.pgm`, image);
        }
        const tsv =
          (table ? undefined : known[i]?.tsv) ??
          (
            // (a PGM carries no resolution, as the PNG did: Tesseract is told it, or it guesses 70 dpi)
            await runTool(own, 'tesseract', [`${base}.pgm`, 'stdout', '--dpi', String(dpi), ...TESSERACT_ARGS], {
              timeoutMs,
              env: { ...process.env, OMP_THREAD_LIMIT: '1' },
            })
          ).stdout;
        const entry: OcrEntry = { dpi, width: gray.width, height: gray.height, tsv, rules };
        cache?.put(n, entry);
        out[i] = toPage(i, entry);
        opts.onProgress?.(++done, pages.length);
      } catch (e) {
        if (e instanceof PlancmpError) throw e;
        const msg = String((e as { stderr?: string }).stderr || (e as Error).message).trim().split('\n').pop();
        throw new PlancmpError('ocr-failed', `OCR of page ${n} failed (${msg})`, file, 'check that the PDF opens in a viewer; try pdftoppm and tesseract on it by hand');
      } finally {
        await fs.rm(`${base}.pgm`, { force: true });
      }
    });
    return out as PageContent[];
  } finally {
    for (const c of own.children) c.kill('SIGKILL');
    active.delete(own);
    unwatch();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
