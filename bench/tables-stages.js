#!/usr/bin/env node
// Where `export --tables` spends its own CPU, stage by stage, in one thread and without the rest of the
// export around it (tables-ratio.js measures the whole; on a shared machine its ratios move by several
// per cent from run to run, this by much less): the records of an `export --diff --out DIR` are read
// back, and for each round parsed afresh (new strings, as a worker has them), then
//   pack   tableRows() of every record (what the workers do; export/table-rows.js),
//   move   a structured clone with the buffers transferred (what postMessage does),
//   write  TableSink.add() of every record and commit() (the main thread; CSV and Parquet files),
// each timed as process CPU (GC included), with the young-generation collections the packing causes.
// Several builds can be compared (each `--dist` its dist/ folder); the tables each writes are compared
// byte for byte with the first's.
//
//   node bench/run.js --output-only --keep-corpus                         once: bench/corpus/main
//   node bin/plancmp.js export bench/corpus/main --diff --out /tmp/recs      once: the records
//   node bench/tables-stages.js /tmp/recs [--rounds 5] [--dist LABEL=PATH/dist]...
import { readFileSync, readdirSync, rmSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const recDir = argv[0];
if (!recDir || recDir.startsWith('--')) {
  console.error('usage: node bench/tables-stages.js RECORDS_DIR [--rounds N] [--dist LABEL=PATH/dist]...');
  process.exit(2);
}
const ROUNDS = Number(opt('--rounds', 5));
const dists = argv.flatMap((a, i) => (a === '--dist' ? [argv[i + 1]] : [])).map((d) => (d.includes('=') ? d.split('=') : [d, d]));
if (!dists.length) dists.push(['this', join(ROOT, 'dist')]);

const files = readdirSync(recDir, { recursive: true })
  .filter((f) => f.endsWith('.json'))
  .sort();
const texts = files.map((f) => readFileSync(join(recDir, f), 'utf8'));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let scavenges = 0;
new PerformanceObserver((l) => {
  for (const e of l.getEntries()) if (e.detail?.kind === 1) scavenges++;
}).observe({ entryTypes: ['gc'] });
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const out = mkdtempSync(join(tmpdir(), 'plancmp-tables-stages-'));

const builds = [];
for (const [label, dist] of dists) {
  // the packing lives in export/table-rows.js (export/tables.js before it had a file of its own)
  const load = (file) => import(pathToFileURL(resolve(dist, file)).href);
  const { tableRows } = await load('export/table-rows.js').catch(() => load('export/tables.js'));
  const { TableSink } = await load('export/table-sink.js');
  builds.push({ label, tableRows, TableSink, pack: [], move: [], write: [], gcs: [] });
}
console.log(`${files.length} records from ${recDir}, ${ROUNDS} rounds, builds: ${builds.map((b) => b.label).join(', ')}`);
for (let r = 0; r < ROUNDS; r++) {
  for (const b of r % 2 ? [...builds].reverse() : builds) {
    const views = texts.map((text) => {
      const { export: header, notice, diff, ...facts } = JSON.parse(text);
      return { file: header.input, notice, diff, facts };
    });
    // collections are reported after the loop that caused them, once it yields
    await new Promise((done) => setTimeout(done, 20));
    const g0 = scavenges;
    let t0 = cpu();
    const packed = views.map((v) => b.tableRows(v));
    const pack = cpu() - t0;
    await new Promise((done) => setTimeout(done, 20));
    const gcs = scavenges - g0;
    t0 = cpu();
    // each buffer once (the arrays of one record may share one)
    const moved = packed.map((p) => structuredClone(p, { transfer: [...new Set(Object.values(p).filter((v) => ArrayBuffer.isView(v)).map((v) => v.buffer))] }));
    const move = cpu() - t0;
    const dir = join(out, b.label);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    t0 = cpu();
    const sink = new b.TableSink(dir);
    for (const p of moved) sink.add(p);
    await sink.commit();
    b.write.push(cpu() - t0);
    b.pack.push(pack);
    b.move.push(move);
    b.gcs.push(gcs);
  }
}
const first = builds[0];
for (const b of builds) {
  const same = b === first || readdirSync(join(out, first.label)).every((f) => readFileSync(join(out, first.label, f)).equals(readFileSync(join(out, b.label, f))));
  const total = median(b.pack) + median(b.move) + median(b.write);
  console.log(
    `${b.label}: pack ${median(b.pack).toFixed(0)} ms (${median(b.gcs)} scavenges), move ${median(b.move).toFixed(0)} ms, write ${median(b.write).toFixed(0)} ms — ${total.toFixed(0)} ms (medians)` +
      (b === first ? '' : `; tables ${same ? 'identical to' : 'DIFFERENT from'} ${first.label}'s`),
  );
}
rmSync(out, { recursive: true, force: true });
