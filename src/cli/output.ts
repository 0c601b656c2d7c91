// Where a command's result goes: standard output, or with -o/--output FILE a file written whole
// (collected, then written under a temporary name and renamed, so a reader never sees half of it;
// and no shell redirection, which PowerShell 5 re-encodes from UTF-8 to UTF-16).
import type { Io } from './io.js';
import { PlancmpError } from '../errors.js';
import { writeOutputSync } from '../write/atomic.js';

/** --color=auto|always|never (also --color alone = always, --no-color = never). */
export type ColorWhen = 'auto' | 'always' | 'never';

export function parseColorWhen(v: string | boolean | undefined): ColorWhen {
  if (v === undefined || v === 'auto') return 'auto';
  if (v === true || v === 'always') return 'always';
  if (v === false || v === 'never') return 'never';
  throw new PlancmpError('usage', `--color: "${v}" is not auto, always or never`, undefined, 'e.g. --color=never');
}

/** The Io a command runs with: colour decision applied, stdout replaced by a buffer when writing to FILE. */
export interface OutputTarget {
  io: Io;
  /** Writes the collected output to FILE (only when the command produced some); returns the exit code. */
  finish(code: number): number;
}

export function outputTarget(io: Io, file: string | undefined, color: ColorWhen): OutputTarget {
  const withColor: Io = color === 'auto' ? io : { ...io, color: color === 'always' };
  if (!file || file === '-') return { io: withColor, finish: (code) => code };
  const chunks: Buffer[] = [];
  const sink = {
    isTTY: false,
    write(chunk: string | Uint8Array): boolean {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
      return true;
    },
  } as unknown as Io['stdout'];
  return {
    io: { ...withColor, stdout: sink },
    finish(code) {
      // an input error with nothing to show leaves no file behind (outputs are complete or absent)
      if (chunks.length === 0) return code;
      // complete or absent; a failure is a one-line write-failed error (src/write/atomic.ts)
      writeOutputSync(file, Buffer.concat(chunks));
      return code;
    },
  };
}
