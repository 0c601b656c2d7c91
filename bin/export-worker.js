// An export worker thread's entry (src/export/pool.ts starts it). It runs the worker bundle
// dist/export-worker.cjs with its code cache when that is current, and the modules of
// dist/export/worker.js otherwise: loading some forty ES modules and compiling them afresh cost each
// worker about 60 ms of CPU before its first notice (measured with perf stat on a one-file export).
'use strict';
const path = require('node:path');
const { DIST, freshBundle, loadBundle } = require('./bundle.js');

const bundle = freshBundle('export-worker.cjs');
if (bundle) {
  // the build's training run (src/dev/bundle.ts): store the compiled code before each result is
  // posted (the pool may end the worker as soon as it has the last one), so the stored code is that
  // of every input the training ran
  const training = process.env.PLANCMP_WRITE_CODE_CACHE === 'worker';
  let loaded;
  if (training) {
    const port = require('node:worker_threads').parentPort;
    const post = port.postMessage;
    port.postMessage = function (message, transfer) {
      loaded?.writeCache?.();
      return post.call(this, message, transfer);
    };
  }
  loaded = loadBundle(bundle, training);
  if (process.env.PLANCMP_TRACE_STARTUP === '1') process.stderr.write(`plancmp export worker: bundle (code cache ${loaded.cache})\n`);
} else {
  if (process.env.PLANCMP_TRACE_STARTUP === '1') process.stderr.write('plancmp export worker: modules\n');
  import(require('node:url').pathToFileURL(path.join(DIST, 'export', 'worker.js')).href);
}
