// Time requirements (时间要求) in task text and key-task table cells, and how two of them compare.
// One linear scan with bounded patterns (deadline-patterns.ts); clause boundaries and 《》 spans are
// tracked with forward-only cursors, so a 5 MB line without punctuation stays linear too.
import type { Deadline, Frequency, FrequencyUnit } from '../model.js';
import {
  CELL_UNSPECIFIED,
  TARGET_VERB,
  GROUP,
  nextDeadline,
  PLAN_DOCUMENT_AFTER,
  cyclePoint,
  durationOf,
  inPlanParen,
  isPolicyTerm,
  iso,
  lastDay,
  monthSpan,
  readNumber,
} from './deadline-patterns.js';

type Found = Omit<Deadline, 'text' | 'clause'>;
/** A named group of the current match. */
type Groups = (name: string) => string | undefined;

const CLAUSE_SEP = '。；;！!？?，,\n\r';
const STOP_SEP = '。；;！!？?\n\r';
const SPACE = ' \u3000\t';
/** Clauses longer than this (text without punctuation) are cut to a window around the expression. */
const MAX_CLAUSE = 400;
const LEADING_NUMBER =
  /^(?:[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|[0-9０-９]{1,3}(?:[、．]|\.(?![0-9]))|[①-⑳])[ \u3000\t]{0,3}/;

const yearEnd = (y: number): Found => ({ kind: 'by', date: iso(y, 12, 31) });

/** Date parts shared by 2018年… and a month without a year: [start, end] of the named period. */
function period(y: number, g: Groups, p: 'd' | 'm'): [string?, string?] | undefined {
  const month = g(`${p}M`);
  if (month !== undefined) {
    const m = readNumber(month);
    const dayText = g(`${p}D`);
    const day = dayText === undefined ? undefined : readNumber(dayText);
    const span = monthSpan(y, m, day, g(`${p}Ms`));
    return span[1] ? span : undefined;
  }
  const half = g('dH');
  if (half) return half === '上半年' ? [iso(y, 1, 1), iso(y, 6, 30)] : [iso(y, 7, 1), iso(y, 12, 31)];
  const quarter = g('dQ');
  if (quarter) {
    const q = readNumber(quarter);
    return [iso(y, q * 3 - 2, 1), monthSpan(y, q * 3)[1]];
  }
  if (g('dE') === '年中') return [iso(y, 1, 1), iso(y, 6, 30)];
  return [iso(y, 1, 1), iso(y, 12, 31)];
}

function dated(g: Groups, text: string, end: number): Found | null {
  const y = readNumber(g('dY')!);
  if (!iso(y, 1, 1) || g('dStart')?.trim() === '以来') return null;
  const [start, last] = period(y, g, 'd') ?? [];
  if (!last) return null;
  if (g('dStart') || g('dFrom')) return { kind: 'from', start };
  const marked = g('dPre') || g('dM') || g('dH') || g('dQ') || g('dE') || g('dIn') || g('dBefore');
  if (!marked && !TARGET_VERB.test(text.slice(end, end + 8))) return null; // a bare year: 2018年政府工作报告
  return { kind: 'by', date: last };
}

function monthOnly(g: Groups, docYear?: number): Found | null {
  if (!g('mMs') && !g('mBefore') && !g('mStart')) return null; // 3月 alone is no requirement
  const y = docYear === undefined ? undefined : docYear + (g('mY') === '明年' ? 1 : 0);
  const span = period(y ?? 2000, g, 'm'); // 2000 only validates month/day when the year is unknown
  if (!span) return null;
  if (g('mStart')) return y === undefined ? { kind: 'from' } : { kind: 'from', start: span[0] };
  return y === undefined ? { kind: 'by' } : { kind: 'by', date: span[1] };
}

const EVERY_FREQ: Record<string, Frequency> = {
  年度: 'yearly', 年: 'yearly', 季度: 'quarterly', 季: 'quarterly', 月: 'monthly', 月度: 'monthly',
  周: 'weekly', 星期: 'weekly', 旬: 'ten-daily', 天: 'daily', 日: 'daily',
};

/** 每三个月 → every-3-months: the unit of a frequency, counted. */
const UNITS: Partial<Record<Frequency, FrequencyUnit>> = { yearly: 'years', quarterly: 'quarters', monthly: 'months', 'ten-daily': 'ten-day-periods', weekly: 'weeks', daily: 'days' };

function everyFrequency(n: string | undefined, unit: string): Frequency {
  const base = EVERY_FREQ[unit];
  if (!n) return base;
  const k = readNumber(n);
  if (k === 1) return base;
  if (k === 0.5) return unit.startsWith('年') ? 'half-yearly' : unit === '月' ? 'half-monthly' : base;
  if (unit.startsWith('年') && k === 2) return 'biennial';
  if ((unit === '周' || unit === '星期') && k === 2) return 'biweekly';
  return `every-${k}-${UNITS[base] ?? 'days'}`;
}

function interpret(g: Groups, text: string, end: number, docYear?: number): Found | null {
  if (g('cycle') || g('annual') || g('whole')) return { kind: 'recurring', frequency: 'yearly' };
  if (g('months')) {
    const y1 = readNumber(g('mrY1')!);
    const m1 = readNumber(g('mrM1')!);
    const y2 = g('mrY2') ? readNumber(g('mrY2')!) : y1;
    const m2 = readNumber(g('mrM2')!);
    const start = iso(y1, m1, 1);
    const last = iso(y2, m2, lastDay(y2, m2));
    if (!start || !last || last < start) return null;
    return { kind: 'range', date: last, start, end: last };
  }
  if (g('range')) {
    const y1 = readNumber(g('rY1')!);
    const y2 = readNumber(g('rY2')!);
    if (!g('rN1') && !g('rN2')) return null;
    if (!iso(y1, 1, 1) || !iso(y2, 1, 1) || y2 < y1) return null;
    const last = iso(y2, 12, 31);
    return { kind: 'range', date: last, start: iso(y1, 1, 1), end: last };
  }
  if (g('dated')) return dated(g, text, end);
  if (g('bare')) {
    if (!g('bY') && !g('bBefore')) return null; // 年末有考评 alone
    if (docYear === undefined) return { kind: 'by' };
    return yearEnd(docYear + (g('bY') === '明' ? 1 : 0));
  }
  if (g('month')) return monthOnly(g, docYear);
  if (g('every')) return { kind: 'recurring', frequency: everyFrequency(g('eN'), g('eU')!) };
  if (g('per')) return { kind: 'recurring', frequency: everyFrequency(g('pN'), '年') };
  if (g('step')) return { kind: 'recurring', frequency: EVERY_FREQ[g('sU')!] };
  if (g('split')) return { kind: 'recurring', frequency: EVERY_FREQ[g('spU')!] };
  if (g('perUnit')) return { kind: 'recurring', frequency: EVERY_FREQ[g('uU')!] };
  if (g('campaign') && PLAN_DOCUMENT_AFTER.test(text.slice(end, end + 6))) return null; // 三年行动方案: a plan's name
  if (g('use') || g('within') || g('withinDays') || g('campaign')) return { kind: 'duration' };
  if (g('follows')) return { kind: 'follows' };
  if (g('timely')) return { kind: 'unspecified' };
  return null;
}

function blank(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!SPACE.includes(t[i])) return false;
  return true;
}

