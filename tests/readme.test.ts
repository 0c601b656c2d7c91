// The README's examples and the examples in every --help are real runs that must keep working:
// each README block (<!-- run: … -->) is run again and compared with what the README shows
// (timings aside; `npm run readme` rewrites them), and each --help example is run as printed.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execute } from '../src/cli/main.js';
import { findBlocks, inDirectory, normalizeTimings, renderBlock, words } from '../src/dev/readme.js';
import { runCli } from './helpers.js';

const ROOT = path.resolve('.');

// vitest runs test files in forked processes: chdir is theirs
const inDir = inDirectory(execute);

describe('README examples', () => {
  const readme = readFileSync('README.md', 'utf8');
  const blocks = findBlocks(readme);

  it('has example blocks for diff, parse, export, report, check and eval', () => {
    const all = blocks.flatMap((b) => b.commands).join('\n');
    for (const c of ['plancmp diff', 'plancmp parse', 'plancmp export', 'plancmp report', 'plancmp check', 'npm run eval']) expect(all).toContain(c);
    // no hand-written output blocks of plancmp left outside the generated ones
    const outside = blocks.reduceRight((s, b) => s.slice(0, b.start) + s.slice(b.end), readme);
    expect(outside).not.toMatch(/^\$ (npx )?plancmp /m);
  });

  for (const b of blocks) {
    it(`matches a fresh run: ${b.commands.join(' ;; ')}`, async () => {
      const fresh = await renderBlock(b, inDir, ROOT);
      expect(normalizeTimings(b.body), 'run `npm run readme` to regenerate the README examples').toBe(normalizeTimings(fresh));
    }, 60_000);
  }
});

/** The lines under "Examples:" of a help text, as commands (pipes, redirections and comments cut). */
function helpExamples(help: string): string[] {
  const m = /Examples:\n((?: {2}.+\n?)+)/.exec(help);
  if (!m) return [];
  return m[1]
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('plancmp '))
    .map((l) => l.split(/ {3,}| \| | \|\| | > /)[0].trim());
}

describe('--help examples run as shown', () => {
  const commands = ['', 'parse', 'diff', 'check', 'export', 'report', 'chain'];
  for (const c of commands) {
    it(`plancmp ${c || ''} --help`.replace(/ +/g, ' '), async () => {
      const help = await runCli(c ? [c, '--help'] : ['--help']);
      expect(help.code).toBe(0);
      const examples = helpExamples(help.out);
      expect(examples.length, `${c || 'top-level'} help has examples`).toBeGreaterThan(0);
      if (!c) expect(help.out).toMatch(/Exit codes:\n(.*\n)*\s+3\s/);
      // a scratch folder with the fixtures, so examples that write files write there
      const work = mkdtempSync(path.join(tmpdir(), 'plancmp-help-'));
      symlinkSync(path.join(ROOT, 'fixtures'), path.join(work, 'fixtures'));
      for (const ex of examples) {
        const argv = words(ex, work).slice(1);
        let out = '';
        let err = '';
        const { Writable, Readable } = await import('node:stream');
        const code = await inDir(argv, { stdout: new Writable({ write: (x, _e, cb) => ((out += x), cb()) }), stderr: new Writable({ write: (x, _e, cb) => ((err += x), cb()) }), stdin: Readable.from([]), env: { NO_COLOR: '1' } }, work);
        expect([0, 1], `${ex}\n${err}`).toContain(code);
        expect(err, ex).not.toMatch(/no such file|unknown option|internal error|error: /i);
        // files the example names as outputs were written; otherwise it printed something (or was told not to)
        const files = [...argv.entries()].filter(([k, v]) => ['-o', '--output', '--html', '--csv', '--out', '--jsonl', '--tables'].includes(v) && argv[k + 1] !== '-').map(([k]) => argv[k + 1]);
        for (const f of files) expect(existsSync(path.join(work, f)), `${ex} wrote ${f}`).toBe(true);
        if (!files.length && !argv.includes('--quiet')) expect(out.length, ex).toBeGreaterThan(0);
      }
    }, 120_000);
  }
});
