// Progress on standard error: a bar redrawn in place when stderr is a terminal (done/total, rate,
// ETA, failures so far), nothing otherwise; and one summary line at the end, always.

export interface Counts {
  total: number;
  ok: number;
  skipped: number;
  failed: number;
  /** Bytes of the inputs parsed (ok or failed; skipped inputs are not counted). */
  bytes: number;
}

/**
 * An integer with thousands separators, as toLocaleString('en-US') writes it (1,234,567) — without
 * loading ICU's number formatting, which cost the first call ~14 ms at the end of every export.
 */
export const fmtInt = (n: number): string => {
  const s = String(Math.round(Math.abs(n)));
  let out = s.length > 3 ? s.slice(0, s.length % 3 || 3) : s;
  for (let i = s.length % 3 || 3; i < s.length; i += 3) out += `,${s.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
};
function clock(s: number): string {
  if (!Number.isFinite(s)) return '--:--';
  s = Math.round(s);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Width of a string in terminal columns (the bar and digits are narrow; CJK would be wide). */
function columnsOf(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return n;
}

/**
 * The progress line, fitted to the terminal: the bar shrinks (24 cells at most, 6 at least) so the
 * counts fit in `columns - 1` (writing the last column makes some terminals wrap); on a very narrow
 * terminal the bar goes and the text is cut.
 */
export function progressLine(done: number, total: number, status: string, columns: number): string {
  const max = Math.max(1, columns - 1);
  const text = ` ${status}`;
  const room = max - columnsOf(text);
  const width = Math.min(24, room);
  if (width < 6) return [...status].slice(0, max).join('');
  const fill = total ? Math.round((done / total) * width) : width;
  return '█'.repeat(fill) + '░'.repeat(width - fill) + text;
}

export class Progress {
  private last = 0;
  private started = performance.now();
  private drawn = false;
  constructor(
    private stream: NodeJS.WritableStream,
    private enabled: boolean,
  ) {}

  update(c: Counts, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const done = c.ok + c.skipped + c.failed;
    const secs = (now - this.started) / 1000;
    const worked = c.ok + c.failed;
    const rate = secs > 0 ? worked / secs : 0;
    const eta = rate > 0 ? (c.total - done) / rate : Infinity;
    const pct = c.total ? Math.floor((done / c.total) * 100) : 100;
    const fails = c.failed ? ` · ${fmtInt(c.failed)} failed` : '';
    const status = `${fmtInt(done)}/${fmtInt(c.total)} ${pct}% · ${rate.toFixed(1)}/s · ETA ${clock(eta)}${fails}`;
    const columns = (this.stream as NodeJS.WriteStream).columns || 80;
    this.stream.write(`\r\x1b[2K${progressLine(done, c.total, status, columns)}`);
    this.drawn = true;
  }

  /** Clears the bar so the summary starts on a clean line. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }

  elapsedMs(): number {
    return performance.now() - this.started;
  }
}

export function summaryLine(c: Counts, ms: number, threads: string, errorsFile?: string): string {
  const secs = ms / 1000;
  const worked = c.ok + c.failed;
  const parts = [`${fmtInt(c.ok)} exported`];
  if (c.skipped) parts.push(`${fmtInt(c.skipped)} up to date (skipped)`);
  parts.push(`${fmtInt(c.failed)} failed`);
  const rate = secs > 0 && c.ok ? ` (${(worked / secs).toFixed(1)} notices/s, ${(c.bytes / 1024 / 1024 / secs).toFixed(2)} MB/s, ${threads})` : ` (${threads})`;
  const where = !c.failed ? '' : errorsFile ? ` — failures listed in ${errorsFile}` : ' — failures listed above';
  return `plancmp export: ${parts.join(', ')} of ${fmtInt(c.total)} inputs in ${secs.toFixed(1)} s${rate}${where}\n`;
}
