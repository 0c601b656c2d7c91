#!/usr/bin/env node
// What `export --tables` costs over a plain `export --diff`, measured on its own (the full bench takes
// ~20 minutes): the two exports of bench/corpus/main run interleaved, round after round, so that the
// load of a shared machine hits both alike; the medians and the median of the per-round ratios are
// printed, with the load average before and after. Several builds can be compared in the same rounds.
//
//   node bench/run.js --output-only --keep-corpus      once, to leave the corpus in bench/corpus/main
//   node bench/tables-ratio.js [--rounds 5] [--jobs N] [--bin LABEL=PATH/bin/plancmp.js]...
//
// Default --bin: this checkout (`this=bin/plancmp.js`). Each export writes a directory of its own under
// bench/corpus/out-ratio, all removed at the end (see run.js: deleting between runs slows later creates).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CORPUS_DIR = join(ROOT, 'bench', 'corpus');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const ROUNDS = Number(opt('--rounds', 5));
const JOBS = Number(opt('--jobs', os.availableParallelism()));
const bins = argv.flatMap((a, i) => (a === '--bin' ? [argv[i + 1]] : [])).map((b) => {
  const [label, file] = b.includes('=') ? b.split('=') : [b, b];
  return { label, file };
});
if (!bins.length) bins.push({ label: 'this', file: join(ROOT, 'bin', 'plancmp.js') });
if (!existsSync(join(CORPUS_DIR, 'main'))) {
  console.error('tables-ratio: no bench/corpus/main — run `node bench/run.js --output-only --keep-corpus` first');
  process.exit(2);
}

const OUT = join(CORPUS_DIR, 'out-ratio');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
let seq = 0;
// CPU time (user + sys, all threads) beside the wall time, through /usr/bin/time when there is one: on a
// shared machine it moves less with the load than the wall time does
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const cpuFile = join(OUT, 'cpu.txt');
function run(bin, tables) {
  const out = join('out-ratio', `run${++seq}`);
  const args = [bin, 'export', 'main', '--out', out, '--jobs', String(JOBS), '--diff', ...(tables ? ['--tables', join(out, 'tables')] : [])];
  const t0 = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...args], { cwd: CORPUS_DIR, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: CORPUS_DIR, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`export failed (${r.status}): ${r.stderr}`);
  const cpu = TIME ? readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN];
  return { ms, cpuMs: (cpu[0] + cpu[1]) * 1000 };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const s = (ms) => (ms / 1000).toFixed(2);
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

console.log(`load average at start (1/5/15 min): ${load()}; ${ROUNDS} rounds, --jobs ${JOBS}, builds: ${bins.map((b) => b.label).join(', ')}`);
const times = bins.map(() => ({ diff: [], tables: [], ratio: [], cpuDiff: [], cpuTables: [] }));
for (let r = 0; r < ROUNDS; r++) {
  // which export goes first alternates round by round, and so does the order of the builds
  const order = r % 2 ? [...bins.keys()].reverse() : [...bins.keys()];
  for (const b of order) {
    const pair = r % 2 ? [true, false] : [false, true];
    const ms = {};
    for (const tables of pair) ms[tables ? 'tables' : 'diff'] = run(bins[b].file, tables);
    const t = times[b];
    t.diff.push(ms.diff.ms);
    t.tables.push(ms.tables.ms);
    t.ratio.push(ms.tables.ms / ms.diff.ms);
    t.cpuDiff.push(ms.diff.cpuMs);
    t.cpuTables.push(ms.tables.cpuMs);
    console.log(
      `  round ${r + 1} ${bins[b].label}: --diff ${s(ms.diff.ms)} s (CPU ${s(ms.diff.cpuMs)} s), --diff --tables ${s(ms.tables.ms)} s (CPU ${s(ms.tables.cpuMs)} s), ratio ${(ms.tables.ms / ms.diff.ms).toFixed(3)} (load ${load()})`,
    );
  }
}
for (const [b, t] of times.entries()) {
  const d = median(t.diff);
  const tb = median(t.tables);
  console.log(
    `${bins[b].label}: --diff median ${s(d)} s, --diff --tables median ${s(tb)} s — ratio of medians ${(tb / d).toFixed(3)}×, median of per-round ratios ${median(t.ratio).toFixed(3)}×; ` +
      `CPU medians ${s(median(t.cpuDiff))} s and ${s(median(t.cpuTables))} s (${(median(t.cpuTables) / median(t.cpuDiff)).toFixed(3)}×)`,
  );
}
console.log(`load average at end (1/5/15 min): ${load()}`);
rmSync(OUT, { recursive: true, force: true });
