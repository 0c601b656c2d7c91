// The reading child process's entry (isolate.ts starts it): reads one binary input per message.
import { isPlancmpError } from '../errors.js';
import { readDocument } from './document.js';
import type { ReadReply, ReadRequest } from './isolate.js';
import { INPUT_KINDS } from './kinds.js';

if (!process.send) throw new Error('plancmp reader: must be started by plancmp with an IPC channel');
// the command that started it has ended (or was killed): so does the reader
process.on('disconnect', () => process.exit(0));
process.on('message', async (m: ReadRequest) => {
  let reply: ReadReply;
  try {
    const kind = INPUT_KINDS.find((k) => k.format === m.format)!;
    const { progress, ...opts } = m.opts;
    const onProgress = progress ? (done: number, total: number) => process.send!({ progress: { done, total } } satisfies ReadReply) : undefined;
    reply = { source: await readDocument(kind, m.bytes, m.file, { ...opts, onProgress }) };
  } catch (e) {
    reply = isPlancmpError(e)
      ? { error: { code: e.code, message: e.message, file: e.file, hint: e.hint } }
      : { error: { code: 'internal', message: `internal error while reading (${String((e as Error)?.message ?? e).split('\n')[0]})` } };
  }
  process.send!(reply);
});
