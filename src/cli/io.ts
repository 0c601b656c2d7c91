// The streams a command writes to, injectable so tests can run execute() in-process.
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** An explicit --color=always (true) or --color=never (false); unset: decided from stream and env. */
  color?: boolean;
}

/** The process's own streams, each made when first used: Node builds a stream (and loads its modules) for every one touched, and most commands never read standard input. */
export function processIo(): Io {
  return {
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  };
}

/** The stream behind the file name `-` (read/source.ts): only that name touches io.stdin, so other reads never build stdin's stream. */
export function stdinFor(io: Io, file: string): NodeJS.ReadableStream | undefined {
  return file === '-' ? io.stdin : undefined;
}
