// The export record: one per notice, the same shape in an --out file and on a --jsonl line:
//   { "export": ExportHeader, "notice": Notice, "diff"?: PlanDiff, ...RecordFacts }
// The header says what produced the record; --resume reuses a record only when it matches.
// The facts (taskCount, isPlan, parentStatus …) are in every record, also when 0 or null, so a data
// frame built from the records (pandas json_normalize) keeps every notice. They come after the
// notice: the header ends where ,"notice": first occurs (jsonl-resume.ts).
import { openSync, readSync, closeSync, readFileSync } from 'node:fs';
import type { Notice, PlanDiff } from '../model.js';

export interface ExportHeader {
  /** The input path as given (or as found under a given directory). */
  input: string;
  /** sha256 of the input bytes, hex. */
  sha256: string;
  bytes: number;
  /** plancmp package version that wrote the record. */
  plancmp: string;
  schema: string;
  /** With --diff: the base and the diff schema; null without. */
  diff: { schema: string; base: string; sha256: string | null } | null;
  /** --encoding, when forced. */
  encoding: string | null;
}

/** How a record's diff base was chosen: given (--base FILE or the embedded 16号), or by --base auto. */
export type ParentStatus = 'given' | 'found' | 'cited-but-missing' | 'none' | 'not-a-plan';

/** The plan this record is diffed against (or, by --base auto, would be: its parent). */
export interface ParentRef {
  file: string;
  docNumber: string | null;
  /** --base auto: how the parent was found (src/chain/parents.ts); null for a given base. */
  evidence: string | null;
}

/** Plan-level facts of a record, flat, every field present (null when it does not apply). */
export interface RecordFacts {
  taskCount: number;
  keyListRows: number;
  isPlan: boolean;
  /** The notice's kind (文种), when its title says. */
  kind: string | null;
  truncated: boolean;
  /** null without --diff. */
  parentStatus: ParentStatus | null;
  parent: ParentRef | null;
  /** cited-but-missing: the cited 文号, or 《title》 when the citation has none. */
  citedParent: string | null;
  /** From the diff; null when the notice was not diffed. */
  sameFamily: boolean | null;
  familyEvidence: string | null;
  coverage: number | null;
  linked: number | null;
  dropped: number | null;
  added: number | null;
}

/** What the job knows about the base before diffing: how it was chosen and which plan it is. */
export interface ParentChoiceFacts {
  status: ParentStatus;
  parent: ParentRef | null;
  citedParent?: string;
}

export function recordFacts(notice: Notice, diff: PlanDiff | undefined, choice: ParentChoiceFacts | undefined): RecordFacts {
  return {
    taskCount: notice.tasks.length,
    keyListRows: notice.keyList.length,
    isPlan: notice.taskShape?.plan !== false,
    kind: notice.taskShape?.kind ?? null,
    truncated: !!notice.truncated,
    parentStatus: choice?.status ?? null,
    parent: choice?.parent ?? null,
    citedParent: choice?.citedParent ?? null,
    sameFamily: diff ? diff.family.sameFamily : null,
    familyEvidence: diff ? diff.family.by : null,
    coverage: diff ? diff.summary.coverage : null,
    linked: diff ? diff.summary.linked : null,
    dropped: diff ? diff.summary.dropped : null,
    added: diff ? diff.summary.added : null,
  };
}

/** Everything in a header that is not about the input itself. */
export type Fingerprint = Pick<ExportHeader, 'plancmp' | 'schema' | 'diff' | 'encoding'>;

export function fingerprintKey(h: Fingerprint): string {
  return JSON.stringify([h.plancmp, h.schema, h.diff, h.encoding]);
}

/** Whether an existing record's header is current for this input content and these settings. */
export function isCurrent(h: unknown, input: string, sha256: string, fp: Fingerprint): boolean {
  if (!h || typeof h !== 'object') return false;
  const x = h as ExportHeader;
  return x.input === input && x.sha256 === sha256 && fingerprintKey(x) === fingerprintKey(fp);
}

const MARK = '\u0000plancmp-export-header';
const QUOTED_MARK = JSON.stringify(MARK);
// Valid JSON already, but some line-oriented readers split on these.
const lineSafe = (json: string) => json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const HEAD = '{\n  "export": ';

/**
 * The --out file: pretty-printed, with the header alone on the second line so it can be read cheaply.
 * Returned as pieces whose concatenation is the file's text (writeOutput encodes them one after
 * another): a record is ~70–160 KB of two-byte text, and joining the pieces would copy all of it
 * again (a large-object allocation each time) only to be encoded to UTF-8 once more.
 */
export function recordFile(header: ExportHeader, notice: Notice, diff: PlanDiff | undefined, facts: RecordFacts): string[] {
  // one pass of JSON.stringify; the header's placeholder is the first string in the text
  const pretty = JSON.stringify(diff ? { export: MARK, notice, diff, ...facts } : { export: MARK, notice, ...facts }, null, 2);
  const at = pretty.indexOf(QUOTED_MARK);
  // slices of a flat string share its characters (no copy); the cuts fall between JSON tokens
  return [pretty.slice(0, at), JSON.stringify(header), pretty.slice(at + QUOTED_MARK.length), '\n'];
}

/** A --jsonl line (with its newline), as pieces like recordFile. */
export function recordLine(header: ExportHeader, notice: Notice, diff: PlanDiff | undefined, facts: RecordFacts): string[] {
  return [lineSafe(JSON.stringify(diff ? { export: header, notice, diff, ...facts } : { export: header, notice, ...facts })), '\n'];
}

/** The header of an --out file, read from its first bytes only; undefined when absent or unreadable. */
export function readFileHeader(file: string): ExportHeader | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8');
    if (!text.startsWith(HEAD)) return undefined;
    const end = text.indexOf('\n', HEAD.length);
    if (end < 0) return undefined;
    return JSON.parse(text.slice(HEAD.length, end).replace(/,$/, '')) as ExportHeader;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * --resume for --out: whether `file` holds a complete record that is current for this input and
 * these settings. The whole file is checked (complete JSON, the header matching, a notice in it),
 * not only its first line: a truncated or hand-edited file is redone, never counted up to date.
 */
export function readCompleteRecord(file: string, input: string, sha256: string, fp: Fingerprint): boolean {
  if (!isCurrent(readFileHeader(file), input, sha256, fp)) return false; // cheap check first
  try {
    const rec = JSON.parse(readFileSync(file, 'utf8')) as { export?: unknown; notice?: unknown };
    return isCurrent(rec.export, input, sha256, fp) && isRecordBody(rec);
  } catch {
    return false;
  }
}

/** What every record holds besides its header (the diff only when the fingerprint asks for one). */
export function isRecordBody(rec: { notice?: unknown; diff?: unknown; export?: unknown; taskCount?: unknown; parentStatus?: unknown }): boolean {
  const n = rec.notice as { tasks?: unknown; source?: unknown } | null | undefined;
  if (!n || typeof n !== 'object' || !Array.isArray(n.tasks) || typeof rec.taskCount !== 'number') return false;
  const wantsDiff = !!(rec.export as ExportHeader | undefined)?.diff;
  // --base auto diffs only the notices with a parent (and tasks on both sides)
  if (!wantsDiff || (rec.export as ExportHeader).diff!.base === 'auto') return true;
  return !!rec.diff && typeof rec.diff === 'object';
}
