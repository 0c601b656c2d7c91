// GitHub Actions workflow commands: each finding becomes an annotation on the file and line
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
import type { CheckRenderer } from './types.js';

/** Message text: %, CR and LF must be escaped. */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Property values additionally escape : and , (they separate properties). */
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const renderCheckGithub: CheckRenderer = (reports) => {
  const lines: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      const where = [`file=${prop(f.file)}`, ...(f.line > 0 ? [`line=${f.line}`] : []), `title=${prop(`plancmp ${f.rule}`)}`].join(',');
      lines.push(`::${f.severity === 'error' ? 'error' : 'warning'} ${where}::${data(f.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
