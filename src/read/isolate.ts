// Reading a binary input where an escape costs only that file (every command; in export each
// worker thread has its own reader, beside the pool's own limits). One child process reads the
// files one at a time, with a V8 heap limit and a wall-clock limit (ReadLimits readerHeapMb,
// readSeconds). A child process, not a worker thread: V8's fatal errors (an array or string past its
// maximum length) abort the whole process a thread runs in. Running out of heap or time, or an abort,
// ends the child: that file fails with one line, the next file gets a new child. The budget
// (budget.ts) stops the known ways first; this is the last line for the unknown ones.
// Without the compiled worker (the TypeScript sources under a test runner) files are read in-process.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PlancmpError } from '../errors.js';
import type { SourceText } from '../model.js';
import { LIMITS_ENV, readLimits } from './budget.js';
import type { DocumentOptions, InputKind } from './kinds.js';
import { sweepOcr } from './ocr.js';

/** What the reader is sent and answers (read-worker.ts). */
export interface ReadRequest {
  format: string;
  bytes: Uint8Array;
  file: string;
  /** the options without the progress callback; `progress`: send progress messages (OCR: one per page, which also restarts the time limit) */
  opts: Omit<DocumentOptions, 'onProgress'> & { progress?: boolean };
}
export type ReadReply = { source: SourceText } | { error: { code: string; message: string; file?: string; hint?: string } } | { progress: { done: number; total: number } };

const WORKER = fileURLToPath(new URL('./read-worker.js', import.meta.url));

interface Reader {
  child: ChildProcess;
  /** the end of its standard error (an abort's reason) */
  stderr: string;
  exited: boolean;
}
let current: Reader | undefined;
/** Files are read one after another: a crash then names the file that caused it. */
let chain: Promise<unknown> = Promise.resolve();

const idle = (r: Reader, yes: boolean) => {
  const ch = r.child as ChildProcess & { channel?: { ref(): void; unref(): void } };
  if (yes) {
    r.child.unref();
    ch.channel?.unref();
  } else {
    r.child.ref();
    ch.channel?.ref();
  }
};

function reader(heapMb: number): Reader {
  if (current && !current.exited) return current;
  const child = fork(WORKER, [], {
    // without the trap handler V8 reserves no 8 GB of address space per WebAssembly memory: under a
    // `ulimit -v` below ~12 GB, the WebAssembly that Node's fetch loads when pdf.js reads a PDF failed
    execArgv: [`--max-old-space-size=${heapMb}`, '--disable-wasm-trap-handler'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const r: Reader = { child, stderr: '', exited: false };
  child.stderr!.on('data', (d: Buffer) => (r.stderr = (r.stderr + d.toString()).slice(-4096)));
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  child.on('exit', () => {
    r.exited = true;
    if (current === r) current = undefined;
  });
  child.on('error', () => undefined); // reported through 'exit'
  // a command that ends (or exits on a signal handler) takes its reader with it
  const stop = () => child.kill();
  process.once('exit', stop);
  child.once('exit', () => process.off('exit', stop));
  idle(r, true); // an idle reader never keeps the command alive
  return (current = r);
}

/** Why a reader ended, from its exit and the end of its standard error. */
function crashReason(r: Reader, code: number | null, signal: NodeJS.Signals | null, heapMb: number): { why: string; heap: boolean } {
  const fatal = /FATAL ERROR: ([^\n]*)|Fatal JavaScript ([^\n]*)|# Fatal error[^\n]*\n#? ?([^\n]*)/.exec(r.stderr);
  const heap = /heap limit|heap out of memory/i.test(r.stderr);
  if (heap) return { why: `it needed more than ${heapMb} MB of memory`, heap };
  const uncaught = /^(\w*Error: [^\n]*)/m.exec(r.stderr);
  const what = fatal ? (fatal[1] ?? fatal[2] ?? fatal[3] ?? '').trim() : (uncaught?.[1] ?? '');
  return { why: `the reader ${signal ? `was ended by ${signal}` : `exited with ${code}`}${what ? ` (${what.slice(0, 120)})` : ''}`, heap };
}

function readOne(kind: InputKind, bytes: Uint8Array, file: string, opts: DocumentOptions): Promise<SourceText> {
  const limits = opts.limits ?? readLimits();
  const r = reader(limits.readerHeapMb);
  return new Promise<SourceText>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      r.child.off('message', onMessage);
      r.child.off('exit', onExit);
      idle(r, true);
    };
    const onMessage = (m: ReadReply) => {
      if ('progress' in m) {
        // a page of a long OCR run is done: the reader is alive, its time limit starts again
        opts.onProgress?.(m.progress.done, m.progress.total);
        timer.refresh();
        return;
      }
      done();
      if ('source' in m) resolve(m.source);
      else reject(new PlancmpError(m.error.code, m.error.message, m.error.file ?? file, m.error.hint));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      done();
      if (r.child.pid) sweepOcr(r.child.pid); // OCR folders and tools it could not remove itself
      // the end of its standard error may still be on its way
      setImmediate(() => {
        const { why, heap } = crashReason(r, code, signal, limits.readerHeapMb);
        reject(
          new PlancmpError(
            'worker-crashed',
            `reading it failed: ${why}`,
            file,
            heap ? `a damaged or crafted file; if it is genuine, raise the limit: ${LIMITS_ENV}=readerHeapMb=${limits.readerHeapMb * 2}` : 'it may be damaged or crafted: download it again, or open and re-save it',
          ),
        );
      });
    };
    const timer = setTimeout(() => {
      done();
      if (current === r) current = undefined;
      r.child.kill('SIGKILL');
      if (r.child.pid) sweepOcr(r.child.pid);
      reject(
        new PlancmpError('timeout', `took longer than ${limits.readSeconds} s to read and was abandoned`, file, `a damaged or crafted file; if it is genuine, raise the limit: ${LIMITS_ENV}=readSeconds=${limits.readSeconds * 4}`),
      );
    }, limits.readSeconds * 1000);
    r.child.on('message', onMessage);
    r.child.on('exit', onExit);
    idle(r, false);
    r.stderr = '';
    const request: ReadRequest = { format: kind.format, bytes, file, opts: { ocr: opts.ocr, ocrPages: opts.ocrPages, cache: opts.cache, progress: true, limits } };
    r.child.send(request);
  });
}

/** Whether files can be read in a child here (the compiled reader exists). */
export const canIsolate = (): boolean => existsSync(WORKER);

/** readDocument in the reading child process (see the file comment). */
export function readIsolated(kind: InputKind, bytes: Uint8Array, file: string, opts: DocumentOptions): Promise<SourceText> {
  const p = chain.then(() => readOne(kind, bytes, file, opts));
  chain = p.catch(() => undefined);
  return p;
}
