#!/usr/bin/env node
// How well `--ocr` reads phone-like scans (tests/scans.js) of notices: each input is scanned, parsed
// with --ocr, and compared with the parse of the input itself — task titles exactly the same, and the
// owners (units, lead, assist) of the task with the same id — and, where a hand-made task truth
// exists (fixtures/**/tasks-gold/NAME.json), both parses are scored against it with
// /work/shared/real/score-tasks.py (when present).
//
// (owners: of the scan's task with the same title, else of the one at the same place in the list)
//   node bench/ocr-accuracy.js FILE...          .txt files are printed as they are; other inputs
//                                               (HTML, DOCX, PDF) as plancmp reads them (--format raw)
//   options: --pdf-direct   scan a PDF input's own pages instead of reprinting its text
//            --no-cache     OCR every page again
//            --misses       print every task the scan gets wrong: expected vs got title, expected vs got owners
//   PLANCMP_BIN=path/to/plancmp.js measures another build (the scans and the OCR cache are shared)
// Scans and the OCR cache go to bench/corpus/ocr-accuracy/ (git-ignored). Needs dist/, chromium, poppler, tesseract.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { makeScan } from '../tests/scans.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const files = argv.filter((a) => !a.startsWith('--'));
const noCache = argv.includes('--no-cache');
const misses = argv.includes('--misses');
const BIN = process.env.PLANCMP_BIN ? resolve(process.env.PLANCMP_BIN) : join(ROOT, 'bin', 'plancmp.js');
const OUT = join(ROOT, 'bench', 'corpus', 'ocr-accuracy');
mkdirSync(OUT, { recursive: true });
// a busy machine (shared CI) may take minutes per page: the reading limit is raised
const env = { ...process.env, XDG_CACHE_HOME: join(OUT, 'cache'), PLANCMP_LIMITS: 'readSeconds=1800' };
const SCORER = '/work/shared/real/score-tasks.py';

const plancmp = (args) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 3) throw new Error(`plancmp ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
/** The notice's text as plancmp reads it, without the raw format's marks. */
const utf8 = (file) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
    return true;
  } catch {
    return false;
  }
};
const textOf = (file) =>
  extname(file) === '.txt' && utf8(file)
    ? readFileSync(file, 'utf8')
    : plancmp(['parse', file, '--format', 'raw'])
        .split('\n')
        .filter((l) => !/^(# |--- page \d+)/.test(l))
        .join('\n');

function gold(file) {
  const name = basename(file).replace(/\.(txt|html?|docx|doc|pdf)$/i, '').replace(/\.(gbk|sqlfield|govcn)$/i, '');
  for (const dir of [join(dirname(file), 'tasks-gold'), join(dirname(dirname(file)), 'tasks-gold')]) {
    if (!existsSync(dir)) continue;
    const hit = readdirSync(dir).find((f) => f.replace(/\.json$/, '').replace(/\.(sqlfield|govcn)$/, '') === name || f === basename(file).replace(/\.[^.]+$/, '') + '.json');
    if (hit) return join(dir, hit);
  }
  return undefined;
}

/** The task whose title shares the most character pairs with `title` (for showing a title miss). */
const pairs = (s) => new Set([...s].slice(1).map((c, i) => s[i] + c));
const nearest = (title, tasks) => {
  const want = pairs(title);
  let best;
  let bestN = 0;
  for (const t of tasks) {
    const n = [...pairs(t.title)].filter((p) => want.has(p)).length;
    if (n > bestN) (best = t), (bestN = n);
  }
  return best;
};
const owners = (t) => JSON.stringify([t.units, t.lead ?? [], t.assist ?? []]);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const rows = [];
let sum = { tasks: 0, titles: 0, owners: 0 };
for (const file of files) {
  const name = basename(file).replace(/\.[^.]+$/, '');
  const scan = join(OUT, `${name}.scan.pdf`);
  if (!existsSync(scan)) await makeScan(browser, textOf(file), scan, join(OUT, `work-${name}`), { seed: 11 });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [scan], { encoding: "utf8" }))?.[1] ?? 0);
  const text = JSON.parse(plancmp(['parse', file, '--format', 'json']));
  const t0 = performance.now();
  const ocrOut = plancmp(['parse', scan, '--ocr', '--format', 'json', ...(noCache ? ['--no-cache'] : [])]);
  const secs = (performance.now() - t0) / 1000;
  const ocr = JSON.parse(ocrOut);
  writeFileSync(join(OUT, `${name}.ocr.json`), ocrOut);
  const titles = new Map();
  for (const t of ocr.tasks) titles.set(t.title, (titles.get(t.title) ?? 0) + 1);
  let sameTitle = 0;
  for (const t of text.tasks) if ((titles.get(t.title) ?? 0) > 0) (sameTitle++, titles.set(t.title, titles.get(t.title) - 1));
  // owners of the task of the same title, else of the task at the same place (same number of tasks)
  const left = [...ocr.tasks];
  let sameOwners = 0;
  const wrong = [];
  text.tasks.forEach((t, k) => {
    const i = left.findIndex((o) => o.title === t.title);
    const match = i >= 0 ? left.splice(i, 1)[0] : ocr.tasks.length === text.tasks.length ? ocr.tasks[k] : undefined;
    if (match && owners(match) === owners(t)) sameOwners++;
    else if (misses) wrong.push([t, match, i >= 0]);
    if (misses && i < 0) wrong.push([t, nearest(t.title, ocr.tasks), false, 'title']);
  });
  const g = gold(file);
  let score = '';
  if (g && existsSync(SCORER)) {
    writeFileSync(join(OUT, `${name}.text.json`), JSON.stringify(text));
    const s = (p) => spawnSync('python3', [SCORER, g, p], { encoding: 'utf8' }).stdout.trim().replace(/ missing=.*/, '');
    score = `text: ${s(join(OUT, `${name}.text.json`))} | ocr: ${s(join(OUT, `${name}.ocr.json`))}`;
  }
  sum = { tasks: sum.tasks + text.tasks.length, titles: sum.titles + sameTitle, owners: sum.owners + sameOwners };
  const repairs = ocr.warnings.find((w) => w.code === 'ocr')?.message.replace(/.*; /, '') ?? '';
  const row = `${name}: ${pages} pages, ${secs.toFixed(1)} s; ${text.tasks.length} tasks in the text, ${ocr.tasks.length} in the scan; titles exact ${sameTitle}/${text.tasks.length}, owners ${sameOwners}/${text.tasks.length}; ${repairs}${score ? `\n    gold ${score}` : ''}`;
  console.log(row);
  rows.push(row);
  for (const [t, got, sameTitle, what] of wrong) {
    if (what === 'title') {
      console.log(`  title ${t.id}: want ${JSON.stringify(t.title)}\n           got  ${got ? JSON.stringify(got.title) : '(no scan task shares a character pair)'}`);
    } else {
      console.log(`  owners ${t.id}${sameTitle ? '' : ' (matched by place)'}: want ${owners(t)}\n           got  ${got ? owners(got) : '(no task)'}`);
    }
  }
}
await browser.close();
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : 'n/a');
console.log(`all: titles exact ${sum.titles}/${sum.tasks} (${pct(sum.titles, sum.tasks)} %), owners ${sum.owners}/${sum.tasks} (${pct(sum.owners, sum.tasks)} %)`);
