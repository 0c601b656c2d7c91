// The files a command runs over: its arguments expanded as export and chain expand theirs (files,
// directories by --ext, glob patterns; src/read/discover.ts), with `-` still the notice on standard
// input. Warnings (an empty directory, a pattern matching nothing) go to stderr at once; an argument
// that yields nothing at all is a usage error.
import type { Io } from './io.js';
import { PlancmpError } from '../errors.js';
import { discoverInputs, parseExtList, INPUT_EXTENSIONS } from '../read/discover.js';
import { oneLine } from '../render/terminal.js';
import type { FileMessage } from '../result.js';

export interface CommandInputs {
  /** In the arguments' order, each directory's or pattern's files in path order; each path once. */
  files: string[];
  /** For a file that could not even be listed (an unreadable directory): why, as a fatal message. */
  failures: Map<string, FileMessage>;
  /** A directory, pattern or several files were given: the output is a collection, however many it holds. */
  many: boolean;
}

/** `--ext` as given (comma-separated), or every input kind when absent. */
export function extsOf(spec: string | undefined): string[] {
  if (spec === undefined) return [...INPUT_EXTENSIONS];
  const exts = parseExtList(spec);
  if (!exts) throw new PlancmpError('usage', `--ext: "${spec}" names no extension`, undefined, 'e.g. --ext .txt,.html');
  return exts;
}

export async function commandInputs(args: string[], ext: string | undefined, io: Io): Promise<CommandInputs> {
  const found = await discoverInputs(args, { exts: extsOf(ext), stdin: io.stdin, dash: 'file', order: 'given' });
  const hint = 'give notice files, directories holding them (see --ext) or glob patterns';
  // one argument that yields nothing is one error line naming it
  if (found.inputs.length === 0 && found.warnings.length === 1) throw new PlancmpError('usage', found.warnings[0], undefined, hint);
  for (const w of found.warnings) io.stderr.write(`plancmp: warning: ${oneLine(w)}\n`);
  if (found.inputs.length === 0) throw new PlancmpError('usage', 'no inputs found', undefined, hint);
  const failures = new Map<string, FileMessage>();
  // a name whose bytes are not UTF-8 is opened as the shell passes it (U+FFFD for those bytes): the
  // reader finds the entry again and shows its bytes as \xNN (src/read/file.ts)
  const files = found.inputs.map((file, i) => found.raws[i]?.toString('utf8') ?? file);
  files.forEach((file, i) => {
    const e = found.errors[i];
    if (e) failures.set(file, { severity: 'fatal', code: e.code, file: found.inputs[i], message: e.message, ...(e.hint ? { hint: e.hint } : {}) });
  });
  return { files, failures, many: found.expanded || found.inputs.length > 1 };
}
