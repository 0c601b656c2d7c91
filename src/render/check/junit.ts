// JUnit XML, which CI test-report views (GitLab, Jenkins, Azure) show: one test suite per file, one
// test case per finding, one passing case for a clean file. Only errors fail: a warning is a passing
// case whose output says it (a report that fails on warnings would fail on every real notice).
import type { CheckRenderer } from './types.js';

const xml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '') // not allowed in XML 1.0
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const errorsOf = (fs: readonly { severity: string }[]) => fs.filter((f) => f.severity === 'error').length;

export const renderCheckJunit: CheckRenderer = (reports) => {
  const failures = reports.reduce((s, r) => s + errorsOf(r.findings), 0);
  const tests = reports.reduce((s, r) => s + Math.max(1, r.findings.length), 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="plancmp check" tests="${tests}" failures="${failures}">`];
  for (const r of reports) {
    const n = Math.max(1, r.findings.length);
    out.push(`  <testsuite name="${xml(r.file)}" tests="${n}" failures="${errorsOf(r.findings)}" errors="0">`);
    if (r.findings.length === 0) out.push(`    <testcase classname="${xml(r.file)}" name="plancmp check"/>`);
    for (const f of r.findings) {
      const where = f.line > 0 ? `${f.file}:${f.line}` : f.file;
      const text = xml(`${where}: ${f.severity} ${f.rule} — ${f.message}`);
      out.push(`    <testcase classname="${xml(r.file)}" name="${xml(`${f.rule} (line ${f.line || '-'})`)}">`);
      if (f.severity === 'error') out.push(`      <failure type="${f.severity}" message="${xml(f.message)}">${text}</failure>`);
      else out.push(`      <system-out>${text}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
