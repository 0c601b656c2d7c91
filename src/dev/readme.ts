// README examples are real runs: each block between
//   <!-- run[ OPTIONS]: COMMAND ;; COMMAND … -->  and  <!-- end run -->
// holds "$ COMMAND" and what it printed. `npm run readme` rewrites every block from fresh runs;
// tests/readme.test.ts fails when a block differs from a fresh run (timings aside).
// OPTIONS: lines=N (keep the first N lines of each command's output, then "…"), stderr (show
// standard error too), work (run in a scratch folder with notices/ = the seed fixtures plus one
// PNG saved as .txt, as the export example needs). COMMAND: `plancmp ARGS` (run in-process),
// `npm run eval -- ARGS`, or `cat FILE`. Globs in ARGS (fixtures/*.txt) are expanded as a shell would.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export type Execute = (argv: string[], io: { stdout: Writable; stderr: Writable; stdin: Readable; env: NodeJS.ProcessEnv }, cwd: string) => Promise<number>;

export interface Block {
  /** Offsets of the block body (between the two comment lines) in the README text. */
  start: number;
  end: number;
  options: { lines?: number; stderr: boolean; work: boolean };
  commands: string[];
  body: string;
}

const BLOCK = /<!-- run((?: [a-z]+(?:=\d+)?)*): (.+?) -->\n([\s\S]*?)<!-- end run -->/g;

export function findBlocks(readme: string): Block[] {
  const out: Block[] = [];
  for (const m of readme.matchAll(BLOCK)) {
    const opts = m[1].trim().split(/\s+/).filter(Boolean);
    const lines = opts.find((o) => o.startsWith('lines='));
    const start = m.index! + m[0].indexOf('\n') + 1;
    out.push({
      start,
      end: start + m[3].length,
      options: { lines: lines ? Number(lines.slice(6)) : undefined, stderr: opts.includes('stderr'), work: opts.includes('work') },
      commands: m[2].split(' ;; ').map((c) => c.trim()),
      body: m[3],
    });
  }
  return out;
}

/** Shell-like words: quotes group, globs in the last path segment expand against cwd. */
export function words(command: string, cwd: string): string[] {
  const raw = command.match(/'[^']*'|"[^"]*"|\S+/g) ?? [];
  return raw.flatMap((w) => {
    if (/^['"]/.test(w)) return [w.slice(1, -1)];
    if (!/[*?]/.test(w)) return [w];
    const dir = path.dirname(w);
    const re = new RegExp(`^${path.basename(w).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
    const hits = readdirSync(path.resolve(cwd, dir)).filter((f) => re.test(f)).sort();
    return hits.length ? hits.map((f) => (dir === '.' ? f : `${dir}/${f}`)) : [w];
  });
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The scratch folder of `work` blocks: notices/ holds the seed fixtures and a PNG named .txt. */
export function prepareWork(root = ROOT): string {
  const work = path.join(root, 'test-output', 'readme-work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'notices'), { recursive: true });
  for (const f of readdirSync(path.join(root, 'fixtures')).filter((f) => f.endsWith('.txt'))) copyFileSync(path.join(root, 'fixtures', f), path.join(work, 'notices', f));
  // a scanned page saved with the wrong extension: the export must report it and go on
  writeFileSync(path.join(work, 'notices', 'scan.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4bb0000000049454e44ae426082', 'hex'));
  return work;
}

async function runOne(command: string, cwd: string, execute: Execute, withStderr: boolean, root: string): Promise<string> {
  const argv = words(command, cwd);
  if (argv[0] === 'cat') return argv.slice(1).map((f) => readFileSync(path.resolve(cwd, f), 'utf8')).join('');
  if (argv[0] === 'npm' && argv[1] === 'run' && argv[2] === 'eval') {
    const args = argv.slice(argv[3] === '--' ? 4 : 3);
    return execFileSync(process.execPath, [path.join(root, 'dist', 'eval', 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  }
  if (argv[0] !== 'plancmp') throw new Error(`README block: cannot run "${command}" (plancmp, npm run eval, cat)`);
  let out = '';
  let err = '';
  const stdout = new Writable({ write: (c, _e, cb) => ((out += c), cb()) });
  const stderr = new Writable({ write: (c, _e, cb) => ((err += c), cb()) });
  await execute(argv.slice(1), { stdout, stderr, stdin: Readable.from([]), env: { NO_COLOR: '1' } }, cwd);
  return withStderr ? err + out : out;
}

function clip(text: string, lines: number | undefined): string {
  const all = text.replace(/\n$/, '').split('\n');
  return lines !== undefined && all.length > lines ? [...all.slice(0, lines), '…'].join('\n') : all.join('\n');
}

/** The body a block should have: for each command, "$ command" and its (clipped) output, in a code fence. */
export async function renderBlock(b: Block, execute: Execute, root = ROOT): Promise<string> {
  const cwd = b.options.work ? prepareWork(root) : root;
  const parts: string[] = [];
  for (const c of b.commands) {
    const out = clip(await runOne(c, cwd, execute, b.options.stderr, root), b.options.lines);
    parts.push(`$ ${c}`, ...(out ? [out] : []));
  }
  return '```\n' + parts.join('\n') + '\n```\n';
}

/**
 * Timings and rates differ from run to run, and export runs in-process under the test runner
 * (compiled worker threads need dist/); everything else must match.
 */
export function normalizeTimings(s: string): string {
  return s.replace(/\d+(\.\d+)? (s|ms|notices\/s|MB\/s)\b/g, 'N $2').replace(/\d+ worker threads?|in-process/g, 'WORKERS');
}

export async function regenerate(readme: string, execute: Execute, root = ROOT): Promise<string> {
  let out = '';
  let at = 0;
  for (const b of findBlocks(readme)) {
    out += readme.slice(at, b.start) + (await renderBlock(b, execute, root));
    at = b.end;
  }
  return out + readme.slice(at);
}

/** execute() as if started in `cwd`: a README example runs where its text says it does. */
export function inDirectory(execute: (argv: string[], io: Parameters<Execute>[1]) => Promise<number>): Execute {
  return async (argv, io, cwd) => {
    const here = process.cwd();
    process.chdir(cwd);
    try {
      return await execute(argv, io);
    } finally {
      process.chdir(here);
    }
  };
}

// npm run readme: rewrite README.md in place from fresh runs of the built CLI.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { execute } = await import('../cli/main.js');
  const run = inDirectory(execute);
  const file = path.join(ROOT, 'README.md');
  const before = readFileSync(file, 'utf8');
  const after = await regenerate(before, run);
  if (after !== before) writeFileSync(file, after);
  console.log(`README.md: ${findBlocks(before).length} example blocks ${after === before ? 'already current' : 'regenerated'}`);
  // the example report the README points to, for the four seed plans
  const seeds = ['000_5b73fe2b8637f3d3', '001_2a7fecd8e03c454a', '003_921a6ce2908064d7', '004_0ece2a694517dc78'].map((s) => `fixtures/${s}.txt`);
  const sink = () => new Writable({ write: (_c, _e, cb) => cb() });
  await run(['report', ...seeds, '--html', 'examples/report-example.html'], { stdout: sink(), stderr: sink(), stdin: Readable.from([]), env: {} }, ROOT);
  console.log('examples/report-example.html: regenerated');
  if (existsSync(path.join(ROOT, 'test-output', 'readme-work'))) rmSync(path.join(ROOT, 'test-output', 'readme-work'), { recursive: true, force: true });
}