/** Forward-only cursors over one text: clause boundaries and 《…》 spans. */
class Cursor {
  private scanned = 0;
  private lastSep = -1;
  private nextSep = -1;
  private nextStop = -1;
  private titles: [number, number][] = [];
  private title = 0;

  constructor(private readonly text: string) {
    for (let i = text.indexOf('《'); i >= 0; i = text.indexOf('《', i + 1)) {
      let close = text.indexOf('》', i + 1);
      if (close < 0) close = text.length;
      this.titles.push([i, close]);
      i = close;
      if (i >= text.length) break;
    }
  }

  inTitle(pos: number): boolean {
    while (this.title < this.titles.length && this.titles[this.title][1] < pos) this.title++;
    const t = this.titles[this.title];
    return t !== undefined && t[0] < pos && pos < t[1];
  }

  private find(from: number, seps: string): number {
    let i = from;
    while (i < this.text.length && !seps.includes(this.text[i])) i++;
    return i;
  }

  clause(s: number, e: number): string {
    const t = this.text;
    for (; this.scanned < s; this.scanned++) if (CLAUSE_SEP.includes(t[this.scanned])) this.lastSep = this.scanned;
    let left = this.lastSep + 1;
    if (this.nextSep < e) this.nextSep = this.find(e, CLAUSE_SEP);
    let right = this.nextSep;
    // 2022年底前，建立…体系: an expression that is a whole clause on its own, at the start of the
    // sentence part, continues to the sentence end so the clause reads as a complete requirement
    const alone = blank(t, e, right) && s - left <= 12 && t.slice(left, s).trim().replace(LEADING_NUMBER, '') === '';
    if (alone && (t[right] === '，' || t[right] === ',')) {
      if (this.nextStop < e) this.nextStop = this.find(e, STOP_SEP);
      right = this.nextStop;
    }
    if (right - left > MAX_CLAUSE) {
      left = Math.max(left, s - MAX_CLAUSE / 2);
      right = Math.min(right, e + MAX_CLAUSE / 2);
    }
    return t.slice(left, right).trim().replace(LEADING_NUMBER, '').trim();
  }
}

