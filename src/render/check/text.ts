// plancmp check's text format, compiler style: `file:line: severity rule — message`, then a count.
import type { Finding } from '../../check/rules.js';
import type { Colors } from '../color.js';
import { oneLine } from '../terminal.js';
import { someLines } from '../report.js';
import type { CheckFileReport } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Compiler style: `file:line: severity rule — message`, then `N errors, M warnings in K files`. */
export function renderFindings(reports: readonly CheckFileReport[], colors?: Colors): string {
  const paint = (sev: Finding['severity']) => (colors ? (sev === 'error' ? colors.red : colors.yellow) : (s: string) => s);
  const lines: string[] = [];
  for (const r of reports) {
    // one line per rule and severity in a file: 25 tasks without units are one finding to read
    const groups = new Map<string, Finding[]>();
    for (const f of r.findings) {
      // an unreadable file was already reported on stderr with its reason
      if (f.rule === 'unreadable') continue;
      const key = `${f.file}\u0000${f.rule}\u0000${f.severity}`;
      const g = groups.get(key);
      if (g) g.push(f);
      else groups.set(key, [f]);
    }
    for (const [first, ...rest] of groups.values()) {
      const where = first.line > 0 ? `${first.file}:${first.line}:` : `${first.file}:`;
      const more = rest.length ? ` (and ${rest.length} more like it, lines ${someLines(rest.map((f) => f.line))})` : '';
      lines.push(`${oneLine(where)} ${paint(first.severity)(first.severity)} ${first.rule} — ${oneLine(first.message)}${more}`);
    }
  }
  const errors = reports.reduce((s, r) => s + r.errorCount, 0);
  const warnings = reports.reduce((s, r) => s + r.warningCount, 0);
  const unreadable = reports.filter((r) => r.findings.some((f) => f.rule === 'unreadable')).length;
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(reports.length, 'file')}${unreadable ? ` (${unreadable} could not be read)` : ''}`);
  return lines.join('\n') + '\n';
}

