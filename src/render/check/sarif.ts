// SARIF 2.1.0, the format GitHub code scanning and most static-analysis dashboards read.
import type { Finding } from '../../check/rules.js';
import type { CheckRenderer } from './types.js';
import { RULE_HELP, ruleHelpUri } from '../../check/rule-help.js';

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function uri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function result(f: Finding) {
  const location: Record<string, unknown> = { artifactLocation: { uri: uri(f.file) } };
  if (f.line > 0) location.region = { startLine: f.line };
  return { ruleId: f.rule, level: f.severity === 'error' ? 'error' : 'warning', message: { text: f.message }, locations: [{ physicalLocation: location }] };
}

export const renderCheckSarif: CheckRenderer = (reports, version) => {
  const findings = reports.flatMap((r) => r.findings);
  // each rule with its help, shown beside a finding, and a link to its row in the README
  const rules = [...new Set(findings.map((f) => f.rule))].sort().map((id) => {
    const help = RULE_HELP[id] ?? `plancmp check rule ${id}`;
    return { id, shortDescription: { text: `plancmp check rule ${id}` }, fullDescription: { text: help }, help: { text: help, markdown: `${help}\n\n[plancmp README: ${id}](${ruleHelpUri(id)})` }, helpUri: ruleHelpUri(id) };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'plancmp', version, rules } },
        artifacts: reports.map((r) => ({ location: { uri: uri(r.file) } })),
        results: findings.map(result),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
