// Build step (npm run build, after tsc and the stored base parse): the command line in one file,
// dist/cli.cjs, and V8's compiled code for it, so that `plancmp diff LOCAL` does not resolve,
// read and compile some 70 modules on every start (issue 14: start-up).
//
// - dist/cli.cjs is esbuild's bundle of the compiled dist/cli/main.js (not of src/: the library
//   and its types stay tsc's output). Heavy and optional dependencies (cheerio, pdfjs-dist,
//   word-extractor, opencc-js, diff) stay outside and load only when a notice needs them. Its first
//   line lists the dist/ files it was made from: bin/plancmp.js uses the bundle only while none of
//   them is newer than it (a `tsc` alone, or `tsc --watch`, makes it stale and the launcher falls back
//   to dist/cli/main.js; bin/bundle.js holds that check).
// - dist/export-worker.cjs is the same for export's worker threads (dist/export/worker.js), which
//   bin/export-worker.js runs; its code cache comes from a one-job export of the embedded base.
// - import.meta.url of each bundled module is kept as that module's own dist/ address, so paths
//   relative to it (the embedded base text, package.json, the worker) resolve as before.
// - The stamp of the stored base parse (see base/prebuilt.ts) is checked here, once: the bundle
//   holds the code the stamp was computed over, so at run time it only compares the base text
//   with the text it was made from instead of hashing the compiled code on every start.
// - dist/cli.cjs.<arch>-v8-<version>.cache: V8's code cache, written by a training run of the
//   launcher (a diff of the embedded base against itself). V8 checks its version and flags and
//   rejects a cache that does not fit; it is read only when it is not older than its bundle.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { BASE_FILE } from '../pipeline.js';
import { PREBUILT_FILE, stampFor } from '../base/prebuilt.js';

const DIST = fileURLToPath(new URL('..', import.meta.url));
const ROOT = path.dirname(DIST);
/** Loaded only when a notice needs them (HTML, PDF, Word, traditional text, the HTML page's text diff), or a workbook is written (exceljs). */
const EXTERNAL = ['cheerio', 'cheerio/*', 'pdfjs-dist', 'pdfjs-dist/*', 'word-extractor', 'opencc-js', 'opencc-js/*', 'diff', 'exceljs'];
/**
 * The bundles: the command line, and export's worker thread. `inline`: packages a bundle carries
 * itself rather than loading them from node_modules when first needed. A worker reads thousands of
 * pages in a batch, a fair share of them HTML: cheerio/slim, loaded module by module from
 * node_modules, cost each worker ~40–80 ms before its first page (resolving and compiling some 60
 * files); inside the bundle it is one lazily run closure whose compiled code is in the code cache.
 * The command line keeps it outside: most of its runs read no HTML, and every start would read it.
 */
const BUNDLES = [
  { entry: path.join(DIST, 'cli', 'main.js'), out: path.join(DIST, 'cli.cjs'), inline: [] as string[] },
  { entry: path.join(DIST, 'export', 'worker.js'), out: path.join(DIST, 'export-worker.cjs'), inline: ['cheerio/slim'] },
];
/** The first line of the bundle: the dist/ files it was made from, relative to dist/. */
// "ascii": the launcher reads the bundle as latin1, which only an ASCII-only file survives (see asciiOnly);
// a bundle from before that rule has another first line and is never used.
export const INPUTS_PREFIX = '//plancmp-bundle-inputs(ascii):';

/**
 * What the bundle changes in each dist/ module, found in its syntax tree (never in strings or comments):
 * - import.meta.url becomes the module's own dist/ address (paths relative to it resolve as before);
 * - import() of a computed address (esbuild turns bundled modules' import('./x.js') into plain calls)
 *   becomes __plancmpImport(…): under vm.Script with a code cache Node 20 loses the script's
 *   dynamic-import callback, so these go through a function the launcher passes in (run through
 *   require(), the banner's own import() serves).
 */
