#!/usr/bin/env node
// OCR: `plancmp parse SCAN --ocr` on a 32-page phone-like scan (tests/scans.js: the seeds printed,
// rasterised at 170 dpi, turned, noised, one JPEG per page), before and after in one run:
//   before  the pristine build of main before issue 29 (/work/before, or $PLANCMP_BEFORE): pages one
//           after another on one core. It cannot see through a watermark text item, so both read a
//           copy of the scan without one (the same page images);
//   after   this build on the same page images with the watermark, cold (empty cache: one Tesseract
//           per core) and warm (the same file again, from the OCR cache).
//
//   node bench/ocr.js [--quick]     (run.js also runs it and puts the table in bench/results.md)
// --quick scans 4 pages instead of 32. Needs chromium, poppler-utils and tesseract-ocr-chi-sim.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SEEDS = ['002_2cdac00586eece9b.txt', '000_5b73fe2b8637f3d3.txt', '003_921a6ce2908064d7.txt', '004_0ece2a694517dc78.txt'];

export async function ocrBench({ quick = false, log = console.error } = {}) {
  const pages = quick ? 4 : 32;
  const before = resolve(process.env.PLANCMP_BEFORE ?? join(ROOT, '..', 'before'), 'bin', 'plancmp.js');
  const has = (cmd, arg) => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
  if (!existsSync('/usr/bin/chromium') || !has('tesseract', '--version') || !has('pdftoppm', '-v')) {
    log('ocr: skipped (needs /usr/bin/chromium, poppler-utils, tesseract-ocr-chi-sim)');
    return { md: '## OCR\n\nSkipped: chromium, poppler-utils or tesseract-ocr-chi-sim is missing.\n', rows: [] };
  }
  const DIR = join(ROOT, 'bench', 'corpus', 'ocr');
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const { chromium } = await import('playwright-core');
  const { makeScan } = await import(pathToFileURL(join(ROOT, 'tests', 'scans.js')).href);
  // the seeds one after another, enough for `pages` printed pages
  const text = SEEDS.map((s) => readFileSync(join(ROOT, 'fixtures', s), 'utf8')).join('\n');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const marked = join(DIR, `scan-${pages}.pdf`);
  const plain = join(DIR, `scan-${pages}-nomark.pdf`);
  log(`ocr: making a ${pages}-page scan…`);
  await makeScan(browser, text, marked, join(DIR, 'work1'), { pages, seed: 29 });
  await makeScan(browser, text, plain, join(DIR, 'work2'), { pages, seed: 29, watermark: '' });
  await browser.close();
  const env = { ...process.env, XDG_CACHE_HOME: join(DIR, 'cache'), PLANCMP_LIMITS: 'readSeconds=3600', NO_COLOR: '1' };
  const time = (bin, file, extra = []) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, 'parse', file, '--ocr', '--format', 'json', ...extra], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`ocr bench: ${bin} parse ${file} --ocr failed: ${r.stderr}`);
    return { ms, tasks: JSON.parse(r.stdout).tasks.length };
  };
  const after = join(ROOT, 'bin', 'plancmp.js');
  const rows = [];
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
  if (existsSync(before)) {
    log(`ocr: before (${before}), ${pages} pages without the watermark…`);
    rows.push({ label: 'before: main before issue 29, pages one after another (no watermark: it cannot read one)', file: plain, ...time(before, plain), load: load() });
  } else log(`ocr: no before build at ${before} (set PLANCMP_BEFORE)`);
  log('ocr: after, the phone scan with its watermark (the same page images): cold, then again from the cache…');
  rmSync(join(DIR, 'cache'), { recursive: true, force: true });
  rows.push({ label: 'after: the scan with its watermark, one Tesseract per core, first run (cache empty)', file: marked, ...time(after, marked), load: load() });
  rows.push({ label: 'after: the same file again (from the OCR cache)', file: marked, ...time(after, marked), load: load() });
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const b = rows.find((r) => r.label.startsWith('before'));
  const a = rows[rows.find((r) => r.label.startsWith('before')) ? 1 : 0];
  const ratio = b ? a.ms / b.ms : undefined;
  for (const r of rows) log(`  ${r.label}: ${(r.ms / 1000).toFixed(1)} s, ${r.tasks} tasks (load ${r.load})`);
  const md = `## OCR: a ${pages}-page phone-like scan (\`bench/ocr.js\`)

The seeds printed by chromium, rasterised at 170 dpi, turned up to 1.2°, lit unevenly, noised and saved as one JPEG per page (tests/scans.js); ${cores} cores. One run each (OCR takes minutes; the load average of the machine is given for each).

| run | seconds | tasks | load (1/5/15 min) |
|---|---:|---:|---|
${rows.map((r) => `| ${r.label} | ${(r.ms / 1000).toFixed(1)} | ${r.tasks} | ${r.load} |`).join('\n')}

${ratio !== undefined ? `After ÷ before (cold, same pages): **${(ratio * 100).toFixed(0)} %** of the time (target ≤ 60 % on 2 cores).` : 'No before build: set PLANCMP_BEFORE to a build of main before issue 29.'} Second run of the same file: **${(rows[rows.length - 1].ms / 1000).toFixed(2)} s** (target ≤ 1 s).
`;
  return { md, rows };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { md } = await ocrBench({ quick: process.argv.includes('--quick') });
  console.log(md);
}
