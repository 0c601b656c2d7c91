// Running a one-file bundle of dist/ (made by `npm run build`, src/dev/bundle.ts) with V8's stored
// compiled code. Shared by the launcher (bin/plancmp.js runs dist/cli.cjs) and the export worker
// (bin/export-worker.js runs dist/export-worker.cjs). A bundle is used only while no dist/ file it was
// made from is newer than it: after a `tsc` on its own, callers run the modules of dist/ instead.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const nodeModule = require('node:module');

const DIST = path.join(__dirname, '..', 'dist');
// "ascii": bundles are ASCII only and read as latin1; one from before that rule has another first line
const INPUTS_PREFIX = '//plancmp-bundle-inputs(ascii):';

/** The bundle dist/`name`, if it exists and no file it was made from is newer: { file, src, mtime }. */
function freshBundle(name) {
  const file = path.join(DIST, name);
  try {
    const mtime = fs.statSync(file).mtimeMs;
    // ASCII only: read as latin1, a copy rather than a UTF-8 decode
    const src = fs.readFileSync(file, 'latin1');
    const end = src.indexOf('\n');
    if (!src.startsWith(INPUTS_PREFIX) || end < 0) return undefined;
    for (const rel of JSON.parse(src.slice(INPUTS_PREFIX.length, end))) {
      const s = fs.statSync(path.join(DIST, rel), { throwIfNoEntry: false });
      if (!s || s.mtimeMs > mtime) return undefined;
    }
    return { file, src, mtime };
  } catch {
    return undefined;
  }
}

/**
 * Runs a fresh bundle as a CommonJS module through vm.Script, which can take and make V8's code cache.
 * `training` (the build's training run): compile without a cache; writeCache() then stores what ran.
 * Returns { exports, cache: 'accepted' | 'REJECTED' | 'none' | 'node', writeCache? }.
 */
function loadBundle(bundle, training) {
  const vm = require('node:vm');
  const cacheFile = `${bundle.file}.${process.arch}-v8-${process.versions.v8}.cache`;
  let cachedData;
  if (!training) {
    try {
      // written by the build right after the bundle: an older cache belongs to an older bundle
      if (fs.statSync(cacheFile).mtimeMs >= bundle.mtime) cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    // no cache for this V8: Node 22+ keeps compiled code of modules loaded through require() itself
    if (!cachedData && nodeModule.enableCompileCache) return { exports: require(bundle.file), cache: 'node' };
  }
  // the bundle's import() of ES modules (pdfjs-dist) comes here: see src/dev/bundle.ts
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __plancmpHostImport) {${bundle.src}\n})`, { filename: bundle.file, cachedData });
  const cache = !cachedData ? 'none' : script.cachedDataRejected ? 'REJECTED' : 'accepted';
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, nodeModule.createRequire(bundle.file), mod, bundle.file, DIST, (specifier) => import(specifier));
  return { exports: mod.exports, cache, writeCache: training ? () => fs.writeFileSync(cacheFile, script.createCachedData()) : undefined };
}

module.exports = { DIST, freshBundle, loadBundle };
