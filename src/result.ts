// One file's result, and the one way a file fails. Every command that reads a batch of files
// (parse, check, report, export) runs each through runFile/runBytes: a PlancmpError (or a bug)
// becomes a fatal message on that file's result instead of an exception, so a batch goes on,
// every command counts failures the same way (exitCode in cli/exit.ts) and one formatter prints them.
import type { Notice, PlanDiff, SourceText } from './model.js';
import { PlancmpError, isPlancmpError } from './errors.js';
import { parseSource, type ParseOptions } from './pipeline.js';
import { readBytes, readSource, type ReadOptions } from './read/index.js';
import { diffNotices } from './diff/index.js';

export interface FileMessage {
  /** fatal: the file gave no result; warning: it did, and the reader should know this */
  severity: 'fatal' | 'warning';
  /** a PlancmpError code (not-found, too-large, html-no-notice, no-tasks…), or 'internal' for a bug */
  code: string;
  file: string;
  message: string;
  /** what to do about it */
  hint?: string;
  /** the thrown value, for --debug stack traces */
  cause?: unknown;
}

export interface FileResult {
  file: string;
  notice?: Notice;
  diff?: PlanDiff;
  /** the text the notice was parsed from (the HTML report shows it side by side) */
  sourceText?: string;
  /** the whole source as read (with its pages), when asked for with keepSource (parse --format raw) */
  source?: SourceText;
  messages: FileMessage[];
}

export interface RunOptions extends ParseOptions, Pick<ReadOptions, 'stdin' | 'isolate' | 'ocrPages' | 'cache' | 'onProgress'> {
  /** Keep the SourceText on the result (FileResult.source). */
  keepSource?: boolean;
  /** Diff each notice against this base. */
  base?: Notice;
  /**
   * A notice without tasks, when diffing: 'fail' (report: nothing to compare), 'skip' (check
   * --snapshot: the parse alone is pinned), 'diff' (export: the record keeps the diff that says so).
   */
  noTasks?: 'fail' | 'skip' | 'diff';
}

/** A usage error (a bad option or environment variable) concerns the whole command, not one file. */
function rethrowUsage(e: unknown): void {
  if (isPlancmpError(e) && e.code === 'usage') throw e;
}

/** The message for a thrown value: a PlancmpError as it is, anything else as an internal error. */
export function messageFromError(e: unknown, file: string): FileMessage {
  if (isPlancmpError(e)) return { severity: 'fatal', code: e.code, file: e.file ?? file, message: e.message, ...(e.hint ? { hint: e.hint } : {}), cause: e };
  return { severity: 'fatal', code: 'internal', file, message: `internal error: ${(e as Error)?.message ?? String(e)}`, hint: 'run with --debug for details, and please report it', cause: e };
}

/** The one error format: `file: what is wrong — what to do` (a bug: `internal error: … (run with --debug …)`). */
export function describeMessage(m: Pick<FileMessage, 'code' | 'file' | 'message' | 'hint'>, withFile = true): string {
  if (m.code === 'internal') return `${m.message}${m.hint ? ` (${m.hint})` : ''}`;
  return new PlancmpError(m.code, m.message, withFile && m.file ? m.file : undefined, m.hint).describe();
}

export const fatalOf = (r: FileResult): FileMessage | undefined => r.messages.find((m) => m.severity === 'fatal');
export const failed = (r: FileResult): boolean => r.messages.some((m) => m.severity === 'fatal');

function noTasksMessage(n: Notice, severity: FileMessage['severity']): FileMessage {
  if (n.taskShape && !n.taskShape.plan) {
    return { severity, code: 'not-a-plan', file: n.source.file, message: `not a plan (${n.taskShape.kind ?? '条例'}): it has no tasks`, hint: n.taskShape.why };
  }
  const codes = n.warnings.map((w) => w.code).join(', ') || 'no structure recognised';
  const hint =
    severity === 'fatal'
      ? 'run `plancmp parse --format text` on it to see what was recognised'
      : 'the JSON still holds what was recognised; a plan needs numbered items under （一）（二）… headings in a part such as 二、主要任务';
  return { severity, code: 'no-tasks', file: n.source.file, message: `no tasks found (${codes})`, hint };
}

/** Parse (and diff) a notice already read; throws only a usage error. */
function settle(file: string, source: SourceText, opts: RunOptions): FileResult {
  const result: FileResult = { file, messages: [], sourceText: source.text, ...(opts.keepSource ? { source } : {}) };
  try {
    const notice = parseSource(source, opts);
    result.notice = notice;
    if (notice.tasks.length === 0) {
      const noTasks = opts.base ? (opts.noTasks ?? 'fail') : undefined;
      result.messages.push(noTasksMessage(notice, noTasks === 'fail' ? 'fatal' : 'warning'));
      if (noTasks === 'fail') return { file, messages: result.messages };
      if (noTasks === 'skip') return result;
    }
    if (opts.base) result.diff = diffNotices(opts.base, notice);
  } catch (e) {
    rethrowUsage(e);
    return { file, messages: [...result.messages, messageFromError(e, file)] };
  }
  return result;
}

/** Read, parse and (with `base`) diff one file ('-' is standard input); throws only a usage error. */
export async function runFile(file: string, opts: RunOptions = {}): Promise<FileResult> {
  let source: SourceText;
  try {
    source = await readSource(file, opts);
  } catch (e) {
    rethrowUsage(e);
    return { file, messages: [messageFromError(e, file)] };
  }
  return settle(file, source, opts);
}

/** runFile for bytes already in memory (export reads them itself to hash them first); throws only a usage error. */
export async function runBytes(bytes: Uint8Array, file: string, opts: RunOptions = {}): Promise<FileResult> {
  let source: SourceText;
  try {
    source = await readBytes(bytes, file, opts);
  } catch (e) {
    rethrowUsage(e);
    return { file, messages: [messageFromError(e, file)] };
  }
  return settle(file, source, opts);
}

/** The notice of a result, or its fatal message as an exception (a base plan). */
export function unwrap(r: FileResult): Notice {
  const f = fatalOf(r);
  if (f) throw f.cause ?? new PlancmpError(f.code, f.message, f.file, f.hint);
  return r.notice!;
}
