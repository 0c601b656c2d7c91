#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22+ can keep compiled bytecode between runs; start-up is most of a single `diff`. (No-op on 20.)
module.enableCompileCache?.();

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('plancmp: the compiled code (dist/) is missing — run `npm install` (or `npm run build`) in the plancmp folder first.');
  process.exit(2);
}
// `plancmp diff … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { execute } = await import(main.href);
process.exitCode = await execute(process.argv.slice(2));