function rewriteModule(file: string, src: string, inline: readonly string[]): string {
  const rel = path.relative(DIST, file).split(path.sep).join('/');
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.expression.keywordToken === ts.SyntaxKind.ImportKeyword && node.name.text === 'url') {
      edits.push({ start: node.getStart(sf), end: node.getEnd(), text: `new URL(${JSON.stringify(`./${rel}`)}, __plancmpBundleUrl).href` });
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && !ts.isStringLiteralLike(node.arguments[0])) {
      edits.push({ start: node.expression.getStart(sf), end: node.expression.getEnd(), text: '__plancmpImport' });
    }
    // requireCjs('cheerio/slim') (a createRequire() function, which esbuild cannot follow) becomes a
    // plain require(), which esbuild bundles, when the bundle carries that package
    const arg = ts.isCallExpression(node) && node.arguments.length === 1 ? node.arguments[0] : undefined;
    if (arg && ts.isStringLiteral(arg) && inline.includes(arg.text) && ts.isIdentifier((node as ts.CallExpression).expression) && (node as ts.CallExpression).expression.getText(sf) !== 'require') {
      const callee = (node as ts.CallExpression).expression;
      edits.push({ start: callee.getStart(sf), end: callee.getEnd(), text: 'require' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = src;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
const ANY_DYNAMIC_IMPORT = /(?<![\w$.])import\s*\(/;

/** A JavaScript string literal in ASCII (the bundle stays one byte per character in V8). */
const asciiLiteral = (s: string) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

async function main(): Promise<void> {
  for (const f of readdirSync(DIST)) if (BUNDLES.some((b) => f.startsWith(path.basename(b.out)))) rmSync(path.join(DIST, f), { force: true });

  // the stored base parse, if it is current for the code about to be bundled (it is, right after prebuild)
  const text = readFileSync(BASE_FILE, 'utf8');
  const stamp = stampFor(text);
  let storedStamp: string | undefined;
  try {
    storedStamp = (JSON.parse(readFileSync(PREBUILT_FILE, 'utf8')) as { stamp?: string }).stamp;
  } catch {
    storedStamp = undefined;
  }
  const bundledBase = storedStamp === stamp ? `var __PLANCMP_BUNDLED_BASE__ = { stamp: ${asciiLiteral(stamp)}, text: ${asciiLiteral(text)} };` : '';
  for (const b of BUNDLES) await bundle(b, bundledBase);

  // V8's code cache: run the launcher once on the commonest path (a diff against the embedded base, JSON out)
  const bin = path.join(ROOT, 'bin', 'plancmp.js');
  train('the command line', [bin, 'diff', BASE_FILE, '--format', 'json'], '1');
  // and a worker through a one-job export with --diff of the base in the shapes a batch holds (the
  // worker writes its cache before each result, so the last one holds the code of all of them)
  const work = mkdtempSync(path.join(tmpdir(), 'plancmp-train-'));
  try {
    const inputs = path.join(work, 'in');
    writeTrainingInputs(inputs, text);
    train('the export worker', [bin, 'export', inputs, '--out', path.join(work, 'out'), '--jobs', '1', '--diff'], 'worker');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const b of BUNDLES) {
    if (!readdirSync(DIST).some((f) => f.startsWith(`${path.basename(b.out)}.`) && f.endsWith('.cache'))) throw new Error(`the training run wrote no code cache for ${path.basename(b.out)}`);
  }
}

/**
 * The embedded base as an export worker meets notices: UTF-8 text, GB18030 text, and a Big5 HTML page
 * in traditional characters (opencc-js's own cn→tw; iconv-lite, a development dependency, encodes).
 */
function writeTrainingInputs(dir: string, text: string): void {
  const require = createRequire(import.meta.url);
  const iconv = require('iconv-lite') as { encode(s: string, codec: string): Buffer };
  const toTraditional = (require('opencc-js/cn2t') as { Converter(o: { from: string; to: string }): (s: string) => string }).Converter({ from: 'cn', to: 'tw' });
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = toTraditional(text).split(/\r?\n/);
  const page = `<!DOCTYPE html>\n<html><head><meta charset="big5"><title>${escape(lines[0] ?? '')}</title></head>\n<body><div class="nav"><a href="/">首頁</a> &gt; <a href="/zc">政策文件</a></div>\n<div class="article">\n${lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}\n</div></body></html>\n`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, '1-utf8.txt'), text);
  writeFileSync(path.join(dir, '2-gb18030.txt'), iconv.encode(text, 'gb18030'));
  writeFileSync(path.join(dir, '3-big5.html'), iconv.encode(page, 'big5'));
}

function train(what: string, args: string[], mode: string): void {
  const r = spawnSync(process.execPath, args, {
    env: { ...process.env, PLANCMP_WRITE_CODE_CACHE: mode, NODE_OPTIONS: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the training run of ${what} failed (status ${r.status}): ${r.stderr}`);
}

/** esbuild's bundle of the compiled module `entry` (see the top of this file), written to `out`. */
async function bundle({ entry, out, inline }: (typeof BUNDLES)[number], bundledBase: string): Promise<void> {
  const name = path.relative(DIST, out);
  const external = EXTERNAL.filter((e) => !inline.some((p) => p === e || p.startsWith(`${e.replace(/\/\*$/, '')}/`)));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: out,
    write: false,
    external,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    charset: 'ascii',
    banner: { js: `"use strict";\nconst __plancmpBundleUrl = require("node:url").pathToFileURL(__filename).href;\nconst __plancmpImport = typeof __plancmpHostImport === "function" ? __plancmpHostImport : (specifier) => import(specifier);\n${bundledBase}` },
    plugins: [
      {
        // commander loads node:child_process (and with it net, streams…) for executable subcommands,
        // which plancmp has none of: load it when a subcommand is spawned, if ever (~3 ms a start)
        name: 'commander-lazy-child-process',
        setup(b) {
          b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
            const src = readFileSync(args.path, 'utf8');
            const eager = "const childProcess = require('node:child_process');";
            if (!src.includes(eager)) return { contents: src, loader: 'js', warnings: [{ text: 'commander no longer loads node:child_process as expected: left as it is' }] };
            return { contents: src.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' };
          });
        },
      },
      {
        name: 'plancmp-modules',
        setup(b) {
          b.onLoad({ filter: /\.js$/ }, (args) => {
            if (!args.path.startsWith(DIST)) return undefined;
            return { contents: rewriteModule(args.path, readFileSync(args.path, 'utf8'), inline), loader: 'js' };
          });
        },
      },
    ],
  });
  // e.g. import.meta (other than .url), which a CommonJS bundle would turn into an empty object
  const serious = result.warnings.filter((w) => w.pluginName !== 'commander-lazy-child-process');
  if (serious.length) throw new Error(`esbuild warned about ${name}: ${serious.map((w) => w.text).join('; ')}`);
  const inputs = Object.keys(result.metafile.inputs)
    .map((p) => path.resolve(ROOT, p))
    .filter((p) => p.startsWith(DIST))
    .map((p) => path.relative(DIST, p).split(path.sep).join('/'))
    .sort();
  const code = result.outputFiles.find((f) => f.path === out)!.text;
  const body = code.slice(code.indexOf('\n', code.indexOf('const __plancmpImport')));
  if (ANY_DYNAMIC_IMPORT.test(body)) throw new Error(`dist/${name}: an import() that does not go through __plancmpImport: ${body.slice(body.search(ANY_DYNAMIC_IMPORT) - 200, body.search(ANY_DYNAMIC_IMPORT) + 100)}`);
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, asciiOnly(`${INPUTS_PREFIX}${JSON.stringify(inputs)}\n${builtinsAsIs(code)}`, name));
  renameSync(tmp, out);
}

/**
 * esbuild gives each module that imports a Node built-in by default (`import fs from 'node:fs'`) its
 * own namespace object, with a getter copied for every property of the built-in: 26 copies at start-up
 * (node:fs has over a hundred properties), about a third of the time the bundle's modules take to
 * initialise. An object whose prototype is the built-in reads the same values, live, without copying:
 * `ns.default` is the module and `ns.readFileSync` is found on it. Nothing enumerates these objects.
 */
function builtinsAsIs(code: string): string {
  const helper = 'var __toESM = ';
  const at = code.indexOf(helper);
  if (at < 0) return code;
  const use = /__toESM\(require\("(node:[a-z_/]+)"\), 1\)/g;
  return `${code.slice(0, at)}var __plancmpBuiltin = (mod) => Object.create(mod, { default: { value: mod, enumerable: true } });\n${code.slice(at).replace(use, (_, id: string) => `__plancmpBuiltin(require(${JSON.stringify(id)}))`)}`;
}

/**
 * The bundle with every non-ASCII character written as a \uXXXX escape. esbuild's `charset: 'ascii'`
 * escapes strings, templates and names but leaves regular-expression literals (plancmp's patterns are
 * full of Chinese) and comments alone; in a regular expression, with or without the u flag, \uXXXX
 * matches exactly the character it replaces. ASCII-only, the launcher can read the 750 KB file as
 * latin1 (a copy) instead of decoding UTF-8, and V8 keeps it as a one-byte string (half the memory).
 * An escaped non-ASCII character (`\：`) would turn into an escaped backslash: refused, not rewritten.
 */
function asciiOnly(code: string, name: string): string {
  const escaped = /\\[^\x00-\x7f]/.exec(code);
  if (escaped) throw new Error(`dist/${name}: a backslash before a non-ASCII character: ${code.slice(escaped.index - 80, escaped.index + 20)}`);
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

await main();
