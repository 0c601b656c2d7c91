// The budget of one binary input, in one place: every reader (zip.ts, xml.ts, docx.ts, ofd.ts,
// ole2.ts, pdf.ts, ocr.ts) counts what it unpacks, builds or renders here while it reads, so a
// crafted file stops at the first limit it passes instead of exhausting memory or time. The
// limits are ReadLimits (src/options.ts: defaults and their reasons); PLANCMP_LIMITS=name=value,…
// raises them for every command. Passing one is the file's error: one line with the limit's name
// and how to raise it.
import { PlancmpError } from '../errors.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../options.js';

export type LimitName = keyof ReadLimits;
export const LIMITS_ENV = 'PLANCMP_LIMITS';

/** The defaults with PLANCMP_LIMITS laid over them (`zipEntryBytes=200000000,pages=5000`). */
export function readLimits(spec = process.env[LIMITS_ENV]): ReadLimits {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS };
  for (const part of (spec ?? '').split(',')) {
    if (part.trim() === '') continue;
    const m = /^\s*(\w+)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m || !(m[1] in limits)) {
      throw new PlancmpError('usage', `${LIMITS_ENV}: "${part.trim()}" is not name=number with one of ${Object.keys(limits).join(', ')}`, undefined, `e.g. ${LIMITS_ENV}=pages=5000,zipEntryBytes=200000000`);
    }
    limits[m[1] as LimitName] = Number(m[2]);
  }
  return limits;
}

/** The error for passing limit `name`: `what` says what the file holds (e.g. "word/document.xml inflates to more than …"). */
export function overLimit(file: string, name: LimitName, limit: number, what: string): PlancmpError {
  return new PlancmpError(
    'over-limit',
    `exceeds a read limit: ${what} (${name} = ${limit})`,
    file,
    `a damaged or crafted file; if it is genuine, raise the limit: ${LIMITS_ENV}=${name}=${limit * 4}`,
  );
}

/** What one file has used so far; a new Budget per file. */
export class Budget {
  private used = new Map<LimitName, number>();
  constructor(
    readonly file: string,
    readonly limits: ReadLimits = readLimits(),
  ) {}

  /** Adds `n` to a running count (per file); throws over-limit once it passes the limit. */
  spend(name: LimitName, n: number, what: (limit: number) => string): void {
    const total = (this.used.get(name) ?? 0) + n;
    this.used.set(name, total);
    if (total > this.limits[name]) throw overLimit(this.file, name, this.limits[name], what(this.limits[name]));
  }

  /** One value (a count, a size, a level) against its limit; NaN and ±Infinity never pass. */
  check(name: LimitName, value: number, what: (limit: number) => string): void {
    if (!(Math.abs(value) <= this.limits[name])) throw overLimit(this.file, name, this.limits[name], what(this.limits[name]));
  }
}