/** 每年年末…报告年度…情况: the same recurring requirement mentioned twice in one clause. */
function repeats(prev: Deadline | undefined, d: Deadline): boolean {
  return (
    d.kind === 'recurring' &&
    prev?.kind === 'recurring' &&
    prev.frequency === d.frequency &&
    prev.clause === d.clause
  );
}

/** Every time requirement written in a task's text, in order of appearance. */
export function extractDeadlines(text: string, docYear?: number): Deadline[] {
  const out: Deadline[] = [];
  if (!text) return out;
  let cursor: Cursor | undefined; // made at the first match: most texts hold none
  for (let m = nextDeadline(text, 0); m !== null; m = nextDeadline(text, m.index + Math.max(m[0].length, 1))) {
    if (m[0].length === 0) continue;
    const s = m.index;
    const e = s + m[0].length;
    cursor ??= new Cursor(text);
    if (cursor.inTitle(s)) continue;
    const match = m;
    const found = interpret((name) => match[GROUP[name]], text, e, docYear);
    if (!found) continue;
    if ((found.kind === 'by' || found.kind === 'range' || found.kind === 'from') && (inPlanParen(text, s, e) || isPolicyTerm(text, s))) continue;
    const d: Deadline = { text: m[0].trim(), ...found, clause: cursor.clause(s, e) };
    if (!repeats(out[out.length - 1], d)) out.push(d);
  }
  return out;
}

/** The 时间要求 cell of a key-task table: its first requirement, with the whole cell as the clause. */
export function parseDeadlineCell(cell: string, docYear?: number): Deadline {
  const clause = cell.trim();
  const first = extractDeadlines(clause, docYear)[0];
  if (first) return { ...first, clause };
  const vague = CELL_UNSPECIFIED.exec(clause);
  if (vague) return { text: vague[0], kind: 'unspecified', clause };
  return { text: clause, kind: 'other', clause };
}

/** The date a dated requirement is measured by: the deadline, a range's end, a start. */
function measure(d: Deadline): string | undefined {
  if (d.kind === 'by') return d.date;
  if (d.kind === 'range') return d.end ?? d.date;
  if (d.kind === 'from') return d.start;
  return undefined;
}

/** Local relative to base: 'earlier'/'later' compare end dates; kinds that cannot be compared are 'changed'. */
export function compareDeadlines(base: Deadline, local: Deadline): 'same' | 'earlier' | 'later' | 'changed' {
  const kinds = new Set([base.kind, local.kind]);
  if (kinds.has('from') && kinds.has('recurring')) return 'same'; // both open-ended, ongoing
  const a = measure(base);
  const b = measure(local);
  if (a && b) return b < a ? 'earlier' : b > a ? 'later' : 'same';
  if (base.kind !== local.kind) return 'changed';
  switch (base.kind) {
    case 'recurring': {
      if ((base.frequency ?? '') !== (local.frequency ?? '')) return 'changed';
      // 每年12月底清理 → 每年清理: the date within the cycle was dropped (or added, or moved)
      const a = cyclePoint(base.text);
      const b = cyclePoint(local.text);
      if (a === b) return 'same';
      const dated = /^\d\d-\d\d$/;
      if (!a || !b || !dated.test(a) || !dated.test(b)) return 'changed'; // 每季度末 vs 每季度初: no order kept
      return b < a ? 'earlier' : 'later';
    }
    case 'duration': {
      const a = durationOf(base.text);
      const b = durationOf(local.text);
      if (!a || !b || a.unit !== b.unit) return a?.unit === b?.unit ? 'same' : 'changed';
      return b.amount < a.amount ? 'earlier' : b.amount > a.amount ? 'later' : 'same';
    }
    case 'follows':
    case 'unspecified':
      return 'same';
    default: // an undated 'by' (10月底前 without the year) or 'other': compare as written
      return base.text.replace(/\s/g, '') === local.text.replace(/\s/g, '') ? 'same' : 'changed';
  }
}

export function sameDeadline(a: Deadline, b: Deadline): boolean {
  return compareDeadlines(a, b) === 'same';
}
