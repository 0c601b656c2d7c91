// Input discovery, shared by every command that takes files (parse, diff, check, report, export,
// chain): files, directories (recursive, by extension), glob patterns and `-` (export and chain: a
// list of paths on standard input) → one de-duplicated list of paths. Only paths are held, never contents.
// fs.readdirSync through the module object, so tests can make a directory unreadable even as root
import fs, { statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BATCH_LIMITS } from '../options.js';
import { isGlob, globRoot, globToRegExp } from './glob.js';
import { PlancmpError } from '../errors.js';
import { displayName, readError, recoverRawPath } from './file.js';
import { DOCUMENT_EXTENSIONS } from './kinds.js';

/** What a directory yields when no --ext is given: text and HTML notices and every document kind. */
export const INPUT_EXTENSIONS: readonly string[] = ['.txt', '.htm', '.html', ...DOCUMENT_EXTENSIONS];

export interface DiscoverOptions {
  /** Extensions taken from directories, lower case with the dot: ['.txt', '.html']. */
  exts: string[];
  /** Read for the `-` argument. */
  stdin: NodeJS.ReadableStream;
  /** Absolute directories never to descend into (the output directory). */
  exclude?: string[];
  /**
   * `-` is a list of paths on standard input ('list', export and chain), or the notice itself read
   * from standard input ('file', parse, diff, check and report).
   */
  dash?: 'list' | 'file';
  /**
   * 'sorted' (default): every input in path order, whatever order the arguments came in (export's
   * records, stable across runs). 'given': the arguments' order, each directory or pattern's files
   * in path order (parse a.txt b.txt prints a before b; diff BASE LOCAL keeps BASE first).
   */
  order?: 'sorted' | 'given';
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
  /** For each input, the raw bytes of its path when they are not UTF-8 (the input then shows them as \xNN). */
  raws: (Buffer | undefined)[];
  /** For each input, why it cannot even be listed (an unreadable directory): it goes to the errors file. */
  errors: (InputError | undefined)[];
  /** Some argument was a directory, a pattern or a list of paths: the user asked for a collection, however many files it held. */
  expanded: boolean;
}

export interface InputError {
  code: string;
  message: string;
  hint?: string;
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

function statOrNull(p: string | Buffer) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** The entries of a directory (names as bytes: a name need not be UTF-8), or the error listing it. */
function list(dir: string | Buffer, shown: string): Dirent<Buffer>[] | InputError {
  try {
    return fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }) as unknown as Dirent<Buffer>[];
  } catch (e) {
    const err = readError(e, shown);
    const why = err.code === 'no-permission' ? 'cannot list the directory (permission denied)' : err.message.replace('cannot read the file', 'cannot list the directory');
    return { code: err.code === 'no-permission' ? 'unreadable-directory' : err.code, message: why, hint: 'its files were not read; check its permissions' };
  }
}

const isUtf8 = (b: Buffer) => Buffer.from(b.toString('utf8')).equals(b);

/**
 * Walks `dir` (hidden entries and excluded directories skipped; symbolic links to files are
 * followed, to directories not, so a link cycle cannot loop) and yields the files `accept` takes.
 * `raw` is the directory's path as bytes once a name on the way is not UTF-8; an unreadable
 * directory is yielded as an input with its error.
 */
function walk(dir: string, rel: string, depth: number, maxDepth: number, exclude: Set<string>, accept: (rel: string, full: string) => boolean, out: Found[], raw?: Buffer): void {
  if (exclude.has(path.resolve(dir))) return;
  const entries = list(raw ?? dir, dir);
  if (!Array.isArray(entries)) {
    out.push({ path: dir, name: rel || dir, raw, error: entries });
    return;
  }
  for (const e of entries) {
    const nameBytes = e.name as Buffer;
    const name = displayName(nameBytes);
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    // a name that is not UTF-8 is opened by its bytes, and so is everything below it
    const fullRaw = raw || !isUtf8(nameBytes) ? Buffer.concat([raw ?? Buffer.from(dir), Buffer.from(path.sep), nameBytes]) : undefined;
    const r = rel ? `${rel}/${name}` : name;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const s = statOrNull(fullRaw ?? full);
      isFile = !!s?.isFile();
      isDir = false;
    }
    if (isDir && depth + 1 < maxDepth) walk(full, r, depth + 1, maxDepth, exclude, accept, out, fullRaw);
    else if (isFile && accept(r, full)) out.push({ path: full, name: r, raw: fullRaw });
  }
}

interface Found {
  path: string;
  name: string;
  raw?: Buffer;
  error?: InputError;
}

