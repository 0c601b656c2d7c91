#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` through the prepare script).
// It runs the one-file bundle dist/cli.cjs (see src/dev/bundle.ts and bin/bundle.js) with V8's stored
// compiled code when they are there and current, and the modules of dist/cli/main.js otherwise: a
// missing bundle (a `tsc` build) or one older than any file it was made from (`tsc` since the last
// `npm run build`) is never used. Start-up is most of a single `plancmp diff`, so this file is CommonJS (bin/package.json):
// Node then starts it without setting up its ES module loader, which only the fallback needs.
'use strict';
// PLANCMP_TRACE_STARTUP=1: where start-up time goes, and whether V8 took the stored compiled code (stderr),
// with the process's CPU time (all threads), which other processes on a busy machine do not inflate
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const trace = process.env.PLANCMP_TRACE_STARTUP === '1' ? [['launcher', performance.now(), cpuMs()]] : undefined;
const mark = (what) => trace?.push([what, performance.now(), cpuMs()]);
const fs = require('node:fs');
const path = require('node:path');
const nodeModule = require('node:module');

// V8 first runs a regular expression in its bytecode interpreter and compiles it to machine code only
// once it is hot. plancmp's deadline and heading patterns are large and each first run scans a whole
// notice, so interpreting them first costs about as much as the rest of parsing one notice (measured:
// a cold parse 48 ms, 21 ms with this). Compiling them at once is also what a batch ends up doing.
// Set before any pattern is compiled; the training run of the code cache sets it too (src/dev/bundle.ts).
require('node:v8').setFlagsFromString('--no-regexp-tier-up');

// `plancmp diff … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const { DIST, freshBundle, loadBundle } = require('./bundle.js');

// Node 22+ can keep compiled bytecode between runs. (No-op on 20.)
nodeModule.enableCompileCache?.();

async function main() {
  const bundle = freshBundle('cli.cjs');
  mark(bundle ? 'bundle checked: fresh' : 'bundle checked: not used');
  let cli;
  if (bundle) {
    // the build's training run (src/dev/bundle.ts) compiles without a cache and writes one
    cli = loadBundle(bundle, process.env.PLANCMP_WRITE_CODE_CACHE === '1');
    mark(`loaded the bundle (code cache ${cli.cache})`);
  } else {
    const main = path.join(DIST, 'cli', 'main.js');
    if (!fs.existsSync(main)) {
      console.error('plancmp: the compiled code (dist/) is missing — run `npm install` (or `npm run build`) in the plancmp folder first.');
      process.exit(2);
    }
    cli = { exports: await import(require('node:url').pathToFileURL(main).href) };
  }
  mark('ready');
  process.exitCode = await cli.exports.execute(process.argv.slice(2));
  mark('executed');
  cli.writeCache?.();
  if (trace) {
    process.on('exit', () => {
      mark('exit');
      let last = 0;
      let lastCpu = 0;
      for (const [what, t, cpu] of trace) {
        process.stderr.write(`plancmp start-up: ${t.toFixed(1).padStart(6)} ms (+${(t - last).toFixed(1)}) cpu ${cpu.toFixed(1)} (+${(cpu - lastCpu).toFixed(1)}) ${what}\n`);
        [last, lastCpu] = [t, cpu];
      }
    });
  }
  // The command is done: execute() awaits all it writes. A natural exit would now wait for V8's
  // background compile jobs and tear the heap down, 4–5 ms of CPU in a short run (measured with perf
  // stat). Exit at once unless output is still queued (a terminal or a pipe that is asynchronous on
  // some platform): then the natural exit flushes it.
  if (!process.stdout.writableLength && !process.stderr.writableLength) process.exit();
}
main();
