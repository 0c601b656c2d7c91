// Input discovery: files, directories (recursive), glob patterns and `-` (a list of paths on
// standard input) → one sorted, de-duplicated list of paths. Only paths are held, never contents.
import { statSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { isGlob, globRoot, globToRegExp } from './glob.js';
import { PlancmpError } from '../errors.js';

export interface DiscoverOptions {
  /** Extensions taken from directories, lower case with the dot: ['.txt', '.html']. */
  exts: string[];
  /** Read for the `-` argument. */
  stdin: NodeJS.ReadableStream;
  /** Absolute directories never to descend into (the output directory). */
  exclude?: string[];
}

export interface Discovered {
  /** Sorted by path (code-unit order), each path once. */
  inputs: string[];
  /**
   * For each input, the path its output name is derived from: relative to the directory given
   * (for a file found in a directory), to the pattern's literal part (for a glob match), or the
   * path itself (for a file given by name or listed on standard input).
   */
  names: string[];
  /** Arguments that yielded nothing (an empty directory, a pattern matching nothing). */
  warnings: string[];
}

/** `.txt,htm, .HTML` → ['.txt', '.htm', '.html']; undefined when the list is empty. */
export function parseExtList(spec: string): string[] | undefined {
  const exts = spec
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((s) => (s.startsWith('.') ? s : `.${s}`));
  return exts.length ? [...new Set(exts)] : undefined;
}

function statOrNull(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * Walks `dir` (hidden entries and excluded directories skipped; symbolic links to files are
 * followed, to directories not, so a link cycle cannot loop) and yields the files `accept` takes.
 */
function walk(dir: string, rel: string, depth: number, maxDepth: number, exclude: Set<string>, accept: (rel: string, full: string) => boolean, out: Found[]): void {
  if (exclude.has(path.resolve(dir))) return;
  for (const e of list(dir)) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const s = statOrNull(full);
      isFile = !!s?.isFile();
      isDir = false;
    }
    if (isDir && depth + 1 < maxDepth) walk(full, r, depth + 1, maxDepth, exclude, accept, out);
    else if (isFile && accept(r, full)) out.push({ path: full, name: r });
  }
}

interface Found {
  path: string;
  name: string;
}

async function readPathList(stdin: NodeJS.ReadableStream): Promise<string[]> {
  const lines: string[] = [];
  const rl = createInterface({ input: stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const p = line.replace(/^\uFEFF/, '').trim();
    if (p && !p.startsWith('#')) lines.push(p);
  }
  return lines;
}

export async function discoverInputs(args: string[], opts: DiscoverOptions): Promise<Discovered> {
  const exclude = new Set((opts.exclude ?? []).map((d) => path.resolve(d)));
  const warnings: string[] = [];
  const found: Found[] = [];
  const byExt = (_rel: string, full: string) => opts.exts.includes(path.extname(full).toLowerCase());

  const literal = (arg: string, fromStdin: boolean) => {
    const s = statOrNull(arg);
    if (s?.isDirectory()) {
      const before = found.length;
      walk(arg, '', 0, Infinity, exclude, byExt, found);
      if (found.length === before) warnings.push(`${arg}: no ${opts.exts.join(' ')} files in this directory`);
      return;
    }
    if (!s && !fromStdin && isGlob(arg)) {
      const { root, rest } = globRoot(arg);
      const re = globToRegExp(rest);
      const maxDepth = rest.includes('**') ? Infinity : rest.split('/').length;
      const before = found.length;
      if (statOrNull(root)?.isDirectory()) walk(root, '', 0, maxDepth, exclude, (rel) => re.test(rel), found);
      if (found.length === before) warnings.push(`${arg}: the pattern matched no file`);
      return;
    }
    // A file, or a path that does not exist: the latter is reported per file (not-found) in the errors list.
    found.push({ path: arg, name: arg });
  };

  let stdinUsed = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinUsed) continue;
      stdinUsed = true;
      if ((opts.stdin as { isTTY?: boolean }).isTTY) {
        throw new PlancmpError('stdin-tty', 'standard input is a terminal, not a list of paths', '-', 'pipe the list in, e.g. find corpus -name "*.html" | plancmp export - --out out/');
      }
      for (const p of await readPathList(opts.stdin)) literal(p, true);
    } else literal(arg, false);
  }

  const seen = new Set<string>();
  const inputs: string[] = [];
  const names: string[] = [];
  for (const f of found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const key = path.resolve(f.path);
    if (seen.has(key)) continue;
    seen.add(key);
    inputs.push(f.path);
    names.push(f.name);
  }
  return { inputs, names, warnings };
}
