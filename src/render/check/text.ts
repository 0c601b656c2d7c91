// plancmp check's text format, compiler style: `file:line: severity rule — message`, then a count.
import type { Finding } from '../../check/rules.js';
import type { Colors } from '../color.js';
import { oneLine } from '../terminal.js';
import type { CheckFileReport } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Compiler style: `file:line: severity rule — message`, then `N errors, M warnings in K files`. */
export function renderFindings(reports: readonly CheckFileReport[], colors?: Colors): string {
  const paint = (sev: Finding['severity']) => (colors ? (sev === 'error' ? colors.red : colors.yellow) : (s: string) => s);
  const lines: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      // an unreadable file was already reported on stderr with its reason
      if (f.rule === 'unreadable') continue;
      const where = f.line > 0 ? `${f.file}:${f.line}:` : `${f.file}:`;
      lines.push(`${oneLine(where)} ${paint(f.severity)(f.severity)} ${f.rule} — ${oneLine(f.message)}`);
    }
  }
  const errors = reports.reduce((s, r) => s + r.errorCount, 0);
  const warnings = reports.reduce((s, r) => s + r.warningCount, 0);
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(reports.length, 'file')}`);
  return lines.join('\n') + '\n';
}