/**
 * The paths listed on standard input, one a line (# comments and blank lines skipped). Lines are cut
 * from the raw bytes with their length and number bounded (BatchLimits): `export - < /dev/zero` is
 * one error line, not a string past V8's maximum length.
 */
async function readPathList(stdin: NodeJS.ReadableStream, limits = DEFAULT_BATCH_LIMITS): Promise<string[]> {
  const lines: string[] = [];
  const tooMuch = (what: string, hint: string) => {
    (stdin as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    return new PlancmpError('too-large', what, '-', hint);
  };
  const add = (bytes: Buffer) => {
    // \r\n, \n and a lone \r end a line, as readline read them
    for (const part of bytes.toString('utf8').split('\r')) {
      const p = part.replace(/^\uFEFF/, '').trim();
      if (!p || p.startsWith('#')) continue;
      if (lines.length >= limits.paths) throw tooMuch(`the list of paths on standard input has more than ${limits.paths} paths`, 'split the list, e.g. with --shard K/N or split(1)');
      lines.push(p);
    }
  };
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of stdin) {
    let buf = Buffer.concat([pending, typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array)]);
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10)) {
      add(buf.subarray(0, nl));
      buf = buf.subarray(nl + 1);
    }
    if (buf.length > limits.pathLineBytes) throw tooMuch(`a line of the list of paths on standard input is longer than ${limits.pathLineBytes} bytes`, 'give one path per line (is it a list of paths, and not a notice or a device?)');
    pending = Buffer.from(buf);
  }
  if (pending.length > 0) add(pending);
  return lines;
}

export async function discoverInputs(args: string[], opts: DiscoverOptions): Promise<Discovered> {
  const exclude = new Set((opts.exclude ?? []).map((d) => path.resolve(d)));
  const warnings: string[] = [];
  const found: Found[] = [];
  let expanded = false;
  const byExt = (_rel: string, full: string) => opts.exts.includes(path.extname(full).toLowerCase());
  const byPath = (a: Found, b: Found) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  /** One argument's files in path order (readdir's order is the file system's). */
  const sortFrom = (start: number) => found.splice(start, found.length - start, ...found.slice(start).sort(byPath));

  const literal = (arg: string, fromStdin: boolean) => {
    // a name typed with bytes that are not UTF-8 reaches us with U+FFFD in their place: find it again
    const raw = statOrNull(arg) ? undefined : recoverRawPath(arg);
    const s = statOrNull(raw ?? arg);
    if (raw) arg = displayName(raw);
    if (s?.isDirectory()) {
      expanded = true;
      const before = found.length;
      walk(arg, '', 0, Infinity, exclude, byExt, found, raw);
      sortFrom(before);
      if (found.length === before) warnings.push(`${arg}: no ${opts.exts.join(' ')} files in this directory`);
      return;
    }
    if (!s && !fromStdin && isGlob(arg)) {
      expanded = true;
      const { root, rest } = globRoot(arg);
      const re = globToRegExp(rest);
      const maxDepth = rest.includes('**') ? Infinity : rest.split('/').length;
      const before = found.length;
      if (statOrNull(root)?.isDirectory()) walk(root, '', 0, maxDepth, exclude, (rel) => re.test(rel), found);
      sortFrom(before);
      if (found.length === before) warnings.push(`${arg}: the pattern matched no file`);
      return;
    }
    // A file, or a path that does not exist: the latter is reported per file (not-found) in the errors list.
    found.push({ path: arg, name: arg, raw });
  };

  let stdinUsed = false;
  for (const arg of args) {
    if (arg === '-' && opts.dash !== 'file') {
      expanded = true;
      if (stdinUsed) continue;
      stdinUsed = true;
      if ((opts.stdin as { isTTY?: boolean }).isTTY) {
        throw new PlancmpError('stdin-tty', 'standard input is a terminal, not a list of paths', '-', 'pipe the list in, e.g. find corpus -name "*.html" | plancmp export - --out out/');
      }
      for (const p of await readPathList(opts.stdin)) literal(p, true);
    } else if (arg === '-') found.push({ path: arg, name: arg });
    else literal(arg, false);
  }

  const seen = new Set<string>();
  const inputs: string[] = [];
  const names: string[] = [];
  const raws: (Buffer | undefined)[] = [];
  const errors: (InputError | undefined)[] = [];
  const ordered = opts.order === 'given' ? found : found.sort(byPath);
  for (const f of ordered) {
    const key = f.path === '-' ? '-' : path.resolve(f.path);
    if (seen.has(key)) continue;
    seen.add(key);
    inputs.push(f.path);
    names.push(f.name);
    raws.push(f.raw);
    errors.push(f.error);
  }
  return { inputs, names, warnings, raws, errors, expanded };
}
